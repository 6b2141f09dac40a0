/**
 * Load shapes of the pipeline benchmark. Closed loop: N workers, each sends its next request when the
 * previous one answered — the sustained rate the system reaches. Open loop: requests are scheduled at a
 * fixed rate whatever the answers, and each latency is measured from its scheduled send time, so a stall
 * counts for every request that should have been sent during it (no coordinated omission).
 */
import { percentile } from '../persons/queries.ts';

export interface LoadResult {
  completed: number;
  errors: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Open loop: the most requests in flight at once. */
  maxInFlight?: number;
  /** Open loop: requests not sent because `maxInFlight` was reached (counted as failures). */
  dropped?: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

function summarise(latencies: number[], errors: Record<string, number>, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    completed: latencies.length,
    errors,
    seconds: r2(seconds),
    perSecond: Math.round(latencies.length / seconds),
    p50: r2(percentile(latencies, 50)),
    p95: r2(percentile(latencies, 95)),
    p99: r2(percentile(latencies, 99)),
    max: r2(latencies.at(-1) ?? Number.NaN),
  };
}

const codeOf = (e: unknown) => String((e as { code?: unknown }).code ?? (e as Error).message ?? e).slice(0, 80);

/** `concurrency` workers for `seconds`; `run(i)` handles the i-th request. */
export async function closedLoop(concurrency: number, seconds: number, run: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await run(next++);
          latencies.push(performance.now() - t);
        } catch (e) {
          errors[codeOf(e)] = (errors[codeOf(e)] ?? 0) + 1;
        }
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - start) / 1000);
}

/** `rate` requests per second for `seconds`, each latency from its scheduled time. */
export async function openLoop(rate: number, seconds: number, run: (i: number) => Promise<void>, maxInFlight = 5000, timeline?: Array<[number, number]>): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const total = Math.floor(rate * seconds);
  const interval = 1000 / rate;
  const running = new Set<Promise<void>>();
  let peak = 0;
  let dropped = 0;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (running.size >= maxInFlight) {
      dropped++;
      continue;
    }
    const p = run(i).then(
      () => {
        const ms = performance.now() - scheduled;
        latencies.push(ms);
        timeline?.push([Date.now(), Math.round(ms * 10) / 10]);
      },
      (e) => void (errors[codeOf(e)] = (errors[codeOf(e)] ?? 0) + 1),
    );
    running.add(p);
    peak = Math.max(peak, running.size);
    void p.finally(() => running.delete(p));
  }
  await Promise.all(running);
  return { ...summarise(latencies, errors, (performance.now() - start) / 1000), maxInFlight: peak, dropped };
}
