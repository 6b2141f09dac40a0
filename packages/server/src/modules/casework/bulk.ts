/**
 * Bulk work from the workqueue: the same action (or an assignment) on many cases. Each case is its own
 * transaction with its own checks and audit row — all or nothing per case — and the answer lists the
 * result of every case, so one refused case never blocks or half-does the others.
 */
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { isDomainError } from '@kamurj/domain/kernel';
import type { AuditOrigin } from '../audit/index.ts';
import { appendOne, visibleCase } from './engine.ts';

export interface BulkItem {
  id: string;
  baseVersion: number;
}

type Outcome = { id: string; ok: true; version: number; status: string } | { id: string; ok: false; code: string; message: string };

async function eachCase(items: readonly BulkItem[], run: (item: BulkItem) => Promise<{ version: number; status: string }>) {
  const results: Outcome[] = [];
  // Sequential on purpose: bulk work must not starve the pool of interactive users.
  for (const item of items) {
    try {
      results.push({ id: item.id, ok: true, ...(await run(item)) });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      results.push({ id: item.id, ok: false, code: e.code, message: e.message });
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}

export function bulkAction(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: { items: BulkItem[]; code: string; payload?: Record<string, unknown> | undefined }) {
  requireCan(auth.actor, 'cases.read');
  return eachCase(body.items, async (item) => {
    const r = await appendOne(deps, origin, auth, item.id, { code: body.code, baseVersion: item.baseVersion, payload: body.payload });
    return { version: r.state.version, status: r.state.status };
  });
}

/** Assigns every case to one person: `assign` when unassigned, `reassign` (with the reason) otherwise. */
export function bulkAssign(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: { items: BulkItem[]; assigneeId: string; reason?: string | undefined }) {
  requireCan(auth.actor, 'cases.assign');
  return eachCase(body.items, async (item) => {
    const row = await visibleCase(deps.db, auth, item.id);
    const input = row.assignee_id === null
      ? { code: 'assign', baseVersion: item.baseVersion, payload: { assigneeId: body.assigneeId } }
      : { code: 'reassign', baseVersion: item.baseVersion, payload: { assigneeId: body.assigneeId, ...(body.reason ? { reason: body.reason } : {}) } };
    const r = await appendOne(deps, origin, auth, item.id, input);
    return { version: r.state.version, status: r.state.status };
  });
}
