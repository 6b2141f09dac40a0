import { useI18n } from '../../i18n/index.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { href } from '../../router.ts';
import { apisApi } from './apisApi.ts';
import { HIT_SOURCE, label } from './labels.ts';

/**
 * Console panel: travellers on flights due at this crossing point (yesterday to tomorrow) whose pre-screen
 * found hits or earlier refusals and overstays, so the officer can expect them. A collapsible region; every
 * link is a normal tab stop.
 */
export function ApisArrivals({ point }: { point: string }) {
  const { t } = useI18n();
  const loaded = useLoad(`apis-arrivals:${point}`, (s) => apisApi.arrivals(point, s));
  const d = loaded.data;
  if (!d && !loaded.error) return null;
  const open = d ? d.travellers.filter((p) => p.hits.some((h) => !h.adjudication) || p.history.length > 0).length : 0;
  return (
    <details className="panel apis-arrivals" open={open > 0}>
      <summary id="apis-arrivals-heading">
        {d ? t('apis.expectedSummary', { flights: d.flights.length, flagged: d.travellers.length, open }) : t('apis.expectedTitle')}
      </summary>
      <ErrorAlert error={loaded.error} />
      {d && d.travellers.length === 0 && <p>{t('apis.expectedNone')}</p>}
      {d && d.travellers.length > 0 && (
        <ul aria-labelledby="apis-arrivals-heading">
          {d.travellers.map((p) => (
            <li key={p.id}>
              <a href={href(['border', 'apis', p.manifestId])}>
                {p.flight} {p.scheduledArrival.slice(11)}
              </a>{' '}
              · <span lang="und">{`${p.surname} ${p.givenNames}`.trim()}</span> · <span className="mono">{p.document.number}</span> {p.document.issuingState ?? ''} ·{' '}
              {[...p.hits.map((h) => h.source), ...p.history.map((h) => h.source)]
                .map((s) => {
                  const key = label(HIT_SOURCE, s);
                  return key ? t(key) : s;
                })
                .join(', ')}
              {p.hits.length > 0 && p.hits.every((h) => h.adjudication) && ` · ${t('apis.allAdjudicated')}`}
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        <a href={href(['border', 'apis'])}>{t('apis.allManifests')}</a>
      </p>
    </details>
  );
}
