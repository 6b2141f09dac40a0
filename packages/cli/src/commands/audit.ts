import type { Command } from '../command.ts';
import { verifyChain } from '../../../server/src/modules/audit/index.ts';
import { args, guarded, withAdminDb } from './util.ts';

const help = `Usage: npx kamurj audit verify [--json]

Walks the audit log's hash chain from the first row. Exits 0 when every row is intact; otherwise
exits 1 and names the first broken link (a row changed, a row missing, or the tail removed).`;

export const auditVerifyCommand: Command = {
  path: ['audit', 'verify'],
  summary: 'Verify the audit log hash chain',
  help,
  run: (argv, io) =>
    guarded(help, io, async () => {
      const { values } = args(argv, { json: { type: 'boolean' } });
      return withAdminDb(async (db) => {
        const r = await verifyChain(db);
        if (values.json) io.stdout(`${JSON.stringify(r)}\n`);
        else if (r.ok) io.stdout(`audit chain intact: ${r.checked} rows checked\n`);
        else io.stderr(`audit chain BROKEN at row ${r.firstBrokenId}: ${r.reason} (${r.checked} rows intact before it)\n`);
        return r.ok ? 0 : 1;
      });
    }),
};
