/**
 * Merging two records of the same person (ADR 0301). Nothing is dropped: every name form, document,
 * citizenship, address and contact of both records is kept (items identical in content are kept once);
 * protection flags are combined with OR so that a merge never lowers protection. Scalars the survivor
 * lacks are taken from the merged record; a conflict keeps the survivor's value and is reported.
 */
import type { PersonData } from './types.ts';

const contentKey = (item: { id: string }) => {
  const { id: _id, ...rest } = item;
  return JSON.stringify(rest, Object.keys(rest).sort());
};

function union<T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] {
  const seen = new Set(a.map(contentKey));
  const ids = new Set(a.map((x) => x.id));
  return [...a, ...b.filter((x) => !seen.has(contentKey(x)) && !ids.has(x.id))];
}

export type MergeConflict = 'birthDate' | 'sex' | 'registeredIn';

export function mergeRecords(survivor: PersonData, merged: PersonData): { data: PersonData; conflicts: MergeConflict[] } {
  const conflicts: MergeConflict[] = [];
  const pick = <K extends MergeConflict>(k: K): PersonData[K] => {
    const a = survivor[k];
    const b = merged[k];
    if (a !== null && b !== null && a !== b) conflicts.push(k);
    return a ?? b;
  };
  const citizenships = [...survivor.citizenships];
  for (const c of merged.citizenships) if (!citizenships.some((x) => x.code === c.code)) citizenships.push(c);
  return {
    data: {
      names: union(survivor.names, merged.names),
      birthDate: pick('birthDate'),
      sex: pick('sex'),
      citizenships,
      documents: union(survivor.documents, merged.documents),
      addresses: union(survivor.addresses, merged.addresses),
      contacts: union(survivor.contacts, merged.contacts),
      protection: {
        traffickingVictim: survivor.protection.traffickingVictim || merged.protection.traffickingVictim,
        asylumSeeker: survivor.protection.asylumSeeker || merged.protection.asylumSeeker,
      },
      registeredIn: pick('registeredIn'),
    },
    conflicts,
  };
}
