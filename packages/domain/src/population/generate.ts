/**
 * Deterministic synthetic population: same options → same records, byte for byte. Streaming form
 * (populationStream) keeps only the pending duplicates in memory, so 1,000,000 records need no more
 * than a few thousand objects at a time; generatePopulation() collects the stream.
 */
import proportions from './data/proportions.json' with { type: 'json' };
import { documentNumber, makeDocument } from './documents.ts';
import { planDuplicate, typo } from './duplicates.ts';
import { drawIdentity, renderName, type GroupShare, type Identity, type View } from './identity.ts';
import { createRng, cumulative, pickIndex, type Rng } from './prng.ts';
import type { DuplicateKind, DuplicateTruth, Population, PopulationOptions, SyntheticDocument, SyntheticPerson } from './types.ts';

export const DEFAULT_DUPLICATE_RATE = 0.1;
export const DEFAULT_REFERENCE_DATE = '2026-01-01';
/** A duplicate appears within this many records after its original. */
const MAX_DELAY = 2000;

export const GROUP_SHARES: Readonly<Record<PopulationOptions['country'], readonly GroupShare[]>> = {
  ARM: proportions.ARM as GroupShare[],
  KAZ: proportions.KAZ as GroupShare[],
};

export const personId = (n: number) => `P${String(n).padStart(6, '0')}`;

type Draft = Omit<SyntheticPerson, 'id' | 'entityId' | 'duplicateOf'>;

interface Pending {
  readonly due: number;
  readonly originalId: string;
  readonly draft: Draft;
}

function validate(options: PopulationOptions): void {
  const { seed, size, country } = options;
  const rate = options.duplicateRate ?? DEFAULT_DUPLICATE_RATE;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(size) || size < 0 || size > 99_999_999) throw new RangeError('size must be an integer in [0, 99999999]');
  if (!(country in GROUP_SHARES)) throw new RangeError(`country must be ARM or KAZ, got ${String(country)}`);
  if (!(rate >= 0 && rate <= 0.5)) throw new RangeError('duplicateRate must be in [0, 0.5]');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate ?? DEFAULT_REFERENCE_DATE)) throw new RangeError('referenceDate must be YYYY-MM-DD');
}

const p2 = (n: number) => String(n).padStart(2, '0');

class Factory {
  private docCounter = 0;
  private readonly docOffset: number;
  constructor(
    private readonly rng: Rng,
    private readonly refYear: number,
  ) {
    this.docOffset = rng.int(0, 1_000_000_000);
  }

  newDocument(identity: Identity): SyntheticDocument {
    const names = renderName(identity, 'latin');
    const { year, month, day } = identity.birth;
    const expiryYear = this.refYear + this.rng.int(-2, 9);
    const expiryMonth = this.rng.int(1, 12);
    return makeDocument({
      number: documentNumber(identity.nationality, this.docCounter++, this.docOffset, this.rng),
      issuer: identity.nationality,
      nationality: identity.nationality,
      surname: names.surname,
      givenNames: names.givenName,
      birthDate: identity.yearOnly ? String(year) : `${year}-${p2(month)}-${p2(day)}`,
      sex: identity.sex,
      expiryDate: `${expiryYear}-${p2(expiryMonth)}-${p2(this.rng.int(1, 28))}`,
    });
  }

  draft(identity: Identity, view: View, document: SyntheticDocument, kind: DuplicateKind | null, era = identity.era): Draft {
    const name = renderName(identity, view, era, this.rng);
    const { year, month, day } = identity.birth;
    let birthDate = identity.yearOnly ? String(year) : `${year}-${p2(month)}-${p2(day)}`;
    let { givenName, surname } = name;
    if (kind === 'year-only-birth-date') birthDate = String(year);
    else if (kind === 'day-month-swap') birthDate = `${year}-${p2(day)}-${p2(month)}`;
    else if (kind === 'missing-given-name') givenName = '';
    else if (kind === 'typo') {
      if (this.rng.chance(0.6)) surname = typo(surname, this.rng);
      else givenName = typo(givenName, this.rng);
    }
    return {
      duplicateKind: kind,
      group: identity.group,
      nationality: identity.nationality,
      sex: identity.sex,
      givenName,
      surname,
      nameScript: name.script,
      birthDate,
      document,
    };
  }
}

/** Number of duplicates an original gets: none mostly; 1 (80 %), 2 (15 %) or 3 (5 %) with probability p. */
function duplicateCount(rng: Rng, p: number): number {
  if (!rng.chance(p)) return 0;
  const r = rng.next();
  return r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
}

export function* populationStream(options: PopulationOptions): Generator<SyntheticPerson> {
  validate(options);
  const rate = options.duplicateRate ?? DEFAULT_DUPLICATE_RATE;
  // Share r of records are duplicates; an original has 1.25 duplicates on average when it has any.
  const p = rate === 0 ? 0 : rate / (1.25 * (1 - rate));
  const rng = createRng(options.seed);
  const refYear = Number((options.referenceDate ?? DEFAULT_REFERENCE_DATE).slice(0, 4));
  const shares = GROUP_SHARES[options.country];
  const cum = cumulative(shares.map((s) => s.share));
  const factory = new Factory(rng, refYear);
  const pending: Pending[] = [];
  let emitted = 0;

  while (emitted < options.size) {
    const head = pending[0];
    if (head && head.due <= emitted) {
      pending.shift();
      emitted++;
      yield { ...head.draft, id: personId(emitted), entityId: head.originalId, duplicateOf: head.originalId };
      continue;
    }
    const identity = drawIdentity(shares[pickIndex(rng, cum)] as GroupShare, rng, refYear);
    const document = factory.newDocument(identity);
    emitted++;
    const id = personId(emitted);
    yield { ...factory.draft(identity, identity.view, document, null), id, entityId: id, duplicateOf: null };
    for (let k = duplicateCount(rng, p); k > 0; k--) {
      const plan = planDuplicate(identity, identity.view, rng);
      const doc = plan.kind === 'new-passport-number' ? factory.newDocument(identity) : document;
      const item: Pending = { due: emitted + rng.int(1, MAX_DELAY), originalId: id, draft: factory.draft(identity, plan.view, doc, plan.kind, plan.era) };
      let at = pending.length;
      while (at > 0 && (pending[at - 1] as Pending).due > item.due) at--;
      pending.splice(at, 0, item);
    }
  }
}

export function generatePopulation(options: PopulationOptions): Population {
  const persons: SyntheticPerson[] = [];
  const duplicates: DuplicateTruth[] = [];
  for (const person of populationStream(options)) {
    persons.push(person);
    if (person.duplicateOf && person.duplicateKind) {
      duplicates.push({ originalId: person.duplicateOf, duplicateId: person.id, kind: person.duplicateKind });
    }
  }
  return { persons, duplicates };
}
