/**
 * "Create a person" starts from a document: a parsed MRZ becomes a draft record (names as printed in the
 * MRZ, birth date, sex, citizenship, the document itself) that the officer completes — typically with the
 * name as written in the person's own script — before saving.
 */
import type { MrzParseResult } from '../documents/mrz/types.ts';
import type { Citizenship, DocumentType, PersonData, PersonDocumentEntry, PersonNameEntry } from './types.ts';
import { detectScript } from '../names/script.ts';

type WithoutId<T> = Omit<T, 'id'>;
export interface PersonDraft extends Omit<PersonData, 'names' | 'documents' | 'addresses' | 'contacts'> {
  readonly names: readonly WithoutId<PersonNameEntry>[];
  readonly documents: readonly WithoutId<PersonDocumentEntry>[];
  readonly addresses: readonly [];
  readonly contacts: readonly [];
}

/** ICAO codes whose holder has no country of nationality (kept apart from countries; ADR 0004). */
const STATUS_KINDS = new Set(['stateless', 'refugee', 'unspecified']);

/** Germany's ICAO code `D` is DEU in ISO 3166-1, which statistics count. */
export const normalizeStateCode = (code: string) => (code === 'D' ? 'DEU' : code);

function documentType(code: string | null): DocumentType {
  const c = (code ?? '').replace(/</g, '');
  if (c.startsWith('P')) return 'passport';
  if (c.startsWith('V')) return 'visa';
  if (c.startsWith('I') || c.startsWith('A') || c.startsWith('C')) return 'id_card';
  return 'travel_document';
}

export function draftFromMrz(r: MrzParseResult, mrzText: string): PersonDraft {
  const type = documentType(r.documentCode);
  const number = r.documentNumber ?? '';
  const names: WithoutId<PersonNameEntry>[] = [];
  if ((r.surname ?? '') !== '' || (r.givenNames ?? '') !== '') {
    const surname = r.surname ?? '';
    const givenNames = r.givenNames ?? '';
    names.push({ surname, givenNames, patronymic: null, script: detectScript(`${surname} ${givenNames}`), kind: 'mrz', source: `${type} ${number}`.trim() });
  }
  const citizenships: Citizenship[] = [];
  if (r.nationality) {
    const kind = STATUS_KINDS.has(r.nationalityInfo?.kind ?? '') ? 'status' : 'country';
    citizenships.push({ code: normalizeStateCode(r.nationality), kind });
  }
  const documents: WithoutId<PersonDocumentEntry>[] = number
    ? [
        {
          type,
          number,
          issuingState: normalizeStateCode(r.issuingState ?? 'XXX'),
          issueDate: null,
          expiryDate: r.expiryDate,
          status: r.expired ? 'expired' : 'valid',
          mrz: mrzText.trim().split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('\n'),
        },
      ]
    : [];
  return {
    names,
    birthDate: r.birthDate,
    sex: r.sex,
    citizenships,
    documents,
    addresses: [],
    contacts: [],
    protection: { traffickingVictim: false, asylumSeeker: false },
    registeredIn: null,
  };
}
