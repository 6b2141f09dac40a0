import type { Assessment } from './assess.ts';
import type { CrossingRow } from './crossings-repository.ts';
import type { HandoverRow } from './handovers-repository.ts';
import type { EntryRow } from './lists-repository.ts';

/** What leaves the server about border records (never a row as it is). */
export function presentCrossing(r: CrossingRow) {
  return {
    id: r.id,
    direction: r.direction,
    crossingPoint: r.crossing_point,
    occurredAt: r.occurred_at.toISOString(),
    local: { date: r.local_date, time: r.local_time, timeZone: r.time_zone, offsetMinutes: r.offset_minutes },
    officer: { id: r.officer_id, name: r.officer_name },
    personId: r.person_id,
    document: r.document,
    nationality: r.nationality,
    decision: r.decision,
    refusal: r.refusal_code ? { code: r.refusal_code, text: r.refusal_text } : null,
    reason: r.reason,
    transport: r.transport,
    purpose: r.purpose,
    declaredAddress: r.declared_address,
    supersedes: r.supersedes ? { id: r.supersedes, reason: r.supersede_reason } : null,
    supersededBy: r.superseded_by ?? null,
    hits: r.hits,
    stay: r.stay,
    recordedAt: r.recorded_at.toISOString(),
  };
}
export type CrossingView = ReturnType<typeof presentCrossing>;

export function presentHandover(h: HandoverRow) {
  return {
    id: h.id,
    crossingId: h.crossing_id,
    personId: h.person_id,
    kind: h.kind,
    agency: h.agency_code,
    crossingPoint: h.crossing_point,
    note: h.note,
    state: h.state,
    createdAt: h.created_at.toISOString(),
    createdBy: h.created_by_name,
    acknowledgedAt: h.acknowledged_at ? h.acknowledged_at.toISOString() : null,
    acknowledgedBy: h.acknowledged_by_name,
    acknowledgementNote: h.acknowledgement_note,
  };
}

export function presentEntry(e: EntryRow) {
  return {
    id: e.id,
    listId: e.list_id,
    kind: e.kind,
    version: e.version,
    active: e.active,
    agency: e.agency_code,
    ...e.data,
    createdAt: e.created_at.toISOString(),
    updatedAt: e.updated_at.toISOString(),
  };
}

export function presentAssessment(a: Assessment, crossingPoint: string, direction: string, checkedAt: Date) {
  const person = a.person
    ? a.person.masked
      ? { id: a.person.personId, masked: true as const, score: a.person.score, sameDocument: a.person.sameDocument, chosen: a.person.chosen }
      : { id: a.person.personId, masked: false as const, summary: a.person.summary, score: a.person.score, sameDocument: a.person.sameDocument, chosen: a.person.chosen }
    : null;
  return {
    checkedAt: checkedAt.toISOString(),
    date: a.date,
    crossingPoint,
    direction,
    document: a.document,
    person,
    newPerson: person === null,
    candidates: a.candidates.map((c) => ({ id: c.personId, masked: c.masked, summary: c.summary, score: c.score, sameDocument: c.sameDocument, explanation: c.explanation })),
    hits: a.hits,
    suppressed: a.suppressed,
    history: a.history,
    recent: a.recent.map((r) => ({ id: r.id, direction: r.direction, crossingPoint: r.crossing_point, date: r.local_date, decision: r.decision, refusalCode: r.refusal_code })),
    stay: { status: a.stay.facts.status, nationality: a.stay.facts.nationality, rule: a.stay.facts.rule, position: a.stay.position, lastLawfulDay: a.stay.lastLawfulDay },
    referralAgencies: a.settings.referrals,
  };
}
