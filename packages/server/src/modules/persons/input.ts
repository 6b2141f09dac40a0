import { randomUUID } from 'node:crypto';
import * as P from '@kamurj/domain/persons';
import { detectScript, parsePartialDate } from '@kamurj/domain/names';
import { validationError, type FieldIssue } from '@kamurj/domain/kernel';
import type { Queryable } from '../../db/client.ts';
import type { PersonInput } from './schemas.ts';

/**
 * Turns validated-shape input into a stored record: checks what zod cannot (real calendar dates, one
 * script per name, codes known to the reference tables), detects each name's script, classifies
 * citizenships (a country, or an ICAO status such as XXA stateless) and gives every item an id.
 */
const CONTROL = /\p{Cc}/u;
const LETTER = /\p{L}/u;

interface RefCodes {
  countries: Set<string>;
  statuses: Set<string>;
  otherCodes: Set<string>;
  regions: Set<string>;
}

async function loadCodes(db: Queryable, keys: string[]): Promise<RefCodes> {
  const r = await db.query<{ table_name: string; key: string; kind: string | null }>(
    `SELECT table_name, key, attributes->>'kind' AS kind FROM reference_items
      WHERE key = ANY($1::text[]) AND table_name IN ('countries', 'document-codes', 'regions') AND active`,
    [keys],
  );
  const codes: RefCodes = { countries: new Set(), statuses: new Set(), otherCodes: new Set(), regions: new Set() };
  for (const row of r.rows) {
    if (row.table_name === 'countries') codes.countries.add(row.key);
    else if (row.table_name === 'regions') codes.regions.add(row.key);
    else if (row.kind === 'nationality-status') codes.statuses.add(row.key);
    else codes.otherCodes.add(row.key);
  }
  return codes;
}

const isoToday = (now: Date) => now.toISOString().slice(0, 10);

export type PersonSections = Omit<PersonInput, never>;

export async function toRecord(db: Queryable, input: PersonSections, now: Date, field = 'body.person'): Promise<P.PersonData> {
  const issues: FieldIssue[] = [];
  const issue = (f: string, code: string, message: string) => issues.push({ field: `${field}.${f}`, code, message });
  const today = isoToday(now);
  const usedIds = new Set<string>();
  const idFor = (given: string | undefined) => {
    const id = given && !usedIds.has(given) ? given : randomUUID();
    usedIds.add(id);
    return id;
  };

  const names = input.names.map((n, i) => {
    const patronymic = n.patronymic ? n.patronymic : null;
    const all = [n.surname, n.givenNames, patronymic ?? ''].join(' ');
    const script = detectScript(all);
    if (n.surname === '' && n.givenNames === '') issue(`names.${i}`, 'PERSONS.NAME_REQUIRED', 'A surname or a given name is required');
    else if (CONTROL.test(all)) issue(`names.${i}`, 'PERSONS.INVALID_CHARACTER', 'Names may not contain control characters');
    else if (!LETTER.test(all)) issue(`names.${i}`, 'PERSONS.NAME_WITHOUT_LETTERS', 'A name must contain letters');
    else if (script === 'mixed') {
      issue(`names.${i}`, 'PERSONS.MIXED_SCRIPT', 'Letters of two scripts in one name form (e.g. a Latin letter typed into a Cyrillic name); enter each script as its own name form');
    }
    return { id: idFor(n.id), surname: n.surname, givenNames: n.givenNames, patronymic, script, kind: n.kind, source: n.source ? n.source : null };
  });

  let birthDate: string | null = null;
  if (input.birthDate) {
    const d = parsePartialDate(input.birthDate);
    if (!d) issue('birthDate', 'PERSONS.INVALID_DATE', 'Not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)');
    else if (input.birthDate.slice(0, input.birthDate.length) > today.slice(0, input.birthDate.length)) issue('birthDate', 'PERSONS.DATE_IN_FUTURE', 'The birth date is in the future');
    else birthDate = input.birthDate;
  }

  const codes = await loadCodes(db, [
    ...input.citizenships.map((c) => c.code),
    ...input.documents.map((d) => d.issuingState),
    ...input.addresses.map((a) => a.country),
    ...input.addresses.flatMap((a) => (a.region ? [a.region] : [])),
    ...(input.registeredIn ? [input.registeredIn] : []),
    'DEU',
  ]);
  const knownState = (c: string) => codes.countries.has(c) || codes.statuses.has(c) || codes.otherCodes.has(c);

  const citizenships: P.Citizenship[] = [];
  input.citizenships.forEach((c, i) => {
    const code = P.normalizeStateCode(c.code);
    if (citizenships.some((x) => x.code === code)) return;
    if (codes.countries.has(code)) citizenships.push({ code, kind: 'country' });
    else if (codes.statuses.has(code)) citizenships.push({ code, kind: 'status' });
    else issue(`citizenships.${i}.code`, 'PERSONS.UNKNOWN_CITIZENSHIP', 'Not a country or an ICAO nationality status (XXA, XXB, XXC, XXX)');
  });

  const realDate = (v: string | null | undefined, f: string) => {
    if (!v) return null;
    if (!parsePartialDate(v)) {
      issue(f, 'PERSONS.INVALID_DATE', 'Not a calendar date');
      return null;
    }
    return v;
  };
  const documents = input.documents.map((d, i) => {
    const issueDate = realDate(d.issueDate, `documents.${i}.issueDate`);
    const expiryDate = realDate(d.expiryDate, `documents.${i}.expiryDate`);
    if (issueDate && issueDate > today) issue(`documents.${i}.issueDate`, 'PERSONS.DATE_IN_FUTURE', 'The issue date is in the future');
    if (issueDate && expiryDate && expiryDate < issueDate) issue(`documents.${i}.expiryDate`, 'PERSONS.EXPIRY_BEFORE_ISSUE', 'Expiry is before issue');
    const issuingState = P.normalizeStateCode(d.issuingState);
    if (!knownState(issuingState)) issue(`documents.${i}.issuingState`, 'PERSONS.UNKNOWN_STATE', 'Unknown issuing state or organisation code');
    if (d.mrz && CONTROL.test(d.mrz.replace(/\r?\n/g, ''))) issue(`documents.${i}.mrz`, 'PERSONS.INVALID_CHARACTER', 'Control characters in the MRZ');
    if (P.normalizeDocumentNumber(d.number) === '') issue(`documents.${i}.number`, 'PERSONS.INVALID_DOCUMENT_NUMBER', 'A document number needs letters or digits');
    return {
      id: idFor(d.id),
      type: d.type,
      number: d.number.toUpperCase(),
      issuingState,
      issueDate,
      expiryDate,
      status: d.status,
      mrz: d.mrz ? d.mrz.trim() : null,
    };
  });

  const addresses = input.addresses.map((a, i) => {
    if (!codes.countries.has(a.country)) issue(`addresses.${i}.country`, 'PERSONS.UNKNOWN_COUNTRY', 'Unknown country code');
    if (a.region && !codes.regions.has(a.region)) issue(`addresses.${i}.region`, 'PERSONS.UNKNOWN_REGION', 'Unknown region code');
    const since = realDate(a.since, `addresses.${i}.since`);
    return { id: idFor(a.id), kind: a.kind, country: a.country, region: a.region ?? null, community: a.community || null, line: a.line || null, since };
  });
  const contacts = input.contacts.map((c, i) => {
    if (CONTROL.test(c.value)) issue(`contacts.${i}.value`, 'PERSONS.INVALID_CHARACTER', 'Control characters');
    return { id: idFor(c.id), kind: c.kind, value: c.value };
  });
  if (input.registeredIn && !codes.regions.has(input.registeredIn)) issue('registeredIn', 'PERSONS.UNKNOWN_REGION', 'Unknown region code');

  if (issues.length) throw validationError(issues);
  return {
    names,
    birthDate,
    sex: input.sex ?? null,
    citizenships,
    documents,
    addresses,
    contacts,
    protection: { traffickingVictim: input.protection.traffickingVictim, asylumSeeker: input.protection.asylumSeeker },
    registeredIn: input.registeredIn ?? null,
  };
}
