/**
 * Border management rules: crossing records and corrections, idempotency, watchlists and document lists,
 * screening with an index, advance passenger information, and the stay position for the console.
 * Pure: no I/O, no clock. See ./README.md and docs/decisions/0501-border-screening.md.
 */
export type { RowIssue, FieldIssue, Validated } from './common/issues.ts';
export { inForce, addDuration, lastDayOf, isIsoDate, type IsoDate, type Validity, type Duration } from './common/dates.ts';
export { parseInstant, formatInstant, toLocalDateTime, isTimeZone, type LocalDateTime } from './common/local-time.ts';

export { REFUSAL_CODES, REFUSAL_LABELS, isRefusalCode, refusalNeedsText, MAX_REASON_TEXT, type RefusalCode, type Labels } from './crossings/refusal-reasons.ts';
export { TRANSPORT_MODES, normaliseFlightNumber, normalisePlate, parseTransport, type Transport, type TransportMode } from './crossings/transport.ts';
export {
  parseCrossing,
  DIRECTIONS,
  DECISIONS,
  DOCUMENT_TYPES,
  TRAVEL_PURPOSES,
  type CrossingRecord,
  type CrossingDocument,
  type Direction,
  type Decision,
  type DocumentType,
  type TravelPurpose,
  type Refusal,
} from './crossings/crossing.ts';
export { currentCrossings, checkSupersede, type SupersedingRecord, type SupersessionFold, type SupersessionProblem, type CurrentCrossing } from './crossings/supersession.ts';
export {
  idempotencyKeyProblem,
  deriveIdempotencyKey,
  scopedKey,
  canonicalJson,
  requestHash,
  decideIdempotency,
  type StoredRequest,
  type IdempotencyDecision,
} from './crossings/idempotency.ts';

export {
  HIT_ACTIONS,
  DOCUMENT_STATUSES,
  LISTED_DOCUMENT_TYPES,
  banPeriod,
  entryInForce,
  type HitAction,
  type EntryKind,
  type PersonEntry,
  type WatchlistEntry,
  type EntryBan,
  type DocumentListEntry,
  type DocumentStatus,
  type ListedDocumentType,
  type ListEntry,
} from './lists/entries.ts';
export { parseCsv, mapHeader, headerKey, type CsvRecord, type CsvResult, type CsvOptions } from './lists/csv.ts';
export { importDocumentList, DOCUMENT_CSV_ALIASES, type DocumentImportOptions, type DocumentImportResult } from './lists/document-import.ts';

export { DEFAULT_SCREENING_CONFIG, parseScreeningConfig, thresholdFor, type ScreeningConfig } from './screening/config.ts';
export { normaliseDocumentNumber, confusableKey, compareDocumentNumbers, type DocumentMatchKind } from './screening/document-numbers.ts';
export { prepareList, type PreparedList, type PreparedPersonEntry } from './screening/prepare-list.ts';
export { INDEX_MIN_THRESHOLD, MAX_QUALIFIER_BONUS } from './screening/candidates.ts';
export { adjudicationMemory, knownFalseHit, parseAdjudication, type Adjudication, type AdjudicationMemory } from './screening/adjudication.ts';
export {
  screenTraveller,
  screenTravellerFullScan,
  prepareTraveller,
  type Traveller,
  type PreparedTraveller,
  type ScreeningHit,
  type ScreeningResult,
  type ScreeningOptions,
  type DocumentHitDetail,
} from './screening/screen.ts';

export { passengerToTraveller, arrivalDate, type AdvancePassenger } from './api/passenger.ts';
export { parseManifestCsv, MANIFEST_CSV_ALIASES, type ManifestResult } from './api/manifest-csv.ts';
export { parseEdifact, release, DEFAULT_SEPARATORS, type Separators, type Segment, type EdifactIssue, type EdifactResult } from './api/edifact.ts';
export { parsePaxlst, type PaxlstResult, type PaxlstHeader } from './api/paxlst.ts';
export { formatPaxlst, type PaxlstMessage } from './api/paxlst-format.ts';

export { stayPosition, type StayPosition, type StayPositionInput, type PersonStatus, type Permit } from './stay-position.ts';
