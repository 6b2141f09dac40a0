/**
 * Batch record linkage: blocking → pairwise scores → threshold → clustering with a chaining guard.
 * Pure and synchronous; the CLI (`kamurj link`) reads files and writes the clusters. ADR 0302.
 */
import { compareBirthDates, scorePrepared } from '../names/index.ts';
import { DEFAULT_BLOCK_CAPS, forEachCandidatePair, type BlockingStats, type BlockKind } from './blocking.ts';
import { clusterEdges, EdgeList } from './cluster.ts';
import { compareExtras, nationalIdsConflict } from './comparators.ts';
import type { LinkRecord } from './prepare.ts';

/** Link threshold on linkScore (tuned on generated data and the tuning data; ADR 0302). */
export const LINK_THRESHOLD = 0.86;
export const DEFAULT_MAX_CLUSTER_SIZE = 500;
/**
 * Both records carry documents and none is shared: a small penalty when the full birth dates agree
 * (passports are renewed), a larger one otherwise (a common name and a birth year alone are not enough
 * against two different passports).
 */
export const DOCUMENT_MISMATCH_ADJUSTMENT = { exactDate: -0.05, otherwise: -0.15 } as const;
/** A shared document also orders strong edges first (scores above 1 are possible; only the order matters). */
export const DOCUMENT_MATCH_BONUS = 0.05;

export interface LinkOptions {
  readonly threshold?: number;
  readonly maxClusterSize?: number;
  readonly blockCaps?: Partial<Record<BlockKind, number>>;
}

export interface LinkStats extends BlockingStats {
  records: number;
  edges: number;
  clusters: number;
  merges: number;
  refusedByConflict: number;
  refusedBySize: number;
}

export interface LinkResult {
  /** For each record, the index of the first record of its cluster (input order). */
  readonly clusterOf: Int32Array;
  readonly stats: LinkStats;
}

function sharedDocument(a: LinkRecord, b: LinkRecord): 'shared' | 'different' | 'missing' {
  const da = a.prepared.documents.filter((d) => d.issuer !== 'NID');
  const db = b.prepared.documents.filter((d) => d.issuer !== 'NID');
  if (da.length === 0 || db.length === 0) return 'missing';
  return da.some((x) => db.some((y) => x.number === y.number)) ? 'shared' : 'different';
}

/** Pair score: the names matcher (names, document, birth date, sex, nationality) plus the extra fields. */
export function linkScore(a: LinkRecord, b: LinkRecord): number {
  const base = scorePrepared(a.prepared, b.prepared, { explain: false }).score;
  const doc = sharedDocument(a, b);
  let docAdjust = doc === 'shared' ? DOCUMENT_MATCH_BONUS : 0;
  if (doc === 'different') {
    const exact = compareBirthDates(a.prepared.birthDate, b.prepared.birthDate) === 'exact';
    docAdjust = exact ? DOCUMENT_MISMATCH_ADJUSTMENT.exactDate : DOCUMENT_MISMATCH_ADJUSTMENT.otherwise;
  }
  return base + docAdjust + compareExtras(a.extras, b.extras);
}

/** Attributes that rule out one person unless the pair itself scores above the threshold. */
export function hardConflict(a: LinkRecord, b: LinkRecord): boolean {
  const pa = a.prepared;
  const pb = b.prepared;
  if (pa.sex && pb.sex && pa.sex !== pb.sex) return true;
  const level = compareBirthDates(pa.birthDate, pb.birthDate);
  if (level === 'mismatch' || level === 'same_year_only' || level === 'year_off_by_one') return true;
  return nationalIdsConflict(a.extras.nationalId, b.extras.nationalId);
}

export function linkRecords(records: readonly LinkRecord[], options: LinkOptions = {}): LinkResult {
  const threshold = options.threshold ?? LINK_THRESHOLD;
  const edges = new EdgeList();
  const blocking = forEachCandidatePair(
    records,
    (i, j) => {
      const s = linkScore(records[i] as LinkRecord, records[j] as LinkRecord);
      if (s >= threshold) edges.push(i, j, s);
    },
    { ...DEFAULT_BLOCK_CAPS, ...options.blockCaps },
  );
  const clustered = clusterEdges(records.length, edges, {
    threshold,
    maxClusterSize: options.maxClusterSize ?? DEFAULT_MAX_CLUSTER_SIZE,
    conflict: (x, y) => hardConflict(records[x] as LinkRecord, records[y] as LinkRecord),
    score: (x, y) => linkScore(records[x] as LinkRecord, records[y] as LinkRecord),
  });
  let clusters = 0;
  clustered.clusterOf.forEach((c, i) => (clusters += c === i ? 1 : 0));
  return {
    clusterOf: clustered.clusterOf,
    stats: {
      ...blocking,
      records: records.length,
      edges: edges.length,
      clusters,
      merges: clustered.merges,
      refusedByConflict: clustered.refusedByConflict,
      refusedBySize: clustered.refusedBySize,
    },
  };
}
