/** Public types of the MRZ library. The parse result mirrors the `kamurj mrz parse` JSON Lines contract. */

export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

export const MRZ_FORMATS: readonly MrzFormat[] = ['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB'];

/** Stable error / warning codes. Errors make a document invalid; warnings never do. */
export type MrzIssueCode =
  | 'MRZ.EMPTY'
  | 'MRZ.LINE_COUNT'
  | 'MRZ.LINE_LENGTH'
  | 'MRZ.LOWER_CASE'
  | 'MRZ.INVALID_CHARACTER'
  | 'MRZ.CHECK_DIGIT'
  | 'MRZ.INVALID_DATE'
  | 'MRZ.INVALID_SEX'
  | 'MRZ.DOCUMENT_CODE'
  | 'MRZ.NON_ICAO_FORMAT'
  // warnings
  | 'MRZ.SPECIMEN'
  | 'MRZ.UNKNOWN_CODE'
  | 'MRZ.DEPRECATED_CODE'
  | 'MRZ.NAME_POSSIBLY_TRUNCATED'
  | 'MRZ.NONSTANDARD_SEX'
  | 'MRZ.DOCUMENT_CODE_UNUSUAL'
  | 'MRZ.LONG_DOCUMENT_NUMBER'
  | 'MRZ.ISSUER_DEVIATION'
  | 'MRZ.PARTIAL_DATE';

export interface MrzIssue {
  /** Contract field name (`documentNumber`, `birthDate`, …), `composite`, or `mrz` for the whole zone. */
  readonly field: string;
  readonly code: MrzIssueCode;
  readonly message: string;
}

/** One OCR-confusion correction (Part 3 has no such rule; see ocr.ts). `line`/`position` are 1-based. */
export interface MrzCorrection {
  readonly field: string;
  readonly line: number;
  readonly position: number;
  readonly from: string;
  readonly to: string;
}

export interface MrzChecks {
  readonly documentNumber: boolean | null;
  readonly birthDate: boolean | null;
  readonly expiryDate: boolean | null;
  readonly personalNumber: boolean | null;
  readonly composite: boolean | null;
}

/** How a TD1/TD2 long document number's check digit matched (Part 5 note j; reference §1.5). */
export type LongNumberVariant = 'filler-excluded' | 'filler-included' | 'both' | 'none';

export type StateCodeKind =
  | 'state'
  | 'territory-citizen'
  | 'organization'
  | 'stateless'
  | 'refugee'
  | 'unspecified'
  | 'specimen'
  | 'deprecated'
  | 'unknown';

export interface StateCodeInfo {
  /** Code as read, fillers removed (`D<<` → `D`). */
  readonly code: string;
  readonly kind: StateCodeKind;
  readonly description: string | null;
}

export interface MrzParseResult {
  readonly format: MrzFormat | null;
  readonly valid: boolean;
  readonly specimen: boolean;
  readonly documentCode: string | null;
  readonly issuingState: string | null;
  readonly documentNumber: string | null;
  readonly nationality: string | null;
  /** ISO date, `YYYY-MM` or `YYYY` when parts are unknown, null when unknown or unreadable. */
  readonly birthDate: string | null;
  readonly sex: 'M' | 'F' | 'X' | null;
  readonly expiryDate: string | null;
  readonly surname: string | null;
  readonly givenNames: string | null;
  readonly personalNumber: string | null;
  readonly optionalData: string | null;
  readonly optionalData2: string | null;
  readonly checks: MrzChecks;
  readonly corrections: readonly MrzCorrection[];
  readonly errors: readonly MrzIssue[];
  // ---- extra keys (allowed by the contract) ----
  readonly warnings: readonly MrzIssue[];
  /** Expiry before the reference date. Informational: never affects `valid`. */
  readonly expired: boolean | null;
  readonly namePossiblyTruncated: boolean | null;
  /** Null unless the TD1/TD2 document number is long (check digit position holds `<`). */
  readonly documentNumberCheckVariant: LongNumberVariant | null;
  /** Meaning of a known document code (Part 4 §4.4), e.g. `PP` → "ordinary passport". */
  readonly documentType: string | null;
  readonly issuingStateInfo: StateCodeInfo | null;
  readonly nationalityInfo: StateCodeInfo | null;
  /** The lines as received (each cut to 100 characters, at most 5 lines), after trimming. */
  readonly raw: readonly string[];
}

export interface MrzParseOptions {
  /**
   * `YYYY-MM-DD`. Anchors the two-digit-year century policy (dates.ts, ADR 0101) and `expired`.
   * Required: the domain never reads the clock.
   */
  readonly referenceDate: string;
  /** Apply OCR-confusion corrections (ocr.ts). Default true; every correction is reported. */
  readonly correct?: boolean;
  /** Per-issuer deviation table; default ISSUER_DEVIATIONS (deviations.ts). */
  readonly deviations?: readonly IssuerDeviation[];
}

/** Structured data to build an MRZ from (formatMrz). Names may be in Latin, Cyrillic or Armenian script. */
export interface MrzFormatInput {
  readonly format: MrzFormat;
  /** One or two characters: `P`, `P<`, `PP`, `I`, `ID`, `V`, `VB`… A single letter is padded with `<`. */
  readonly documentCode: string;
  /** ICAO code: `UTO`, `ARM`, `D` (Germany) … */
  readonly issuingState: string;
  readonly documentNumber: string;
  readonly nationality: string;
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or null (unknown parts are written `<`; domain reference §1.9). */
  readonly birthDate: string | null;
  readonly sex: 'M' | 'F' | 'X' | '<';
  /** `YYYY-MM-DD`. */
  readonly expiryDate: string;
  /** Primary identifier; may be empty. */
  readonly surname: string;
  /** Secondary identifier, components separated by spaces; may be empty. */
  readonly givenNames: string;
  /** TD3 only (positions 29–42). */
  readonly personalNumber?: string | null;
  /** TD1 line 1 16–30 (after any long-number tail), TD2/MRV optional field. Not allowed for TD3. */
  readonly optionalData?: string | null;
  /** TD1 only: line 2 19–29. */
  readonly optionalData2?: string | null;
  /** Long TD1/TD2 numbers: whether position 15 (TD1) / 10 (TD2) is inside the check. Default excluded (ICAO). */
  readonly longNumberFiller?: 'excluded' | 'included';
  /** TD3 check digit written when the personal number is empty: `<` (default) or `0` (Part 4 §4.2.2.2). */
  readonly emptyPersonalNumberCheck?: '<' | '0';
}

export type MrzFormatResult =
  | {
      readonly ok: true;
      readonly lines: readonly string[];
      /** Lines joined with `\n`. */
      readonly text: string;
      readonly nameTruncated: boolean;
      readonly warnings: readonly MrzIssue[];
    }
  | { readonly ok: false; readonly errors: readonly MrzIssue[] };

/** A per-issuer deviation from Doc 9303 (rows live in deviations.ts). */
export interface IssuerDeviation {
  /** Issuing-state code, fillers removed (`D`, `BEL`). */
  readonly issuer: string;
  readonly formats: readonly MrzFormat[];
  /** Matches when the document code starts with this (e.g. `ID`, `PO`). Omitted: any code. */
  readonly documentCodePrefix?: string;
  /** `long-number`: only when the TD1/TD2 document number is long (reference §1.5). */
  readonly when?: 'always' | 'long-number';
  /**
   * `non-icao`: the layout merely looks like an ICAO format; the document is reported invalid
   * (MRZ.NON_ICAO_FORMAT) but still parsed field by field. `note`: a warning (MRZ.ISSUER_DEVIATION).
   */
  readonly effect: 'non-icao' | 'note';
  readonly message: string;
  readonly source: string;
}
