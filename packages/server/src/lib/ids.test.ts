import { describe, expect, it } from 'vitest';
import { stableUuid, timeOrderedUuid } from './ids.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  it('a time-ordered id is a version 7 UUID carrying its millisecond', () => {
    const at = Date.parse('2026-11-22T17:40:00.123Z');
    const id = timeOrderedUuid(at);
    const m = UUID.exec(id);
    expect(m?.[1]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(m?.[2]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('later ids sort later, as text and as PostgreSQL compares uuids (bytewise); ids of one millisecond differ, across refills of the random pool', () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const ids = Array.from({ length: 200 }, (_, i) => timeOrderedUuid(t0 + i * 997));
    expect([...ids].sort()).toEqual(ids);
    // 1,000 ids draw 10,000 random bytes: the 4 kB pool is refilled twice on the way.
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(t0)));
    expect(same.size).toBe(1000);
    // The random part is not the same bytes again after a refill (each byte is used once).
    const tails = new Set([...same].map((id) => id.replace(/-/g, '').slice(12)));
    expect(tails.size).toBe(1000);
  });

  it('a stable id is the same for the same name and a version 8 UUID', () => {
    expect(stableUuid('ns', 'a')).toBe(stableUuid('ns', 'a'));
    expect(stableUuid('ns', 'a')).not.toBe(stableUuid('ns', 'b'));
    expect(UUID.exec(stableUuid('ns', 'a'))?.[1]).toBe('8');
  });
});
