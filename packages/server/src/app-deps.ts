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
  onCrossingsRecorded?: CrossingHook;
  /**
   * Called inside the transaction that records an officer's adjudication of a screening hit (ADR 0514): on
   * an edge node it appends the adjudication to the outbox that takes it to the centre. Absent at the centre.
   */
  onHitAdjudicated?: (tx: Queryable, adjudication: { id: string; at: Date }) => Promise<void>;
  /**
   * On an edge node, the centre's adjudications for the holder of a travel document (ADR 0515): screening
   * counts them with the node's own, so a traveller cleared elsewhere is not stopped again here. Absent at
   * the centre, whose adjudications are its own.
   */
  documentClearances?: (db: Queryable, document: { issuingState: string; number: string }) => Promise<DocumentClearance[]>;
}

/** An adjudication the centre sent for a travel document's holder (ADR 0515). */
export interface DocumentClearance {
  entryId: string;
  entryVersion: number;
  outcome: 'true_hit' | 'false_hit';
  reason: string;
  /** The officer's name. */
  by: string;
  /** UTC instant, ISO 8601. */
  at: string;
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

type Warnings = { code: string; message: string }[][];

/** Rows another module writes with a group of crossings: a CTE over a jsonb array (ADR 0511). */
export interface GroupPart {
  /** A key of the statement's jsonb parameter (letters and underscores). */
  name: string;
  rows: unknown[];
  /** One or more CTEs reading `source`, a jsonb array of `rows`. */
  ctes: (source: string) => string;
}

export interface CrossingHook {
  (tx: Queryable, events: readonly CrossingRecordedEvent[]): Promise<Warnings>;
  /**
   * The same work for crossings not yet written and without a transaction (ADR 0511), called only for
   * crossings that no edge node delivered: it reads before the group's one write statement and returns the
   * warnings and the rows to write with that statement (or null). Absent when the hook needs the
   * transaction (an edge node's outbox).
   */
  before?: (db: Queryable, events: readonly CrossingRecordedEvent[]) => Promise<{ warnings: Warnings; part: GroupPart | null }>;
}

export interface CrossingRecordedEvent {
  id: string;
  occurredAt: string;
  recordedAt: Date;
  crossingPoint: string;
  /** The crossing point's jurisdiction. */
  jurisdictionPath: string;
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
