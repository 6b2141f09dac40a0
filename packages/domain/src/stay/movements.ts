/**
 * From recorded border movements to stays (inclusive day intervals), with the anomaly policy of
 * docs/decisions/0201-stay-engine.md:
 *
 * - Movements are sorted by date (stable); an unsorted input is reported (STAY.MOVEMENTS_UNSORTED).
 * - Several movements on one day are taken in the order that alternates with the current state (a
 *   person inside exits first, a person outside enters first), so "exit and re-enter the same day"
 *   and "day trip" both read correctly whatever order the records arrived in.
 * - Movements after the evaluation day (control date, or planned entry) are ignored: the engine
 *   answers "as of that day" (STAY.MOVEMENTS_AFTER_DATE).
 * - Entry while already inside (STAY.DOUBLE_ENTRY): the exit was not recorded; the person is treated
 *   as having stayed since the first entry (a missing exit is treated as still present).
 * - Exit while outside (STAY.EXIT_WITHOUT_ENTRY): the entry was not recorded; the person is assumed
 *   to have entered the day after their last recorded exit or, with no earlier exit, on the first day
 *   of the rule's look-back window (per-stay and unlimited rules have none: the exit day only).
 *   Conservative on purpose: it can only add days, and the warning tells the officer why.
 *
 * Entry and exit days are both days of stay (Reg. (EU) 610/2013 art. 1; §2.2): a stay is [entry, exit].
 */
import type { DayNumber } from './dates.ts';
import { formatDay, parseDay } from './dates.ts';
import { StayInputError } from './errors.ts';
import type { Movement } from './input.ts';

export interface StayWarning {
  readonly code:
    | 'STAY.MOVEMENTS_UNSORTED'
    | 'STAY.MOVEMENTS_AFTER_DATE'
    | 'STAY.DOUBLE_ENTRY'
    | 'STAY.EXIT_WITHOUT_ENTRY';
  /** Index in the input `movements` array, when about one movement. */
  readonly index?: number;
  readonly date?: string;
  /** English fallback; clients translate by code. */
  readonly message: string;
  /** For STAY.EXIT_WITHOUT_ENTRY: the entry day the engine assumed. */
  readonly assumedEntry?: string;
}

export interface Stay {
  readonly entry: DayNumber;
  /** Inclusive; null while the person is still inside. */
  readonly exit: DayNumber | null;
}

export interface NormalisedHistory {
  /** Chronological; may touch or overlap on one day (exit and re-entry on the same day). */
  readonly stays: readonly Stay[];
  /** The open stay (last movement an entry), if any. */
  readonly current: Stay | null;
  readonly warnings: readonly StayWarning[];
}

type Indexed = { direction: 'entry' | 'exit'; day: DayNumber; index: number };

/** Converts a movement date, throwing STAY.INVALID_DATE with its field when it is not a real date. */
function movementDay(m: Movement, index: number): DayNumber {
  const day = parseDay(m.date);
  if (day === null) throw StayInputError.date(`movements.${index}.date`, m.date);
  if (m.direction !== 'entry' && m.direction !== 'exit') {
    throw new StayInputError('STAY.INVALID_DIRECTION', `movements.${index}.direction`, 'direction must be "entry" or "exit"');
  }
  return day;
}

/**
 * @param asOf evaluation day: later movements are ignored.
 * @param lookBackStart first day of the rule's window at `asOf` (null: no window), for missing entries.
 * @param plannedEntry planning mode: an intended entry on `asOf`, taken after the recorded movements
 *   (its warning index is movements.length).
 */
export function normaliseMovements(
  movements: readonly Movement[],
  asOf: DayNumber,
  lookBackStart: DayNumber | null,
  plannedEntry = false,
): NormalisedHistory {
  const warnings: StayWarning[] = [];
  const all: Indexed[] = movements.map((m, index) => ({ direction: m.direction, day: movementDay(m, index), index }));
  let sorted = true;
  for (let i = 1; i < all.length; i++) if ((all[i] as Indexed).day < (all[i - 1] as Indexed).day) sorted = false;
  if (!sorted) {
    all.sort((a, b) => a.day - b.day || a.index - b.index);
    warnings.push({ code: 'STAY.MOVEMENTS_UNSORTED', message: 'Movements were not in date order; they were sorted' });
  }
  let end = all.length;
  while (end > 0 && (all[end - 1] as Indexed).day > asOf) end--;
  if (end < all.length) {
    warnings.push({
      code: 'STAY.MOVEMENTS_AFTER_DATE',
      date: formatDay(asOf),
      message: `${all.length - end} movement(s) after ${formatDay(asOf)} were ignored`,
    });
  }

  const kept = all.slice(0, end);

  const stays: Stay[] = [];
  let inside: DayNumber | null = null;
  let lastExit: DayNumber | null = null;
  const take = (m: Indexed) => {
    if (m.direction === 'entry') {
      if (inside === null) inside = m.day;
      else warnings.push({ code: 'STAY.DOUBLE_ENTRY', index: m.index, date: formatDay(m.day), message: `Entry on ${formatDay(m.day)} without an exit since the entry on ${formatDay(inside)}; treated as still present` });
      return;
    }
    if (inside === null && lastExit === m.day) {
      warnings.push({ code: 'STAY.EXIT_WITHOUT_ENTRY', index: m.index, date: formatDay(m.day), message: `Second exit on ${formatDay(m.day)}; ignored as a duplicate record` });
      return;
    }
    if (inside === null) {
      const guess = lastExit !== null ? lastExit + 1 : (lookBackStart ?? m.day);
      const entry = Math.min(guess, m.day);
      warnings.push({
        code: 'STAY.EXIT_WITHOUT_ENTRY',
        index: m.index,
        date: formatDay(m.day),
        assumedEntry: formatDay(entry),
        message: `Exit on ${formatDay(m.day)} without a recorded entry; entry assumed on ${formatDay(entry)}`,
      });
      stays.push({ entry, exit: m.day });
    } else {
      stays.push({ entry: inside, exit: m.day });
      inside = null;
    }
    lastExit = m.day;
  };

  let i = 0;
  while (i < end) {
    // One day's movements: alternate with the current state (see the file comment).
    let j = i;
    while (j < end && (kept[j] as Indexed).day === (kept[i] as Indexed).day) j++;
    if (j === i + 1) {
      take(kept[i] as Indexed); // the common case: one movement that day
      i = j;
      continue;
    }
    const group = kept.slice(i, j);
    while (group.length > 0) {
      const want = inside === null ? 'entry' : 'exit';
      const k = group.findIndex((m) => m.direction === want);
      take(group.splice(k >= 0 ? k : 0, 1)[0] as Indexed);
    }
    i = j;
  }
  // The intended entry comes after everything recorded, even on the same day, so the person is inside.
  if (plannedEntry) take({ direction: 'entry', day: asOf, index: movements.length });
  const current: Stay | null = inside === null ? null : { entry: inside, exit: null };
  if (current) stays.push(current);
  return { stays, current, warnings };
}
