import * as st from '@kamurj/domain/statistics';
import type { Db, Queryable } from '../../db/client.ts';
import { loadProfile } from '../../profiles/profile.ts';

/**
 * The statistics worker (ADR 0601): takes queued travellers in batches, re-derives their facts from
 * their current records (domain travellerFacts), and moves the count tables by subtracting the old
 * facts and adding the new ones, all in one transaction per batch. One worker at a time (advisory lock).
 */
export interface RefreshOptions {
  country: string;
  now: Date;
  /** Travellers per transaction. */
  batch?: number;
  /** Stop after this many batches (the server's interval keeps the rest for the next tick). */
  maxBatches?: number;
}

export interface RefreshResult {
  travellers: number;
  batches: number;
}

const LOCK_KEY = 601_0013;
const GRAIN_SQL = `CASE g.grain WHEN 'day' THEN f.day WHEN 'week' THEN f.week WHEN 'month' THEN f.month WHEN 'quarter' THEN f.quarter ELSE f.year END`;
const FLOW_DIMS = 'f.outcome, f.direction, f.crossing_point, f.citizenship, f.citizen_group, f.sex, f.age5, f.age_broad, f.transport, f.purpose';
const STOCK_DIMS = 'citizenship, sex, age5, age_broad, stay_status';

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

export const CROSSING_COLUMNS = `c.id, c.occurred_at, c.local_date, c.direction, c.crossing_point, c.jurisdiction_path, c.decision, c.person_id, c.document_number,
  c.nationality, c.transport->>'mode' AS transport, c.purpose, c.supersedes, c.stay->>'lastLawfulDay' AS last_lawful_day,
  EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id) AS superseded`;

async function loadTravellers(tx: Queryable, travellers: string[]) {
  const personIds = travellers.filter((t) => t.startsWith('p:')).map((t) => t.slice(2));
  const documents = travellers.filter((t) => t.startsWith('d:')).map((t) => t.slice(2));
  const crossings = (
    await tx.query<CrossingRow>(
      // Two index lookups (person, document); an OR of both would scan the table.
      `SELECT ${CROSSING_COLUMNS} FROM border_crossings c WHERE c.person_id = ANY($1::uuid[])
       UNION ALL
       SELECT ${CROSSING_COLUMNS} FROM border_crossings c WHERE c.person_id IS NULL AND c.document_number = ANY($2::text[])`,
      [personIds, documents],
    )
  ).rows;
  const persons = new Map(
    (await tx.query<{ id: string; sex: string | null; birth_date: string | null }>('SELECT id, sex, birth_date FROM persons WHERE id = ANY($1::uuid[])', [personIds])).rows.map((p) => [
      p.id,
      { sex: p.sex, birthDate: p.birth_date },
    ]),
  );
  return { crossings, persons };
}

/** Adds (sign 1) or removes (sign −1) the stored facts of these travellers from the count tables. */
async function applyCounts(tx: Queryable, travellers: string[], sign: 1 | -1): Promise<void> {
  await tx.query(
    `INSERT INTO stat_flow_counts (grain, period, outcome, direction, crossing_point, citizenship, citizen_group, sex, age5, age_broad, transport, purpose, n)
     SELECT g.grain, ${GRAIN_SQL}, ${FLOW_DIMS}, $2::bigint * count(*)
       FROM stat_flow_facts f CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter'), ('year')) AS g(grain)
      WHERE f.traveller = ANY($1::text[])
      GROUP BY g.grain, ${GRAIN_SQL}, ${FLOW_DIMS}
     ON CONFLICT (grain, outcome, direction, period, crossing_point, citizenship, citizen_group, sex, age5, age_broad, transport, purpose)
     DO UPDATE SET n = stat_flow_counts.n + EXCLUDED.n`,
    [travellers, sign],
  );
  await tx.query(
    `INSERT INTO stat_stock_deltas (day, ${STOCK_DIMS}, delta)
     SELECT day, ${STOCK_DIMS}, $2::bigint * sum(d) FROM (
       SELECT from_day AS day, ${STOCK_DIMS}, 1 AS d FROM stat_stock_segments WHERE traveller = ANY($1::text[])
       UNION ALL
       SELECT to_day, ${STOCK_DIMS}, -1 FROM stat_stock_segments WHERE traveller = ANY($1::text[]) AND to_day IS NOT NULL) x
      GROUP BY day, ${STOCK_DIMS}
     ON CONFLICT (day, ${STOCK_DIMS}) DO UPDATE SET delta = stat_stock_deltas.delta + EXCLUDED.delta`,
    [travellers, sign],
  );
}

async function rederive(tx: Queryable, travellers: string[], profile: { country: string; rule: st.UsualResidenceRule }): Promise<void> {
  const { crossings, persons } = await loadTravellers(tx, travellers);
  const byTraveller = new Map<string, CrossingRow[]>();
  for (const c of crossings) {
    const k = st.travellerKey({ personId: c.person_id, documentKey: c.document_number });
    byTraveller.set(k, [...(byTraveller.get(k) ?? []), c]);
  }
  const flows: Record<string, unknown>[] = [];
  const segments: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const traveller of travellers) {
    const rows = byTraveller.get(traveller) ?? [];
    const person = traveller.startsWith('p:') ? (persons.get(traveller.slice(2)) ?? null) : null;
    const facts = st.travellerFacts(st.currentOf(rows.map(toStatCrossing)), person, profile);
    for (const f of facts.flows) {
      flows.push({ crossing_id: f.crossingId, traveller, ...st.periodCodes(f.day), outcome: f.outcome, direction: f.direction, crossing_point: f.crossingPoint, citizenship: f.citizenship, citizen_group: f.citizenGroup, sex: f.sex, age5: f.age5, age_broad: f.ageBroad, transport: f.transport, purpose: f.purpose });
    }
    for (const s of facts.stock) segments.push({ traveller, from_day: s.from, to_day: s.to, citizenship: s.citizenship, sex: s.sex, age5: s.age5, age_broad: s.ageBroad, stay_status: s.stayStatus });
    for (const e of facts.migration) {
      events.push({ traveller, kind: e.kind, ...st.periodCodes(e.day), confirmed_on: e.confirmedOn, citizenship: e.citizenship, citizen_group: e.citizenGroup, sex: e.sex, age5: e.age5, age_broad: e.ageBroad });
    }
  }
  await applyCounts(tx, travellers, -1);
  for (const table of ['stat_flow_facts', 'stat_stock_segments', 'stat_migration_events']) await tx.query(`DELETE FROM ${table} WHERE traveller = ANY($1::text[])`, [travellers]);
  if (flows.length) {
    await tx.query(
      `INSERT INTO stat_flow_facts SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(crossing_id uuid, traveller text, day text, week text, month text, quarter text, year text,
         outcome text, direction text, crossing_point text, citizenship text, citizen_group text, sex text, age5 text, age_broad text, transport text, purpose text)`,
      [JSON.stringify(flows)],
    );
  }
  if (segments.length) {
    await tx.query(
      `INSERT INTO stat_stock_segments SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(traveller text, from_day text, to_day text, citizenship text, sex text, age5 text, age_broad text, stay_status text)`,
      [JSON.stringify(segments)],
    );
  }
  if (events.length) {
    await tx.query(
      `INSERT INTO stat_migration_events SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(traveller text, kind text, day text, week text, month text, quarter text, year text,
         confirmed_on text, citizenship text, citizen_group text, sex text, age5 text, age_broad text)`,
      [JSON.stringify(events)],
    );
  }
  await applyCounts(tx, travellers, 1);
  const points = new Map(crossings.map((c) => [c.crossing_point, c.jurisdiction_path]));
  if (points.size) {
    await tx.query(
      `INSERT INTO stat_points (code, jurisdiction_path) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (code) DO UPDATE SET jurisdiction_path = EXCLUDED.jurisdiction_path`,
      [[...points.keys()], [...points.values()]],
    );
  }
}

/** Empties the change queue (or `maxBatches` of it); callable directly in tests and tools. */
export async function refreshStatistics(db: Db, opts: RefreshOptions): Promise<RefreshResult> {
  const profile = statisticsProfile(opts.country);
  const batch = opts.batch ?? 500;
  let travellers = 0;
  let batches = 0;
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
      await tx.query('UPDATE stat_state SET refreshed_at = $1, travellers = travellers + $2 WHERE id = 1', [opts.now, names.length]);
      return names.length;
    });
    if (done === 0) break;
    travellers += done;
    batches++;
  }
  return { travellers, batches };
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
