import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditProtection,
  combineReleases,
  findIndicator,
  HXL_SEX,
  protectCube,
  randomHistory,
  sdmxConcept,
  TOTAL,
  type Cube,
  type CubeCell,
} from '@kamurj/domain/statistics';
import type * as Statistics from '@kamurj/domain/statistics';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { refreshStatistics } from './index.ts';
import { OPEN_DATASETS, datasetRange } from './open-data.ts';
import { cellsFromCsv, cellsFromHxl, cellsFromSdmx, fixtureName, loadHistory, xlsxValues, type ParsedCell } from './open-data-fixtures.ts';

// Count protections: a dataset must be protected once per statistics refresh, never per request.
vi.mock('@kamurj/domain/statistics', async (importOriginal) => {
  const real = await importOriginal<typeof Statistics>();
  return { ...real, protectCube: vi.fn(real.protectCube) };
});

/**
 * The public open-data path (ADR 0602 §6, ADR 0603) against an attacker: demo-like random histories
 * (three crossing points, five nationalities, corrections), everything the API publishes for each
 * dataset in every format and under every single-code filter, joined and run through the attacker
 * (`auditProtection`). The same attack on the same data without complementary suppression must
 * succeed, so the test can fail.
 */
let t: TestApp;
let analyst: Client;
const history = randomHistory(2026_0503, { persons: 70, crossings: 520, corrections: 40, start: '2024-06-01', days: 880 });
const TODAY = '2026-11-22'; // TestClock's date in Yerevan

let address = 0;
/** Anonymous request from a fresh address (an attacker with many addresses; the rate limit is per address). */
const anon = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers, remoteAddress: `10.1.${(address >> 8) & 255}.${address++ & 255}` });

type Json = { dimensions: string[]; cells: CubeCell[]; threshold: number; roundingBase: number | null };

beforeAll(async () => {
  t = await createTestApp();
  analyst = await loginAs(t, 'analyst');
  await loadHistory(t.db, history.persons, history.crossings);
  await refreshStatistics(t.db, { country: 'ARM', now: t.clock.now() });
});
afterAll(() => t.close());

/** The attacker: everything released, joined into one table, bounds of every hidden cell. */
function attack(dimensions: readonly string[], releases: readonly Cube[], threshold: number, rounded: boolean) {
  return auditProtection(combineReleases(dimensions, releases), { threshold, suppressedMin: rounded ? 0 : 1 });
}

const release = (dataset: string, dimensions: readonly string[], cells: readonly (CubeCell | ParsedCell)[]): Cube => ({
  dataset,
  measure: 'count',
  dimensions,
  cells: cells.map((c) => ({ key: c.key, value: c.value })),
  withTotals: true,
});

describe('open data without a session', () => {
  it('lists the datasets and serves each one to an anonymous caller, with public cache headers', async () => {
    const list = await anon('/api/open-data/datasets');
    expect(list.statusCode).toBe(200);
    expect(list.headers['set-cookie']).toBeUndefined();
    expect(list.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    for (const d of OPEN_DATASETS) {
      const res = await anon(`/api/open-data/datasets/${d.id}`);
      expect(res.statusCode, d.id).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
      expect(res.json().cells.length).toBeGreaterThan(0);
    }
  });

  it('cannot be attacked: all formats and filters of a dataset together expose no suppressed cell', async () => {
    const bodies: string[] = [];
    let suppressed = 0;
    for (const d of OPEN_DATASETS) {
      const base = `/api/open-data/datasets/${d.id}`;
      const whole = await anon(base);
      bodies.push(whole.body);
      const json = whole.json() as Json;
      const releases: Cube[] = [release(d.id, json.dimensions, json.cells)];
      // Every single-code filter (a "narrow" question for each code, totals included).
      for (const [i, dim] of json.dimensions.entries()) {
        for (const code of new Set(json.cells.map((c) => c.key[i]!))) {
          const res = await anon(`${base}?${dim}=${encodeURIComponent(code)}`);
          expect(res.statusCode, `${d.id} ${dim}=${code}`).toBe(200);
          bodies.push(res.body);
          releases.push(release(d.id, json.dimensions, (res.json() as Json).cells));
        }
      }
      // Every download format, read back into cells.
      for (const [format, lang] of [['csv', 'hy'], ['sdmx-csv', 'ru'], ['hxl', 'en'], ['xlsx', 'ru']] as const) {
        const res = await anon(`${base}?format=${format}&lang=${lang}`);
        expect(res.statusCode, `${d.id} ${format}`).toBe(200);
        bodies.push(res.rawPayload.toString('utf8'));
        if (format === 'csv') releases.push(release(d.id, json.dimensions, cellsFromCsv(res.body, json.dimensions)));
        if (format === 'sdmx-csv') releases.push(release(d.id, json.dimensions, cellsFromSdmx(res.body, json.dimensions, sdmxConcept)));
        if (format === 'hxl') releases.push(release(d.id, json.dimensions, cellsFromHxl(res.body, json.dimensions, HXL_SEX)));
        if (format === 'xlsx') {
          // The sheet lists the same cells in the same order as the CSV; suppressed ones show the mark C.
          const csv = cellsFromCsv((await anon(`${base}?format=csv`)).body, json.dimensions);
          expect(xlsxValues(res.rawPayload)).toEqual(csv.map((c) => c.value ?? 'C'));
        }
      }
      // combineReleases throws if two answers disagree about a cell: filters never recompute.
      const result = attack(json.dimensions, releases, json.threshold, json.roundingBase !== null);
      expect(result.exposed, d.id).toEqual([]);
      expect(result.converged).toBe(true);
      suppressed += result.cells.filter((c) => c.suppressed).length;
    }
    expect(suppressed).toBeGreaterThan(0); // the demo-like data does have small counts to protect

    // Nothing that identifies a person: no person id, document number or name in any answer.
    const everything = bodies.join('\n');
    for (const [id] of history.persons) {
      expect(everything).not.toContain(id);
      expect(everything).not.toContain(fixtureName(id));
    }
    for (const c of history.crossings) expect(everything).not.toContain(c.documentKey);
    expect(everything).not.toMatch(/QZGIVEN|QZUNMATCHED|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
  });

  it('the same attack succeeds on the same data published without complementary suppression', async () => {
    const d = OPEN_DATASETS[0]!;
    const raw = await analyst.get(`/api/statistics/indicators/${d.indicator}?${new URLSearchParams({ ...datasetRange(d, TODAY), period: d.period, by: d.by.join(',') })}`);
    expect(raw.statusCode).toBe(200);
    const interior: Cube = { dataset: d.id, measure: 'crossings', dimensions: raw.json().dimensions, cells: raw.json().cells };
    // "Protection off": full margins, only the small counts hidden (threshold 1 suppresses nothing).
    const full = protectCube(interior, { threshold: 1 });
    const naive = full.cells.map((c) => (c.value! > 0 && c.value! < d.threshold ? { key: c.key, value: null } : c));
    const exposed = attack(full.dimensions, [release(d.id, full.dimensions, naive)], d.threshold, false).exposed;
    expect(exposed.length).toBeGreaterThan(0);
    // And what the API publishes for the same table agrees with the truth wherever it shows a value.
    const truth = new Map(full.cells.map((c) => [c.key.join('|'), c.value]));
    const published = (await anon(`/api/open-data/datasets/${d.id}`)).json() as Json;
    for (const c of published.cells) if (c.value !== null) expect(c.value, c.key.join('|')).toBe(truth.get(c.key.join('|')) ?? 0);
  });

  it('answers a narrow filter on a suppressed cell with the cell, still suppressed', async () => {
    const d = OPEN_DATASETS[0]!;
    const json = (await anon(`/api/open-data/datasets/${d.id}`)).json() as Json;
    const hidden = json.cells.find((c) => c.value === null && !c.key.includes(TOTAL));
    expect(hidden).toBeDefined();
    const filter = new URLSearchParams(json.dimensions.map((dim, i) => [dim, hidden!.key[i]!]));
    const res = await anon(`/api/open-data/datasets/${d.id}?${filter}`);
    expect(res.json().cells).toEqual([{ key: hidden!.key, value: null, flag: 'suppressed' }]);
    const csv = await anon(`/api/open-data/datasets/${d.id}?${filter}&format=csv`);
    expect(cellsFromCsv(csv.body, json.dimensions)).toEqual([{ key: hidden!.key, value: null }]);
  });
});

describe('the dataset list', () => {
  it('publishes additive counts only: margins are sums of cells', () => {
    for (const d of OPEN_DATASETS) {
      const ind = findIndicator(d.indicator);
      expect(ind, d.id).toBeDefined();
      // Balances and net migration can be negative; distinct persons of a flow do not add up over cells.
      expect(ind!.select === 'BALANCE' || ind!.select === 'NET', d.id).toBe(false);
      expect(ind!.kind === 'flow' && ind!.measure === 'persons', d.id).toBe(false);
      expect(d.threshold).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('bad input on the public path', () => {
  const d = OPEN_DATASETS[0]!;
  const field = async (query: string, status = 400) => {
    const res = await anon(`/api/open-data/datasets/${d.id}?${query}`);
    expect(res.statusCode, query).toBe(status);
    return res.json().error.issues?.map((i: { field: string }) => i.field);
  };

  it('names the field of an unknown dimension, code or format; never a crash', async () => {
    expect(await field('colour=red')).toEqual(['query.colour']);
    expect(await field('format=pdf')).toEqual(['query.format']);
    expect(await field('lang=de')).toEqual(['query.lang']);
    expect(await field('stayStatus=REGULAR')).toEqual(['query.stayStatus']); // a dimension the dataset does not have
    expect(await field('sex=Q')).toEqual(['query.sex']);
    expect(await field('period=1999-Q1')).toEqual(['query.period']); // outside the published span
    expect(await field(`citizenGroup=${'X,'.repeat(1500)}`)).toEqual(['query.citizenGroup']);
    expect(await field("citizenGroup=CITIZEN'%20OR%201=1")).toEqual(['query.citizenGroup']);
    expect((await anon('/api/open-data/datasets/no-such-thing')).statusCode).toBe(404);
    expect((await anon('/api/open-data/datasets/..%2F..%2Fetc')).statusCode).toBe(400);
  });
});

describe('protection cost and limits', () => {
  it('protects a dataset once per statistics refresh, however many requests arrive together', async () => {
    const spy = vi.mocked(protectCube);
    const d = OPEN_DATASETS[1]!;
    // A new crossing and a refresh: the cached cubes are stale.
    const [person] = history.persons.keys();
    await loadHistory(t.db, new Map(), [
      { id: '00000007-0000-4000-8000-000000000001', occurredAt: '2026-10-01T08:00:00.000Z', localDate: '2026-10-01', direction: 'exit', crossingPoint: 'ZVARTNOTS', decision: 'admit', personId: person!, documentKey: 'QZDOC1', nationality: 'FRA', transport: 'air', purpose: 'tourism', supersedes: null, lastLawfulDay: null },
    ]);
    t.clock.advance(60_000);
    await refreshStatistics(t.db, { country: 'ARM', now: t.clock.now() });
    spy.mockClear();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => anon(`/api/open-data/datasets/${d.id}${i % 2 ? '?format=csv' : ''}`)));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(spy).toHaveBeenCalledTimes(1);
    await anon(`/api/open-data/datasets/${d.id}?period=_T`);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('limits requests per address', async () => {
    const one = (ip: string) => t.app.inject({ method: 'GET', url: '/api/open-data/datasets', remoteAddress: ip });
    let last = await one('10.9.9.9');
    for (let i = 0; i < 200 && last.statusCode === 200; i++) last = await one('10.9.9.9');
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toMatch(/RATE_LIMITED/);
    expect((await one('10.9.9.10')).statusCode).toBe(200);
  });
});
