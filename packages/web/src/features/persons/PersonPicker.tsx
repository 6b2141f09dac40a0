import { useState, type KeyboardEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { personsApi, type Hit, type PersonSummary } from './api.ts';
import { PersonCell } from './common.tsx';

/**
 * Finds another person with the registry search (any name in any script, or a document number) and
 * chooses one. It lives inside other forms, so it is not a form itself: Enter in the field searches.
 * Protected persons the reader cannot see are listed but cannot be chosen.
 */
export function PersonPicker(props: { id: string; label: string; purpose: string; exclude: readonly string[]; onChoose: (p: PersonSummary) => void }) {
  const i = useI18n();
  const { t } = i;
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const search = async () => {
    if (!q.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await personsApi.search({ q: q.trim(), purpose: props.purpose, limit: 10 });
      setHits(r.items);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const shown = hits?.filter((h) => !props.exclude.includes(h.person.id));
  const choose = (p: PersonSummary) => {
    setHits(null);
    setQ('');
    props.onChoose(p);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void search();
    }
  };

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={props.id}>{props.label}</label>
        <p className="hint" id={`${props.id}-hint`}>
          {t('persons.searchHint')}
        </p>
        <div className="actions">
          <input id={props.id} type="search" value={q} maxLength={200} autoComplete="off" aria-describedby={`${props.id}-hint`} onChange={(e) => setQ(e.target.value)} onKeyDown={onKey} />
          <button type="button" onClick={() => void search()} disabled={busy || !q.trim()}>
            {t('common.search')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      <p role="status" className="small">
        {busy ? t('common.loading') : shown ? t('persons.count', { count: i.number(shown.length) }) : ''}
      </p>
      {shown && shown.length > 0 && (
        <ul className="hits" aria-label={t('persons.edit.searchResults')}>
          {shown.map((h) => (
            <li key={h.person.id} className="hit">
              <PersonCell person={h.person} />
              {h.person.masked ? (
                <p className="small muted">{t('persons.edit.cannotChooseMasked')}</p>
              ) : (
                <button type="button" className="pick" onClick={() => !h.person.masked && choose(h.person)}>
                  {t('persons.edit.choosePerson')}
                  <span className="visually-hidden">: {h.person.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
