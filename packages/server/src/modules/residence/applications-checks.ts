/**
 * Pre-decision checks of a residence application (ADR 0404), run when it is submitted and recorded on
 * the case as check actions: the passport's validity on the person record, screening against the
 * watchlist, entry bans and document lists, and earlier refusals of the person. Each finding is a line
 * `CODE {json parameters}` in the check's details, so the case page shows it in the reader's language.
 */
import { residenceValidUntil, type ResidenceKind } from '@kamurj/domain/casework';
import type * as P from '@kamurj/domain/persons';
import type { Db, Queryable } from '../../db/client.ts';
import { screenPerson } from '../border/index.ts';

export type CheckResult = 'clear' | 'hit' | 'inconclusive';
export interface CheckOutcome {
  result: CheckResult;
  details: string;
}

const line = (code: string, params: Record<string, string | number> = {}) => (Object.keys(params).length ? `${code} ${JSON.stringify(params)}` : code);
const outcome = (result: CheckResult, lines: string[]): CheckOutcome => ({ result, details: lines.join('\n') });
const norm = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();

/** The passport named in the application, as recorded on the person: valid, not lost or stolen, lasting the term. */
export function documentCheck(record: P.PersonData, input: { passportNumber: string; passportValidUntil: string; kind: ResidenceKind; date: string }): CheckOutcome {
  const doc = record.documents.find((d) => norm(d.number) === norm(input.passportNumber));
  const number = input.passportNumber;
  if (!doc) return outcome('hit', [line('DOCUMENT_NOT_ON_RECORD', { number })]);
  if (doc.status !== 'valid') return outcome('hit', [line('DOCUMENT_NOT_VALID', { number, status: doc.status })]);
  if (doc.expiryDate && doc.expiryDate < input.date) return outcome('hit', [line('DOCUMENT_EXPIRED', { number, until: doc.expiryDate })]);
  const notes: string[] = [];
  if (doc.expiryDate && doc.expiryDate !== input.passportValidUntil) notes.push(line('DOCUMENT_EXPIRY_DIFFERS', { recorded: doc.expiryDate, declared: input.passportValidUntil }));
  const termEnd = residenceValidUntil(input.kind, input.date);
  const until = doc.expiryDate ?? input.passportValidUntil;
  if (until < termEnd) notes.push(line('DOCUMENT_EXPIRES_BEFORE_TERM', { until, termEnd }));
  return notes.length ? outcome('inconclusive', notes) : outcome('clear', [line('DOCUMENT_VALID', { number, until })]);
}

/** Watchlist, entry-ban and document-list screening of the person through the border module. */
export async function listCheck(db: Db, q: Queryable, country: string, person: { id: string; record: P.PersonData }, date: string): Promise<CheckOutcome> {
  const hits = await screenPerson(db, q, country, person, date);
  if (hits.length === 0) return outcome('clear', [line('NO_LIST_HITS')]);
  return outcome('hit', hits.map((h) => line('LIST_HIT', { source: h.source, reason: h.reason, agency: h.agency, score: Math.round(h.score * 100) / 100 })));
}

export interface EarlierRefusal {
  caseNumber: string;
  refusedOn: string;
  ground: string;
  reapplyFrom: string;
}

/** Earlier refusals that no longer bar an application (those that do refuse the opening: see applications.ts). */
export function refusalsCheck(refusals: readonly EarlierRefusal[]): CheckOutcome {
  if (refusals.length === 0) return outcome('clear', [line('NO_EARLIER_REFUSALS')]);
  return outcome('clear', refusals.map((r) => line('EARLIER_REFUSAL', { case: r.caseNumber, refusedOn: r.refusedOn, ground: r.ground, reapplyFrom: r.reapplyFrom })));
}
