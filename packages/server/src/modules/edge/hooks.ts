import type { AppDeps, CrossingHook, CrossingRecordedEvent } from '../../app-deps.ts';
import type { Config } from '../../config/config.ts';
import type { Queryable } from '../../db/client.ts';
import { enqueueAdjudication } from './adjudication-outbox.ts';
import { clearancesOfDocument } from './clearances.ts';
import { conflictsBefore, flagConflicts } from './conflicts.ts';
import { enqueueCrossing, type Warning } from './outbox.ts';

/**
 * What happens inside the transaction of recorded crossings (ADR 0503; several written together, ADR
 * 0507): an edge node appends each to its outbox, in order; the centre notes edge deliveries and looks
 * for conflicting uses of the documents. Returns warnings for the officer per crossing (e.g. the post's
 * clock ran backwards). The centre's hook also checks before the write (`before`, ADR 0511), for crossings
 * no edge node delivered.
 */
export function crossingHook(config: Config): CrossingHook {
  if (config.mode === 'edge') {
    const nodeId = config.edge!.nodeId;
    return async (tx, events) => {
      const out: Warning[][] = [];
      for (const e of events) out.push(await enqueueCrossing(tx, nodeId, e));
      return out;
    };
  }
  const centre: CrossingHook = async (tx: Queryable, events: readonly CrossingRecordedEvent[]): Promise<Warning[][]> => {
    const warnings: Warning[][] = [];
    for (const e of events) {
      const mine: Warning[] = [];
      if (e.delivery) {
        const d = e.delivery;
        await tx.query(
          'INSERT INTO edge_deliveries (node_id, seq, crossing_id, token_id, clock_warning, received_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [d.nodeId, d.seq, d.crossingId, d.tokenId, d.clockWarning, e.recordedAt],
        );
        if (d.clockWarning) {
          mine.push({ code: 'EDGE.CLOCK_BACKWARDS', message: `The clock of node ${d.nodeId} had run backwards when it recorded this crossing; its time needs review` });
        }
      }
      warnings.push(mine);
    }
    const conflicts = await flagConflicts(tx, events, config.edgeConflictMinutes);
    return warnings.map((w, i) => [...w, ...(conflicts[i] ?? [])]);
  };
  // Crossings recorded at this centre's own posts (no delivery to note) are checked before their group's one
  // write statement (ADR 0511).
  centre.before = (db, events) => conflictsBefore(db, events, config.edgeConflictMinutes);
  return centre;
}

/** On an edge node every adjudication joins its outbox to the centre (ADR 0514); the centre needs no hook. */
export function adjudicationHook(config: Config): AppDeps['onHitAdjudicated'] {
  return config.mode === 'edge' ? enqueueAdjudication : undefined;
}

/** On an edge node screening also reads the centre's adjudications for the document presented (ADR 0515). */
export function clearanceHook(config: Config): AppDeps['documentClearances'] {
  return config.mode === 'edge' ? clearancesOfDocument : undefined;
}
