import { DEFAULT_REFERENCE_DATE, populationStream, type SyntheticPerson } from '@kamurj/domain/population';
import type { Db } from '../db/client.ts';
import { audit } from '../modules/audit/index.ts';
import { prepareBatch, writeBatch, type BulkPerson, type PreparedBatch } from '../modules/persons/index.ts';
import type { CountryProfile } from '../profiles/profile.ts';
import { populationRecord } from './population-persons.ts';

/**
 * `kamurj seed --persons N [--seed S]`: a benchmark-size registry from the synthetic population generator
 * (ADR 0303). Persons are bulk-loaded in batches — one transaction and one audit row
 * (`persons.bulk_seed`) per batch — with the same rows the one-by-one path writes (record, derived
 * columns, history version 1, name keys, document numbers). Duplicate detection does not run here; the
 * generator's injected duplicates are found by `kamurj persons dedupe`.
 *
 * Ids are positional: `5eedSSSS-SSSS-8000-8000-NNNNNNNNNNNN` (S: the seed, N: the record's position),
 * so a batch's ids are a contiguous range, inserts append to the indexes, and a second run with the same
 * seed continues after the last record already loaded (same options → same records).
 */
export const BULK_BATCH_SIZE = 2000;
export const MAX_BULK_PERSONS = 5_000_000;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const seedHex = (seed: number) => hex(seed >>> 0, 8);

/** The id of the n-th (1-based) generated person of `seed`; `part` > 0 names an item of its record. */
export function seededPersonId(seed: number, n: number, part = 0): string {
  const s = seedHex(seed);
  return `5eed${s.slice(0, 4)}-${s.slice(4)}-8${hex(part, 3)}-8000-${hex(n, 12)}`;
}

const PARTS: Record<string, number> = { 'name:0': 1, 'name:1': 2, 'doc:0': 3, addr: 4 };

export interface BulkSeedOptions {
  count: number;
  seed: number;
  at?: Date;
  batchSize?: number;
  referenceDate?: string;
  /** Called after each committed batch with the number of persons loaded so far. */
  onProgress?: (loaded: number, total: number) => void;
}

export interface BulkSeedResult {
  requested: number;
  /** Already present from an earlier run with the same seed (skipped). */
  skipped: number;
  created: number;
  nameKeys: number;
  documentKeys: number;
  batches: number;
  seconds: number;
  /** Persons created per second. */
  rate: number;
  firstId: string;
  lastId: string;
}

function toBulk(p: SyntheticPerson, n: number, seed: number, profile: CountryProfile, refDate: Date): BulkPerson {
  const regions = profile.regions;
  const region = regions.length ? (regions[(n - 1) % regions.length]?.code ?? null) : null;
  const record = populationRecord(p, region, refDate, (part) => seededPersonId(seed, n, PARTS[part] ?? 15));
  return {
    id: seededPersonId(seed, n),
    record: profile.country === 'ARM' ? record : { ...record, addresses: [] },
    jurisdictionPath: region ? `${profile.country}.${region}` : null,
  };
}

export async function seedBulkPersons(db: Db, profile: CountryProfile, o: BulkSeedOptions): Promise<BulkSeedResult> {
  if (!Number.isInteger(o.count) || o.count < 1 || o.count > MAX_BULK_PERSONS) throw new RangeError(`count must be an integer in [1, ${MAX_BULK_PERSONS}]`);
  if (!Number.isSafeInteger(o.seed)) throw new RangeError('seed must be an integer');
  if (profile.country !== 'ARM' && profile.country !== 'KAZ') throw new RangeError(`the population generator has no data for ${profile.country}`);
  const at = o.at ?? new Date();
  const batchSize = o.batchSize ?? BULK_BATCH_SIZE;
  const referenceDate = o.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const refDate = new Date(`${referenceDate}T00:00:00Z`);
  const firstId = seededPersonId(o.seed, 1);
  const lastId = seededPersonId(o.seed, o.count);
  const done = (await db.query<{ id: string }>('SELECT id::text AS id FROM persons WHERE id BETWEEN $1 AND $2 ORDER BY id DESC LIMIT 1', [firstId, lastId])).rows[0];
  const skipped = done ? parseInt(done.id.slice(-12), 16) : 0;
  const result: BulkSeedResult = { requested: o.count, skipped, created: 0, nameKeys: 0, documentKeys: 0, batches: 0, seconds: 0, rate: 0, firstId, lastId };
  const origin = { auth: null, clientIp: null, requestId: null, at };
  const actor = { type: 'system' as const, id: null, name: 'seed' };
  const started = performance.now();

  // While one batch is written, the next is generated and prepared (PostgreSQL works in its own process).
  let inFlight: Promise<void> | null = null;
  const write = (batch: PreparedBatch, from: number, to: number, people: [string, string]) =>
    db.tx(async (tx) => {
      const counts = await writeBatch(tx, batch, { at, source: 'seed', actorId: null, actorName: 'seed', historyDetails: { source: 'population', seed: o.seed } });
      await audit(tx, origin, {
        action: 'persons.bulk_seed',
        purpose: 'administration',
        actor,
        details: { count: counts.persons, firstId: seededPersonId(o.seed, from), lastId: seededPersonId(o.seed, to), records: people, seed: o.seed },
      });
      result.created += counts.persons;
      result.nameKeys += counts.nameKeys;
      result.documentKeys += counts.documentKeys;
      result.batches++;
      o.onProgress?.(skipped + result.created, o.count);
    });

  let n = 0;
  let pending: BulkPerson[] = [];
  let names: [string, string] = ['', ''];
  const flush = async () => {
    if (!pending.length) return;
    const batch = prepareBatch(pending);
    const to = n;
    const from = n - pending.length + 1;
    const people = names;
    pending = [];
    if (inFlight) await inFlight;
    inFlight = write(batch, from, to, people);
    // Awaited before the next write; this only keeps a failure from counting as unhandled meanwhile.
    inFlight.catch(() => undefined);
  };
  for (const p of populationStream({ seed: o.seed, size: o.count, country: profile.country, referenceDate })) {
    n++;
    if (n <= skipped) continue;
    if (!pending.length) names = [p.id, p.id];
    names[1] = p.id;
    pending.push(toBulk(p, n, o.seed, profile, refDate));
    if (pending.length >= batchSize) await flush();
    // Let the batch in flight send its next statement (each waits for the previous one's answer).
    else if (inFlight && n % 100 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await flush();
  if (inFlight) await inFlight;
  // Statistics for the planner, and the visibility map for index-only scans of the search keys.
  await db.query('VACUUM ANALYZE persons, person_name_keys, person_document_keys').catch(() => db.query('ANALYZE persons, person_name_keys, person_document_keys'));
  result.seconds = (performance.now() - started) / 1000;
  result.rate = result.seconds > 0 ? Math.round(result.created / result.seconds) : 0;
  return result;
}
