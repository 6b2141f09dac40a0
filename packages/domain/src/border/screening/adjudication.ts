/**
 * Adjudication memory. Every hit is adjudicated (true hit / false hit, by whom, why). A false hit is
 * remembered for the same person and the same entry *version*: the person is not stopped again by that
 * entry, but as soon as the entry changes (new alias, new document number, new birth date) it hits again
 * and must be adjudicated again. A later adjudication of the same key overrides an earlier one.
 */
import { parseInstant } from '../common/local-time.ts';
import { issue, isRecord, cleanText, type FieldIssue, type Validated } from '../common/issues.ts';

export interface Adjudication {
  readonly personId: string;
  readonly entryId: string;
  readonly entryVersion: number;
  readonly outcome: 'true_hit' | 'false_hit';
  /** Officer id. */
  readonly by: string;
  /** UTC instant. */
  readonly at: string;
  readonly reason: string;
}

export interface AdjudicationMemory {
  /** Latest adjudication per person + entry + version. */
  readonly latest: ReadonlyMap<string, Adjudication>;
}

const keyOf = (personId: string, entryId: string, version: number) => `${personId}\u0000${entryId}\u0000${version}`;

export function adjudicationMemory(adjudications: readonly Adjudication[]): AdjudicationMemory {
  const latest = new Map<string, Adjudication>();
  for (const a of adjudications) {
    const key = keyOf(a.personId, a.entryId, a.entryVersion);
    const prev = latest.get(key);
    if (!prev || (parseInstant(a.at) ?? 0) >= (parseInstant(prev.at) ?? 0)) latest.set(key, a);
  }
  return { latest };
}

/** The false-hit adjudication that suppresses this hit, if any. Unknown persons are never suppressed. */
export function knownFalseHit(memory: AdjudicationMemory | undefined, personId: string | null | undefined, entryId: string, version: number): Adjudication | undefined {
  if (!memory || !personId) return undefined;
  const a = memory.latest.get(keyOf(personId, entryId, version));
  return a?.outcome === 'false_hit' ? a : undefined;
}

/** Validates an adjudication an officer submits: outcome, who, when, and why are all required. */
export function parseAdjudication(raw: unknown): Validated<Adjudication> {
  if (!isRecord(raw)) return { ok: false, issues: [issue('', 'BORDER.INVALID_INPUT', 'Expected an adjudication object')] };
  const issues: FieldIssue[] = [];
  const str = (k: string) => (typeof raw[k] === 'string' && (raw[k] as string).trim() !== '' ? (raw[k] as string).trim() : null);
  for (const k of ['personId', 'entryId', 'by']) if (!str(k)) issues.push(issue(k, 'BORDER.REQUIRED', `${k} is required`));
  if (!Number.isSafeInteger(raw.entryVersion) || (raw.entryVersion as number) < 1) issues.push(issue('entryVersion', 'BORDER.INVALID_VERSION', 'entryVersion is a positive integer'));
  if (raw.outcome !== 'true_hit' && raw.outcome !== 'false_hit') issues.push(issue('outcome', 'BORDER.INVALID_OUTCOME', 'outcome is true_hit or false_hit'));
  if (parseInstant(raw.at) === null) issues.push(issue('at', 'BORDER.INVALID_INSTANT', 'Expected an ISO 8601 instant'));
  const reason = cleanText(raw.reason);
  if (reason === '') issues.push(issue('reason', 'BORDER.ADJUDICATION_REASON_REQUIRED', 'Say why the hit is true or false'));
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      personId: str('personId') as string,
      entryId: str('entryId') as string,
      entryVersion: raw.entryVersion as number,
      outcome: raw.outcome as 'true_hit' | 'false_hit',
      by: str('by') as string,
      at: raw.at as string,
      reason,
    },
  };
}
