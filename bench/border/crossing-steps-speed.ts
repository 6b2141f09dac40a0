/**
 * Two small steps of every recorded crossing (ADR 0521), each against its former way in the same run:
 *   - the local date and time at the crossing point: toLocalDateTime (the zone's offset kept for the hour)
 *     against toLocalDateTimeNow (ICU formats each instant), twice per crossing (assessment, record);
 *   - the crossing's time-ordered id: timeOrderedUuid (random bytes drawn 4 kB at a time) against the same
 *     id with a call to the system's generator of its own (randomBytes(16), as before), once per crossing.
 * Instants are those of a busy post: "now" moving forward by 1–3 ms, at Asia/Yerevan.
 *
 *   npx tsx bench/border/crossing-steps-speed.ts [--seconds 2]
 *
 * Writes bench/results/border-crossing-steps-speed.{json,md}. Nothing here asserts on time.
 */
import { randomBytes } from 'node:crypto';
import { toLocalDateTime, toLocalDateTimeNow } from '../../packages/domain/src/border/common/local-time.ts';
import { timeOrderedUuid } from '../../packages/server/src/lib/ids.ts';
import { argNumber, machine, timeLoop, writeResults } from '../linkage/common.ts';

const SECONDS = argNumber('--seconds', 2);
const ZONE = 'Asia/Yerevan';
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);

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
  // Per crossing: two local times and one id (ADR 0521).
  const saved = 2 * (local[0]!.microseconds - local[1]!.microseconds) + (ids[0]!.microseconds - ids[1]!.microseconds);
  const report = { date: new Date().toISOString(), machine: machine(), seconds: SECONDS, zone: ZONE, local, ids, savedMicrosecondsPerCrossing: Math.round(saved * 100) / 100 };
  const row = (t: Timed, base: Timed) => `| ${t.label} | ${t.perSecond.toLocaleString('en-US')} | ${t.microseconds} | ${Math.round((t.perSecond / base.perSecond) * 10) / 10} |`;
  const md = [
    '# Two steps of every crossing: local time and id',
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
    '',
    `A crossing makes two local times and one id: ${report.savedMicrosecondsPerCrossing} µs of the event loop saved per crossing on this machine.`,
  ].join('\n');
  writeResults('border-crossing-steps-speed', report, md);
}

main();
