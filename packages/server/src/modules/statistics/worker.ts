import * as st from '@kamurj/domain/statistics';
import type { Db, Queryable } from '../../db/client.ts';
import { loadProfile } from '../../profiles/profile.ts';
import { applyAggregates, checkpointRange, extendCheckpoints, startCheckpoints } from './aggregates.ts';

/**
 * The statistics worker (ADR 0601): takes queued travellers in batches, re-derives their facts from
 * their current records (domain travellerFacts), and moves the summary tables by subtracting the old
 * facts and adding the new ones, all in one transaction per batch. A first load or a large backlog takes
 * the bulk path instead (`rebuildStatistics`, ADR 0601 Scale): the same facts for every traveller in big
 * batches, then the same summary SQL over all of them. One worker at a time (advisory lock).
 */
export interface RefreshOptions {
  country: string;
  now: Date;
  /** Travellers per transaction. */
  batch?: number;
  /** Stop after this many batches (the server's interval keeps the rest for the next tick). */
  maxBatches?: number;
  /** A queue of at least this many rows is answered by a bulk build instead (default 50,000; 0: never). */
  bulkThreshold?: number;
}

export interface RefreshResult {
  travellers: number;
  batches: number;
  /** Whether the backlog was answered by a bulk build. */
  bulk: boolean;
}

const LOCK_KEY = 601_0013;

interface CrossingRow {
  id: string;
  occurred_at: Date;
  local_date: string;
  direction: 'entry' | 'exit';
  crossing_point: string;
  jurisdiction_path: string;
  decision: 'admit' | 'refuse' | 'second_line';
  person_id: string | null;
  document_number: string;
  nationality: string | null;
  transport: string | null;
  purpose: string | null;
  supersedes: string | null;
  last_lawful_day: string | null;
  superseded: boolean;
}

const profiles = new Map<string, { country: string; rule: st.UsualResidenceRule }>();
export function statisticsProfile(country: string) {
  let p = profiles.get(country);
  if (!p) {
    const profile = loadProfile(country);
    p = { country: profile.country, rule: profile.legal.usualResidence };
    profiles.set(country, p);
  }
  return p;
}

export const toStatCrossing = (r: CrossingRow): st.StatCrossing & { superseded: boolean } => ({
  id: r.id,
  occurredAt: r.occurred_at.toISOString(),
  localDate: r.local_date,
  direction: r.direction,
  crossingPoint: r.crossing_point,
  decision: r.decision,
  personId: r.person_id,
  documentKey: r.document_number,
  nationality: r.nationality,
  transport: r.transport,
  purpose: r.purpose,
  supersedes: r.supersedes,
  lastLawfulDay: r.last_lawful_day,
  superseded: r.superseded,
});

const RECORD_COLUMNS = `c.id, c.occurred_at, c.local_date, c.direction, c.crossing_point, c.jurisdiction_path, c.decision, c.person_id, c.document_number,
  c.nationality, c.transport->>'mode' AS transport, c.purpose, c.supersedes, c.stay->>'lastLawfulDay' AS last_lawful_day`;
/** A crossing as the statistics read it, with whether a later record supersedes it (whole-table reads). */
export const CROSSING_COLUMNS = `${RECORD_COLUMNS}, EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id) AS superseded`;

async function loadTravellers(tx: Queryable, travellers: string[]) {
  const personIds = travellers.filter((t) => t.startsWith('p:')).map((t) => t.slice(2));
  const documents = travellers.filter((t) => t.startsWith('d:')).map((t) => t.slice(2));
  const records = (
    await tx.query<Omit<CrossingRow, 'superseded'>>(
      // Two index lookups (person, document); an OR of both would scan the table.
      `SELECT ${RECORD_COLUMNS} FROM border_crossings c WHERE c.person_id = ANY($1::uuid[])
       UNION ALL
       SELECT ${RECORD_COLUMNS} FROM border_crossings c WHERE c.person_id IS NULL AND c.document_number = ANY($2::text[])`,
      [personIds, documents],
    )
  ).rows;
  // Which of them a later record supersedes: one probe of the supersedes index per record (a correlated
  // EXISTS lets the planner hash the whole column instead).
  const superseded = new Set(
    (await tx.query<{ id: string }>('SELECT supersedes AS id FROM border_crossings WHERE supersedes = ANY($1::uuid[])', [records.map((r) => r.id)])).rows.map((r) => r.id),
  );
  const crossings: CrossingRow[] = records.map((r) => ({ ...r, superseded: superseded.has(r.id) }));
  const persons = new Map(
    (await tx.query<{ id: string; sex: string | null; birth_date: string | null }>('SELECT id, sex, birth_date FROM persons WHERE id = ANY($1::uuid[])', [personIds])).rows.map((p) => [
      p.id,
      { sex: p.sex, birthDate: p.birth_date },
    ]),
  );
  return { crossings, persons };
}

/** Columns of the fact tables, in insert order, with their SQL array types. */
const FLOW_COLUMNS = [
  ['crossing_id', 'uuid'], ['traveller', 'text'], ['day', 'text'], ['week', 'text'], ['month', 'text'], ['quarter', 'text'], ['year', 'text'], ['outcome', 'text'],
  ['direction', 'text'], ['crossing_point', 'text'], ['citizenship', 'text'], ['citizen_group', 'text'], ['sex', 'text'], ['age5', 'text'], ['age_broad', 'text'],
  ['transport', 'text'], ['purpose', 'text'], ['firsts', 'bigint'],
] as const;
const SEGMENT_COLUMNS = [['traveller', 'text'], ['from_day', 'text'], ['to_day', 'text'], ['citizenship', 'text'], ['sex', 'text'], ['age5', 'text'], ['age_broad', 'text'], ['stay_status', 'text']] as const;
const EVENT_COLUMNS = [
  ['traveller', 'text'], ['kind', 'text'], ['day', 'text'], ['week', 'text'], ['month', 'text'], ['quarter', 'text'], ['year', 'text'], ['confirmed_on', 'text'],
  ['citizenship', 'text'], ['citizen_group', 'text'], ['sex', 'text'], ['age5', 'text'], ['age_broad', 'text'],
] as const;

type Columns = readonly (readonly [string, string])[];

/** Rows kept column by column: one multi-row INSERT … SELECT FROM unnest(…) per table and batch. */
class ColumnBatch {
  readonly values: unknown[][];
  constructor(readonly table: string, readonly columns: Columns) {
    this.values = columns.map(() => []);
  }
  push(row: readonly unknown[]): void {
    row.forEach((v, i) => this.values[i]!.push(v));
  }
  get size(): number {
    return this.values[0]!.length;
  }
  /** `fresh`: written next to the traveller's old facts by the worker (see applyAggregates). */
  async insert(tx: Queryable, fresh: boolean): Promise<void> {
    if (!this.size) return;
    const names = this.columns.map(([c]) => c).join(', ');
    const arrays = this.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    await tx.query(`INSERT INTO ${this.table} (${names}, fresh) SELECT *, ${fresh} FROM unnest(${arrays})`, this.values);
  }
}

interface DerivedFacts {
  flows: ColumnBatch;
  segments: ColumnBatch;
  events: ColumnBatch;
  points: Map<string, string>;
}

/** The facts of these travellers from their records (pure domain travellerFacts), ready to insert. */
function derive(travellers: readonly string[], loaded: Awaited<ReturnType<typeof loadTravellers>>, profile: { country: string; rule: st.UsualResidenceRule }): DerivedFacts {
  const { crossings, persons } = loaded;
  const byTraveller = new Map<string, CrossingRow[]>();
  for (const c of crossings) {
    const k = st.travellerKey({ personId: c.person_id, documentKey: c.document_number });
    const list = byTraveller.get(k);
    if (list) list.push(c);
    else byTraveller.set(k, [c]);
  }
  const out: DerivedFacts = {
    flows: new ColumnBatch('stat_flow_facts', FLOW_COLUMNS),
    segments: new ColumnBatch('stat_stock_segments', SEGMENT_COLUMNS),
    events: new ColumnBatch('stat_migration_events', EVENT_COLUMNS),
    points: new Map(crossings.map((c) => [c.crossing_point, c.jurisdiction_path])),
  };
  for (const traveller of travellers) {
    const rows = byTraveller.get(traveller) ?? [];
    const person = traveller.startsWith('p:') ? (persons.get(traveller.slice(2)) ?? null) : null;
    const facts = st.travellerFacts(st.currentOf(rows.map(toStatCrossing)), person, profile);
    const firsts = st.firstFlags(facts.flows);
    facts.flows.forEach((f, i) => {
      const p = st.periodCodes(f.day);
      out.flows.push([f.crossingId, traveller, p.day, p.week, p.month, p.quarter, p.year, f.outcome, f.direction, f.crossingPoint, f.citizenship, f.citizenGroup, f.sex, f.age5, f.ageBroad, f.transport, f.purpose, firsts[i]!.toString()]);
    });
    for (const s of facts.stock) out.segments.push([traveller, s.from, s.to, s.citizenship, s.sex, s.age5, s.ageBroad, s.stayStatus]);
    for (const e of facts.migration) {
      const p = st.periodCodes(e.day);
      out.events.push([traveller, e.kind, p.day, p.week, p.month, p.quarter, p.year, e.confirmedOn, e.citizenship, e.citizenGroup, e.sex, e.age5, e.ageBroad]);
    }
  }
  return out;
}

async function writeFacts(tx: Queryable, facts: DerivedFacts, fresh: boolean): Promise<void> {
  await facts.flows.insert(tx, fresh);
  await facts.segments.insert(tx, fresh);
  await facts.events.insert(tx, fresh);
  if (facts.points.size) {
    await tx.query(
      `INSERT INTO stat_points (code, jurisdiction_path) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (code) DO UPDATE SET jurisdiction_path = EXCLUDED.jurisdiction_path`,
      [[...facts.points.keys()], [...facts.points.values()]],
    );
  }
}

/**
 * Incremental path: the travellers' new facts are written next to their old ones, every summary table
 * moves by the difference (new +1, old −1, unchanged cells untouched), then the old facts go.
 */
async function rederive(tx: Queryable, travellers: string[], profile: { country: string; rule: st.UsualResidenceRule }): Promise<void> {
  const facts = derive(travellers, await loadTravellers(tx, travellers), profile);
  await writeFacts(tx, facts, true);
  await applyAggregates(tx, { travellers }, await checkpointRange(tx));
  for (const table of ['stat_flow_facts', 'stat_stock_segments', 'stat_migration_events']) {
    await tx.query(`DELETE FROM ${table} WHERE traveller = ANY($1::text[]) AND NOT fresh`, [travellers]);
    await tx.query(`UPDATE ${table} SET fresh = false WHERE traveller = ANY($1::text[])`, [travellers]);
  }
}

const FACT_TABLES = ['stat_flow_facts', 'stat_stock_segments', 'stat_migration_events', 'stat_flow_cuboids', 'stat_stock_deltas', 'stat_stock_checkpoints', 'stat_migration_counts', 'stat_points'];

export interface BuildResult {
  travellers: number;
  flows: number;
  seconds: Record<'facts' | 'aggregates', number>;
}

/** Month (YYYY-MM) of an instant's UTC date. */
const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/**
 * Bulk build (first load, large backlog): every traveller's facts derived in big batches and written
 * with multi-row inserts, then each summary table by one GROUP BY over the facts, stock checkpoints
 * from the first recorded month to `now`, all in one transaction (readers see the old figures until it
 * commits). Queue rows that existed when it started are answered by it.
 */
export async function rebuildStatistics(db: Db, opts: RefreshOptions & { chunk?: number }): Promise<BuildResult> {
  const profile = statisticsProfile(opts.country);
  const chunk = opts.chunk ?? 20_000;
  return db.tx(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const t0 = performance.now();
    const queued = (await tx.query<{ max: string | null }>('SELECT max(id)::text AS max FROM stat_queue')).rows[0]?.max ?? null;
    for (const table of FACT_TABLES) await tx.query(`DELETE FROM ${table}`);
    let travellers = 0;
    let flows = 0;
    const batch = async (names: string[]) => {
      const facts = derive(names, await loadTravellers(tx, names), profile);
      flows += facts.flows.size;
      travellers += names.length;
      await writeFacts(tx, facts, false);
    };
    // Matched travellers by person id (index order, keyset pages), then unmatched documents.
    let last: string | null = null;
    for (;;) {
      const ids: string[] = (
        await tx.query<{ id: string }>(
          `SELECT DISTINCT person_id AS id FROM border_crossings WHERE person_id IS NOT NULL ${last ? 'AND person_id > $2::uuid' : ''} ORDER BY person_id LIMIT $1`,
          last ? [chunk, last] : [chunk],
        )
      ).rows.map((r) => r.id);
      if (!ids.length) break;
      await batch(ids.map((id) => `p:${id}`));
      last = ids.at(-1)!;
    }
    const documents = (await tx.query<{ d: string }>('SELECT DISTINCT document_number AS d FROM border_crossings WHERE person_id IS NULL ORDER BY 1')).rows.map((r) => `d:${r.d}`);
    for (let i = 0; i < documents.length; i += chunk) await batch(documents.slice(i, i + chunk));
    const t1 = performance.now();
    if (db.kind === 'postgres') await tx.query("SET LOCAL work_mem = '256MB'");
    await applyAggregates(tx, 'all', null);
    await startCheckpoints(tx, monthOf(opts.now));
    if (queued !== null) await tx.query('DELETE FROM stat_queue WHERE id <= $1::bigint', [queued]);
    await tx.query('UPDATE stat_state SET refreshed_at = $1, built_at = $1, travellers = travellers + $2 WHERE id = 1', [opts.now, travellers]);
    return { travellers, flows, seconds: { facts: round((t1 - t0) / 1000), aggregates: round((performance.now() - t1) / 1000) } };
  });
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * Empties the change queue (or `maxBatches` of it); callable directly in tests and tools. A backlog of
 * `bulkThreshold` queued rows or more (first load, a large import) is answered by one bulk build.
 * Stock checkpoints are carried forward to the current month.
 */
export async function refreshStatistics(db: Db, opts: RefreshOptions): Promise<RefreshResult> {
  const profile = statisticsProfile(opts.country);
  const batch = opts.batch ?? 500;
  const threshold = opts.bulkThreshold ?? 50_000;
  if (threshold > 0) {
    const backlog = Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM (SELECT 1 FROM stat_queue LIMIT $1) q', [threshold])).rows[0]!.n);
    if (backlog >= threshold) {
      const r = await rebuildStatistics(db, opts);
      return { travellers: r.travellers, batches: 1, bulk: true };
    }
  }
  let travellers = 0;
  let batches = 0;
  const month = opts.now.toISOString().slice(0, 7);
  while (opts.maxBatches === undefined || batches < opts.maxBatches) {
    const done = await db.tx(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const oldest = (await tx.query<{ traveller: string }>('SELECT traveller FROM stat_queue ORDER BY id LIMIT $1', [batch])).rows;
      const names = [...new Set(oldest.map((q) => q.traveller))];
      if (names.length) {
        // Every queued row of these travellers, taken before their records are read: one re-derivation
        // answers them all; rows queued after this point stay for the next batch.
        const ids = (await tx.query<{ id: string }>('SELECT id FROM stat_queue WHERE traveller = ANY($1::text[])', [names])).rows.map((r) => r.id);
        await rederive(tx, names, profile);
        await tx.query('DELETE FROM stat_queue WHERE id = ANY($1::bigint[])', [ids]);
      }
      // After the batch, so that a first range starts at the first month of the facts just written.
      await extendCheckpoints(tx, month);
      await tx.query('UPDATE stat_state SET refreshed_at = $1, travellers = travellers + $2 WHERE id = 1', [opts.now, names.length]);
      return names.length;
    });
    if (done === 0) break;
    travellers += done;
    batches++;
  }
  return { travellers, batches, bulk: false };
}

/** Runs the worker on an interval (well under the 60-second freshness target); returns a stop function. */
export function startStatisticsWorker(db: Db, opts: { country: string; now: () => Date; intervalMs?: number; onError?: (e: unknown) => void }): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = refreshStatistics(db, { country: opts.country, now: opts.now(), maxBatches: 200 })
      .catch((e) => opts.onError?.(e))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, opts.intervalMs ?? 10_000);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
