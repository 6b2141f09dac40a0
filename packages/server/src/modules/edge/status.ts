import type { AppDeps } from '../../app-deps.ts';
import { findNode } from './node-state.ts';
import { adjudicationOutboxStats } from './adjudication-outbox.ts';
import { clearanceCount } from './clearances.ts';
import { outboxStats } from './outbox.ts';

/**
 * What the console shows about edge mode (ADR 0503). The centre is "reachable" when the last contact
 * (a pull or a delivery answered) is newer than the last failure; the lists are as old as the last time
 * the centre confirmed or sent them.
 */
export async function edgeStatus(deps: AppDeps) {
  const edge = deps.config.edge;
  if (deps.config.mode !== 'edge' || !edge) return { mode: 'central' as const };
  const node = await findNode(deps.db);
  const now = deps.clock.now();
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  const contact = node?.last_contact_at ? new Date(node.last_contact_at).getTime() : null;
  const error = node?.last_error_at ? new Date(node.last_error_at).getTime() : null;
  const asOf = node?.lists_checked_at ? new Date(node.lists_checked_at) : null;
  return {
    mode: 'edge' as const,
    nodeId: edge.nodeId,
    crossingPoint: edge.crossingPoint,
    centre: {
      reachable: contact !== null && (error === null || contact >= error),
      lastContactAt: iso(node?.last_contact_at),
      lastErrorAt: iso(node?.last_error_at),
      lastError: node?.last_error ?? null,
    },
    lists: {
      asOf: iso(asOf),
      // A clock that ran backwards must not show a negative age.
      ageSeconds: asOf ? Math.max(0, Math.floor((now.getTime() - asOf.getTime()) / 1000)) : null,
      versions: node?.list_versions ?? {},
      accounts: node?.accounts ?? 0,
    },
    outbox: await outboxStats(deps.db),
    // Adjudications made here and their delivery to the centre (ADR 0514).
    adjudications: await adjudicationOutboxStats(deps.db),
    // The centre's adjudications held here for screening (ADR 0515).
    clearances: { held: await clearanceCount(deps.db), cursor: node?.clearance_cursor ?? null },
  };
}
