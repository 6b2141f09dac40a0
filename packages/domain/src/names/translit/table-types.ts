/**
 * Shape of the generated transliteration tables (`../tables/*.json`, written by
 * `scripts/gen-translit-tables.ts` from `shared/reference-data/translit/*.tsv`).
 *
 * Context semantics follow the interscript map language the TSVs were exported from:
 * `before` is the text that must PRECEDE the source (a look-behind), `after` the text that must FOLLOW it
 * (a look-ahead). `notAfter` lists look-aheads that veto the rule (interscript `not_after`).
 */

/** One element of a context pattern. */
export type PatternElement =
  | { readonly k: 'b' } // word boundary (start or end of the word being transliterated)
  | { readonly k: 'l'; readonly v: string } // literal text
  | { readonly k: 'c'; readonly v: string } // any one character of the set
  | { readonly k: 'r'; readonly from: string; readonly to: string }; // any one character in the range

export type Pattern = readonly PatternElement[];

export interface TableRule {
  /** Source text; empty for an insertion rule. */
  readonly s: string;
  /** Replacement (Latin, with the standard's diacritics). */
  readonly t: string;
  readonly before?: Pattern;
  readonly after?: Pattern;
  readonly notAfter?: readonly Pattern[];
  /** Insertion rule (`insert; context: …`): emits `t` between characters, consumes nothing. */
  readonly ins?: true;
}

export type SourceScript = 'Armn' | 'Cyrl' | 'Geor' | 'Arab';

export interface TranslitTable {
  readonly id: string;
  readonly title: string;
  readonly sourceScript: SourceScript;
  /** Where the rows come from (file, map, commit). */
  readonly source: string;
  /** The published standard. */
  readonly reference: string;
  readonly licence: string;
  readonly rules: readonly TableRule[];
  /** Literal replacements applied to the output (rows the TSV marks `pre-rule` that match Latin text). */
  readonly postRules: readonly { readonly s: string; readonly t: string }[];
  /** Corrections and derivations applied by the generator, in words. */
  readonly notes: readonly string[];
}
