import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The letter fonts (ADR 0403): Noto Sans (SIL Open Font Licence 1.1) from the @fontsource packages, one
 * file per script range — Latin, Latin Extended, Cyrillic and Armenian — in WOFF, which fontkit reads.
 * Read from node_modules once; nothing is fetched at run time.
 */
const require = createRequire(import.meta.url);

export const FACES = ['latin', 'latin-ext', 'cyrillic', 'armenian'] as const;
export type Face = (typeof FACES)[number];
export type Weight = 400 | 700;

const FILES: Record<Face, string> = {
  latin: '@fontsource/noto-sans/files/noto-sans-latin-{w}-normal.woff',
  'latin-ext': '@fontsource/noto-sans/files/noto-sans-latin-ext-{w}-normal.woff',
  cyrillic: '@fontsource/noto-sans/files/noto-sans-cyrillic-{w}-normal.woff',
  armenian: '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-{w}-normal.woff',
};

const cache = new Map<string, Buffer>();

export function fontBytes(face: Face, weight: Weight): Buffer {
  const key = `${face}-${weight}`;
  let b = cache.get(key);
  if (!b) {
    b = readFileSync(require.resolve(FILES[face].replace('{w}', String(weight))));
    cache.set(key, b);
  }
  return b;
}

/** The face for one character by Unicode block; characters common to all scripts (space, digits, punctuation) take Latin. */
export function faceOf(ch: string): Face {
  const c = ch.codePointAt(0)!;
  if ((c >= 0x0530 && c <= 0x058f) || (c >= 0xfb13 && c <= 0xfb17)) return 'armenian';
  if ((c >= 0x0400 && c <= 0x052f) || c === 0x2116) return 'cyrillic';
  if ((c >= 0x0100 && c <= 0x024f) || (c >= 0x1e00 && c <= 0x1eff)) return 'latin-ext';
  return 'latin';
}

/**
 * Splits text into runs of one face. Spaces (present in every file) join the run of the character after
 * them: a space at the end of a continued fragment would be dropped by the line wrapper. Digits and
 * punctuation are only in the Latin file, so they open a Latin run.
 */
export function runs(text: string): { face: Face; text: string }[] {
  const out: { face: Face; text: string }[] = [];
  let pending = '';
  for (const ch of text.replace(/[\u00a0\u202f]/g, ' ')) {
    if (ch === ' ') {
      pending += ch;
      continue;
    }
    const face = faceOf(ch);
    const last = out.at(-1);
    if (last && last.face === face) last.text += pending + ch;
    else out.push({ face, text: pending + ch });
    pending = '';
  }
  if (pending) {
    const last = out.at(-1);
    if (last) last.text += pending;
    else out.push({ face: 'latin', text: pending });
  }
  return out;
}
