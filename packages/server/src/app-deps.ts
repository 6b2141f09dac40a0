import type { Config } from './config/config.ts';
import type { Db, Queryable } from './db/client.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every route handler and service may use; passed explicitly, never imported as globals. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  /**
   * Called inside the transaction that records border crossings, one or several written together (ADR
   * 0503, 0507): on an edge node it appends them to the outbox, at the centre it looks for conflicting uses
   * of the documents. Returns warnings for the officer per crossing, in order (e.g. the post's clock ran
   * backwards). Set by buildApp from the mode.
   */
  onCrossingsRecorded?: (tx: Queryable, events: readonly CrossingRecordedEvent[]) => Promise<{ code: string; message: string }[][]>;
}

/** A crossing delivered by an edge node (ADR 0503): the id, officer and sequence number it had there. */
export interface EdgeDelivery {
  nodeId: string;
  seq: number;
  /** The machine token that delivered it. */
  tokenId: string;
  crossingId: string;
  officer: { id: string; name: string };
  /** The node's clock ran backwards when it recorded this crossing. */
  clockWarning: boolean;
}

export interface CrossingRecordedEvent {
  id: string;
  occurredAt: string;
  recordedAt: Date;
  crossingPoint: string;
  document: { number: string; issuingState: string };
  personId: string | null;
  supersedes: string | null;
  officer: { id: string; name: string };
  /** The request as the officer sent it. */
  body: Record<string, unknown>;
  delivery: EdgeDelivery | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
