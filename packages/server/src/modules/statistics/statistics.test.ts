import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_CUBOIDS, MIGRATION_CUBOIDS, STOCK_CUBOIDS, parseStatQuery, planFlowCuboid, planSumCuboid, randomHistory, recount, INDICATORS, type StatCrossing, type StatPerson, type StatQuery } from '@kamurj/domain/statistics';
import type { Queryable } from '../../db/client.ts';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { CROSSING_COLUMNS, rebuildStatistics, refreshStatistics, toStatCrossing } from './worker.ts';

let t: TestApp;
let analyst: Client;
const refresh = () => refreshStatistics(t.db, { country: 'ARM', now: t.clock.now() });

async function insertPersons(db: Queryable, persons: Map<string, StatPerson>) {
  for (const [id, p] of persons) {
    await db.query(
      `INSERT INTO persons (id, record, birth_date, sex, source, created_at, updated_at) VALUES ($1, '{}', $2, $3, 'seed', now(), now())`,
      [id, p.birthDate, p.sex],
    );
  }
}

async function insertCrossings(db: Queryable, rows: readonly StatCrossing[]) {
  for (const c of rows) {
    await db.query(
      `INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path, officer_id, officer_name,
         person_id, document, document_number, nationality, decision, transport, purpose, supersedes, supersede_reason, stay, recorded_at)
       VALUES ($1, $2, $3, '12:00', 'Asia/Yerevan', 240, $4, $5, $6, 'test', 'Test', $7, '{}', $8, $9, $10, $11, $12, $13, $14, $15, now())`,
      [
        c.id, c.occurredAt, c.localDate, c.direction, c.crossingPoint, `ARM.${c.crossingPoint === 'BAGRATASHEN' ? 'AM-TV' : 'AM-ER'}.${c.crossingPoint}`, c.personId, c.documentKey, c.nationality,
        c.decision, c.transport ? JSON.stringify({ mode: c.transport }) : null, c.purpose, c.supersedes, c.supersedes ? 'correction' : null,
        c.lastLawfulDay ? JSON.stringify({ kind: 'counted', lastLawfulDay: c.lastLawfulDay }) : null,
      ],
    );
  }
}

/** Everything as recorded, read back from the database (the brute force's only input). */
async function rawDataset() {
  const crossings = (await t.db.query<Parameters<typeof toStatCrossing>[0]>(`SELECT ${CROSSING_COLUMNS} FROM border_crossings c`)).rows.map(toStatCrossing);
  const persons = new Map((await t.db.query<{ id: string; sex: string | null; birth_date: string | null }>('SELECT id, sex, birth_date FROM persons')).rows.map((p) => [p.id, { sex: p.sex, birthDate: p.birth_date }]));
  return { crossings, persons, country: 'ARM', rule: '12-months' as const };
}

/**
 * Breakdowns and filters chosen so that every flow cuboid answers some request for crossings and for
 * persons, and some go to the facts (checked below); `at` values reach each stock and migration path:
 * before the first checkpoint, mid-month, a month's last day, after the last checkpoint.
 */
const ASKS: Record<string, string>[] = [
  {},
  { by: 'citizenGroup', at: '2023-06-30' },
  { by: 'sex,ageBroad', period: 'month', at: '2025-02-28' },
  { by: 'crossingPoint', period: 'week', at: '2027-03-10' },
  { by: 'ageBroad', citizenGroup: 'FOREIGNER', sex: 'M,F', at: '2025-07-17' },
  { by: 'citizenGroup,crossingPoint', period: 'year' },
  { by: 'citizenship', citizenGroup: 'FOREIGNER,_U' },
  { by: 'sex,age5', period: 'day', from: '2025-01-01', to: '2025-03-31' },
  { by: 'crossingPoint,transport,purpose' },
  { by: 'transport,purpose', period: 'week' },
  { by: 'sex', period: 'quarter' },
  { by: 'transport', period: 'month' },
  { by: 'purpose', period: 'year' },
  { by: 'citizenship,crossingPoint', period: 'month' },
  { by: 'ageBroad', citizenGroup: 'FOREIGNER,_U', period: 'year' },
  { by: 'direction,crossingPoint' },
];

/** The request for an indicator: the ask's parameters that apply to it. */
function requestFor(ind: (typeof INDICATORS)[number], ask: Record<string, string>): Record<string, string> {
  const raw: Record<string, string> = ind.kind === 'stock' ? { at: '2025-03-15' } : { from: '2024-01-01', to: '2026-06-30', at: '2026-06-30', period: 'quarter' };
  for (const [k, v] of Object.entries(ask)) {
    const ok =
      k === 'at' ? ind.kind === 'stock' || ind.kind === 'migration' : k === 'period' || k === 'from' || k === 'to' ? ind.kind !== 'stock' : k === 'by' ? v.split(',').every((d) => ind.dimensions.includes(d as never)) : ind.dimensions.includes(k as never);
    if (ok) raw[k] = v;
  }
  return raw;
}

function parsed(id: string, raw: Record<string, string>): StatQuery {
  const r = parseStatQuery(id, raw, '2026-11-22');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.query;
}

async function compareEverything(label: string, client: Client = analyst, points: string[] | null = null, kinds?: readonly string[]) {
  const data = await rawDataset();
  let compared = 0;
  for (const ind of INDICATORS) {
    if ((points && (ind.kind === 'stock' || ind.kind === 'migration')) || (kinds && !kinds.includes(ind.kind))) continue;
    for (const ask of ASKS) {
      const raw = requestFor(ind, ask);
      const q = parsed(ind.id, raw);
      const expected = recount(data, points ? { ...q, filters: { ...q.filters, crossingPoint: q.filters.crossingPoint ?? points } } : q);
      const res = await client.get(`/api/statistics/indicators/${ind.id}?${new URLSearchParams(raw)}`);
      expect(res.statusCode, `${label} ${ind.id} ${JSON.stringify(raw)}: ${res.body}`).toBe(200);
      expect(res.json().cells, `${label} ${ind.id} ${JSON.stringify(raw)}`).toEqual(expected);
      compared++;
    }
  }
  return compared;
}

/**
 * Every summary table, rows with a non-zero figure only (the delta path leaves zeros behind).
 * Checkpoints from `from` on: a bulk build starts them at the first month of the current facts, the
 * worker keeps the months it started with (later when older records arrived since, earlier when a
 * correction removed the first months).
 */
async function summaryTables(from = '0000'): Promise<Record<string, unknown[]>> {
  // firsts masks above 2^53 come back as bigint from PGlite.
  const read = async (sql: string) => (await t.db.query(sql)).rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort();
  return {
    facts: await read('SELECT * FROM stat_flow_facts'),
    segments: await read('SELECT * FROM stat_stock_segments'),
    events: await read('SELECT * FROM stat_migration_events'),
    cuboids: await read('SELECT * FROM stat_flow_cuboids WHERE n <> 0 OR persons <> 0'),
    deltas: await read('SELECT * FROM stat_stock_deltas WHERE delta <> 0'),
    checkpoints: await read(`SELECT * FROM stat_stock_checkpoints WHERE level <> 0 AND month >= '${from}'`),
    migration: await read('SELECT * FROM stat_migration_counts WHERE n <> 0'),
    points: await read('SELECT * FROM stat_points'),
    range: await read('SELECT checkpoint_to FROM stat_state'),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  analyst = await loginAs(t, 'analyst');
});
afterAll(() => t.close());

describe('statistics engine against the brute-force recount', () => {
  const h = randomHistory(20261122, { persons: 30, crossings: 260, corrections: 70 });
  const originals = h.crossings.filter((c) => c.supersedes === null);
  const corrections = h.crossings.filter((c) => c.supersedes !== null);

  it('after a first load, every indicator and breakdown equals the recount', async () => {
    await insertPersons(t.db, h.persons);
    await insertCrossings(t.db, originals.slice(0, 180));
    const r = await refresh();
    expect(r.travellers).toBeGreaterThan(0);
    expect(await compareEverything('first load')).toBe(INDICATORS.length * ASKS.length);
  });

  it('the requests reach every flow cuboid for crossings and for persons, the facts, and every stock and migration cuboid', () => {
    const reached = { crossings: new Set<number>(), persons: new Set<number>() };
    for (const ind of INDICATORS.filter((i) => i.kind === 'flow' || i.kind === 'refusal')) {
      for (const ask of ASKS) {
        const q = parsed(ind.id, requestFor(ind, ask));
        reached[ind.measure].add(planFlowCuboid({ measure: ind.measure, by: q.by, filters: q.filters })?.id ?? -1);
      }
    }
    const all = [-1, ...FLOW_CUBOIDS.map((c) => c.id)];
    const numeric = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
    expect(numeric(reached.crossings)).toEqual(numeric(all));
    expect(numeric(reached.persons)).toEqual(numeric(all));
    for (const [kind, catalogue] of [['stock', STOCK_CUBOIDS], ['migration', MIGRATION_CUBOIDS]] as const) {
      const used = new Set<number>();
      for (const ind of INDICATORS.filter((i) => i.kind === kind)) {
        for (const ask of ASKS) {
          const q = parsed(ind.id, requestFor(ind, ask));
          used.add(planSumCuboid(catalogue, { by: q.by, filters: q.filters }).id);
        }
      }
      expect([...used].sort(), kind).toEqual(catalogue.map((c) => c.id));
    }
  });

  it('late crossings and corrections (date, direction, decision, person, nationality) are applied incrementally', async () => {
    await insertCrossings(t.db, originals.slice(180));
    await insertCrossings(t.db, corrections);
    await refresh();
    await compareEverything('after corrections');
  });

  it('a bulk build gives the same tables and answers as the incremental path', async () => {
    const firstCheckpoint = async () => (await t.db.query<{ checkpoint_from: string }>('SELECT checkpoint_from FROM stat_state')).rows[0]!.checkpoint_from;
    const kept = await firstCheckpoint();
    const before = await summaryTables();
    const r = await rebuildStatistics(t.db, { country: 'ARM', now: t.clock.now(), chunk: 7 });
    expect(r.travellers).toBeGreaterThan(7);
    const built = await firstCheckpoint();
    const from = kept > built ? kept : built;
    const bulk = await summaryTables(from);
    const incremental: Record<string, unknown[]> = { ...before, checkpoints: before.checkpoints!.filter((row) => JSON.parse(row as string).month >= from) };
    for (const table of Object.keys(incremental)) expect(bulk[table], table).toEqual(incremental[table]);
    expect((await t.db.query('SELECT 1 FROM stat_queue')).rows).toEqual([]);
    await compareEverything('after a bulk build');
  });

  it('a large backlog is answered by a bulk build, later changes by deltas', async () => {
    const extra = randomHistory(7, { persons: 5, crossings: 40, corrections: 10, start: '2025-01-01', days: 400 });
    const other = (id: string, prefix: string) => `${prefix}${id.slice(8)}`;
    await insertPersons(t.db, new Map([...extra.persons].map(([id, p]) => [other(id, '0000000c'), p])));
    await insertCrossings(
      t.db,
      extra.crossings.map((c) => ({ ...c, id: other(c.id, '0000000b'), personId: c.personId && other(c.personId, '0000000c'), supersedes: c.supersedes && other(c.supersedes, '0000000b') })),
    );
    const r = await refreshStatistics(t.db, { country: 'ARM', now: t.clock.now(), bulkThreshold: 20 });
    expect(r.bulk).toBe(true);
    await compareEverything('after a bulk catch-up');
  });

  it('jurisdiction-scoped readers get their crossing points only, from the same cuboids', async () => {
    const supervisor = await loginAs(t, 'border.supervisor');
    const tavush = (await t.db.query<{ code: string }>(`SELECT code FROM stat_points WHERE jurisdiction_path LIKE 'ARM.AM-TV.%' ORDER BY code`)).rows.map((r) => r.code);
    expect(tavush).toContain('BAGRATASHEN');
    expect(await compareEverything('Tavush supervisor', supervisor, tavush)).toBeGreaterThan(0);
  });

  it('stock checkpoints move forward with time and stay exact', async () => {
    const before = (await t.db.query<{ checkpoint_to: string }>('SELECT checkpoint_to FROM stat_state')).rows[0]!.checkpoint_to;
    await refreshStatistics(t.db, { country: 'ARM', now: new Date('2027-05-02T00:00:00Z') });
    const after = (await t.db.query<{ checkpoint_to: string }>('SELECT checkpoint_to FROM stat_state')).rows[0]!.checkpoint_to;
    expect([before < '2027-05', after]).toEqual([true, '2027-05']);
    const extended = (await summaryTables()).checkpoints;
    await rebuildStatistics(t.db, { country: 'ARM', now: new Date('2027-05-02T00:00:00Z') });
    expect((await summaryTables()).checkpoints).toEqual(extended);
    await compareEverything('after extending checkpoints', analyst, null, ['stock']);
  });

  it('a changed birth date or sex re-derives that person only', async () => {
    const [id] = [...h.persons.keys()];
    await t.db.query(`UPDATE persons SET sex = 'F', birth_date = '1950' WHERE id = $1`, [id]);
    const r = await refresh();
    expect(r.travellers).toBe(1);
    await compareEverything('after person change');
  });
});

describe('freshness and the API', () => {
  it('a new crossing is counted after one refresh that re-derives only its traveller', async () => {
    const ask = '/api/statistics/indicators/flows.entries.crossings?from=2026-11-01&to=2026-11-30&period=month';
    const before = (await analyst.get(ask)).json();
    const id = [...(await t.db.query<{ id: string }>('SELECT id FROM persons LIMIT 1')).rows][0]!.id;
    await insertCrossings(t.db, [{ id: '00000009-0000-4000-8000-000000000001', occurredAt: '2026-11-21T08:00:00.000Z', localDate: '2026-11-21', direction: 'entry', crossingPoint: 'ZVARTNOTS', decision: 'admit', personId: id, documentKey: 'X1', nationality: 'FRA', transport: 'air', purpose: 'tourism', supersedes: null, lastLawfulDay: null }]);
    const r = await refresh();
    expect(r.travellers).toBe(1);
    const after = (await analyst.get(ask)).json();
    const total = (b: { cells: { value: number }[] }) => b.cells.reduce((n, c) => n + c.value, 0);
    expect(total(after)).toBe(total(before) + 1);
    expect(after.asOf).toBe(t.clock.now().toISOString());
    const audited = await t.db.query<{ purpose: string; target_id: string }>(`SELECT purpose, target_id FROM audit_log WHERE action = 'statistics.indicator.read' ORDER BY id DESC LIMIT 1`);
    expect(audited.rows[0]).toEqual({ purpose: 'statistics', target_id: 'flows.entries.crossings' });
  });

  it('the catalogue lists indicators, dimension codes and coverage', async () => {
    const body = (await analyst.get('/api/statistics/catalogue')).json();
    expect(body.indicators.map((i: { id: string }) => i.id)).toContain('migration.immigrants');
    expect(body.dimensions.find((d: { id: string }) => d.id === 'sex').codes).toEqual(['F', 'M', 'O', '_U']);
    expect(body.coverage.find((c: { indicator: string; dimension: string }) => c.indicator === 'flows.entries.persons' && c.dimension === 'age5').available).toBe(true);
  });

  it('bad requests are 400s naming the field; nothing leaks, nothing crashes', async () => {
    const bad = async (q: string) => {
      const res = await analyst.get(`/api/statistics/indicators/${q}`);
      expect(res.statusCode, q).toBe(400);
      return res.json().error.issues.map((i: { field: string }) => i.field);
    };
    expect(await bad('flows.nothing')).toEqual(['params.id']);
    expect(await bad('flows.entries.crossings?colour=red')).toEqual(['query.colour']);
    expect(await bad('flows.entries.crossings?by=colour')).toEqual(['query.by.0']);
    expect(await bad('flows.entries.crossings?sex=Z')).toEqual(['query.sex']);
    expect(await bad('flows.entries.crossings?from=2026-05-01&to=2026-01-01')).toEqual(['query.from']);
    expect(await bad('flows.entries.crossings?from=1900-01-01&to=2100-12-31&period=day')).toEqual(['query.period']);
    expect(await bad('flows.entries.crossings?from=2026-13-45')).toEqual(['query.from']);
    expect(await bad("flows.entries.crossings?crossingPoint=ZVARTNOTS'%20OR%201=1")).toEqual(['query.crossingPoint']);
    expect(await bad('stocks.irregular?stayStatus=REGULAR')).toEqual(['query.stayStatus']);
  });

  it('only statistics readers get figures', async () => {
    const officer = await loginAs(t, 'border.officer');
    expect((await officer.get('/api/statistics/indicators/flows.entries.crossings')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/statistics/catalogue' })).statusCode).toBe(401);
  });
});
