/**
 * Link records: one input row prepared once for scoring (the names matcher's PreparedRecord plus the
 * extra fields) and for blocking. Prepared names are memoised by their text: names repeat a lot in
 * registers, and preparation (transliteration, keys) is the costly step.
 */
import { prepareName, prepareRecord, type PartialDate, type PreparedName, type PreparedRecord, type PreparedToken } from '../names/index.ts';
import type { Extras } from './comparators.ts';

export interface LinkInput extends Extras {
  readonly givenName?: string;
  readonly surname?: string;
  readonly fullName?: string;
  readonly birthDate?: PartialDate;
  readonly sex?: 'M' | 'F';
  readonly nationality?: string;
  readonly documentNumber?: string;
}

export interface LinkRecord {
  readonly prepared: PreparedRecord;
  readonly extras: Extras;
  /** Tokens of the main name form (blocking keys are built from them). */
  readonly tokens: readonly PreparedToken[];
}

/** Issuer tag of national ids passed to the matcher as documents (a shared id is a main feature). */
export const NATIONAL_ID_ISSUER = 'NID';
const CACHE_LIMIT = 500_000;

export class RecordPreparer {
  private readonly names = new Map<string, PreparedName>();

  private name(text: string): PreparedName {
    let p = this.names.get(text);
    if (!p) {
      p = prepareName(text);
      if (this.names.size >= CACHE_LIMIT) this.names.clear();
      this.names.set(text, p);
    }
    return p;
  }

  prepare(input: LinkInput): LinkRecord {
    const split = [input.givenName ?? '', input.surname ?? ''].map((s) => s.trim()).filter((s) => s !== '').join(' ');
    const full = (input.fullName ?? '').trim();
    const forms = full !== '' ? (split !== '' && split !== full ? [full, split] : [full]) : [split];
    const names = forms.map((f) => this.name(f));
    const documents = [];
    if (input.documentNumber) documents.push({ number: input.documentNumber });
    if (input.nationalId) documents.push({ number: input.nationalId, issuer: NATIONAL_ID_ISSUER });
    // Dates, sex, nationality and documents are normalised by the matcher itself; names come from the cache.
    const base = prepareRecord({ name: '', birthDate: input.birthDate, sex: input.sex, nationality: input.nationality, documents });
    const prepared: PreparedRecord = { ...base, names, canon: `${forms.join('|')}#${base.canon}` };
    const extras: Extras = {
      nationalId: input.nationalId,
      address: input.address,
      city: input.city,
      postcode: input.postcode,
      phone: input.phone,
      email: input.email,
    };
    return { prepared, extras, tokens: names[0]?.tokens ?? [] };
  }
}
