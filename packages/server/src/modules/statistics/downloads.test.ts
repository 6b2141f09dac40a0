import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditProtection, type CubeCell } from '@kamurj/domain/statistics';
import { stableUuid } from '../../lib/ids.ts';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { refreshStatistics } from './index.ts';
import { OPEN_DATASETS, datasetRange } from './open-data.ts';

/**
 * Exports of an indicator and the public open-data path (ADR 0603/0604), on top of the demo seed's
 * travel. Added here: in August 2026, 12 male citizens, 3 citizens of sex "other" (X) and 7 male and 6
 * female Russians enter at Zvartnots; in 2025, 4 persons arrive by road; in May 2026, 15 of each sex
 * and group. The demo has no travellers of sex X, so the three are a small count open data must hide.
 */
let t: TestApp;
let analyst: Client;

interface Arrival {
  n: number;
  sex: 'M' | 'F' | 'X';
  nationality: string;
  day: string;
  mode: string;
}
const ARRIVALS: Arrival[] = [
  { n: 12, sex: 'M', nationality: 'ARM', day: '2026-08-10', mode: 'air' },
  { n: 3, sex: 'X', nationality: 'ARM', day: '2026-08-11', mode: 'air' },
  { n: 7, sex: 'M', nationality: 'RUS', day: '2026-08-12', mode: 'air' },
  { n: 6, sex: 'F', nationality: 'RUS', day: '2026-08-13', mode: 'air' },
  { n: 4, sex: 'M', nationality: 'GEO', day: '2025-05-02', mode: 'road' },
  ...(['M', 'F'] as const).flatMap((sex) => ['ARM', 'RUS'].map((nationality) => ({ n: 15, sex, nationality, day: '2026-05-20', mode: 'air' }))),
];

async function load() {
  let k = 0;
  for (const a of ARRIVALS) {
    for (let j = 0; j < a.n; j++, k++) {
      const person = stableUuid('downloads-test-person', String(k));
      await t.db.query(`INSERT INTO persons (id, record, birth_date, sex, source, created_at, updated_at) VALUES ($1, '{}', $2, $3, 'seed', now(), now())`, [person, '1990-01-01', a.sex]);
      await t.db.query(
        `INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path, officer_id, officer_name,
           person_id, document, document_number, nationality, decision, transport, purpose, recorded_at)
         VALUES ($1, $2, $3, '12:00', 'Asia/Yerevan', 240, 'entry', 'ZVARTNOTS', 'ARM.AM-ER.ZVARTNOTS', 'test', 'Test', $4, '{}', $5, $6, 'admit', $7, 'tourism', now())`,
        [stableUuid('downloads-test-crossing', String(k)), `${a.day}T08:00:00Z`, a.day, person, `DL${String(k).padStart(6, '0')}`, a.nationality, JSON.stringify({ mode: a.mode })],
      );
    }
  }
  await refreshStatistics(t.db, { country: 'ARM', now: t.clock.now() });
}

const csvRows = (text: string) => text.replace(/^\ufeff/, '').trimEnd().split('\r\n').map((l) => l.split(','));

beforeAll(async () => {
  t = await createTestApp();
  analyst = await loginAs(t, 'analyst');
  await load();
});
afterAll(() => t.close());

describe('indicator exports', () => {
  const q = 'from=2026-01-01&to=2026-12-31&period=quarter&by=sex';

  it('writes the same figures as the indicator read, as labelled CSV', async () => {
    const json = (await analyst.get(`/api/statistics/indicators/flows.entries.crossings?${q}`)).json();
    const res = await analyst.get(`/api/statistics/indicators/flows.entries.crossings/export?${q}&format=csv&lang=hy`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="flows.entries.crossings_2026-01-01_2026-12-31.csv"');
    const [header, ...rows] = csvRows(res.body);
    expect(header).toEqual(['period', 'sex', 'period_label', 'sex_label', 'value', 'flag']);
    expect(rows.map((r) => [r[0], r[1], Number(r[4])])).toEqual(json.cells.map((c: { key: string[]; value: number }) => [...c.key, c.value]));
    expect(rows.find((r) => r[1] === 'F')![3]).toBe('Կանայք');
    expect(rows.filter((r) => r[1] === 'O').reduce((s, r) => s + Number(r[4]), 0)).toBe(3);
  });

  it('writes XLSX, SDMX-CSV and HXL-tagged CSV', async () => {
    const get = (format: string) => analyst.get(`/api/statistics/indicators/flows.entries.crossings/export?${q}&format=${format}`);
    const xlsx = await get('xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sdmx = await get('sdmx-csv');
    expect(sdmx.body.split('\r\n')[0]).toMatch(/^STRUCTURE,STRUCTURE_ID,ACTION,TIME_PERIOD/);
    expect(sdmx.body).toContain('dataflow,KAMURJ:DF_BORDER_FLOWS(1.0),I,2026-Q3');
    const hxl = csvRows((await get('hxl')).body);
    expect(hxl[1]!.every((tag) => tag.startsWith('#'))).toBe(true);
    expect(hxl[1]).toContain('#indicator+num+crossings+f');
  });

  it('refuses a bad format or a bad query with field issues, strangers and other roles', async () => {
    const bad = await analyst.get('/api/statistics/indicators/flows.entries.crossings/export?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { field: string }) => i.field)).toContain('query.format');
    const badQuery = await analyst.get('/api/statistics/indicators/flows.entries.crossings/export?format=csv&sex=Q');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.issues[0]).toMatchObject({ field: 'query.sex', code: 'STATISTICS.UNKNOWN_CODE' });
    expect((await t.app.inject({ method: 'GET', url: '/api/statistics/indicators/flows.entries.crossings/export?format=csv' })).statusCode).toBe(401);
    const officer = await loginAs(t, 'border.officer');
    expect((await officer.get('/api/statistics/indicators/flows.entries.crossings/export?format=csv')).statusCode).toBe(403);
  });

  it('audits an export like a read', async () => {
    const rows = (await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE action = 'statistics.indicator.read'`)).rows;
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(5);
  });
});

describe('open data (no login)', () => {
  const anon = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists the datasets with their range and protection rule', async () => {
    const res = await anon('/api/open-data/datasets');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((d: { id: string }) => d.id)).toEqual(OPEN_DATASETS.map((d) => d.id));
    expect(items[0]).toMatchObject({ from: '2025-01-01', to: '2026-11-22', threshold: 5, dimensions: ['period', 'citizenGroup', 'sex'] });
    expect(items[0].title.hy).toMatch(/[\u0531-\u0587]/);
  });

  it('publishes only protected cells: no count below the threshold, small cells and their complements suppressed', async () => {
    const res = await anon('/api/open-data/datasets/border-entries-quarterly');
    expect(res.statusCode).toBe(200);
    const cells: CubeCell[] = res.json().cells;
    const cell = (...key: string[]) => cells.find((c) => c.key.join('|') === key.join('|'));
    expect(cells.every((c) => c.value === null || c.value === 0 || c.value >= 5)).toBe(true);
    expect(cells.every((c) => c.flag === undefined || c.flag === 'suppressed')).toBe(true);
    expect(cell('2026-Q3', 'CITIZEN', 'O')).toEqual({ key: ['2026-Q3', 'CITIZEN', 'O'], value: null, flag: 'suppressed' });
    // The attacker, given everything published, can pin no hidden cell down to a small count.
    const published = { dataset: 'border-entries-quarterly', measure: 'crossings', dimensions: res.json().dimensions, cells, withTotals: true, protection: { threshold: 5 } };
    expect(auditProtection(published).exposed).toEqual([]);
    expect(cells.some((c) => c.value !== null && c.value >= 5)).toBe(true);
  });

  it('answers a narrow filter with the suppressed cell as suppressed, and unknown codes with 400', async () => {
    const narrow = await anon('/api/open-data/datasets/border-entries-quarterly?period=2026-Q3&citizenGroup=CITIZEN&sex=O');
    expect(narrow.json().cells).toEqual([{ key: ['2026-Q3', 'CITIZEN', 'O'], value: null, flag: 'suppressed' }]);
    const unknown = await anon('/api/open-data/datasets/border-entries-quarterly?sex=Q');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].field).toBe('query.sex');
    expect((await anon('/api/open-data/datasets/border-entries-quarterly?stayStatus=REGULAR')).statusCode).toBe(400);
    expect((await anon('/api/open-data/datasets/no-such-dataset')).statusCode).toBe(404);
    expect((await anon('/api/open-data/datasets/border-entries-quarterly?limit=5')).statusCode).toBe(400);
  });

  it('rounds where the dataset says so, keeping the table additive', async () => {
    const cells: { key: string[]; value: number | null; flag?: string }[] = (await anon('/api/open-data/datasets/travellers-yearly-by-transport-age')).json().cells;
    const published = cells.filter((c) => c.value !== null);
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((c) => c.value! % 5 === 0 && c.flag === 'rounded')).toBe(true);
  });

  it('downloads a dataset as CSV with the suppressed cell flagged and empty', async () => {
    const res = await anon('/api/open-data/datasets/border-entries-quarterly?format=csv&lang=ru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="border-entries-quarterly.csv"');
    const row = csvRows(res.body).find((r) => r[0] === '2026-Q3' && r[1] === 'CITIZEN' && r[2] === 'O')!;
    expect(row.slice(3)).toEqual(['2026-Q3', 'Граждане', 'Другой', '', 'suppressed']);
  });

  it('starts quarterly datasets seven quarters before the current one', () => {
    const def = OPEN_DATASETS[0]!;
    expect(datasetRange(def, '2026-11-22')).toEqual({ from: '2025-01-01', to: '2026-11-22' });
    expect(datasetRange(def, '2026-02-01')).toEqual({ from: '2024-04-01', to: '2026-02-01' });
    expect(datasetRange(OPEN_DATASETS[2]!, '2026-02-01')).toEqual({ from: '2024-01-01', to: '2026-02-01' });
  });
});
