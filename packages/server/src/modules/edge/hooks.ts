import type { AppDeps, CrossingRecordedEvent } from '../../app-deps.ts';
import type { Config } from '../../config/config.ts';
import type { Queryable } from '../../db/client.ts';
import { flagConflicts } from './conflicts.ts';
import { enqueueCrossing, type Warning } from './outbox.ts';

/**
 * What happens inside the transaction of every recorded crossing (ADR 0503): an edge node appends it to
 * its outbox; the centre notes an edge delivery and looks for conflicting uses of the document.
 */
export function crossingHook(config: Config): NonNullable<AppDeps['onCrossingRecorded']> {
  if (config.mode === 'edge') {
    const nodeId = config.edge!.nodeId;
    return (tx, e) => enqueueCrossing(tx, nodeId, e);
  }
  return async (tx: Queryable, e: CrossingRecordedEvent): Promise<Warning[]> => {
    const warnings: Warning[] = [];
    if (e.delivery) {
      const d = e.delivery;
      await tx.query(
        'INSERT INTO edge_deliveries (node_id, seq, crossing_id, token_id, clock_warning, received_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [d.nodeId, d.seq, d.crossingId, d.tokenId, d.clockWarning, e.recordedAt],
      );
      if (d.clockWarning) {
        warnings.push({ code: 'EDGE.CLOCK_BACKWARDS', message: `The clock of node ${d.nodeId} had run backwards when it recorded this crossing; its time needs review` });
      }
    }
    return [...warnings, ...(await flagConflicts(tx, e, config.edgeConflictMinutes, e.recordedAt))];
  };
}
