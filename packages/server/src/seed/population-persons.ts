import { parseMrz } from '@kamurj/domain/documents/mrz';
import { detectScript } from '@kamurj/domain/names';
import { normalizeStateCode, type PersonData } from '@kamurj/domain/persons';
import { generatePopulation, type SyntheticPerson } from '@kamurj/domain/population';
import { stableUuid } from '../lib/ids.ts';

/**
 * ~300 demo persons from the deterministic synthetic population generator (domain/population): the same
 * seed gives the same persons, with the generator's injected duplicates (other script, romanization era,
 * Russified surname, year-only birth date, …) for the review queue. Entirely synthetic.
 */
export const POPULATION_SEED = 2026;
export const POPULATION_SIZE = 300;
const STATUS_CODES = new Set(['XXA', 'XXB', 'XXC', 'XXX']);

export interface GeneratedPerson {
  id: string;
  record: PersonData;
  region: string | null;
}

/**
 * A generated person as a registry record: the name as recorded, the MRZ name when it differs, the
 * passport with its MRZ, a residence in `region`. `idOf` names the record's items (names, documents,
 * addresses) deterministically.
 */
export function populationRecord(p: SyntheticPerson, region: string | null, at: Date, idOf: (part: string) => string): PersonData {
  const id = idOf;
  const mrzText = p.document.mrz.join('\n');
  const mrz = parseMrz(mrzText, { referenceDate: at.toISOString().slice(0, 10) });
  const names: PersonData['names'][number][] = [
    { id: id('name:0'), surname: p.surname, givenNames: p.givenName, patronymic: null, script: p.nameScript, kind: 'as-written', source: null },
  ];
  const mrzSurname = mrz.surname ?? '';
  const mrzGiven = mrz.givenNames ?? '';
  if ((mrzSurname || mrzGiven) && (mrzSurname !== p.surname || mrzGiven !== p.givenName)) {
    names.push({ id: id('name:1'), surname: mrzSurname, givenNames: mrzGiven, patronymic: null, script: detectScript(`${mrzSurname} ${mrzGiven}`), kind: 'mrz', source: `passport ${p.document.number}` });
  }
  const nationality = normalizeStateCode(p.nationality);
  return {
    names,
    birthDate: p.birthDate,
    sex: p.sex,
    citizenships: [{ code: nationality, kind: STATUS_CODES.has(nationality) ? 'status' : 'country' }],
    documents: [
      {
        id: id('doc:0'),
        type: 'passport',
        number: p.document.number,
        issuingState: normalizeStateCode(p.document.issuer),
        issueDate: null,
        expiryDate: p.document.expiryDate,
        status: mrz.expired ? 'expired' : 'valid',
        mrz: mrzText,
      },
    ],
    addresses: region ? [{ id: id('addr'), kind: 'residence', country: 'ARM', region, community: null, line: null, since: null }] : [],
    contacts: [],
    protection: { traffickingVictim: false, asylumSeeker: false },
    registeredIn: region,
  };
}

export function generatedPersons(country: 'ARM' | 'KAZ', regions: readonly string[], at: Date): GeneratedPerson[] {
  const { persons } = generatePopulation({ seed: POPULATION_SEED, size: POPULATION_SIZE, country, referenceDate: at.toISOString().slice(0, 10) });
  return persons.map((p, i) => {
    const region = regions.length ? (regions[i % regions.length] ?? null) : null;
    const record = populationRecord(p, region, at, (part) => stableUuid('demo-population', `${p.id}:${part}`));
    return { id: stableUuid('demo-population', p.id), record: country === 'ARM' ? record : { ...record, addresses: [] }, region };
  });
}
