/**
 * The indicator catalogue and the disaggregation-coverage table (SDG 17.18.1: which indicator can be
 * split by which dimension). Modules add indicators by extending INDICATORS; coverage is derived.
 */
import { DIMENSIONS, DIMENSION_CODES, GRAINS, type Dimension, type Grain } from './dimensions.ts';

export type IndicatorKind = 'flow' | 'refusal' | 'stock' | 'migration';

export interface IndicatorDef {
  readonly id: string;
  /** What a cell counts. */
  readonly measure: 'crossings' | 'persons';
  readonly kind: IndicatorKind;
  readonly dimensions: readonly Dimension[];
  /** Period grains the indicator can be given in (stocks: a reference date, coded as a day). */
  readonly periods: readonly Grain[];
  /** Where the figures come from. */
  readonly source: string;
  /** Flows: which direction, or the balance (entries − exits). Migration: which events, or net. */
  readonly select?: 'ENTRY' | 'EXIT' | 'BALANCE' | 'IMMIGRATION' | 'EMIGRATION' | 'NET';
  /** Codes fixed by the indicator itself (e.g. irregular residence is the IRREGULAR part of the stock). */
  readonly fixed?: Partial<Record<Dimension, readonly string[]>>;
}

const FLOW_DIMS: readonly Dimension[] = ['crossingPoint', 'citizenship', 'citizenGroup', 'sex', 'age5', 'ageBroad', 'transport', 'purpose'];
const STOCK_DIMS: readonly Dimension[] = ['citizenship', 'sex', 'age5', 'ageBroad', 'stayStatus'];
const MIGRATION_DIMS: readonly Dimension[] = ['citizenship', 'citizenGroup', 'sex', 'age5', 'ageBroad'];
const BORDER = 'border_crossings (admitted crossings, corrections applied)';

const flow = (dir: 'entries' | 'exits' | 'balance', measure: 'crossings' | 'persons'): IndicatorDef => ({
  id: `flows.${dir}.${measure}`,
  measure,
  kind: 'flow',
  dimensions: FLOW_DIMS,
  periods: GRAINS,
  source: BORDER,
  select: dir === 'entries' ? 'ENTRY' : dir === 'exits' ? 'EXIT' : 'BALANCE',
});

export const INDICATORS: readonly IndicatorDef[] = [
  flow('entries', 'crossings'),
  flow('entries', 'persons'),
  flow('exits', 'crossings'),
  flow('exits', 'persons'),
  flow('balance', 'crossings'),
  flow('balance', 'persons'),
  { id: 'border.refusals.crossings', measure: 'crossings', kind: 'refusal', dimensions: ['direction', ...FLOW_DIMS], periods: GRAINS, source: 'border_crossings (refusals of entry or exit, corrections applied)' },
  { id: 'stocks.foreigners.present', measure: 'persons', kind: 'stock', dimensions: STOCK_DIMS, periods: ['day'], source: 'presence derived from admitted crossings (as the stay engine)' },
  { id: 'stocks.irregular', measure: 'persons', kind: 'stock', dimensions: STOCK_DIMS, periods: ['day'], source: 'presence past the last lawful day computed by the stay engine at entry', fixed: { stayStatus: ['IRREGULAR'] } },
  { id: 'migration.immigrants', measure: 'persons', kind: 'migration', dimensions: MIGRATION_DIMS, periods: GRAINS, source: 'usual residence derived from crossing histories (docs/statistics/method.md)', select: 'IMMIGRATION' },
  { id: 'migration.emigrants', measure: 'persons', kind: 'migration', dimensions: MIGRATION_DIMS, periods: GRAINS, source: 'usual residence derived from crossing histories (docs/statistics/method.md)', select: 'EMIGRATION' },
  { id: 'migration.net', measure: 'persons', kind: 'migration', dimensions: MIGRATION_DIMS, periods: GRAINS, source: 'immigrants − emigrants (docs/statistics/method.md)', select: 'NET' },
];

export const findIndicator = (id: string): IndicatorDef | undefined => INDICATORS.find((i) => i.id === id);

const WHY_NOT: Readonly<Partial<Record<IndicatorKind, Partial<Record<Dimension, string>>>>> = {
  flow: { direction: 'the direction is the indicator itself (entries, exits, balance)', stayStatus: 'stay status is a property of presence, not of a crossing' },
  refusal: { stayStatus: 'refused travellers are not present' },
  stock: {
    direction: 'a stock is a count on a date, not a movement',
    crossingPoint: 'a stock is national: presence is not attributed to a crossing point',
    citizenGroup: 'the stock counts foreigners only',
    transport: 'a stock is a count on a date, not a movement',
    purpose: 'purpose is declared per crossing, not per stay',
  },
  migration: {
    direction: 'immigration and emigration are separate indicators',
    crossingPoint: 'a change of usual residence is not attributed to a crossing point',
    transport: 'a change of usual residence is not attributed to a crossing',
    purpose: 'purpose is declared per crossing, not per change of residence',
    stayStatus: 'applies to foreigners present only',
  },
};

export interface CoverageRow {
  readonly indicator: string;
  readonly dimension: Dimension;
  readonly available: boolean;
  readonly note?: string;
}

export function coverage(indicators: readonly IndicatorDef[] = INDICATORS): CoverageRow[] {
  return indicators.flatMap((i) =>
    DIMENSIONS.map((d) => {
      if (i.dimensions.includes(d)) return { indicator: i.id, dimension: d, available: true };
      const note = WHY_NOT[i.kind]?.[d];
      return { indicator: i.id, dimension: d, available: false, ...(note ? { note } : {}) };
    }),
  );
}

export function catalogue() {
  return {
    indicators: INDICATORS.map((i) => ({ id: i.id, measure: i.measure, kind: i.kind, dimensions: [...i.dimensions], periods: [...i.periods], source: i.source })),
    dimensions: DIMENSIONS.map((d) => ({ id: d, codes: DIMENSION_CODES[d] ? [...DIMENSION_CODES[d]] : null })),
    coverage: coverage(),
  };
}
