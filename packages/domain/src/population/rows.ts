/** Flat rows of synthetic persons (CSV / JSON Lines), ground truth included. */
import type { SyntheticPerson } from './types.ts';

export const PERSON_COLUMNS = [
  'id',
  'entity_id',
  'duplicate_of',
  'duplicate_kind',
  'group',
  'given_name',
  'surname',
  'name_script',
  'birth_date',
  'sex',
  'nationality',
  'document_number',
  'document_issuer',
  'document_expiry',
  'mrz_line1',
  'mrz_line2',
] as const;

export function personToRow(p: SyntheticPerson): Record<(typeof PERSON_COLUMNS)[number], string> {
  return {
    id: p.id,
    entity_id: p.entityId,
    duplicate_of: p.duplicateOf ?? '',
    duplicate_kind: p.duplicateKind ?? '',
    group: p.group,
    given_name: p.givenName,
    surname: p.surname,
    name_script: p.nameScript,
    birth_date: p.birthDate,
    sex: p.sex,
    nationality: p.nationality,
    document_number: p.document.number,
    document_issuer: p.document.issuer,
    document_expiry: p.document.expiryDate,
    mrz_line1: p.document.mrz[0],
    mrz_line2: p.document.mrz[1],
  };
}
