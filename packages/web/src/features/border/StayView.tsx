import { useI18n } from '../../i18n/index.tsx';
import type { StayPosition } from './api.ts';
import { COVERED_BY, RULE, STATUS, STAY_REASON, label } from './labels.ts';

/** The stay position in words: exempt, covered, or days used / left / last lawful day and why. */
export function StayView({ status, rule, position, lastLawfulDay }: { status: string; rule: { kind: string; maxDays?: number; windowDays?: number } | null; position: StayPosition; lastLawfulDay: string | null }) {
  const i = useI18n();
  const { t } = i;
  const st = label(STATUS, status);
  const ruleKey = label(RULE, rule?.kind);
  if (position.kind === 'exempt') return <p className="stay-line">{t('border.stayExempt', { status: st ? t(st) : status })}</p>;
  if (position.kind === 'covered') {
    const by = label(COVERED_BY, position.by);
    return <p className="stay-line">{t('border.stayCovered', { by: by ? t(by) : position.by, until: position.until })}</p>;
  }
  if (position.kind !== 'counted') return <p className="stay-line">{t('border.stayNoRule')}</p>;
  const reason = label(STAY_REASON, position.indicator.reason.code);
  const over = position.overstayDays > 0;
  return (
    <div className={over ? 'stay bad' : 'stay'}>
      <dl className="kv">
        <dt>{t('border.rule')}</dt>
        <dd>{ruleKey ? t(ruleKey, { maxDays: rule?.maxDays ?? 0, windowDays: rule?.windowDays ?? 0 }) : '—'}</dd>
        <dt>{t('border.daysUsed')}</dt>
        <dd>{i.number(position.daysUsed)}</dd>
        <dt>{t('border.daysLeft')}</dt>
        <dd>{position.daysRemaining === null ? '—' : i.number(position.daysRemaining)}</dd>
        <dt>{t('border.lastLawfulDay')}</dt>
        <dd>{lastLawfulDay ?? position.lastLawfulDay ?? '—'}</dd>
        {over && (
          <>
            <dt>{t('border.overstayDays')}</dt>
            <dd>{i.number(position.overstayDays)}</dd>
          </>
        )}
      </dl>
      {reason && <p>{t(reason, { ...position.indicator.reason.params })}</p>}
    </div>
  );
}
