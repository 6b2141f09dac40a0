import type { Command } from '../command.ts';
import { audit } from '../../../server/src/modules/audit/index.ts';
import { batchDedupe, reindexAll } from '../../../server/src/modules/persons/index.ts';
import { personsImportCommand } from './persons-import.ts';
import { args, guarded, UsageError, withAdminDb } from './util.ts';

const cliActor = () => ({ type: 'system' as const, id: null, name: `cli:${process.env.USER ?? 'unknown'}` });
const cliOrigin = () => ({ auth: null, clientIp: null, requestId: null, at: new Date() });

const dedupeHelp = `Usage: npx kamurj persons dedupe [--auto-merge-threshold N] [--json]

Finds pairs of person records that may be the same person, over the whole registry: candidates share a
cross-script name key or a document number, the matcher scores them, and pairs scoring 0.7 or more go to
the review queue (web app: Persons → Duplicates) with the score and its explanation. Pairs already
decided keep their decision.

Automatic merge happens only for pairs scoring at least the threshold (default: KAMURJ_AUTO_MERGE_THRESHOLD,
itself 1.01 = never), and never for protected persons (victims of trafficking, asylum seekers, minors).
Prints the number of persons scanned, pairs queued and records merged; exits 0.`;

export const personsDedupeCommand: Command = {
  path: ['persons', 'dedupe'],
  summary: 'Find duplicate person records over the whole registry (review queue)',
  help: dedupeHelp,
  run: (argv, io) =>
    guarded(dedupeHelp, io, async () => {
      const { values } = args(argv, { 'auto-merge-threshold': { type: 'string' }, json: { type: 'boolean' } });
      const given = values['auto-merge-threshold'];
      const threshold = given === undefined ? undefined : Number(given);
      if (threshold !== undefined && !(threshold >= 0.7 && threshold <= 1.01)) {
        throw new UsageError('--auto-merge-threshold: a number from 0.7 to 1.01 (1.01 = never merge automatically)');
      }
      return withAdminDb(async (db, config) => {
        const origin = () => ({ ...cliOrigin(), auth: null });
        const result = await batchDedupe(db, origin, { autoMergeThreshold: threshold ?? config.autoMergeThreshold });
        await db.tx((tx) => audit(tx, cliOrigin(), { action: 'persons.dedupe.batch', purpose: 'data_quality', actor: cliActor(), details: { ...result } }));
        if (values.json) io.stdout(`${JSON.stringify(result)}\n`);
        else io.stdout(`scanned ${result.scanned} persons: ${result.pairs} candidate pairs queued, ${result.autoMerged} merged automatically\n`);
        return 0;
      });
    }),
};

const reindexHelp = `Usage: npx kamurj persons reindex

Rebuilds the search index of every person record in use (name keys, word-pair keys, birth years,
document numbers) from the records, 500 per transaction. Needed once for a registry loaded before
migration 0005 (word-pair keys); otherwise the index is kept up to date on every write. Prints the
number of persons reindexed; exits 0.`;

export const personsReindexCommand: Command = {
  path: ['persons', 'reindex'],
  summary: 'Rebuild the person search index from the records',
  help: reindexHelp,
  run: (argv, io) =>
    guarded(reindexHelp, io, async () => {
      args(argv, {});
      return withAdminDb(async (db) => {
        const n = await reindexAll(db);
        await db.tx((tx) => audit(tx, cliOrigin(), { action: 'persons.reindex', purpose: 'data_quality', actor: cliActor(), details: { persons: n } }));
        io.stdout(`reindexed ${n} persons\n`);
        return 0;
      });
    }),
};

export const PERSONS_COMMANDS: readonly Command[] = [personsDedupeCommand, personsImportCommand, personsReindexCommand];
