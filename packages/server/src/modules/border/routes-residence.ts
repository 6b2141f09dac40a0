import type { FastifyInstance } from 'fastify';
import { route, uuidParam } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import { AcknowledgeBody, HandoverQuery, IrregularQuery } from './schemas.ts';
import * as residence from './service-residence.ts';

export function residenceRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());
  const tags = ['border residence'];

  route(app, {
    method: 'GET',
    url: '/api/border/handovers',
    summary: 'Handovers addressed to the caller’s agency (asylum, child, health, trafficking referrals made at the border)',
    tags,
    auth: 'active',
    query: HandoverQuery,
    handler: ({ req, query, auth, deps }) => residence.listHandovers(deps, origin(req), auth, query),
  });

  route(app, {
    method: 'POST',
    url: '/api/border/handovers/:id/acknowledge',
    summary: 'The receiving agency acknowledges a handover (audited)',
    tags,
    auth: 'active',
    params: uuidParam,
    body: AcknowledgeBody,
    handler: ({ req, params, body, auth, deps }) => residence.acknowledgeHandover(deps, origin(req), auth, params.id, body.note),
  });

  route(app, {
    method: 'GET',
    url: '/api/border/irregular',
    summary: 'Irregular residence: foreigners whose last movement is an entry and whose lawful stay has ended, with days overstayed',
    tags,
    auth: 'active',
    query: IrregularQuery,
    handler: ({ req, query, auth, deps }) => residence.irregularResidents(deps, origin(req), auth, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/border/persons/:id/stay',
    summary: 'A person’s stay position today and why (irregular-residence indicator); audited',
    tags,
    auth: 'active',
    params: uuidParam,
    handler: ({ req, params, auth, deps }) => residence.personStay(deps, origin(req), auth, params.id),
  });
}
