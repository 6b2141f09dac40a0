import { randomUUID } from 'node:crypto';
import { banPeriod, importDocumentList, normaliseDocumentNumber } from '@kamurj/domain/border';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { notFound, staleVersion } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import * as repo from './lists-repository.ts';
import { presentEntry } from './presenter.ts';
import type { DocumentEntryBody, EntryChange, PersonEntryBody } from './schemas.ts';
import { LIST_IDS, type ListKind } from './settings.ts';

/**
 * Administration of the national watchlist, entry bans and the lost/stolen/revoked document list
 * (issue 4 §3). Entries belong to the agency that owns them (`watchlist.manage` reaches that agency's
 * entries only); every change raises the entry's version and the list's counter, so the prepared
 * screening index is rebuilt and older adjudications stop suppressing. Nothing is deleted: an entry is
 * withdrawn (active = false) and can be reinstated.
 */
type PersonBody = z.infer<typeof PersonEntryBody>;
type DocumentBody = z.infer<typeof DocumentEntryBody>;

const agencyTarget = (auth: AuthContext) => ({ agencyId: auth.actor.agencyId });

function personData(kind: ListKind, b: PersonBody): repo.PersonEntryData {
  if (kind === 'entry_ban' && !b.ban) throw validationError([{ field: 'body.ban', code: 'BORDER.REQUIRED', message: 'An entry ban needs { from, until | duration }' }]);
  if (kind === 'watchlist' && b.ban) throw validationError([{ field: 'body.ban', code: 'unknown_field', message: 'Only entry bans have a ban period' }]);
  let ban: repo.PersonEntryData['ban'];
  if (b.ban) {
    const period = banPeriod({ from: b.ban.from, ...(b.ban.until !== undefined ? { until: b.ban.until } : {}), ...(b.ban.duration ? { duration: b.ban.duration } : {}) });
    if (!period) throw validationError([{ field: 'body.ban', code: 'BORDER.INVALID_PERIOD', message: 'The ban must end on or after its first day' }]);
    ban = period;
  }
  return {
    names: b.names,
    ...(b.birthDate ? { birthDate: b.birthDate } : {}),
    ...(b.sex ? { sex: b.sex } : {}),
    ...(b.nationality ? { nationality: b.nationality } : {}),
    ...(b.documents?.length ? { documents: b.documents.map((d) => ({ number: normaliseDocumentNumber(d.number), ...(d.issuingState ? { issuingState: d.issuingState } : {}) })) } : {}),
    reason: b.reason,
    action: b.action,
    ...(b.validity ? { validity: b.validity } : {}),
    ...(ban ? { ban } : {}),
  };
}

function documentData(b: DocumentBody): repo.DocumentEntryData {
  const number = normaliseDocumentNumber(b.number);
  if (!/^[A-Z0-9]{4,24}$/.test(number)) throw validationError([{ field: 'body.number', code: 'BORDER.INVALID_DOCUMENT_NUMBER', message: 'Expected 4–24 letters and digits' }]);
  return {
    number,
    issuingState: b.issuingState,
    documentType: b.documentType,
    status: b.status,
    reportedOn: b.reportedOn,
    reason: b.reason || `${b.status} ${b.documentType}`,
    action: b.action ?? 'second_line',
    ...(b.validity ? { validity: b.validity } : {}),
  };
}

function dataFor(kind: ListKind, body: unknown): repo.EntryData {
  const isDoc = typeof body === 'object' && body !== null && 'number' in body;
  if ((kind === 'document') !== isDoc) throw validationError([{ field: 'body', code: 'BORDER.WRONG_ENTRY_KIND', message: kind === 'document' ? 'A document entry has number, issuingState, documentType, status, reportedOn' : 'A person entry has names, reason, action' }]);
  return kind === 'document' ? documentData(body as DocumentBody) : personData(kind, body as PersonBody);
}

export async function listEntries(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, kind: ListKind, q: { q?: string | undefined; active?: boolean | undefined; limit: number; offset: number }) {
  requireCan(auth.actor, 'watchlist.read');
  const { rows, total } = await repo.listEntries(deps.db, { kind, ...q });
  await deps.db.tx((tx) => audit(tx, origin, { action: 'border.lists.read', purpose: 'border_control', targetType: 'list', targetId: LIST_IDS[kind], details: { criteria: q, returned: rows.length } }));
  return { items: rows.map(presentEntry), total, version: (await repo.listVersions(deps.db)).get(LIST_IDS[kind]) ?? 0 };
}

export async function getEntry(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string) {
  requireCan(auth.actor, 'watchlist.read');
  const row = await repo.findEntry(deps.db, id);
  if (!row) throw notFound('List entry', 'BORDER.ENTRY_NOT_FOUND');
  await deps.db.tx((tx) => audit(tx, origin, { action: 'border.lists.entry.read', purpose: 'border_control', targetType: 'list_entry', targetId: id }));
  return presentEntry(row);
}

export async function createEntry(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, kind: ListKind, body: unknown) {
  requireCan(auth.actor, 'watchlist.manage', agencyTarget(auth));
  const data = dataFor(kind, body);
  const at = deps.clock.now();
  const id = randomUUID();
  const code = auth.agencyCode;
  await deps.db.tx(async (tx) => {
    if (kind === 'document') {
      const existing = await repo.existingDocumentKeys(tx, [repo.documentKeyOf(data)!]);
      if (existing.size) throw new DomainError('BORDER.DOCUMENT_LISTED', 'conflict', 'This document is already on the list');
    }
    await repo.insertEntry(tx, { id, kind, agencyCode: code, agencyId: auth.actor.agencyId, data, at, by: auth.actor.id });
    await repo.bumpListVersion(tx, LIST_IDS[kind], at);
    await audit(tx, origin, { action: 'border.lists.entry.create', purpose: 'border_control', targetType: 'list_entry', targetId: id, details: { kind, data } });
  });
  return presentEntry((await repo.findEntry(deps.db, id))!);
}

export async function changeEntry(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, change: z.infer<typeof EntryChange>) {
  requireCan(auth.actor, 'watchlist.manage');
  const row = await repo.findEntry(deps.db, id);
  if (!row) throw notFound('List entry', 'BORDER.ENTRY_NOT_FOUND');
  requireCan(auth.actor, 'watchlist.manage', { agencyId: row.agency_id });
  const data = change.entry ? dataFor(row.kind, change.entry) : row.data;
  const active = change.active ?? row.active;
  const at = deps.clock.now();
  await deps.db.tx(async (tx) => {
    if (!(await repo.updateEntry(tx, id, change.version, data, active, at, auth.actor.id))) throw staleVersion(presentEntry((await repo.findEntry(tx, id))!));
    await repo.bumpListVersion(tx, row.list_id, at);
    await audit(tx, origin, {
      action: active === row.active ? 'border.lists.entry.change' : active ? 'border.lists.entry.reinstate' : 'border.lists.entry.withdraw',
      purpose: 'border_control',
      targetType: 'list_entry',
      targetId: id,
      details: { kind: row.kind, fromVersion: change.version, before: row.data, after: data, active },
    }).then(() => undefined);
  });
  return presentEntry((await repo.findEntry(deps.db, id))!);
}

/** CSV import of lost/stolen/revoked documents: broken rows are reported, the rest loaded. */
export async function importDocuments(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, csv: string, action?: 'refuse_entry' | 'second_line' | 'detain' | 'notify_agency' | 'record_only') {
  requireCan(auth.actor, 'watchlist.manage', agencyTarget(auth));
  const at = deps.clock.now();
  const code = auth.agencyCode;
  const result = importDocumentList(csv, { listId: LIST_IDS.document, agency: code, asOf: at.toISOString().slice(0, 10), ...(action ? { action } : {}) });
  const keys = result.entries.map((e) => `${e.issuingState}:${e.number}`);
  const skipped: { row: null; field: string; code: string; message: string }[] = [];
  let loaded = 0;
  await deps.db.tx(async (tx) => {
    const existing = await repo.existingDocumentKeys(tx, keys);
    for (const e of result.entries) {
      const key = `${e.issuingState}:${e.number}`;
      if (existing.has(key)) {
        skipped.push({ row: null, field: 'number', code: 'BORDER.DOCUMENT_LISTED', message: `${key} is already on the list` });
        continue;
      }
      const data: repo.DocumentEntryData = { number: e.number, issuingState: e.issuingState, documentType: e.documentType, status: e.status, reportedOn: e.reportedOn, reason: e.reason, action: e.action };
      await repo.insertEntry(tx, { id: randomUUID(), kind: 'document', agencyCode: code, agencyId: auth.actor.agencyId, data, at, by: auth.actor.id });
      loaded++;
    }
    if (loaded) await repo.bumpListVersion(tx, LIST_IDS.document, at);
    await audit(tx, origin, {
      action: 'border.lists.documents.import',
      purpose: 'border_control',
      targetType: 'list',
      targetId: LIST_IDS.document,
      details: { rowsRead: result.rowsRead, loaded, errors: result.errors.length, alreadyListed: skipped.length },
    });
  });
  return { rowsRead: result.rowsRead, loaded, alreadyListed: skipped.length, errors: result.errors, warnings: [...result.warnings, ...skipped] };
}
