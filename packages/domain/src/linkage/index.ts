/**
 * Batch record linkage (`kamurj link`): CSV reading, field parsing, blocking, pair scoring (the names
 * matcher plus comparators for the other fields), clustering with a chaining guard, evaluation.
 * Pure: no I/O. See README.md and docs/decisions/0302-batch-linkage.md.
 */
export { CsvReader, CsvError, parseCsv, type CsvOptions, type RowHandler } from './csv.ts';
export {
  FIELD_KINDS,
  DEFAULT_DATE_FORMAT,
  parseFieldSpec,
  compileDateFormat,
  parseDateValue,
  parseSex,
  parseNationality,
  parsePhone,
  parseEmail,
  normalizeIdentifier,
  normalizeText,
  type FieldKind,
  type FieldSpec,
  type DateFormat,
} from './fields.ts';
export { compareExtras, compareNationalIds, compareEmails, withinOneEdit, EXTRA_WEIGHTS, type Extras } from './comparators.ts';
export { RecordPreparer, type LinkInput, type LinkRecord } from './prepare.ts';
export { forEachCandidatePair, blockingKeys, BLOCK_KINDS, DEFAULT_BLOCK_CAPS, MAX_RECORDS, type BlockKind, type BlockingStats } from './blocking.ts';
export { clusterEdges, EdgeList, type ClusterOptions, type ClusterResult } from './cluster.ts';
export {
  linkRecords,
  linkScore,
  hardConflict,
  LINK_THRESHOLD,
  DEFAULT_MAX_CLUSTER_SIZE,
  type LinkOptions,
  type LinkResult,
  type LinkStats,
} from './link.ts';
export { pairwiseQuality, fromCounts, type PairwiseQuality } from './evaluate.ts';
