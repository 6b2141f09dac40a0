import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import { DocumentEntryBody, ENTRY_PARAM, EntryChange, ImportBody, KIND_PARAM, ListQuery, PersonEntryBody } from './schemas.ts';
import * as lists from './service-lists.ts';

export function listRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());
  const tags = ['border lists'];

  route(app, {
    method: 'GET',
    url: '/api/border/lists/:kind',
    summary: 'Watchlist entries, entry bans or lost/stolen/revoked documents (kind: watchlist, entry_ban, document)',
    tags,
    auth: 'active',
    params: KIND_PARAM,
    query: ListQuery,
    handler: ({ req, params, query, auth, deps }) => lists.listEntries(deps, origin(req), auth, params.kind, query),
  });

  route(app, {
    method: 'POST',
    url: '/api/border/lists/:kind',
    summary: 'Add an entry to a list, owned by the caller’s agency',
    tags,
    auth: 'active',
    status: 201,
    params: KIND_PARAM,
    body: z.union([PersonEntryBody, DocumentEntryBody]),
    handler: ({ req, params, body, auth, deps }) => lists.createEntry(deps, origin(req), auth, params.kind, body),
  });

  route(app, {
    method: 'GET',
    url: '/api/border/entries/:id',
    summary: 'One list entry',
    tags,
    auth: 'active',
    params: ENTRY_PARAM,
    handler: ({ req, params, auth, deps }) => lists.getEntry(deps, origin(req), auth, params.id),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/border/entries/:id',
    summary: 'Change, withdraw or reinstate an entry (optimistic concurrency on version; nothing is deleted)',
    tags,
    auth: 'active',
    params: ENTRY_PARAM,
    body: EntryChange,
    handler: ({ req, params, body, auth, deps }) => lists.changeEntry(deps, origin(req), auth, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/border/lists/document/import',
    summary: 'Import lost/stolen/revoked documents from CSV (number, issuing state, type, status, date reported): broken rows are reported, the rest loaded',
    tags,
    auth: 'active',
    body: ImportBody,
    bodyLimit: 6 * 1024 * 1024,
    handler: ({ req, body, auth, deps }) => lists.importDocuments(deps, origin(req), auth, body.csv, body.action),
  });
}
