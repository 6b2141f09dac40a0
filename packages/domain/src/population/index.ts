/**
 * Synthetic population for tests and benchmarks: deterministic (seeded), pure, with injected duplicates
 * and their ground truth. See README.md. The name lists and proportions are synthetic and hand-made.
 */
export { generatePopulation, populationStream, personId, GROUP_SHARES, DEFAULT_DUPLICATE_RATE, DEFAULT_REFERENCE_DATE } from './generate.ts';
export { createRng, type Rng } from './prng.ts';
export { PERSON_COLUMNS, personToRow } from './rows.ts';
export {
  DUPLICATE_KINDS,
  type DuplicateKind,
  type DuplicateTruth,
  type OriginGroup,
  type Population,
  type PopulationCountry,
  type PopulationOptions,
  type RussianEra,
  type SyntheticDocument,
  type SyntheticPerson,
} from './types.ts';
