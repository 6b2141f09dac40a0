import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../audit/index.ts';
import { CentreUnreachable, describeAnswer, type CentreClient } from './centre-client.ts';
import { findNode, noteError } from './node-state.ts';
import { SnapshotSchema } from './schemas.ts';
import { applySnapshot, type Applied } from './snapshot-edge.ts';

/**
 * Pulls what changed at the centre since the versions this node holds and applies it in one transaction
 * (ADR 0503). The centre's answer is validated before anything is written: a malformed snapshot changes
 * nothing and is reported like an unreachable centre.
 */
export type PullResult = { ok: true; applied: Applied } | { ok: false; failure: string };

export function snapshotQuery(node: { node_id?: string; list_versions: Record<string, number>; reference_digest: string | null; accounts_digest: string | null; clearance_cursor?: string | null; handover_cursor?: string | null } | undefined): string {
  const q = new URLSearchParams();
  const lists = Object.entries(node?.list_versions ?? {}).map(([id, v]) => `${id}:${v}`).join(',');
  if (lists) q.set('lists', lists);
  if (node?.reference_digest) q.set('reference', node.reference_digest);
  if (node?.accounts_digest) q.set('accounts', node.accounts_digest);
  if (node?.clearance_cursor) q.set('clearances', node.clearance_cursor);
  if (node?.node_id) q.set('node', node.node_id);
  if (node?.handover_cursor) q.set('handovers', node.handover_cursor);
  const s = q.toString();
  return `/api/edge/snapshot${s ? `?${s}` : ''}`;
}

/** Pages of clearances taken in one pull: a node that starts empty takes a large backlog over a few pulls. */
const MAX_PAGES = 25;

export async function pullOnce(deps: AppDeps, client: CentreClient, nodeId: string): Promise<PullResult> {
  let total: Applied | undefined;
  // The lists, reference data and accounts come with the first page; the next ones bring only what the feeds still hold (ADR 0515, 0516).
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await pullPage(deps, client, nodeId);
    if (!r.ok) return total ? { ok: true, applied: total } : r;
    const a = r.applied;
    total = total
      ? { lists: [...total.lists, ...a.lists], entries: total.entries + a.entries, referenceItems: total.referenceItems + a.referenceItems, accounts: total.accounts + a.accounts, clearances: total.clearances + a.clearances, handovers: total.handovers + a.handovers }
      : a;
    if (!r.more) break;
  }
  return { ok: true, applied: total! };
}

async function pullPage(deps: AppDeps, client: CentreClient, nodeId: string): Promise<{ ok: false; failure: string } | { ok: true; applied: Applied; more: boolean }> {
  const node = await findNode(deps.db);
  let answer;
  try {
    answer = await client.request('GET', snapshotQuery(node));
  } catch (e) {
    if (!(e instanceof CentreUnreachable)) throw e;
    await noteError(deps.db, deps.clock.now(), e.message);
    return { ok: false, failure: e.message };
  }
  const now = deps.clock.now();
  if (answer.status !== 200) {
    const why = describeAnswer(answer);
    await noteError(deps.db, now, why);
    return { ok: false, failure: why };
  }
  const parsed = SnapshotSchema.safeParse(answer.body);
  if (!parsed.success) {
    const why = `The centre's snapshot is malformed at ${parsed.error.issues[0]?.path.join('.') ?? '(root)'}`;
    await noteError(deps.db, now, why);
    return { ok: false, failure: why };
  }
  const applied = await deps.db.tx(async (tx) => {
    const a = await applySnapshot(tx, parsed.data, now);
    if (a.lists.length || a.referenceItems || parsed.data.accounts.users || a.clearances || a.handovers) {
      await audit(tx, { auth: null, clientIp: null, requestId: null, at: now }, {
        action: 'edge.pull',
        purpose: 'border_control',
        actor: { type: 'system', id: null, name: `edge:${nodeId}` },
        details: { lists: a.lists, entries: a.entries, referenceItems: a.referenceItems, accounts: a.accounts, clearances: a.clearances, handovers: a.handovers, centreAt: parsed.data.at },
      });
    }
    return a;
  });
  return { ok: true, applied, more: (parsed.data.clearances?.more ?? false) || (parsed.data.handovers?.more ?? false) };
}
