import { Worker } from 'node:worker_threads';
import { adjudicationMemory, type Adjudication, type ScreeningConfig, type ScreeningOptions, type ScreeningResult, type Traveller } from '@kamurj/domain/border';

/** What the server asks the screening thread (screening-thread-worker.ts), in order. */
export type ThreadRequest =
  | { type: 'load'; id: number; listId: string; version: number; /** activeEntriesJson */ rows: string }
  | ScreenRequest
  /** The screenings asked for in one turn of the event loop's microtasks, in one message (ADR 0525). */
  | { type: 'screens'; requests: ScreenRequest[] };

type ScreenRequest = { type: 'screen'; id: number; listIds: string[]; traveller: Traveller; date: string; config?: ScreeningConfig; explain?: boolean; adjudications?: Adjudication[] };

export type ThreadReply = { id: number; ok: true; result: ScreeningResult | null } | { id: number; ok: false; error: string };
/** What the thread answers a message: one reply, or (to `screens`) one per request, in their order. */
export type ThreadMessage = ThreadReply | ThreadReply[];

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
type Screen = Omit<ScreenRequest, 'id'>;

/** Messages the server has sent to its screening threads, and the screenings they carried (the benchmark reports the ratio). */
export const screeningMessages = { messages: 0, screenings: 0 };

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
  /** Screenings asked for since the last message: sent together when the current microtasks have run. */
  private pending: ScreenRequest[] = [];

  constructor() {
    this.worker = new Worker(new URL('./screening-thread-entry.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (m: ThreadMessage) => {
      for (const r of Array.isArray(m) ? m : [m]) {
        const w = this.waiting.get(r.id);
        if (!w) continue;
        this.waiting.delete(r.id);
        if (r.ok) w.resolve(r.result);
        else w.reject(new Error(`screening thread: ${r.error}`));
      }
      if (this.waiting.size === 0) this.worker.unref();
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
      if (request.type === 'screen') {
        // Travellers answered by one batched read go on to screening in the same run of microtasks: their
        // screenings travel in one message and come back in one (ADR 0525). Each message is a
        // serialisation, a wake-up of the thread and an event on the loop.
        this.pending.push({ ...request, id });
        if (this.pending.length === 1) queueMicrotask(() => this.flush());
      } else {
        // Messages are handled in order: screenings asked for before a load go first.
        this.flush();
        this.send({ ...request, id }, 0);
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    if (!batch.length || this.failure) return;
    this.pending = [];
    try {
      this.send(batch.length === 1 ? batch[0]! : { type: 'screens', requests: batch }, batch.length);
    } catch {
      // A request that cannot be sent to the thread (it cannot be cloned) fails alone: each goes on its own.
      for (const r of batch) {
        try {
          this.send(r, 1);
        } catch (e) {
          this.waiting.get(r.id)?.reject(e as Error);
          this.waiting.delete(r.id);
        }
      }
      if (this.waiting.size === 0) this.worker.unref();
    }
  }

  private send(message: ThreadRequest, screenings: number): void {
    this.worker.postMessage(message);
    // Counted once sent: a message that could not be cloned is not one.
    screeningMessages.messages++;
    screeningMessages.screenings += screenings;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.loaded.clear();
    this.pending = [];
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
    this.worker.unref();
  }
}
