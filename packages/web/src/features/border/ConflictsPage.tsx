import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { edgeApi, type Conflict } from './edge.ts';
import { DECISION, DIRECTION } from './labels.ts';

function ConflictItem({ c, onResolved }: { c: Conflict; onResolved: (c: Conflict) => void }) {
  const { t, dateTime } = useI18n();
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <li className="panel stack">
      <h2>
        {c.document.issuingState} {c.document.number}
      </h2>
      <p>{t('edge.conflict.interval', { minutes: c.intervalMinutes, minimum: c.minimumMinutes })}</p>
      <ul>
        {c.crossings.map((x) => (
          <li key={x.id}>
            {x.crossingPoint} · {dateTime(x.occurredAt)} · {t(DIRECTION[x.direction] ?? 'border.direction.entry')} · {t(DECISION[x.decision] ?? 'border.decision.admit')} · {x.officerName}
          </li>
        ))}
      </ul>
      {c.state === 'open' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            edgeApi.resolve(c.id, resolution).then(onResolved, (err: unknown) => {
              setError(err);
              setBusy(false);
            });
          }}
        >
          <TextField id={`resolution-${c.id}`} label={t('edge.conflict.resolution')} value={resolution} onChange={setResolution} required maxLength={2000} />
          <ErrorAlert error={error} />
          <button type="submit" disabled={busy || resolution.trim().length < 3}>
            {t('edge.conflict.resolve')}
          </button>
        </form>
      ) : (
        <p>{t('edge.conflict.resolved', { who: c.resolvedBy ?? '', text: c.resolution ?? '' })}</p>
      )}
    </li>
  );
}

/** #/border/conflicts: documents used at two posts in an impossible interval, for supervisors (ADR 0503). */
export function ConflictsPage() {
  const { t } = useI18n();
  const [state, setState] = useState<'open' | 'resolved'>('open');
  const list = useLoad(`conflicts:${state}`, (signal) => edgeApi.conflicts(state, signal));
  // The reviewed item leaves the open list: focus goes to the confirmation, not to the top of the page.
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const { reload } = list;
  const resolved = (c: Conflict) => {
    setDone(`${c.document.issuingState} ${c.document.number}`);
    reload();
  };
  return (
    <>
      <h1>{t('edge.conflicts.title')}</h1>
      <p>{t('edge.conflicts.summary')}</p>
      <fieldset className="radios">
        <legend>{t('edge.conflicts.state')}</legend>
        {(['open', 'resolved'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="conflict-state" value={s} checked={state === s} onChange={() => setState(s)} /> {t(s === 'open' ? 'edge.conflicts.open' : 'edge.conflicts.resolvedState')}
          </label>
        ))}
      </fieldset>
      <p role="status" tabIndex={-1} ref={doneRef} id="conflict-done">
        {done && t('edge.conflict.recorded', { document: done })}
      </p>
      <ErrorAlert error={list.error} />
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.data && list.data.items.length === 0 && <p>{t('edge.conflicts.none')}</p>}
      <ul className="plain stack">
        {list.data?.items.map((c) => (
          <ConflictItem key={c.id} c={c} onResolved={resolved} />
        ))}
      </ul>
    </>
  );
}
