/**
 * Person registry rules: the record model, derived search keys, merge of two records, protected
 * categories and the second access gate, and the draft built from a machine-readable zone. Pure.
 * Design record: docs/decisions/0301-person-registry.md.
 */
export * from './types.ts';
export { fullName, normalizeDocumentNumber, toMatcherRecord, tokenKeys, nameTokens, searchKeys, matchKeys, prefixKey, documentKeys } from './record.ts';
export { mergeRecords, type MergeConflict } from './merge.ts';
export { isPossiblyMinor, protectionReasons, isProtected, autoMergeVerdict, protectedView, type ProtectionReason, type AutoMergeVerdict } from './protection.ts';
export { draftFromMrz, normalizeStateCode, type PersonDraft } from './mrz-draft.ts';
