import { createHash } from 'node:crypto';
import * as P from '@kamurj/domain/persons';
import type { DocumentClearance } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import { adjudicationsAfter } from '../border/index.ts';
import { travelDocumentsOf } from '../persons/index.ts';

/**
 * Clearances (ADR 0515): the centre's adjudications of screening hits, sent down to the edge nodes so that a
 * traveller cleared at the centre or at any post is not stopped again at this one, even on a first visit.
 * A node's persons are its own, so an adjudication travels under the travel documents its person held: a
 * SHA-256 digest of issuing state and number, which the node computes for the document a traveller
 * presents. The digest keeps a node's table from being a list of document numbers; it is not anonymous
 * (document numbers are few enough to try them all).
 */
export interface Clearance {
  adjudicationId: string;
  documents: string[];
  entryId: string;
  entryVersion: number;
  outcome: 'true_hit' | 'false_hit';
  reason: string;
  byName: string;
  at: string;
  /** The centre's transaction that wrote it: the order of adjudications made at the same instant. */
  tx: string;
}

export interface ClearancePage {
  /** The last adjudication this page covers (send it with the next pull); null when the node has none yet and none were sent. */
  cursor: string | null;
  /** More wait after this page. */
  more: boolean;
  items: Clearance[];
}

/** Adjudications per pull: a node that starts empty takes the backlog in pages. */
export const CLEARANCE_PAGE = 2000;

export const documentDigest = (issuingState: string, number: string) =>
  createHash('sha256').update(`${P.normalizeStateCode(issuingState.trim().toUpperCase())}:${P.normalizeDocumentNumber(number)}`).digest('hex');

/** Centre: the adjudications after the node's cursor, each with its person's document digests. */
export async function clearancesAfter(db: Queryable, cursor: string | undefined, limit = CLEARANCE_PAGE): Promise<ClearancePage> {
  const fed = await adjudicationsAfter(db, cursor, limit + 1);
  const page = fed.slice(0, limit);
  const documents = await travelDocumentsOf(db, page.map((a) => a.personId));
  const items = page.flatMap((a) => {
    const digests = [...new Set((documents.get(a.personId) ?? []).map((d) => documentDigest(d.issuingState, d.number)))];
    // A person with no travel document cannot be recognised at a post by one: nothing to send.
    return digests.length ? [{ adjudicationId: a.id, documents: digests, entryId: a.entryId, entryVersion: a.entryVersion, outcome: a.outcome, reason: a.reason, byName: a.byName, at: a.at.toISOString(), tx: a.cursor.slice(0, a.cursor.indexOf(':')) }] : [];
  });
  return { cursor: page.at(-1)?.cursor ?? cursor ?? null, more: fed.length > limit, items };
}

/** Edge: stores a page (idempotent: a page received twice changes nothing) and moves the cursor. */
export async function applyClearances(tx: Queryable, page: ClearancePage, at: Date): Promise<number> {
  const rows = page.items.flatMap((c) => c.documents.map((d) => ({ ...c, document: d })));
  if (rows.length) {
    await tx.query(
      `INSERT INTO edge_clearances (adjudication_id, document_digest, entry_id, entry_version, outcome, reason, by_name, at, centre_tx, received_at)
       SELECT a, d, e, v, o, r, b, t, c, $10
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::bigint[]) AS u(a, d, e, v, o, r, b, t, c)
       ON CONFLICT (adjudication_id, document_digest) DO NOTHING`,
      [rows.map((r) => r.adjudicationId), rows.map((r) => r.document), rows.map((r) => r.entryId), rows.map((r) => r.entryVersion), rows.map((r) => r.outcome), rows.map((r) => r.reason), rows.map((r) => r.byName), rows.map((r) => r.at), rows.map((r) => r.tx), at],
    );
  }
  if (page.cursor) await tx.query('UPDATE edge_node SET clearance_cursor = $1 WHERE id = 1', [page.cursor]);
  return page.items.length;
}

/** Edge: the centre's adjudications for the holder of this document, oldest first, in the centre's order when at one instant (AppDeps.documentClearances). */
export async function clearancesOfDocument(db: Queryable, document: { issuingState: string; number: string }): Promise<DocumentClearance[]> {
  const rows = (await db.query<{ entry_id: string; entry_version: number; outcome: 'true_hit' | 'false_hit'; reason: string; by_name: string; at: Date }>(
    'SELECT entry_id, entry_version, outcome, reason, by_name, at FROM edge_clearances WHERE document_digest = $1 ORDER BY at, centre_tx, adjudication_id',
    [documentDigest(document.issuingState, document.number)],
  )).rows;
  return rows.map((r) => ({ entryId: r.entry_id, entryVersion: r.entry_version, outcome: r.outcome, reason: r.reason, by: r.by_name, at: new Date(r.at).toISOString() }));
}

export async function clearanceCount(db: Queryable): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT count(DISTINCT adjudication_id) AS n FROM edge_clearances')).rows[0]!.n);
}
