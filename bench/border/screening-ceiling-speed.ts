/**
 * The screening thread's person entries with and without the score ceiling and the walk by birth year
 * (ADR 0524), on the border pipeline's own data: the 100,000 person entries of its scratch database and
 * travellers drawn from its registry (names as registered, birth date, sex, nationality, documents), as a
 * border post screens a known traveller. Build the database first with `npx tsx bench/border/pipeline.ts --build-only`.
 *   - baseline: every candidate of the index in force on the date has its names compared (the matcher's
 *     quick score, then the explained one for a hit), as screening did before;
 *   - ceiling: a candidate whose birth date, sex and nationality keep it below the threshold is skipped
 *     first (scoreCeiling), the index still walking every entry form;
 *   - by year: the index walks only the entries born within reach of the traveller's year or of unknown
 *     year (formRuns), then the ceiling, as screenTraveller does now;
 *   - screenTraveller itself (persons and documents), whose person hits must equal the loops'.
 * The four alternate over the same travellers for --rounds rounds; the figure is the median round. The
 * baseline walks every form by hiding the traveller's birth date from the index only.
 *
 *   npx tsx bench/border/screening-ceiling-speed.ts [--travellers 2000] [--rounds 5]
 *
 * Writes bench/results/border-screening-ceiling-speed.{json,md}. Nothing here asserts on time.
 */
import {
  DEFAULT_SCREENING_CONFIG,
  prepareList,
  prepareTraveller,
  screenTraveller,
  thresholdFor,
  type PreparedList,
  type PreparedTraveller,
} from '../../packages/domain/src/border/index.ts';
import { entryInForce } from '../../packages/domain/src/border/lists/entries.ts';
import { personCandidates } from '../../packages/domain/src/border/screening/candidates.ts';
import { parsePartialDate, scoreCeiling, scorePrepared } from '../../packages/domain/src/names/index.ts';
import * as P from '../../packages/domain/src/persons/index.ts';
import { openDb } from '../../packages/server/src/db/client.ts';
import { LIST_IDS } from '../../packages/server/src/modules/border/settings.ts';
import { activeEntries, toDomainEntry } from '../../packages/server/src/modules/border/lists-repository.ts';
import { argNumber, machine, writeResults } from '../linkage/common.ts';

const TRAVELLERS = argNumber('--travellers', 2000);
const ROUNDS = argNumber('--rounds', 5);
const DATABASE = 'kamurj_bench_border_1000000_10000000';
const DATE = '2026-11-24';
const config = DEFAULT_SCREENING_CONFIG;

/** The person entries' part of screening: hits as `entryId:score`, and how many entries had their names compared. */
function personPart(t: PreparedTraveller, lists: readonly PreparedList[], ceiling: boolean, byYear: boolean): { hits: string[]; scored: number } {
  const hits: string[] = [];
  let scored = 0;
  // Without the traveller's birth date the index walks every entry form, as before ADR 0524.
  const walked = byYear ? t.record : { ...t.record, birthDate: undefined };
  for (const list of lists) {
    let minThreshold = 1;
    for (const id of list.listIds) minThreshold = Math.min(minThreshold, thresholdFor(config, id, 'watchlist'), thresholdFor(config, id, 'entry_ban'));
    const candidates = personCandidates(list, walked, minThreshold) ?? new Set<number>();
    for (const pos of [...candidates].sort((a, b) => a - b)) {
      const p = list.persons[pos];
      if (!p || !entryInForce(p.entry, DATE)) continue;
      const threshold = thresholdFor(config, p.entry.listId, p.entry.kind);
      if (ceiling && scoreCeiling(t.record, p.record) < threshold) continue;
      scored++;
      const quick = scorePrepared(t.record, p.record, { threshold, explain: false });
      if (!quick.match) continue;
      if (scorePrepared(t.record, p.record, { threshold, explain: true }).explanation) hits.push(`${p.entry.id}:${quick.score}`);
    }
  }
  return { hits: hits.sort(), scored };
}

async function main(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres');
  base.pathname = `/${DATABASE}`;
  const db = await openDb({ databaseUrl: base.toString(), poolSize: 2 });
  try {
    const lists: PreparedList[] = [];
    for (const listId of Object.values(LIST_IDS)) lists.push(prepareList((await activeEntries(db, listId)).map(toDomainEntry)));
    const entries = lists.reduce((n, l) => n + l.persons.length, 0);
    // Registry persons in a fixed sample (the same every run on the same database).
    const rows = (await db.query<{ record: P.PersonData }>('SELECT record FROM persons TABLESAMPLE SYSTEM (1) REPEATABLE (524) WHERE merged_into IS NULL LIMIT $1', [TRAVELLERS])).rows;
    const travellers = rows.map(({ record }) => {
      const names = record.names.map((n) => P.fullName(n)).filter(Boolean);
      const birth = record.birthDate ? parsePartialDate(record.birthDate) : null;
      const nationality = record.citizenships.find((c) => c.kind === 'country')?.code;
      return prepareTraveller({
        name: names[0] ?? '',
        otherNames: names.slice(1),
        ...(birth ? { birthDate: birth } : {}),
        ...(record.sex === 'M' || record.sex === 'F' ? { sex: record.sex } : {}),
        ...(nationality ? { nationality } : {}),
        documents: record.documents.map((d) => ({ number: d.number, issuingState: d.issuingState })),
      });
    });
    // The same hits three ways, traveller by traveller.
    let disagreements = 0;
    let scoredBefore = 0;
    let scoredAfter = 0;
    let hits = 0;
    const candidates = { all: 0, byYear: 0 };
    for (const t of travellers) {
      const before = personPart(t, lists, false, false);
      const ceiling = personPart(t, lists, true, false);
      const after = personPart(t, lists, true, true);
      const product = screenTraveller(t, lists, { date: DATE, config }).hits.filter((h) => h.document === undefined).map((h) => `${h.entryId}:${h.score}`).sort();
      if (before.hits.join() !== ceiling.hits.join() || ceiling.hits.join() !== after.hits.join() || after.hits.join() !== product.join()) disagreements++;
      scoredBefore += before.scored;
      scoredAfter += after.scored;
      hits += after.hits.length;
      for (const list of lists) {
        candidates.all += personCandidates(list, { ...t.record, birthDate: undefined }, 0.75)?.size ?? 0;
        candidates.byYear += personCandidates(list, t.record, 0.75)?.size ?? 0;
      }
    }
    const ways = {
      baseline: () => travellers.reduce((n, t) => n + personPart(t, lists, false, false).scored, 0),
      ceiling: () => travellers.reduce((n, t) => n + personPart(t, lists, true, false).scored, 0),
      byYear: () => travellers.reduce((n, t) => n + personPart(t, lists, true, true).scored, 0),
      screenTraveller: () => travellers.reduce((n, t) => n + screenTraveller(t, lists, { date: DATE, config }).scored, 0),
    };
    const rounds: Record<keyof typeof ways, number[]> = { baseline: [], ceiling: [], byYear: [], screenTraveller: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, run] of Object.entries(ways) as [keyof typeof ways, () => number][]) {
        const t0 = performance.now();
        run();
        rounds[name].push(((performance.now() - t0) * 1000) / travellers.length);
      }
    }
    const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
    const us = { baseline: median(rounds.baseline), ceiling: median(rounds.ceiling), byYear: median(rounds.byYear), screenTraveller: median(rounds.screenTraveller) };
    const per = (n: number) => Math.round((n / travellers.length) * 10) / 10;
    const report = { date: new Date().toISOString(), machine: machine(), database: DATABASE, entries, travellers: travellers.length, rounds: ROUNDS, disagreements, candidatesPerTraveller: { all: per(candidates.all), byYear: per(candidates.byYear) }, scoredPerTraveller: { baseline: per(scoredBefore), ceiling: per(scoredAfter) }, personHitsPerTraveller: per(hits), microsecondsPerTraveller: us, roundsMicroseconds: rounds };
    const times = (x: number) => Math.round((us.baseline / x) * 10) / 10;
    const md = [
      '# Screening a known traveller: person entries with and without the score ceiling and the walk by birth year',
      '',
      `Run ${report.date} on ${report.machine.cpu} (${report.machine.cores} cores), Node ${report.machine.node}, one core.`,
      `Command: \`npx tsx bench/border/screening-ceiling-speed.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}\`.`,
      `Data: the border pipeline's scratch database \`${DATABASE}\` (${entries.toLocaleString('en-US')} person entries prepared as the screening thread holds them), ${travellers.length.toLocaleString('en-US')} travellers drawn from its registry, screening date ${DATE}, the default thresholds (0.75).`,
      `The four ways gave the same person hits for ${travellers.length - disagreements} of ${travellers.length} travellers (${disagreements} disagreements).`,
      `Candidates of the index per traveller: ${report.candidatesPerTraveller.all} walking every entry form, ${report.candidatesPerTraveller.byYear} walking the entries born within a year of the traveller's or of unknown year.`,
      '',
      '| Way | µs per traveller (median of rounds) | Entries whose names were compared | × baseline |',
      '|---|---:|---:|---:|',
      `| baseline: every entry form walked, every candidate in force compared | ${us.baseline} | ${report.scoredPerTraveller.baseline} | 1 |`,
      `| ceiling first (scoreCeiling, ADR 0524) | ${us.ceiling} | ${report.scoredPerTraveller.ceiling} | ${times(us.ceiling)} |`,
      `| ceiling, and the walk by birth year (ADR 0524) | ${us.byYear} | ${report.scoredPerTraveller.ceiling} | ${times(us.byYear)} |`,
      `| screenTraveller (persons and documents) | ${us.screenTraveller} | ${report.scoredPerTraveller.ceiling} | ${times(us.screenTraveller)} |`,
      '',
      `Person hits per traveller: ${report.personHitsPerTraveller}. Rounds (µs per traveller): ${(Object.keys(rounds) as (keyof typeof rounds)[]).map((k) => `${k} ${rounds[k].map((x) => Math.round(x)).join(', ')}`).join('; ')}.`,
    ].join('\n');
    writeResults('border-screening-ceiling-speed', report, md);
    console.log(md);
  } finally {
    await db.close();
  }
}

await main();
