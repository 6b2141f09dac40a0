import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import { MAX_IMPORT_ROWS } from './import.ts';
import { WRITE_PURPOSES } from './schemas.ts';
import { importFromRequest } from './service-import.ts';

/** Largest import request body: 5,000 records of a few KB each. */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
const JSON_LINES = ['application/x-ndjson', 'application/jsonl', 'application/jsonlines'];

export function importRoutes(app: FastifyInstance): void {
  // JSON Lines arrive as text; the service splits them so that a bad line is reported, not fatal.
  app.addContentTypeParser(JSON_LINES, { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  route(app, {
    method: 'POST',
    url: '/api/persons/import',
    summary: `Import persons: a JSON array of person records (as POST /api/persons takes "person") or JSON Lines (application/x-ndjson), at most ${MAX_IMPORT_ROWS} records and 16 MB. Each record goes through the normal entry path with duplicate detection; rows that are not valid are reported (row, field, code) and the rest are loaded.`,
    tags: ['persons'],
    auth: 'active',
    bodyLimit: IMPORT_BODY_LIMIT,
    query: z.strictObject({
      source: z.string().trim().min(1).max(100),
      purpose: z.enum(WRITE_PURPOSES).default('data_quality'),
    }),
    body: z.union([z.array(z.unknown()).max(MAX_IMPORT_ROWS), z.string().max(IMPORT_BODY_LIMIT)]),
    handler: ({ req, query, body, auth, deps }) => importFromRequest(deps, () => originOf(req, deps.clock.now()), auth, query, body),
  });
}
