import type { Command } from '../command.ts';
import { migrate, migrationStatus } from '../../../server/src/db/migrate.ts';
import { loadProfile } from '../../../server/src/profiles/profile.ts';
import { seed } from '../../../server/src/seed/seed.ts';
import { MAX_BULK_PERSONS, seedBulkPersons } from '../../../server/src/seed/bulk-persons.ts';
import { args, guarded, UsageError, withAdminDb } from './util.ts';

const migrateHelp = `Usage: npx kamurj migrate [--status]

Applies pending SQL migrations (packages/server/src/db/migrations) to the configured database
(DATABASE_URL, or the embedded one in KAMURJ_DATA_DIR). --status lists applied and pending ones.`;

export const migrateCommand: Command = {
  path: ['migrate'],
  summary: 'Apply pending database migrations',
  help: migrateHelp,
  run: (argv, io) =>
    guarded(migrateHelp, io, async () => {
      const { values } = args(argv, { status: { type: 'boolean' } });
      return withAdminDb(async (db) => {
        if (values.status) {
          const s = await migrationStatus(db);
          io.stdout(`applied: ${s.applied.join(', ') || '(none)'}\npending: ${s.pending.join(', ') || '(none)'}\n`);
          if (s.changed.length) io.stdout(`changed since applied: ${s.changed.join(', ')}\n`);
          return s.changed.length ? 1 : 0;
        }
        const done = await migrate(db);
        io.stdout(done.length ? `applied: ${done.join(', ')}\n` : 'database is up to date\n');
        return 0;
      });
    }),
};

const seedHelp = `Usage: npx kamurj seed [--no-demo] [--persons N [--seed S] [--batch-size B]]

Seeds reference data and the organisation of the country profile (KAMURJ_COUNTRY, default ARM), and,
unless --no-demo or in production, the demo accounts. Safe to run again.

--persons N adds N synthetic persons (up to ${MAX_BULK_PERSONS.toLocaleString('en')}) from the population generator
(seed S, default 1) for benchmarks: bulk-loaded in batches of B (default 2000), one transaction and one
audit row (persons.bulk_seed) per batch, with the same search keys and history as persons entered one
by one. Duplicate detection does not run during the load: run \`kamurj persons dedupe\` afterwards for
the review queue. A second run with the same seed continues where the first stopped. Prints the load
rate (persons per second).`;

export const seedCommand: Command = {
  path: ['seed'],
  summary: 'Seed reference data, organisation and demo accounts',
  help: seedHelp,
  run: (argv, io) =>
    guarded(seedHelp, io, async () => {
      const { values } = args(argv, { 'no-demo': { type: 'boolean' }, persons: { type: 'string' }, seed: { type: 'string' }, 'batch-size': { type: 'string' } });
      const int = (name: string, v: string | undefined, min: number, max: number) => {
        const n = Number(v);
        if (v === undefined || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name}: an integer from ${min} to ${max}`);
        return n;
      };
      const persons = values.persons === undefined ? null : int('persons', values.persons, 1, MAX_BULK_PERSONS);
      const populationSeed = values.seed === undefined ? 1 : int('seed', values.seed, 0, 2 ** 32 - 1);
      const batchSize = values['batch-size'] === undefined ? undefined : int('batch-size', values['batch-size'], 1, 10_000);
      if (persons === null && (values.seed !== undefined || batchSize !== undefined)) throw new UsageError('--seed and --batch-size go with --persons N');
      return withAdminDb(async (db, config) => {
        await migrate(db);
        const profile = loadProfile(config.country);
        const r = await seed(db, profile, { demo: config.seedDemo && !values['no-demo'], demoPassword: config.demoPassword });
        io.stdout(`seeded ${r.country}${r.createdDemoAccounts ? ' with demo accounts' : ''}\n`);
        if (persons === null) return 0;
        let shown = 0;
        const b = await seedBulkPersons(db, profile, {
          count: persons,
          seed: populationSeed,
          ...(batchSize ? { batchSize } : {}),
          onProgress: (loaded, total) => {
            if (loaded - shown >= 100_000 || loaded === total) {
              shown = loaded;
              io.stderr(`  ${loaded.toLocaleString('en')} / ${total.toLocaleString('en')} persons\n`);
            }
          },
        });
        io.stdout(
          `persons: ${b.created} created${b.skipped ? `, ${b.skipped} already loaded` : ''} (seed ${populationSeed}) in ${b.seconds.toFixed(1)} s — ${b.rate.toLocaleString('en')} persons/s, ` +
            `${b.nameKeys} name keys, ${b.documentKeys} document numbers, ${b.batches} batches\n`,
        );
        return 0;
      });
    }),
};
