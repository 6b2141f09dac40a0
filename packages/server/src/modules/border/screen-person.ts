import { parsePartialDate } from '@kamurj/domain/names';
import * as P from '@kamurj/domain/persons';
import type { Db, Queryable } from '../../db/client.ts';
import { loadAdjudications } from './screening.ts';
import { screenAgainstLists } from './screening-cache.ts';
import { loadSettings } from './settings.ts';

export interface PersonScreeningHit {
  source: 'watchlist' | 'entry_ban' | 'document';
  entryId: string;
  score: number;
  action: string;
  reason: string;
  agency: string;
}

/**
 * Screens a registered person (every name form, birth date, sex, first citizenship, documents) against
 * the watchlist, entry bans and document lists in force on `date`, with the person's adjudication memory:
 * the pre-decision check of a residence application (ADR 0404). Reads through `q`, so it runs inside the
 * caller's transaction.
 */
export async function screenPerson(db: Db, q: Queryable, country: string, person: { id: string; record: P.PersonData }, date: string): Promise<PersonScreeningHit[]> {
  const settings = await loadSettings(q, country);
  const adjudications = await loadAdjudications(q, person.id);
  const names = person.record.names.map((n) => P.fullName(n)).filter(Boolean);
  const birth = person.record.birthDate ? parsePartialDate(person.record.birthDate) : null;
  const sex = person.record.sex;
  const nationality = person.record.citizenships.find((c) => c.kind === 'country')?.code;
  const result = await screenAgainstLists(db, q, {
    traveller: {
      personId: person.id,
      name: names[0] ?? '',
      otherNames: names.slice(1),
      ...(birth ? { birthDate: birth } : {}),
      ...(sex === 'M' || sex === 'F' ? { sex } : {}),
      ...(nationality ? { nationality } : {}),
      documents: person.record.documents.map((d) => ({ number: d.number, issuingState: d.issuingState })),
    },
    date,
    config: settings.screening,
    adjudications,
  });
  return result.hits.map((h) => ({ source: h.kind, entryId: h.entryId, score: h.score, action: h.action, reason: h.reason, agency: h.agency }));
}
