/**
 * The PostgreSQL baseline: what a PostgreSQL shop would use for person matching — pg_trgm similarity on
 * unaccented lower-case names at the default threshold 0.3 (`%`), optionally with an equal birth date,
 * and fuzzystrmatch's dmetaphone codes. Scores pairs and clusters records (connected components).
 */
import type pg from 'pg';
import type { BenchRecord } from './common.ts';

export const PAIR_BASELINES = ['pg_trgm ≥ 0.3 (name)', 'pg_trgm ≥ 0.3 + same birth date', 'dmetaphone(given) = and dmetaphone(surname) ='] as const;

/** For each pair, whether each baseline calls it a match (in PAIR_BASELINES order). */
export async function baselinePairs(client: pg.Client, pairs: readonly (readonly [BenchRecord, BenchRecord])[]): Promise<boolean[][]> {
  await client.query('DROP TABLE IF EXISTS pairs');
  await client.query('CREATE TABLE pairs (k int, ag text, asur text, adob text, bg text, bsur text, bdob text)');
  for (let i = 0; i < pairs.length; i += 5000) {
    const batch = pairs.slice(i, i + 5000);
    await client.query('INSERT INTO pairs SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])', [
      batch.map((_, j) => i + j),
      batch.map(([a]) => a.given),
      batch.map(([a]) => a.surname),
      batch.map(([a]) => a.dob),
      batch.map(([, b]) => b.given),
      batch.map(([, b]) => b.surname),
      batch.map(([, b]) => b.dob),
    ]);
  }
  const { rows } = await client.query(`
    SELECT k,
      similarity(unaccent(lower(trim(ag || ' ' || asur))), unaccent(lower(trim(bg || ' ' || bsur)))) >= 0.3 AS trgm,
      similarity(unaccent(lower(trim(ag || ' ' || asur))), unaccent(lower(trim(bg || ' ' || bsur)))) >= 0.3
        AND (adob = '' OR bdob = '' OR adob = bdob) AS trgm_dob,
      dmetaphone(asur) = dmetaphone(bsur) AND dmetaphone(ag) = dmetaphone(bg) AS dm
    FROM pairs ORDER BY k`);
  return (rows as { trgm: boolean; trgm_dob: boolean; dm: boolean }[]).map((r) => [r.trgm, r.trgm_dob, !!r.dm]);
}

export const CLUSTER_BASELINES = ['pg_trgm % (0.3) + same birth date', 'dmetaphone given + surname + birth year'] as const;

/**
 * Matching pairs of the clustering baselines over table `people` (see loadPeople), each an indexed join:
 * a GIN trigram index for `%`, a B-tree on the phonetic codes. Returns the pairs and the seconds taken.
 */
export async function baselineClusterPairs(client: pg.Client): Promise<{ name: string; pairs: [string, string][]; seconds: number }[]> {
  const out: { name: string; pairs: [string, string][]; seconds: number }[] = [];
  let t = performance.now();
  await client.query(`ALTER TABLE people ADD COLUMN norm text`);
  await client.query(`UPDATE people SET norm = unaccent(lower(name))`);
  await client.query(`CREATE INDEX people_norm_trgm ON people USING gin (norm gin_trgm_ops)`);
  await client.query('ANALYZE people');
  const trgm = await client.query(`SELECT a.id AS a, b.id AS b FROM people a JOIN people b ON a.norm % b.norm AND a.id < b.id AND a.dob = b.dob AND a.dob <> ''`);
  out.push({ name: CLUSTER_BASELINES[0], pairs: (trgm.rows as { a: string; b: string }[]).map((r) => [r.a, r.b]), seconds: (performance.now() - t) / 1000 });
  t = performance.now();
  await client.query(`ALTER TABLE people ADD COLUMN dm text`);
  await client.query(`UPDATE people SET dm = dmetaphone(given) || '|' || dmetaphone(surname) || '|' || year`);
  await client.query(`CREATE INDEX people_dm ON people (dm)`);
  const dm = await client.query(`SELECT a.id AS a, b.id AS b FROM people a JOIN people b ON a.dm = b.dm AND a.id < b.id AND a.year <> ''`);
  out.push({ name: CLUSTER_BASELINES[1], pairs: (dm.rows as { a: string; b: string }[]).map((r) => [r.a, r.b]), seconds: (performance.now() - t) / 1000 });
  return out;
}
