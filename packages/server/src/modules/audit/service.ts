import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { appendAudit, appendAuditMany, auditAppendPart } from './repository.ts';
import type { AuditRecord } from './chain.ts';

/** Why something was done or looked at (purpose limitation; Law on Protection of Personal Data art. 4). */
export const PURPOSES = [
  'authentication',
  'self_service',
  'administration',
  'oversight',
  'reference_maintenance',
  'security',
  'border_control',
  'casework',
  'statistics',
  'data_quality', // duplicate review, merge and unmerge of person records
  'break_the_glass', // exceptional access to a protected person, with a reason
] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface AuditEvent {
  action: string;
  purpose: Purpose;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: AuditRecord['outcome'];
  details?: Record<string, unknown>;
  /** Overrides the actor (e.g. a failed login has no authenticated actor yet). */
  actor?: { type: AuditRecord['actorType']; id: string | null; name: string | null; agencyCode?: string | null; roles?: string[] };
}

export interface AuditOrigin {
  auth: AuthContext | null;
  clientIp: string | null;
  requestId: string | null;
  at: Date;
}

export const originOf = (req: FastifyRequest, at: Date): AuditOrigin => ({
  auth: req.auth,
  clientIp: req.ip ?? null,
  requestId: req.id,
  at,
});

/** Writes one audit row inside the caller's transaction. */
export function audit(tx: Queryable, origin: AuditOrigin, ev: AuditEvent): Promise<AuditRecord> {
  return appendAudit(tx, auditEntry(origin, ev));
}

/**
 * Writes several audit rows, in order, inside the caller's transaction in one append (a group of border
 * crossings written together, ADR 0507): the chain is the same as if each had been written by audit().
 */
export function auditMany(tx: Queryable, events: readonly { origin: AuditOrigin; event: AuditEvent }[]): Promise<AuditRecord[]> {
  return appendAuditMany(tx, events.map((e) => auditEntry(e.origin, e.event)));
}

/**
 * Audit rows for a caller's own statement (ADR 0509): the rows of a jsonb parameter and the CTEs that
 * append them to the chain, in order, as auditMany would (the border's group write, crossing-writer.ts).
 */
export function auditPart(events: readonly { origin: AuditOrigin; event: AuditEvent }[]): { rows: unknown[]; ctes: (source: string) => string } {
  return auditAppendPart(events.map((e) => auditEntry(e.origin, e.event)));
}

function auditEntry(origin: AuditOrigin, ev: AuditEvent): Omit<AuditRecord, 'id'> {
  const a = origin.auth;
  const actor = ev.actor ?? {
    type: a ? a.actor.kind : ('anonymous' as const),
    id: a ? a.actor.id : null,
    name: a ? a.actorName : null,
    agencyCode: a?.agencyCode ?? null,
    roles: a ? [...a.actor.roles] : [],
  };
  return {
    at: origin.at.toISOString(),
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    agencyCode: actor.agencyCode ?? null,
    roles: actor.roles ?? [],
    action: ev.action,
    purpose: ev.purpose,
    targetType: ev.targetType ?? null,
    targetId: ev.targetId ?? null,
    outcome: ev.outcome ?? 'success',
    clientIp: origin.clientIp,
    requestId: origin.requestId,
    details: ev.details ?? {},
  };
}
