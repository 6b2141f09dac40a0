import { readFileSync } from 'node:fs';
import type { Command } from '../command.ts';
import { CsvError, parseCsv } from '../../../domain/src/linkage/index.ts';
import { importPersons, jsonLinesRows, type ImportRow } from '../../../server/src/modules/persons/index.ts';
import { CSV_COLUMNS, csvPerson, headerColumns } from './persons-csv.ts';
import { args, guarded, UsageError, withAdminDb } from './util.ts';

const PURPOSES = ['data_quality', 'casework', 'border_control'] as const;

const importHelp = `Usage: npx kamurj persons import --input FILE --source NAME [--purpose P] [--auto-merge-threshold N] [--json]

Imports person records from a CSV file (one person per row, a header row naming the columns) or, for
FILE ending in .jsonl/.ndjson, JSON Lines of person records as POST /api/persons takes them. Every
record goes through the normal entry path — the same checks, history and audit row as a person entered
by hand, and duplicate detection (entry path "import"): possible duplicates go to the review queue;
a record is merged automatically only when its best pair scores at least the threshold (default
KAMURJ_AUTO_MERGE_THRESHOLD, itself 1.01 = never), and never a protected person. Rows that are not valid
are reported with their line and column on standard error; the other rows are loaded (100 per
transaction).

--source NAME names where the records come from (kept in each record's history and audit row).
--purpose P  data_quality (default), casework or border_control.

CSV columns (others are ignored; the CSV of \`kamurj population generate\` reads as it is):
${Object.entries(CSV_COLUMNS)
  .map(([c, d]) => `  ${c.padEnd(18)} ${d}`)
  .join('\n')}

Exit status: 0 every row loaded, 1 some rows rejected (the others loaded), 2 usage or unreadable file.`;

export const personsImportCommand: Command = {
  path: ['persons', 'import'],
  summary: 'Import persons from CSV or JSON Lines through the entry path, with duplicate detection',
  help: importHelp,
  run: (argv, io) =>
    guarded(importHelp, io, async () => {
      const { values } = args(argv, {
        input: { type: 'string' },
        source: { type: 'string' },
        purpose: { type: 'string' },
        'auto-merge-threshold': { type: 'string' },
        json: { type: 'boolean' },
      });
      if (!values.input) throw new UsageError('--input FILE is required');
      const source = values.source?.trim();
      if (!source || source.length > 100) throw new UsageError('--source NAME is required (up to 100 characters)');
      const purpose = (values.purpose ?? 'data_quality') as (typeof PURPOSES)[number];
      if (!PURPOSES.includes(purpose)) throw new UsageError(`--purpose: one of ${PURPOSES.join(', ')}`);
      const given = values['auto-merge-threshold'];
      const threshold = given === undefined ? undefined : Number(given);
      if (threshold !== undefined && !(threshold >= 0.7 && threshold <= 1.01)) throw new UsageError('--auto-merge-threshold: a number from 0.7 to 1.01 (1.01 = never merge automatically)');
      let text: string;
      try {
        text = readFileSync(values.input, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${values.input}: ${e instanceof Error ? e.message : String(e)}`);
      }

      return withAdminDb(async (db, config) => {
        const today = new Date().toISOString().slice(0, 10);
        let rows: ImportRow[];
        let columnOf = new Map<number, (field: string) => string>();
        if (/\.(jsonl|ndjson)$/i.test(values.input!)) rows = jsonLinesRows(text);
        else {
          let csv: { fields: string[]; line: number }[];
          try {
            csv = parseCsv(text);
          } catch (e) {
            throw new UsageError(`${values.input}: ${e instanceof CsvError ? e.message : String(e)}`);
          }
          const [header, ...data] = csv;
          if (!header) throw new UsageError(`${values.input}: no header row`);
          const { columns, ignored } = headerColumns(header.fields);
          if (!columns.includes('surname') && !columns.includes('given_name')) throw new UsageError(`${values.input}: needs a surname or given_name column`);
          if (ignored.length) io.stderr(`ignored columns: ${ignored.join(', ')}\n`);
          const people = data.map((r) => ({ line: r.line, person: csvPerson(columns, r.fields, today, config.country) }));
          columnOf = new Map(people.map((p) => [p.line, p.person.columnOf]));
          rows = people.map((p) => ({ row: p.line, value: p.person.value }));
        }
        const actor = { type: 'system' as const, id: null, name: `cli:${process.env.USER ?? 'unknown'}` };
        const report = await importPersons(
          {
            db,
            country: config.country,
            autoMergeThreshold: threshold ?? config.autoMergeThreshold,
            origin: () => ({ auth: null, clientIp: null, requestId: null, at: new Date() }),
            actorId: null,
            actorName: actor.name,
            purpose,
            jurisdictionOf: (registeredIn) => (registeredIn ? `${config.country}.${registeredIn}` : null),
            auditActor: actor,
          },
          source,
          rows,
        );
        const errors = report.errors.map((e) => ({ ...e, column: columnOf.get(e.row)?.(e.field) ?? e.field }));
        for (const e of errors) io.stderr(`row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.code} ${e.message}\n`);
        if (values.json) io.stdout(`${JSON.stringify({ ...report, errors })}\n`);
        else {
          io.stdout(
            `imported ${report.created} of ${report.received} persons from "${source}": ${report.rejected} rejected, ` +
              `${report.duplicatePairs} possible duplicates queued, ${report.autoMerged} merged automatically\n`,
          );
        }
        return report.rejected ? 1 : 0;
      });
    }),
};
