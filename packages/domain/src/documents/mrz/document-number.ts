/**
 * Document number and its check digit, including long numbers in TD1/TD2 (Part 5 note j and §4.2.4;
 * Part 6 note j; reference §1.5). A long number puts its first 9 characters in the number field, a `<`
 * in the check-digit position, and continues at the start of the optional data, followed by its check
 * digit and a `<`. ICAO computes that digit over the number without the `<` (filler excluded); some real
 * cards (PRADO BEL-BO-03003) include it. Both are tried and the one that matched is recorded.
 */
import { checkDigit, verifyCheckDigit } from './check-digit.ts';
import type { LongNumberVariant } from './types.ts';

export interface DocumentNumberReading {
  readonly number: string;
  readonly check: boolean;
  /** Null for ordinary numbers. */
  readonly variant: LongNumberVariant | null;
  /** The optional data left once a long number's tail, check digit and separator are removed. */
  readonly optionalRest: string;
  /** Human-readable explanation for a failed check. */
  readonly failure: string | null;
}

const stripFillers = (s: string): string => s.replace(/<+$/, '');

export function readDocumentNumber(
  field: string,
  checkChar: string,
  optional: string,
  longAllowed: boolean,
): DocumentNumberReading {
  const tailRun = /^[A-Z0-9]+/.exec(optional)?.[0] ?? '';
  // Long number: the first part fills the field, `<` stands in the check-digit position and the optional
  // data starts with at least one more character plus the check digit.
  if (longAllowed && checkChar === '<' && !field.includes('<') && tailRun.length >= 2) {
    const tail = tailRun.slice(0, -1);
    const cd = tailRun.slice(-1);
    const excluded = verifyCheckDigit(field + tail, cd);
    const included = verifyCheckDigit(`${field}<${tail}`, cd);
    const variant: LongNumberVariant =
      excluded && included ? 'both' : excluded ? 'filler-excluded' : included ? 'filler-included' : 'none';
    return {
      number: field + tail,
      check: excluded || included,
      variant,
      // One filler separates the check digit from any further optional data.
      optionalRest: optional.slice(tailRun.length + (optional.charAt(tailRun.length) === '<' ? 1 : 0)),
      failure:
        variant === 'none'
          ? `long document number: check digit ${cd} matches neither ${checkDigit(field + tail)} (filler excluded) nor ${checkDigit(`${field}<${tail}`)} (filler included)`
          : null,
    };
  }
  const check = verifyCheckDigit(field, checkChar);
  const expected = checkDigit(field);
  return {
    number: stripFillers(field),
    check,
    variant: null,
    optionalRest: optional,
    failure: check ? null : `check digit "${checkChar}" does not match ${expected ?? '(unreadable data)'}`,
  };
}
