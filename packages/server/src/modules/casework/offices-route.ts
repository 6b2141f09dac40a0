/**
 * Offices where the actor may open cases (for the "open a case" form, ADR 0404): the offices of the
 * actor's agency within the reach of `cases.write`, with their names in the three languages.
 */
import type { FastifyInstance } from 'fastify';
import { access } from '@kamurj/domain';
import { requireCan } from '../../http/access.ts';
import { route } from '../../http/route.ts';

export function officeRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/cases/offices',
    summary: 'Offices of your agency where you may open cases',
    tags: ['cases'],
    auth: 'active',
    handler: async ({ auth, deps }) => {
      requireCan(auth.actor, 'cases.write');
      const rows = (
        await deps.db.query<{ code: string; names: Record<string, string>; path: string }>(
          'SELECT o.code, o.names, j.path FROM offices o JOIN jurisdictions j ON j.id = o.jurisdiction_id WHERE o.agency_id = $1 ORDER BY o.code',
          [auth.actor.agencyId],
        )
      ).rows;
      return { items: rows.filter((o) => access.can(auth.actor, 'cases.write', { agencyId: auth.actor.agencyId, jurisdictionPath: o.path })).map((o) => ({ code: o.code, name: o.names })) };
    },
  });
}
