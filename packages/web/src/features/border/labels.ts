import type { MessageKey } from '../../i18n/index.tsx';

/** Literal message keys for the border vocabulary (so the dictionaries' completeness test sees them). */
export const REFUSAL: Record<string, MessageKey> = {
  no_valid_document: 'border.refusal.no_valid_document',
  false_document: 'border.refusal.false_document',
  no_valid_visa_or_residence: 'border.refusal.no_valid_visa_or_residence',
  entry_ban: 'border.refusal.entry_ban',
  stay_exceeded: 'border.refusal.stay_exceeded',
  insufficient_means: 'border.refusal.insufficient_means',
  threat_to_public_order: 'border.refusal.threat_to_public_order',
  other: 'border.refusal.other',
};
export const REFERRAL: Record<string, MessageKey> = {
  asylum: 'border.referral.asylum',
  child: 'border.referral.child',
  health: 'border.referral.health',
  trafficking: 'border.referral.trafficking',
};
export const DECISION: Record<string, MessageKey> = {
  admit: 'border.decision.admit',
  refuse: 'border.decision.refuse',
  second_line: 'border.decision.second_line',
};
export const DIRECTION: Record<string, MessageKey> = { entry: 'border.direction.entry', exit: 'border.direction.exit' };
export const HIT_SOURCE: Record<string, MessageKey> = {
  watchlist: 'border.hitSource.watchlist',
  entry_ban: 'border.hitSource.entry_ban',
  document: 'border.hitSource.document',
  refusal: 'border.hitSource.refusal',
  overstay: 'border.hitSource.overstay',
};
export const HIT_ACTION: Record<string, MessageKey> = {
  refuse_entry: 'border.action.refuse_entry',
  second_line: 'border.action.second_line',
  detain: 'border.action.detain',
  notify_agency: 'border.action.notify_agency',
  record_only: 'border.action.record_only',
};
export const LIST_TITLE: Record<string, MessageKey> = {
  watchlist: 'border.lists.watchlist',
  entry_ban: 'border.lists.entry_ban',
  document: 'border.lists.document',
};
export const DOC_LIST_STATUS: Record<string, MessageKey> = { lost: 'border.docStatus.lost', stolen: 'border.docStatus.stolen', revoked: 'border.docStatus.revoked' };
export const TRANSPORT: Record<string, MessageKey> = {
  air: 'border.transport.air',
  road: 'border.transport.road',
  rail: 'border.transport.rail',
  sea: 'border.transport.sea',
  pedestrian: 'border.transport.pedestrian',
};
export const PURPOSE: Record<string, MessageKey> = {
  tourism: 'border.purpose.tourism',
  business: 'border.purpose.business',
  work: 'border.purpose.work',
  study: 'border.purpose.study',
  family: 'border.purpose.family',
  medical: 'border.purpose.medical',
  transit: 'border.purpose.transit',
  official: 'border.purpose.official',
  residence: 'border.purpose.residence',
  other: 'border.purpose.other',
};
export const STATUS: Record<string, MessageKey> = { citizen: 'border.status.citizen', resident: 'border.status.resident', foreigner: 'border.status.foreigner' };
export const STAY_REASON: Record<string, MessageKey> = {
  'STAY.OVERSTAY_CALENDAR_YEAR': 'border.stayReason.STAY.OVERSTAY_CALENDAR_YEAR',
  'STAY.OVERSTAY_ROLLING': 'border.stayReason.STAY.OVERSTAY_ROLLING',
  'STAY.OVERSTAY_PER_STAY': 'border.stayReason.STAY.OVERSTAY_PER_STAY',
  'STAY.WITHIN_LIMIT': 'border.stayReason.STAY.WITHIN_LIMIT',
  'STAY.NOT_PRESENT': 'border.stayReason.STAY.NOT_PRESENT',
  'STAY.NO_LIMIT': 'border.stayReason.STAY.NO_LIMIT',
};
export const RULE: Record<string, MessageKey> = {
  'calendar-year': 'border.rule.calendar-year',
  rolling: 'border.rule.rolling',
  'per-stay': 'border.rule.per-stay',
  unlimited: 'border.rule.unlimited',
};
export const COVERED_BY: Record<string, MessageKey> = { visa: 'border.covered.visa', residence: 'border.covered.residence', work_permit: 'border.covered.work_permit' };

export const label = (map: Record<string, MessageKey>, code: string | null | undefined): MessageKey | null => (code ? (map[code] ?? null) : null);
