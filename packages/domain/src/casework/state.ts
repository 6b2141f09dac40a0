/**
 * The action log and the state folded from it. The log is append-only: a recorded action is never
 * changed, and the case's version is the number of actions in its log.
 */
import type { AttachmentPolicy } from './attachments.ts';
import type { WorkingCalendar } from './calendar.ts';
import type { IsoDate } from './dates.ts';
import type { DeadlineState } from './deadlines.ts';

/** Who acts. Role codes are strings: modules may add roles beyond the access vocabulary. */
export interface CaseActor {
  id: string;
  agencyId: string;
  roles: readonly string[];
  /** Fine-grained permissions the server resolved for this actor (e.g. the consent override). */
  permissions?: readonly string[];
}

/** A proposed action, as a client sends it. */
export interface ActionCommand {
  code: string;
  /** The case version the client saw (optimistic concurrency). */
  baseVersion: number;
  /** Calendar date at the office (the server fills it from its clock in the profile's time zone). */
  date: IsoDate;
  /** Instant, for display and ordering within a day; not interpreted by the domain. */
  at?: string;
  payload?: Record<string, unknown>;
  /** Proceed despite a failed overridable guard (missing consent); needs the guard's permission. */
  override?: { reason: string };
}

/** An entry of the log. `seq` is 1-based: the case version after it. */
export interface RecordedAction {
  seq: number;
  code: string;
  actor: { id: string; agencyId: string; roles: readonly string[] };
  date: IsoDate;
  at?: string;
  payload: Readonly<Record<string, unknown>>;
  /** Present only when an override was used; the server writes an audit row for it. */
  override?: { reason: string; permission: string };
}

export interface ConsentRecord {
  /** `consent-<seq>` of the recording action. */
  id: string;
  seq: number;
  givenBy: string;
  relationship: string;
  scope: string;
  purpose: string;
  /** Providers the consent covers; empty = any. */
  recipients: string[];
  validUntil: IsoDate;
  documentId: string | null;
  recordedOn: IsoDate;
  recordedBy: string;
  withdrawnOn: IsoDate | null;
}

export interface Referral {
  seq: number;
  providerId: string;
  service: string;
  purpose: string;
  date: IsoDate;
  by: string;
  /** The consent that covered it, or null when it went ahead under an override. */
  consentId: string | null;
  override: { reason: string; permission: string } | null;
}

export interface Transfer {
  seq: number;
  fromAgencyId: string | null;
  toAgencyId: string;
  reason: string;
  requestedBy: string;
  requestedOn: IsoDate;
  outcome: 'pending' | 'accepted' | 'refused';
  respondedOn: IsoDate | null;
  respondedBy: string | null;
  refusalReason: string | null;
}

export interface Decision {
  seq: number;
  action: string;
  outcome: string;
  legalBasis: string;
  date: IsoDate;
  by: string;
}

export interface AttachmentRecord {
  seq: number;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  date: IsoDate;
  by: string;
}

export interface CheckRecord {
  seq: number;
  result: string | null;
  date: IsoDate;
  by: string;
}

export interface CaseState {
  caseType: string;
  definitionVersion: number;
  /** Number of actions in the log. */
  version: number;
  status: string;
  terminal: boolean;
  /** Owning agency: the first actor's, then the receiver of each accepted transfer. */
  agencyId: string | null;
  assignee: string | null;
  openedOn: IsoDate | null;
  lastActionOn: IsoDate | null;
  /** Day the deadline flags are evaluated for. */
  asOf: IsoDate | null;
  pendingTransfer: Transfer | null;
  transfers: Transfer[];
  /** Every run of every deadline, oldest first; a restart adds a run. */
  deadlines: DeadlineState[];
  consents: ConsentRecord[];
  referrals: Referral[];
  decisions: Decision[];
  attachments: AttachmentRecord[];
  /** Latest result of each check action (effect `check`), by action code. */
  checks: Record<string, CheckRecord>;
  notes: number;
  /** How often each action was taken. */
  actionCounts: Record<string, number>;
  /** Payload fields of the case type's own actions, later values winning (application data). */
  data: Record<string, unknown>;
}

export interface CaseContext {
  calendar: WorkingCalendar;
  /** Evaluate deadline flags as of this day; default: the date of the last action. */
  asOf?: IsoDate;
  /** Limits for `attach-file`; default DEFAULT_ATTACHMENT_POLICY. */
  attachments?: AttachmentPolicy;
}
