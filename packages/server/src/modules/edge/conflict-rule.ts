/**
 * The conflict rule of ADR 0503, pure: one document (issuing state + number) used at two different
 * crossing points closer in time than the minimum interval between any two posts is impossible travel,
 * so both records go to review. Neither record is dropped or changed: the rule only names the pairs.
 *
 * A fixed minimum is the documented first rule (default 60 minutes: no two Armenian posts are closer
 * than that by road, and an air crossing plus a land crossing within an hour is not a journey). The
 * function takes the minimum per pair so a distance table can replace it without touching callers.
 */
export interface UseOfDocument {
  id: string;
  crossingPoint: string;
  /** UTC instant, ISO 8601. */
  occurredAt: string;
  /** The record this one corrects, if any: a correction and its original are one event, never a conflict. */
  supersedes: string | null;
}

export interface ConflictPair {
  crossingId: string;
  otherId: string;
  crossingPoint: string;
  otherPoint: string;
  intervalMinutes: number;
  minimumMinutes: number;
}

export type MinimumMinutes = (a: string, b: string) => number;
export const fixedMinimum = (minutes: number): MinimumMinutes => () => minutes;

export function conflictsOf(candidate: UseOfDocument, others: readonly UseOfDocument[], minimum: MinimumMinutes): ConflictPair[] {
  const at = Date.parse(candidate.occurredAt);
  const out: ConflictPair[] = [];
  for (const o of others) {
    if (o.id === candidate.id || o.crossingPoint === candidate.crossingPoint) continue;
    if (o.id === candidate.supersedes || o.supersedes === candidate.id) continue;
    const interval = Math.abs(Date.parse(o.occurredAt) - at) / 60_000;
    const min = minimum(candidate.crossingPoint, o.crossingPoint);
    if (interval < min) {
      out.push({ crossingId: candidate.id, otherId: o.id, crossingPoint: candidate.crossingPoint, otherPoint: o.crossingPoint, intervalMinutes: Math.floor(interval), minimumMinutes: min });
    }
  }
  return out;
}

/**
 * A clock that runs backwards on a node (ADR 0503): the crossing is recorded anyway, kept in order by its
 * sequence number, and flagged so the time can be reviewed. Pure: the previous and current instants in.
 */
export function clockWentBack(previous: Date | null, now: Date): boolean {
  return previous !== null && now.getTime() < previous.getTime();
}
