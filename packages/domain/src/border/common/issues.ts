/**
 * Problems reported by the border rules. Field problems reuse the kernel's FieldIssue (dotted field path,
 * stable code, English fallback message); file imports add the 1-based row (or segment) number.
 */
import type { FieldIssue } from '../../kernel/errors.ts';

export type { FieldIssue };

/** A problem in one row of an imported file: `row` is the 1-based physical line where the record starts. */
export interface RowIssue {
  readonly row: number;
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export const issue = (field: string, code: string, message: string): FieldIssue => ({ field, code, message });

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collapses runs of white space and trims; '' for anything that is not a string. */
export const cleanText = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
