/**
 * UN/EDIFACT syntax (ISO 9735) as airlines send it for API: an optional UNA service string advice that
 * redefines the six service characters, segments ended by the segment terminator, data elements and
 * components split by their separators, and the release character that makes the next character literal.
 * Line breaks between segments are ignored (they are not in the UNOA/UNOB character sets).
 * Never throws: structural problems are returned as errors with the segment number.
 */
export interface Separators {
  readonly component: string;
  readonly element: string;
  readonly decimal: string;
  readonly release: string;
  readonly terminator: string;
}

export const DEFAULT_SEPARATORS: Separators = { component: ':', element: '+', decimal: '.', release: '?', terminator: "'" };

export interface Segment {
  /** 1-based position in the interchange (UNA not counted). */
  readonly index: number;
  readonly tag: string;
  /** Data elements after the tag, each a list of components (released characters unescaped). */
  readonly elements: readonly (readonly string[])[];
}

export interface EdifactIssue {
  readonly segment: number;
  readonly code: string;
  readonly message: string;
}

export interface EdifactResult {
  readonly separators: Separators;
  readonly segments: readonly Segment[];
  readonly errors: readonly EdifactIssue[];
}

export const MAX_SEGMENTS = 500_000;

/** Component `c` of element `e` ('' when absent). */
export const comp = (s: Segment, e: number, c = 0): string => s.elements[e - 1]?.[c] ?? '';

export function parseEdifact(input: string): EdifactResult {
  const errors: EdifactIssue[] = [];
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  text = text.replace(/^\s+/, '');
  let sep = DEFAULT_SEPARATORS;
  if (text.startsWith('UNA')) {
    const s = text.slice(3, 9);
    if (s.length < 6) return { separators: sep, segments: [], errors: [{ segment: 0, code: 'BORDER.EDIFACT_BAD_UNA', message: 'UNA needs six service characters' }] };
    const una: Separators = { component: s[0] as string, element: s[1] as string, decimal: s[2] as string, release: s[3] as string, terminator: s[5] as string };
    const special = [una.component, una.element, una.release, una.terminator];
    if (new Set(special).size !== special.length || special.some((c) => /[A-Za-z0-9\r\n]/.test(c))) {
      errors.push({ segment: 0, code: 'BORDER.EDIFACT_BAD_UNA', message: 'UNA service characters must be distinct and not letters or digits; defaults used' });
    } else sep = una;
    text = text.slice(9);
  }
  const segments: Segment[] = [];
  let elements: string[][] = [[]];
  let current = '';
  let released = false;
  const finish = () => {
    elements[elements.length - 1]?.push(current);
    current = '';
    const [tagPart, ...rest] = elements;
    const tag = (tagPart?.[0] ?? '').trim();
    const index = segments.length + 1;
    if (tag === '' && rest.length === 0) {
      /* empty segment (e.g. trailing terminator) */
    } else if (!/^[A-Z0-9]{3}$/.test(tag)) errors.push({ segment: index, code: 'BORDER.EDIFACT_BAD_TAG', message: `"${tag.slice(0, 20)}" is not a segment tag` });
    else if (segments.length >= MAX_SEGMENTS) errors.push({ segment: index, code: 'BORDER.EDIFACT_TOO_LONG', message: `More than ${MAX_SEGMENTS} segments` });
    else segments.push({ index, tag, elements: rest });
    elements = [[]];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (released) {
      current += c;
      released = false;
    } else if (c === sep.release) released = true;
    else if (c === sep.terminator) {
      finish();
      if (segments.length >= MAX_SEGMENTS) break;
    } else if (c === sep.element) {
      elements[elements.length - 1]?.push(current);
      current = '';
      elements.push([]);
    } else if (c === sep.component) {
      elements[elements.length - 1]?.push(current);
      current = '';
    } else if (c !== '\r' && c !== '\n') current += c;
  }
  if (current.trim() !== '' || elements.length > 1 || (elements[0]?.length ?? 0) > 0) {
    errors.push({ segment: segments.length + 1, code: 'BORDER.EDIFACT_UNTERMINATED', message: 'The last segment has no terminator; it is read anyway' });
    finish();
  }
  return { separators: sep, segments, errors };
}

/** Escapes service characters in a value with the release character. */
export function release(value: string, sep: Separators = DEFAULT_SEPARATORS): string {
  let out = '';
  for (const c of value) out += c === sep.component || c === sep.element || c === sep.release || c === sep.terminator ? sep.release + c : c;
  return out;
}
