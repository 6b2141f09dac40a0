import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HXL_SEX, randomHistory, sdmxConcept } from '@kamurj/domain/statistics';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { refreshStatistics } from './index.ts';
import { cellsFromCsv, cellsFromHxl, cellsFromSdmx, loadHistory, parseCsv, unzipStored, xlsxValues } from './open-data-fixtures.ts';

/**
 * The staff export of an indicator (ADR 0603): each format read back equals the JSON answer of the same
 * query; labels come in the asked language; access, audit and bad input as for the read.
 */
let t: TestApp;
let analyst: Client;
const history = randomHistory(2026_0603, { persons: 40, crossings: 300, corrections: 20, start: '2025-01-01', days: 600 });
const QUERY = 'from=2025-01-01&to=2026-06-30&period=quarter&by=sex,citizenship';
const base = '/api/statistics/indicators/flows.entries.crossings';

beforeAll(async () => {
  t = await createTestApp();
  analyst = await loginAs(t, 'analyst');
  await loadHistory(t.db, history.persons, history.crossings);
  await refreshStatistics(t.db, { country: 'ARM', now: t.clock.now() });
});
afterAll(() => t.close());

type Answer = { dimensions: string[]; cells: { key: string[]; value: number }[] };
const answer = async (query = QUERY) => (await analyst.get(`${base}?${query}`)).json() as Answer;
const download = (format: string, extra = '') => analyst.get(`${base}/export?${QUERY}&format=${format}${extra}`);
const sorted = (cells: { key: string[]; value: number | null }[]) => [...cells].sort((a, b) => (a.key.join('|') < b.key.join('|') ? -1 : 1));

describe('indicator export formats', () => {
  it('CSV: a BOM for Excel, then one row per cell equal to the JSON answer, labels in the asked language', async () => {
    const json = await answer();
    expect(json.cells.length).toBeGreaterThan(10);
    const res = await download('csv', '&lang=ru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(sorted(cellsFromCsv(res.body, json.dimensions))).toEqual(sorted(json.cells));
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(['period', 'sex', 'citizenship', 'period_label', 'sex_label', 'citizenship_label', 'value', 'flag']);
    const russia = rows.find((r) => r[2] === 'RUS')!;
    expect(russia[5]).toMatch(/Росси/); // the reference data's Russian name
    const women = rows.find((r) => r[1] === 'F')!;
    expect(women[4]).toBe('Женщины');
    const hy = parseCsv((await download('csv', '&lang=hy')).body);
    expect(hy.find((r) => r[1] === 'F')![4]).toMatch(/[\u0531-\u0587]/);
  });

  it('XLSX: a ZIP holding the workbook and one sheet whose values are the JSON answer in table order', async () => {
    const json = await answer();
    const res = await download('xlsx', '&lang=en');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const files = unzipStored(res.rawPayload);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    const csv = cellsFromCsv((await download('csv')).body, json.dimensions);
    expect(xlsxValues(res.rawPayload)).toEqual(csv.map((c) => c.value));
    expect(files.get('xl/worksheets/sheet1.xml')).toContain('>Women<');
  });

  it('SDMX-CSV: the DSD columns in key order, dataflow rows, observation attributes', async () => {
    const json = await answer();
    const res = await download('sdmx-csv');
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.sdmx\.data\+csv; version=2\.0\.0/);
    expect(res.body.charCodeAt(0)).not.toBe(0xfeff);
    const [header, first] = parseCsv(res.body);
    expect(header!.map((h) => h.split(':')[0])).toEqual(['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'TIME_PERIOD', 'SEX', 'CITIZENSHIP', 'OBS_VALUE', 'OBS_STATUS', 'CONF_STATUS']);
    expect(first!.slice(0, 3)).toEqual(['dataflow', 'KAMURJ:DF_BORDER_FLOWS(1.0)', 'I']);
    expect(first!.slice(-2)).toEqual(['A', 'F']);
    expect(sorted(cellsFromSdmx(res.body, json.dimensions, sdmxConcept))).toEqual(sorted(json.cells));
  });

  it('HXL: titles, then the hashtag row, sex pivoted into attributes; the figures are the JSON answer', async () => {
    const json = await answer();
    const res = await download('hxl', '&lang=hy');
    const [titles, tags] = parseCsv(res.body);
    expect(titles![0]).toMatch(/[\u0531-\u0587]/);
    expect(tags!.every((tag) => tag.startsWith('#'))).toBe(true);
    expect(tags!.slice(0, 4)).toEqual(['#date+reported+code', '#date+reported+name', '#country+citizenship+code', '#country+citizenship+name']);
    expect(tags).toContain('#indicator+num+crossings+f');
    expect(sorted(cellsFromHxl(res.body, json.dimensions, HXL_SEX))).toEqual(sorted(json.cells));
  });

  it('exports a stock on its reference date', async () => {
    const res = await analyst.get('/api/statistics/indicators/stocks.foreigners.present/export?at=2025-09-30&by=ageBroad&format=csv&lang=en');
    expect(res.statusCode).toBe(200);
    const json = (await analyst.get('/api/statistics/indicators/stocks.foreigners.present?at=2025-09-30&by=ageBroad')).json() as Answer;
    expect(sorted(cellsFromCsv(res.body, json.dimensions))).toEqual(sorted(json.cells));
  });
});

describe('export access, audit and bad input', () => {
  it('is audited like the read it is', async () => {
    const before = Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE action = 'statistics.indicator.read'`)).rows[0]!.n);
    await download('csv');
    const rows = (await t.db.query<{ target_id: string; purpose: string }>(`SELECT target_id, purpose FROM audit_log WHERE action = 'statistics.indicator.read' ORDER BY id DESC LIMIT 1`)).rows;
    expect(rows[0]).toEqual({ target_id: 'flows.entries.crossings', purpose: 'statistics' });
    expect(Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE action = 'statistics.indicator.read'`)).rows[0]!.n)).toBe(before + 1);
  });

  it('401 without a session, 403 without statistics reach, 403 outside a jurisdiction', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${base}/export?format=csv` })).statusCode).toBe(401);
    const officer = await loginAs(t, 'border.officer');
    expect((await officer.get(`${base}/export?format=csv`)).statusCode).toBe(403);
    const tavush = await loginAs(t, 'border.supervisor');
    expect((await tavush.get(`${base}/export?format=csv&crossingPoint=BAGRATASHEN`)).statusCode).toBe(200);
    expect((await tavush.get(`${base}/export?format=csv&crossingPoint=ZVARTNOTS`)).statusCode).toBe(403);
    expect((await tavush.get('/api/statistics/indicators/stocks.foreigners.present/export?format=xlsx')).statusCode).toBe(403);
  });

  it('400 naming the field: format, language, unknown dimension, impossible filter, huge range', async () => {
    const field = async (query: string) => {
      const res = await analyst.get(`${base}/export?${query}`);
      expect(res.statusCode, query).toBe(400);
      return res.json().error.issues.map((i: { field: string }) => i.field);
    };
    expect(await field('sex=F')).toEqual(['query.format']);
    expect(await field('format=pdf')).toEqual(['query.format']);
    expect(await field('format=csv&lang=de')).toEqual(['query.lang']);
    expect(await field('format=csv&colour=red')).toEqual(['query.colour']);
    expect(await field('format=csv&by=stayStatus')).toEqual(['query.by.0']);
    expect(await field('format=csv&from=1900-01-01&to=2100-12-31&period=day')).toEqual(['query.period']);
    expect((await analyst.get(`/api/statistics/indicators/stocks.irregular/export?format=csv&stayStatus=REGULAR`)).json().error.issues[0].field).toBe('query.stayStatus');
    expect((await analyst.get('/api/statistics/indicators/no.such/export?format=csv')).statusCode).toBe(400);
  });
});
