import type { FastifyInstance } from 'fastify';
import { DomainError } from '@kamurj/domain/kernel';
import { requireCan } from '../../http/access.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { route, uuidParam } from '../../http/route.ts';
import { audit, originOf } from '../audit/index.ts';
import { recordCrossing, recordDeliveredAdjudication } from '../border/index.ts';
import { listConflicts, resolveConflict } from './conflicts.ts';
import { AdjudicationDeliveryBody, ConflictQuery, DeliveryBody, ResolveBody, SnapshotQuery } from './schemas.ts';
import { buildSnapshot } from './snapshot-centre.ts';
import { edgeStatus } from './status.ts';

/** Edge mode's API (ADR 0503): what the centre offers nodes, the review of conflicts, and every server's status. */
export function edgeRoutes(app: FastifyInstance): void {
  const tags = ['edge'];
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());

  route(app, {
    method: 'GET',
    url: '/api/edge/status',
    summary: 'Edge mode status for the console: centre reachable, how old the lists are, crossings waiting to be sent (central servers answer mode only)',
    tags,
    auth: 'active',
    handler: ({ auth, deps }) => {
      requireCan(auth.actor, 'border.crossing.record');
      return edgeStatus(deps);
    },
  });

  if (app.deps.config.mode === 'edge') {
    installCentralOnlyGuard(app);
    return;
  }

  route(app, {
    method: 'GET',
    url: '/api/edge/snapshot',
    summary: 'For edge nodes (machine token with edge.sync): the lists whose version differs from the node’s, reference data and the post’s officer accounts when changed, the adjudications after the node’s cursor and the acknowledgements of its referrals (audited when sent)',
    tags,
    auth: 'active',
    query: SnapshotQuery,
    handler: async ({ req, query, auth, deps }) => {
      const token = requireNodeToken(auth);
      const known = {
        lists: Object.fromEntries((query.lists ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.lastIndexOf(':')), Number(p.slice(p.lastIndexOf(':') + 1))])),
        reference: query.reference,
        accounts: query.accounts,
        clearances: query.clearances,
        node: query.node,
        handovers: query.handovers,
      };
      const now = deps.clock.now();
      return deps.db.tx(async (tx) => {
        const s = await buildSnapshot(tx, known, auth.actor.scopes, now);
        // Clearances carry persons' document digests: the audit row says which part of the feed went to the token.
        const cleared = s.clearances.items.length ? { count: s.clearances.items.length, after: known.clearances ?? null, through: s.clearances.cursor } : null;
        const acknowledged = s.handovers?.items.length ? { node: known.node, count: s.handovers.items.length, after: known.handovers ?? null, through: s.handovers.cursor } : null;
        if (s.lists.length || s.accounts.users || cleared || acknowledged) {
          await audit(tx, origin(req), {
            action: 'edge.snapshot',
            purpose: 'border_control',
            targetType: 'api_token',
            targetId: token,
            details: { lists: s.lists.map((l) => `${l.listId}:${l.version}`), accounts: s.accounts.users?.map((u) => u.username) ?? null, clearances: cleared, handovers: acknowledged },
          });
        }
        return s;
      });
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/edge/crossings',
    summary: 'For edge nodes: deliver one crossing recorded at the post, header Idempotency-Key nodeId:seq; a repeated delivery answers the first result',
    tags,
    auth: 'active',
    status: 201,
    body: DeliveryBody,
    handler: async ({ req, reply, body, auth, deps }) => {
      const tokenId = requireNodeToken(auth);
      const key = req.headers['idempotency-key'];
      if (key !== `${body.nodeId}:${body.seq}`) {
        throw new DomainError('EDGE.KEY_MISMATCH', 'validation', 'The idempotency key of an edge delivery is nodeId:seq', {
          issues: [{ field: 'headers.idempotency-key', code: 'EDGE.KEY_MISMATCH', message: `Expected ${body.nodeId}:${body.seq}` }],
        });
      }
      const other = (await deps.db.query<{ node_id: string; seq: string }>('SELECT node_id, seq FROM edge_deliveries WHERE crossing_id = $1', [body.crossingId])).rows[0];
      if (other && (other.node_id !== body.nodeId || Number(other.seq) !== body.seq)) {
        throw new DomainError('EDGE.CROSSING_ID_REUSED', 'conflict', `Crossing ${body.crossingId} was delivered as ${other.node_id}:${other.seq}`);
      }
      const delivery = { nodeId: body.nodeId, seq: body.seq, tokenId, crossingId: body.crossingId, officer: body.officer, clockWarning: body.clockWarning };
      return recordCrossing(deps, origin(req), auth, body.crossing, key, reply, delivery);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/edge/adjudications',
    summary: 'For edge nodes: deliver an adjudication made at the post, tied to a crossing the node delivered before; applied to the person the centre linked to that crossing, a repeated delivery answers the first result',
    tags,
    auth: 'active',
    status: 201,
    body: AdjudicationDeliveryBody,
    handler: async ({ req, reply, body, auth, deps }) => {
      const tokenId = requireNodeToken(auth);
      // Only a crossing this node delivered anchors its adjudications: a node judges its own travellers.
      const from = (await deps.db.query<{ node_id: string }>('SELECT node_id FROM edge_deliveries WHERE crossing_id = $1', [body.crossingId])).rows[0];
      if (!from || from.node_id !== body.nodeId) {
        throw new DomainError('EDGE.CROSSING_NOT_DELIVERED', 'conflict', `Crossing ${body.crossingId} was not delivered by node ${body.nodeId}`);
      }
      const now = deps.clock.now();
      const { adjudicationId, nodeId, ...rest } = body;
      return recordDeliveredAdjudication(deps, origin(req), auth, { id: adjudicationId, ...rest }, reply, async (tx) => {
        await tx.query(
          'INSERT INTO edge_adjudication_deliveries (adjudication_id, node_id, token_id, crossing_id, received_at) VALUES ($1, $2, $3, $4, $5)',
          [adjudicationId, nodeId, tokenId, body.crossingId, now],
        );
      });
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/edge/conflicts',
    summary: 'Documents used at two crossing points in an impossible interval, for supervisors of either post (audited)',
    tags,
    auth: 'active',
    query: ConflictQuery,
    handler: async ({ req, query, auth, deps }) => {
      requireCan(auth.actor, 'border.crossing.supervise');
      const result = await listConflicts(deps.db, auth, query.state, query.limit);
      await deps.db.tx((tx) => audit(tx, origin(req), { action: 'edge.conflicts.read', purpose: 'border_control', details: { state: query.state, returned: result.items.length } }));
      return result;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/edge/conflicts/:id/resolve',
    summary: 'Record what the review of a conflict found; both crossings stay as recorded',
    tags,
    auth: 'active',
    params: uuidParam,
    body: ResolveBody,
    handler: ({ req, params, body, auth, deps }) => {
      requireCan(auth.actor, 'border.crossing.supervise');
      return deps.db.tx(async (tx) => {
        const r = await resolveConflict(tx, auth, params.id, body.resolution, deps.clock.now());
        await audit(tx, origin(req), { action: 'edge.conflict.resolve', purpose: 'border_control', targetType: 'edge_conflict', targetId: params.id, details: { resolution: body.resolution } });
        return r;
      });
    },
  });
}

/** Edge endpoints serve nodes, which authenticate with a machine token holding edge.sync. */
function requireNodeToken(auth: AuthContext): string {
  requireCan(auth.actor, 'edge.sync');
  if (!auth.token) throw new DomainError('EDGE.TOKEN_REQUIRED', 'forbidden', 'Edge endpoints are for edge nodes with a machine token');
  return auth.token.id;
}

/**
 * On an edge node the lists, reference data, accounts and person records are copies of the centre's:
 * changing them here would be lost at the next pull or never reach the centre, so those writes are
 * refused with a clear code. Crossings (with travellers registered from their documents), checks,
 * adjudications and logging in work as everywhere.
 */
const CENTRAL_ONLY = [/^\/api\/users\b/, /^\/api\/tokens\b/, /^\/api\/reference\b/, /^\/api\/border\/(lists|entries)\b/, /^\/api\/auth\/(password|mfa\/setup|mfa\/enable)\b/, /^\/api\/persons\b(?!\/check-duplicates)/, /^\/api\/households\b/];

function installCentralOnlyGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const path = req.url.split('?')[0]!;
    if (CENTRAL_ONLY.some((r) => r.test(path))) {
      throw new DomainError('EDGE.CENTRAL_ONLY', 'conflict', 'This change is made at the centre; this crossing point keeps a copy');
    }
  });
}
