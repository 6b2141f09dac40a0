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

/**
 * Per zone, the UTC hour last converted and the zone's offset throughout it (ADR 0521). A post records its
 * crossings in the hour they happen, so nearly every crossing's local time is the instant plus an offset
 * already known, instead of a new ICU formatting (about 4.5 µs against 0.3 µs, twice per crossing on the event
 * loop). An hour is kept only when the offset at its first and at its last second agree: time-zone
 * transitions fall on whole seconds, and no zone in the IANA database changes its offset twice within one
 * hour.
 */
const HOUR_MS = 3_600_000;
const hourOffsets = new Map<string, { hour: number; offsetMs: number }>();
/** The memo serves instants from 1970 to 9999, whose fields `Date`'s UTC getters give as ICU does. */
const MEMO_UNTIL = Date.UTC(9999, 11, 31, 23, 0, 0);

/** Local date and time of `instantMs` in `timeZone`; null for an unknown zone or an impossible instant. */
export function toLocalDateTime(instantMs: number, timeZone: string): LocalDateTime | null {
  if (!(instantMs >= 0 && instantMs < MEMO_UNTIL)) return toLocalDateTimeNow(instantMs, timeZone);
  const hour = instantMs - (instantMs % HOUR_MS);
  let memo = hourOffsets.get(timeZone);
  if (memo?.hour !== hour) {
    const first = offsetMsAt(hour, timeZone);
    if (first === null) return null;
    if (first !== offsetMsAt(hour + HOUR_MS - 1000, timeZone)) return toLocalDateTimeNow(instantMs, timeZone);
    memo = { hour, offsetMs: first };
    hourOffsets.set(timeZone, memo);
  }
  // Whole seconds: ICU shows the instant's second, and offsets are whole seconds.
  const l = new Date(instantMs - (instantMs % 1000) + memo.offsetMs);
  return localDateTime([l.getUTCFullYear(), l.getUTCMonth() + 1, l.getUTCDate(), l.getUTCHours(), l.getUTCMinutes(), l.getUTCSeconds()], memo.offsetMs, timeZone);
}

const pad2 = (n: number | undefined) => String(n).padStart(2, '0');

/** The answer from the local fields (year, month, day, hour, minute, second) and the offset in milliseconds. */
function localDateTime([y, mo, d, h, mi, s]: readonly number[], offsetMs: number, timeZone: string): LocalDateTime {
  return {
    date: `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`,
    time: `${pad2(h)}:${pad2(mi)}:${pad2(s)}`,
    offsetMinutes: Math.round(offsetMs / 60_000),
    timeZone,
  };
}

/** Local − UTC in milliseconds (whole seconds) at `instantMs`, by ICU; null for an unknown zone. */
const offsetMsAt = (instantMs: number, timeZone: string): number | null => icuFields(instantMs, timeZone)?.offsetMs ?? null;

/** ICU's local fields of the instant and the offset they imply (local − UTC, whole seconds, in ms). */
function icuFields(instantMs: number, timeZone: string): { fields: number[]; offsetMs: number } | null {
  const f = formatterFor(timeZone);
  if (!f || !Number.isFinite(instantMs)) return null;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const fields = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
  if (fields.some((n) => n === undefined || !Number.isFinite(n))) return null;
  const [y, mo, d, h, mi, s] = fields as [number, number, number, number, number, number];
  return { fields, offsetMs: Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(instantMs / 1000) * 1000 };
}

/** toLocalDateTime without the memo: ICU formats this instant (the reference for the memo's test). */
export function toLocalDateTimeNow(instantMs: number, timeZone: string): LocalDateTime | null {
  const icu = icuFields(instantMs, timeZone);
  return icu === null ? null : localDateTime(icu.fields, icu.offsetMs, timeZone);
}
