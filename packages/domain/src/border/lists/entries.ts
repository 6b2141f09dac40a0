/**
 * Watchlists and document lists as data. Entries are versioned: every change to an entry raises its
 * `version`, so adjudication memory (a known false hit) is tied to the entry as it was adjudicated.
 */
import type { PartialDate, Sex } from '../../names/index.ts';
import { inForce, lastDayOf, type Duration, type IsoDate, type Validity } from '../common/dates.ts';

/** What the console asks the officer to do on a hit. */
export const HIT_ACTIONS = ['refuse_entry', 'second_line', 'detain', 'notify_agency', 'record_only'] as const;
export type HitAction = (typeof HIT_ACTIONS)[number];

export type EntryKind = 'watchlist' | 'entry_ban' | 'document';

interface EntryBase {
  readonly id: string;
  /** Raised on every change; adjudications remember the version they saw. */
  readonly version: number;
  /** Which list the entry belongs to (thresholds are per list). */
  readonly listId: string;
  readonly reason: string;
  /** Owning agency code (who may change the entry and whom to notify). */
  readonly agency: string;
  readonly validity?: Validity;
  readonly action: HitAction;
}

/** A person on a list: names in any script, each variant as written. */
export interface PersonEntry extends EntryBase {
  readonly kind: 'watchlist' | 'entry_ban';
  /** The first is the primary form; the others are variants (other scripts, aliases, MRZ forms). */
  readonly names: readonly string[];
  readonly birthDate?: PartialDate;
  readonly sex?: Sex;
  /** ICAO 3-letter code. */
  readonly nationality?: string;
  readonly documents?: readonly { readonly number: string; readonly issuingState?: string }[];
}

export interface WatchlistEntry extends PersonEntry {
  readonly kind: 'watchlist';
}

/** An entry ban: in force from `ban.from` to `ban.until` inclusive (null: until lifted). */
export interface EntryBan extends PersonEntry {
  readonly kind: 'entry_ban';
  readonly ban: { readonly from: IsoDate; readonly until: IsoDate | null };
}

export const DOCUMENT_STATUSES = ['lost', 'stolen', 'revoked'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const LISTED_DOCUMENT_TYPES = ['passport', 'id_card', 'travel_document', 'visa', 'residence_permit', 'other'] as const;
export type ListedDocumentType = (typeof LISTED_DOCUMENT_TYPES)[number];

/** A lost, stolen or revoked travel document (the Interpol SLTD model, national edition). */
export interface DocumentListEntry extends EntryBase {
  readonly kind: 'document';
  /** Normalised: upper case, no spaces or dashes. */
  readonly number: string;
  readonly issuingState: string;
  readonly documentType: ListedDocumentType;
  readonly status: DocumentStatus;
  readonly reportedOn: IsoDate;
}

export type ListEntry = WatchlistEntry | EntryBan | DocumentListEntry;

/** The ban period from a start and either an explicit last day or a duration (years/months/days). */
export function banPeriod(input: { from: IsoDate; until?: IsoDate | null; duration?: Duration }): { from: IsoDate; until: IsoDate | null } | null {
  if (input.duration) {
    const until = lastDayOf(input.from, input.duration);
    return until === null || until < input.from ? null : { from: input.from, until };
  }
  if (input.until !== undefined && input.until !== null && input.until < input.from) return null;
  return { from: input.from, until: input.until ?? null };
}

/**
 * Whether an entry can hit on `date` (the crossing date, or the scheduled arrival for pre-screening):
 * its validity period includes the date and, for a ban, the ban is in force on that date.
 */
export function entryInForce(entry: ListEntry, date: IsoDate): boolean {
  if (!inForce(entry.validity, date)) return false;
  if (entry.kind === 'entry_ban') return inForce({ from: entry.ban.from, until: entry.ban.until }, date);
  return true;
}
