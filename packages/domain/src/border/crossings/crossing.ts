/**
 * The crossing record: one traveller passing (or refused at) one crossing point, as the officer decided.
 * `parseCrossing` validates untrusted input and computes the local date and time in the crossing point's
 * zone; it never throws and names every wrong field.
 */
import { issue, isRecord, cleanText, type FieldIssue, type Validated } from '../common/issues.ts';
import { formatInstant, parseInstant, toLocalDateTime, type LocalDateTime } from '../common/local-time.ts';
import { isIsoDate, type IsoDate } from '../common/dates.ts';
import { isRefusalCode, MAX_REASON_TEXT, REFUSAL_CODES, refusalNeedsText, type RefusalCode } from './refusal-reasons.ts';
import { parseTransport, type Transport } from './transport.ts';

export const DIRECTIONS = ['entry', 'exit'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DECISIONS = ['admit', 'refuse', 'second_line'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DOCUMENT_TYPES = ['passport', 'id_card', 'travel_document', 'residence_permit', 'seaman_book', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** Purpose of travel as declared (statistics by purpose, domain reference §3.1). */
export const TRAVEL_PURPOSES = ['tourism', 'business', 'work', 'study', 'family', 'medical', 'transit', 'official', 'residence', 'other'] as const;
export type TravelPurpose = (typeof TRAVEL_PURPOSES)[number];

export interface CrossingDocument {
  /** As read (MRZ or typed), upper case without spaces. */
  readonly number: string;
  /** ICAO code of the issuing state. */
  readonly issuingState: string;
  readonly type: DocumentType;
  readonly expiryDate?: IsoDate;
}

export interface Refusal {
  readonly code: RefusalCode;
  /** Mandatory for `other`, optional otherwise. */
  readonly text?: string;
}

export interface CrossingRecord {
  readonly id: string;
  readonly direction: Direction;
  /** Crossing point code from the reference data (e.g. `EVN`, `BAGRATASHEN`). */
  readonly crossingPoint: string;
  /** UTC instant, canonical ISO form. */
  readonly occurredAt: string;
  /** Local date and time at the crossing point (derived, stored so reports never redo the zone maths). */
  readonly local: LocalDateTime;
  readonly officerId: string;
  /** The matched person, or null while unmatched ("new person" pending). */
  readonly personId: string | null;
  readonly document: CrossingDocument;
  readonly decision: Decision;
  readonly refusal?: Refusal;
  /** Why the traveller was sent to second-line inspection (mandatory for `second_line`). */
  readonly reason?: string;
  readonly transport?: Transport;
  readonly purpose?: TravelPurpose;
  readonly declaredAddress?: string;
  /** A correction: this record replaces `id`, for `reason`. Nothing is deleted. */
  readonly supersedes?: { readonly id: string; readonly reason: string };
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const POINT = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;
const STATE = /^[A-Z]{1,3}$/;
const FIELDS = ['id', 'direction', 'crossingPoint', 'occurredAt', 'officerId', 'personId', 'document', 'decision', 'refusal', 'reason', 'transport', 'purpose', 'declaredAddress', 'supersedes'];

function oneOf<T extends string>(list: readonly T[], v: unknown, field: string, code: string, issues: FieldIssue[]): T | undefined {
  if (typeof v === 'string' && (list as readonly string[]).includes(v)) return v as T;
  issues.push(issue(field, code, `${field} must be one of ${list.join(', ')}`));
  return undefined;
}

function text(v: unknown, field: string, issues: FieldIssue[], required: boolean, max = MAX_REASON_TEXT): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) issues.push(issue(field, 'BORDER.REQUIRED', `${field} is required`));
    return undefined;
  }
  const t = cleanText(v);
  if (typeof v !== 'string' || t === '') issues.push(issue(field, 'BORDER.REQUIRED', `${field} must be non-blank text`));
  else if (t.length > max) issues.push(issue(field, 'BORDER.TOO_LONG', `${field} is longer than ${max} characters`));
  else return t;
  return undefined;
}

function id(v: unknown, field: string, issues: FieldIssue[]): string | undefined {
  if (typeof v === 'string' && ID.test(v)) return v;
  issues.push(issue(field, 'BORDER.INVALID_ID', `${field} must be 1–128 letters, digits, '.', '_', ':' or '-'`));
  return undefined;
}

function parseDocument(raw: unknown, issues: FieldIssue[]): CrossingDocument | undefined {
  if (!isRecord(raw)) {
    issues.push(issue('document', 'BORDER.REQUIRED', 'document is required: { number, issuingState, type }'));
    return undefined;
  }
  const n = typeof raw.number === 'string' ? raw.number.toUpperCase().replace(/[\s-]+/g, '') : '';
  if (!/^[A-Z0-9]{1,24}$/.test(n)) issues.push(issue('document.number', 'BORDER.INVALID_DOCUMENT_NUMBER', 'Expected 1–24 letters and digits'));
  const state = typeof raw.issuingState === 'string' ? raw.issuingState.toUpperCase() : '';
  if (!STATE.test(state)) issues.push(issue('document.issuingState', 'BORDER.INVALID_COUNTRY', 'Expected an ICAO state code (e.g. ARM, D)'));
  const type = oneOf(DOCUMENT_TYPES, raw.type ?? 'passport', 'document.type', 'BORDER.INVALID_DOCUMENT_TYPE', issues);
  if (raw.expiryDate !== undefined && !isIsoDate(raw.expiryDate)) issues.push(issue('document.expiryDate', 'BORDER.INVALID_DATE', 'Expected YYYY-MM-DD'));
  if (!type) return undefined;
  return { number: n, issuingState: state, type, ...(isIsoDate(raw.expiryDate) ? { expiryDate: raw.expiryDate } : {}) };
}

function parseRefusal(raw: unknown, decision: Decision | undefined, issues: FieldIssue[]): Refusal | undefined {
  if (decision !== 'refuse') {
    if (raw !== undefined && raw !== null) issues.push(issue('refusal', 'BORDER.REFUSAL_NOT_REFUSED', 'A refusal reason is only recorded with the decision "refuse"'));
    return undefined;
  }
  if (!isRecord(raw)) {
    issues.push(issue('refusal.code', 'BORDER.REFUSAL_CODE_REQUIRED', `A refusal needs a reason code: ${REFUSAL_CODES.join(', ')}`));
    return undefined;
  }
  if (!isRefusalCode(raw.code)) {
    issues.push(issue('refusal.code', 'BORDER.INVALID_REFUSAL_CODE', `refusal.code must be one of ${REFUSAL_CODES.join(', ')}`));
    return undefined;
  }
  const t = text(raw.text, 'refusal.text', issues, refusalNeedsText(raw.code));
  if (refusalNeedsText(raw.code) && t === undefined && !issues.some((i) => i.field === 'refusal.text')) {
    issues.push(issue('refusal.text', 'BORDER.REFUSAL_TEXT_REQUIRED', 'The reason "other" needs a text'));
  }
  return { code: raw.code, ...(t ? { text: t } : {}) };
}

/** Validates a crossing and derives its local time in `timeZone` (the crossing point's IANA zone). */
export function parseCrossing(raw: unknown, options: { timeZone: string }): Validated<CrossingRecord> {
  if (!isRecord(raw)) return { ok: false, issues: [issue('', 'BORDER.INVALID_INPUT', 'Expected a crossing object')] };
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(raw)) if (!FIELDS.includes(key)) issues.push(issue(key, 'BORDER.UNKNOWN_FIELD', `Unknown field ${key}`));
  const recordId = id(raw.id, 'id', issues);
  const direction = oneOf(DIRECTIONS, raw.direction, 'direction', 'BORDER.INVALID_DIRECTION', issues);
  const point = typeof raw.crossingPoint === 'string' && POINT.test(raw.crossingPoint) ? raw.crossingPoint : undefined;
  if (!point) issues.push(issue('crossingPoint', 'BORDER.INVALID_CROSSING_POINT', 'Expected a crossing point code (A–Z, 0–9, _ or -)'));
  const ms = parseInstant(raw.occurredAt);
  if (ms === null) issues.push(issue('occurredAt', 'BORDER.INVALID_INSTANT', 'Expected an ISO 8601 instant with Z or an offset'));
  const local = ms === null ? null : toLocalDateTime(ms, options.timeZone);
  if (ms !== null && local === null) issues.push(issue('occurredAt', 'BORDER.INVALID_TIME_ZONE', `Unknown time zone ${options.timeZone}`));
  const officerId = id(raw.officerId, 'officerId', issues);
  const personId = raw.personId === null || raw.personId === undefined ? null : id(raw.personId, 'personId', issues);
  const document = parseDocument(raw.document, issues);
  const decision = oneOf(DECISIONS, raw.decision, 'decision', 'BORDER.INVALID_DECISION', issues);
  const refusal = parseRefusal(raw.refusal, decision, issues);
  const reason = text(raw.reason, 'reason', issues, decision === 'second_line');
  const transport = raw.transport === undefined || raw.transport === null ? undefined : parseTransport(raw.transport, 'transport');
  if (transport) issues.push(...transport.issues);
  const purpose = raw.purpose === undefined || raw.purpose === null ? undefined : oneOf(TRAVEL_PURPOSES, raw.purpose, 'purpose', 'BORDER.INVALID_PURPOSE', issues);
  const declaredAddress = text(raw.declaredAddress, 'declaredAddress', issues, false, 500);
  let supersedes: CrossingRecord['supersedes'];
  if (raw.supersedes !== undefined && raw.supersedes !== null) {
    const s = isRecord(raw.supersedes) ? raw.supersedes : {};
    const target = id(s.id, 'supersedes.id', issues);
    const why = text(s.reason, 'supersedes.reason', issues, true);
    if (target && target === recordId) issues.push(issue('supersedes.id', 'BORDER.SUPERSEDES_ITSELF', 'A record cannot supersede itself'));
    if (target && why) supersedes = { id: target, reason: why };
  }
  if (issues.length > 0 || !recordId || !direction || !point || ms === null || !local || !officerId || personId === undefined || !document || !decision) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      id: recordId,
      direction,
      crossingPoint: point,
      occurredAt: formatInstant(ms),
      local,
      officerId,
      personId,
      document,
      decision,
      ...(refusal ? { refusal } : {}),
      ...(reason ? { reason } : {}),
      ...(transport?.value ? { transport: transport.value } : {}),
      ...(purpose ? { purpose } : {}),
      ...(declaredAddress ? { declaredAddress } : {}),
      ...(supersedes ? { supersedes } : {}),
    },
  };
}
