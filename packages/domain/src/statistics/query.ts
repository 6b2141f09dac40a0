/**
 * An indicator request, validated: what is asked (indicator, period grain, date range or reference
 * date, breakdown, filters) and whether it is sane. Never throws: every problem is a field issue.
 */
import type { FieldIssue } from '../kernel/errors.ts';
import { formatDay, parseDay } from '../stay/dates.ts';
import { findIndicator, type IndicatorDef } from './catalogue.ts';
import { DIMENSION_CODES, GRAINS, isDimension, isValidCode, periodCount, periodEnd, periodStart, type Dimension, type Grain } from './dimensions.ts';

export interface StatQuery {
  readonly indicator: IndicatorDef;
  readonly grain: Grain;
  /** Inclusive range of days, widened to whole periods (flows, migration events). Stocks: both equal `at`. */
  readonly from: string;
  readonly to: string;
  /** Reference date: stocks are counted at its end; migration events count once confirmed by it. */
  readonly at: string;
  readonly by: readonly Dimension[];
  /** Codes kept per dimension (indicator's own fixed codes included). */
  readonly filters: Readonly<Partial<Record<Dimension, readonly string[]>>>;
}

export interface RawStatQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly period?: string | undefined;
  readonly by?: string | undefined;
  readonly at?: string | undefined;
  readonly [dimension: string]: string | undefined;
}

/** Requests are refused above these sizes (a day series over more than three years, a huge breakdown). */
export const MAX_PERIODS = 1100;
export const MAX_CELLS = 500_000;
/** Assumed size of an open code list when bounding a breakdown: ISO 3166-1 countries, a country's crossing points. */
const OPEN_LIST_SIZE: Partial<Record<Dimension, number>> = { citizenship: 250, crossingPoint: 60 };
const EARLIEST = '1900-01-01';
const LATEST = '2100-12-31';
const RESERVED = new Set(['from', 'to', 'period', 'by', 'at']);

function date(v: string | undefined, field: string, fallback: string, issues: FieldIssue[]): string {
  if (v === undefined) return fallback;
  if (parseDay(v) === null) issues.push({ field: `query.${field}`, code: 'STATISTICS.INVALID_DATE', message: `${field} must be a calendar date YYYY-MM-DD` });
  else if (v < EARLIEST || v > LATEST) issues.push({ field: `query.${field}`, code: 'STATISTICS.DATE_OUT_OF_RANGE', message: `${field} must lie between ${EARLIEST} and ${LATEST}` });
  return v;
}

export function parseStatQuery(indicatorId: string, raw: RawStatQuery, today: string): { ok: true; query: StatQuery } | { ok: false; issues: FieldIssue[]; notFound?: boolean } {
  const indicator = findIndicator(indicatorId);
  if (!indicator) return { ok: false, notFound: true, issues: [{ field: 'params.id', code: 'STATISTICS.UNKNOWN_INDICATOR', message: `No indicator ${indicatorId}` }] };
  const issues: FieldIssue[] = [];
  const stock = indicator.kind === 'stock';
  const grain = (raw.period ?? (stock ? 'day' : 'month')) as Grain;
  if (!(GRAINS as readonly string[]).includes(grain)) issues.push({ field: 'query.period', code: 'STATISTICS.UNKNOWN_PERIOD', message: `period must be one of ${GRAINS.join(', ')}` });
  else if (!indicator.periods.includes(grain)) issues.push({ field: 'query.period', code: 'STATISTICS.PERIOD_NOT_AVAILABLE', message: `${indicator.id} is given by ${indicator.periods.join(', ')}` });
  const at = date(raw.at, 'at', today, issues);
  const toDefault = stock ? at : today;
  const to = stock ? at : date(raw.to, 'to', toDefault, issues);
  const toDay = parseDay(to) ?? parseDay(today)!;
  const from = stock ? at : date(raw.from, 'from', formatDay(toDay - 364), issues);
  if (stock && (raw.from !== undefined || raw.to !== undefined)) {
    issues.push({ field: `query.${raw.from !== undefined ? 'from' : 'to'}`, code: 'STATISTICS.STOCK_HAS_DATE', message: 'A stock is counted on one date: use at=YYYY-MM-DD' });
  }
  if (!issues.length && from > to) issues.push({ field: 'query.from', code: 'STATISTICS.FROM_AFTER_TO', message: 'from must not be after to' });

  const by: Dimension[] = [];
  for (const [i, d] of (raw.by ? raw.by.split(',') : []).entries()) {
    const field = `query.by.${i}`;
    if (!isDimension(d)) issues.push({ field, code: 'STATISTICS.UNKNOWN_DIMENSION', message: `No dimension ${d.slice(0, 40)}` });
    else if (!indicator.dimensions.includes(d)) issues.push({ field, code: 'STATISTICS.DIMENSION_NOT_AVAILABLE', message: `${indicator.id} cannot be split by ${d}` });
    else if (by.includes(d)) issues.push({ field, code: 'STATISTICS.DUPLICATE_DIMENSION', message: `${d} is given twice` });
    else by.push(d);
  }

  const filters: Partial<Record<Dimension, readonly string[]>> = { ...indicator.fixed };
  for (const [key, value] of Object.entries(raw)) {
    if (RESERVED.has(key) || value === undefined) continue;
    const field = `query.${key}`;
    if (!isDimension(key)) {
      issues.push({ field, code: 'STATISTICS.UNKNOWN_DIMENSION', message: `No dimension ${key.slice(0, 40)}` });
      continue;
    }
    if (!indicator.dimensions.includes(key)) {
      issues.push({ field, code: 'STATISTICS.DIMENSION_NOT_AVAILABLE', message: `${indicator.id} cannot be filtered by ${key}` });
      continue;
    }
    const codes = [...new Set(value.split(','))];
    const bad = codes.filter((c) => !isValidCode(key, c));
    if (bad.length) issues.push({ field, code: 'STATISTICS.UNKNOWN_CODE', message: `Unknown ${key} code ${bad[0]!.slice(0, 40)}` });
    const fixed = indicator.fixed?.[key];
    const kept = fixed ? codes.filter((c) => fixed.includes(c)) : codes;
    if (fixed && kept.length === 0 && !bad.length) issues.push({ field, code: 'STATISTICS.IMPOSSIBLE_FILTER', message: `${indicator.id} only has ${key} ${fixed.join(', ')}` });
    filters[key] = kept;
  }

  if (!issues.length) {
    const periods = periodCount(parseDay(from)!, parseDay(to)!, grain);
    if (periods > MAX_PERIODS) issues.push({ field: 'query.period', code: 'STATISTICS.TOO_MANY_PERIODS', message: `${periods} ${grain} periods asked; at most ${MAX_PERIODS} (choose a coarser period or a shorter range)` });
    const cells = by.reduce((n, d) => n * (filters[d]?.length ?? DIMENSION_CODES[d]?.length ?? OPEN_LIST_SIZE[d] ?? 250), periods);
    if (cells > MAX_CELLS) issues.push({ field: 'query.by', code: 'STATISTICS.TOO_MANY_CELLS', message: `The breakdown could have ${cells} cells; at most ${MAX_CELLS}` });
  }
  if (issues.length) return { ok: false, issues };
  // Whole periods: the range is widened to the start of its first and the end of its last period.
  const span = stock ? { from, to } : { from: formatDay(periodStart(parseDay(from)!, grain)), to: formatDay(periodEnd(parseDay(to)!, grain)) };
  return { ok: true, query: { indicator, grain, ...span, at, by, filters } };
}
