import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DIMENSIONS, GRAINS } from '@kamurj/domain/statistics';
import { route } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import { readCatalogue, readIndicator } from './service.ts';

const codeList = z.string().min(1).max(2000);
const date = z.string().max(10);
/** Known parameters only (strict): period range, reference date, breakdown, and one filter per dimension. */
export const IndicatorQuery = z.strictObject({
  from: date.optional(),
  to: date.optional(),
  at: date.optional(),
  period: z.enum(GRAINS).optional(),
  by: z.string().min(1).max(200).optional(),
  ...Object.fromEntries(DIMENSIONS.map((d) => [d, codeList.optional()])),
});
const IndicatorParams = z.strictObject({ id: z.string().regex(/^[a-z0-9._-]{1,80}$/, 'Expected an indicator id such as flows.entries.crossings') });

const Cells = z.array(z.object({ key: z.array(z.string()), value: z.number().nullable() }));
const Answer = z.object({
  indicator: z.string(),
  measure: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  at: z.string(),
  dimensions: z.array(z.string()),
  cells: Cells,
  asOf: z.string().nullable(),
});

export function statisticsRoutes(app: FastifyInstance): void {
  const tags = ['statistics'];
  route(app, {
    method: 'GET',
    url: '/api/statistics/catalogue',
    summary: 'Indicators, dimensions with their codes, and the disaggregation-coverage table (SDG 17.18.1)',
    tags,
    auth: 'active',
    handler: ({ req, auth, deps }) => readCatalogue(deps, originOf(req, deps.clock.now()), auth),
  });
  route(app, {
    method: 'GET',
    url: '/api/statistics/indicators/:id',
    summary: 'One indicator by period and breakdown, with filters (cells of a cube); audited',
    tags,
    auth: 'active',
    params: IndicatorParams,
    query: IndicatorQuery,
    response: Answer,
    handler: ({ req, params, query, auth, deps }) => readIndicator(deps, originOf(req, deps.clock.now()), auth, params.id, query as Record<string, string | undefined>),
  });
}
