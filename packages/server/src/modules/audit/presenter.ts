import type { AuditRow } from './repository.ts';

export const presentAuditRow = (r: AuditRow) => ({
  id: Number(r.id),
  at: new Date(r.at).toISOString(),
  actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
  agencyCode: r.agency_code,
  roles: r.roles ?? [],
  action: r.action,
  purpose: r.purpose,
  targetType: r.target_type,
  targetId: r.target_id,
  outcome: r.outcome,
  clientIp: r.client_ip,
  requestId: r.request_id,
});
