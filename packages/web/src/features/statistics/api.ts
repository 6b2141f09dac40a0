import { api, withQuery } from '../../api/client.ts';
import type { Page, ReferenceItem } from '../../api/types.ts';

/** Shapes of the statistics API (server module `statistics`, ADR 0601). */
export interface IndicatorDef {
  id: string;
  measure: 'crossings' | 'persons';
  kind: 'flow' | 'refusal' | 'stock' | 'migration';
  dimensions: string[];
  periods: string[];
  source: string;
}

export interface Catalogue {
  indicators: IndicatorDef[];
  dimensions: { id: string; codes: string[] | null }[];
  coverage: { indicator: string; dimension: string; available: boolean; note?: string }[];
}

export interface Answer {
  indicator: string;
  measure: string;
  period: string;
  from: string;
  to: string;
  at: string;
  dimensions: string[];
  cells: { key: string[]; value: number | null }[];
  asOf: string | null;
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'sdmx-csv', 'hxl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const indicatorPath = (id: string) => `/api/statistics/indicators/${encodeURIComponent(id)}`;
const table = (name: string, signal?: AbortSignal) => api.get<Page<ReferenceItem>>(`/api/reference/${name}`, { limit: 500 }, { signal }).then((r) => r.items);

export const statisticsApi = {
  catalogue: (signal?: AbortSignal) => api.get<Catalogue>('/api/statistics/catalogue', undefined, { signal }),
  indicator: (id: string, query: Record<string, string>, signal?: AbortSignal) => api.get<Answer>(indicatorPath(id), query, { signal }),
  /** A download link (same origin: the session cookie goes with it). */
  exportUrl: (id: string, query: Record<string, string>, format: ExportFormat, lang: string) => withQuery(`${indicatorPath(id)}/export`, { ...query, format, lang }),
  /** Names of the open code lists: countries (citizenship) and crossing points. */
  names: (signal?: AbortSignal) => Promise.all([table('countries', signal), table('crossing-points', signal)]).then(([countries, crossingPoints]) => ({ countries, crossingPoints })),
};
