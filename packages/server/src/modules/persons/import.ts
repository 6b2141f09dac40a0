import { randomUUID } from 'node:crypto';
import { isDomainError } from '@kamurj/domain/kernel';
import type { Db } from '../../db/client.ts';
import { zodIssues } from '../../http/route.ts';
import { audit, type AuditEvent, type AuditOrigin, type Purpose } from '../audit/index.ts';
import { enterPerson } from './entry.ts';
import { toRecord } from './input.ts';
import { PersonInput } from './schemas.ts';

/**
 * Import of person records (ADR 0303): every valid row goes through the normal entry path
 * (`enterPerson`: record, history, audit row, duplicate detection with entry path "import", automatic
 * merge only at or above the configured threshold and never for protected persons), in batches of
 * IMPORT_BATCH_SIZE rows per transaction. A row that is not valid is reported — row number, field, code,
 * message — and the others are loaded. Used by `POST /api/persons/import` and `kamurj persons import`.
 */
export const MAX_IMPORT_ROWS = 5000;
export const IMPORT_BATCH_SIZE = 100;

/** A row as read from the input: its number there (line or position) and its value, or why it could not be read. */
export type ImportRow = { row: number; value: unknown } | { row: number; error: { field: string; code: string; message: string } };

export interface ImportRowError {
  row: number;
  /** Path in the person record (`documents.0.number`); '' for the row as a whole. */
  field: string;
  code: string;
  message: string;
}

export interface ImportedPerson {
  row: number;
  id: string;
  /** The existing record this one was merged into automatically, if any. */
  autoMergedInto: string | null;
  /** Possible duplicates queued for review. */
  duplicates: number;
}

export interface ImportReport {
  source: string;
  received: number;
  created: number;
  autoMerged: number;
  duplicatePairs: number;
  rejected: number;
  errors: ImportRowError[];
  persons: ImportedPerson[];
}

export interface ImportContext {
  db: Db;
  country: string;
  autoMergeThreshold: number;
  origin: () => AuditOrigin;
  actorId: string | null;
  actorName: string;
  purpose: Purpose;
  /** The record's jurisdiction, or a DomainError when the importer may not write there. */
  jurisdictionOf(registeredIn: string | null): string | null;
  auditActor?: AuditEvent['actor'];
}

interface Ready {
  row: number;
  id: string;
  record: Awaited<ReturnType<typeof toRecord>>;
  jurisdictionPath: string | null;
}

const FIELD_PREFIX = 'row';

function rowErrors(row: number, e: unknown): ImportRowError[] {
  if (isDomainError(e)) {
    const issues = (e.details.issues as { field: string; code: string; message: string }[] | undefined) ?? [];
    if (issues.length) {
      return issues.map((i) => ({ row, field: i.field.replace(/^row\.?/, ''), code: i.code, message: i.message }));
    }
    return [{ row, field: '', code: e.code, message: e.message }];
  }
  return [{ row, field: '', code: 'PERSONS.IMPORT_FAILED', message: e instanceof Error ? e.message : String(e) }];
}

/** Checks one row as `POST /api/persons` would: the schema, then the content rules and reference codes. */
async function check(ctx: ImportContext, r: ImportRow, now: Date): Promise<Ready | ImportRowError[]> {
  if ('error' in r) return [{ row: r.row, ...r.error }];
  const parsed = PersonInput.safeParse(r.value);
  if (!parsed.success) {
    return zodIssues(parsed.error, FIELD_PREFIX).map((i) => ({ row: r.row, field: i.field.replace(/^row\.?/, ''), code: i.code, message: i.message }));
  }
  try {
    const record = await toRecord(ctx.db, parsed.data, now, FIELD_PREFIX);
    return { row: r.row, id: randomUUID(), record, jurisdictionPath: ctx.jurisdictionOf(record.registeredIn) };
  } catch (e) {
    return rowErrors(r.row, e);
  }
}

export async function importPersons(ctx: ImportContext, source: string, rows: readonly ImportRow[]): Promise<ImportReport> {
  const report: ImportReport = { source, received: rows.length, created: 0, autoMerged: 0, duplicatePairs: 0, rejected: 0, errors: [], persons: [] };
  const rejected = new Set<number>();
  const reject = (errs: ImportRowError[]) => {
    report.errors.push(...errs);
    for (const e of errs) rejected.add(e.row);
  };
  const write = (items: readonly Ready[]) =>
    ctx.db.tx(async (tx) => {
      const done: ImportedPerson[] = [];
      for (const p of items) {
        const o = ctx.origin();
        const detected = await enterPerson(
          tx,
          o,
          {
            id: p.id,
            record: p.record,
            jurisdictionPath: p.jurisdictionPath,
            source: 'import',
            at: o.at,
            actorId: ctx.actorId,
            actorName: ctx.actorName,
            purpose: ctx.purpose,
            details: { importSource: source, row: p.row },
            ...(ctx.auditActor ? { auditActor: ctx.auditActor } : {}),
          },
          ctx.autoMergeThreshold,
        );
        done.push({ row: p.row, id: p.id, autoMergedInto: detected.autoMergedInto, duplicates: detected.candidates.length });
      }
      return done;
    });

  for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) {
    const ready: Ready[] = [];
    for (const r of rows.slice(i, i + IMPORT_BATCH_SIZE)) {
      const c = await check(ctx, r, ctx.origin().at);
      if (Array.isArray(c)) reject(c);
      else ready.push(c);
    }
    let done: ImportedPerson[] = [];
    try {
      done = await write(ready);
    } catch {
      // One row the database refuses must not lose the batch: write each on its own and report the one.
      for (const p of ready) {
        try {
          done.push(...(await write([p])));
        } catch (e) {
          reject(rowErrors(p.row, e));
        }
      }
    }
    for (const d of done) {
      report.persons.push(d);
      report.created++;
      report.duplicatePairs += d.duplicates;
      if (d.autoMergedInto) report.autoMerged++;
    }
  }
  report.rejected = rejected.size;
  await ctx.db.tx((tx) =>
    audit(tx, ctx.origin(), {
      action: 'persons.import',
      purpose: ctx.purpose,
      details: { source, received: report.received, created: report.created, rejected: report.rejected, autoMerged: report.autoMerged, duplicatePairs: report.duplicatePairs },
      ...(ctx.auditActor ? { actor: ctx.auditActor } : {}),
    }),
  );
  return report;
}

/** JSON Lines: one person per line (blank lines skipped); the row number is the line number. */
export function jsonLinesRows(text: string): ImportRow[] {
  const rows: ImportRow[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push({ row: i + 1, value: JSON.parse(line) as unknown });
    } catch {
      rows.push({ row: i + 1, error: { field: '', code: 'PERSONS.IMPORT_INVALID_JSON', message: 'This line is not valid JSON' } });
    }
  });
  return rows;
}
