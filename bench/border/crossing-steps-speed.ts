/**
 * Small steps of every recorded crossing (ADR 0521, 0523), each against its former way in the same run:
 *   - the local date and time at the crossing point: toLocalDateTime (the zone's offset kept for the hour)
 *     against toLocalDateTimeNow (ICU formats each instant), twice per crossing (assessment, record);
 *   - the crossing's time-ordered id: timeOrderedUuid (random bytes drawn 4 kB at a time) against the same
 *     id with a call to the system's generator of its own (randomBytes(16), as before), once per crossing;
 *   - a timestamptz value read from PostgreSQL: parseTimestamptz against the driver's parser (postgres-date),
 *     about TIMESTAMPTZ_PER_CROSSING times per crossing (candidates' and history rows' times).
 * Instants are those of a busy post: "now" moving forward by 1–3 ms, at Asia/Yerevan.
 *
 *   npx tsx bench/border/crossing-steps-speed.ts [--seconds 2]
 *
 * Writes bench/results/border-crossing-steps-speed.{json,md}. Nothing here asserts on time.
 */
import { randomBytes } from 'node:crypto';
import { toLocalDateTime, toLocalDateTimeNow } from '../../packages/domain/src/border/common/local-time.ts';
import { driverTimestamptz, parseTimestamptz } from '../../packages/server/src/db/timestamptz.ts';
import { timeOrderedUuid } from '../../packages/server/src/lib/ids.ts';
import { argNumber, machine, timeLoop, writeResults } from '../linkage/common.ts';

const SECONDS = argNumber('--seconds', 2);
const ZONE = 'Asia/Yerevan';
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
/**
 * timestamptz values a crossing reads, from the reported pipeline run's statements per crossing (ADR 0523):
 * registry candidates 0.23 × 43.9 rows × 2 (created, updated), the document's holders 0.45 × 2 × 2, the
 * persons' histories 0.29 × 31.7 rows, other crossing reads 0.31 × 2.2 rows × 2.
 */
const TIMESTAMPTZ_PER_CROSSING = 32;
/** As PostgreSQL writes them (DateStyle ISO, TimeZone UTC): microseconds without trailing zeros. */
const stored = Array.from({ length: 4096 }, (_, i) => {
  const iso = new Date(T0 - i * 7_919_311).toISOString();
  const micros = String((i * 104_729) % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${micros ? `.${micros}` : ''}+00`;
});

/** The former timeOrderedUuid: one randomBytes call per id (the baseline). */
function uuidOwnCall(now: number): string {
  const b = randomBytes(16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

interface Timed {
  label: string;
  perSecond: number;
  microseconds: number;
}

const timed = (label: string, run: (i: number) => number): Timed => timeLoop(label, run, SECONDS);

// A busy post: each instant 1–3 ms after the last (deterministic).
const at = (i: number) => T0 + i * 2 + (i % 3);

function main(): void {
  const local = [
    timed('baseline: toLocalDateTimeNow (ICU for each instant)', (i) => toLocalDateTimeNow(at(i), ZONE)!.time.length),
    timed('toLocalDateTime (offset kept for the hour)', (i) => toLocalDateTime(at(i), ZONE)!.time.length),
  ];
  const ids = [
    timed('baseline: time-ordered id with randomBytes(16) per id', (i) => uuidOwnCall(at(i)).length),
    timed('timeOrderedUuid (random bytes 4 kB at a time)', (i) => timeOrderedUuid(at(i)).length),
  ];
  const times = [
    timed('baseline: the driver\'s timestamptz parser (postgres-date)', (i) => (driverTimestamptz(stored[i & 4095]!) as Date).getTime() & 1),
    timed('parseTimestamptz (fixed positions, ADR 0523)', (i) => (parseTimestamptz(stored[i & 4095]!) as Date).getTime() & 1),
  ];
  // Per crossing: two local times and one id (ADR 0521); about 32 timestamptz values (ADR 0523).
  const saved = 2 * (local[0]!.microseconds - local[1]!.microseconds) + (ids[0]!.microseconds - ids[1]!.microseconds);
  const savedTimes = TIMESTAMPTZ_PER_CROSSING * (times[0]!.microseconds - times[1]!.microseconds);
  const report = { date: new Date().toISOString(), machine: machine(), seconds: SECONDS, zone: ZONE, local, ids, times, savedMicrosecondsPerCrossing: Math.round(saved * 100) / 100, timestamptzPerCrossing: TIMESTAMPTZ_PER_CROSSING, savedMicrosecondsPerCrossingTimes: Math.round(savedTimes * 100) / 100 };
  const row = (t: Timed, base: Timed) => `| ${t.label} | ${t.perSecond.toLocaleString('en-US')} | ${t.microseconds} | ${Math.round((t.perSecond / base.perSecond) * 10) / 10} |`;
  const md = [
    '# Steps of every crossing: local time, id, timestamptz values read',
    '',
    `Run ${report.date} on ${report.machine.cpu} (${report.machine.cores} cores), Node ${report.machine.node}, one core.`,
    `Command: \`npx tsx bench/border/crossing-steps-speed.ts\`. Instants of a busy post at ${ZONE}, 1–3 ms apart.`,
    '',
    '| Step | Per second | µs each | × baseline |',
    '|---|---:|---:|---:|',
    row(local[0]!, local[0]!),
    row(local[1]!, local[0]!),
    row(ids[0]!, ids[0]!),
    row(ids[1]!, ids[0]!),
    row(times[0]!, times[0]!),
    row(times[1]!, times[0]!),
    '',
    `A crossing makes two local times and one id: ${report.savedMicrosecondsPerCrossing} µs of the event loop saved per crossing on this machine (ADR 0521).`,
    `It reads about ${TIMESTAMPTZ_PER_CROSSING} timestamptz values: ${report.savedMicrosecondsPerCrossingTimes} µs saved per crossing (ADR 0523).`,
  ].join('\n');
  writeResults('border-crossing-steps-speed', report, md);
}

main();
