import type { ScreeningHit, Traveller } from '@kamurj/domain/border';
import { parsePartialDate } from '@kamurj/domain/names';
import * as P from '@kamurj/domain/persons';
import type { AppDeps } from '../../app-deps.ts';
import { batchedRead } from '../../db/batched.ts';
import type { Queryable } from '../../db/client.ts';
import { findEntries, type EntryData } from './lists-repository.ts';
import { screenAgainstLists } from './screening-cache.ts';
import type { BorderReference, BorderSettings } from './settings.ts';
import type { DocumentView } from './document.ts';

/**
 * Screening of one traveller against the prepared lists (watchlist, entry bans, lost/stolen/revoked
 * documents) with the adjudication memory of the matched person. Hits are returned with what the
 * officer needs to judge them: the entry as listed, the score and threshold, and the matcher's why.
 */
export interface HitView {
  source: 'watchlist' | 'entry_ban' | 'document';
  entryId: string;
  entryVersion: number;
  listId: string;
  score: number;
  threshold: number | null;
  action: ScreeningHit['action'];
  reason: string;
  agency: string;
  needsReview: boolean;
  explanation: ScreeningHit['explanation'] | null;
  document: ScreeningHit['document'] | null;
  entry: EntryData | null;
  adjudication: { outcome: string; reason: string; by: string; at: string } | null;
}

type AdjudicationRow = { person_id: string; entry_id: string; entry_version: number; outcome: 'true_hit' | 'false_hit'; by_name: string; at: Date; reason: string };

/**
 * The person's adjudications, oldest first. Outside a transaction, concurrent travellers' reads share one
 * statement (batchedRead, ADR 0509): most travellers with a hit have none, and the read was a statement of
 * its own for each of them.
 */
export async function loadAdjudications(db: Queryable, personId: string | null) {
  if (!personId) return [];
  const byPerson = await batchedRead(db, 'border.adjudications', [personId], async (ids) => {
    const r = await db.query<AdjudicationRow>(
      'SELECT person_id, entry_id, entry_version, outcome, by_name, at, reason FROM border_adjudications WHERE person_id = ANY($1::uuid[]) ORDER BY at',
      [ids],
      { prepare: 'generic' },
    );
    const out = new Map<string, AdjudicationRow[]>();
    for (const a of r.rows) out.set(a.person_id, [...(out.get(a.person_id) ?? []), a]);
    return out;
  });
  return (byPerson.get(personId) ?? []).map((a) => ({ personId: a.person_id, entryId: a.entry_id, entryVersion: a.entry_version, outcome: a.outcome, by: a.by_name, at: a.at.toISOString(), reason: a.reason }));
}

export async function screen(
  deps: AppDeps,
  settings: BorderSettings,
  input: {
    doc: DocumentView;
    personId: string | null;
    personRecord: P.PersonData | null;
    date: string;
    /** Listed entry and explanation per hit (the console shows them; a record keeps ids and scores). */
    detail?: boolean;
    /** The list version counters as borderReference read them (read here otherwise). */
    versions?: BorderReference['versions'];
  },
): Promise<{ hits: HitView[]; suppressed: HitView[] }> {
  const otherNames = (input.personRecord?.names ?? []).map((n) => P.fullName(n)).filter(Boolean);
  const birth = input.doc.birthDate ? parsePartialDate(input.doc.birthDate) : null;
  const traveller: Traveller = {
    personId: input.personId,
    name: `${input.doc.surname} ${input.doc.givenNames}`.trim() || (otherNames[0] ?? ''),
    otherNames,
    ...(birth ? { birthDate: birth } : {}),
    ...(input.doc.sex === 'M' || input.doc.sex === 'F' ? { sex: input.doc.sex } : {}),
    ...(input.doc.nationality ? { nationality: input.doc.nationality } : {}),
    documents: [{ number: input.doc.number, issuingState: input.doc.issuingState }],
  };
  const detail = input.detail !== false;
  const call = { traveller, date: input.date, config: settings.screening, explain: detail };
  let result = await screenAgainstLists(deps.db, deps.db, call, input.versions);
  // Adjudications only ever suppress hits: they are read when there is a hit to suppress (ADR 0507).
  let adjudications: Awaited<ReturnType<typeof loadAdjudications>> = [];
  const cleared = deps.documentClearances;
  if (result.hits.length && (input.personId || cleared)) {
    // On an edge node, the centre's adjudications for the document's holder count with the node's own, the
    // latest per entry and version deciding (ADR 0515). Their subject is the node's person when it knows
    // one, otherwise the document: a traveller cleared elsewhere is not stopped on a first visit here.
    const subject = input.personId ?? `document:${input.doc.issuingState}:${input.doc.number}`;
    const [own, fromCentre] = await Promise.all([
      loadAdjudications(deps.db, input.personId),
      cleared && input.doc.number ? cleared(deps.db, { issuingState: input.doc.issuingState, number: input.doc.number }) : [],
    ]);
    adjudications = [...own, ...fromCentre.map((c) => ({ ...c, personId: subject }))].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    if (adjudications.length) result = await screenAgainstLists(deps.db, deps.db, { ...call, traveller: { ...traveller, personId: subject }, adjudications }, input.versions);
  }
  const ids = detail ? [...new Set([...result.hits.map((h) => h.entryId), ...result.suppressed.map((s) => s.hit.entryId)])] : [];
  const entries = new Map((await findEntries(deps.db, ids)).map((e) => [e.id, e.data]));
  const latest = new Map(adjudications.map((a) => [`${a.entryId}:${a.entryVersion}`, a]));
  const view = (h: ScreeningHit): HitView => {
    const a = latest.get(`${h.entryId}:${h.entryVersion}`);
    return {
      source: h.kind,
      entryId: h.entryId,
      entryVersion: h.entryVersion,
      listId: h.listId,
      score: h.score,
      threshold: h.threshold,
      action: h.action,
      reason: h.reason,
      agency: h.agency,
      needsReview: h.document?.needsReview ?? false,
      explanation: h.explanation ?? null,
      document: h.document ?? null,
      entry: entries.get(h.entryId) ?? null,
      adjudication: a ? { outcome: a.outcome, reason: a.reason, by: a.by, at: a.at } : null,
    };
  };
  return { hits: result.hits.map(view), suppressed: result.suppressed.map((s) => view(s.hit)) };
}
