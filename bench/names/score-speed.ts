/**
 * Pair-scoring speed of the names matcher, against a baseline measured in the same run.
 *
 *   npx tsx bench/names/score-speed.ts [--pairs N] [--seconds S]
 *
 * Generates person records from Armenian, Russian, Georgian and Central Asian names written in several
 * scripts and romanizations (deterministic PRNG), prepares them once, then scores random pairs:
 * - matcher: scorePrepared without explanation (the candidate-scoring path) and with explanation;
 * - baseline: plain Levenshtein ratio over the two Latin strings (the cheapest sensible comparison).
 * It also times preparing the records' words: prepareToken, which keeps each word's preparation (ADR 0520),
 * against prepareTokenNow, the same preparation done again each time (the baseline of that table).
 * Target: >= 100,000 pair scores per second per core. Writes bench/results/names-score-speed.{json,md}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  foldLatin,
  levenshteinRatio,
  prepareRecord,
  scorePrepared,
  transliterate,
  type PersonRecord,
  type PreparedRecord,
} from '../../packages/domain/src/names/index.ts';
import { prepareToken, prepareTokenNow, tokenizeName } from '../../packages/domain/src/names/match/tokens.ts';
import { timeLoop } from '../linkage/common.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const PAIRS = arg('--pairs', 200_000);
const SECONDS = arg('--seconds', 1.5);
const TARGET = 100_000;

/** Mulberry32: small deterministic PRNG so every run scores the same pairs. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20_240_601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const SURNAMES = ['Հովհաննիսյան', 'Հարությունյան', 'Ղազարյան', 'Եղիազարյան', 'Պետրոսյան', 'Սարգսյան', 'Գրիգորյան', 'Խաչատրյան', 'Մկրտչյան', 'Ծատուրյան', 'Оганесян', 'Арутюнян', 'Казарян', 'Петросян', 'Иванов', 'Смирнова', 'Кузнецов', 'Назарбаев', 'Рахмонов', 'Каримова', 'სააკაშვილი', 'ბერიძე', 'Tsaturyan', 'Avetisyan', 'Hakobyan', 'Karapetyan'];
const GIVEN = ['Արամ', 'Հովհաննես', 'Գևորգ', 'Անի', 'Մարիամ', 'Иван', 'Александр', 'Юлия', 'Михаил', 'Нурсултан', 'Дилноза', 'გიორგი', 'ნინო', 'Aram', 'Armen', 'Tigran', 'Lilit', 'Mohammad', 'Hossein'];
const LATIN_SYSTEMS = ['armn-passport-practice', 'icao-rus-Cyrl-Latn-9303', 'rus-passport-2010', 'rus-passport-1997', 'ggg-kat-Geor-Latn-2002'] as const;

function randomRecord(): PersonRecord {
  let name = `${pick(GIVEN)} ${pick(SURNAMES)}`;
  if (rnd() < 0.5) for (const s of LATIN_SYSTEMS) if (rnd() < 0.3) name = transliterate(name, s);
  if (rnd() < 0.3) name = name.toUpperCase();
  const year = 1950 + Math.floor(rnd() * 60);
  const record: { -readonly [K in keyof PersonRecord]: PersonRecord[K] } = { name };
  if (rnd() < 0.8) record.birthDate = rnd() < 0.7 ? { year, month: 1 + Math.floor(rnd() * 12), day: 1 + Math.floor(rnd() * 28) } : { year };
  if (rnd() < 0.7) record.sex = rnd() < 0.5 ? 'M' : 'F';
  if (rnd() < 0.5) record.nationality = pick(['ARM', 'RUS', 'GEO', 'KAZ']);
  return record;
}

const timed = (label: string, run: (i: number) => number) => timeLoop(label, run, SECONDS, 10_000);

function main(): void {
  const records = Array.from({ length: 2000 }, randomRecord);
  const prepStart = performance.now();
  const prepared: PreparedRecord[] = records.map(prepareRecord);
  const prepSeconds = (performance.now() - prepStart) / 1000;
  const latin = records.map((r) => foldLatin(transliterate(transliterate(transliterate(r.name, 'armn-passport-practice'), 'icao-rus-Cyrl-Latn-9303'), 'ggg-kat-Geor-Latn-2002')));
  const pairA = new Int32Array(PAIRS);
  const pairB = new Int32Array(PAIRS);
  for (let i = 0; i < PAIRS; i++) {
    pairA[i] = Math.floor(rnd() * records.length);
    pairB[i] = Math.floor(rnd() * records.length);
  }
  const at = (arr: Int32Array, i: number) => arr[i % PAIRS] ?? 0;

  const results = [
    timed('baseline: Levenshtein ratio on Latin strings', (i) => levenshteinRatio(latin[at(pairA, i)] ?? '', latin[at(pairB, i)] ?? '')),
    timed('matcher: scorePrepared (no explanation)', (i) => scorePrepared(prepared[at(pairA, i)] as PreparedRecord, prepared[at(pairB, i)] as PreparedRecord, { explain: false }).score),
    timed('matcher: scorePrepared (with explanation)', (i) => scorePrepared(prepared[at(pairA, i)] as PreparedRecord, prepared[at(pairB, i)] as PreparedRecord).score),
  ];
  const baseline = results[0]?.perSecond ?? 1;
  // The records' words as candidates bring them: the same common names again and again.
  const words = records.flatMap((r) => tokenizeName(r.name));
  const wordAt = (i: number) => words[i % words.length] ?? '';
  const tokens = [
    timed('baseline: prepareTokenNow (each word prepared again)', (i) => prepareTokenNow(wordAt(i)).loose.length),
    timed('prepareToken (each word prepared once, ADR 0520)', (i) => prepareToken(wordAt(i)).loose.length),
  ];
  const tokenBaseline = tokens[0]?.perSecond ?? 1;
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    records: records.length,
    prepareRecordsPerSecond: Math.round(records.length / prepSeconds),
    targetPairsPerSecond: TARGET,
    results: results.map((r) => ({ ...r, relativeToBaseline: Math.round((r.perSecond / baseline) * 100) / 100, meetsTarget: r.perSecond >= TARGET })),
    words: { count: words.length, distinct: new Set(words).size },
    tokens: tokens.map((r) => ({ ...r, relativeToBaseline: Math.round((r.perSecond / tokenBaseline) * 100) / 100 })),
  };
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const outDir = join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'names-score-speed.json'), `${JSON.stringify(report, null, 2)}\n`);
  const md = [
    '# Names matcher: pair-scoring speed',
    '',
    `Run ${report.date} on ${report.cpu}, Node ${report.node}, one core. Command: \`npx tsx bench/names/score-speed.ts\`.`,
    `${report.records} generated records (Armenian/Russian/Georgian/Central Asian names, mixed scripts and eras);`,
    `prepareRecord: ${report.prepareRecordsPerSecond.toLocaleString('en-US')} records/s (cold, includes engine compilation).`,
    '',
    '| Comparison | Pairs/s | × baseline | ≥ 100k/s |',
    '|---|---:|---:|---|',
    ...report.results.map((r) => `| ${r.label} | ${r.perSecond.toLocaleString('en-US')} | ${r.relativeToBaseline} | ${r.meetsTarget ? 'yes' : 'no'} |`),
    '',
    `Preparing the records' words (${report.words.count.toLocaleString('en-US')} words, ${report.words.distinct.toLocaleString('en-US')} distinct), as a registry search's candidates bring them:`,
    '',
    '| Preparation | Words/s | × baseline |',
    '|---|---:|---:|',
    ...report.tokens.map((r) => `| ${r.label} | ${r.perSecond.toLocaleString('en-US')} | ${r.relativeToBaseline} |`),
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'names-score-speed.md'), md);
  console.log(md);
}

main();
