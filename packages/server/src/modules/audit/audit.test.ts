import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../testing/test-app.ts';
import { verifyChain } from './repository.ts';
import { audit, auditMany } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records writes and reads of personal data, and answers "who looked at this person"', async () => {
    const admin = await loginAs(t, 'admin');
    const u = (await admin.get('/api/users?q=border.officer')).json().items[0];
    await admin.get(`/api/users/${u.id}`);
    const auditor = await loginAs(t, 'auditor');
    const res = await auditor.get(`/api/audit?targetType=user&targetId=${u.id}&action=users.read`);
    expect(res.statusCode).toBe(200);
    const row = res.json().items[0];
    expect(row).toMatchObject({ action: 'users.read', purpose: 'administration', outcome: 'success', actor: { type: 'user', name: 'admin' }, agencyCode: 'MCS', roles: ['system_admin'] });
    expect(row.clientIp).toBeTruthy();
    expect(row.requestId).toBeTruthy();
    const byUser = (await auditor.get('/api/audit?username=admin&action=auth.login')).json();
    expect(byUser.total).toBeGreaterThan(0);
    // The auditor's own search is in the log too.
    expect((await auditor.get('/api/audit?action=audit.search')).json().total).toBeGreaterThan(0);
  });

  it('records denied attempts', async () => {
    const officer = await loginAs(t, 'border.officer');
    expect((await officer.get('/api/audit')).statusCode).toBe(403);
    const auditor = await loginAs(t, 'auditor');
    const denied = (await auditor.get('/api/audit?username=border.officer&limit=5')).json().items;
    expect(denied.some((r: { outcome: string; action: string }) => r.outcome === 'denied' && r.action === 'GET /api/audit')).toBe(true);
  });

  it('keeps the chain intact under normal use', async () => {
    const r = await verifyChain(t.ownerDb);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(10);
    const auditor = await loginAs(t, 'auditor');
    expect((await auditor.post('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('keeps the chain intact and gap-free when many transactions append at once, with non-ASCII details', async () => {
    const origin = { auth: null, clientIp: null, requestId: null, at: new Date('2026-11-22T10:00:00Z') };
    const written = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.db.tx(async (tx) => {
          const first = await audit(tx, origin, { action: 'test.parallel', purpose: 'security', details: { i, name: 'Նարեկ Ավետիսյան', nested: { id: `"${i}"` } } });
          const second = await audit(tx, origin, { action: 'test.parallel', purpose: 'security', details: { i, second: true } });
          return [first.id, second.id];
        }),
      ),
    );
    const ids = written.flat().sort((a, b) => a - b);
    expect(new Set(ids).size).toBe(48);
    for (const [a, b] of written) expect(b).toBe(a! + 1); // one transaction's rows are adjacent: the head stays locked until commit
    expect(await verifyChain(t.ownerDb)).toMatchObject({ ok: true });
  });

  it('appends a group of rows in one go, in order, chained with the single appends around it', async () => {
    const origin = (requestId: string) => ({ auth: null, clientIp: '10.0.0.1', requestId, at: new Date('2026-11-22T11:00:00Z') });
    const written = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.db.tx(async (tx) => {
          const before = await audit(tx, origin(`single-${i}`), { action: 'test.group', purpose: 'border_control', details: { i } });
          const group = await auditMany(tx, [0, 1, 2].map((k) => ({ origin: origin(`group-${i}-${k}`), event: { action: 'test.group', purpose: 'border_control' as const, targetType: 'crossing', targetId: `c-${i}-${k}`, details: { k, name: 'Гаспарян' } } })));
          return [before.id, ...group.map((g) => g.id)];
        }),
      ),
    );
    for (const ids of written) expect(ids).toEqual([ids[0], ids[0]! + 1, ids[0]! + 2, ids[0]! + 3]);
    const stored = (await t.ownerDb.query<{ request_id: string; target_id: string | null }>("SELECT request_id, target_id FROM audit_log WHERE request_id LIKE 'group-0-%' ORDER BY id")).rows;
    expect(stored).toEqual([0, 1, 2].map((k) => ({ request_id: `group-0-${k}`, target_id: `c-0-${k}` })));
    expect(await auditMany(t.db, [])).toEqual([]);
    expect(await verifyChain(t.ownerDb)).toMatchObject({ ok: true });
  });

  it('cannot be changed by the application', async () => {
    await expect(t.db.query("UPDATE audit_log SET action = 'x' WHERE id = 1")).rejects.toThrow();
    await expect(t.db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow();
    if (t.db.kind === 'postgres') {
      // Even with the trigger gone, the application role lacks the grant.
      await t.ownerDb.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      try {
        await expect(t.db.query("UPDATE audit_log SET action = 'x' WHERE id = 1")).rejects.toThrow(/permission denied/);
      } finally {
        await t.ownerDb.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
      }
    }
  });

  it('detects a changed row, a removed row and a removed tail, naming the first broken link', async () => {
    const owner = t.ownerDb;
    await owner.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      const before = await verifyChain(owner);
      await owner.query("UPDATE audit_log SET outcome = 'failure' WHERE id = 5");
      expect(await verifyChain(owner)).toMatchObject({ ok: false, firstBrokenId: 5, checked: 4 });
      await owner.query("UPDATE audit_log SET outcome = (SELECT outcome FROM audit_log WHERE id = 4) WHERE id = 5");
      const restored = await verifyChain(owner);
      if (!restored.ok) await owner.query("UPDATE audit_log SET outcome = 'success' WHERE id = 5");
      expect((await verifyChain(owner)).ok).toBe(true);

      const last = before.checked;
      await owner.query('DELETE FROM audit_log WHERE id = $1', [last]);
      expect(await verifyChain(owner)).toMatchObject({ ok: false, firstBrokenId: last });
      await owner.query('DELETE FROM audit_log WHERE id = 7');
      expect(await verifyChain(owner)).toMatchObject({ ok: false, firstBrokenId: 7 });
    } finally {
      await owner.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
  });
});
