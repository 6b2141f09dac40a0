import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.ts';
import { migrationStatus } from '../../db/migrate.ts';

export function healthRoutes(app: FastifyInstance, version: string): void {
  route(app, {
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness: the process answers',
    tags: ['health'],
    auth: 'public',
    handler: async () => ({ status: 'ok', version }),
  });

  route(app, {
    method: 'GET',
    url: '/api/ready',
    summary: 'Readiness: the database answers and every migration is applied',
    tags: ['health'],
    auth: 'public',
    handler: async ({ reply, deps }) => {
      try {
        const s = await migrationStatus(deps.db);
        const ready = s.pending.length === 0 && s.changed.length === 0;
        void reply.status(ready ? 200 : 503);
        return { status: ready ? 'ready' : 'not_ready', database: deps.db.kind, pendingMigrations: s.pending, changedMigrations: s.changed };
      } catch {
        void reply.status(503);
        return { status: 'not_ready', database: deps.db.kind, error: 'database unreachable' };
      }
    },
  });
}
