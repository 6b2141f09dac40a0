import type { Db } from '../db/client.ts';
import { stableUuid } from '../lib/ids.ts';
import { audit } from '../modules/audit/index.ts';
import { rebuildStatistics } from '../modules/statistics/index.ts';
import type { CountryProfile } from '../profiles/profile.ts';
import { pathOfCode } from './organisation.ts';
import { generatedPersons } from './population-persons.ts';

/**
 * Two years of travel for the ~300 generated demo persons (only with demo seeding), so that the
 * statistics dashboards have something to show (ADR 0601, Scale): citizens' trips abroad and foreigners'
 * visits, at the country's crossing points, with declared purposes and a few refusals. Every trip ends
 * more than 30 days before the seed time (travellers are back home, foreigners have left within their
 * lawful stay), so today's border registers — stay positions, irregular residence, the console's recent
 * crossings — are those of the hand-written demo data. Entirely synthetic and deterministic for a seed
 * time; written once, in one multi-row insert. Then one bulk build of the statistics.
 */
const DAY = 86_400_000;
const PURPOSES = ['tourism', 'tourism', 'tourism', 'business', 'family', 'family', 'work', 'study', 'medical', 'transit'] as const;
const MODES = new Set(['air', 'road', 'rail', 'sea']);

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

export interface DemoTrip {
  id: string;
  personId: string;
  direction: 'entry' | 'exit';
  occurredAt: Date;
  crossingPoint: string;
  decision: 'admit' | 'refuse';
  purpose: string;
}

/** The crossings of the demo travellers (pure: persons, points and the seed time in, records out). */
export function demoTrips(persons: readonly { id: string; nationality: string }[], points: readonly { code: string; kind: string }[], country: string, at: Date): DemoTrip[] {
  const r = rng(20_260_601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const air = points.filter((p) => p.kind === 'air');
  const land = points.filter((p) => p.kind !== 'air');
  const first = at.getTime() - 730 * DAY;
  const last = at.getTime() - 31 * DAY;
  const out: DemoTrip[] = [];
  for (const p of persons) {
    const citizen = p.nationality === country;
    let t = first + Math.floor(r() * 120) * DAY;
    for (let k = 0; ; k++) {
      const stay = (citizen ? 3 + Math.floor(r() * 25) : 2 + Math.floor(r() * 60)) * DAY;
      if (t + stay > last) break;
      const point = pick(r() < 0.7 || !land.length ? air : land) ?? pick(points);
      const back = r() < 0.8 ? point : pick(points);
      const hour = (n: number) => (6 + Math.floor(r() * 16)) * 3_600_000 + n * 60_000;
      const purpose = pick(PURPOSES);
      const id = (leg: string) => stableUuid('demo-statistics-crossing', `${p.id}:${k}:${leg}`);
      const out1 = { personId: p.id, crossingPoint: point.code, purpose };
      if (citizen) {
        out.push({ ...out1, id: id('out'), direction: 'exit', occurredAt: new Date(t + hour(k)), decision: 'admit' });
        out.push({ ...out1, id: id('in'), crossingPoint: back.code, direction: 'entry', occurredAt: new Date(t + stay + hour(k)), decision: 'admit' });
      } else if (r() < 0.03) {
        out.push({ ...out1, id: id('in'), direction: 'entry', occurredAt: new Date(t + hour(k)), decision: 'refuse' });
      } else {
        out.push({ ...out1, id: id('in'), direction: 'entry', occurredAt: new Date(t + hour(k)), decision: 'admit' });
        out.push({ ...out1, id: id('out'), crossingPoint: back.code, direction: 'exit', occurredAt: new Date(t + stay + hour(k)), decision: 'admit' });
      }
      t += stay + (citizen ? 20 + Math.floor(r() * 150) : 30 + Math.floor(r() * 200)) * DAY;
    }
  }
  return out;
}

export async function seedStatisticsDemo(db: Db, profile: CountryProfile, at: Date): Promise<{ crossings: number; travellers: number }> {
  const persons = generatedPersons(profile.country as 'ARM' | 'KAZ', profile.regions.map((r) => r.code), at).map((g) => ({
    id: g.id,
    nationality: g.record.citizenships[0]?.code ?? 'XXX',
    document: g.record.documents[0] ?? null,
  }));
  const byId = new Map(persons.map((p) => [p.id, p]));
  const points = new Map(profile.crossingPoints.map((p) => [p.code, p]));
  const trips = demoTrips(persons, profile.crossingPoints, profile.country, at);
  const offset = new Intl.DateTimeFormat('en', { timeZone: profile.timezone, timeZoneName: 'longOffset' });
  const local = (d: Date) => {
    const name = offset.formatToParts(d).find((x) => x.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
    const iso = new Date(d.getTime() + minutes * 60_000).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 16), minutes };
  };
  const cols: unknown[][] = Array.from({ length: 17 }, () => []);
  for (const c of trips) {
    const p = byId.get(c.personId)!;
    const point = points.get(c.crossingPoint)!;
    const l = local(c.occurredAt);
    const doc = { number: (p.document?.number ?? 'UNKNOWN').replace(/[^A-Za-z0-9]/g, ''), issuingState: p.document?.issuingState ?? 'XXX', type: 'passport' };
    const row = [
      c.id, c.occurredAt.toISOString(), l.date, l.time, profile.timezone, l.minutes, c.direction, c.crossingPoint, pathOfCode(profile, c.crossingPoint),
      c.personId, JSON.stringify(doc), doc.number, p.nationality, c.decision, c.decision === 'refuse' ? 'no_valid_document' : null,
      JSON.stringify({ mode: MODES.has(point.kind) ? point.kind : 'road' }), c.purpose,
    ];
    row.forEach((v, i) => cols[i]!.push(v));
  }
  const written = await db.tx(async (tx) => {
    // Once: trips are placed relative to the seed time, so a later seed must not add to them.
    if ((await tx.query('SELECT 1 FROM border_crossings WHERE id = ANY($1::uuid[]) LIMIT 1', [cols[0]])).rows.length) return 0;
    const r = await tx.query(
      `INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path, person_id, document,
         document_number, nationality, decision, refusal_code, transport, purpose, officer_id, officer_name, hits, recorded_at)
       SELECT x.*, $18, 'Demo data', '[]'::jsonb, $19
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::jsonb[],
                     $12::text[], $13::text[], $14::text[], $15::text[], $16::jsonb[], $17::text[])
              AS x(id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path, person_id, document,
                   document_number, nationality, decision, refusal_code, transport, purpose)
         JOIN persons p ON p.id = x.person_id
       ON CONFLICT (id) DO NOTHING`,
      [...cols, stableUuid('demo-user', `${profile.country}:border.officer`), at],
    );
    if (r.rowCount) {
      await audit(tx, { auth: null, clientIp: null, requestId: null, at }, { action: 'border.seed', purpose: 'administration', actor: { type: 'system', id: null, name: 'seed' }, details: { statisticsDemoCrossings: r.rowCount } });
    }
    return r.rowCount;
  });
  const built = written ? await rebuildStatistics(db, { country: profile.country, now: at }) : { travellers: 0 };
  return { crossings: written, travellers: built.travellers };
}
