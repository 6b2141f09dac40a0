/**
 * The scratch database of the border pipeline benchmark: migrated schema, reference data, N bulk-seeded
 * persons (`kamurj seed --persons N`, the registry's bulk path), M historical crossings with their stay
 * positions, and the screening lists (100,000 person entries, 100,000 lost/stolen documents). Each phase
 * is recorded in `bench_border_meta` when complete, so a second run reuses what is there and rebuilds
 * only a phase that is missing or was built with other sizes.
 *
 * Historical crossings are generated in TypeScript, not SQL, so that every row's `stay` column and every
 * person's `border_stay_positions` row come from the same domain functions the server uses
 * (`stayFacts`, `computeStay`) over the same movements — the history is consistent with the positions
 * by construction. Trips per person are heavy-tailed (30 % of persons never crossed, a few cross every
 * few weeks, at most 150 trips), spread over 2016-01-01 … 2026-10-31 without overlap (one trip per slot
 * of the period), citizens leave and return, foreigners enter and leave (0.5 % of foreigners' entries are
 * refused); the crossing point is the person's usual one (Zvartnots airport for most).
 */
import { randomUUID } from 'node:crypto';
import { toLocalDateTime } from '../../packages/domain/src/border/index.ts';
import { createRng, populationStream, type SyntheticPerson } from '../../packages/domain/src/population/index.ts';
import type { Db } from '../../packages/server/src/db/client.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import { audit } from '../../packages/server/src/modules/audit/index.ts';
import { documentKeyOf, searchTextOf, type EntryData } from '../../packages/server/src/modules/border/lists-repository.ts';
import { crossingPoints, LIST_IDS, loadSettings, profileOf, type CrossingPoint } from '../../packages/server/src/modules/border/settings.ts';
import { computeStay, stayFacts } from '../../packages/server/src/modules/border/stay.ts';
import { seedBulkPersons, seededPersonId } from '../../packages/server/src/seed/bulk-persons.ts';
import { seed } from '../../packages/server/src/seed/seed.ts';

export const PERSON_SEED = 1;
/** Seed of the population the watchlist names come from (other people than the registry's). */
export const LIST_SEED = 77;
/** Every LISTED_STRIDE-th registry person is on the watchlist (so known travellers hit too). */
export const LISTED_STRIDE = 100;
const HISTORY_FROM = Date.parse('2016-01-01T00:00:00Z');
const HISTORY_TO = Date.parse('2026-10-31T00:00:00Z');
const DAY = 86_400_000;
const MAX_TRIPS = 150;
const BATCH = 5000;
const REF_DATE = new Date('2026-01-01T00:00:00Z');

export interface BuildSizes {
  persons: number;
  crossings: number;
  watchlist: number;
  documents: number;
}

const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

async function phaseDone(db: Db, phase: string, want: object): Promise<boolean> {
  const r = await db.query<{ detail: Record<string, unknown> }>('SELECT detail FROM bench_border_meta WHERE phase = $1', [phase]);
  const have = r.rows[0]?.detail;
  return !!have && Object.entries(want).every(([k, v]) => have[k] === v);
}
const markDone = (db: Db, phase: string, detail: object) =>
  db.query('INSERT INTO bench_border_meta (phase, detail) VALUES ($1, $2) ON CONFLICT (phase) DO UPDATE SET detail = $2', [phase, JSON.stringify(detail)]);

export interface BuildReport {
  reused: string[];
  built: Record<string, { seconds: number; rows: number }>;
  crossings: number;
  personsWithCrossings: number;
}

/** Builds (or reuses) everything; `db` is an administrative connection (not the app role). */
export async function buildDatabase(db: Db, sizes: BuildSizes): Promise<BuildReport> {
  const report: BuildReport = { reused: [], built: {}, crossings: 0, personsWithCrossings: 0 };
  await migrate(db);
  await db.exec('CREATE TABLE IF NOT EXISTS bench_border_meta (phase text PRIMARY KEY, detail jsonb NOT NULL)');
  const profile = profileOf('ARM');
  const timed = async (phase: string, want: object, run: () => Promise<number>) => {
    if (await phaseDone(db, phase, want)) {
      report.reused.push(phase);
      return;
    }
    log(`building ${phase} ${JSON.stringify(want)} …`);
    const t = performance.now();
    const rows = await run();
    const seconds = Math.round((performance.now() - t) / 100) / 10;
    report.built[phase] = { seconds, rows };
    await markDone(db, phase, { ...want, rows, seconds });
    log(`${phase}: ${rows.toLocaleString('en')} rows in ${seconds} s`);
  };
  await timed('reference', { v: 1 }, async () => (await seed(db, profile, { demo: false, demoPassword: 'unused-password-1' }), 0));
  // Persons, crossings and lists depend on each other: a new person count rebuilds the crossings.
  await timed('persons', { persons: sizes.persons, seed: PERSON_SEED }, async () => {
    const r = await seedBulkPersons(db, profile, { count: sizes.persons, seed: PERSON_SEED, referenceDate: REF_DATE.toISOString().slice(0, 10), onProgress: (n) => n % 100_000 === 0 && log(`  persons ${n.toLocaleString('en')}`) });
    return r.created + r.skipped;
  });
  await timed('crossings', { persons: sizes.persons, crossings: sizes.crossings }, () => buildCrossings(db, sizes));
  await timed('lists', { persons: sizes.persons, watchlist: sizes.watchlist, documents: sizes.documents }, () => buildLists(db, sizes));
  const counts = (await db.query<{ c: string; p: string }>('SELECT (SELECT count(*) FROM border_crossings) AS c, (SELECT count(*) FROM border_stay_positions) AS p')).rows[0]!;
  report.crossings = Number(counts.c);
  report.personsWithCrossings = Number(counts.p);
  return report;
}

/** The usual crossing point of person n (most fly through Zvartnots). */
function homePoint(points: readonly CrossingPoint[], u: number): CrossingPoint {
  const air = points.find((p) => p.kind === 'air') ?? points[0]!;
  if (u < 0.6 || points.length === 1) return air;
  const others = points.filter((p) => p !== air);
  return others[Math.floor(((u - 0.6) / 0.4) * others.length)] ?? air;
}

const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
const crossingId = (seq: number) => `c0551000-0000-4000-8000-${hex(seq, 12)}`;

interface Row {
  id: string;
  at: Date;
  date: string;
  time: string;
  zone: string;
  offset: number;
  direction: 'entry' | 'exit';
  point: CrossingPoint;
  personId: string;
  document: string;
  number: string;
  nationality: string;
  decision: 'admit' | 'refuse';
  refusal: string | null;
  stay: string;
}

async function buildCrossings(db: Db, sizes: BuildSizes): Promise<number> {
  await db.exec('TRUNCATE border_stay_positions, border_handovers, border_crossings CASCADE');
  const profile = profileOf('ARM');
  const settings = await loadSettings(db, 'ARM');
  const points = await crossingPoints(db, 'ARM');
  const rng = createRng(9_2026);
  // Heavy-tailed weights: E[w] = 0.7 × 2 = 1.4, so trips = w × mean / 1.4 gives the requested total.
  const meanTrips = sizes.crossings / 2 / sizes.persons;
  const agencyOrigin = { auth: null, clientIp: null, requestId: null, at: new Date() };
  let seq = 0;
  let rows: Row[] = [];
  const positions: unknown[][] = [];
  let inFlight: Promise<void> | null = null;
  const flush = async () => {
    const batch = rows;
    const pos = positions.splice(0);
    rows = [];
    if (inFlight) await inFlight;
    inFlight = db.tx(async (tx) => {
      if (batch.length) await insertRows(tx, batch);
      if (pos.length) await insertPositions(tx, pos);
      await audit(tx, agencyOrigin, { action: 'border.crossings.bulk_import', purpose: 'administration', actor: { type: 'system', id: null, name: 'bench' }, details: { rows: batch.length, first: batch[0]?.id ?? null, last: batch.at(-1)?.id ?? null } });
    });
    inFlight.catch(() => undefined);
  };
  let n = 0;
  for (const p of populationStream({ seed: PERSON_SEED, size: sizes.persons, country: 'ARM', referenceDate: REF_DATE.toISOString().slice(0, 10) })) {
    n++;
    const w = rng.next() < 0.3 ? 0 : Math.log(1 / Math.max(1e-12, rng.next())) ** 2;
    const exact = (w * meanTrips) / 1.4;
    const trips = Math.min(MAX_TRIPS, Math.floor(exact) + (rng.next() < exact % 1 ? 1 : 0));
    const point = homePoint(points, rng.next());
    if (!trips) continue;
    const personRows = tripsOf(p, n, trips, point, rng, () => ++seq);
    if (!personRows.length) continue;
    // Stay after each crossing, as recordCrossing computes it (same facts, same movements).
    // The passport's nationality, as recordCrossing reads it from the MRZ (the generated persons hold no
    // residence permits or visas, so the registry record adds nothing to the facts).
    const facts = stayFacts(null, p.nationality, personRows[0]!.date, settings, profile);
    const movements: { direction: 'entry' | 'exit'; date: string }[] = [];
    let last = null as ReturnType<typeof computeStay> | null;
    for (const r of personRows) {
      if (r.decision === 'admit') movements.push({ direction: r.direction, date: r.date });
      last = computeStay(facts, movements, r.date);
      r.stay = JSON.stringify(last.position);
      rows.push(r);
    }
    const lr = personRows.at(-1)!;
    positions.push([lr.personId, last!.facts.status, last!.facts.nationality, last!.present, lr.id, lr.direction, lr.at, lr.point.code, last!.lastLawfulDay, last!.facts.rule ? JSON.stringify(last!.facts.rule) : null, JSON.stringify(last!.position), lr.at]);
    if (rows.length >= BATCH) await flush();
    if (n % 100_000 === 0) log(`  crossings: ${n.toLocaleString('en')} persons, ${seq.toLocaleString('en')} crossings`);
  }
  await flush();
  if (inFlight) await inFlight;
  await db.query('VACUUM ANALYZE border_crossings, border_stay_positions');
  return seq;
}

/** One person's trips: one per slot of the period, a short stay inside the slot. */
function tripsOf(p: SyntheticPerson, n: number, trips: number, point: CrossingPoint, rng: ReturnType<typeof createRng>, next: () => number): Row[] {
  const citizen = p.nationality === 'ARM';
  const slot = (HISTORY_TO - HISTORY_FROM) / trips;
  const personId = seededPersonId(PERSON_SEED, n);
  const number = p.document.number.replace(/[^A-Za-z0-9]/g, '');
  const document = JSON.stringify({ number, issuingState: p.document.issuer, type: 'passport' });
  const out: Row[] = [];
  for (let t = 0; t < trips; t++) {
    const maxDays = Math.max(1, Math.floor(slot / DAY) - 2);
    const days = Math.min(maxDays, 1 + Math.floor(rng.next() * rng.next() * 30));
    const start = HISTORY_FROM + t * slot + Math.floor(rng.next() * Math.max(0, slot - (days + 1) * DAY));
    const first = citizen ? 'exit' : 'entry';
    const refused = !citizen && rng.next() < 0.005;
    const legs: ['entry' | 'exit', number][] = refused ? [[first, start]] : [[first, start], [citizen ? 'entry' : 'exit', start + days * DAY + Math.floor(rng.next() * 12) * 3_600_000]];
    for (const [direction, ms] of legs) {
      const at = new Date(Math.floor(ms / 1000) * 1000);
      const local = toLocalDateTime(at.getTime(), point.timeZone)!;
      out.push({
        id: crossingId(next()), at, date: local.date, time: local.time, zone: point.timeZone, offset: local.offsetMinutes, direction, point, personId, document, number,
        nationality: p.nationality, decision: refused ? 'refuse' : 'admit', refusal: refused ? 'E' : null, stay: '',
      });
    }
  }
  return out;
}

async function insertRows(tx: { query: Db['query'] }, rows: Row[]): Promise<void> {
  const col = <T>(f: (r: Row) => T) => rows.map(f);
  await tx.query(
    `INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path,
       officer_id, officer_name, person_id, document, document_number, nationality, decision, refusal_code, hits, recorded_at, stay)
     SELECT id, at, d, t, z, o, dir, cp, jp, 'bench-import', 'Historical import', pid, doc::jsonb, num, nat, dec, ref, '[]'::jsonb, at, stay::jsonb
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::uuid[],
                   $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
         AS x(id, at, d, t, z, o, dir, cp, jp, pid, doc, num, nat, dec, ref, stay)`,
    [col((r) => r.id), col((r) => r.at), col((r) => r.date), col((r) => r.time), col((r) => r.zone), col((r) => r.offset), col((r) => r.direction), col((r) => r.point.code),
      col((r) => r.point.jurisdictionPath), col((r) => r.personId), col((r) => r.document), col((r) => r.number), col((r) => r.nationality), col((r) => r.decision), col((r) => r.refusal), col((r) => r.stay)],
  );
}

async function insertPositions(tx: { query: Db['query'] }, rows: unknown[][]): Promise<void> {
  const col = (i: number) => rows.map((r) => r[i]);
  await tx.query(
    `INSERT INTO border_stay_positions (person_id, status, nationality, present, last_crossing_id, last_direction, last_crossing_at, last_crossing_point, last_lawful_day, rule, position, computed_at)
     SELECT pid, st, nat, pr, lc, ld, la, lp, lld, rule::jsonb, pos::jsonb, ca
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::uuid[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[])
         AS x(pid, st, nat, pr, lc, ld, la, lp, lld, rule, pos, ca)`,
    Array.from({ length: 12 }, (_, i) => col(i)),
  );
}

/** The synthetic population people the watchlist names come from, and the registry persons listed. */
export interface ListedPerson {
  entryId: string;
  names: string[];
  birthDate: string;
  nationality: string;
  /** Registry person n when the entry names a seeded person, else null. */
  registryN: number | null;
}

const entryId = (kind: number, i: number) => `e0551000-0000-4000-8${hex(kind, 3)}-${hex(i, 12)}`;

/** Registry persons on the watchlist: every LISTED_STRIDE-th one, up to a tenth of the list. */
export function listedRegistryPersons(sizes: BuildSizes): number[] {
  const out: number[] = [];
  for (let n = LISTED_STRIDE; n <= sizes.persons && out.length < sizes.watchlist / 10; n += LISTED_STRIDE) out.push(n);
  return out;
}
/** Registry persons whose passport is on the lost/stolen list (travelling on it: a document hit). */
export function stolenRegistryDocuments(sizes: BuildSizes): number[] {
  const out: number[] = [];
  for (let n = LISTED_STRIDE / 2; n <= sizes.persons && out.length < sizes.documents / 20; n += LISTED_STRIDE) out.push(n);
  return out;
}

/** The names under which a synthetic person is listed: as recorded (own script) and as in the passport. */
function listNames(p: SyntheticPerson): string[] {
  const latin = p.document.mrz[0].slice(5).replace(/<+$/, '').split('<<').map((s) => s.replace(/</g, ' ').trim());
  const names = [`${p.surname} ${p.givenName}`.trim(), `${latin[0] ?? ''} ${latin[1] ?? ''}`.trim()].filter(Boolean);
  return [...new Set(names)];
}

async function buildLists(db: Db, sizes: BuildSizes): Promise<number> {
  await db.exec(`DELETE FROM border_adjudications; DELETE FROM border_list_entries; DELETE FROM border_list_versions`);
  const agencies = new Map((await db.query<{ code: string; id: string }>('SELECT code, id FROM agencies')).rows.map((a) => [a.code, a.id]));
  const agency = (code: string) => ({ code: agencies.has(code) ? code : [...agencies.keys()][0]!, id: agencies.get(code) ?? [...agencies.values()][0]! });
  const police = agency('POLICE');
  const nss = agency('NSS');
  const rng = createRng(5_2026);
  const at = new Date();
  let d = 0;
  type E = { id: string; kind: 'watchlist' | 'entry_ban' | 'document'; agency: { code: string; id: string }; data: EntryData };
  let batch: E[] = [];
  // The population reuses a passport number for some injected duplicates; a document is listed once.
  const listedDocs = new Set<string>();
  const addDocument = (number: string, issuer: string) => {
    const data = stolenData(number, issuer, rng);
    const key = documentKeyOf(data)!;
    if (listedDocs.has(key)) return;
    listedDocs.add(key);
    batch.push({ id: entryId(3, ++d), kind: 'document', agency: police, data });
  };
  let total = 0;
  const flush = async () => {
    if (!batch.length) return;
    const b = batch;
    batch = [];
    total += b.length;
    await db.query(
      `INSERT INTO border_list_entries (id, list_id, kind, version, active, agency_code, agency_id, data, document_key, search_text, created_at, created_by, updated_at, updated_by)
       SELECT id, lid, k, 1, true, ac, ai, d::jsonb, dk, st, $11, 'bench', $11, 'bench'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[]) AS x(id, lid, k, ac, ai, d, dk, st, _a, _b)`,
      [b.map((e) => e.id), b.map((e) => LIST_IDS[e.kind]), b.map((e) => e.kind), b.map((e) => e.agency.code), b.map((e) => e.agency.id), b.map((e) => JSON.stringify(e.data)),
        b.map((e) => documentKeyOf(e.data)), b.map((e) => searchTextOf(e.data)), b.map(() => 0), b.map(() => 0), at],
    );
  };
  const person = (p: SyntheticPerson, i: number) => {
    const ban = rng.next() < 0.2;
    const names = listNames(p);
    const data: EntryData = {
      names,
      birthDate: rng.next() < 0.85 ? p.birthDate : p.birthDate.slice(0, 4),
      nationality: p.nationality,
      sex: p.sex,
      reason: ban ? 'Deported; entry ban' : 'Wanted for questioning',
      action: ban ? 'refuse_entry' : 'second_line',
      ...(ban ? { ban: { from: '2024-01-01', until: rng.next() < 0.5 ? null : '2030-12-31' } } : {}),
    };
    batch.push({ id: entryId(ban ? 2 : 1, i), kind: ban ? 'entry_ban' : 'watchlist', agency: nss, data });
  };
  // Registry persons first (known travellers who are listed), then other people from the population.
  const listed = new Set(listedRegistryPersons(sizes));
  const stolen = new Set(stolenRegistryDocuments(sizes));
  let i = 0;
  let n = 0;
  for (const p of populationStream({ seed: PERSON_SEED, size: sizes.persons, country: 'ARM', referenceDate: REF_DATE.toISOString().slice(0, 10) })) {
    n++;
    if (listed.has(n)) person(p, ++i);
    if (stolen.has(n)) addDocument(p.document.number, p.document.issuer);
    if (batch.length >= BATCH) await flush();
  }
  for (const p of populationStream({ seed: LIST_SEED, size: sizes.watchlist, country: 'ARM', referenceDate: REF_DATE.toISOString().slice(0, 10) })) {
    if (i >= sizes.watchlist) break;
    person(p, ++i);
    if (d < sizes.documents) addDocument(p.document.number, p.document.issuer);
    if (batch.length >= BATCH) await flush();
  }
  // Any documents still missing: numbers in the population's format from a separate stream.
  for (const p of populationStream({ seed: LIST_SEED + 1, size: Math.max(1, 2 * (sizes.documents - d)), country: 'ARM', referenceDate: REF_DATE.toISOString().slice(0, 10) })) {
    if (d >= sizes.documents) break;
    addDocument(p.document.number, p.document.issuer);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  for (const listId of Object.values(LIST_IDS)) {
    await db.query(`INSERT INTO border_list_versions (list_id, version, updated_at) VALUES ($1, 1, $2) ON CONFLICT (list_id) DO UPDATE SET version = border_list_versions.version + 1, updated_at = $2`, [listId, at]);
  }
  await audit(db, { auth: null, clientIp: null, requestId: null, at }, { action: 'border.lists.bulk_import', purpose: 'administration', actor: { type: 'system', id: null, name: 'bench' }, details: { entries: total, run: randomUUID() } });
  await db.query('VACUUM ANALYZE border_list_entries');
  return total;
}

function stolenData(number: string, issuer: string, rng: ReturnType<typeof createRng>): EntryData {
  const status = (['lost', 'stolen', 'revoked'] as const)[Math.floor(rng.next() * 3)]!;
  return { number: number.replace(/[^A-Za-z0-9]/g, '').toUpperCase(), issuingState: issuer, documentType: 'passport', status, reportedOn: '2025-06-01', reason: `Reported ${status}`, action: 'second_line' };
}
