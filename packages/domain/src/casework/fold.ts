/**
 * Status as a fold over the append-only action log (the OpenCRVS events/state pattern): the state is
 * recomputed from the log, never stored as the truth. The log is trusted to have been validated when each
 * action was appended (appendAction); an entry the case type does not know is a corrupt log.
 */
import { DomainError } from '../kernel/errors.ts';
import type { CaseType } from './case-type.ts';
import type { ActionSpec } from './definition.ts';
import { deadlineState, dueDate, reminderDate, type DeadlineRun } from './deadlines.ts';
import { findConsent } from './consent.ts';
import type { CaseContext, CaseState, RecordedAction } from './state.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function initialState(type: CaseType): CaseState {
  const d = type.definition;
  return {
    caseType: d.code,
    definitionVersion: d.version,
    version: 0,
    status: d.initialStatus,
    terminal: false,
    agencyId: null,
    assignee: null,
    openedOn: null,
    lastActionOn: null,
    asOf: null,
    pendingTransfer: null,
    transfers: [],
    deadlines: [],
    consents: [],
    referrals: [],
    decisions: [],
    attachments: [],
    checks: {},
    notes: 0,
    actionCounts: {},
    data: {},
  };
}

const corrupt = (message: string, seq: number) => new DomainError('CASE.LOG_CORRUPT', 'internal', message, { seq });

/** The effect of one action on the case besides its status. Mutates the state being built by the fold. */
function applyEffect(s: CaseState, spec: ActionSpec, rec: RecordedAction): void {
  const p = rec.payload;
  switch (spec.effect) {
    case 'assign':
    case 'reassign':
      s.assignee = str(p.assigneeId);
      break;
    case 'transfer-request':
      s.pendingTransfer = {
        seq: rec.seq,
        fromAgencyId: s.agencyId,
        toAgencyId: str(p.toAgencyId),
        reason: str(p.reason),
        requestedBy: rec.actor.id,
        requestedOn: rec.date,
        outcome: 'pending',
        respondedOn: null,
        respondedBy: null,
        refusalReason: null,
      };
      break;
    case 'transfer-accept':
    case 'transfer-refuse': {
      const t = s.pendingTransfer;
      if (!t) throw corrupt(`Action ${rec.code} answers no pending transfer`, rec.seq);
      const accepted = spec.effect === 'transfer-accept';
      s.transfers.push({ ...t, outcome: accepted ? 'accepted' : 'refused', respondedOn: rec.date, respondedBy: rec.actor.id, refusalReason: accepted ? null : str(p.reason) });
      if (accepted) {
        s.agencyId = t.toAgencyId;
        s.assignee = null; // the receiving agency assigns its own staff
      }
      s.pendingTransfer = null;
      break;
    }
    case 'consent':
      s.consents.push({
        id: `consent-${rec.seq}`,
        seq: rec.seq,
        givenBy: str(p.givenBy),
        relationship: str(p.relationship),
        scope: str(p.scope),
        purpose: str(p.purpose),
        recipients: Array.isArray(p.recipients) ? p.recipients.map(String) : [],
        validUntil: str(p.validUntil),
        documentId: optStr(p.documentId),
        recordedOn: rec.date,
        recordedBy: rec.actor.id,
        withdrawnOn: null,
      });
      break;
    case 'consent-withdraw': {
      const c = s.consents.find((x) => x.id === p.consentId);
      if (c && c.withdrawnOn === null) c.withdrawnOn = rec.date;
      break;
    }
    case 'referral': {
      const consent = findConsent(s, { scope: 'referral', purpose: str(p.purpose), recipient: str(p.providerId) }, rec.date);
      s.referrals.push({
        seq: rec.seq,
        providerId: str(p.providerId),
        service: str(p.service),
        purpose: str(p.purpose),
        date: rec.date,
        by: rec.actor.id,
        consentId: consent?.id ?? null,
        override: rec.override ?? null,
      });
      break;
    }
    case 'note':
      s.notes += 1;
      break;
    case 'attachment':
      s.attachments.push({ seq: rec.seq, name: str(p.name), mediaType: str(p.mediaType), size: Number(p.size), sha256: str(p.sha256), date: rec.date, by: rec.actor.id });
      break;
    case 'decision':
      s.decisions.push({ seq: rec.seq, action: rec.code, outcome: spec.decision?.outcome ?? str(p.outcome), legalBasis: str(p.legalBasis), date: rec.date, by: rec.actor.id });
      break;
    case 'check':
      s.checks[rec.code] = { seq: rec.seq, result: optStr(p.result), date: rec.date, by: rec.actor.id };
      break;
    case 'none':
      break;
  }
}

/**
 * Folds the log into the case state. `ctx.asOf` is the day deadline flags are computed for (default: the
 * last action's date). Pure: the same log, case type and calendar always give the same state.
 */
export function foldCase(type: CaseType, log: readonly RecordedAction[], ctx: CaseContext): CaseState {
  const s = initialState(type);
  const runs: DeadlineRun[] = [];
  const specs = type.definition.deadlines;
  for (const [i, rec] of log.entries()) {
    if (rec.seq !== i + 1) throw corrupt(`Log entry ${i} has sequence ${rec.seq}, expected ${i + 1}`, rec.seq);
    const spec = type.action(rec.code);
    if (!spec) throw corrupt(`Case type ${type.definition.code} has no action ${rec.code}`, rec.seq);
    s.agencyId ??= rec.actor.agencyId;
    s.openedOn ??= rec.date;
    s.lastActionOn = rec.date;
    s.actionCounts[rec.code] = (s.actionCounts[rec.code] ?? 0) + 1;
    applyEffect(s, spec, rec);
    if (!spec.generic) Object.assign(s.data, rec.payload);
    if (spec.to !== 'same') s.status = spec.to;
    s.terminal = type.isTerminal(s.status);
    // Stop before start, so an action that does both restarts the deadline.
    for (const run of runs) {
      const d = type.deadline(run.code);
      if (run.stoppedOn === null && (d?.stopOn.includes(rec.code) || s.terminal)) {
        run.stoppedOn = rec.date;
        run.stoppedBy = rec.code;
      }
    }
    if (!s.terminal) {
      for (const d of specs) {
        if (!d.startOn.includes(rec.code)) continue;
        for (const run of runs) {
          if (run.code !== d.code || run.stoppedOn !== null) continue;
          run.stoppedOn = rec.date;
          run.stoppedBy = rec.code;
        }
        const anchor = d.anchorField === undefined ? rec.date : str(rec.payload[d.anchorField]);
        const due = dueDate(d, anchor, ctx.calendar);
        runs.push({ code: d.code, startedOn: rec.date, startedBy: rec.seq, dueOn: due, remindOn: reminderDate(d, due, ctx.calendar), stoppedOn: null, stoppedBy: null });
      }
    }
    s.version = rec.seq;
  }
  s.asOf = ctx.asOf ?? s.lastActionOn;
  const asOf = s.asOf;
  s.deadlines = asOf === null ? [] : runs.map((run) => deadlineState(type.deadline(run.code) as NonNullable<ReturnType<CaseType['deadline']>>, run, asOf, ctx.calendar));
  return s;
}

/** The latest run of a deadline, if it was ever started. */
export const currentDeadline = (state: CaseState, code: string) => state.deadlines.findLast((d) => d.code === code);

/** Deadlines breached as of the state's as-of day. */
export const breachedDeadlines = (state: CaseState) => state.deadlines.filter((d) => d.breached);
