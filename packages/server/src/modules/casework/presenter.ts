/** What leaves the server about cases: summaries for the workqueue, the case with its timeline, actions. */
import type { AllowedAction, CaseState, CaseType } from '@kamurj/domain/casework';
import type { AttachmentRow, CaseRow, LogEntry } from './repository.ts';

export function presentAction(type: CaseType, a: LogEntry) {
  return {
    seq: a.seq,
    code: a.code,
    label: type.action(a.code)?.label ?? a.code,
    date: a.date,
    at: a.recordedAt.toISOString(),
    actor: { id: a.actor.id, name: a.actorName, agency: a.actor.agencyId },
    payload: a.payload,
    override: a.override ?? null,
  };
}

export function presentSummary(row: CaseRow, type: CaseType | undefined, today: string) {
  return {
    id: row.id,
    number: row.number,
    type: row.case_type,
    typeLabel: type?.definition.label ?? row.case_type,
    title: row.title,
    status: row.status,
    terminal: row.terminal,
    version: row.version,
    agency: row.agency_code,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    householdId: row.household_id,
    pendingTransferTo: row.pending_transfer_to,
    nextDueOn: row.next_due_on,
    overdue: row.next_due_on !== null && row.next_due_on < today,
    dueSoon: row.remind_on !== null && row.remind_on <= today && (row.next_due_on ?? '') >= today,
    breached: row.breached || (row.next_due_on !== null && row.next_due_on < today),
    openedOn: row.opened_on,
    lastActionOn: row.last_action_on,
  };
}

/** An action the user may (or may not) take, with the fields its form needs. */
export function presentAllowed(type: CaseType, a: AllowedAction) {
  const spec = type.action(a.code)!;
  const d = spec.decision;
  return {
    code: a.code,
    label: a.label,
    allowed: a.allowed,
    reason: a.reason ?? null,
    message: a.message ?? null,
    overridable: a.overridable ?? false,
    generic: spec.generic,
    effect: spec.effect,
    fields: spec.fields.map((f) => ({ name: f.name, type: f.type, required: f.required, values: f.values ?? null, maxLength: f.maxLength ?? null })),
    decision: d
      ? {
          outcomes: d.outcome ? [d.outcome] : (d.outcomes ?? []),
          legalBases: type.definition.legalBases
            .filter((b) => (!d.legalBases || d.legalBases.includes(b.code)) && (!b.outcomes || b.outcomes.some((o) => (d.outcome ? [d.outcome] : (d.outcomes ?? [])).includes(o))))
            .map((b) => ({ code: b.code, citation: b.citation })),
        }
      : null,
  };
}

export function presentCase(
  row: CaseRow,
  type: CaseType,
  state: CaseState,
  log: readonly LogEntry[],
  allowed: readonly AllowedAction[],
  attachments: readonly AttachmentRow[],
  household: { id: string; label: string; members: { id: string; number: string; type: string; status: string }[] } | null,
  today: string,
) {
  return {
    ...presentSummary(row, type, today),
    subjectPersonIds: row.subject_person_ids,
    statusLabel: state.status,
    typeVersion: row.type_version,
    timeline: log.map((a) => presentAction(type, a)),
    allowedActions: allowed.map((a) => presentAllowed(type, a)),
    tasks: state.deadlines.map((d) => ({
      code: d.code,
      label: d.label,
      unit: d.unit,
      startedOn: d.startedOn,
      dueOn: d.dueOn,
      remindOn: d.remindOn,
      stoppedOn: d.stoppedOn,
      running: d.running,
      breached: d.breached,
      reminderDue: d.reminderDue,
      remaining: d.remaining,
    })),
    consents: state.consents,
    referrals: state.referrals,
    transfers: state.transfers,
    pendingTransfer: state.pendingTransfer,
    decisions: state.decisions.map((d) => ({ ...d, citation: type.definition.legalBases.find((b) => b.code === d.legalBasis)?.citation ?? null })),
    notes: log.filter((a) => type.action(a.code)?.effect === 'note').map((a) => ({ seq: a.seq, text: String(a.payload.text ?? ''), date: a.date, by: a.actorName })),
    attachments: attachments.map((f) => ({ id: f.id, seq: f.seq, name: f.name, mediaType: f.media_type, size: f.size, sha256: f.sha256 })),
    data: state.data,
    household,
  };
}
