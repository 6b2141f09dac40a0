import { api, type QueryValue } from '../../api/client.ts';
import type { LocalizedName, Page, ReferenceChange, ReferenceItem, ReferenceTable } from '../../api/types.ts';

const tablePath = (table: string) => `/api/reference/${encodeURIComponent(table)}`;
const rowPath = (table: string, key: string) => `${tablePath(table)}/${encodeURIComponent(key)}`;

export const referenceApi = {
  tables: (signal?: AbortSignal) =>
    api.get<{ tables: ReferenceTable[] }>('/api/reference', undefined, { signal }).then((r) => r.tables),
  rows: (table: string, query: Record<string, QueryValue>, signal?: AbortSignal) =>
    api.get<Page<ReferenceItem>>(tablePath(table), query, { signal }),
  /** There is no single-row read: the row is found by searching its key and matching it exactly. */
  row: async (table: string, key: string, signal?: AbortSignal): Promise<ReferenceItem | null> => {
    const page = await api.get<Page<ReferenceItem>>(tablePath(table), { q: key, limit: 100 }, { signal });
    return page.items.find((r) => r.key === key) ?? null;
  },
  update: (table: string, key: string, body: { version: number; names?: LocalizedName; active?: boolean }) =>
    api.patch<ReferenceItem>(rowPath(table, key), body),
  history: (table: string, key: string, signal?: AbortSignal) =>
    api.get<{ items: ReferenceChange[] }>(`${rowPath(table, key)}/history`, undefined, { signal }).then((r) => r.items),
};
