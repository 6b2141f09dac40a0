import { createHash } from 'node:crypto';

/** The fields of an audit row that the hash covers, in a fixed order. */
export interface AuditRecord {
  id: number;
  at: string;
  actorType: 'user' | 'token' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string | null;
  agencyCode: string | null;
  roles: string[];
  action: string;
  purpose: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  clientIp: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const chainHash = (prevHash: string, record: AuditRecord) =>
  createHash('sha256').update(`${prevHash}\n${canonicalJson(record)}`).digest('hex');
