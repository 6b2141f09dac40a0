import type { ReferenceItem } from '../../api/types.ts';
import type { I18n, MessageKey } from '../../i18n/index.tsx';
import { PURPOSE, TRANSPORT } from '../border/labels.ts';
import { grainOf } from './periods.ts';

/**
 * Labels of the statistics vocabulary (literal message keys, so the dictionaries' completeness test sees
 * them). Transport and purpose reuse the border console's words; countries and crossing points come from
 * reference data, in their names' own language.
 */
export const INDICATOR: Record<string, MessageKey> = {
  'flows.entries.crossings': 'stats.ind.flows.entries.crossings',
  'flows.entries.persons': 'stats.ind.flows.entries.persons',
  'flows.exits.crossings': 'stats.ind.flows.exits.crossings',
  'flows.exits.persons': 'stats.ind.flows.exits.persons',
  'flows.balance.crossings': 'stats.ind.flows.balance.crossings',
  'flows.balance.persons': 'stats.ind.flows.balance.persons',
  'border.refusals.crossings': 'stats.ind.border.refusals.crossings',
  'stocks.foreigners.present': 'stats.ind.stocks.foreigners.present',
  'stocks.irregular': 'stats.ind.stocks.irregular',
  'migration.immigrants': 'stats.ind.migration.immigrants',
  'migration.emigrants': 'stats.ind.migration.emigrants',
  'migration.net': 'stats.ind.migration.net',
};
export const KIND: Record<string, MessageKey> = { flow: 'stats.kind.flow', refusal: 'stats.kind.refusal', stock: 'stats.kind.stock', migration: 'stats.kind.migration' };
export const MEASURE: Record<string, MessageKey> = { crossings: 'stats.measure.crossings', persons: 'stats.measure.persons' };
export const GRAIN: Record<string, MessageKey> = { day: 'stats.grain.day', week: 'stats.grain.week', month: 'stats.grain.month', quarter: 'stats.grain.quarter', year: 'stats.grain.year' };
export const DIMENSION: Record<string, MessageKey> = {
  period: 'stats.dim.period',
  direction: 'stats.dim.direction',
  crossingPoint: 'stats.dim.crossingPoint',
  citizenship: 'stats.dim.citizenship',
  citizenGroup: 'stats.dim.citizenGroup',
  sex: 'stats.dim.sex',
  age5: 'stats.dim.age5',
  ageBroad: 'stats.dim.ageBroad',
  transport: 'stats.dim.transport',
  purpose: 'stats.dim.purpose',
  stayStatus: 'stats.dim.stayStatus',
};
export const FORMAT: Record<string, MessageKey> = { csv: 'stats.format.csv', xlsx: 'stats.format.xlsx', 'sdmx-csv': 'stats.format.sdmx-csv', hxl: 'stats.format.hxl' };
const CODE: Record<string, Record<string, MessageKey>> = {
  sex: { F: 'stats.sex.F', M: 'stats.sex.M', O: 'stats.sex.O' },
  citizenGroup: { CITIZEN: 'stats.citizenGroup.CITIZEN', FOREIGNER: 'stats.citizenGroup.FOREIGNER' },
  direction: { ENTRY: 'border.direction.entry', EXIT: 'border.direction.exit' },
  stayStatus: { REGULAR: 'stats.stayStatus.REGULAR', IRREGULAR: 'stats.stayStatus.IRREGULAR' },
  transport: TRANSPORT,
  purpose: PURPOSE,
};
/** Why an indicator cannot be split by a dimension (coverage table), by indicator kind and dimension. */
const WHY: Record<string, MessageKey> = {
  'flow.direction': 'stats.why.flow.direction',
  'flow.stayStatus': 'stats.why.flow.stayStatus',
  'refusal.stayStatus': 'stats.why.refusal.stayStatus',
  'stock.direction': 'stats.why.stock.direction',
  'stock.crossingPoint': 'stats.why.stock.crossingPoint',
  'stock.citizenGroup': 'stats.why.stock.citizenGroup',
  'stock.transport': 'stats.why.stock.transport',
  'stock.purpose': 'stats.why.stock.purpose',
  'migration.direction': 'stats.why.migration.direction',
  'migration.crossingPoint': 'stats.why.migration.crossingPoint',
  'migration.transport': 'stats.why.migration.transport',
  'migration.purpose': 'stats.why.migration.purpose',
  'migration.stayStatus': 'stats.why.migration.stayStatus',
};

const keyed = (i: I18n, map: Record<string, MessageKey>, code: string) => (map[code] ? i.t(map[code]) : code);

export const indicatorLabel = (i: I18n, id: string) => keyed(i, INDICATOR, id);
export const dimensionLabel = (i: I18n, dim: string) => keyed(i, DIMENSION, dim);
export const grainLabel = (i: I18n, grain: string) => keyed(i, GRAIN, grain);
export const measureLabel = (i: I18n, m: string) => keyed(i, MEASURE, m);
export const whyNot = (i: I18n, kind: string, dim: string, fallback: string) => (WHY[`${kind}.${dim}`] ? i.t(WHY[`${kind}.${dim}`]!) : fallback);

/** Names of the open code lists (citizenship: countries; crossing points), from reference data. */
export interface OpenNames {
  countries: readonly ReferenceItem[];
  crossingPoints: readonly ReferenceItem[];
}

/** A period code in words: `2026-Q4` → "Q4 2026", `2026-11` → "November 2026" (in the UI language). */
export function periodLabel(i: I18n, code: string): string {
  switch (grainOf(code)) {
    case 'quarter':
      return i.t('stats.quarter', { q: code.slice(6), year: code.slice(0, 4) });
    case 'week':
      return i.t('stats.week', { week: Number(code.slice(6)), year: code.slice(0, 4) });
    case 'month': {
      // Without locale data for the language (some builds lack Armenian), the code itself: 2026-11.
      if (!Intl.DateTimeFormat.supportedLocalesOf([i.lang]).length) return code;
      return new Intl.DateTimeFormat(i.lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${code}-01T00:00:00Z`));
    }
    case 'day':
      return i.date(`${code}T12:00:00Z`);
    default:
      return code;
  }
}

/** A code of a dimension in words (unknown codes as they are). */
export function codeLabel(i: I18n, dim: string, code: string, names?: OpenNames): string {
  if (code === '_U') return i.t('stats.code.unknown');
  if (code === '_T') return i.t('stats.code.total');
  if (code === '_O') return i.t('stats.code.other');
  if (dim === 'period') return periodLabel(i, code);
  if (dim === 'age5' || dim === 'ageBroad') {
    const range = /^Y(\d+)T(\d+)$/.exec(code);
    if (range) return i.t('stats.age.range', { from: range[1]!, to: range[2]! });
    const plus = /^Y_GE(\d+)$/.exec(code);
    if (plus) return i.t('stats.age.plus', { from: plus[1]! });
    return code;
  }
  if (dim === 'citizenship' || dim === 'crossingPoint') {
    const item = (dim === 'citizenship' ? names?.countries : names?.crossingPoints)?.find((x) => x.key === code);
    return item ? i.name(item.names) : code;
  }
  const map = CODE[dim];
  return map ? keyed(i, map, code) : code;
}
