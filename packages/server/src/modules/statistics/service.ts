import { access } from '@kamurj/domain';
import { validationError, DomainError } from '@kamurj/domain/kernel';
import { catalogue, parseStatQuery, type Cube, type RawStatQuery, type StatQuery } from '@kamurj/domain/statistics';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { loadProfile } from '../../profiles/profile.ts';
import * as repo from './repository.ts';

export interface IndicatorAnswer {
  indicator: string;
  measure: string;
  period: string;
  from: string;
  to: string;
  at: string;
  dimensions: string[];
  cells: Cube['cells'];
  asOf: string | null;
}

/** Today at the country's time zone. */
export function countryToday(deps: AppDeps): string {
  const tz = loadProfile(deps.config.country).timezone;
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(deps.clock.now());
}

/**
 * The crossing points a reader may see, or null for national readers. Jurisdiction-scoped readers see
 * flows at the crossing points inside their scopes; national figures (stocks, migration) need a
 * national scope.
 */
async function readerPoints(db: Queryable, actor: access.Actor, country: string): Promise<string[] | null> {
  if (access.reachOf(actor, 'statistics.read').includes('all') || actor.scopes.includes(country)) return null;
  return (await repo.pointPaths(db)).filter((p) => access.inAnyScope(p.jurisdiction_path, actor.scopes)).map((p) => p.code);
}

/** Computes an indicator for a validated query (no access or audit: callers do that). */
export async function computeIndicator(db: Queryable, q: StatQuery, points: readonly string[] | null): Promise<Cube> {
  const ind = q.indicator;
  let cells: Map<string, number>;
  if (ind.kind === 'refusal') cells = await repo.crossingCounts(db, q, 'refuse', null, points);
  else if (ind.kind === 'flow') {
    const side = (d: 'ENTRY' | 'EXIT') => (ind.measure === 'persons' ? repo.distinctTravellers(db, q, d, points) : repo.crossingCounts(db, q, 'admit', d, points));
    cells = ind.select === 'BALANCE' ? repo.difference(await side('ENTRY'), await side('EXIT')) : await side(ind.select as 'ENTRY' | 'EXIT');
  } else if (ind.kind === 'stock') cells = await repo.stockAt(db, q);
  else {
    const events = (k: 'IMMIGRATION' | 'EMIGRATION') => repo.migrationEvents(db, q, k);
    cells = ind.select === 'NET' ? repo.difference(await events('IMMIGRATION'), await events('EMIGRATION')) : await events(ind.select as 'IMMIGRATION' | 'EMIGRATION');
  }
  return { dataset: ind.id, measure: ind.measure, dimensions: ['period', ...q.by], cells: repo.sortedCells(cells) };
}

export function validateQuery(deps: AppDeps, id: string, raw: RawStatQuery): StatQuery {
  const parsed = parseStatQuery(id, raw, countryToday(deps));
  if (!parsed.ok) throw validationError(parsed.issues, parsed.notFound ? `No indicator ${id}` : 'The statistics request is not valid');
  return parsed.query;
}

export async function readIndicator(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, raw: RawStatQuery): Promise<IndicatorAnswer> {
  requireCan(auth.actor, 'statistics.read');
  const q = validateQuery(deps, id, raw);
  const country = loadProfile(deps.config.country).country;
  const points = await readerPoints(deps.db, auth.actor, country);
  if (points) {
    if (q.indicator.kind === 'stock' || q.indicator.kind === 'migration') throw forbidden('Stocks and migration are national figures: they need a national statistics reach');
    const outside = (q.filters.crossingPoint ?? []).filter((c) => !points.includes(c));
    if (outside.length) throw new DomainError('ACCESS.FORBIDDEN', 'forbidden', `Crossing point ${outside[0]} is outside your jurisdiction`);
  }
  const cube = await computeIndicator(deps.db, q, points);
  const asOf = await repo.refreshedAt(deps.db);
  await deps.db.tx((tx) =>
    audit(tx, origin, {
      action: 'statistics.indicator.read',
      purpose: 'statistics',
      targetType: 'indicator',
      targetId: q.indicator.id,
      details: { query: raw, cells: cube.cells.length, scoped: points !== null },
    }),
  );
  return { indicator: q.indicator.id, measure: q.indicator.measure, period: q.grain, from: q.from, to: q.to, at: q.at, dimensions: [...cube.dimensions], cells: cube.cells, asOf };
}

export async function readCatalogue(deps: AppDeps, origin: AuditOrigin, auth: AuthContext) {
  requireCan(auth.actor, 'statistics.read');
  await deps.db.tx((tx) => audit(tx, origin, { action: 'statistics.catalogue.read', purpose: 'statistics', targetType: 'catalogue' }));
  return catalogue();
}
