/** The generic actions on a residence case: assignment, transfer, consent-gated referral, files, decisions. */
import { describe, expect, it } from 'vitest';
import { allowedActions, checkAttachmentContent, CONSENT_OVERRIDE_PERMISSION, residencePermitType, sniffMediaType } from './index.ts';
import { actor, SHA } from './testing/harness.ts';
import { CaseScript } from './testing/script.ts';

const worker = actor(['case_worker'], 'MCS', 'w1');
const police = actor(['case_worker'], 'POLICE', 'p1');
const submitted = () => {
  const c = new CaseScript(residencePermitType);
  c.do(worker, 'submit', '2026-04-20', { kind: 'temporary', ground: 'work', applicantId: 'P-1', nationality: 'IRN', passportNumber: 'X1', passportValidUntil: '2030-01-01', feePaid: true });
  return c;
};

describe('assignment', () => {
  it('assign once, then reassign with a reason', () => {
    const c = submitted();
    c.do(worker, 'assign', '2026-04-20', { assigneeId: 'w1' });
    c.refuse('CASE.ALREADY_ASSIGNED', worker, 'assign', '2026-04-20', { assigneeId: 'w2' });
    c.refuse('CASE.FIELD_REQUIRED', worker, 'reassign', '2026-04-20', { assigneeId: 'w2' });
    c.do(worker, 'reassign', '2026-04-21', { assigneeId: 'w2', reason: 'Leave' });
    expect(c.state().assignee).toBe('w2');
  });
});

describe('transfer between agencies', () => {
  it('blocks other work until the receiver answers; only the receiver may answer', () => {
    const c = submitted();
    c.do(worker, 'assign', '2026-04-20', { assigneeId: 'w1' });
    c.refuse('CASE.TRANSFER_TO_SAME_AGENCY', worker, 'transfer', '2026-04-21', { toAgencyId: 'MCS', reason: 'x' });
    c.do(worker, 'transfer', '2026-04-21', { toAgencyId: 'POLICE', reason: 'Criminal record check' });
    c.refuse('CASE.TRANSFER_PENDING', worker, 'start-checks', '2026-04-21');
    c.refuse('CASE.NOT_RECEIVING_AGENCY', worker, 'accept-transfer', '2026-04-21');
    c.do(worker, 'add-note', '2026-04-21', { text: 'Waiting for the police' });
    c.do(police, 'refuse-transfer', '2026-04-22', { reason: 'Not our competence' });
    expect(c.state()).toMatchObject({ agencyId: 'MCS', assignee: 'w1', pendingTransfer: null, transfers: [{ outcome: 'refused', refusalReason: 'Not our competence' }] });
    c.do(worker, 'transfer', '2026-04-23', { toAgencyId: 'POLICE', reason: 'Again' });
    c.do(police, 'accept-transfer', '2026-04-23');
    expect(c.state()).toMatchObject({ agencyId: 'POLICE', assignee: null, notes: 1 });
    expect(c.state().transfers.map((t) => t.outcome)).toEqual(['refused', 'accepted']);
  });
});

describe('referral needs consent', () => {
  const consent = { givenBy: 'P-1', relationship: 'self', scope: 'referral', purpose: 'legal-aid', recipients: ['ngo-1'], validUntil: '2026-06-30' };
  const referral = { providerId: 'ngo-1', service: 'lawyer', purpose: 'legal-aid' };

  it('is refused without consent, for another purpose or provider, and after expiry or withdrawal', () => {
    const c = submitted();
    c.refuse('CASE.CONSENT_REQUIRED', worker, 'refer', '2026-04-21', referral);
    expect(allowedActions(residencePermitType, c.state(), worker).find((a) => a.code === 'refer')).toMatchObject({ allowed: false, reason: 'CASE.CONSENT_REQUIRED', overridable: false });
    c.do(worker, 'record-consent', '2026-04-21', consent);
    c.refuse('CASE.CONSENT_REQUIRED', worker, 'refer', '2026-04-21', { ...referral, purpose: 'shelter' });
    c.refuse('CASE.CONSENT_REQUIRED', worker, 'refer', '2026-04-21', { ...referral, providerId: 'ngo-2' });
    c.do(worker, 'refer', '2026-04-22', referral);
    expect(c.state().referrals).toMatchObject([{ providerId: 'ngo-1', consentId: 'consent-2', override: null }]);
    c.refuse('CASE.CONSENT_REQUIRED', worker, 'refer', '2026-07-01', referral); // expired on 30 Jun
    c.do(worker, 'record-consent', '2026-07-01', { ...consent, validUntil: '2026-12-31' });
    c.do(worker, 'withdraw-consent', '2026-07-02', { consentId: 'consent-4', reason: 'Changed their mind' });
    c.refuse('CASE.CONSENT_REQUIRED', worker, 'refer', '2026-07-02', referral);
    c.refuse('CASE.CONSENT_EXPIRED', worker, 'record-consent', '2026-07-02', { ...consent, validUntil: '2026-07-01' });
  });

  it('an override needs the permission and a reason, and is flagged for the audit', () => {
    const c = submitted();
    c.refuse('CASE.OVERRIDE_NOT_PERMITTED', worker, 'refer', '2026-04-21', referral, { override: { reason: 'Imminent danger to the person' } });
    const chief = actor(['case_worker'], 'MCS', 'chief', [CONSENT_OVERRIDE_PERMISSION]);
    expect(allowedActions(residencePermitType, c.state(), chief).find((a) => a.code === 'refer')).toMatchObject({ allowed: false, overridable: true });
    c.refuse('CASE.OVERRIDE_REASON_REQUIRED', chief, 'refer', '2026-04-21', referral, { override: { reason: 'urgent' } });
    const r = c.do(chief, 'refer', '2026-04-21', referral, { override: { reason: 'Imminent danger to the person' } });
    expect(r.auditFlags).toEqual([{ code: 'CASE.CONSENT_OVERRIDE', action: 'refer', reason: 'Imminent danger to the person', permission: CONSENT_OVERRIDE_PERMISSION }]);
    expect(r.record.override).toEqual({ reason: 'Imminent danger to the person', permission: CONSENT_OVERRIDE_PERMISSION });
    expect(c.state().referrals[0]).toMatchObject({ consentId: null, override: { reason: 'Imminent danger to the person' } });
  });
});

describe('attachments and decisions', () => {
  const file = { name: 'passport.pdf', mediaType: 'application/pdf', size: 120_000, sha256: SHA };
  it('checks size, type and hash against the policy given', () => {
    const c = submitted();
    c.do(worker, 'attach-file', '2026-04-21', file);
    c.refuse('CASE.ATTACHMENT_TOO_LARGE', worker, 'attach-file', '2026-04-21', { ...file, size: 100 * 1024 * 1024 });
    c.refuse('CASE.ATTACHMENT_TYPE_NOT_ALLOWED', worker, 'attach-file', '2026-04-21', { ...file, mediaType: 'application/x-msdownload' });
    c.refuse('CASE.FIELD_INVALID', worker, 'attach-file', '2026-04-21', { ...file, sha256: 'abc' });
    c.refuse('CASE.ATTACHMENT_NAME_INVALID', worker, 'attach-file', '2026-04-21', { ...file, name: '../etc/passwd' });
    const strict = new CaseScript(residencePermitType, { ...c.ctx, attachments: { allowedMediaTypes: ['image/png'], maxBytes: 1000 } });
    strict.refuse('CASE.ATTACHMENT_TYPE_NOT_ALLOWED', worker, 'attach-file', '2026-04-21', { ...file, size: 10 });
    expect(c.state().attachments).toHaveLength(1);
  });

  it('a procedural decision cites a legal basis that supports it', () => {
    const c = submitted();
    c.refuse('CASE.LEGAL_BASIS_REQUIRED', worker, 'record-decision', '2026-04-21', { summary: 'Documents requested' });
    c.refuse('CASE.LEGAL_BASIS_UNKNOWN', worker, 'record-decision', '2026-04-21', { summary: 'x', legalBasis: 'LF-REFUSAL' });
    c.do(worker, 'record-decision', '2026-04-21', { summary: 'Documents requested', legalBasis: 'APA-PROCEDURAL' });
    expect(c.state().decisions).toMatchObject([{ outcome: 'procedural', legalBasis: 'APA-PROCEDURAL', action: 'record-decision' }]);
  });

  it('refuses unknown actions, unknown fields and back-dated actions', () => {
    const c = submitted();
    c.refuse('CASE.ACTION_UNKNOWN', worker, 'teleport', '2026-04-21');
    c.refuse('CASE.FIELD_INVALID', worker, 'add-note', '2026-04-21', { text: 'x', colour: 'red' });
    c.refuse('CASE.DATE_BEFORE_LAST_ACTION', worker, 'add-note', '2026-04-19', { text: 'x' });
    c.refuse('CASE.INVALID_DATE', worker, 'add-note', '2026-02-30', { text: 'x' });
  });
});

describe('attachment content', () => {
  it('a file that claims to be a PDF and is not is refused', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n');
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);
    expect(sniffMediaType(pdf)).toBe('application/pdf');
    expect(checkAttachmentContent('application/pdf', pdf)).toBeNull();
    expect(checkAttachmentContent('application/pdf', exe)).toMatchObject({ code: 'CASE.ATTACHMENT_CONTENT_MISMATCH', kind: 'unsupported_media' });
    expect(checkAttachmentContent('application/pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.message).toMatch(/is image\/png/);
  });
});
