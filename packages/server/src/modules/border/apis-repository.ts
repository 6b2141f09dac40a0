import type { Queryable } from '../../db/client.ts';
import type { HistoryHit } from './assess.ts';
import type { HitView } from './screening.ts';

/**
 * Storage of airline manifests (advance passenger information), their pre-screened passengers and the
 * adjudications of pre-screen hits (migration 0012_apis.sql, ADR 0504).
 */
export interface ApisIssue {
  /** CSV line (1-based) or null. */
  row: number | null;
  /** PAXLST segment (1-based) or null. */
  segment: number | null;
  field: string | null;
  code: string;
  message: string;
}

export interface ManifestRow {
  id: string;
  crossing_point: string;
  jurisdiction_path: string;
  format: 'csv' | 'paxlst';
  flight_number: string;
  carrier: string;
  departure_airport: string | null;
  arrival_airport: string | null;
  scheduled_arrival: string;
  arrival_date: string;
  content_hash: string;
  source_ref: string | null;
  rows_read: number;
  passenger_count: number;
  errors: ApisIssue[];
  warnings: ApisIssue[];
  list_versions: Record<string, number>;
  screened_at: Date;
  uploaded_at: Date;
  uploaded_by: string;
  uploaded_by_name: string;
  superseded_by: string | null;
}

export interface PersonMatch {
  id: string;
  masked: boolean;
  score: number | null;
  sameDocument: boolean;
}

/** The result of pre-screening one passenger (what the console check found). */
export interface Screened {
  person: PersonMatch | null;
  hits: HitView[];
  suppressed: HitView[];
  history: HistoryHit[];
}

export interface PassengerInput {
  seq: number;
  source: { row: number } | { segment: number };
  role: 'passenger' | 'crew';
  surname: string;
  givenNames: string;
  birthDate: string | null;
  sex: string | null;
  nationality: string | null;
  documentNumber: string;
  documentType: string | null;
  issuingState: string | null;
  expiryDate: string | null;
}

export interface PassengerRow {
  id: string;
  manifest_id: string;
  seq: number;
  source: PassengerInput['source'];
  role: 'passenger' | 'crew';
  surname: string;
  given_names: string;
  birth_date: string | null;
  sex: string | null;
  nationality: string | null;
  document_number: string;
  document_type: string | null;
  issuing_state: string | null;
  expiry_date: string | null;
  person_id: string | null;
  person: PersonMatch | null;
  hits: HitView[];
  suppressed: HitView[];
  history: HistoryHit[];
  hit_count: number;
  screened_at: Date;
}

export interface AdjudicationRow {
  id: string;
  passenger_id: string;
  entry_id: string;
  entry_version: number;
  outcome: 'true_hit' | 'false_hit';
  reason: string;
  by_id: string;
  by_name: string;
  at: Date;
}

export interface ManifestCounts {
  passengers: number;
  withHits: number;
  hits: number;
  adjudicated: number;
}

const M_COLS = `m.id, m.crossing_point, m.jurisdiction_path, m.format, m.flight_number, m.carrier, m.departure_airport, m.arrival_airport, m.scheduled_arrival,
  m.arrival_date, m.content_hash, m.source_ref, m.rows_read, m.passenger_count, m.errors, m.warnings, m.list_versions, m.screened_at, m.uploaded_at,
  m.uploaded_by, m.uploaded_by_name, m.superseded_by`;
const P_COLS = `p.id, p.manifest_id, p.seq, p.source, p.role, p.surname, p.given_names, p.birth_date, p.sex, p.nationality, p.document_number, p.document_type,
  p.issuing_state, p.expiry_date, p.person_id, p.person, p.hits, p.suppressed, p.history, p.hit_count, p.screened_at`;

/** Hits of a passenger that carry a judgement: one from the person's memory, or one made on the manifest. */
const ADJUDICATED_HITS = `(SELECT count(*) FROM jsonb_array_elements(p.hits) h
   WHERE jsonb_typeof(h->'adjudication') = 'object'
      OR EXISTS (SELECT 1 FROM border_apis_adjudications a WHERE a.passenger_id = p.id AND a.entry_id = (h->>'entryId')::uuid AND a.entry_version = (h->>'entryVersion')::int))`;

/** IATA code of each active crossing point that is an airport (reference data attribute `iata`). */
export async function airportCodes(db: Queryable): Promise<Map<string, string>> {
  const r = await db.query<{ key: string; iata: string | null }>(`SELECT key, attributes->>'iata' AS iata FROM reference_items WHERE table_name = 'crossing-points' AND active`);
  return new Map(r.rows.filter((x) => x.iata).map((x) => [x.key, x.iata as string]));
}

export async function findManifest(db: Queryable, id: string): Promise<ManifestRow | undefined> {
  return (await db.query<ManifestRow>(`SELECT ${M_COLS} FROM border_apis_manifests m WHERE m.id = $1`, [id])).rows[0];
}

export async function findByContent(db: Queryable, crossingPoint: string, hash: string): Promise<ManifestRow | undefined> {
  return (await db.query<ManifestRow>(`SELECT ${M_COLS} FROM border_apis_manifests m WHERE m.crossing_point = $1 AND m.content_hash = $2`, [crossingPoint, hash])).rows[0];
}

/** Inserts a manifest; false when the same file for the same point is already stored (a concurrent upload). */
export async function insertManifest(tx: Queryable, m: Omit<ManifestRow, 'superseded_by'>): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO border_apis_manifests (id, crossing_point, jurisdiction_path, format, flight_number, carrier, departure_airport, arrival_airport, scheduled_arrival,
       arrival_date, content_hash, source_ref, rows_read, passenger_count, errors, warnings, list_versions, screened_at, uploaded_at, uploaded_by, uploaded_by_name)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)
     ON CONFLICT (crossing_point, content_hash) DO NOTHING`,
    [
      m.id, m.crossing_point, m.jurisdiction_path, m.format, m.flight_number, m.carrier, m.departure_airport, m.arrival_airport, m.scheduled_arrival,
      m.arrival_date, m.content_hash, m.source_ref, m.rows_read, m.passenger_count, JSON.stringify(m.errors), JSON.stringify(m.warnings),
      JSON.stringify(m.list_versions), m.screened_at, m.uploaded_at, m.uploaded_by, m.uploaded_by_name,
    ],
  );
  return r.rowCount === 1;
}

/** Marks the current manifest of the flight as superseded (before the new one is inserted); its id or null. */
export async function supersedeCurrent(tx: Queryable, crossingPoint: string, flight: string, arrivalDate: string, by: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `UPDATE border_apis_manifests SET superseded_by = $4
      WHERE crossing_point = $1 AND flight_number = $2 AND arrival_date = $3 AND superseded_by IS NULL RETURNING id`,
    [crossingPoint, flight, arrivalDate, by],
  );
  return r.rows[0]?.id ?? null;
}

const screenedJson = (s: Screened) => ({
  person_id: s.person?.id ?? null,
  person: s.person,
  hits: s.hits,
  suppressed: s.suppressed,
  history: s.history,
  hit_count: s.hits.length,
});

/** All passengers of a manifest in one statement. */
export async function insertPassengers(tx: Queryable, manifestId: string, rows: readonly { id: string; input: PassengerInput; screened: Screened }[], at: Date): Promise<void> {
  if (!rows.length) return;
  const data = rows.map(({ id, input: p, screened }) => ({
    id,
    seq: p.seq,
    source: p.source,
    role: p.role,
    surname: p.surname,
    given_names: p.givenNames,
    birth_date: p.birthDate,
    sex: p.sex,
    nationality: p.nationality,
    document_number: p.documentNumber,
    document_type: p.documentType,
    issuing_state: p.issuingState,
    expiry_date: p.expiryDate,
    ...screenedJson(screened),
  }));
  await tx.query(
    `INSERT INTO border_apis_passengers (id, manifest_id, seq, source, role, surname, given_names, birth_date, sex, nationality, document_number, document_type,
       issuing_state, expiry_date, person_id, person, hits, suppressed, history, hit_count, screened_at)
     SELECT x.id, $1, x.seq, x.source, x.role, x.surname, x.given_names, x.birth_date, x.sex, x.nationality, x.document_number, x.document_type,
       x.issuing_state, x.expiry_date, x.person_id, x.person, COALESCE(x.hits, '[]'), COALESCE(x.suppressed, '[]'), COALESCE(x.history, '[]'), x.hit_count, $3
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, seq int, source jsonb, role text, surname text, given_names text, birth_date text, sex text,
         nationality text, document_number text, document_type text, issuing_state text, expiry_date text, person_id uuid, person jsonb, hits jsonb,
         suppressed jsonb, history jsonb, hit_count int)`,
    [manifestId, JSON.stringify(data), at],
  );
}

/** A new screening result for the passengers of a manifest and the list versions it was made against. */
export async function updateScreening(tx: Queryable, manifestId: string, results: readonly { id: string; screened: Screened }[], versions: Record<string, number>, at: Date): Promise<void> {
  const data = results.map(({ id, screened }) => ({ id, ...screenedJson(screened) }));
  await tx.query(
    `UPDATE border_apis_passengers p SET person_id = x.person_id, person = x.person, hits = x.hits, suppressed = x.suppressed, history = x.history,
       hit_count = x.hit_count, screened_at = $3
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, person_id uuid, person jsonb, hits jsonb, suppressed jsonb, history jsonb, hit_count int)
      WHERE p.id = x.id AND p.manifest_id = $1`,
    [manifestId, JSON.stringify(data), at],
  );
  await tx.query(`UPDATE border_apis_manifests SET list_versions = $2, screened_at = $3 WHERE id = $1`, [manifestId, JSON.stringify(versions), at]);
}

export async function countsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, ManifestCounts>> {
  if (!ids.length) return new Map();
  const r = await db.query<{ manifest_id: string; passengers: string; with_hits: string; hits: string; adjudicated: string }>(
    `SELECT s.manifest_id, count(*) AS passengers, count(*) FILTER (WHERE s.hit_count > 0) AS with_hits, COALESCE(sum(s.hit_count), 0) AS hits,
            COALESCE(sum(s.adjudicated), 0) AS adjudicated
       FROM (SELECT p.manifest_id, p.hit_count, CASE WHEN p.hit_count > 0 THEN ${ADJUDICATED_HITS} ELSE 0 END AS adjudicated
               FROM border_apis_passengers p WHERE p.manifest_id = ANY($1::uuid[])) s
      GROUP BY s.manifest_id`,
    [ids],
  );
  return new Map(r.rows.map((x) => [x.manifest_id, { passengers: Number(x.passengers), withHits: Number(x.with_hits), hits: Number(x.hits), adjudicated: Number(x.adjudicated) }]));
}

/** Current (not superseded) manifests of a crossing point arriving in a date range, by scheduled arrival. */
export async function listManifests(db: Queryable, f: { crossingPoint: string; from: string; to: string; limit: number; offset: number }): Promise<{ rows: ManifestRow[]; total: number }> {
  const where = `m.crossing_point = $1 AND m.arrival_date BETWEEN $2 AND $3 AND m.superseded_by IS NULL`;
  const params = [f.crossingPoint, f.from, f.to];
  const total = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM border_apis_manifests m WHERE ${where}`, params)).rows[0]?.n ?? 0);
  const rows = (await db.query<ManifestRow>(`SELECT ${M_COLS} FROM border_apis_manifests m WHERE ${where} ORDER BY m.scheduled_arrival, m.flight_number LIMIT $4 OFFSET $5`, [...params, f.limit, f.offset])).rows;
  return { rows, total };
}

export async function passengersOf(db: Queryable, manifestId: string): Promise<PassengerRow[]> {
  return (await db.query<PassengerRow>(`SELECT ${P_COLS} FROM border_apis_passengers p WHERE p.manifest_id = $1 ORDER BY p.seq`, [manifestId])).rows;
}

export async function findPassenger(db: Queryable, id: string): Promise<(PassengerRow & { jurisdiction_path: string; crossing_point: string }) | undefined> {
  return (await db.query<PassengerRow & { jurisdiction_path: string; crossing_point: string }>(
    `SELECT ${P_COLS}, m.jurisdiction_path, m.crossing_point FROM border_apis_passengers p JOIN border_apis_manifests m ON m.id = p.manifest_id WHERE p.id = $1`,
    [id],
  )).rows[0];
}

/** Passengers with hits or earlier refusals/overstays on current manifests of a point arriving in a date range. */
export async function flaggedArrivals(db: Queryable, crossingPoint: string, from: string, to: string, limit: number): Promise<(PassengerRow & { flight_number: string; scheduled_arrival: string })[]> {
  return (await db.query<PassengerRow & { flight_number: string; scheduled_arrival: string }>(
    `SELECT ${P_COLS}, m.flight_number, m.scheduled_arrival FROM border_apis_passengers p JOIN border_apis_manifests m ON m.id = p.manifest_id
      WHERE m.crossing_point = $1 AND m.arrival_date BETWEEN $2 AND $3 AND m.superseded_by IS NULL
        AND (p.hit_count > 0 OR jsonb_array_length(p.history) > 0)
      ORDER BY m.scheduled_arrival, m.flight_number, p.seq LIMIT $4`,
    [crossingPoint, from, to, limit],
  )).rows;
}

/** The traveller with this document on a current manifest of the point arriving in the date range (latest arrival first). */
export async function findPreScreened(db: Queryable, crossingPoint: string, number: string, issuingState: string, from: string, to: string) {
  return (await db.query<PassengerRow & { flight_number: string; scheduled_arrival: string; carrier: string }>(
    `SELECT ${P_COLS}, m.flight_number, m.scheduled_arrival, m.carrier FROM border_apis_passengers p JOIN border_apis_manifests m ON m.id = p.manifest_id
      WHERE p.document_number = $2 AND p.issuing_state = $3 AND m.crossing_point = $1 AND m.arrival_date BETWEEN $4 AND $5 AND m.superseded_by IS NULL
      ORDER BY m.scheduled_arrival DESC LIMIT 1`,
    [crossingPoint, number, issuingState, from, to],
  )).rows[0];
}

/** Current manifests of a point arriving on or after a date (candidates for a re-screen). */
export async function upcomingManifests(db: Queryable, crossingPoint: string, from: string): Promise<ManifestRow[]> {
  return (await db.query<ManifestRow>(`SELECT ${M_COLS} FROM border_apis_manifests m WHERE m.crossing_point = $1 AND m.arrival_date >= $2 AND m.superseded_by IS NULL`, [crossingPoint, from])).rows;
}

export async function adjudicationsOf(db: Queryable, passengerIds: readonly string[]): Promise<AdjudicationRow[]> {
  if (!passengerIds.length) return [];
  return (await db.query<AdjudicationRow>(
    `SELECT id, passenger_id, entry_id, entry_version, outcome, reason, by_id, by_name, at FROM border_apis_adjudications WHERE passenger_id = ANY($1::uuid[]) ORDER BY at, id`,
    [passengerIds],
  )).rows;
}

export async function insertAdjudication(tx: Queryable, a: AdjudicationRow): Promise<void> {
  await tx.query(
    `INSERT INTO border_apis_adjudications (id, passenger_id, entry_id, entry_version, outcome, reason, by_id, by_name, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [a.id, a.passenger_id, a.entry_id, a.entry_version, a.outcome, a.reason, a.by_id, a.by_name, a.at],
  );
}
