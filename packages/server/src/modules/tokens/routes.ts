import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import type { Queryable } from '../../db/client.ts';
import { requireCan } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { route, uuidParam } from '../../http/route.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { audit, originOf } from '../audit/index.ts';
import { presentJurisdiction } from '../users/index.ts';

interface TokenRow {
  id: string;
  name: string;
  agency_id: string;
  agency_code: string;
  agency_names: Record<string, string>;
  actions: string[];
  created_at: Date;
  created_by_username: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  jurisdictions: { id: string; path: string; kind: string; code: string; names: Record<string, string> }[];
}

const SELECT = `
  SELECT t.id, t.name, t.agency_id, a.code AS agency_code, a.names AS agency_names, t.actions, t.created_at,
         u.username AS created_by_username, t.expires_at, t.revoked_at, t.last_used_at,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', j.id, 'path', j.path, 'kind', j.kind, 'code', j.code, 'names', j.names) ORDER BY j.path)
                   FROM api_token_jurisdictions tj JOIN jurisdictions j ON j.id = tj.jurisdiction_id WHERE tj.token_id = t.id), '[]'::jsonb) AS jurisdictions
  FROM api_tokens t JOIN agencies a ON a.id = t.agency_id JOIN users u ON u.id = t.created_by`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const present = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  agency: { id: t.agency_id, code: t.agency_code, name: t.agency_names },
  actions: t.actions,
  jurisdictions: t.jurisdictions.map(presentJurisdiction),
  createdAt: iso(t.created_at),
  createdBy: t.created_by_username,
  expiresAt: iso(t.expires_at),
  revokedAt: iso(t.revoked_at),
  lastUsedAt: iso(t.last_used_at),
});

const findToken = async (db: Queryable, id: string) => (await db.query<TokenRow>(`${SELECT} WHERE t.id = $1`, [id])).rows[0];

/**
 * Machine tokens for border-post nodes and integrations. A token acts within the agency of the
 * administrator who creates it, with an explicit list of actions (access.MACHINE_ACTIONS) and jurisdictions.
 */
const MACHINE_ACTIONS = access.MACHINE_ACTIONS;

export function tokenRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/tokens',
    summary: 'Machine tokens the caller may manage',
    tags: ['tokens'],
    auth: 'active',
    handler: async ({ auth, deps }) => {
      requireCan(auth.actor, 'tokens.manage');
      const all = access.reachOf(auth.actor, 'tokens.manage').includes('all');
      const rows = all
        ? await deps.db.query<TokenRow>(`${SELECT} ORDER BY t.created_at DESC`)
        : await deps.db.query<TokenRow>(`${SELECT} WHERE t.agency_id = $1 ORDER BY t.created_at DESC`, [auth.actor.agencyId]);
      return { items: rows.rows.map(present), machineActions: MACHINE_ACTIONS };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/tokens',
    summary: 'Create a machine token; the secret is returned once',
    tags: ['tokens'],
    auth: 'active',
    status: 201,
    body: z.strictObject({
      name: z.string().trim().min(3).max(100),
      actions: z.array(z.enum(MACHINE_ACTIONS as [string, ...string[]])).min(1).max(MACHINE_ACTIONS.length),
      jurisdictionIds: z.array(z.uuid()).min(1).max(100),
      expiresInDays: z.number().int().min(1).max(730).optional(),
    }),
    handler: async ({ req, body, auth, deps }) => {
      requireCan(auth.actor, 'tokens.manage', { agencyId: auth.actor.agencyId });
      if (!auth.user) throw new DomainError('AUTH.SESSION_REQUIRED', 'forbidden', 'Tokens are created by people');
      const found = await deps.db.query<{ id: string }>('SELECT id FROM jurisdictions WHERE id = ANY($1::uuid[])', [body.jurisdictionIds]);
      if (found.rows.length !== new Set(body.jurisdictionIds).size) {
        throw new DomainError('REQUEST.INVALID', 'validation', 'Unknown jurisdiction', {
          issues: [{ field: 'body.jurisdictionIds', code: 'unknown', message: 'One or more jurisdictions do not exist' }],
        });
      }
      const id = randomUUID();
      const secret = randomToken(32);
      const now = deps.clock.now();
      const expiresAt = body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 86_400_000) : null;
      await deps.db.tx(async (tx) => {
        await tx.query(
          'INSERT INTO api_tokens (id, name, agency_id, secret_hash, actions, created_by, created_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
          [id, body.name, auth.actor.agencyId, sha256(secret), body.actions, auth.user!.id, now, expiresAt],
        );
        await tx.query('INSERT INTO api_token_jurisdictions (token_id, jurisdiction_id) SELECT $1, unnest($2::uuid[])', [id, [...new Set(body.jurisdictionIds)]]);
        await audit(tx, originOf(req, now), { action: 'tokens.create', purpose: 'administration', targetType: 'api_token', targetId: id, details: { name: body.name, actions: body.actions } });
      });
      return { token: present((await findToken(deps.db, id))!), secret: `kmj_${id}.${secret}` };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/tokens/:id/revoke',
    summary: 'Revoke a machine token at once',
    tags: ['tokens'],
    auth: 'active',
    params: uuidParam,
    body: z.strictObject({}).optional(),
    handler: async ({ req, params, auth, deps }) => {
      const t = await findToken(deps.db, params.id);
      if (!t) throw notFound('Token', 'TOKENS.NOT_FOUND');
      requireCan(auth.actor, 'tokens.manage', { agencyId: t.agency_id });
      const now = deps.clock.now();
      await deps.db.tx(async (tx) => {
        await tx.query('UPDATE api_tokens SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL', [params.id, now, auth.user?.id ?? null]);
        await audit(tx, originOf(req, now), { action: 'tokens.revoke', purpose: 'security', targetType: 'api_token', targetId: params.id });
      });
      return present((await findToken(deps.db, params.id))!);
    },
  });
}
