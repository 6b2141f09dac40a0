import { createHash, randomUUID } from 'node:crypto';
import { isDomainError, validationError } from '@kamurj/domain/kernel';
import { detectScript } from '@kamurj/domain/names';
import type * as P from '@kamurj/domain/persons';
import { parseEvisaFile, type EvisaRow } from '@kamurj/domain/residence';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { findDocumentHolders, registerPersonFromDocument } from '../persons/index.ts';
import { holderFor, issuerOf } from './context.ts';
import * as repo from './repository.ts';
import { issueVisa } from './service-visas.ts';

/**
 * Import of the MFA e-visa file (ADR 0701). Broken rows are reported with their line numbers and the rest
 * is loaded, each row in its own transaction (holder, visa, document, stay position, audit row). A visa
 * number already recorded with the same data is counted unchanged, so the same file can be sent twice;
 * with different data it is reported, never overwritten. Holders are matched through the persons module
 * (same passport, or a match at the automatic-merge threshold) or registered through its entry path.
 */
export interface EvisaImportReport {
  importId: string;
  fileName: string;
  rowsRead: number;
  loaded: number;
  unchanged: number;
  personsCreated: number;
  personsMatched: number;
  errors: { row: number; field: string; code: string; message: string }[];
}

const MAX_ROWS = 20_000;

function recordOf(r: EvisaRow): P.PersonData {
  return {
    names: [{ id: randomUUID(), surname: r.surname, givenNames: r.givenNames, patronymic: null, script: detectScript(`${r.surname} ${r.givenNames}`), kind: 'as-written', source: `e-visa ${r.number}` }],
    birthDate: r.birthDate,
    sex: r.sex,
    citizenships: [{ code: r.nationality, kind: 'country' }],
    documents: [{ id: randomUUID(), type: 'passport', number: r.passportNumber, issuingState: r.passportIssuer, issueDate: null, expiryDate: null, status: 'valid', mrz: null }],
    addresses: [],
    contacts: [],
    protection: { traffickingVictim: false, asylumSeeker: false },
    registeredIn: null,
  };
}

const same = (v: repo.VisaRow, r: EvisaRow) => v.type === 'e_visa' && v.valid_from === r.validFrom && v.valid_to === r.validTo && v.stay_days === r.stayDays && v.entries === r.entries && v.passport_number === r.passportNumber;

export async function importEvisas(deps: AppDeps, origin: () => AuditOrigin, auth: AuthContext, file: { fileName: string; content: string }): Promise<EvisaImportReport> {
  requireCan(auth.actor, 'residence.manage');
  requireCan(auth.actor, 'persons.write');
  const parsed = parseEvisaFile(file.content, MAX_ROWS);
  if (parsed.fileErrors.length) throw validationError(parsed.fileErrors.map((e) => ({ field: `body.content.${e.field}`, code: e.code, message: `Line ${e.row}: ${e.message}` })));
  const importId = randomUUID();
  const issuer = issuerOf(deps, auth);
  const report: EvisaImportReport = { importId, fileName: file.fileName, rowsRead: parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size, loaded: 0, unchanged: 0, personsCreated: 0, personsMatched: 0, errors: [...parsed.errors] };
  const sha = createHash('sha256').update(file.content).digest('hex');
  await deps.db.tx((tx) =>
    tx.query(`INSERT INTO residence_evisa_imports (id, file_name, file_sha256, rows_read, loaded, unchanged, errors, created_at, created_by) VALUES ($1,$2,$3,$4,0,0,'[]',$5,$6)`, [importId, file.fileName, sha, report.rowsRead, origin().at, auth.actorName]),
  );

  for (const row of parsed.rows) {
    try {
      const existing = await repo.findVisaByNumber(deps.db, row.number);
      if (existing) {
        if (same(existing, row)) report.unchanged++;
        else report.errors.push({ row: row.line, field: 'number', code: 'RESIDENCE.VISA_DIFFERS', message: `e-visa ${row.number} is already recorded with other data; it was not changed` });
        continue;
      }
      const record = recordOf(row);
      const holders = await findDocumentHolders(deps, auth, record, 3);
      const match = holders.find((h) => h.sameDocument) ?? holders.find((h) => h.score >= deps.config.autoMergeThreshold);
      await deps.db.tx(async (tx) => {
        const o = origin();
        let personId: string;
        if (match) {
          personId = (await holderFor(tx, auth, match.personId, 'residence.manage')).id;
        } else {
          personId = (await registerPersonFromDocument(tx, o, auth, { record, country: issuer.country, at: o.at, autoMergeThreshold: deps.config.autoMergeThreshold, purpose: 'casework', details: { evisaImportId: importId, row: row.line } })).personId;
        }
        const holder = await holderFor(tx, auth, personId, 'residence.manage');
        await issueVisa(tx, o, issuer, {
          personId: holder.id, jurisdictionPath: holder.jurisdiction_path, type: 'e_visa', number: row.number, issuingPost: 'e-Visa', validFrom: row.validFrom, validTo: row.validTo,
          stayDays: row.stayDays, entries: row.entries, passportNumber: row.passportNumber, importId,
        });
      });
      if (match) report.personsMatched++;
      else report.personsCreated++;
      report.loaded++;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      report.errors.push({ row: row.line, field: '', code: e.code, message: e.message });
    }
  }
  report.errors.sort((a, b) => a.row - b.row);
  await deps.db.tx(async (tx) => {
    await tx.query('UPDATE residence_evisa_imports SET loaded = $2, unchanged = $3, errors = $4 WHERE id = $1', [importId, report.loaded, report.unchanged, JSON.stringify(report.errors)]);
    await audit(tx, origin(), { action: 'residence.evisa.import', purpose: 'casework', targetType: 'evisa_import', targetId: importId, details: { fileName: file.fileName, sha256: sha, rowsRead: report.rowsRead, loaded: report.loaded, unchanged: report.unchanged, rejected: report.errors.length } });
  });
  return report;
}
