/**
 * Summary tables ("cuboids") of the flow statistics (ADR 0601, section Scale): each cuboid keeps,
 * per period of every grain, outcome and direction, the crossings and the distinct travellers of each
 * cell of a few dimensions. The planner picks the smallest cuboid that answers a request exactly;
 * a request no cuboid answers is counted over the per-crossing facts.
 *
 * Distinct travellers are made additive by a per-fact flag: a fact is the traveller's *first* in its
 * (grain period, outcome, direction, cuboid cell) — the earliest by day, then crossing id — and a cell's
 * persons are the sum of those flags. Because the worker replaces a traveller's facts as a whole, the
 * flags stay exact under late corrections without any reference counting in SQL.
 */
import type { Dimension } from './dimensions.ts';
import { GRAINS, periodCodes, type Grain } from './dimensions.ts';
import type { FlowFact } from './facts.ts';

export interface FlowCuboid {
  /** Stored in the `cuboid` column. */
  readonly id: number;
  readonly name: string;
  /** Key dimensions besides grain, period, outcome and direction (the rest are stored as `*`). */
  readonly dims: readonly Dimension[];
}

/** The dimensions a flow fact carries (all flow indicators' breakdowns, besides direction). */
export const FLOW_FACT_DIMS = ['crossingPoint', 'citizenship', 'citizenGroup', 'sex', 'age5', 'ageBroad', 'transport', 'purpose'] as const satisfies readonly Dimension[];

/** In order of expected size (smallest first): the planner takes the first that answers. */
export const FLOW_CUBOIDS: readonly FlowCuboid[] = [
  { id: 0, name: 'total', dims: [] },
  { id: 1, name: 'citizen-group', dims: ['citizenGroup'] },
  // One-dimension cuboids so that distinct travellers by sex, transport or purpose alone are summed, not
  // counted over the facts (a traveller's trips split across modes and purposes, so no wider cuboid answers).
  { id: 9, name: 'sex', dims: ['sex'] },
  { id: 10, name: 'transport', dims: ['transport'] },
  { id: 11, name: 'purpose', dims: ['purpose'] },
  { id: 2, name: 'sex-age-broad', dims: ['sex', 'ageBroad'] },
  { id: 3, name: 'crossing-point', dims: ['crossingPoint'] },
  { id: 4, name: 'citizen-group-sex-age-broad', dims: ['citizenGroup', 'sex', 'ageBroad'] },
  { id: 5, name: 'citizen-group-crossing-point', dims: ['citizenGroup', 'crossingPoint'] },
  { id: 6, name: 'citizenship', dims: ['citizenship', 'citizenGroup'] },
  { id: 7, name: 'sex-age5', dims: ['sex', 'age5', 'ageBroad'] },
  { id: 8, name: 'crossing-point-transport-purpose', dims: ['crossingPoint', 'transport', 'purpose'] },
];

/**
 * Summary tables of usual-residence events (each event counted once, so any cuboid holding the asked
 * and filtered dimensions answers exactly), smallest first; the last holds every dimension.
 */
export const MIGRATION_CUBOIDS: readonly FlowCuboid[] = [
  { id: 0, name: 'total', dims: [] },
  { id: 1, name: 'citizen-group', dims: ['citizenGroup'] },
  { id: 2, name: 'sex-age-broad', dims: ['sex', 'ageBroad'] },
  { id: 3, name: 'citizen-group-sex-age-broad', dims: ['citizenGroup', 'sex', 'ageBroad'] },
  { id: 4, name: 'citizenship', dims: ['citizenship', 'citizenGroup'] },
  { id: 5, name: 'all', dims: ['citizenship', 'citizenGroup', 'sex', 'age5', 'ageBroad'] },
];

/**
 * Summary tables of the stock changes and checkpoints (a traveller is in one cell on a date, so sums are
 * exact over any covering cuboid); every one keeps the stay status (irregular residence is a filter on it).
 */
export const STOCK_CUBOIDS: readonly FlowCuboid[] = [
  { id: 0, name: 'total', dims: ['stayStatus'] },
  { id: 1, name: 'citizenship', dims: ['stayStatus', 'citizenship'] },
  { id: 2, name: 'sex-age-broad', dims: ['stayStatus', 'sex', 'ageBroad'] },
  { id: 3, name: 'all', dims: ['stayStatus', 'citizenship', 'sex', 'age5', 'ageBroad'] },
];

/**
 * For counts that add up across cells (events, stocks): the first cuboid of a catalogue holding every
 * dimension asked or filtered; the last of each catalogue holds them all.
 */
export function planSumCuboid(catalogue: readonly FlowCuboid[], ask: Omit<FlowAsk, 'measure'>): FlowCuboid {
  const needed = [...ask.by, ...(Object.keys(ask.filters) as Dimension[])];
  return catalogue.find((c) => needed.every((d) => c.dims.includes(d))) ?? catalogue.at(-1)!;
}

/** Placeholder stored in a cuboid's columns that are not part of its key. */
export const ALL_CODES = '*';

/**
 * Bit of the persons flag of (cuboid, grain) in a fact's `firsts` mask: 12 cuboids × 5 grains = 60 bits,
 * kept as a bigint (a JavaScript number is exact to 53 bits only) in a signed 64-bit column.
 */
export const firstBit = (cuboid: number, grain: Grain): number => cuboid * GRAINS.length + GRAINS.indexOf(grain);

const byDayThenId = (a: FlowFact, b: FlowFact) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.crossingId < b.crossingId ? -1 : a.crossingId > b.crossingId ? 1 : 0);

/**
 * For each of one traveller's flow facts (same order as given), the mask of (cuboid, grain) cells in
 * which it is the traveller's first fact. Summing bit k over any set of facts counts each traveller once
 * per cell of cuboid/grain k.
 */
export function firstFlags(flows: readonly FlowFact[]): bigint[] {
  const order = flows.map((f, i) => ({ f, i })).sort((a, b) => byDayThenId(a.f, b.f));
  const seen = new Set<string>();
  const out = new Array<bigint>(flows.length).fill(0n);
  for (const { f, i } of order) {
    const periods = periodCodes(f.day);
    const codes = f as unknown as Record<Dimension, string>;
    let mask = 0n;
    for (const c of FLOW_CUBOIDS) {
      const cell = c.dims.map((d) => codes[d]).join('\u0001');
      for (const g of GRAINS) {
        const key = `${c.id}\u0002${g}\u0002${periods[g]}\u0002${f.outcome}\u0002${f.direction}\u0002${cell}`;
        if (seen.has(key)) continue;
        seen.add(key);
        mask |= 1n << BigInt(firstBit(c.id, g));
      }
    }
    out[i] = mask;
  }
  return out;
}

/**
 * Codes that one traveller cannot split inside a cell: sex is the person's (every fact of a traveller
 * has the same), the citizen group follows from the citizenship, the broad age group from the
 * five-year group. Summing a cuboid's distinct-traveller counts over such a dimension counts nobody twice.
 */
const DETERMINED_BY: Partial<Record<Dimension, readonly Dimension[]>> = { sex: [], citizenGroup: ['citizenship'], ageBroad: ['age5'] };

function determined(d: Dimension, kept: ReadonlySet<Dimension>): boolean {
  const by = DETERMINED_BY[d];
  return by !== undefined && by.every((x) => kept.has(x));
}

export interface FlowAsk {
  readonly measure: 'crossings' | 'persons';
  readonly by: readonly Dimension[];
  readonly filters: Readonly<Partial<Record<Dimension, readonly string[]>>>;
}

/**
 * The smallest cuboid that answers a flow request exactly, or null (count over the facts).
 * Crossings add up across any cells: a cuboid answers when it has every dimension asked or filtered.
 * Distinct travellers add up only across codes the traveller cannot split: every key dimension of the
 * cuboid must be a breakdown, a filter on one code, or determined by those.
 */
export function planFlowCuboid(ask: FlowAsk): FlowCuboid | null {
  // Direction is part of every cuboid's key, next to grain, period and outcome.
  const by = ask.by.filter((d) => d !== 'direction');
  const filtered = (Object.keys(ask.filters) as Dimension[]).filter((d) => d !== 'direction');
  const needed = new Set<Dimension>([...by, ...filtered]);
  const pinned = new Set<Dimension>([...by, ...filtered.filter((d) => ask.filters[d]!.length === 1)]);
  for (const c of FLOW_CUBOIDS) {
    const dims = new Set(c.dims);
    if (![...needed].every((d) => dims.has(d))) continue;
    if (ask.measure === 'persons' && !c.dims.every((d) => pinned.has(d) || determined(d, pinned))) continue;
    return c;
  }
  return null;
}
