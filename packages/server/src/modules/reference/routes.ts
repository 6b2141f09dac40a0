import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access } from '@kamurj/domain';
import { requireCan } from '../../http/access.ts';
import { notFound, staleVersion } from '../../http/errors.ts';
import { route, q } from '../../http/route.ts';
import { audit, originOf } from '../audit/index.ts';
import * as repo from './repository.ts';
import { presentItem } from './presenter.ts';
import { presentJurisdiction } from '../users/index.ts';

const tableParam = z.strictObject({ table: z.enum(repo.REFERENCE_TABLES) });
const itemParams = z.strictObject({ table: z.enum(repo.REFERENCE_TABLES), key: z.string().min(1).max(64) });
const names = z.strictObject({ hy: z.string().trim().min(1).max(300), ru: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });

export function referenceRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/agencies',
    summary: 'Agencies using Kamurj',
    tags: ['reference'],
    auth: 'active',
    handler: async ({ deps }) => {
      const r = await deps.db.query<{ id: string; code: string; kind: string; names: Record<string, string> }>(
        'SELECT id, code, kind, names FROM agencies ORDER BY code',
      );
      return { items: r.rows.map((a) => ({ id: a.id, code: a.code, kind: a.kind, name: a.names })) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/jurisdictions',
    summary: 'The jurisdiction tree: country, regions, border crossing points',
    tags: ['reference'],
    auth: 'active',
    handler: async ({ deps }) => {
      const r = await deps.db.query<{ id: string; path: string; kind: string; code: string; names: Record<string, string>; parent_id: string | null }>(
        'SELECT id, path, kind, code, names, parent_id FROM jurisdictions ORDER BY path',
      );
      return { items: r.rows.map(presentJurisdiction) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/reference',
    summary: 'Reference tables and their sizes',
    tags: ['reference'],
    auth: 'active',
    handler: async ({ auth, deps }) => {
      requireCan(auth.actor, 'reference.read');
      const counts = await repo.tableCounts(deps.db);
      const editable = access.can(auth.actor, 'reference.manage');
      return { tables: repo.REFERENCE_TABLES.map((name) => ({ name, editable, count: counts.get(name) ?? 0 })) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/reference/:table',
    summary: 'Items of one reference table',
    tags: ['reference'],
    auth: 'active',
    params: tableParam,
    query: z.strictObject({ q: q.text(100), activeOnly: q.bool(), limit: q.int(1, 500, 100), offset: q.int(0, 100_000, 0) }),
    handler: async ({ params, query, auth, deps }) => {
      requireCan(auth.actor, 'reference.read');
      const { rows, total } = await repo.listItems(deps.db, params.table, query);
      return { items: rows.map(presentItem), total };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/reference/:table/:key',
    summary: 'One reference item',
    tags: ['reference'],
    auth: 'active',
    params: itemParams,
    handler: async ({ params, auth, deps }) => {
      requireCan(auth.actor, 'reference.read');
      const item = await repo.findItem(deps.db, params.table, params.key);
      if (!item) throw notFound('Reference item', 'REFERENCE.NOT_FOUND');
      return presentItem(item);
    },
  });

  route(app, {
    method: 'PATCH',
    url: '/api/reference/:table/:key',
    summary: 'Edit names or the active flag of a reference item; every change is versioned',
    tags: ['reference'],
    auth: 'active',
    params: itemParams,
    body: z.strictObject({ version: z.number().int().min(1), names: names.optional(), active: z.boolean().optional() }),
    handler: async ({ req, params, body, auth, deps }) => {
      requireCan(auth.actor, 'reference.manage');
      const now = deps.clock.now();
      return deps.db.tx(async (tx) => {
        const before = await repo.findItem(tx, params.table, params.key);
        if (!before) throw notFound('Reference item', 'REFERENCE.NOT_FOUND');
        const next = { names: body.names ?? before.names, active: body.active ?? before.active, attributes: before.attributes };
        if (!(await repo.updateItem(tx, params.table, params.key, body.version, next, now, auth.user?.id ?? ''))) {
          throw staleVersion(presentItem(before));
        }
        await repo.insertHistory(tx, params.table, params.key, before.version + 1, now, auth.user?.id ?? null, repo.snapshot(before), next);
        await audit(tx, originOf(req, now), {
          action: 'reference.update',
          purpose: 'reference_maintenance',
          targetType: `reference:${params.table}`,
          targetId: params.key,
          details: { before: repo.snapshot(before), after: next },
        });
        return presentItem((await repo.findItem(tx, params.table, params.key))!);
      });
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/reference/:table/:key/history',
    summary: 'Every version of a reference item',
    tags: ['reference'],
    auth: 'active',
    params: itemParams,
    handler: async ({ params, auth, deps }) => {
      requireCan(auth.actor, 'reference.read');
      const rows = await repo.history(deps.db, params.table, params.key);
      return {
        items: rows.map((h) => ({
          version: h.version,
          changedAt: new Date(h.changed_at).toISOString(),
          changedBy: h.changed_by_username,
          before: h.before,
          after: h.after,
        })),
      };
    },
  });
}
