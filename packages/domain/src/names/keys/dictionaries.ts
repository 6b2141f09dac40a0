/**
 * Loads the two name dictionaries (data files, imported statically) and keys them with the same
 * functions as the names being compared, so a dictionary entry written in one romanization matches every
 * script and era that reduces to the same loose key.
 */
import givenNames from '../data/given-name-equivalents.json' with { type: 'json' };
import surnameStems from '../data/surname-stems.json' with { type: 'json' };
import { detectScript } from '../script.ts';
import { looseKey, looseSkeleton, pivotLatin, strictKey, type StemRewrite } from './token-keys.ts';

/** Prefix rewrites (variant skeleton -> canonical skeleton), longest variant first. */
export const STEM_REWRITES: readonly StemRewrite[] = (() => {
  const rewrites: StemRewrite[] = [];
  for (const group of surnameStems.groups) {
    const [canonical, ...variants] = group.map((s) => looseSkeleton(strictKey(pivotLatin(s, 'Latn'))));
    if (canonical === undefined) continue;
    for (const v of variants) if (v !== canonical && v !== '') rewrites.push([v, canonical]);
  }
  return rewrites.sort((a, b) => b[0].length - a[0].length);
})();

/** Full key chain for a single word: pivot, strict and loose keys. */
export function wordKeys(word: string): { pivot: string; strict: string; loose: string } {
  const pivot = pivotLatin(word, detectScript(word));
  const strict = strictKey(pivot);
  return { pivot, strict, loose: looseKey(strict, STEM_REWRITES) };
}

/** Loose key -> ids of the given-name groups it belongs to. */
const GROUPS_BY_KEY: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  givenNames.groups.forEach((group, id) => {
    for (const name of group) {
      const key = wordKeys(name).loose;
      if (key === '') continue;
      const ids = map.get(key);
      if (!ids) map.set(key, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
  });
  return map;
})();

export const GIVEN_NAME_GROUP_COUNT = givenNames.groups.length;

/** Given-name groups for a loose key (null when the name is not in the dictionary). */
export function givenNameGroups(loose: string): readonly number[] | null {
  return GROUPS_BY_KEY.get(loose) ?? null;
}

/** The spellings of a group, for explanations. */
export function givenNameGroup(id: number): readonly string[] {
  return givenNames.groups[id] ?? [];
}
