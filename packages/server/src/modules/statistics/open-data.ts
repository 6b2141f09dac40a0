import { DomainError } from '@kamurj/domain/kernel';
import { formatDay, parseDay } from '@kamurj/domain/stay';
import { auditProtection, parseStatQuery, protectCube, selectPublished, toPublished, type CellFilter, type Cube, type Dimension, type Grain } from '@kamurj/domain/statistics';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import * as repo from './repository.ts';
import { computeIndicator, countryToday } from './service.ts';

/**
 * Open data (ADR 0602 rule 6, ADR 0603): a fixed list of datasets, each one indicator over a fixed
 * recent range and a few coarse dimensions. A dataset is protected once as a whole cube (suppression,
 * complementary suppression, rounding where configured) and kept until the statistics are refreshed;
 * a filter only picks cells of that cube, so no request can re-aggregate around a suppressed cell.
 */
type Names = Readonly<{ hy: string; ru: string; en: string }>;

export interface OpenDatasetDef {
  readonly id: string;
  readonly indicator: string;
  readonly title: Names;
  readonly description: Names;
  readonly period: Grain;
  /** How far back the range starts: whole periods of the grain before the current one. */
  readonly back: number;
  readonly by: readonly Dimension[];
  readonly threshold: number;
  readonly roundingBase?: number;
}

const QUARTERLY = { period: 'quarter', back: 7, by: ['citizenGroup', 'sex'], threshold: 5 } as const;

export const OPEN_DATASETS: readonly OpenDatasetDef[] = [
  {
    id: 'border-entries-quarterly',
    indicator: 'flows.entries.crossings',
    title: { hy: 'Սահմանի մուտքեր ըստ եռամսյակի', ru: 'Въезды через границу по кварталам', en: 'Border entries by quarter' },
    description: {
      hy: 'Մուտքի հատումներ՝ ըստ քաղաքացիների/օտարերկրացիների և սեռի, վերջին ութ եռամսյակները։',
      ru: 'Пересечения на въезд по гражданам/иностранцам и полу за последние восемь кварталов.',
      en: 'Entry crossings by citizens/foreigners and sex, the last eight quarters.',
    },
    ...QUARTERLY,
  },
  {
    id: 'border-exits-quarterly',
    indicator: 'flows.exits.crossings',
    title: { hy: 'Սահմանի ելքեր ըստ եռամսյակի', ru: 'Выезды через границу по кварталам', en: 'Border exits by quarter' },
    description: {
      hy: 'Ելքի հատումներ՝ ըստ քաղաքացիների/օտարերկրացիների և սեռի, վերջին ութ եռամսյակները։',
      ru: 'Пересечения на выезд по гражданам/иностранцам и полу за последние восемь кварталов.',
      en: 'Exit crossings by citizens/foreigners and sex, the last eight quarters.',
    },
    ...QUARTERLY,
  },
  {
    id: 'travellers-yearly-by-transport-age',
    // Crossings, not distinct persons: margins are sums of cells, and distinct persons do not add up
    // (a traveller who came by air and by road is one person but two cells) — ADR 0603.
    indicator: 'flows.entries.crossings',
    title: { hy: 'Մուտքեր ըստ տարվա, տրանսպորտի և տարիքի', ru: 'Въезды по годам, транспорту и возрасту', en: 'Entries by year, transport and age' },
    description: {
      hy: 'Մուտքի հատումներ՝ ըստ տրանսպորտի և տարիքային լայն խմբի, վերջին երեք տարիները. արժեքները կլորացված են 5-ի պատիկներով։',
      ru: 'Пересечения на въезд по виду транспорта и крупной возрастной группе за последние три года; значения округлены до кратных 5.',
      en: 'Entry crossings by transport and broad age group, the last three years; values rounded to multiples of 5.',
    },
    period: 'year',
    back: 2,
    by: ['transport', 'ageBroad'],
    threshold: 5,
    roundingBase: 5,
  },
];

export const findDataset = (id: string) => OPEN_DATASETS.find((d) => d.id === id);

/** The dataset's range: from the start of the period `back` periods before today's to today. */
export function datasetRange(def: OpenDatasetDef, today: string): { from: string; to: string } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const start = def.period === 'year' ? `${y - def.back}-01-01` : (() => {
    const q0 = Math.floor((m - 1) / 3) - def.back; // quarters since January of year y (negative: earlier years)
    const year = y + Math.floor(q0 / 4);
    const month = (((q0 % 4) + 4) % 4) * 3 + 1;
    return `${year}-${String(month).padStart(2, '0')}-01`;
  })();
  return { from: formatDay(parseDay(start)!), to: today };
}

export interface DatasetMeta {
  id: string;
  title: Names;
  description: Names;
  indicator: string;
  dimensions: string[];
  period: Grain;
  from: string;
  to: string;
  threshold: number;
  roundingBase: number | null;
  asOf: string | null;
}

export function datasetMeta(def: OpenDatasetDef, today: string, asOf: string | null): DatasetMeta {
  return { id: def.id, title: def.title, description: def.description, indicator: def.indicator, dimensions: ['period', ...def.by], period: def.period, ...datasetRange(def, today), threshold: def.threshold, roundingBase: def.roundingBase ?? null, asOf };
}

/** Protected cubes per database, each valid for one (refresh, day) stamp. */
const cache = new WeakMap<Db, Map<string, { stamp: string; cube: Promise<Cube> }>>();

async function protectedCube(db: Db, def: OpenDatasetDef, today: string, asOf: string | null): Promise<Cube> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const stamp = `${asOf}|${today}`;
  const hit = perDb.get(def.id);
  if (hit && hit.stamp === stamp) return hit.cube;
  const cube = (async () => {
    const parsed = parseStatQuery(def.indicator, { ...datasetRange(def, today), period: def.period, by: def.by.join(',') }, today);
    if (!parsed.ok) throw new DomainError('STATISTICS.BAD_DATASET', 'internal', `Open dataset ${def.id} is not a valid query`, { issues: parsed.issues });
    const raw = await computeIndicator(db, parsed.query, null);
    const cube = protectCube({ ...raw, dataset: def.id }, { threshold: def.threshold, ...(def.roundingBase ? { rounding: { base: def.roundingBase } } : {}) });
    // Fail closed (ADR 0603): the attacker runs on everything the dataset can publish before any of it leaves.
    if (!auditProtection(toPublished(cube)).ok) throw new DomainError('OPEN_DATA.NOT_PROTECTED', 'unavailable', `Open dataset ${def.id} failed its disclosure audit and is withheld`);
    return cube;
  })();
  perDb.set(def.id, { stamp, cube });
  cube.catch(() => perDb.delete(def.id));
  return cube;
}

export async function listDatasets(deps: AppDeps): Promise<DatasetMeta[]> {
  const today = countryToday(deps);
  const asOf = await repo.refreshedAt(deps.db);
  return OPEN_DATASETS.map((d) => datasetMeta(d, today, asOf));
}

/** The published (protected) cells of a dataset, narrowed by a filter that only selects cells. */
export async function readDataset(deps: AppDeps, id: string, filter: CellFilter): Promise<{ meta: DatasetMeta; cube: Cube }> {
  const def = findDataset(id);
  if (!def) throw notFound(`Open dataset ${id}`);
  const today = countryToday(deps);
  const asOf = await repo.refreshedAt(deps.db);
  const whole = await protectedCube(deps.db, def, today, asOf);
  const cube = Object.keys(filter).length ? selectPublished(whole, filter) : toPublished(whole);
  return { meta: datasetMeta(def, today, asOf), cube };
}
