/**
 * The dashboard's state, kept in the address (`#/statistics?ind=…&by=sex&f.sex=F&drill=period:2025`) so a
 * view can be bookmarked and the browser's Back works: a base view chosen in the filter form plus a trail
 * of drill-down steps. Each step narrows the view (a period → its days at the next finer grain; a code →
 * a filter on it); the breadcrumb goes back by cutting the trail. Pure functions, unit-tested.
 */
import { finerGrain, grainOf, periodRange, type Grain, GRAINS } from './periods.ts';

export type ChartKind = 'line' | 'bars';

export interface View {
  readonly indicator: string;
  /** '' means the indicator's default grain (month; day for stocks). */
  readonly period: Grain | '';
  readonly from: string;
  readonly to: string;
  readonly at: string;
  /** One dimension to break the figures down by, or ''. */
  readonly by: string;
  /** Codes kept per dimension (no entry: every code). */
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly chart: ChartKind;
}

/** One drill-down step: into a period (`dim` 'period') or into one code of a dimension. */
export interface Step {
  readonly dim: string;
  readonly code: string;
}

export interface IndicatorInfo {
  readonly id: string;
  readonly kind: string;
  readonly dimensions: readonly string[];
  readonly periods: readonly string[];
}

const FILTER_PREFIX = 'f.';
const CODE = /^[A-Za-z0-9_-]{1,40}$/;

export const emptyView = (indicator: string): View => ({ indicator, period: '', from: '', to: '', at: '', by: '', filters: {}, chart: 'line' });

const isGrain = (v: string | null): v is Grain => v !== null && (GRAINS as readonly string[]).includes(v);
const splitCodes = (v: string) => [...new Set(v.split(',').map((c) => c.trim()).filter(Boolean))];

/** Reads the view and its trail from the route's query; unknown or malformed parts are left out. */
export function readView(query: URLSearchParams, defaultIndicator: string): { base: View; trail: Step[] } {
  const filters: Record<string, string[]> = {};
  for (const [k, v] of query) {
    if (k.startsWith(FILTER_PREFIX) && k.length > FILTER_PREFIX.length) {
      const codes = splitCodes(v);
      if (codes.length) filters[k.slice(FILTER_PREFIX.length)] = codes;
    }
  }
  const period = query.get('period');
  const base: View = {
    indicator: query.get('ind') || defaultIndicator,
    period: isGrain(period) ? period : '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    at: query.get('at') ?? '',
    by: query.get('by') ?? '',
    filters,
    chart: query.get('chart') === 'bars' ? 'bars' : 'line',
  };
  const trail: Step[] = [];
  for (const part of splitCodes(query.get('drill') ?? '')) {
    const [dim = '', code = ''] = part.split(':', 2);
    if (CODE.test(dim) && CODE.test(code)) trail.push({ dim, code });
  }
  return { base, trail };
}

/** The route query of a view and its trail (empty parts left out), for `href(['statistics'], …)`. */
export function viewQuery(base: View, trail: readonly Step[] = []): Record<string, string> {
  const q: Record<string, string> = { ind: base.indicator };
  for (const k of ['period', 'from', 'to', 'at', 'by'] as const) if (base[k]) q[k] = base[k];
  if (base.chart !== 'line') q.chart = base.chart;
  for (const [dim, codes] of Object.entries(base.filters)) if (codes.length) q[`${FILTER_PREFIX}${dim}`] = codes.join(',');
  if (trail.length) q.drill = trail.map((s) => `${s.dim}:${s.code}`).join(',');
  return q;
}

/** The grain a view is shown in (the indicator's default when none is chosen). */
export const grainOfView = (v: View, ind: IndicatorInfo): Grain => v.period || (ind.kind === 'stock' ? 'day' : 'month');

/** Whether a period of this view can be drilled into (stocks are on one date; days are the finest grain). */
export const canDrillPeriod = (v: View, ind: IndicatorInfo): boolean => ind.kind !== 'stock' && finerGrain(grainOfView(v, ind)) !== null;

/** One step applied to a view. A step that does not fit the view (bad code) leaves it unchanged. */
export function drill(v: View, step: Step, ind: IndicatorInfo): View {
  if (step.dim === 'period') {
    const range = periodRange(step.code);
    const grain = grainOf(step.code);
    const finer = grain && finerGrain(grain);
    if (!range || !finer || ind.kind === 'stock') return v;
    return { ...v, from: range.from, to: range.to, period: finer };
  }
  if (!ind.dimensions.includes(step.dim)) return v;
  return { ...v, filters: { ...v.filters, [step.dim]: [step.code] }, by: v.by === step.dim ? '' : v.by };
}

/** The view the user sees: the base with every drill step applied in order. */
export const applyTrail = (base: View, trail: readonly Step[], ind: IndicatorInfo): View => trail.reduce((v, s) => drill(v, s, ind), base);

/**
 * The API query of a view (GET /api/statistics/indicators/:id): stocks take a date (`at`), flows and
 * migration a range and a grain; parameters the indicator does not have are left out. `by` may be
 * overridden (the pyramid asks for `age5,sex`).
 */
export function apiQuery(v: View, ind: IndicatorInfo, by: string = v.by): Record<string, string> {
  const q: Record<string, string> = {};
  if (ind.kind === 'stock') {
    if (v.at) q.at = v.at;
  } else {
    if (v.from) q.from = v.from;
    if (v.to) q.to = v.to;
    if (v.period) q.period = v.period;
    if (v.at && ind.kind === 'migration') q.at = v.at;
  }
  if (by) q.by = by;
  for (const [dim, codes] of Object.entries(v.filters)) if (codes.length && ind.dimensions.includes(dim)) q[dim] = codes.join(',');
  return q;
}

export interface Cell {
  readonly key: readonly string[];
  readonly value: number | null;
}

/** The figures of an answer as a periods × codes grid (one code `_T` without a breakdown). */
export interface Grid {
  readonly periods: readonly string[];
  readonly codes: readonly string[];
  /** null: a suppressed cell (never in the internal dashboards; kept for completeness). */
  value(period: string, code: string): number | null;
  readonly totalByCode: ReadonlyMap<string, number>;
  readonly totalByPeriod: ReadonlyMap<string, number>;
  readonly total: number;
}

/**
 * Pivots cells keyed `[period, code]` (or `[period]`) into a grid. Periods come from the range so an empty
 * period reads 0; codes in the order of a closed code list, else by falling total.
 */
export function toGrid(cells: readonly Cell[], periods: readonly string[], codeOrder: readonly string[] | null): Grid {
  const values = new Map<string, number | null>();
  const byCode = new Map<string, number>();
  const byPeriod = new Map<string, number>();
  const seenPeriods = new Set(periods);
  const extraPeriods: string[] = [];
  let total = 0;
  for (const c of cells) {
    const period = c.key[0] ?? '';
    const code = c.key[1] ?? '_T';
    values.set(`${period}\u0000${code}`, c.value);
    if (!seenPeriods.has(period)) {
      seenPeriods.add(period);
      extraPeriods.push(period);
    }
    if (!byCode.has(code)) byCode.set(code, 0);
    if (c.value === null) continue;
    byCode.set(code, byCode.get(code)! + c.value);
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + c.value);
    total += c.value;
  }
  const present = [...byCode.keys()];
  const codes = codeOrder
    ? [...codeOrder.filter((c) => byCode.has(c)), ...present.filter((c) => !codeOrder.includes(c)).sort()]
    : present.sort((a, b) => byCode.get(b)! - byCode.get(a)! || (a < b ? -1 : 1));
  return {
    periods: [...periods, ...extraPeriods.sort()],
    codes: codes.length ? codes : codeOrder ? [] : ['_T'],
    value: (p, c) => {
      const v = values.get(`${p}\u0000${c}`);
      return v === undefined ? 0 : v;
    },
    totalByCode: byCode,
    totalByPeriod: byPeriod,
    total,
  };
}

/** Series for a line or bar chart: the `max` largest codes, the rest summed as `_O` (other). */
export function topSeries(grid: Grid, max = 6): { codes: string[]; value: (period: string, code: string) => number } {
  if (grid.codes.length <= max) return { codes: [...grid.codes], value: (p, c) => grid.value(p, c) ?? 0 };
  const ranked = [...grid.codes].sort((a, b) => (grid.totalByCode.get(b) ?? 0) - (grid.totalByCode.get(a) ?? 0));
  const kept = new Set(ranked.slice(0, max - 1));
  const codes = [...grid.codes.filter((c) => kept.has(c)), '_O'];
  return {
    codes,
    value: (p, c) => (c === '_O' ? grid.codes.filter((x) => !kept.has(x)).reduce((s, x) => s + (grid.value(p, x) ?? 0), 0) : (grid.value(p, c) ?? 0)),
  };
}
