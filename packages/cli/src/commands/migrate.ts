import type { Command } from '../command.ts';
import { migrate, migrationStatus } from '../../../server/src/db/migrate.ts';
import { loadProfile } from '../../../server/src/profiles/profile.ts';
import { seed } from '../../../server/src/seed/seed.ts';
import { args, guarded, withAdminDb } from './util.ts';

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

const seedHelp = `Usage: npx kamurj seed [--no-demo]

Seeds reference data and the organisation of the country profile (KAMURJ_COUNTRY, default ARM), and,
unless --no-demo or in production, the demo accounts. Safe to run again.`;

export const seedCommand: Command = {
  path: ['seed'],
  summary: 'Seed reference data, organisation and demo accounts',
  help: seedHelp,
  run: (argv, io) =>
    guarded(seedHelp, io, async () => {
      const { values } = args(argv, { 'no-demo': { type: 'boolean' } });
      return withAdminDb(async (db, config) => {
        await migrate(db);
        const r = await seed(db, loadProfile(config.country), { demo: config.seedDemo && !values['no-demo'], demoPassword: config.demoPassword });
        io.stdout(`seeded ${r.country}${r.createdDemoAccounts ? ' with demo accounts' : ''}\n`);
        return 0;
      });
    }),
};
