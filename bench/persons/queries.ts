/**
 * Query names for the person-search benchmark, drawn from the seeded synthetic population with their
 * ground truth (every record of the same person, originals and injected duplicates). Four variants, in
 * equal shares: the Armenian-script name, the passport Latin (MRZ) name, the Russian form (Оганесян), and
 * the passport Latin name with one typo.
 */
import armenian from '../../packages/domain/src/population/data/armenian.json' with { type: 'json' };
import { parseMrz } from '../../packages/domain/src/documents/mrz/index.ts';
import { createRng, populationStream, type SyntheticPerson } from '../../packages/domain/src/population/index.ts';
import { seededPersonId } from '../../packages/server/src/seed/bulk-persons.ts';

export const VARIANTS = ['armenian-script', 'passport-latin', 'russian-form', 'typo'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface BenchQuery {
  variant: Variant;
  name: string;
  birthDate: string;
  /** Ids of every record of the person (ground truth). */
  relevant: string[];
  subject: string;
}

/** Armenian ↔ Russian forms of the generator's Armenian names: any form → [Armenian, Russian]. */
function formTable(): Map<string, [string, string]> {
  const m = new Map<string, [string, string]>();
  for (const row of [...armenian.surnames, ...armenian.male, ...armenian.female]) {
    const [hy, ru] = row as [string, string];
    for (const f of row) if (!m.has(f)) m.set(f, [hy, ru]);
  }
  return m;
}

/** One deletion, substitution or transposition inside the word (never its first letter). */
function typo(word: string, rng: ReturnType<typeof createRng>): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rng.next() * (word.length - 2));
  const kind = Math.floor(rng.next() * 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) {
    const letters = 'AEIOUKLMNRST';
    const c = letters[Math.floor(rng.next() * letters.length)]!;
    return word.slice(0, i) + (c === word[i] ? 'X' : c) + word.slice(i + 1);
  }
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

const mrzName = (p: SyntheticPerson) => {
  const r = parseMrz(p.document.mrz.join('\n'), { referenceDate: '2026-01-01' });
  return { surname: r.surname ?? '', given: r.givenNames ?? '' };
};

/**
 * Walks the population once (same options as the seed): the entity of every record, and a spread of
 * subjects; then builds `count` queries, the variants in turn.
 */
export function buildQueries(o: { seed: number; size: number; count: number }): BenchQuery[] {
  const entities = new Map<string, number[]>();
  const pool: { p: SyntheticPerson; n: number }[] = [];
  const stride = Math.max(1, Math.floor(o.size / (o.count * 8)));
  let n = 0;
  for (const p of populationStream({ seed: o.seed, size: o.size, country: 'ARM' })) {
    n++;
    const list = entities.get(p.entityId);
    if (list) list.push(n);
    else entities.set(p.entityId, [n]);
    if (n % stride === 0 && p.givenName && p.surname) pool.push({ p, n });
  }
  const forms = formTable();
  const rng = createRng(o.seed + 17);
  const queries: BenchQuery[] = [];
  const used = new Set<number>();
  for (let k = 0; queries.length < o.count && k < o.count * 4; k++) {
    const variant = VARIANTS[queries.length % VARIANTS.length]!;
    const candidates = pool.filter(({ p, n: pos }) => {
      if (used.has(pos)) return false;
      if (variant === 'armenian-script' || variant === 'russian-form') return forms.has(p.surname) && forms.has(p.givenName);
      return true;
    });
    if (!candidates.length) break;
    const { p, n: pos } = candidates[Math.floor(rng.next() * candidates.length)]!;
    used.add(pos);
    let name: string;
    if (variant === 'armenian-script') name = `${forms.get(p.givenName)![0]} ${forms.get(p.surname)![0]}`;
    else if (variant === 'russian-form') name = `${forms.get(p.givenName)![1]} ${forms.get(p.surname)![1]}`;
    else {
      const m = mrzName(p);
      name = variant === 'typo' ? `${m.given} ${typo(m.surname, rng)}` : `${m.given} ${m.surname}`;
    }
    const relevant = (entities.get(p.entityId) ?? [pos]).map((x) => seededPersonId(o.seed, x));
    queries.push({ variant, name: name.trim(), birthDate: p.birthDate, relevant, subject: p.id });
  }
  return queries;
}

/** Share of the person's records (at most 10) among the top 10 ids. */
export function recallAt10(top: readonly string[], relevant: readonly string[]): number {
  const want = new Set(relevant);
  const found = top.slice(0, 10).filter((id) => want.has(id)).length;
  return found / Math.min(10, want.size);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
