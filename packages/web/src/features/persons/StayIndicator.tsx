import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { borderApi } from '../border/api.ts';
import { StayView } from '../border/StayView.tsx';

/**
 * The person's stay position and irregular-residence indicator, with why (border module). Shown on the
 * person page to those who may read the person; the read is audited (purpose border_control).
 */
export function StayIndicator({ id }: { id: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const loaded = useLoad(can('persons.read') ? `person-stay:${id}` : null, (signal) => borderApi.personStay(id, signal));
  const s = loaded.data;
  if (!s || s.masked || !s.position || !s.status) return null;
  return (
    <section className="panel" aria-labelledby="stay-indicator-heading">
      <h2 id="stay-indicator-heading">{t('border.stayTitle')}</h2>
      {s.irregular && (
        <p className="alert alert-error" role="status">
          {t('border.irregularIndicator', { days: s.daysOverstayed ?? 0, since: s.lastLawfulDay ?? '' })}
        </p>
      )}
      <StayView status={s.status} rule={s.rule ?? null} position={s.position} lastLawfulDay={s.lastLawfulDay ?? null} />
      {s.lastCrossing && <p className="small">{t('border.lastCrossing', { date: s.lastCrossing.date, point: s.lastCrossing.crossingPoint })}</p>}
    </section>
  );
}
