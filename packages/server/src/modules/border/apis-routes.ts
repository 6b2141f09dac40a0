import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { q, route, uuidParam } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import * as apis from './apis-service.ts';

/** Advance passenger information: manifest upload, pre-screen reports, adjudication, console panel (ADR 0504). */
const point = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'Expected a crossing point code');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD');

export const ManifestBody = z.strictObject({
  /** The arrival crossing point; found from the file's arrival airport (IATA) when left out. */
  crossingPoint: point.optional(),
  /** Detected from the content when left out (PAXLST starts with UNA or UNB). */
  format: z.enum(['csv', 'paxlst']).optional(),
  content: z.string().min(1).max(5_000_000),
  /** Override or supply what the file does not carry. */
  flightNumber: z.string().trim().min(2).max(10).optional(),
  carrier: z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z0-9]{2,3}$/, 'Expected an IATA or ICAO airline designator')).optional(),
  scheduledArrival: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Expected local time YYYY-MM-DDTHH:MM').optional(),
});

const ManifestQuery = z.strictObject({
  crossingPoint: point,
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: q.int(1, 200, 50),
  offset: q.int(0, 1_000_000, 0),
});

const PassengerAdjudication = z.strictObject({
  entryId: z.uuid(),
  entryVersion: z.number().int().min(1),
  outcome: z.enum(['true_hit', 'false_hit']),
  reason: z.string().trim().min(1).max(2000),
});

export function apisRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());
  const tags = ['border'];

  route(app, {
    method: 'POST',
    url: '/api/border/apis/manifests',
    summary: 'Upload an airline manifest (CSV or UN/EDIFACT PAXLST): broken rows are reported, the rest loaded and pre-screened; the same file again is a replay (200)',
    tags,
    auth: 'active',
    status: 201,
    bodyLimit: 6 * 1024 * 1024,
    body: ManifestBody,
    handler: ({ req, reply, body, auth, deps }) => apis.uploadManifest(deps, origin(req), auth, body, reply),
  });

  route(app, {
    method: 'GET',
    url: '/api/border/apis/manifests',
    summary: 'Current manifests of a crossing point by scheduled arrival, with counts of passengers, passengers with hits and adjudicated hits (audited)',
    tags,
    auth: 'active',
    query: ManifestQuery,
    handler: ({ req, query, auth, deps }) => apis.listManifests(deps, origin(req), auth, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/border/apis/manifests/:id',
    summary: 'One manifest with each passenger’s pre-screen: matched person, hits with their adjudication, earlier refusals and overstays (audited)',
    tags,
    auth: 'active',
    params: uuidParam,
    handler: ({ req, params, auth, deps }) => apis.getManifest(deps, origin(req), auth, params.id),
  });

  route(app, {
    method: 'GET',
    url: '/api/border/apis/arrivals',
    summary: 'Expected arrivals at a crossing point (yesterday to tomorrow) whose pre-screen found hits or history (audited)',
    tags,
    auth: 'active',
    query: z.strictObject({ crossingPoint: point }),
    handler: ({ req, query, auth, deps }) => apis.expectedArrivals(deps, origin(req), auth, query),
  });

  route(app, {
    method: 'POST',
    url: '/api/border/apis/passengers/:id/adjudications',
    summary: 'Adjudicate a pre-screen hit as true or false, with the reason; for a known person it also enters the adjudication memory',
    tags,
    auth: 'active',
    status: 201,
    params: uuidParam,
    body: PassengerAdjudication,
    handler: ({ req, params, body, auth, deps }) => apis.adjudicatePassenger(deps, origin(req), auth, params.id, body),
  });
}
