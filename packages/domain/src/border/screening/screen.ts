/**
 * screenTraveller: one traveller against prepared lists, on a date. Person lists use the names matcher
 * with per-list thresholds; document lists match numbers (exact, normalised, O/0 as a flagged candidate).
 * Entries not in force on the date never hit; known false hits for the same person and entry version are
 * moved to `suppressed` (kept for the record, not shown as stops).
 * `screenTravellerFullScan` is the reference: it scores every entry. Both share the evaluation code, and a
 * property test checks that they return the same hits.
 */
import { prepareRecord, scoreCeiling, scorePrepared, type MatchExplanation, type PartialDate, type PreparedRecord, type Sex } from '../../names/index.ts';
import type { IsoDate } from '../common/dates.ts';
import { entryInForce, type DocumentListEntry, type DocumentStatus, type EntryKind, type HitAction } from '../lists/entries.ts';
import { knownFalseHit, type Adjudication, type AdjudicationMemory } from './adjudication.ts';
import { personCandidates } from './candidates.ts';
import { DEFAULT_SCREENING_CONFIG, thresholdFor, type ScreeningConfig } from './config.ts';
import { compareDocumentNumbers, confusableKey, normaliseDocumentNumber, type DocumentMatchKind } from './document-numbers.ts';
import type { PreparedList } from './prepare-list.ts';

export interface Traveller {
  /** The matched person, when known (adjudication memory needs it). */
  readonly personId?: string | null;
  readonly name: string;
  readonly otherNames?: readonly string[];
  readonly birthDate?: PartialDate;
  readonly sex?: Sex;
  readonly nationality?: string;
  readonly documents?: readonly { readonly number: string; readonly issuingState?: string }[];
}

export interface PreparedTraveller {
  readonly traveller: Traveller;
  readonly record: PreparedRecord;
}

export function prepareTraveller(traveller: Traveller): PreparedTraveller {
  const record = prepareRecord({
    name: traveller.name,
    ...(traveller.otherNames ? { otherNames: traveller.otherNames } : {}),
    ...(traveller.birthDate ? { birthDate: traveller.birthDate } : {}),
    ...(traveller.sex ? { sex: traveller.sex } : {}),
    ...(traveller.nationality ? { nationality: traveller.nationality } : {}),
    documents: (traveller.documents ?? []).map((d) => ({ number: d.number, ...(d.issuingState ? { issuer: d.issuingState } : {}) })),
  });
  return { traveller, record };
}

export interface DocumentHitDetail {
  readonly travellerNumber: string;
  readonly listedNumber: string;
  readonly issuingState: string;
  readonly status: DocumentStatus;
  readonly matchKind: DocumentMatchKind;
  /** O/0 candidates and hits without the traveller's issuing state need an officer's look. */
  readonly needsReview: boolean;
}

export interface ScreeningHit {
  readonly listId: string;
  readonly entryId: string;
  readonly entryVersion: number;
  readonly kind: EntryKind;
  readonly action: HitAction;
  readonly reason: string;
  readonly agency: string;
  readonly score: number;
  /** Null for document lists (numbers match or not). */
  readonly threshold: number | null;
  /** Person lists: why the matcher matched (features and token alignment). */
  readonly explanation?: MatchExplanation;
  readonly document?: DocumentHitDetail;
}

export interface ScreeningResult {
  /** Sorted by score (highest first), then list and entry id. */
  readonly hits: readonly ScreeningHit[];
  readonly suppressed: readonly { readonly hit: ScreeningHit; readonly adjudication: Adjudication }[];
  /** Entries the matcher scored (the cost of the screening). */
  readonly scored: number;
}

export interface ScreeningOptions {
  /** Crossing date (or scheduled arrival for pre-screening): entries must be in force on it. */
  readonly date: IsoDate;
  readonly config?: ScreeningConfig;
  readonly adjudications?: AdjudicationMemory;
  /** Attach match explanations to hits (default true). */
  readonly explain?: boolean;
}

type Mode = 'index' | 'scan';

function screen(input: Traveller | PreparedTraveller, lists: readonly PreparedList[], options: ScreeningOptions, mode: Mode): ScreeningResult {
  const { traveller, record } = 'record' in input ? input : prepareTraveller(input);
  const config = options.config ?? DEFAULT_SCREENING_CONFIG;
  const hits: ScreeningHit[] = [];
  const suppressed: { hit: ScreeningHit; adjudication: Adjudication }[] = [];
  let scored = 0;
  const emit = (hit: ScreeningHit) => {
    const known = knownFalseHit(options.adjudications, traveller.personId, hit.entryId, hit.entryVersion);
    if (known) suppressed.push({ hit, adjudication: known });
    else hits.push(hit);
  };
  for (const list of lists) {
    // Person entries.
    let minThreshold = 1;
    for (const id of list.listIds) minThreshold = Math.min(minThreshold, thresholdFor(config, id, 'watchlist'), thresholdFor(config, id, 'entry_ban'));
    const candidates = mode === 'index' ? personCandidates(list, record, minThreshold) : null;
    const positions = candidates ? [...candidates].sort((a, b) => a - b) : list.persons.keys();
    for (const pos of positions) {
      const p = list.persons[pos];
      if (!p || !entryInForce(p.entry, options.date)) continue;
      const threshold = thresholdFor(config, p.entry.listId, p.entry.kind);
      // Born years apart (or of another sex, nationality) the entry cannot reach the threshold whatever its
      // names: they are not compared (ADR 0524). Most of a common name's namesakes end here.
      if (scoreCeiling(record, p.record) < threshold) continue;
      scored++;
      const quick = scorePrepared(record, p.record, { threshold, explain: false });
      if (!quick.match) continue;
      const explanation = options.explain === false ? undefined : scorePrepared(record, p.record, { threshold, explain: true }).explanation;
      const e = p.entry;
      emit({ listId: e.listId, entryId: e.id, entryVersion: e.version, kind: e.kind, action: e.action, reason: e.reason, agency: e.agency, score: quick.score, threshold, ...(explanation ? { explanation } : {}) });
    }
    // Document entries.
    for (const doc of traveller.documents ?? []) {
      const norm = normaliseDocumentNumber(doc.number);
      if (norm === '') continue;
      const found = mode === 'index' ? (list.documentConfusables.get(confusableKey(norm)) ?? []) : list.documents.keys();
      for (const pos of found) {
        const entry = list.documents[pos];
        if (!entry) continue;
        const hit = documentHit(entry, doc, options.date);
        if (hit) emit(hit);
      }
    }
  }
  const order = (h: ScreeningHit) => `${h.listId}\u0000${h.entryId}\u0000${h.document?.travellerNumber ?? ''}`;
  const sort = (a: ScreeningHit, b: ScreeningHit) => b.score - a.score || (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0);
  hits.sort(sort);
  suppressed.sort((a, b) => sort(a.hit, b.hit));
  return { hits, suppressed, scored };
}

function documentHit(entry: DocumentListEntry, doc: { number: string; issuingState?: string }, date: IsoDate): ScreeningHit | null {
  if (!entryInForce(entry, date)) return null;
  const kind = compareDocumentNumbers(doc.number, entry.number);
  if (kind === null) return null;
  // Numbers are unique per issuer only: a different issuing state is a different document.
  const state = doc.issuingState?.toUpperCase();
  if (state && state !== entry.issuingState) return null;
  return {
    listId: entry.listId,
    entryId: entry.id,
    entryVersion: entry.version,
    kind: 'document',
    action: entry.action,
    reason: entry.reason,
    agency: entry.agency,
    score: kind === 'confusable' ? 0.9 : 1,
    threshold: null,
    document: {
      travellerNumber: doc.number,
      listedNumber: entry.number,
      issuingState: entry.issuingState,
      status: entry.status,
      matchKind: kind,
      needsReview: kind === 'confusable' || !state,
    },
  };
}

const asArray = (lists: PreparedList | readonly PreparedList[]): readonly PreparedList[] => ('persons' in lists ? [lists as PreparedList] : (lists as readonly PreparedList[]));

/** Screens with the index: only candidate entries are scored. */
export function screenTraveller(traveller: Traveller | PreparedTraveller, lists: PreparedList | readonly PreparedList[], options: ScreeningOptions): ScreeningResult {
  return screen(traveller, asArray(lists), options, 'index');
}

/** Reference implementation: scores every entry (the benchmark's baseline and the property tests' oracle). */
export function screenTravellerFullScan(traveller: Traveller | PreparedTraveller, lists: PreparedList | readonly PreparedList[], options: ScreeningOptions): ScreeningResult {
  return screen(traveller, asArray(lists), options, 'scan');
}
