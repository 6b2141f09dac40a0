import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { personsApi, type HistoryEntry } from './api.ts';

const SECTIONS = ['names', 'birthDate', 'sex', 'citizenships', 'documents', 'addresses', 'contacts', 'protection', 'registeredIn'] as const;

/** Which sections differ between a version and the one before it. */
function changed(cur: HistoryEntry, prev: HistoryEntry | undefined): string[] {
  if (!prev) return [];
  return SECTIONS.filter((s) => JSON.stringify(cur.record[s]) !== JSON.stringify(prev.record[s]));
}

export function PersonHistory({ id, purpose }: { id: string; purpose: string }) {
  const i = useI18n();
  const { t } = i;
  const [items, setItems] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    setError(null);
    try {
      setItems((await personsApi.history(id, purpose)).items);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('persons.history')}</h2>
      <ErrorAlert error={error} />
      {!items && (
        <button type="button" onClick={load}>
          {t('persons.showHistory')}
        </button>
      )}
      {items && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('persons.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.version')}</th>
                <th scope="col">{t('reference.changedAt')}</th>
                <th scope="col">{t('reference.changedBy')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('reference.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h, n) => (
                <tr key={h.version}>
                  <th scope="row">{h.version}</th>
                  <td>{i.dateTime(h.at)}</td>
                  <td>{h.actorName ?? '—'}</td>
                  <td>
                    <code>{h.action}</code>
                  </td>
                  <td>{changed(h, items[n + 1]).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
