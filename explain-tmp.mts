import pg from 'pg';
import * as P from './packages/domain/src/persons/index.ts';
import { birthDatesReaching } from './packages/domain/src/names/match/weights.ts';
const c = new pg.Client({ host: '127.0.0.1', database: 'kamurj_bench_border_1000000_10000000', user: 'postgres' });
await c.connect();
const rows = (await c.query("select record from persons where birth_date is not null and length(birth_date)=10 order by random() limit 3")).rows;
for (const { record } of rows) {
  const keys = P.matchKeys(record); const year = Number(record.birthDate.slice(0, 4));
  const dates = birthDatesReaching(0.9, record.birthDate);
  console.log(keys.length, 'keys', keys.slice(0, 12), dates.length, 'dates');
  const sql = `EXPLAIN (ANALYZE, BUFFERS) SELECT h.person_id AS id, p.version FROM (
    SELECT person_id, 1 AS w FROM person_name_keys WHERE key = ANY($1::text[]) AND birth_date = ANY($6::text[])
           UNION ALL SELECT person_id, 1 AS w FROM person_name_keys WHERE key = ANY($1::text[]) AND length(birth_date) < 10 AND birth_year BETWEEN $4::int - $5::int AND $4::int + $5::int
           UNION ALL SELECT person_id, 1 AS w FROM person_name_keys WHERE key = ANY($1::text[]) AND birth_year IS NULL
        UNION ALL SELECT person_id, 10 AS w FROM person_document_keys WHERE number = ANY($2::text[])
     ) h JOIN persons p ON p.id = h.person_id
     WHERE p.merged_into IS NULL AND h.person_id <> $3
     GROUP BY h.person_id, p.version ORDER BY sum(h.w) DESC, h.person_id LIMIT 200`;
  const r = await c.query(sql, [keys, ['X'], '00000000-0000-0000-0000-000000000000', year, 1, dates]);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
}
await c.end();
