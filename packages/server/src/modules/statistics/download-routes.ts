import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '@kamurj/domain/kernel';
import { DIMENSIONS, type CellFilter } from '@kamurj/domain/statistics';
import { route } from '../../http/route.ts';
import { RateLimiter } from '../../lib/rate-limit.ts';
import { originOf } from '../audit/index.ts';
import { EXPORT_FORMATS, LANGS, sendFile, writeCube } from './exports.ts';
import { labeller, openListNames } from './labels.ts';
import { listDatasets, readDataset } from './open-data.ts';
import { IndicatorQuery } from './routes.ts';
import { readIndicator } from './service.ts';

/** Requests per minute per client address on the public open-data path. */
export const OPEN_DATA_RATE_PER_MINUTE = 120;
/** Open data may be cached publicly (it changes at most once per statistics refresh). */
export const OPEN_DATA_CACHE = 'public, max-age=300';

const IndicatorParams = z.strictObject({ id: z.string().regex(/^[a-z0-9._-]{1,80}$/, 'Expected an indicator id such as flows.entries.crossings') });
const ExportQuery = IndicatorQuery.extend({ format: z.enum(EXPORT_FORMATS), lang: z.enum(LANGS).optional() });

const codes = z.string().min(1).max(2000);
const DatasetParams = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Expected a dataset id such as border-entries-quarterly') });
/** A filter picks published cells (codes, `_T` for a total); unknown dimensions or codes are 400. */
const DatasetQuery = z.strictObject({
  format: z.enum(['json', ...EXPORT_FORMATS]).optional(),
  lang: z.enum(LANGS).optional(),
  period: codes.optional(),
  ...Object.fromEntries(DIMENSIONS.map((d) => [d, codes.optional()])),
});

const Names = z.object({ hy: z.string(), ru: z.string(), en: z.string() });
const Meta = z.object({
  id: z.string(),
  title: Names,
  description: Names,
  indicator: z.string(),
  dimensions: z.array(z.string()),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  threshold: z.number(),
  roundingBase: z.number().nullable(),
  asOf: z.string().nullable(),
});

/**
 * Downloads (ADR 0603): the staff export of an indicator — the same query, access and audit as the
 * indicator read, written as CSV, XLSX, SDMX-CSV or HXL — and the public open-data path, which serves
 * only cells of protected datasets (ADR 0602) and is rate-limited.
 */
export function downloadRoutes(app: FastifyInstance): void {
  const limiter = new RateLimiter(OPEN_DATA_RATE_PER_MINUTE, 60_000);
  const throttle = (ip: string | undefined, now: Date) => {
    const wait = limiter.hit(ip ?? 'unknown', now.getTime());
    if (wait > 0) throw new DomainError('RATE_LIMITED', 'rate_limited', 'Too many requests; try again later', { retryAfterSeconds: wait });
  };

  route(app, {
    method: 'GET',
    url: '/api/statistics/indicators/:id/export',
    summary: 'One indicator as a file: CSV, XLSX, SDMX-CSV or HXL-tagged CSV, labelled in hy/ru/en (same query, access and audit as the read)',
    tags: ['statistics'],
    auth: 'active',
    params: IndicatorParams,
    query: ExportQuery,
    handler: async ({ req, reply, params, query, auth, deps }) => {
      const { format, lang = 'en', ...rest } = query;
      const answer = await readIndicator(deps, originOf(req, deps.clock.now()), auth, params.id, rest);
      const cube = { dataset: answer.indicator, measure: answer.measure, dimensions: answer.dimensions, cells: answer.cells };
      const body = writeCube(cube, format, lang, labeller(await openListNames(deps.db)));
      return sendFile(reply, `${answer.indicator}_${answer.from}_${answer.to}`, format, body);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/open-data/datasets',
    summary: 'Published statistical datasets (no login): titles, dimensions, range and protection rule',
    tags: ['open-data'],
    auth: 'public',
    response: z.object({ items: z.array(Meta) }),
    handler: async ({ req, reply, deps }) => {
      throttle(req.ip, deps.clock.now());
      void reply.header('cache-control', OPEN_DATA_CACHE);
      return { items: await listDatasets(deps) };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/open-data/datasets/:id',
    summary: 'One published dataset (no login): protected cells only, suppressed cells marked; JSON or a file',
    tags: ['open-data'],
    auth: 'public',
    params: DatasetParams,
    query: DatasetQuery,
    handler: async ({ req, reply, params, query, deps }) => {
      throttle(req.ip, deps.clock.now());
      const { format = 'json', lang = 'en', ...filters } = query;
      const filter: CellFilter = Object.fromEntries(Object.entries(filters).flatMap(([d, v]) => (typeof v === 'string' ? [[d, [...new Set(v.split(','))]]] : [])));
      const { meta, cube } = await readDataset(deps, params.id, filter);
      void reply.header('cache-control', OPEN_DATA_CACHE);
      if (format === 'json') return { ...meta, cells: cube.cells.map((c) => ({ key: [...c.key], value: c.value, ...(c.flag ? { flag: c.flag } : {}) })) };
      const body = writeCube(cube, format, lang, labeller(await openListNames(deps.db)));
      return sendFile(reply, meta.id, format, body, OPEN_DATA_CACHE);
    },
  });
}
