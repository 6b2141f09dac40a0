export { protectCube, DEFAULT_THRESHOLD } from './protect.ts';
export type { ProtectOptions } from './protect.ts';
export { auditProtection } from './audit.ts';
export type { AuditOptions, AuditResult, CellBounds } from './audit.ts';
export { toPublished, sliceTable, selectPublished, combineReleases } from './publish.ts';
export type { CellFilter } from './publish.ts';
export { MAX_TABLE_CELLS } from './table.ts';
