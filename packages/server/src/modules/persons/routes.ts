import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route, uuidParam } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import { CheckBody, CreateBody, FromDocumentBody, PersonChanges, purposeQuery, SearchQuery } from './schemas.ts';
import * as service from './service.ts';
import * as searching from './service-search.ts';
import { reviewRoutes } from './routes-review.ts';
import { importRoutes } from './routes-import.ts';

export function personRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());
  const tags = ['persons'];

  route(app, {
    method: 'GET',
    url: '/api/persons',
    summary: 'Search persons by any name in any script, partial names, birth date, nationality or document number; ranked, with the matcher’s explanation',
    tags,
    auth: 'active',
    query: SearchQuery,
    handler: ({ req, query, auth, deps }) => searching.search(deps, origin(req), auth, query),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons/from-document',
    summary: 'Parse an MRZ into a draft person and list possible duplicates (nothing is saved)',
    tags,
    auth: 'active',
    body: FromDocumentBody,
    handler: ({ req, body, auth, deps }) => searching.fromDocument(deps, origin(req), auth, body.mrz, body.purpose),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons/check-duplicates',
    summary: 'Possible duplicates of a person not yet saved',
    tags,
    auth: 'active',
    body: CheckBody,
    handler: ({ req, body, auth, deps }) => searching.checkDuplicates(deps, origin(req), auth, body.person, body.purpose),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons',
    summary: 'Register a person; returns the record and the duplicate candidates found',
    tags,
    auth: 'active',
    status: 201,
    body: CreateBody,
    handler: ({ req, body, auth, deps }) => service.createPerson(deps, origin(req), auth, body),
  });

  route(app, {
    method: 'GET',
    url: '/api/persons/:id',
    summary: 'One person (a merged id answers with the survivor and redirectedFrom); every view is audited with its purpose',
    tags,
    auth: 'active',
    params: uuidParam,
    query: purposeQuery,
    handler: ({ req, params, query, auth, deps }) => service.getPerson(deps, origin(req), auth, params.id, query.purpose),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/persons/:id',
    summary: 'Change sections of a person (optimistic concurrency on version; 409 with the current record)',
    tags,
    auth: 'active',
    params: uuidParam,
    body: PersonChanges,
    handler: ({ req, params, body, auth, deps }) => service.updatePerson(deps, origin(req), auth, params.id, body),
  });

  route(app, {
    method: 'GET',
    url: '/api/persons/:id/history',
    summary: 'Every version of the person, newest first',
    tags,
    auth: 'active',
    params: uuidParam,
    query: purposeQuery,
    handler: ({ req, params, query, auth, deps }) => service.getHistory(deps, origin(req), auth, params.id, query.purpose),
  });

  route(app, {
    method: 'POST',
    url: '/api/persons/:id/break-glass',
    summary: 'Time-boxed access to one protected person, with a reason (audited)',
    tags,
    auth: 'active',
    params: uuidParam,
    body: z.strictObject({ reason: z.string().trim().min(10).max(500) }),
    handler: ({ req, params, body, auth, deps }) => service.breakGlass(deps, origin(req), auth, params.id, body.reason),
  });

  reviewRoutes(app);
  importRoutes(app);
}
