/**
 * Blocking: candidate pairs come only from equi-joins on blocking keys (Splink-style rules, never a
 * cross product). Each key kind is one rule; a pair shared by several blocks is compared once (in the
 * first one, by kind then key). Blocks larger than their kind's cap are skipped and counted.
 *
 * Keys are hashed to 29 bits and packed with the record index (24 bits) into one double, so each rule is
 * one native numeric sort. A hash collision only merges two blocks (a few extra comparisons).
 */
import type { PreparedToken } from '../names/index.ts';
import type { LinkRecord } from './prepare.ts';

export const BLOCK_KINDS = ['document', 'nationalId', 'nameYear', 'tokenDate', 'consonantYear', 'email', 'phone', 'name', 'tokenPostcode'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Largest block compared per rule: identifiers shared by many records are data errors or placeholders. */
export const DEFAULT_BLOCK_CAPS: Readonly<Record<BlockKind, number>> = {
  document: 20,
  nationalId: 20,
  nameYear: 500,
  tokenDate: 500,
  consonantYear: 200,
  email: 20,
  phone: 20,
  name: 50,
  tokenPostcode: 50,
};

export const MAX_RECORDS = 1 << 24;
const INDEX_SPACE = 2 ** 24;

export interface BlockingStats {
  /** Pairs handed to the scorer (each pair at most once). */
  comparisons: number;
  blocks: Record<BlockKind, number>;
  oversizedBlocks: Record<BlockKind, number>;
  /** Records skipped in oversized blocks, summed over blocks. */
  oversizedRecords: number;
}

/** Blocking value of a name token: its given-name group when it has one (Hovhannes ~ Ivan), else its loose key. */
function tokenKey(t: PreparedToken): string {
  return t.groups && t.groups.length > 0 ? `g${Math.min(...t.groups)}` : t.loose;
}

function fnv29(text: string, kind: number): number {
  let h = (0x811c9dc5 ^ kind) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) >>> 3;
}

const pairs = <T>(xs: readonly T[]): [T, T][] => {
  const out: [T, T][] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i] as T, xs[j] as T]);
  return out;
};
const sortedPair = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** Every blocking key of one record as [kind index, key text]. */
export function blockingKeys(record: LinkRecord, arabicConsonants: ReadonlySet<string> | null): [number, string][] {
  const out: [number, string][] = [];
  const p = record.prepared;
  const date = p.birthDate;
  const year = date ? String(date.year) : '';
  const full = date && date.day !== undefined ? `${date.year}-${date.month}-${date.day}` : '';
  for (const d of p.documents) out.push([d.issuer === 'NID' ? 1 : 0, d.number]);
  const tokens = record.tokens.filter((t) => t.pivot !== '' || t.text !== '').slice(0, 3);
  const keys = [...new Set(tokens.map(tokenKey).filter((k) => k !== ''))];
  for (const [a, b] of pairs(keys)) {
    if (year) out.push([2, `${sortedPair(a, b)}|${year}`]);
    out.push([7, sortedPair(a, b)]);
  }
  if (full) for (const k of keys) out.push([3, `${k}|${full}`]);
  if (year && arabicConsonants) {
    const cons = [...new Set(tokens.map((t) => t.consonant).filter((c) => c !== ''))];
    const arabic = tokens.some((t) => t.arabic);
    for (const [a, b] of pairs(cons)) {
      const key = `${sortedPair(a, b)}|${year}`;
      if (arabic || arabicConsonants.has(key)) out.push([4, key]);
    }
  }
  if (record.extras.email) out.push([5, record.extras.email]);
  if (record.extras.phone) out.push([6, record.extras.phone]);
  if (record.extras.postcode) for (const k of keys) out.push([8, `${k}|${record.extras.postcode}`]);
  return out;
}

/** Consonant-pair keys of the records written in Arabic script: Latin records join only these. */
function arabicConsonantKeys(records: readonly LinkRecord[]): Set<string> {
  const set = new Set<string>();
  for (const r of records) {
    if (!r.tokens.some((t) => t.arabic)) continue;
    for (const [kind, key] of blockingKeys(r, new Set())) if (kind === 4) set.add(key);
  }
  return set;
}

export function forEachCandidatePair(
  records: readonly LinkRecord[],
  onPair: (i: number, j: number) => void,
  caps: Readonly<Record<BlockKind, number>> = DEFAULT_BLOCK_CAPS,
): BlockingStats {
  const n = records.length;
  if (n > MAX_RECORDS) throw new RangeError(`at most ${MAX_RECORDS} records can be linked in one run`);
  const arabic = arabicConsonantKeys(records);
  // Keys of record i are hashes[start[i] .. start[i + 1]) with their kinds.
  const start = new Int32Array(n + 1);
  let hashes = new Uint32Array(Math.max(16, n * 8));
  let kinds = new Uint8Array(hashes.length);
  let count = 0;
  const perKind = new Array<number>(BLOCK_KINDS.length).fill(0);
  for (let i = 0; i < n; i++) {
    start[i] = count;
    const seen = new Set<number>();
    for (const [kind, key] of blockingKeys(records[i] as LinkRecord, arabic)) {
      const h = fnv29(key, kind);
      const tag = kind * 2 ** 29 + h;
      if (seen.has(tag)) continue;
      seen.add(tag);
      if (count === hashes.length) {
        const [h2, k2] = [new Uint32Array(count * 2), new Uint8Array(count * 2)];
        h2.set(hashes);
        k2.set(kinds);
        [hashes, kinds] = [h2, k2];
      }
      hashes[count] = h;
      kinds[count++] = kind;
      perKind[kind] = (perKind[kind] ?? 0) + 1;
    }
  }
  start[n] = count;

  const zero = () => Object.fromEntries(BLOCK_KINDS.map((k) => [k, 0])) as Record<BlockKind, number>;
  const stats: BlockingStats = { comparisons: 0, blocks: zero(), oversizedBlocks: zero(), oversizedRecords: 0 };
  const oversized = BLOCK_KINDS.map(() => new Set<number>());

  /** Record j has key (kind, hash). */
  const has = (j: number, kind: number, hash: number): boolean => {
    for (let x = start[j] as number; x < (start[j + 1] as number); x++) if (hashes[x] === hash && kinds[x] === kind) return true;
    return false;
  };
  /** The pair shares an earlier (kind, hash) block that was compared. */
  const seenBefore = (i: number, j: number, kind: number, hash: number): boolean => {
    for (let x = start[i] as number; x < (start[i + 1] as number); x++) {
      const k = kinds[x] as number;
      const h = hashes[x] as number;
      if (k > kind || (k === kind && h >= hash)) continue;
      if (!oversized[k]?.has(h) && has(j, k, h)) return true;
    }
    return false;
  };

  for (let kind = 0; kind < BLOCK_KINDS.length; kind++) {
    const name = BLOCK_KINDS[kind] as BlockKind;
    const packed = new Float64Array(perKind[kind] ?? 0);
    let m = 0;
    for (let i = 0; i < n; i++) {
      for (let x = start[i] as number; x < (start[i + 1] as number); x++) if (kinds[x] === kind) packed[m++] = (hashes[x] as number) * INDEX_SPACE + i;
    }
    packed.sort();
    const cap = caps[name];
    for (let lo = 0; lo < m; ) {
      const hash = Math.floor((packed[lo] as number) / INDEX_SPACE);
      let hi = lo + 1;
      while (hi < m && Math.floor((packed[hi] as number) / INDEX_SPACE) === hash) hi++;
      const size = hi - lo;
      if (size > 1) {
        stats.blocks[name]++;
        if (size > cap) {
          oversized[kind]?.add(hash);
          stats.oversizedBlocks[name]++;
          stats.oversizedRecords += size;
        } else {
          for (let a = lo; a < hi; a++) {
            const i = (packed[a] as number) % INDEX_SPACE;
            for (let b = a + 1; b < hi; b++) {
              const j = (packed[b] as number) % INDEX_SPACE;
              if (seenBefore(i, j, kind, hash)) continue;
              stats.comparisons++;
              onPair(i, j);
            }
          }
        }
      }
      lo = hi;
    }
  }
  return stats;
}
