/**
 * Injected duplicates: another record of the same identity that differs in one way (issue 3 §4).
 * Each kind applies only where it makes sense (an era change needs a Russian passport, a day/month swap
 * a day ≤ 12…); choose() draws among the applicable kinds.
 */
import type { Identity, View } from './identity.ts';
import type { Rng } from './prng.ts';
import type { DuplicateKind, RussianEra } from './types.ts';

const ARMENIAN_GROUPS = new Set(['armenian', 'syrian-armenian', 'russian-armenian']);

export function applicableKinds(identity: Identity): DuplicateKind[] {
  const kinds: DuplicateKind[] = [];
  if (identity.nativeScript !== 'Latn') kinds.push('different-script');
  if (identity.era) kinds.push('romanization-era');
  if (ARMENIAN_GROUPS.has(identity.group)) kinds.push('russified-surname');
  if (!identity.yearOnly) kinds.push('year-only-birth-date');
  const { day, month } = identity.birth;
  if (!identity.yearOnly && day <= 12 && day !== month) kinds.push('day-month-swap');
  kinds.push('typo', 'missing-given-name', 'new-passport-number');
  return kinds;
}

/** How the duplicate's record differs; the generator renders it. */
export interface DuplicatePlan {
  readonly kind: DuplicateKind;
  readonly view: View;
  readonly era: RussianEra | null;
}

const ERAS: readonly RussianEra[] = ['1997', '2010', '2013'];

export function planDuplicate(identity: Identity, originalView: View, rng: Rng): DuplicatePlan {
  const kind = rng.pick(applicableKinds(identity));
  let view = originalView;
  let era = identity.era;
  if (kind === 'different-script') {
    view = originalView === 'latin' || originalView === 'russian-latin' || originalView === 'armenian-latin' ? 'native' : 'latin';
  } else if (kind === 'romanization-era') {
    view = 'latin';
    era = rng.pick(ERAS.filter((e) => e !== identity.era));
  } else if (kind === 'russified-surname') {
    if (identity.group === 'russian-armenian') view = rng.chance(0.5) ? 'armenian' : 'armenian-latin';
    else view = rng.chance(0.6) ? 'russian' : 'russian-latin';
  }
  return { kind, view, era };
}

/** One typing error in a name: deletion, transposition, doubling or substitution by a letter of the name. */
export function typo(name: string, rng: Rng): string {
  const chars = [...name];
  const letters = chars.filter((c) => /\p{L}/u.test(c));
  if (letters.length < 3) return name;
  const i = rng.int(1, chars.length - 2); // keep the first letter (as typists mostly do)
  const op = rng.int(0, 3);
  if (op === 0) chars.splice(i, 1);
  else if (op === 1) [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  else if (op === 2) chars.splice(i, 0, chars[i] as string);
  else {
    const pool = letters.filter((c) => c !== chars[i]);
    if (pool.length > 0) chars[i] = rng.pick(pool);
  }
  const out = chars.join('');
  return out === name ? `${name.slice(0, -1)}` : out;
}
