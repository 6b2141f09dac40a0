import type { DocumentListEntry, EntryBan, HitAction, ListEntry, WatchlistEntry } from '@kamurj/domain/border';
import { parsePartialDate } from '@kamurj/domain/names';
import type { Queryable } from '../../db/client.ts';
import { borderReference, LIST_IDS, type ListKind } from './settings.ts';

/** What is stored in `border_list_entries.data` (the domain entry without id, version, list and agency). */
export interface PersonEntryData {
  names: string[];
  birthDate?: string | null;
  sex?: 'M' | 'F' | 'X' | null;
  nationality?: string | null;
  documents?: { number: string; issuingState?: string }[];
  reason: string;
  action: HitAction;
  validity?: { from?: string | null; until?: string | null };
  ban?: { from: string; until: string | null };
}
export interface DocumentEntryData {
  number: string;
  issuingState: string;
  documentType: DocumentListEntry['documentType'];
  status: DocumentListEntry['status'];
  reportedOn: string;
  reason: string;
  action: HitAction;
  validity?: { from?: string | null; until?: string | null };
}
export type EntryData = PersonEntryData | DocumentEntryData;

export interface EntryRow {
  id: string;
  list_id: string;
  kind: ListKind;
  version: number;
  active: boolean;
  agency_code: string;
  agency_id: string;
  data: EntryData;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
}

const COLS = 'id, list_id, kind, version, active, agency_code, agency_id, data, created_at, created_by, updated_at, updated_by';

/** The domain entry for screening. */
export function toDomainEntry(row: EntryRow): ListEntry {
  const base = { id: row.id, version: row.version, listId: row.list_id, agency: row.agency_code };
  if (row.kind === 'document') {
    const d = row.data as DocumentEntryData;
    return { ...base, kind: 'document', number: d.number, issuingState: d.issuingState, documentType: d.documentType, status: d.status, reportedOn: d.reportedOn, reason: d.reason, action: d.action, ...(d.validity ? { validity: d.validity } : {}) };
  }
  const d = row.data as PersonEntryData;
  const birth = d.birthDate ? parsePartialDate(d.birthDate) : null;
  const person = {
    ...base,
    names: d.names,
    reason: d.reason,
    action: d.action,
    ...(birth ? { birthDate: birth } : {}),
    ...(d.sex === 'M' || d.sex === 'F' ? { sex: d.sex } : {}),
    ...(d.nationality ? { nationality: d.nationality } : {}),
    ...(d.documents?.length ? { documents: d.documents } : {}),
    ...(d.validity ? { validity: d.validity } : {}),
  };
  if (row.kind === 'entry_ban') return { ...person, kind: 'entry_ban', ban: d.ban ?? { from: '0001-01-01', until: null } } as EntryBan;
  return { ...person, kind: 'watchlist' } as WatchlistEntry;
}

export function searchTextOf(data: EntryData): string {
  const parts = 'names' in data ? [...data.names, ...(data.documents ?? []).map((d) => d.number), data.reason] : [data.number, data.issuingState, data.reason];
  return parts.join(' ').toLowerCase();
}

export const documentKeyOf = (data: EntryData): string | null => ('number' in data ? `${data.issuingState}:${data.number}` : null);

export async function activeEntries(db: Queryable, listId: string): Promise<EntryRow[]> {
  return (await db.query<EntryRow>(`SELECT ${COLS} FROM border_list_entries WHERE list_id = $1 AND active ORDER BY id`, [listId])).rows;
}

/**
 * The active entries of a list as the text of one JSON array of the fields toDomainEntry reads: the
 * screening thread parses it (ADR 0510), so a large list costs the event loop one string, not a row each.
 */
export async function activeEntriesJson(db: Queryable, listId: string): Promise<string> {
  const r = await db.query<{ rows: string }>(
    `SELECT coalesce(json_agg(json_build_object('id', id, 'list_id', list_id, 'kind', kind, 'version', version, 'agency_code', agency_code, 'data', data) ORDER BY id), '[]')::text AS rows
       FROM border_list_entries WHERE list_id = $1 AND active`,
    [listId],
  );
  return r.rows[0]?.rows ?? '[]';
}

export async function findEntry(db: Queryable, id: string, lock = false): Promise<EntryRow | undefined> {
  return (await db.query<EntryRow>(`SELECT ${COLS} FROM border_list_entries WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];
}

export async function findEntries(db: Queryable, ids: readonly string[]): Promise<EntryRow[]> {
  if (!ids.length) return [];
  return (await db.query<EntryRow>(`SELECT ${COLS} FROM border_list_entries WHERE id = ANY($1::uuid[])`, [ids])).rows;
}

export async function listEntries(db: Queryable, f: { kind: ListKind; q?: string | undefined; active?: boolean | undefined; limit: number; offset: number }): Promise<{ rows: EntryRow[]; total: number }> {
  const params: unknown[] = [f.kind];
  const where = ['kind = $1'];
  if (f.q) {
    params.push(`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`search_text LIKE $${params.length}`);
  }
  if (f.active !== undefined) {
    params.push(f.active);
    where.push(`active = $${params.length}`);
  }
  const total = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM border_list_entries WHERE ${where.join(' AND ')}`, params)).rows[0]?.n ?? 0);
  params.push(f.limit, f.offset);
  const rows = (await db.query<EntryRow>(
    `SELECT ${COLS} FROM border_list_entries WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  )).rows;
  return { rows, total };
}

export async function insertEntry(
  tx: Queryable,
  e: { id: string; kind: ListKind; agencyCode: string; agencyId: string; data: EntryData; at: Date; by: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO border_list_entries (id, list_id, kind, version, active, agency_code, agency_id, data, document_key, search_text, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, 1, true, $4, $5, $6, $7, $8, $9, $10, $9, $10)`,
    [e.id, LIST_IDS[e.kind], e.kind, e.agencyCode, e.agencyId, JSON.stringify(e.data), documentKeyOf(e.data), searchTextOf(e.data), e.at, e.by],
  );
}

/** A new version of an entry (data and/or active); false when the stored version is not `version`. */
export async function updateEntry(tx: Queryable, id: string, version: number, data: EntryData, active: boolean, at: Date, by: string | null): Promise<boolean> {
  const r = await tx.query(
    `UPDATE border_list_entries SET version = version + 1, data = $3, active = $4, document_key = $5, search_text = $6, updated_at = $7, updated_by = $8
      WHERE id = $1 AND version = $2`,
    [id, version, JSON.stringify(data), active, documentKeyOf(data), searchTextOf(data), at, by],
  );
  return r.rowCount === 1;
}

export async function existingDocumentKeys(db: Queryable, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const r = await db.query<{ k: string }>(`SELECT document_key AS k FROM border_list_entries WHERE kind = 'document' AND document_key = ANY($1::text[])`, [keys]);
  return new Set(r.rows.map((x) => x.k));
}

/** Raises the list's version counter (in the transaction that changed the list). */
export async function bumpListVersion(tx: Queryable, listId: string, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO border_list_versions (list_id, version, updated_at) VALUES ($1, 1, $2)
     ON CONFLICT (list_id) DO UPDATE SET version = border_list_versions.version + 1, updated_at = $2`,
    [listId, at],
  );
}

/** The version counter of each list; `pre`: the rows as a borderReference read them. */
export async function listVersions(db: Queryable, pre?: readonly { list_id: string; version: string | number }[]): Promise<Map<string, number>> {
  const rows = pre ?? (await borderReference(db)).versions;
  return new Map(rows.map((x) => [x.list_id, Number(x.version)]));
}
