/**
 * Script detection for names. A name is stored as written together with its script, so that
 * comparison keys know which engine to use and the UI can tell a Cyrillic record from a Latin one.
 * Codes are ISO 15924 for the scripts Kamurj handles, plus `mixed` and `unknown`.
 */
export type NameScript = 'Armn' | 'Cyrl' | 'Latn' | 'Geor' | 'Arab' | 'mixed' | 'unknown';

type LetterScript = Exclude<NameScript, 'mixed' | 'unknown'> | 'other';

/** Unicode block ranges (inclusive) per script. */
const RANGES: readonly (readonly [number, number, LetterScript])[] = [
  [0x0041, 0x005a, 'Latn'],
  [0x0061, 0x007a, 'Latn'],
  [0x00c0, 0x024f, 'Latn'], // Latin-1 Supplement letters, Latin Extended-A/B (× and ÷ excluded below)
  [0x0250, 0x02af, 'Latn'], // IPA extensions (ə, ɑ…)
  [0x1e00, 0x1eff, 'Latn'],
  [0x0400, 0x052f, 'Cyrl'], // Cyrillic + Supplement (Kazakh, Tajik, Uzbek letters)
  [0x1c80, 0x1c8f, 'Cyrl'],
  [0x0531, 0x058f, 'Armn'],
  [0xfb13, 0xfb17, 'Armn'], // Armenian ligatures
  [0x10a0, 0x10ff, 'Geor'],
  [0x1c90, 0x1cbf, 'Geor'], // Mtavruli
  [0x2d00, 0x2d2f, 'Geor'],
  [0x0600, 0x06ff, 'Arab'],
  [0x0750, 0x077f, 'Arab'],
  [0x08a0, 0x08ff, 'Arab'],
  [0xfb50, 0xfdff, 'Arab'],
  [0xfe70, 0xfeff, 'Arab'],
];

const LETTER = /\p{L}/u;

/** Script of one character, or null when it is not a letter (digits, spaces, punctuation, marks). */
export function charScript(ch: string): LetterScript | null {
  const cp = ch.codePointAt(0);
  if (cp === undefined) return null;
  if (cp < 0x80) {
    return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 'Latn' : null;
  }
  // × ÷ and spacing modifier letters (ʻ ʼ ʹ: apostrophes in Uzbek oʻ, Georgian k’…) are neutral.
  if (cp === 0xd7 || cp === 0xf7 || (cp >= 0x02b0 && cp <= 0x02ff)) return null;
  for (const [lo, hi, script] of RANGES) if (cp >= lo && cp <= hi) return LETTER.test(ch) ? script : null;
  return LETTER.test(ch) ? 'other' : null;
}

/**
 * The script of a name: the single script of all its letters, `mixed` when letters of two scripts occur
 * (e.g. Latin A typed inside a Cyrillic word), `unknown` when there are no letters or only letters of
 * scripts Kamurj does not handle.
 */
export function detectScript(text: string): NameScript {
  let found: LetterScript | null = null;
  for (const ch of text) {
    const s = charScript(ch);
    if (s === null) continue;
    if (found === null) found = s;
    else if (found !== s) return 'mixed';
  }
  if (found === null || found === 'other') return 'unknown';
  return found;
}
