/**
 * Travellers of the pipeline benchmark, as a crossing-point console sends them (`POST /api/border/crossings`
 * bodies: the passport's MRZ, the officer's decision, no person id — the server matches the holder):
 *
 * - known persons (65 %): registry persons' own passports; citizens leave, foreigners arrive;
 * - new persons (20 %): people the registry has never seen, registered from the document;
 * - list hits (15 %): registry persons on the watchlist or entry-ban list (by name), registry persons
 *   travelling on a passport reported lost/stolen (by number), and unknown travellers named on the list.
 *
 * Hits are sent to second line with a reason, as an officer would. Every body is used once (a new person
 * stays new), in an order seeded by the run number (a run on a reused database draws other registry
 * travellers than the runs before it).
 */
import { createRng, populationStream, type SyntheticPerson } from '../../packages/domain/src/population/index.ts';
import type { CrossingBody } from '../../packages/server/src/modules/border/schemas.ts';
import { LIST_SEED, LISTED_STRIDE, PERSON_SEED, listedRegistryPersons, stolenRegistryDocuments, type BuildSizes } from './pipeline-data.ts';

/** Seed of the people the registry has never seen (plus the run number: a reused database registered earlier runs' new people). */
const NEW_SEED = 1000;
export const KINDS = ['known', 'new', 'listed-name', 'listed-document', 'listed-new'] as const;
export type TravellerKind = (typeof KINDS)[number];
const SHARES: Record<TravellerKind, number> = { known: 0.65, new: 0.2, 'listed-name': 0.06, 'listed-document': 0.04, 'listed-new': 0.05 };

export interface BenchTraveller {
  kind: TravellerKind;
  body: CrossingBody;
}

const mrzOf = (p: SyntheticPerson) => p.document.mrz.join('\n');

function body(p: SyntheticPerson, point: string, kind: TravellerKind): CrossingBody {
  const hit = kind.startsWith('listed');
  return {
    crossingPoint: point,
    direction: p.nationality === 'ARM' ? 'exit' : 'entry',
    mrz: mrzOf(p),
    decision: hit ? 'second_line' : 'admit',
    ...(hit ? { reason: 'Screening hit: referred to second line' } : {}),
    ...(kind === 'new' || kind === 'listed-new' ? { registerPerson: true } : {}),
  };
}

/** `count` travellers in a seeded order; the registry and list streams are walked once each. */
export function buildTravellers(sizes: BuildSizes, count: number, points: readonly string[], run: number): BenchTraveller[] {
  // Each run draws its own registry travellers (and order): a rerun on a reused database does not send the
  // same people through again minutes later, which would pile up today's crossings in their histories.
  const rng = createRng(31_2026 + run);
  const want = Object.fromEntries(KINDS.map((k) => [k, Math.round(count * SHARES[k])])) as Record<TravellerKind, number>;
  // A traveller's crossing point follows from the passport, not from the draw: every run on a reused
  // database sends a registry person through the same post, so that two runs within the conflict window
  // (KAMURJ_EDGE_CONFLICT_MINUTES) do not make the same passport cross at two posts minutes apart, which
  // the centre flags as a conflict (ADR 0503) — a cost no real day at the border has at this scale.
  const pointOf = (p: SyntheticPerson) => points[stableIndex(p.document.number, points.length)]!;
  // Registry positions to draw: known ones avoid the listed strides, the listed ones are the strides.
  const known = new Set<number>();
  while (known.size < Math.min(want.known, sizes.persons * 0.9)) {
    const n = 1 + Math.floor(rng.next() * sizes.persons);
    if (n % (LISTED_STRIDE / 2) !== 0) known.add(n);
  }
  const shuffle = <T>(xs: T[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  const listed = new Set(shuffle(listedRegistryPersons(sizes)).slice(0, want['listed-name']));
  const stolen = new Set(shuffle(stolenRegistryDocuments(sizes)).slice(0, want['listed-document']));
  const out: BenchTraveller[] = [];
  for (const [n, p] of numbered(populationStream({ seed: PERSON_SEED, size: sizes.persons, country: 'ARM', referenceDate: '2026-01-01' }))) {
    const kind: TravellerKind | null = known.has(n) ? 'known' : listed.has(n) ? 'listed-name' : stolen.has(n) ? 'listed-document' : null;
    if (kind) out.push({ kind, body: body(p, pointOf(p), kind) });
  }
  // The list's own people (not in the registry) arrive too: the first entries of the list stream.
  // Each run takes the next slice of them (those of earlier runs are registered now).
  const listedPeople = Math.max(want['listed-new'], Math.floor(sizes.watchlist * 0.9) - want['listed-new']);
  const skip = (run * want['listed-new']) % listedPeople;
  let i = 0;
  for (const p of populationStream({ seed: LIST_SEED, size: skip + want['listed-new'], country: 'ARM', referenceDate: '2026-01-01' })) {
    if (i++ >= skip) out.push({ kind: 'listed-new', body: body(p, pointOf(p), 'listed-new') });
  }
  for (const p of populationStream({ seed: NEW_SEED + run, size: want.new, country: 'ARM', referenceDate: '2026-01-01' })) out.push({ kind: 'new', body: body(p, pointOf(p), 'new') });
  return shuffle(out);
}

/**
 * The travellers as their requests' bytes, outside V8's heap, each parsed when it is sent. The benchmark
 * runs the server's code in its own process (pipeline.ts), and as objects the 178,000 travellers of a
 * reported run were 42 MB of the server's heap, marked again at every full garbage collection (ADR 0527).
 * A server in service has no such load: its requests arrive over the network as bytes and are parsed one
 * at a time, as here.
 */
export class PackedTravellers {
  readonly length: number;
  /** How many of each kind. */
  readonly kinds: Record<TravellerKind, number>;
  private readonly bytes: Buffer;
  /** The end of each traveller's JSON in `bytes` (the start is the previous one's end). */
  private readonly ends: Uint32Array;

  constructor(list: readonly BenchTraveller[]) {
    this.length = list.length;
    this.kinds = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<TravellerKind, number>;
    this.ends = new Uint32Array(list.length);
    const parts: Buffer[] = [];
    let end = 0;
    list.forEach((t, i) => {
      this.kinds[t.kind]++;
      const part = Buffer.from(JSON.stringify(t));
      parts.push(part);
      this.ends[i] = end += part.length;
    });
    this.bytes = Buffer.concat(parts, end);
  }

  /** The i-th traveller, parsed now. */
  at(i: number): BenchTraveller {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) throw new RangeError(`no traveller ${i} of ${this.length}`);
    return JSON.parse(this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i])) as BenchTraveller;
  }
}

/** A string's FNV-1a hash modulo n. */
function stableIndex(s: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h % n;
}

function* numbered<T>(xs: Iterable<T>): Generator<[number, T]> {
  let n = 0;
  for (const x of xs) yield [++n, x];
}
