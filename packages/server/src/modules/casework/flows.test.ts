import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../lib/ids.ts';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';

/** Transfers, consent-gated referrals, attachments, bulk work and households (issue 6 §1). */
let t: TestApp;
let worker: Client;
let admin: Client;
let police: Client;
const WORKER_ID = stableUuid('demo-user', 'ARM:case.worker');

async function open(c: Client, title = 'Flow case') {
  const res = await c.post('/api/cases', { type: 'work-permit', title, office: 'MCS-HQ' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}
const count = async (sql: string, params: unknown[]) => Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);
const version = async (id: string) => (await worker.get(`/api/cases/${id}`)).json().version as number;

beforeAll(async () => {
  t = await createTestApp();
  const pid = stableUuid('test-user', 'police.worker');
  await t.ownerDb.query(
    `INSERT INTO users (id, username, display_name, agency_id, password_hash) SELECT $1, 'police.worker', 'Police Worker', $2, password_hash FROM users WHERE username = 'case.worker'`,
    [pid, stableUuid('agency', 'POLICE')],
  );
  await t.ownerDb.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'case_worker')`, [pid]);
  await t.ownerDb.query(`INSERT INTO user_jurisdictions (user_id, jurisdiction_id) SELECT $1, jurisdiction_id FROM user_jurisdictions WHERE user_id = $2`, [pid, WORKER_ID]);
  worker = await loginAs(t, 'case.worker');
  admin = await loginAs(t, 'mcs.admin');
  police = await loginAs(t, 'police.worker');
});
afterAll(() => t.close());

describe('referrals need consent', () => {
  const referral = { providerId: 'NGO-HAYK', service: 'legal aid', purpose: 'legal-aid' };

  it('is refused without consent; the override needs the permission and a reason, and writes its own audit row', async () => {
    const c = await open(worker);
    const none = await worker.post(`/api/cases/${c.id}/referrals`, { baseVersion: 0, ...referral });
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({ code: 'CASE.CONSENT_REQUIRED', overridable: true });
    const notPermitted = await worker.post(`/api/cases/${c.id}/referrals`, { baseVersion: 0, ...referral, overrideReason: 'Urgent shelter needed tonight' });
    expect(notPermitted.statusCode).toBe(403);
    expect(notPermitted.json().error.code).toBe('CASE.OVERRIDE_NOT_PERMITTED');
    const short = await admin.post(`/api/cases/${c.id}/referrals`, { baseVersion: 0, ...referral, overrideReason: 'urgent' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('CASE.OVERRIDE_REASON_REQUIRED');
    expect(await count('SELECT count(*) AS n FROM case_actions WHERE case_id = $1', [c.id])).toBe(0);
    const ok = await admin.post(`/api/cases/${c.id}/referrals`, { baseVersion: 0, ...referral, overrideReason: 'Person is at risk tonight; consent to follow' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().referrals[0]).toMatchObject({ providerId: 'NGO-HAYK', consentId: null, override: { permission: 'cases.referral.override_consent' } });
    const rows = (await t.db.query<{ action: string; details: { reason?: string } }>(`SELECT action, details FROM audit_log WHERE target_id = $1 AND action IN ('case.action.refer', 'case.referral.consent_override') ORDER BY id`, [c.id])).rows;
    expect(rows.map((r) => r.action)).toEqual(['case.action.refer', 'case.referral.consent_override']);
    expect(rows[1]?.details.reason).toBe('Person is at risk tonight; consent to follow');
  });

  it('goes ahead with a consent in force for that purpose and provider; an expired consent is refused', async () => {
    const c = await open(worker);
    const expired = await worker.post(`/api/cases/${c.id}/consents`, { baseVersion: 0, givenBy: 'A. Person', relationship: 'self', scope: 'referral', purpose: 'legal-aid', validUntil: '2020-01-01' });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('CASE.CONSENT_EXPIRED');
    const consent = await worker.post(`/api/cases/${c.id}/consents`, { baseVersion: 0, givenBy: 'A. Person', relationship: 'self', scope: 'referral', purpose: 'legal-aid', recipients: ['NGO-HAYK'], validUntil: '2030-01-01' });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().consents[0]).toMatchObject({ givenBy: 'A. Person', purpose: 'legal-aid', recipients: ['NGO-HAYK'], validUntil: '2030-01-01' });
    const other = await worker.post(`/api/cases/${c.id}/referrals`, { baseVersion: 1, ...referral, providerId: 'IOM-AM' });
    expect(other.json().error.code).toBe('CASE.CONSENT_REQUIRED');
    const ok = await worker.post(`/api/cases/${c.id}/referrals`, { baseVersion: 1, ...referral });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().referrals[0]).toMatchObject({ consentId: 'consent-1', override: null });
  });
});

describe('transfers between agencies', () => {
  it('the receiver accepts or refuses with a reason; nothing else happens while it waits', async () => {
    const c = await open(worker);
    const same = await worker.post(`/api/cases/${c.id}/transfer`, { baseVersion: 0, toAgency: 'MCS', reason: 'Wrong office' });
    expect(same.json().error.code).toBe('CASE.TRANSFER_TO_SAME_AGENCY');
    const unknown = await worker.post(`/api/cases/${c.id}/transfer`, { baseVersion: 0, toAgency: 'NOPE', reason: 'x' });
    expect(unknown.json().error.code).toBe('CASE.AGENCY_UNKNOWN');
    const sent = await worker.post(`/api/cases/${c.id}/transfer`, { baseVersion: 0, toAgency: 'POLICE', reason: 'Indicators of trafficking' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().pendingTransfer).toMatchObject({ toAgencyId: 'POLICE', fromAgencyId: 'MCS' });
    const blocked = await worker.post(`/api/cases/${c.id}/actions`, { code: 'submit', baseVersion: 1, payload: {} });
    expect(blocked.json().error.code).toBe('CASE.TRANSFER_PENDING');
    const incoming = (await police.get('/api/cases?incoming=true')).json();
    expect(incoming.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const notMine = await worker.post(`/api/cases/${c.id}/transfer/answer`, { baseVersion: 1, accept: true });
    expect(notMine.statusCode).toBe(403);
    const refused = await police.post(`/api/cases/${c.id}/transfer/answer`, { baseVersion: 1, accept: false });
    expect(refused.json().error.code).toBe('CASE.FIELD_REQUIRED');
    const r = await police.post(`/api/cases/${c.id}/transfer/answer`, { baseVersion: 1, accept: false, reason: 'No indicators found' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().transfers[0]).toMatchObject({ outcome: 'refused', refusalReason: 'No indicators found' });
    expect(r.json()).toMatchObject({ agency: 'MCS', pendingTransfer: null });
    await worker.post(`/api/cases/${c.id}/transfer`, { baseVersion: 2, toAgency: 'POLICE', reason: 'New evidence' });
    const accepted = await police.post(`/api/cases/${c.id}/transfer/answer`, { baseVersion: 3, accept: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ agency: 'POLICE', assignee: null });
    expect((await t.db.query<{ agency_code: string }>('SELECT agency_code FROM cases WHERE id = $1', [c.id])).rows[0]?.agency_code).toBe('POLICE');
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('attachments', () => {
  it('a PDF is stored with its SHA-256 and downloaded byte for byte (audited)', async () => {
    const c = await open(worker);
    const res = await worker.post(`/api/cases/${c.id}/attachments`, { baseVersion: 0, name: 'passport.pdf', mediaType: 'application/pdf', content: PDF.toString('base64') });
    expect(res.statusCode, res.body).toBe(201);
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(res.json().attachment).toMatchObject({ name: 'passport.pdf', size: PDF.length, sha256: sha });
    expect(res.json().case.timeline[0]).toMatchObject({ code: 'attach-file', payload: { sha256: sha, size: PDF.length } });
    const dl = await worker.get(`/api/cases/${c.id}/attachments/${res.json().attachment.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(dl.rawPayload).equals(PDF)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.attachment.download' AND target_id = $1`, [c.id])).toBe(1);
  });

  it('a file that claims to be a PDF and is not, a wrong type, or one over 20 MiB is refused naming the rule; nothing is written', async () => {
    const c = await open(worker);
    const fake = await worker.post(`/api/cases/${c.id}/attachments`, { baseVersion: 0, name: 'scan.pdf', mediaType: 'application/pdf', content: PNG.toString('base64') });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error).toMatchObject({ code: 'CASE.ATTACHMENT_CONTENT_MISMATCH', detected: 'image/png' });
    const exe = await worker.post(`/api/cases/${c.id}/attachments`, { baseVersion: 0, name: 'a.exe', mediaType: 'application/x-msdownload', content: PNG.toString('base64') });
    expect(exe.json().error.code).toBe('CASE.ATTACHMENT_TYPE_NOT_ALLOWED');
    const big = Buffer.alloc(20 * 1024 * 1024 + 1);
    PDF.copy(big);
    const tooBig = await worker.post(`/api/cases/${c.id}/attachments`, { baseVersion: 0, name: 'big.pdf', mediaType: 'application/pdf', content: big.toString('base64') });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('CASE.ATTACHMENT_TOO_LARGE');
    // 100 MB: refused from its Content-Length before the body is read.
    const huge = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/attachments`, headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf, 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) }, payload: '{}' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('CASE.ATTACHMENT_TOO_LARGE');
    expect(await count('SELECT count(*) AS n FROM case_attachments WHERE case_id = $1', [c.id])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM case_actions WHERE case_id = $1', [c.id])).toBe(0);
    const viaAction = await worker.post(`/api/cases/${c.id}/actions`, { code: 'attach-file', baseVersion: 0, payload: { name: 'x.pdf', mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) } });
    expect(viaAction.json().error.code).toBe('CASE.ATTACHMENT_UPLOAD_REQUIRED');
  });
});

describe('bulk work and households', () => {
  it('bulk assignment: each case all or nothing, with a result per case', async () => {
    const a = await open(worker, 'Bulk A');
    const b = await open(worker, 'Bulk B');
    const stale = await open(worker, 'Bulk C');
    await worker.post(`/api/cases/${stale.id}/notes`, { baseVersion: 0, text: 'moved on' });
    const res = await admin.post('/api/cases/bulk/assign', { items: [a, b, stale].map((c) => ({ id: c.id, baseVersion: 0 })), assigneeId: WORKER_ID });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 2, failed: 1 });
    expect(res.json().results[2]).toMatchObject({ id: stale.id, ok: false, code: 'CASE.STALE_VERSION' });
    expect(await version(a.id)).toBe(1);
    expect(await version(stale.id)).toBe(1);
    const again = await admin.post('/api/cases/bulk/assign', { items: [{ id: a.id, baseVersion: 1 }], assigneeId: WORKER_ID, reason: 'Rebalancing' });
    expect(again.json().results[0]).toMatchObject({ ok: false, code: 'CASE.ALREADY_ASSIGNED' });
    const nobody = await admin.post('/api/cases/bulk/assign', { items: [{ id: stale.id, baseVersion: 1 }], assigneeId: stableUuid('demo-user', 'ARM:border.officer') });
    expect(nobody.json().results[0]).toMatchObject({ ok: false, code: 'CASE.ASSIGNEE_INVALID' });
    const notes = await worker.post('/api/cases/bulk', { items: [{ id: a.id, baseVersion: 1 }, { id: b.id, baseVersion: 1 }], code: 'add-note', payload: { text: 'Bulk note' } });
    expect(notes.json()).toMatchObject({ succeeded: 2, failed: 0 });
  });

  it('groups the cases of a household and filters the queue by it', async () => {
    const h = await worker.post('/api/cases/households', { label: 'Karimi family' });
    expect(h.statusCode).toBe(201);
    const a = await open(worker, 'Household A');
    const b = await open(worker, 'Household B');
    for (const c of [a, b]) expect((await worker.request('PUT', `/api/cases/${c.id}/household`, { baseVersion: 0, householdId: h.json().id })).statusCode).toBe(200);
    const read = (await worker.get(`/api/cases/${a.id}`)).json();
    expect(read.household.members.map((m: { id: string }) => m.id).sort()).toEqual([a.id, b.id].sort());
    const q = (await worker.get(`/api/cases?household=${h.json().id}`)).json();
    expect(q.total).toBe(2);
  });
});
