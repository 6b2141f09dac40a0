/**
 * Idempotency for writes a field device may retry (architecture rule 11): the client sends a key with
 * each write; the server stores (scope, key) → hash of the request + the first result. A second delivery
 * with the same key and the same request is a replay (answer the stored result, write nothing); the same
 * key with a different request is a conflict (a client bug or a clash: refuse, never overwrite).
 *
 * The hash is not cryptographic (the domain has no crypto API, and needs none here): a forged collision
 * can only make a client receive its own earlier answer, never write anything.
 */
import { issue, type FieldIssue } from '../common/issues.ts';

/** UUIDs, ULIDs and `node:sequence` keys all fit. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function idempotencyKeyProblem(key: unknown, field = 'idempotencyKey'): FieldIssue | null {
  if (typeof key !== 'string' || key === '') return issue(field, 'BORDER.IDEMPOTENCY_KEY_REQUIRED', 'An idempotency key is required for this write');
  if (!KEY.test(key)) return issue(field, 'BORDER.INVALID_IDEMPOTENCY_KEY', 'Expected 8–128 letters, digits, ".", "_", ":" or "-"');
  return null;
}

/**
 * The key an edge node derives for its n-th local write: stable across restarts (the sequence is
 * durable on the node), unique across nodes (the node id is), and readable in logs.
 */
export function deriveIdempotencyKey(nodeId: string, sequence: number): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(nodeId)) throw new RangeError(`Invalid node id ${JSON.stringify(nodeId)}`);
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new RangeError(`Invalid sequence ${sequence}`);
  return `${nodeId}:${String(sequence).padStart(8, '0')}`;
}

/** Keys are scoped by who sent them (a token or user id), so two clients cannot collide. */
export const scopedKey = (scope: string, key: string): string => `${scope}\u0000${key}`;

/** JSON with object keys sorted at every level; `undefined` members are dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** cyrb53 (public domain): a fast 53-bit string hash; two seeds give 106 bits. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Hash of the request body in canonical form (key order and white space do not matter). */
export function requestHash(body: unknown): string {
  const text = canonicalJson(body);
  return `v1:${cyrb53(text, 1).toString(16).padStart(14, '0')}${cyrb53(text, 2).toString(16).padStart(14, '0')}`;
}

export interface StoredRequest {
  readonly requestHash: string;
  /** `completed` once the first result is stored; `pending` while the first delivery is in flight. */
  readonly state: 'pending' | 'completed';
}

export type IdempotencyDecision =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay' }
  | { readonly kind: 'in_progress'; readonly code: 'BORDER.IDEMPOTENCY_IN_PROGRESS' }
  | { readonly kind: 'conflict'; readonly code: 'BORDER.IDEMPOTENCY_CONFLICT'; readonly message: string };

/**
 * What to do with an incoming write: `new` (execute and store), `replay` (return the stored result, no
 * second row), `in_progress` (the first delivery has not finished: ask the client to retry later), or
 * `conflict` (same key, different request: refuse with 409).
 */
export function decideIdempotency(stored: StoredRequest | undefined, incomingHash: string): IdempotencyDecision {
  if (!stored) return { kind: 'new' };
  if (stored.requestHash !== incomingHash) {
    return { kind: 'conflict', code: 'BORDER.IDEMPOTENCY_CONFLICT', message: 'This idempotency key was already used for a different request' };
  }
  return stored.state === 'completed' ? { kind: 'replay' } : { kind: 'in_progress', code: 'BORDER.IDEMPOTENCY_IN_PROGRESS' };
}
