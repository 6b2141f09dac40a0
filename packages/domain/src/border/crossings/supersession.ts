/**
 * Corrections without deletion: a record that `supersedes` another replaces it for every current view;
 * the old one stays in the history of its replacement. `currentCrossings` folds the chains.
 *
 * Policy for broken data (which the server prevents with `checkSupersede`, but imports, replays and
 * edge-node merges can still produce):
 * - a record superseded by two records (double supersession) is an error; both successors stay current
 *   (the review must choose), and the doubly superseded record and what it replaced are `unresolved`;
 * - records on a cycle (A supersedes B supersedes A), and everything they replaced, are `unresolved`;
 * - a reference to a record not in the input is a warning (the old record may live elsewhere);
 * - duplicate ids: the first of each id (in id-then-content order) is kept, the rest are `unresolved`.
 * Every input record appears exactly once: in a current chain or in `unresolved`. The result does not
 * depend on the input order.
 */
export interface SupersedingRecord {
  readonly id: string;
  readonly occurredAt: string;
  readonly supersedes?: { readonly id: string; readonly reason: string };
}

export type SupersessionProblem =
  | { readonly code: 'BORDER.SUPERSESSION_CYCLE'; readonly ids: readonly string[] }
  | { readonly code: 'BORDER.DOUBLE_SUPERSESSION'; readonly id: string; readonly by: readonly string[] }
  | { readonly code: 'BORDER.DUPLICATE_ID'; readonly id: string }
  | { readonly code: 'BORDER.SUPERSEDES_UNKNOWN'; readonly id: string; readonly missing: string };

export interface CurrentCrossing<T> {
  readonly record: T;
  /** The records it replaced, newest first (the one it supersedes directly comes first). */
  readonly history: readonly T[];
}

export interface SupersessionFold<T> {
  /** Sorted by occurredAt, then id. */
  readonly current: readonly CurrentCrossing<T>[];
  /** Records on a cycle, below a double supersession, or duplicate ids; sorted by id. */
  readonly unresolved: readonly T[];
  readonly errors: readonly SupersessionProblem[];
  readonly warnings: readonly SupersessionProblem[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const canonical = (r: SupersedingRecord) => `${r.occurredAt}\u0000${r.supersedes?.id ?? ''}\u0000${r.supersedes?.reason ?? ''}`;

export function currentCrossings<T extends SupersedingRecord>(records: readonly T[]): SupersessionFold<T> {
  const errors: SupersessionProblem[] = [];
  const warnings: SupersessionProblem[] = [];
  const unresolved: T[] = [];
  // Order-independent choice among duplicate ids.
  const sorted = [...records].sort((a, b) => byId(a, b) || (canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0));
  const nodes = new Map<string, T>();
  for (const r of sorted) {
    if (nodes.has(r.id)) {
      if (!errors.some((e) => e.code === 'BORDER.DUPLICATE_ID' && e.id === r.id)) errors.push({ code: 'BORDER.DUPLICATE_ID', id: r.id });
      unresolved.push(r);
    } else nodes.set(r.id, r);
  }
  const successors = new Map<string, string[]>();
  for (const r of nodes.values()) {
    const target = r.supersedes?.id;
    if (target === undefined) continue;
    if (!nodes.has(target)) {
      warnings.push({ code: 'BORDER.SUPERSEDES_UNKNOWN', id: r.id, missing: target });
      continue;
    }
    const list = successors.get(target);
    if (list) list.push(r.id);
    else successors.set(target, [r.id]);
  }
  for (const [target, by] of successors) if (by.length > 1) errors.push({ code: 'BORDER.DOUBLE_SUPERSESSION', id: target, by: [...by].sort() });

  const reached = new Set<string>();
  const current: CurrentCrossing<T>[] = [];
  for (const r of nodes.values()) {
    if (successors.has(r.id)) continue; // not a head
    reached.add(r.id);
    const history: T[] = [];
    let prev = r.supersedes?.id;
    while (prev !== undefined) {
      const p = nodes.get(prev);
      // Stop at a missing record, a doubly superseded one (unresolved) or one already walked (defensive).
      if (!p || (successors.get(prev)?.length ?? 0) !== 1 || reached.has(prev)) break;
      reached.add(prev);
      history.push(p);
      prev = p.supersedes?.id;
    }
    current.push({ record: r, history });
  }
  const rest = [...nodes.values()].filter((r) => !reached.has(r.id));
  unresolved.push(...rest);
  // Cycles: follow the unique successor from each unreached record until it repeats.
  const onCycle = new Set<string>();
  for (const r of rest) {
    const seen: string[] = [];
    let at: string | undefined = r.id;
    while (at !== undefined && !seen.includes(at) && !onCycle.has(at)) {
      seen.push(at);
      const next = successors.get(at);
      at = next?.length === 1 ? next[0] : undefined;
    }
    if (at !== undefined && seen.includes(at)) {
      const cycle = seen.slice(seen.indexOf(at)).sort();
      for (const c of cycle) onCycle.add(c);
      errors.push({ code: 'BORDER.SUPERSESSION_CYCLE', ids: cycle });
    }
  }
  current.sort((a, b) => (a.record.occurredAt < b.record.occurredAt ? -1 : a.record.occurredAt > b.record.occurredAt ? 1 : byId(a.record, b.record)));
  unresolved.sort((a, b) => byId(a, b) || (canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0));
  const errorKey = (e: SupersessionProblem) => `${e.code}:${'ids' in e ? e.ids.join(',') : e.id}`;
  errors.sort((a, b) => (errorKey(a) < errorKey(b) ? -1 : errorKey(a) > errorKey(b) ? 1 : 0));
  warnings.sort((a, b) => (errorKey(a) < errorKey(b) ? -1 : errorKey(a) > errorKey(b) ? 1 : 0));
  return { current, unresolved, errors, warnings };
}

/**
 * Before writing a correction: the target must exist, must not be superseded already (a second
 * correction supersedes the latest record of the chain instead), and the reason must be given.
 */
export function checkSupersede(
  existing: readonly SupersedingRecord[],
  correction: { readonly id: string; readonly supersedes: { readonly id: string; readonly reason: string } },
): { ok: true } | { ok: false; code: string; message: string } {
  const target = correction.supersedes.id;
  if (target === correction.id) return { ok: false, code: 'BORDER.SUPERSEDES_ITSELF', message: 'A record cannot supersede itself' };
  if (correction.supersedes.reason.trim() === '') return { ok: false, code: 'BORDER.CORRECTION_REASON_REQUIRED', message: 'A correction needs a reason' };
  if (!existing.some((r) => r.id === target)) return { ok: false, code: 'BORDER.SUPERSEDES_UNKNOWN', message: `No crossing ${target}` };
  const by = existing.find((r) => r.supersedes?.id === target);
  if (by) return { ok: false, code: 'BORDER.ALREADY_SUPERSEDED', message: `Crossing ${target} was already corrected by ${by.id}; correct that record instead` };
  return { ok: true };
}
