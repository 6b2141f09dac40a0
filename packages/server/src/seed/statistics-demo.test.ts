import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../testing/test-app.ts';
import { loadProfile } from '../profiles/profile.ts';
import { demoTrips } from './statistics-demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo travel for the statistics dashboards', () => {
  it('alternates entries and exits per traveller, ending a month before the seed time', () => {
    const at = new Date('2026-11-22T12:00:00Z');
    const profile = loadProfile('ARM');
    const persons = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, nationality: i % 3 ? 'RUS' : 'ARM' }));
    const trips = demoTrips(persons, profile.crossingPoints, 'ARM', at);
    expect(trips.length).toBeGreaterThan(200);
    for (const p of persons) {
      const own = trips.filter((c) => c.personId === p.id && c.decision === 'admit').sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
      const expected = p.nationality === 'ARM' ? ['exit', 'entry'] : ['entry', 'exit'];
      own.forEach((c, i) => expect(c.direction, `${p.id} #${i}`).toBe(expected[i % 2]));
      expect(own.length % 2).toBe(0);
      for (const c of own) expect(c.occurredAt.getTime()).toBeLessThan(at.getTime() - 30 * 86_400_000);
    }
    expect(new Set(trips.map((c) => c.id)).size).toBe(trips.length);
  });

  it('the seeded database has two years of crossings already counted', async () => {
    const analyst = await loginAs(t, 'analyst');
    const now = t.clock.now();
    const from = new Date(now.getTime() - 700 * 86_400_000).toISOString().slice(0, 10);
    const res = await analyst.get(`/api/statistics/indicators/flows.entries.crossings?from=${from}&to=${now.toISOString().slice(0, 10)}&period=month&by=citizenGroup`);
    expect(res.statusCode).toBe(200);
    const months = new Set(res.json().cells.map((c: { key: string[] }) => c.key[0]));
    expect(months.size).toBeGreaterThan(18);
    const queued = await t.db.query('SELECT 1 FROM stat_queue');
    expect(queued.rows).toEqual([]);
  });
});
