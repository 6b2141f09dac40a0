import { useEffect } from 'react';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { edgeApi } from './edge.ts';

const REFRESH_MS = 15_000;

/**
 * On an edge node (ADR 0503) the console says whether the centre is reachable, how old the lists are and
 * how many crossings and adjudications (ADR 0514) wait to be sent. A central server shows nothing. Only the connection line is a live
 * region: the age and the counts change every refresh and would otherwise be read out every 15 s.
 * `lastRecorded` (the crossing just recorded) refreshes it at once, so the waiting count is right.
 */
export function EdgeBanner({ lastRecorded }: { lastRecorded?: string | undefined }) {
  const { t, dateTime, number } = useI18n();
  const status = useLoad('edge-status', (signal) => edgeApi.status(signal));
  const { reload } = status;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (lastRecorded) reload();
  }, [lastRecorded, reload]);
  const s = status.data;
  if (!s || s.mode !== 'edge') return null;
  const minutes = s.lists.ageSeconds === null ? null : Math.floor(s.lists.ageSeconds / 60);
  return (
    <section className={s.centre.reachable ? 'edge-banner panel' : 'edge-banner notice'} aria-labelledby="edge-banner-title">
      <div role="status">
        <h2 id="edge-banner-title" className="small">
          {s.centre.reachable ? t('edge.online') : t('edge.offline')}
        </h2>
      </div>
      <p>
        {s.lists.asOf
          ? t('edge.listsAsOf', { when: dateTime(s.lists.asOf), minutes: number(minutes ?? 0) })
          : t('edge.listsNever')}
      </p>
      <p>{t('edge.pending', { count: number(s.outbox.pending) })}</p>
      {s.outbox.rejected > 0 && <p>{t('edge.rejected', { count: number(s.outbox.rejected) })}</p>}
      {s.outbox.clockWarnings > 0 && <p>{t('edge.clockWarnings', { count: number(s.outbox.clockWarnings) })}</p>}
      {s.adjudications.pending > 0 && <p>{t('edge.adjudicationsPending', { count: number(s.adjudications.pending) })}</p>}
      {s.adjudications.rejected > 0 && <p>{t('edge.adjudicationsRejected', { count: number(s.adjudications.rejected) })}</p>}
    </section>
  );
}
