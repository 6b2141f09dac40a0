import { Worker } from 'node:worker_threads';
import { adjudicationMemory, type Adjudication, type ScreeningConfig, type ScreeningOptions, type ScreeningResult, type Traveller } from '@kamurj/domain/border';

/** What the server asks the screening thread (screening-thread-worker.ts), in order. */
export type ThreadRequest =
  | { type: 'load'; id: number; listId: string; version: number; /** activeEntriesJson */ rows: string }
  | { type: 'screen'; id: number; listIds: string[]; traveller: Traveller; date: string; config?: ScreeningConfig; explain?: boolean; adjudications?: Adjudication[] };

export type ThreadReply = { id: number; ok: true; result: ScreeningResult | null } | { id: number; ok: false; error: string };

/** The screening options of a call, in the thread or on the event loop alike. */
export function screeningOptions(c: { date: string; config?: ScreeningConfig; explain?: boolean; adjudications?: readonly Adjudication[] }): ScreeningOptions {
  return {
    date: c.date,
    ...(c.config ? { config: c.config } : {}),
    ...(c.explain === undefined ? {} : { explain: c.explain }),
    ...(c.adjudications ? { adjudications: adjudicationMemory(c.adjudications) } : {}),
  };
}

type Load = Omit<Extract<ThreadRequest, { type: 'load' }>, 'id'>;
type Screen = Omit<Extract<ThreadRequest, { type: 'screen' }>, 'id'>;

/**
 * One worker thread holding the prepared screening lists of one database (ADR 0510). A request waits for
 * its answer; the thread keeps the process alive only while an answer is awaited. When the thread fails
 * (it cannot start, or exits), every waiting request is rejected with the reason and `failure` is set:
 * the caller screens on the event loop from then on.
 */
export class ScreeningThread {
  failure: Error | null = null;
  /** List id → the version the thread holds. */
  private readonly loaded = new Map<string, number>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (r: ScreeningResult | null) => void; reject: (e: Error) => void }>();
  private seq = 0;

  constructor() {
    this.worker = new Worker(new URL('./screening-thread-entry.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (m: ThreadReply) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) this.worker.unref();
      if (m.ok) w.resolve(m.result);
      else w.reject(new Error(`screening thread: ${m.error}`));
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`screening thread stopped (exit code ${code})`)));
  }

  /**
   * Loads every list whose version (`versions`) the thread does not hold, each read by `read` (its
   * activeEntriesJson); concurrent requests share a load. Messages are handled in order, so a screening
   * sent after this resolves uses these versions or newer ones.
   */
  async ensure(listIds: readonly string[], versions: Map<string, number>, read: (listId: string) => Promise<string>): Promise<void> {
    for (const listId of listIds) {
      const version = versions.get(listId) ?? 0;
      if ((this.loaded.get(listId) ?? -1) >= version) continue;
      const key = `${listId}@${version}`;
      let p = this.loading.get(key);
      if (!p) {
        p = (async () => {
          await this.ask({ type: 'load', listId, version, rows: await read(listId) });
          if ((this.loaded.get(listId) ?? -1) < version) this.loaded.set(listId, version);
        })().finally(() => this.loading.delete(key));
        this.loading.set(key, p);
      }
      await p;
    }
  }

  async screen(request: Screen): Promise<ScreeningResult> {
    return (await this.ask(request))!;
  }

  async close(): Promise<void> {
    this.fail(new Error('screening thread closed'));
    await this.worker.terminate();
  }

  /** Ends the thread without closing it first, as a crash would (tests). */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }

  private ask(request: Load | Screen): Promise<ScreeningResult | null> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.loaded.clear();
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
    this.worker.unref();
  }
}
