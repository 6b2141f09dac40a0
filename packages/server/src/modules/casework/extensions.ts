/**
 * What another module adds to a case type it owns (ADR 0404): per action, a `prepare` step before the
 * domain validates the command (check references in its registries, complete the payload from them,
 * refuse with a rule of its own) and an `applied` step after the action is in the log (write its
 * registries: grant a status, end a permit; record follow-up actions), both inside the append's
 * transaction, so a refusal anywhere leaves nothing behind. A type may also name an access action whose
 * holders reach its cases from outside the owning agency (the labour ministry on work permits), and
 * describe a decision for its letter.
 */
import { access } from '@kamurj/domain';
import type { CaseState, RecordedAction } from '@kamurj/domain/casework';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import type { AuditOrigin } from '../audit/index.ts';
import type { LetterLang } from '../letters/index.ts';

/** The case as an extension sees it. */
export interface CaseFacts {
  id: string;
  number: string;
  type: string;
  agencyId: string;
  agencyCode: string;
  jurisdictionPath: string;
  subjectPersonIds: string[];
}

export interface HookContext {
  deps: AppDeps;
  tx: Queryable;
  origin: AuditOrigin;
  auth: AuthContext;
  case: CaseFacts;
  /** The office's calendar date of the action. */
  date: string;
  /** The state before the action. */
  before: CaseState;
}

export interface AppliedContext extends HookContext {
  record: RecordedAction;
  after: CaseState;
  /** Records a follow-up action on the case, in the same transaction, as the same actor. */
  append(code: string, payload?: Record<string, unknown>): Promise<{ record: RecordedAction; state: CaseState }>;
}

export interface ActionHook {
  /** Returns the payload to validate and record (completed or unchanged); throws to refuse. */
  prepare?(ctx: HookContext, payload: Record<string, unknown>): Promise<Record<string, unknown>>;
  applied?(ctx: AppliedContext): Promise<void>;
}

export type Localized = Readonly<Record<LetterLang, string>>;

/** A decision as the letter sees it: the action that took it and what it recorded. */
export interface DecisionFacts {
  seq: number;
  action: string;
  outcome: string;
  date: string;
  payload: Record<string, unknown>;
}

export interface CaseTypeExtension {
  /** Holders of this access action (within its reach) may read cases of the type and record the actions its table gives their roles. */
  reviewAccess?: access.Action;
  actions?: Readonly<Record<string, ActionHook>>;
  /** What the letter says about a decision beyond its outcome and legal basis (e.g. the card and its validity). */
  describeDecision?(q: Queryable, c: CaseFacts, decision: DecisionFacts): Promise<Localized | null>;
}

const extensions = new Map<string, CaseTypeExtension>();

/** Adds a module's hooks to a registered case type (once per type; the same object again is a no-op). */
export function extendCaseType(code: string, ext: CaseTypeExtension): void {
  const known = extensions.get(code);
  if (known && known !== ext) throw new Error(`Case type ${code} is already extended by another module`);
  extensions.set(code, ext);
}

export const extensionOf = (code: string): CaseTypeExtension | undefined => extensions.get(code);

/** Case types whose review access the actor holds, with the reach of that access. */
export function reviewTypes(actor: access.Actor): { type: string; reaches: readonly access.Reach[] }[] {
  return [...extensions.entries()]
    .filter(([, e]) => e.reviewAccess)
    .map(([type, e]) => ({ type, reaches: access.reachOf(actor, e.reviewAccess!) }))
    .filter((t) => t.reaches.length > 0);
}

/** Whether the actor reaches this case through its type's review access. */
export function reviews(actor: access.Actor, type: string, target: { agencyId: string; jurisdictionPath: string }): boolean {
  const a = extensions.get(type)?.reviewAccess;
  return a !== undefined && access.can(actor, a, target);
}
