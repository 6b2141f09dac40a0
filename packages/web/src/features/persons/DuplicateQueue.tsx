import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { personsApi, type Pair } from './api.ts';
import { PersonCell } from './common.tsx';
import { Explanation } from './Explanation.tsx';

type Status = 'open' | 'same' | 'different' | 'unsure';

/** The review queue: pairs that may be one person; decide same (merge), not the same, or unsure. */
export function DuplicateQueue() {
  const i = useI18n();
  const { t } = i;
  const [status, setStatus] = useState<Status>('open');
  const list = useLoad(`pairs:${status}`, (signal) => personsApi.pairs({ status, limit: 50 }, signal));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const decide = async (pair: Pair, decision: 'same' | 'different' | 'unsure') => {
    setError(null);
    try {
      await personsApi.decide(pair.id, decision);
      setNotice(t('persons.decided'));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const batch = async () => {
    setError(null);
    try {
      const r = await personsApi.dedupe();
      setNotice(t('persons.batchDone', { scanned: r.scanned, pairs: r.pairs }));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h1>{t('persons.duplicatesTitle')}</h1>
      <p className="actions">
        <a href="#/persons">{t('persons.backToSearch')}</a>
        <button type="button" onClick={batch}>
          {t('persons.runBatch')}
        </button>
      </p>
      <div className="filters">
        <SelectField id="pairs-status" label={t('field.status')} value={status} onChange={(v) => setStatus(v as Status)}>
          <option value="open">{t('persons.pairs.open')}</option>
          <option value="unsure">{t('persons.pairs.unsure')}</option>
          <option value="same">{t('persons.pairs.same')}</option>
          <option value="different">{t('persons.pairs.different')}</option>
        </SelectField>
      </div>
      <ErrorAlert error={error ?? list.error} />
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      <p role="status" className="result-count">
        {list.loading ? t('common.loading') : list.data ? t('persons.pairsCount', { count: i.number(list.data.total) }) : ''}
      </p>
      <ol className="hits">
        {(list.data?.items ?? []).map((pair) => (
          <li key={pair.id} className="hit pair">
            <div className="pair-sides">
              <PersonCell person={pair.a} />
              <PersonCell person={pair.b} />
            </div>
            <p className="small">
              <span className="tag">{t('persons.score', { score: pair.score.toFixed(2) })}</span>
            </p>
            <Explanation explanation={pair.explanation} score={pair.score} />
            {(pair.status === 'pending' || pair.status === 'unsure') && (
              <div className="actions" role="group" aria-label={t('persons.decision')}>
                <button type="button" className="primary" onClick={() => decide(pair, 'same')}>
                  {t('persons.decide.same')}
                </button>
                <button type="button" onClick={() => decide(pair, 'different')}>
                  {t('persons.decide.different')}
                </button>
                {pair.status === 'pending' && (
                  <button type="button" onClick={() => decide(pair, 'unsure')}>
                    {t('persons.decide.unsure')}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
