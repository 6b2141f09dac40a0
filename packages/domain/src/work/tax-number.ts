/**
 * Employer tax numbers per country profile (ADR 0701). Armenia: the TIN (ՀՎՀՀ) is 8 digits. Kazakhstan:
 * the BIN is 12 digits with a weighted check digit (mod 11, second weights when the first give 10).
 */
export interface TaxNumberRule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly check?: (digits: string) => boolean;
}

function kazCheck(d: string): boolean {
  const n = [...d].map(Number);
  const sum = (w: readonly number[]) => w.reduce((s, x, i) => s + x * n[i]!, 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c !== 10 && c === n[11];
}

export const TAX_NUMBER_RULES: Readonly<Record<string, TaxNumberRule>> = {
  ARM: { name: 'TIN', pattern: /^\d{8}$/ },
  KAZ: { name: 'BIN', pattern: /^\d{12}$/, check: kazCheck },
};

export type TaxNumberResult = { ok: true; value: string } | { ok: false; code: 'WORK.TAX_NUMBER_FORMAT' | 'WORK.TAX_NUMBER_CHECK' | 'WORK.TAX_NUMBER_UNSUPPORTED'; message: string };

/** Spaces and dashes are dropped; the rest must match the profile's rule. */
export function validateTaxNumber(country: string, input: string): TaxNumberResult {
  const rule = TAX_NUMBER_RULES[country];
  if (!rule) return { ok: false, code: 'WORK.TAX_NUMBER_UNSUPPORTED', message: `No tax-number rule for ${country}` };
  const value = input.replace(/[\s-]/g, '');
  if (!rule.pattern.test(value)) return { ok: false, code: 'WORK.TAX_NUMBER_FORMAT', message: `The ${rule.name} has the wrong form` };
  if (rule.check && !rule.check(value)) return { ok: false, code: 'WORK.TAX_NUMBER_CHECK', message: `The ${rule.name} check digit is wrong` };
  return { ok: true, value };
}
