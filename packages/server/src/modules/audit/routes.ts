import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import { route, q } from '../../http/route.ts';
import { forbidden } from '../../http/errors.ts';
import { searchAudit, verifyChain } from './repository.ts';
import { audit, originOf } from './service.ts';
import { presentAuditRow } from './presenter.ts';

const dateOnly = z.iso.date().optional();

const AuditQuery = z.strictObject({
  username: q.text(100),
  actorId: q.text(100),
  targetType: q.text(60),
  targetId: q.text(200),
  action: q.text(100),
  from: dateOnly,
  to: dateOnly,
  limit: q.int(1, 200, 50),
  offset: q.int(0, 10_000_000, 0),
});

export function auditRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/audit',
    summary: 'Search the audit log (who did or looked at what)',
    tags: ['audit'],
    auth: 'active',
    query: AuditQuery,
    handler: async ({ req, query, auth, deps }) => {
      if (!access.can(auth.actor, 'audit.read')) throw forbidden();
      if (query.from && query.to && query.from > query.to) {
        throw new DomainError('REQUEST.INVALID', 'validation', 'from is after to', {
          issues: [{ field: 'query.from', code: 'after_to', message: '"from" must not be after "to"' }],
        });
      }
      const to = query.to ? new Date(Date.parse(query.to) + 86_400_000) : undefined;
      const result = await searchAudit(deps.db, { ...query, from: query.from ? new Date(query.from) : undefined, to });
      // Searching the log is itself an access to personal data (of staff and of the people they looked at).
      await deps.db.tx((tx) =>
        audit(tx, originOf(req, deps.clock.now()), {
          action: 'audit.search',
          purpose: 'oversight',
          targetType: query.targetType ?? null,
          targetId: query.targetId ?? null,
          details: { filter: { ...query }, returned: result.rows.length },
        }),
      );
      return { items: result.rows.map(presentAuditRow), total: result.total };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/audit/verify',
    summary: 'Walk the hash chain and report the first broken link',
    tags: ['audit'],
    auth: 'active',
    body: z.strictObject({}).optional(),
    handler: async ({ req, auth, deps }) => {
      if (!access.can(auth.actor, 'audit.verify')) throw forbidden();
      const result = await verifyChain(deps.db);
      await deps.db.tx((tx) =>
        audit(tx, originOf(req, deps.clock.now()), {
          action: 'audit.verify',
          purpose: 'oversight',
          outcome: result.ok ? 'success' : 'failure',
          details: { ...result },
        }),
      );
      return result;
    },
  });
}
