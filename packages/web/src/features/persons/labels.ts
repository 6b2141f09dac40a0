import { useCallback, useState } from 'react';
import type { MessageKey } from '../../i18n/index.tsx';
import type { AddressKind, ContactKind, DocumentStatus, DocumentType, FamilyRelation, NameKind, ProtectionReason, Feature } from './api.ts';

/** Literal message keys for the persons vocabulary (so the dictionaries' completeness test sees them). */
export const DOC_TYPE: Record<DocumentType, MessageKey> = {
  passport: 'persons.doc.passport',
  id_card: 'persons.doc.id_card',
  travel_document: 'persons.doc.travel_document',
  residence_permit: 'persons.doc.residence_permit',
  visa: 'persons.doc.visa',
  birth_certificate: 'persons.doc.birth_certificate',
  other: 'persons.doc.other',
};
export const DOC_STATUS: Record<DocumentStatus, MessageKey> = {
  valid: 'persons.docStatus.valid',
  expired: 'persons.docStatus.expired',
  lost: 'persons.docStatus.lost',
  stolen: 'persons.docStatus.stolen',
  revoked: 'persons.docStatus.revoked',
};
export const NAME_KIND: Record<NameKind, MessageKey> = {
  'as-written': 'persons.nameKind.as-written',
  'document-latin': 'persons.nameKind.document-latin',
  mrz: 'persons.nameKind.mrz',
  other: 'persons.nameKind.other',
};
export const RELATION: Record<FamilyRelation, MessageKey> = {
  parent: 'persons.relation.parent',
  child: 'persons.relation.child',
  spouse: 'persons.relation.spouse',
  sibling: 'persons.relation.sibling',
  guardian: 'persons.relation.guardian',
  ward: 'persons.relation.ward',
  other: 'persons.relation.other',
};
export const PROTECTION: Record<ProtectionReason, MessageKey> = {
  trafficking_victim: 'persons.protection.trafficking_victim',
  asylum_seeker: 'persons.protection.asylum_seeker',
  minor: 'persons.protection.minor',
};
export const FEATURE: Record<Feature['feature'], MessageKey> = {
  name: 'persons.feature.name',
  document: 'persons.feature.document',
  birthDate: 'persons.feature.birthDate',
  sex: 'persons.feature.sex',
  nationality: 'persons.feature.nationality',
};
export const SEX: Record<'M' | 'F' | 'X', MessageKey> = { M: 'persons.sex.M', F: 'persons.sex.F', X: 'persons.sex.X' };

export const READ_PURPOSES = ['border_control', 'casework', 'data_quality', 'oversight', 'statistics'] as const;
export type ReadPurpose = (typeof READ_PURPOSES)[number];

const KEY = 'kamurj.persons.purpose';

/** Why the user is looking at persons; every read is audited with it. Remembered for the browser tab. */
export function usePurpose(roles: readonly string[]): [ReadPurpose, (p: ReadPurpose) => void] {
  const initial = (): ReadPurpose => {
    try {
      const saved = sessionStorage.getItem(KEY);
      if (saved && (READ_PURPOSES as readonly string[]).includes(saved)) return saved as ReadPurpose;
    } catch {
      // storage unavailable: use the role's default
    }
    return roles.some((r) => r.startsWith('border_')) ? 'border_control' : 'casework';
  };
  const [purpose, setState] = useState<ReadPurpose>(initial);
  const set = useCallback((p: ReadPurpose) => {
    setState(p);
    try {
      sessionStorage.setItem(KEY, p);
    } catch {
      // not remembered
    }
  }, []);
  return [purpose, set];
}

/** Scripts a name can be detected in (ISO 15924, plus mixed and unknown). */
export const SCRIPT: Record<string, MessageKey> = {
  Armn: 'persons.scriptName.Armn',
  Cyrl: 'persons.scriptName.Cyrl',
  Latn: 'persons.scriptName.Latn',
  Geor: 'persons.scriptName.Geor',
  Arab: 'persons.scriptName.Arab',
  mixed: 'persons.scriptName.mixed',
  unknown: 'persons.scriptName.unknown',
};
export const ADDRESS_KIND: Record<AddressKind, MessageKey> = {
  residence: 'persons.addressKind.residence',
  registration: 'persons.addressKind.registration',
  abroad: 'persons.addressKind.abroad',
};
export const CONTACT_KIND: Record<ContactKind, MessageKey> = {
  phone: 'persons.contactKind.phone',
  email: 'persons.contactKind.email',
  other: 'persons.contactKind.other',
};
export const DATE_PROBLEM: Record<'format' | 'notReal' | 'future', MessageKey> = {
  format: 'persons.edit.dateFormat',
  notReal: 'persons.edit.dateNotReal',
  future: 'persons.edit.dateFuture',
};
