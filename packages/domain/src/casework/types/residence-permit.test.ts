/** The residence-permit case type end to end, and its pure rules. */
import { describe, expect, it } from 'vitest';
import { allowedActions, currentDeadline, extensionFilingDeadline, extensionFilingInTime, reapplyAllowedFrom, residencePermitType as T, residenceValidUntil } from '../index.ts';
import { actor } from '../testing/harness.ts';
import { CaseScript } from '../testing/script.ts';

const worker = actor(['case_worker'], 'MCS', 'w1');
const chief = actor(['case_supervisor'], 'MCS', 's1');
const SUBMIT = { kind: 'permanent', ground: 'armenian-origin', applicantId: 'P-1', nationality: 'USA', passportNumber: 'A1', passportValidUntil: '2032-01-01', feePaid: true };

function toChecks() {
  const c = new CaseScript(T);
  c.do(worker, 'edit-application', '2026-04-01', { kind: 'permanent' });
  c.do(worker, 'submit', '2026-04-02', SUBMIT);
  c.do(worker, 'start-checks', '2026-04-03');
  return c;
}

describe('residence-permit case', () => {
  it('checks before decision; decisions by a supervisor with a legal basis; card; extension in time', () => {
    const c = toChecks();
    c.refuse('CASE.PRECONDITION_FAILED', chief, 'grant', '2026-04-06', { decisionNumber: 'D-1', legalBasis: 'LF-PERMANENT' });
    for (const check of ['check-document-validity', 'check-watchlist', 'check-earlier-refusals']) c.do(worker, check, '2026-04-06', { result: 'clear' });
    c.refuse('CASE.ROLE_NOT_ALLOWED', worker, 'grant', '2026-04-07', { decisionNumber: 'D-1', legalBasis: 'LF-PERMANENT' });
    c.refuse('CASE.LEGAL_BASIS_REQUIRED', chief, 'grant', '2026-04-07', { decisionNumber: 'D-1' });
    c.refuse('CASE.LEGAL_BASIS_UNKNOWN', chief, 'grant', '2026-04-07', { decisionNumber: 'D-1', legalBasis: 'LF-REFUSAL' });
    c.do(chief, 'grant', '2026-04-07', { decisionNumber: 'D-1', legalBasis: 'LF-PERMANENT' });
    c.refuse('CASE.FIELD_REQUIRED', worker, 'issue-card', '2026-04-10', { cardNumber: 'RC-1', validFrom: '2026-04-10' });
    c.do(worker, 'issue-card', '2026-04-10', { cardNumber: 'RC-1', validFrom: '2026-04-10', validUntil: '2027-06-30' });
    const s = c.state();
    expect(s).toMatchObject({ status: 'card-issued', decisions: [{ outcome: 'granted', legalBasis: 'LF-PERMANENT', by: 's1' }], data: { kind: 'permanent', cardNumber: 'RC-1' } });
    expect(Object.keys(s.checks).sort()).toEqual(['check-document-validity', 'check-earlier-refusals', 'check-watchlist']);
    // Last day to apply: 31 May 2027; reminder 10 working days before (Fri 28 May 2027 is a holiday): Fri 14 May.
    expect(currentDeadline(s, 'extension-filing')).toMatchObject({ dueOn: '2027-05-31', remindOn: '2027-05-14', running: true });
    expect(currentDeadline(c.state('2027-05-14'), 'extension-filing')).toMatchObject({ reminderDue: true, breached: false });
    c.do(worker, 'request-extension', '2027-05-31', { feePaid: true });
    expect(currentDeadline(c.state(), 'extension-filing')).toMatchObject({ running: false, breached: false, stoppedBy: 'request-extension' });
    c.do(chief, 'grant-extension', '2027-06-10', { decisionNumber: 'D-2', legalBasis: 'LF-PERMANENT' });
    expect(c.state().decisions.map((d) => d.outcome)).toEqual(['granted', 'extended']);
  });

  it('refuses an extension applied for less than 30 days before expiry', () => {
    const c = toChecks();
    for (const check of ['check-document-validity', 'check-watchlist', 'check-earlier-refusals']) c.do(worker, check, '2026-04-06', { result: 'clear' });
    c.do(chief, 'grant', '2026-04-07', { decisionNumber: 'D-1', legalBasis: 'LF-PERMANENT' });
    c.do(worker, 'issue-card', '2026-04-10', { cardNumber: 'RC-1', validFrom: '2026-04-10', validUntil: '2027-06-30' });
    const error = c.refuse('CASE.DEADLINE_EXPIRED', worker, 'request-extension', '2027-06-01', { feePaid: true });
    expect(error?.details).toMatchObject({ deadline: 'extension-filing', dueOn: '2027-05-31' });
    expect(allowedActions(T, c.state('2027-06-01'), worker).find((a) => a.code === 'request-extension')).toMatchObject({ allowed: false, reason: 'CASE.DEADLINE_EXPIRED' });
    expect(c.state('2027-06-01').deadlines[0]).toMatchObject({ breached: true, remaining: -1 });
    c.do(worker, 'record-expiry', '2027-07-01', { expiredOn: '2027-06-30' });
    expect(c.state()).toMatchObject({ status: 'expired', terminal: true });
  });

  it('withdrawal closes the case; a closed case takes only notes', () => {
    const c = toChecks();
    c.do(worker, 'withdraw', '2026-04-04', { reason: 'Left the country' });
    c.refuse('CASE.ACTION_NOT_ALLOWED_IN_STATUS', worker, 'assign', '2026-04-05', { assigneeId: 'w1' });
    c.refuse('CASE.ACTION_NOT_ALLOWED_IN_STATUS', chief, 'grant', '2026-04-05', { decisionNumber: 'D', legalBasis: 'LF-PERMANENT' });
    c.do(worker, 'add-note', '2026-04-05', { text: 'Passport returned' });
    const allowed = allowedActions(T, c.state(), worker).filter((a) => a.allowed).map((a) => a.code);
    expect(allowed).toEqual(['add-note']);
  });
});

describe('residence rules', () => {
  it('re-application after refusal: one year, at once for study → study (art. 20(4))', () => {
    expect(reapplyAllowedFrom({ decidedOn: '2026-03-10', ground: 'work' })).toBe('2027-03-11');
    expect(reapplyAllowedFrom({ decidedOn: '2026-03-10', ground: 'study' })).toBe('2026-03-10');
    expect(reapplyAllowedFrom({ decidedOn: '2026-03-10', ground: 'study' }, 'marriage')).toBe('2027-03-11');
    expect(reapplyAllowedFrom({ decidedOn: '2024-02-29', ground: 'work' })).toBe('2025-03-01');
  });
  it('terms and the extension window', () => {
    expect(residenceValidUntil('temporary', '2026-05-01')).toBe('2027-04-30');
    expect(residenceValidUntil('permanent', '2026-05-01')).toBe('2031-04-30');
    expect(residenceValidUntil('special', '2026-05-01')).toBe('2036-04-30');
    expect(extensionFilingDeadline('2027-06-30')).toBe('2027-05-31');
    expect(extensionFilingInTime('2027-06-30', '2027-05-31')).toBe(true);
    expect(extensionFilingInTime('2027-06-30', '2027-06-01')).toBe(false);
  });
});
