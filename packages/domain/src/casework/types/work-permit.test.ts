/** The work-permit case type: the labour ministry's 15-working-day check, decision, termination; exemptions. */
import { describe, expect, it } from 'vitest';
import { breachedDeadlines, currentDeadline, workPermitRequired, workPermitType as T } from '../index.ts';
import { actor } from '../testing/harness.ts';
import { CaseScript } from '../testing/script.ts';

const employer = actor(['employer_representative'], 'EMPLOYER', 'e1');
const worker = actor(['case_worker'], 'MCS', 'w1');
const labour = actor(['labour_market_officer'], 'MOLSA', 'l1');
const chief = actor(['case_supervisor'], 'MCS', 's1');
const APPLICATION = { employerTaxNumber: '02612345', employerName: 'Ararat Textiles LLC', position: 'Weaver', occupationCode: '7318', vacancyId: 'V-77', salaryAmd: 350000 };
const WORKER = { workerId: 'P-5', nationality: 'IND', passportNumber: 'N5', contractStart: '2026-06-01', contractEnd: '2027-05-31' };

function inCheck() {
  const c = new CaseScript(T);
  c.do(employer, 'submit', '2026-04-17', APPLICATION);
  c.do(worker, 'send-to-labour-ministry', '2026-04-20');
  return c;
}

describe('work-permit case', () => {
  it('tracks the 15 working days of the labour-market check (24 Apr, 1 May off: due 13 May 2026)', () => {
    const c = inCheck();
    expect(currentDeadline(c.state(), 'labour-market-check')).toMatchObject({ dueOn: '2026-05-13', remindOn: '2026-05-08', remaining: 15, breached: false });
    expect(currentDeadline(c.state('2026-05-08'), 'labour-market-check')).toMatchObject({ reminderDue: true, remaining: 3 });
    expect(currentDeadline(c.state('2026-05-13'), 'labour-market-check')).toMatchObject({ breached: false, remaining: 0 });
    expect(breachedDeadlines(c.state('2026-05-14')).map((d) => d.code)).toEqual(['labour-market-check']);
    c.refuse('CASE.ROLE_NOT_ALLOWED', worker, 'labour-consent', '2026-05-14', { result: 'consent', reference: 'MOL-1' });
    c.do(labour, 'labour-consent', '2026-05-14', { result: 'consent', reference: 'MOL-1' });
    // Stopped one day late: the breach stays on record.
    expect(currentDeadline(c.state('2026-06-30'), 'labour-market-check')).toMatchObject({ running: false, stoppedOn: '2026-05-14', breached: true, remaining: null });
  });

  it('goes from consent to a permit with residence, then to the employer’s termination notice', () => {
    const c = inCheck();
    c.do(labour, 'labour-consent', '2026-05-05', { result: 'consent', reference: 'MOL-2' });
    expect(currentDeadline(c.state(), 'labour-market-check')).toMatchObject({ breached: false, running: false });
    c.do(employer, 'enter-worker-data', '2026-05-06', WORKER);
    c.refuse('CASE.ROLE_NOT_ALLOWED', employer, 'grant', '2026-05-07', { permitNumber: 'WP-1', validUntil: '2027-05-31', legalBasis: 'LF-WORK-PERMIT' });
    c.do(chief, 'grant', '2026-05-07', { permitNumber: 'WP-1', validUntil: '2027-05-31', residenceCardNumber: 'RC-9', legalBasis: 'LF-WORK-PERMIT' });
    c.refuse('CASE.FIELD_INVALID', employer, 'notify-termination', '2026-09-01', { terminationDate: '2026-08-31', reason: 'bankrupt' });
    c.do(employer, 'notify-termination', '2026-09-01', { terminationDate: '2026-08-31', reason: 'dismissal' });
    expect(c.state()).toMatchObject({ status: 'employment-ended', terminal: true, data: { permitNumber: 'WP-1', terminationDate: '2026-08-31' } });
  });

  it('a refused labour-market check ends the case with its legal basis', () => {
    const c = inCheck();
    c.refuse('CASE.LEGAL_BASIS_UNKNOWN', labour, 'labour-refusal', '2026-04-30', { reference: 'MOL-3', reasons: 'Local candidates', legalBasis: 'LF-WORK-PERMIT' });
    c.do(labour, 'labour-refusal', '2026-04-30', { reference: 'MOL-3', reasons: 'Local candidates', legalBasis: 'LM-NO-CONSENT' });
    expect(c.state()).toMatchObject({ status: 'refused', decisions: [{ outcome: 'refused', legalBasis: 'LM-NO-CONSENT' }], deadlines: [{ running: false, breached: false }] });
  });
});

describe('workPermitRequired', () => {
  it.each([
    ['ARM', null, '2026-01-01', { required: false, reason: 'citizen' }],
    ['RUS', null, '2026-01-01', { required: false, reason: 'nationality', exemption: 'eaeu-citizen' }],
    ['KGZ', null, '2026-01-01', { required: false, reason: 'nationality' }],
    ['IRN', null, '2026-01-01', { required: true }],
    ['IRN', 'highly-qualified-specialist', '2026-01-01', { required: false, reason: 'category', exemption: 'highly-qualified-specialist' }],
    ['IRN', 'not-a-category', '2026-01-01', { required: true }],
    ['IRN', null, '2018-12-31', { required: false, reason: 'not-in-force' }],
  ])('%s, %s, %s', (nationality, category, date, expected) => {
    expect(workPermitRequired(nationality, category, date)).toMatchObject(expected);
  });
});
