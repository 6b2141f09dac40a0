import type { AppDeps } from '../../app-deps.ts';
import { httpCentreClient, type CentreClient } from './centre-client.ts';
import { ensureNode } from './node-state.ts';
import { pullOnce } from './puller.ts';
import { pushOnce } from './pusher.ts';

/**
 * The edge node's two loops (ADR 0503): pull (lists, reference data, accounts) and push (the outbox).
 * Each runs one round at a time; after a failure it waits longer each time (doubling up to the maximum,
 * with jitter so posts do not retry in step), after a success it returns to its interval. Nothing is
 * kept in memory that a restart would need: the outbox and the versions held are in the database.
 */
export interface EdgeSync {
  /** Runs a push round now (after the current one, if any). */
  pushNow(): Promise<void>;
  pullNow(): Promise<void>;
  stop(): Promise<void>;
}

export function backoffDelay(interval: number, failures: number, max: number, random = Math.random): number {
  if (failures === 0) return interval;
  const base = Math.min(max, interval * 2 ** Math.min(failures, 20));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export async function startEdgeSync(deps: AppDeps, opts: { client?: CentreClient; log?: (msg: string) => void } = {}): Promise<EdgeSync> {
  const edge = deps.config.edge;
  if (!edge) throw new Error('startEdgeSync needs KAMURJ_MODE=edge');
  await ensureNode(deps.db, edge.nodeId);
  const client = opts.client ?? httpCentreClient(edge);
  const log = opts.log ?? (() => undefined);
  let stopped = false;

  function loop(name: string, interval: number, round: () => Promise<string | null>) {
    let failures = 0;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const run = (): Promise<void> => {
      running = running.then(async () => {
        if (stopped) return;
        let failure: string | null;
        try {
          failure = await round();
        } catch (e) {
          // A fault of our own (the database): logged and retried like an unreachable centre, never a crash.
          failure = e instanceof Error ? e.message : String(e);
        }
        if (failure) log(`edge ${name}: ${failure}`);
        failures = failure ? failures + 1 : 0;
        schedule();
      });
      return running;
    };
    const schedule = () => {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), backoffDelay(interval, failures, edge!.maxBackoffMs));
    };
    return { run, stop: () => clearTimeout(timer), done: () => running };
  }

  const pull = loop('pull', edge.pullIntervalMs, async () => {
    const r = await pullOnce(deps, client, edge.nodeId);
    return r.ok ? null : r.failure;
  });
  const push = loop('push', edge.pushIntervalMs, async () => (await pushOnce(deps, client, edge.nodeId)).failure);
  void pull.run().then(() => push.run());
  return {
    pushNow: () => push.run(),
    pullNow: () => pull.run(),
    stop: async () => {
      stopped = true;
      pull.stop();
      push.stop();
      await Promise.all([pull.done(), push.done()]);
    },
  };
}
