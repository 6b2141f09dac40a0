import { api, withQuery } from '../../api/client.ts';
import type { LocalizedName } from '../../api/types.ts';

/** Shapes of the public open-data API (no login; protected aggregates only, ADR 0602/0603). */
export interface DatasetMeta {
  id: string;
  title: LocalizedName;
  description: LocalizedName;
  indicator: string;
  dimensions: string[];
  period: string;
  from: string;
  to: string;
  threshold: number;
  roundingBase: number | null;
  asOf: string | null;
}

export interface PublishedCell {
  key: string[];
  value: number | null;
  flag?: 'suppressed' | 'rounded';
}

export interface Dataset extends DatasetMeta {
  cells: PublishedCell[];
}

const path = (id: string) => `/api/open-data/datasets/${encodeURIComponent(id)}`;

export const openDataApi = {
  list: (signal?: AbortSignal) => api.get<{ items: DatasetMeta[] }>('/api/open-data/datasets', undefined, { signal, quiet401: true }).then((r) => r.items),
  dataset: (id: string, signal?: AbortSignal) => api.get<Dataset>(path(id), undefined, { signal, quiet401: true }),
  downloadUrl: (id: string, format: string, lang: string) => withQuery(path(id), { format, lang }),
};
