import { personText } from '../../components/display.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { Loaded } from '../../components/useLoad.ts';
import type { ReferenceChange } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { diff, valueText } from './diff.ts';

export function ReferenceHistory({ history }: { history: Loaded<ReferenceChange[]> }) {
  const i = useI18n();
  const { t } = i;
  const items = history.data;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('reference.history')}</h2>
      <ErrorAlert error={history.error} />
      {history.loading && <p role="status">{t('common.loading')}</p>}
      {items && items.length === 0 && <p>{t('reference.noHistory')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reference.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.version')}</th>
                <th scope="col">{t('reference.changedAt')}</th>
                <th scope="col">{t('reference.changedBy')}</th>
                <th scope="col">{t('reference.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {[...items]
                .sort((a, b) => b.version - a.version)
                .map((h) => {
                  const changes = diff(h.before, h.after);
                  return (
                    <tr key={h.version}>
                      <th scope="row">{h.version}</th>
                      <td>{i.dateTime(h.changedAt)}</td>
                      <td>{personText(h.changedBy)}</td>
                      <td>
                        {changes.length === 0 ? (
                          '—'
                        ) : (
                          <ul className="changes">
                            {changes.map((c) => (
                              <li key={c.field}>
                                <code>{c.field}</code>: {valueText(c.before)} → {valueText(c.after)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
