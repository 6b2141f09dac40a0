import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { personsApi, type PersonView } from './api.ts';

/** Merge another record into this one (by its id), or undo a merge of a record merged into this one. */
export function MergePanel({ person, onChanged }: { person: PersonView; onChanged: () => void }) {
  const { t } = useI18n();
  const [otherId, setOtherId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await fn();
      setDone(message);
      setConfirming(false);
      setOtherId('');
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="panel stack" aria-labelledby="merge-heading">
      <h2 id="merge-heading">{t('persons.mergeTitle')}</h2>
      <p>{t('persons.mergeText')}</p>
      <ErrorAlert error={error} />
      {done && <StatusMessage tone="success">{done}</StatusMessage>}
      <TextField id="merge-other" label={t('persons.mergeOther')} value={otherId} onChange={setOtherId} maxLength={36} />
      <div className="actions">
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => run(() => personsApi.merge(person.id, otherId.trim()), t('persons.merged'))}>
              {t('persons.mergeConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" disabled={!/^[0-9a-f-]{36}$/i.test(otherId.trim())} onClick={() => setConfirming(true)}>
            {t('persons.merge')}
          </button>
        )}
      </div>
      {person.mergedFrom.length > 0 && (
        <>
          <h3>{t('persons.mergedFrom')}</h3>
          <ul>
            {person.mergedFrom.map((id) => (
              <li key={id}>
                <code>{id}</code>{' '}
                <button type="button" onClick={() => run(() => personsApi.unmerge(id), t('persons.unmerged'))}>
                  {t('persons.unmerge')}
                </button>{' '}
                <a href={href(['persons', id])}>{t('persons.openMerged')}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
