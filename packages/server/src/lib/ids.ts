import { createHash, randomFillSync } from 'node:crypto';

/**
 * A stable UUID (version 8, RFC 9562 "custom") derived from a name, so that seeding the same reference
 * data twice yields the same ids and re-seeding is idempotent.
 */
export function stableUuid(namespace: string, name: string): string {
  const h = createHash('sha256').update(`${namespace}\u0000${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  return formatUuid(h);
}

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made
 * later sort later (within a millisecond in any order), so the rows of a busy table are appended at the end
 * of its primary-key index instead of at a random page of it (ADR 0508). For records whose time of
 * creation is no secret (a crossing carries its time anyway).
 */
export function timeOrderedUuid(now = Date.now()): string {
  const b = Buffer.allocUnsafe(16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  randomTail(b);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  return formatUuid(b);
}

/**
 * Random bytes for the ids' last ten bytes, drawn from the system's generator 4 kB at a time (as Node does
 * for randomUUID) instead of one call per id: every recorded crossing makes its id on the event loop, and
 * an id with a call of its own took about 5.5 µs against 0.5 µs (ADR 0521). Each byte is used once.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolAt = POOL_BYTES;

function randomTail(b: Buffer): void {
  if (poolAt + 10 > POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  pool.copy(b, 6, poolAt, poolAt + 10);
  poolAt += 10;
}

/** The first 16 bytes as a UUID's text (8-4-4-4-12 hex digits). */
function formatUuid(bytes: Buffer): string {
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
