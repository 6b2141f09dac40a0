import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../testing/test-app.ts';
import { openDb } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { loadProfile } from '../../profiles/profile.ts';
import { seed } from '../../seed/seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('reference data', () => {
  it('has ISO 3166-1 countries named in Armenian, Russian and English, with EAEU membership', async () => {
    const c = await loginAs(t, 'border.officer');
    const tables = (await c.get('/api/reference')).json().tables;
    const count = (n: string) => tables.find((x: { name: string }) => x.name === n).count;
    expect(count('countries')).toBeGreaterThanOrEqual(249);
    expect(count('languages')).toBeGreaterThanOrEqual(180);
    expect(count('regions')).toBe(11);
    const arm = (await c.get('/api/reference/countries?q=ARM')).json().items.find((x: { key: string }) => x.key === 'ARM');
    expect(arm.names.hy).toMatch(/Հայաստան/);
    expect(arm.names.ru).toMatch(/Армения/);
    expect(arm.attributes).toMatchObject({ alpha2: 'AM', numeric: '051', eaeuFrom: '2015-01-02' });
    const geo = (await c.get('/api/reference/countries?q=GEO')).json().items.find((x: { key: string }) => x.key === 'GEO');
    expect(geo.attributes.eaeuFrom).toBeNull();
  });

  it('keeps ICAO codes that are not countries apart from countries', async () => {
    const c = await loginAs(t, 'analyst');
    const codes = (await c.get('/api/reference/document-codes?limit=500')).json().items.map((x: { key: string }) => x.key);
    expect(codes).toEqual(expect.arrayContaining(['D', 'XXA', 'XXB', 'XXC', 'XXX', 'UNO', 'UNA', 'UNK', 'EUE', 'RKS', 'UTO']));
    const countries = (await c.get('/api/reference/countries?limit=500')).json().items.map((x: { key: string }) => x.key);
    expect(countries).not.toContain('XXA');
    expect(countries).not.toContain('UTO');
  });

  it('seeds the crossing points and the jurisdiction tree of the profile', async () => {
    const c = await loginAs(t, 'analyst');
    const bcps = (await c.get('/api/reference/crossing-points')).json().items;
    expect(bcps.map((b: { key: string }) => b.key)).toEqual(expect.arrayContaining(['ZVARTNOTS', 'BAGRATASHEN', 'AGARAK']));
    const juris = (await c.get('/api/jurisdictions')).json().items as { path: string; kind: string }[];
    expect(juris.find((j) => j.path === 'ARM.AM-TV.BAGRATASHEN')?.kind).toBe('bcp');
    expect(juris.filter((j) => j.kind === 'marz')).toHaveLength(11);
    const agencies = (await c.get('/api/agencies')).json().items.map((a: { code: string }) => a.code);
    expect(agencies).toEqual(expect.arrayContaining(['MCS', 'NSS-BG', 'POLICE', 'MFA-CONS', 'MLSA', 'IOM-AM']));
  });

  it('versions every edit, refuses stale ones, and lets only reference managers edit', async () => {
    const officer = await loginAs(t, 'border.officer');
    expect((await officer.patch('/api/reference/crossing-points/MARGARA', { version: 1, active: false })).statusCode).toBe(403);
    const admin = await loginAs(t, 'admin');
    const item = (await admin.get('/api/reference/crossing-points?q=MARGARA')).json().items[0];
    const edited = await admin.patch('/api/reference/crossing-points/MARGARA', { version: item.version, active: false });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ active: false, version: item.version + 1 });
    const stale = await admin.patch('/api/reference/crossing-points/MARGARA', { version: item.version, names: { hy: 'Մ', ru: 'М', en: 'M' } });
    expect(stale.statusCode).toBe(409);
    const history = (await admin.get('/api/reference/crossing-points/MARGARA/history')).json().items;
    expect(history[0]).toMatchObject({ version: item.version + 1, changedBy: 'admin', before: { active: true }, after: { active: false } });
    expect((await admin.patch('/api/reference/crossing-points/NOPE', { version: 1, active: false })).statusCode).toBe(404);
    expect((await admin.get('/api/reference/crossing-points/MARGARA')).json()).toMatchObject({ key: 'MARGARA', active: false });
    expect((await admin.get('/api/reference/crossing-points/NOPE')).statusCode).toBe(404);
  });
});

describe('country profiles', () => {
  it('seeds Kazakhstan from its profile alone, with nothing Armenian', async () => {
    const db = await openDb({ dataDir: 'memory://' });
    try {
      await migrate(db);
      const result = await seed(db, loadProfile('KAZ'), { demo: false, demoPassword: 'irrelevant-here' });
      expect(result.country).toBe('KAZ');
      const regions = await db.query<{ key: string }>("SELECT key FROM reference_items WHERE table_name = 'regions'");
      expect(regions.rows.length).toBe(20);
      expect(regions.rows.every((r) => r.key.startsWith('KZ-'))).toBe(true);
      const agencies = await db.query<{ code: string }>('SELECT code FROM agencies');
      expect(agencies.rows.map((a) => a.code)).toContain('KNB-PS');
      expect(agencies.rows.map((a) => a.code)).not.toContain('MCS');
      await expect(seed(db, loadProfile('ARM'), { demo: false, demoPassword: 'irrelevant-here' })).rejects.toThrow(/seeded for KAZ/);
    } finally {
      await db.close();
    }
  });

  it('refuses an unknown profile with a readable message', () => {
    expect(() => loadProfile('XYZ')).toThrow(/No country profile XYZ/);
  });
});
