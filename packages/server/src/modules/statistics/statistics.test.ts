import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStatQuery, randomHistory, recount, INDICATORS, type StatCrossing, type StatPerson } from '@kamurj/domain/statistics';
import type { Queryable } from '../../db/client.ts';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { CROSSING_COLUMNS, refreshStatistics, toStatCrossing } from './worker.ts';

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

const ASKS: Record<string, string>[] = [{}, { by: 'sex,age5' }, { by: 'citizenship,crossingPoint', period: 'month' }, { by: 'ageBroad', citizenGroup: 'FOREIGNER,_U', period: 'year' }, { by: 'transport,purpose', period: 'week' }];

async function compareEverything(label: string) {
  const data = await rawDataset();
  let compared = 0;
  for (const ind of INDICATORS) {
    for (const ask of ASKS) {
      const raw: Record<string, string> = ind.kind === 'stock' ? { at: '2025-03-15' } : { from: '2024-01-01', to: '2026-06-30', at: '2026-06-30', period: 'quarter' };
      for (const [k, v] of Object.entries(ask)) {
        const ok = k === 'period' ? ind.kind !== 'stock' : k === 'by' ? v.split(',').every((d) => ind.dimensions.includes(d as never)) : ind.dimensions.includes(k as never);
        if (ok) raw[k] = v;
      }
      const parsed = parseStatQuery(ind.id, raw, '2026-11-22');
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const res = await analyst.get(`/api/statistics/indicators/${ind.id}?${new URLSearchParams(raw)}`);
      expect(res.statusCode, `${label} ${ind.id} ${JSON.stringify(raw)}: ${res.body}`).toBe(200);
      expect(res.json().cells, `${label} ${ind.id} ${JSON.stringify(raw)}`).toEqual(recount(data, parsed.query));
      compared++;
    }
  }
  return compared;
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

  it('late crossings and corrections (date, direction, decision, person, nationality) are applied incrementally', async () => {
    await insertCrossings(t.db, originals.slice(180));
    await insertCrossings(t.db, corrections);
    await refresh();
    await compareEverything('after corrections');
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
