/** A readable name for a person reference the server may send as a string or as an object. */
export function personText(v: unknown): string {
  if (v == null) return '—';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['displayName', 'name', 'username', 'id']) {
      if (typeof o[k] === 'string' && o[k]) return o[k] as string;
    }
  }
  return JSON.stringify(v);
}
