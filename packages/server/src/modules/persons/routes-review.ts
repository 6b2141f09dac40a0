import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as P from '@kamurj/domain/persons';
import { route, q, uuidParam } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import * as dedupe from './service-dedupe.ts';
import * as rel from './service-relations.ts';
import { regionCode } from './schemas.ts';

const reason = z.string().trim().max(500).optional();

export function reviewRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());
  const tags = ['persons'];

  route(app, {
    method: 'GET',
    url: '/api/persons/duplicates',
    summary: 'The duplicate review queue: candidate pairs with score and explanation',
    tags,
    auth: 'active',
    query: z.strictObject({
      status: z.enum(['open', 'pending', 'unsure', 'same', 'different']).default('open'),
      limit: q.int(1, 100, 20),
      offset: q.int(0, 1_000_000, 0),
    }),
    handler: ({ req, query, auth, deps }) => dedupe.listPairs(deps, origin(req), auth, query),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons/duplicates/:id/decision',
    summary: 'Decide a pair: same person (merge), not the same, or unsure',
    tags,
    auth: 'active',
    params: uuidParam,
    body: z.strictObject({ decision: z.enum(P.REVIEW_DECISIONS), note: reason, survivorId: z.uuid().optional() }),
    handler: ({ req, params, body, auth, deps }) => dedupe.decide(deps, origin(req), auth, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons/dedupe',
    summary: 'Find duplicate pairs over the whole registry (within the caller’s reach)',
    tags,
    auth: 'active',
    body: z.strictObject({}).optional(),
    handler: ({ req, auth, deps }) => dedupe.runBatch(deps, () => origin(req), auth),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons/:id/merge',
    summary: 'Merge another record into this one (every name form and document is kept; the other id redirects here)',
    tags,
    auth: 'active',
    params: uuidParam,
    body: z.strictObject({ otherId: z.uuid(), reason }),
    handler: ({ req, params, body, auth, deps }) => dedupe.merge(deps, origin(req), auth, params.id, body.otherId, body.reason ?? null),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons/:id/unmerge',
    summary: 'Undo the merge of this (merged) record: both records are restored as they were',
    tags,
    auth: 'active',
    params: uuidParam,
    body: z.strictObject({ reason }),
    handler: ({ req, params, body, auth, deps }) => dedupe.unmerge(deps, origin(req), auth, params.id, body.reason ?? null),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons/:id/links',
    summary: 'Record a family link: the other person is <relation> of this one',
    tags,
    auth: 'active',
    params: uuidParam,
    body: z.strictObject({ personId: z.uuid(), relation: z.enum(P.FAMILY_RELATIONS) }),
    status: 201,
    handler: ({ req, params, body, auth, deps }) => rel.addLink(deps, origin(req), auth, params.id, body.personId, body.relation),
  });

  route(app, {
    method: 'POST',
    url: '/api/households',
    summary: 'Record a household and its members',
    tags,
    auth: 'active',
    status: 201,
    body: z.strictObject({
      label: z.string().trim().min(1).max(200),
      region: regionCode.nullable().optional(),
      community: z.string().trim().max(200).nullable().optional(),
      members: z.array(z.strictObject({ personId: z.uuid(), role: z.enum(['head', 'member']) })).min(1).max(50),
    }),
    handler: ({ req, body, auth, deps }) => rel.addHousehold(deps, origin(req), auth, body),
  });
}
