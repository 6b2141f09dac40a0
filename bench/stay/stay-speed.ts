/**
 * Speed of the stay-rule engine against the day-by-day reference, measured in the same run.
 *
 *   npx tsx bench/stay/stay-speed.ts [--persons N] [--seconds S]
 *
 * Generates travellers (deterministic PRNG) with 1–40 trips over three years, some with a residence
 * period, under the real rules (Schengen/Iran 90/180 rolling, Armenia 180 per calendar year, visitor
 * visa 120 per stay), and times checkStay (control mode, including lastLawfulDay) and the brute-force
 * reference (packages/domain/src/stay/testing/brute-force.ts) on the same people; the results of the
 * two are compared person by person. A second table shows how the engine scales with history length.
 * Writes bench/results/stay-speed.{json,md}. Nothing here asserts on time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStay, formatDay, parseDay, type CoveredPeriod, type Movement, type StayCheckInput, type StayRule } from '../../packages/domain/src/stay/index.ts';
import { bruteCheck } from '../../packages/domain/src/stay/testing/brute-force.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const PERSONS = arg('--persons', 2000);
const SECONDS = arg('--seconds', 1.5);
const COMMAND = `npx tsx bench/stay/stay-speed.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`;

/** Mulberry32: small deterministic PRNG so every run measures the same people. */
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
const rnd = prng(20_240_610);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

const RULES: readonly StayRule[] = [
  { kind: 'rolling', maxDays: 90, windowDays: 180 },
  { kind: 'calendar-year', maxDays: 180 },
  { kind: 'per-stay', maxDays: 120 },
];
const START = parseDay('2022-01-01') as number;

function person(trips: number, rule: StayRule): StayCheckInput {
  const movements: Movement[] = [];
  const span = 3 * 365;
  const meanGap = Math.max(1, Math.floor(span / trips / 2));
  let d = START;
  for (let i = 0; i < trips; i++) {
    d += int(1, 2 * meanGap);
    movements.push({ direction: 'entry', date: formatDay(d) });
    d += int(0, Math.min(100, 2 * meanGap));
    if (i < trips - 1 || rnd() < 0.6) movements.push({ direction: 'exit', date: formatDay(d) });
  }
  const covered: CoveredPeriod[] = [];
  if (rnd() < 0.15) {
    const from = START + int(0, span);
    covered.push({ from: formatDay(from), to: formatDay(from + int(30, 365)) });
  }
  return { rule, movements, covered, controlDate: formatDay(d + int(0, 30)) };
}

function timed(label: string, inputs: readonly StayCheckInput[], run: (p: StayCheckInput) => number, seconds: number) {
  let checksum = 0;
  const warmUpEnd = performance.now() + seconds * 200;
  for (let i = 0; i < 200 && performance.now() < warmUpEnd; i++) checksum += run(inputs[i % inputs.length] as StayCheckInput); // warm-up (JIT)
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let iterations = 0;
  while (performance.now() < deadline) checksum += run(inputs[iterations++ % inputs.length] as StayCheckInput);
  const elapsed = (performance.now() - start) / 1000;
  return { label, personsPerSecond: Math.round(iterations / elapsed), microsecondsPerPerson: Math.round((elapsed / iterations) * 1e7) / 10, iterations, checksum };
}

const digest = (r: { daysUsed: number; overstayDays: number; lastLawfulDay: string | null }) =>
  r.daysUsed * 7 + r.overstayDays * 13 + (r.lastLawfulDay === null ? 0 : (parseDay(r.lastLawfulDay) as number) % 1000);

function main(): void {
  const population = Array.from({ length: PERSONS }, (_, i) => person(int(1, 40), RULES[i % RULES.length] as StayRule));
  // Agreement: the engine and the reference on every person of a sample.
  const sample = population.slice(0, Math.min(300, population.length));
  let disagreements = 0;
  for (const p of sample) {
    const a = checkStay(p);
    const b = bruteCheck(p);
    if (a.daysUsed !== b.daysUsed || a.overstayDays !== b.overstayDays || a.lastLawfulDay !== b.lastLawfulDay || a.daysRemaining !== b.daysRemaining) disagreements++;
  }
  const results = [
    timed('reference: day by day (brute force)', sample, (p) => digest(bruteCheck(p)), SECONDS),
    timed('engine: checkStay', population, (p) => digest(checkStay(p)), SECONDS),
  ];
  const baseline = results[0]?.personsPerSecond ?? 1;
  // The reference is skipped at 10,000 trips: one person takes seconds there.
  const scaling = [10, 100, 1000, 10_000].map((trips) => {
    const people = RULES.map((rule) => person(trips, rule));
    const t = timed(`engine, ${trips} trips`, people, (p) => digest(checkStay(p)), SECONDS / 3);
    const ref = trips <= 1000 ? timed(`reference, ${trips} trips`, people, (p) => digest(bruteCheck(p)), SECONDS / 3) : null;
    return {
      trips,
      movements: people[0]?.movements.length ?? 0,
      engineMicroseconds: t.microsecondsPerPerson,
      referenceMicroseconds: ref?.microsecondsPerPerson ?? null,
      speedup: ref ? Math.round((ref.microsecondsPerPerson / t.microsecondsPerPerson) * 10) / 10 : null,
    };
  });
  // Long look-ahead: inside, 180 days per rolling 365 (the other reading of art. 7(1)), residence
  // covering the next 18 months, so lastLawfulDay lies two years ahead and the reference re-sums a
  // 365-day window for every day in between.
  const lookAhead = [0, 1, 2].map((i): StayCheckInput => {
    const t = (parseDay('2025-06-01') as number) + 7 * i;
    const movements: Movement[] = [];
    for (const back of [300, 200, 100]) movements.push({ direction: 'entry', date: formatDay(t - back) }, { direction: 'exit', date: formatDay(t - back + 19) });
    movements.push({ direction: 'entry', date: formatDay(t - 10) });
    return { rule: { kind: 'rolling', maxDays: 180, windowDays: 365 }, movements, covered: [{ from: formatDay(t + 5), to: formatDay(t + 540) }], controlDate: formatDay(t) };
  });
  const la = [timed('reference', lookAhead, (p) => digest(bruteCheck(p)), SECONDS / 2), timed('engine', lookAhead, (p) => digest(checkStay(p)), SECONDS / 2)];
  const longLookAhead = {
    referenceMicroseconds: la[0]?.microsecondsPerPerson ?? 0,
    engineMicroseconds: la[1]?.microsecondsPerPerson ?? 0,
    speedup: Math.round(((la[0]?.microsecondsPerPerson ?? 0) / (la[1]?.microsecondsPerPerson ?? 1)) * 10) / 10,
  };
  const report = {
    date: new Date().toISOString(),
    command: COMMAND,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    persons: population.length,
    agreement: { sample: sample.length, disagreements },
    results: results.map((r) => ({ ...r, relativeToReference: Math.round((r.personsPerSecond / baseline) * 10) / 10 })),
    scaling,
    longLookAhead,
  };
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const outDir = join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'stay-speed.json'), `${JSON.stringify(report, null, 2)}\n`);
  const n = (x: number) => x.toLocaleString('en-US');
  const md = [
    '# Stay-rule engine: control-mode speed',
    '',
    `Run ${report.date} on ${report.cpu} (${report.cores} cores, ${report.memoryGiB} GiB), Node ${report.node}, one core.`,
    `Command: \`${report.command}\`.`,
    `${report.persons} generated travellers, 1–40 trips over three years, 15 % with a residence period; rules 90/180 rolling,`,
    `180 per calendar year, 120 per stay. Each check includes history normalisation and lastLawfulDay.`,
    `Agreement with the reference on ${report.agreement.sample} people: ${report.agreement.disagreements} disagreements.`,
    '',
    '| Implementation | Persons/s | µs/person | × reference |',
    '|---|---:|---:|---:|',
    ...report.results.map((r) => `| ${r.label} | ${n(r.personsPerSecond)} | ${r.microsecondsPerPerson} | ${r.relativeToReference} |`),
    '',
    'Scaling with history length (one person per rule, round robin; reference skipped at 10,000 trips):',
    '',
    '| Trips | Movements | Engine µs/person | Reference µs/person | × |',
    '|---:|---:|---:|---:|---:|',
    ...report.scaling.map(
      (s) => `| ${n(s.trips)} | ${n(s.movements)} | ${s.engineMicroseconds} | ${s.referenceMicroseconds ?? '—'} | ${s.speedup ?? '—'} |`,
    ),
    '',
    `Long look-ahead (inside, 180 per rolling 365, 4 trips, residence over the next 18 months): engine ${longLookAhead.engineMicroseconds} µs,`,
    `reference ${longLookAhead.referenceMicroseconds} µs per person (× ${longLookAhead.speedup}).`,
    '',
    'The reference memoises day membership, so on short histories it costs O(window × days searched) rather than',
    'O(days²); its cost grows with the window and with how far ahead the last lawful day lies, the engine\'s does not.',
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'stay-speed.md'), md);
  console.log(md);
}

main();
