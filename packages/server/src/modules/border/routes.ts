import type { FastifyInstance } from 'fastify';
import { route, uuidParam } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import { apisRoutes } from './apis-routes.ts';
import { recordCrossing } from './record.ts';
import { listRoutes } from './routes-lists.ts';
import { residenceRoutes } from './routes-residence.ts';
import { AdjudicationBody, CheckBody, CrossingBody, CrossingQuery } from './schemas.ts';
import * as service from './service.ts';

/** The border module's API (issue 4 §1–§4, ADR 0502). */
export function borderRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());
  const tags = ['border'];

  route(app, {
    method: 'GET',
    url: '/api/border/context',
    summary: 'The crossing points the caller may record at, and the code lists of the console',
    tags,
    auth: 'active',
    handler: ({ auth, deps }) => service.consoleContext(deps, auth),
  });

  route(app, {
    method: 'POST',
    url: '/api/border/check',
    summary: 'Check a traveller in one call: document validity, matched person, screening hits, earlier refusals and overstays, stay position',
    tags,
    auth: 'active',
    body: CheckBody,
    handler: ({ req, body, auth, deps }) => service.checkTraveller(deps, origin(req), auth, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/border/crossings',
    summary: 'Record a crossing (admit, refuse with a reason code, second line) or correct one by superseding it; header Idempotency-Key required',
    tags,
    auth: 'active',
    status: 201,
    body: CrossingBody,
    handler: ({ req, reply, body, auth, deps }) => {
      const key = req.headers['idempotency-key'];
      return recordCrossing(deps, origin(req), auth, body, typeof key === 'string' ? key : undefined, reply);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/border/crossings',
    summary: 'Crossings in the caller’s jurisdiction, newest first (audited)',
    tags,
    auth: 'active',
    query: CrossingQuery,
    handler: ({ req, query, auth, deps }) => service.listCrossings(deps, origin(req), auth, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/border/crossings/:id',
    summary: 'One crossing with the records it corrected and its handovers (audited)',
    tags,
    auth: 'active',
    params: uuidParam,
    handler: ({ req, params, auth, deps }) => service.getCrossing(deps, origin(req), auth, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/border/adjudications',
    summary: 'Adjudicate a screening hit as true or false, with the reason; a false hit no longer stops the same person on the same entry version',
    tags,
    auth: 'active',
    status: 201,
    body: AdjudicationBody,
    handler: ({ req, body, auth, deps }) => service.adjudicate(deps, origin(req), auth, body),
  });

  listRoutes(app);
  residenceRoutes(app);
  apisRoutes(app);
}
