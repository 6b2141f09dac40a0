/**
 * Screening speed: one traveller against a 100,000-entry watchlist (watchlist entries and entry bans,
 * names in Latin, Cyrillic and Armenian script, 1–3 variants each) and 100,000 lost/stolen documents,
 * with the index (prepareList + screenTraveller) and with the naive baseline that scores every entry
 * (screenTravellerFullScan), measured in the same run on the same travellers. The hits of both are
 * compared traveller by traveller on the baseline's sample.
 *
 *   npx tsx bench/border/screening-speed.ts [--entries N] [--documents N] [--travellers N] [--baseline N]
 *
 * Writes bench/results/border-screening-speed.{json,md}. Nothing here asserts on time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  prepareList,
  prepareTraveller,
  screenTraveller,
  screenTravellerFullScan,
  type ListEntry,
  type ScreeningResult,
  type Traveller,
} from '../../packages/domain/src/border/index.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};
const ENTRIES = arg('--entries', 100_000);
const DOCUMENTS = arg('--documents', 100_000);
const TRAVELLERS = arg('--travellers', 2_000);
const BASELINE = arg('--baseline', 20);
const COMMAND = `npx tsx bench/border/screening-speed.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
const DATE = '2025-03-10';

/** Mulberry32: deterministic, so every run screens the same people. */
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
const rnd = prng(4_2025);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

// Synthetic surnames: syllables + endings (Armenian -yan, Russian -ov/-ova, Georgian -shvili/-dze, Persian -i).
const ONSETS = ['h', 'k', 'g', 'p', 't', 's', 'm', 'n', 'v', 'z', 'b', 'd', 'gh', 'kh', 'sh', 'ch', 'ts', 'r', 'l', 'y'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ya', 'ou'];
const ENDINGS = ['yan', 'yan', 'yan', 'ov', 'ova', 'shvili', 'dze', 'i', 'ev', 'ian'];
const GIVEN = ['Aram', 'Armen', 'Gevorg', 'Hovhannes', 'Anna', 'Mariam', 'Narek', 'Tigran', 'Lilit', 'Ani', 'Karen', 'Davit', 'Ivan', 'Sergey', 'Olga', 'Elena', 'Giorgi', 'Nino', 'Ali', 'Mohammad', 'Reza', 'Fatemeh', 'Arman', 'Aida', 'Hakob', 'Mikayel', 'Samvel', 'Vardan', 'Ruben', 'Gayane', 'Sona', 'Artur', 'Levon', 'Ashot', 'Marine', 'Yerlan', 'Aigerim', 'Nurlan', 'Bakyt', 'Timur'];
const STATES = ['ARM', 'RUS', 'IRN', 'GEO', 'KAZ', 'UKR', 'IND', 'SYR', 'IRQ', 'USA'];

const surname = () => {
  let s = '';
  for (let i = int(2, 3); i > 0; i--) s += pick(ONSETS) + pick(VOWELS);
  s += pick(ENDINGS);
  return s[0]?.toUpperCase() + s.slice(1);
};
/** Latin → Cyrillic / Armenian letter maps for synthetic variants in other scripts (digraphs first). */
const CYRL: readonly [string, string][] = [['kh', 'х'], ['sh', 'ш'], ['ch', 'ч'], ['ts', 'ц'], ['gh', 'г'], ['ya', 'я'], ['ou', 'у'], ['a', 'а'], ['b', 'б'], ['d', 'д'], ['e', 'е'], ['g', 'г'], ['h', 'г'], ['i', 'и'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['y', 'й'], ['z', 'з'], ['f', 'ф'], ['j', 'дж'], ['c', 'к'], ['w', 'в'], ['q', 'к'], ['x', 'кс']];
const ARMN: readonly [string, string][] = [['kh', 'խ'], ['sh', 'շ'], ['ch', 'չ'], ['ts', 'ց'], ['gh', 'ղ'], ['ou', 'ու'], ['a', 'ա'], ['b', 'բ'], ['d', 'դ'], ['e', 'ե'], ['g', 'գ'], ['h', 'հ'], ['i', 'ի'], ['k', 'կ'], ['l', 'լ'], ['m', 'մ'], ['n', 'ն'], ['o', 'ո'], ['p', 'պ'], ['r', 'ր'], ['s', 'ս'], ['t', 'տ'], ['u', 'ու'], ['v', 'վ'], ['y', 'յ'], ['z', 'զ'], ['f', 'ֆ'], ['j', 'ջ'], ['c', 'կ'], ['w', 'վ'], ['q', 'ք'], ['x', 'քս']];
function spell(latin: string, table: readonly [string, string][]): string {
  const s = latin.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; ) {
    const hit = table.find(([from]) => s.startsWith(from, i));
    out += hit ? hit[1] : s[i];
    i += hit ? hit[0].length : 1;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}
/** The same name in another script (how a variant arrives from another agency). */
const otherScript = (latin: string) => latin.split(' ').map((w) => spell(w, rnd() < 0.5 ? CYRL : ARMN)).join(' ');
/** A typist's slip: one letter doubled, dropped or swapped for a neighbour. */
function slip(name: string): string {
  const i = int(1, Math.max(1, name.length - 2));
  const r = rnd();
  if (r < 0.33) return name.slice(0, i) + name[i] + name.slice(i);
  if (r < 0.66) return name.slice(0, i) + name.slice(i + 1);
  return name.slice(0, i) + pick(['a', 'e', 'i', 'o']) + name.slice(i + 1);
}
const docNumber = () => `${String.fromCharCode(65 + int(0, 25))}${String.fromCharCode(65 + int(0, 25))}${String(int(0, 9_999_999)).padStart(7, '0')}`;

function makeLists(): { entries: ListEntry[]; people: { name: string; birth: { year: number; month: number; day: number }; nationality: string }[]; docs: string[] } {
  const entries: ListEntry[] = [];
  const people: { name: string; birth: { year: number; month: number; day: number }; nationality: string }[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const name = `${surname()} ${pick(GIVEN)}`;
    const birth = { year: int(1950, 2005), month: int(1, 12), day: int(1, 28) };
    const nationality = pick(STATES);
    people.push({ name, birth, nationality });
    const names = [name];
    if (rnd() < 0.5) names.push(otherScript(name));
    if (rnd() < 0.2) names.push(slip(name));
    const from = `20${String(int(15, 24)).padStart(2, '0')}-0${int(1, 9)}-1${int(0, 9)}`;
    const common = {
      id: `w${i}`,
      version: 1,
      names,
      ...(rnd() < 0.8 ? { birthDate: rnd() < 0.8 ? birth : { year: birth.year } } : {}),
      ...(rnd() < 0.7 ? { nationality } : {}),
      ...(rnd() < 0.3 ? { documents: [{ number: docNumber(), issuingState: nationality }] } : {}),
      reason: 'synthetic',
      agency: 'NSS',
    };
    if (rnd() < 0.2) entries.push({ ...common, kind: 'entry_ban', listId: 'bans', action: 'refuse_entry', ban: { from, until: rnd() < 0.3 ? null : `20${int(24, 30)}-12-31` } });
    else entries.push({ ...common, kind: 'watchlist', listId: rnd() < 0.7 ? 'national' : 'interpol', action: 'second_line', ...(rnd() < 0.1 ? { validity: { until: '2024-12-31' } } : {}) });
  }
  const docs: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const number = docNumber();
    docs.push(number);
    entries.push({ kind: 'document', id: `d${i}`, version: 1, listId: 'sltd', number, issuingState: pick(STATES), documentType: 'passport', status: pick(['lost', 'stolen', 'revoked'] as const), reportedOn: '2024-01-01', reason: 'synthetic', agency: 'POLICE', action: 'second_line' });
  }
  return { entries, people, docs };
}

function makeTravellers(people: ReturnType<typeof makeLists>['people'], docs: readonly string[]): Traveller[] {
  const out: Traveller[] = [];
  for (let i = 0; i < TRAVELLERS; i++) {
    const listed = rnd() < 0.3 ? pick(people) : null; // 30 % are on a list (under a variant spelling)
    const name = listed ? (rnd() < 0.5 ? otherScript(listed.name) : slip(listed.name).toUpperCase()) : `${surname()} ${pick(GIVEN)}`.toUpperCase();
    const doc = rnd() < 0.05 ? pick(docs) : docNumber();
    out.push({
      personId: `p${i}`,
      name,
      birthDate: listed?.birth ?? { year: int(1950, 2005), month: int(1, 12), day: int(1, 28) },
      nationality: listed?.nationality ?? pick(STATES),
      sex: rnd() < 0.5 ? 'M' : 'F',
      documents: [{ number: doc }],
    });
  }
  return out;
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function measure<T>(label: string, travellers: readonly T[], run: (t: T) => ScreeningResult) {
  const times: number[] = [];
  let hits = 0;
  let scored = 0;
  for (const t of travellers.slice(0, 20)) run(t); // warm-up (JIT)
  const start = performance.now();
  for (const t of travellers) {
    const t0 = performance.now();
    const r = run(t);
    times.push(performance.now() - t0);
    hits += r.hits.length;
    scored += r.scored;
  }
  const elapsed = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return { label, travellers: travellers.length, screeningsPerSecond: Math.round(travellers.length / elapsed), p50Ms: r3(quantile(times, 0.5)), p99Ms: r3(quantile(times, 0.99)), meanScoredEntries: Math.round(scored / travellers.length), hitsPerTraveller: r3(hits / travellers.length) };
}

const digest = (r: ScreeningResult) => JSON.stringify(r.hits.map((h) => [h.entryId, h.score]));

function main(): void {
  const t0 = performance.now();
  const { entries, people, docs } = makeLists();
  const generated = performance.now();
  const list = prepareList(entries);
  const built = performance.now();
  const travellers = makeTravellers(people, docs);
  const options = { date: DATE };
  const indexed = measure('index: prepareList + screenTraveller', travellers, (t) => screenTraveller(t, list, options));
  const sample = travellers.slice(0, BASELINE);
  const naive = measure('baseline: score every entry (screenTravellerFullScan)', sample, (t) => screenTravellerFullScan(t, list, options));
  let disagreements = 0;
  for (const t of sample) if (digest(screenTraveller(t, list, options)) !== digest(screenTravellerFullScan(t, list, options))) disagreements++;
  const prepared = travellers.slice(0, 1000).map(prepareTraveller);
  const hot = measure('index, traveller prepared once (screening only)', prepared, (p) => screenTraveller(p, list, options));
  const mem = process.memoryUsage();
  const report = {
    date: new Date().toISOString(),
    command: COMMAND,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    lists: { personEntries: list.persons.length, documentEntries: list.documents.length, distinctLooseKeys: list.looseTrie.size, exactKeys: list.keys.size },
    generateSeconds: r3((generated - t0) / 1000),
    prepareListSeconds: r3((built - generated) / 1000),
    heapUsedMiB: Math.round(mem.heapUsed / 2 ** 20),
    agreement: { sample: sample.length, disagreements },
    results: [indexed, hot, naive].map((r) => ({ ...r, speedupOverBaseline: Math.round((r.screeningsPerSecond / Math.max(1, naive.screeningsPerSecond)) * 10) / 10 })),
  };
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const outDir = join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'border-screening-speed.json'), `${JSON.stringify(report, null, 2)}\n`);
  const n = (x: number) => x.toLocaleString('en-US');
  const md = [
    '# Border screening: one traveller against 100,000 watchlist entries and 100,000 lost/stolen documents',
    '',
    `Run ${report.date} on ${report.cpu} (${report.cores} cores, ${report.memoryGiB} GiB), Node ${report.node}, one core.`,
    `Command: \`${report.command}\`.`,
    `Lists: ${n(report.lists.personEntries)} person entries (80 % watchlist, 20 % entry bans; 1–3 name variants in Latin, Cyrillic,`,
    `Armenian), ${n(report.lists.documentEntries)} documents; ${n(report.lists.distinctLooseKeys)} distinct loose name keys in the trie.`,
    `prepareList: ${report.prepareListSeconds} s (heap after the run ${report.heapUsedMiB} MiB). Travellers: 30 % listed under a variant`,
    'spelling or another script, 5 % carrying a listed document; screening date ' + DATE + ', explanations on for hits.',
    `Agreement of the index with the baseline on ${report.agreement.sample} travellers: ${report.agreement.disagreements} disagreements.`,
    '',
    '| Implementation | Travellers | Screenings/s | p50 ms | p99 ms | Entries scored / traveller | Hits / traveller | × baseline |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...report.results.map((r) => `| ${r.label} | ${n(r.travellers)} | ${n(r.screeningsPerSecond)} | ${r.p50Ms} | ${r.p99Ms} | ${n(r.meanScoredEntries)} | ${r.hitsPerTraveller} | ${r.speedupOverBaseline} |`),
    '',
    'Latency is per traveller, including preparing the traveller\'s names (except in the "prepared once" row).',
    'The baseline runs on fewer travellers because each one scores every entry.',
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'border-screening-speed.md'), md);
  console.log(md);
}

main();
