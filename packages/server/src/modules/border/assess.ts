import type { Direction } from '@kamurj/domain/border';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { findHoldersOfDocument, readPersonForBorder, searchDocumentHolders, type DocumentHolder, type DuplicateCandidate } from '../persons/index.ts';
import { localDate } from './context.ts';
import { crossingsOfDocument, crossingsOfPerson, type CrossingRow, type HistoryRow } from './crossings-repository.ts';
import { readDocument, type DocumentView } from './document.ts';
import type { ManualDocument } from './schemas.ts';
import { screen, type HitView } from './screening.ts';
import { loadSettings, profileOf, type BorderReference, type BorderSettings, type CrossingPoint } from './settings.ts';
import { computeStay, currentRows, movementsOf, stayFacts, type ComputedStay } from './stay.ts';

/**
 * Everything the console needs about one traveller at one crossing point, in one pass: the document,
 * the person (the officer's choice, else the best holder of the document), screening hits, earlier
 * refusals and overstays, and the stay position as it would be after this crossing.
 */
export const MATCH_SCORE = 0.9;

export interface HistoryHit {
  source: 'refusal' | 'overstay';
  crossingId: string;
  date: string;
  crossingPoint: string;
  refusalCode: string | null;
  overstayDays: number | null;
}

export interface Assessment {
  date: string;
  document: DocumentView;
  documentRecord: ReturnType<typeof readDocument>['record'];
  crossingDocument: ReturnType<typeof readDocument>['crossing'];
  person: Omit<DocumentHolder, 'score' | 'explanation' | 'sameDocument'> & { score: number | null; sameDocument: boolean; chosen: boolean } | null;
  candidates: DocumentHolder[];
  /** The registry search's duplicate candidates for the document's record (server-side only; null when none ran). */
  found: DuplicateCandidate[] | null;
  hits: HitView[];
  suppressed: HitView[];
  /**
   * Recording a crossing of a matched person reads the person's history once, in the write transaction
   * (ADR 0506): then `history` and `recent` are empty here and `historyDeferred` is true.
   */
  history: HistoryHit[];
  historyDeferred: boolean;
  recent: CrossingRow[];
  stay: ComputedStay;
  settings: BorderSettings;
}

export function historyHits<R extends HistoryRow>(rows: readonly R[]): { hits: HistoryHit[]; current: R[] } {
  const current = currentRows(rows);
  const hits: HistoryHit[] = [];
  for (const r of current) {
    if (r.decision === 'refuse') hits.push({ source: 'refusal', crossingId: r.id, date: r.local_date, crossingPoint: r.crossing_point, refusalCode: r.refusal_code, overstayDays: null });
    const stay = r.stay as { kind?: string; overstayDays?: number } | null;
    if (r.decision === 'admit' && r.direction === 'exit' && stay?.kind === 'counted' && (stay.overstayDays ?? 0) > 0) {
      hits.push({ source: 'overstay', crossingId: r.id, date: r.local_date, crossingPoint: r.crossing_point, refusalCode: null, overstayDays: stay.overstayDays ?? 0 });
    }
  }
  return { hits, current };
}

/**
 * The document's holders; with `recording`, the name-key search runs only when no holder of the document
 * is known, and blocks only near birth years (ADR 0506). `found` is what that search found (reused by a
 * registration of the traveller); null when no name search ran.
 */
async function documentHolders(deps: AppDeps, auth: AuthContext, record: Assessment['documentRecord'], recording: boolean): Promise<{ holders: DocumentHolder[]; found: DuplicateCandidate[] | null }> {
  if (recording) {
    const exact = await findHoldersOfDocument(deps, auth, record);
    if (exact.length) return { holders: exact, found: null };
  }
  return searchDocumentHolders(deps, auth, record, recording ? { holderScore: MATCH_SCORE } : {});
}

export async function assess(
  deps: AppDeps,
  auth: AuthContext,
  point: CrossingPoint,
  input: {
    direction: Direction;
    mrz?: string | undefined;
    manual?: ManualDocument | undefined;
    personId?: string | null | undefined;
    at: Date;
    excludeCrossing?: string;
    /**
     * Recording (ADR 0505) needs the holder, not the look-alikes: a registry person holding this very
     * document ends the person search; hits are kept without the listed entry's data and explanation.
     */
    recording?: boolean;
    /** The border's reference data as the request read it already (borderReference; read here otherwise). */
    reference?: BorderReference;
  },
): Promise<Assessment> {
  const date = localDate(input.at, point.timeZone);
  const doc = readDocument(input, date);
  const settings = await loadSettings(deps.db, deps.config.country, input.reference?.settings);
  const searched = input.personId ? { holders: [], found: null } : await documentHolders(deps, auth, doc.record, input.recording === true);
  const candidates = searched.holders;
  let person: Assessment['person'] = null;
  if (input.personId) {
    const p = await readPersonForBorder(deps, auth, input.personId);
    person = { ...p, score: null, sameDocument: false, chosen: true };
  } else {
    const best = candidates[0];
    if (best && (best.sameDocument || best.score >= MATCH_SCORE)) person = { ...best, chosen: false };
  }
  const personId = person?.personId ?? null;
  const historyDeferred = input.recording === true && personId !== null;
  const rows = historyDeferred ? [] : (personId ? await crossingsOfPerson(deps.db, personId) : await crossingsOfDocument(deps.db, doc.crossing.number)).filter((r) => r.id !== input.excludeCrossing);
  const { hits: history, current } = historyHits(rows);
  const screened = await screen(deps, settings, { doc: doc.view, personId, personRecord: person?.record ?? null, date, detail: input.recording !== true, ...(input.reference ? { versions: input.reference.versions } : {}) });
  const facts = stayFacts(person?.record ?? null, doc.view.nationality, date, settings, profileOf(deps.config.country));
  // The position as it would be after this crossing (an entry today, or an exit today).
  const movements = [...movementsOf(rows), { direction: input.direction, date }];
  return {
    date,
    document: doc.view,
    documentRecord: doc.record,
    crossingDocument: doc.crossing,
    person,
    candidates,
    found: searched.found,
    hits: screened.hits,
    suppressed: screened.suppressed,
    history,
    historyDeferred,
    recent: current.slice(-5).reverse(),
    stay: computeStay(facts, movements, date),
    settings,
  };
}
