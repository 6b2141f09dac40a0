import { createHash } from 'node:crypto';

/**
 * A stable UUID (version 8, RFC 9562 "custom") derived from a name, so that seeding the same reference
 * data twice yields the same ids and re-seeding is idempotent.
 */
export function stableUuid(namespace: string, name: string): string {
  const h = createHash('sha256').update(`${namespace}\u0000${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
