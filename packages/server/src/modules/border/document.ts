import { randomUUID } from 'node:crypto';
import { parseMrz } from '@kamurj/domain/documents/mrz';
import type { CrossingDocument, DocumentType } from '@kamurj/domain/border';
import { detectScript } from '@kamurj/domain/names';
import type * as P from '@kamurj/domain/persons';
import { validationError } from '@kamurj/domain/kernel';
import { recordFromMrz } from '../persons/index.ts';
import type { ManualDocument } from './schemas.ts';

/**
 * The travel document as the console read it: from the MRZ (ICAO 9303 library: check digits, expiry,
 * specimen, OCR corrections reported) or from the manual form. Unreadable input is a 400 naming the field.
 */
export interface DocumentView {
  source: 'mrz' | 'manual';
  format: string | null;
  /** Check digits and structure all right (manual entries: not checked, null). */
  valid: boolean | null;
  specimen: boolean;
  expired: boolean | null;
  documentCode: string | null;
  documentType: DocumentType;
  number: string;
  issuingState: string;
  nationality: string | null;
  surname: string;
  givenNames: string;
  birthDate: string | null;
  sex: 'M' | 'F' | 'X' | null;
  expiryDate: string | null;
  errors: { field: string; code: string; message: string }[];
  warnings: { field: string; code: string; message: string }[];
  corrections: unknown[];
}

export interface ReadDocument {
  view: DocumentView;
  /** A person record for matching and registration (nothing saved). */
  record: P.PersonData;
  crossing: CrossingDocument;
}

const CROSSING_TYPES: Record<string, DocumentType> = { passport: 'passport', id_card: 'id_card', travel_document: 'travel_document', residence_permit: 'residence_permit' };

function typeFromCode(code: string | null): DocumentType {
  const c = (code ?? '').charAt(0);
  if (c === 'P') return 'passport';
  if (c === 'I' || c === 'A' || c === 'C') return 'id_card';
  return 'other';
}

export function readDocument(input: { mrz?: string | undefined; manual?: ManualDocument | undefined }, referenceDate: string): ReadDocument {
  if (input.mrz !== undefined) {
    const text = input.mrz.replace(/\r\n?/g, '\n').trim();
    const parsed = parseMrz(text, { referenceDate });
    if (parsed.format === null || !parsed.documentNumber) {
      const issues = parsed.errors.length ? parsed.errors.map((e) => ({ field: 'body.mrz', code: e.code, message: e.message })) : [{ field: 'body.mrz', code: 'MRZ.UNREADABLE', message: 'No document number could be read' }];
      throw validationError(issues, 'This is not a machine-readable zone (2 lines of 44 or 36 characters, or 3 lines of 30)');
    }
    const record = recordFromMrz(parsed, text);
    const documentType = typeFromCode(parsed.documentCode);
    const number = parsed.documentNumber.replace(/</g, '');
    const issuingState = parsed.issuingState ?? 'XXX';
    return {
      view: {
        source: 'mrz',
        format: parsed.format,
        valid: parsed.valid,
        specimen: parsed.specimen,
        expired: parsed.expired,
        documentCode: parsed.documentCode,
        documentType,
        number,
        issuingState,
        nationality: parsed.nationality,
        surname: parsed.surname ?? '',
        givenNames: parsed.givenNames ?? '',
        birthDate: parsed.birthDate,
        sex: parsed.sex,
        expiryDate: parsed.expiryDate,
        errors: parsed.errors.map((e) => ({ field: e.field, code: e.code, message: e.message })),
        warnings: parsed.warnings.map((e) => ({ field: e.field, code: e.code, message: e.message })),
        corrections: [...parsed.corrections],
      },
      record,
      crossing: { number, issuingState, type: documentType, ...(parsed.expiryDate && /^\d{4}-\d{2}-\d{2}$/.test(parsed.expiryDate) ? { expiryDate: parsed.expiryDate } : {}) },
    };
  }
  const m = input.manual!;
  const number = m.documentNumber.replace(/[\s-]+/g, '');
  const nationality = m.nationality ?? null;
  const record: P.PersonData = {
    names: [{ id: randomUUID(), surname: m.surname, givenNames: m.givenNames, patronymic: null, script: detectScript(`${m.surname} ${m.givenNames}`), kind: 'document-latin', source: `${m.documentType} ${number}` }],
    birthDate: m.birthDate ?? null,
    sex: m.sex ?? null,
    citizenships: nationality ? [{ code: nationality, kind: /^XX[ABCX]$/.test(nationality) ? 'status' : 'country' }] : [],
    documents: [{ id: randomUUID(), type: m.documentType === 'seaman_book' ? 'other' : m.documentType, number, issuingState: m.issuingState, issueDate: null, expiryDate: m.expiryDate ?? null, status: 'valid', mrz: null }],
    addresses: [],
    contacts: [],
    protection: { traffickingVictim: false, asylumSeeker: false },
    registeredIn: null,
  };
  const expired = m.expiryDate ? m.expiryDate < referenceDate : null;
  return {
    view: {
      source: 'manual',
      format: null,
      valid: null,
      specimen: false,
      expired,
      documentCode: null,
      documentType: CROSSING_TYPES[m.documentType] ?? 'other',
      number,
      issuingState: m.issuingState,
      nationality,
      surname: m.surname,
      givenNames: m.givenNames,
      birthDate: m.birthDate ?? null,
      sex: m.sex ?? null,
      expiryDate: m.expiryDate ?? null,
      errors: [],
      warnings: [],
      corrections: [],
    },
    record,
    crossing: { number, issuingState: m.issuingState, type: m.documentType, ...(m.expiryDate ? { expiryDate: m.expiryDate } : {}) },
  };
}
