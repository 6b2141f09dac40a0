/**
 * UTC instants and the local date and time at a crossing point. The zone comes from the crossing point's
 * reference data (a parameter here: the domain has no clock and no configuration); conversion uses the
 * runtime's Intl time-zone database, so no library and no hand-written offsets.
 */
export interface LocalDateTime {
  /** `YYYY-MM-DD` in the zone. */
  readonly date: string;
  /** `HH:MM:SS` in the zone. */
  readonly time: string;
  /** Local − UTC in minutes (Asia/Yerevan: +240). */
  readonly offsetMinutes: number;
  readonly timeZone: string;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch for an ISO 8601 instant with `Z` or an offset; null otherwise. */
export function parseInstant(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = INSTANT.exec(text.trim());
  if (!m) return null;
  const [mo, d, h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.parse(text.trim());
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls 31 Feb over to March: reject dates that do not survive the round trip.
  const offset = m[8] === 'Z' ? 0 : (m[8]?.startsWith('-') ? -1 : 1) * (Number(m[8]?.slice(1, 3)) * 60 + Number(m[8]?.slice(4, 6)));
  const back = new Date(ms + offset * 60_000);
  return back.getUTCDate() === d && back.getUTCMonth() + 1 === mo ? ms : null;
}

/** The canonical stored form: `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export const formatInstant = (ms: number): string => new Date(ms).toISOString();

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  try {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
    return f;
  } catch {
    return null;
  }
}

export const isTimeZone = (zone: unknown): zone is string => typeof zone === 'string' && zone !== '' && formatterFor(zone) !== null;

/** Local date and time of `instantMs` in `timeZone`; null for an unknown zone or an impossible instant. */
export function toLocalDateTime(instantMs: number, timeZone: string): LocalDateTime | null {
  const f = formatterFor(timeZone);
  if (!f || !Number.isFinite(instantMs)) return null;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
  if ([y, mo, d, h, mi, s].some((n) => n === undefined || !Number.isFinite(n))) return null;
  const localAsUtc = Date.UTC(y as number, (mo as number) - 1, d as number, h as number, mi as number, s as number);
  const offsetMinutes = Math.round((localAsUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
  const p2 = (n: number | undefined) => String(n).padStart(2, '0');
  return {
    date: `${String(y).padStart(4, '0')}-${p2(mo)}-${p2(d)}`,
    time: `${p2(h)}:${p2(mi)}:${p2(s)}`,
    offsetMinutes,
    timeZone,
  };
}
