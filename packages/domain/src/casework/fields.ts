/**
 * Payload checks against an action's declared fields. Every problem is reported at once, each naming its
 * field (`payload.<name>`); fields the action does not declare are refused (strict, like the routes).
 */
import type { FieldIssue } from '../kernel/errors.ts';
import { isIsoDate } from './dates.ts';
import type { FieldSpec } from './definition.ts';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Why a present value does not fit the field, or null. */
function valueProblem(f: FieldSpec, v: unknown): string | null {
  switch (f.type) {
    case 'string':
    case 'text': {
      if (typeof v !== 'string') return 'Expected text';
      const max = f.maxLength ?? (f.type === 'string' ? 200 : 10_000);
      return v.length > max ? `At most ${max} characters` : null;
    }
    case 'date':
      return isIsoDate(v) ? null : 'Expected a calendar date YYYY-MM-DD';
    case 'integer':
      return Number.isSafeInteger(v) ? null : 'Expected a whole number';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'Expected a number';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'Expected true or false';
    case 'enum':
      return typeof v === 'string' && (f.values ?? []).includes(v) ? null : `Expected one of: ${(f.values ?? []).join(', ')}`;
    case 'code':
      return typeof v === 'string' && CODE.test(v) ? null : 'Expected a code (letters, digits, . _ : -)';
    case 'string-list':
      return Array.isArray(v) && v.length <= 100 && v.every((x) => typeof x === 'string' && x.trim() !== '' && x.length <= 200) ? null : 'Expected a list of up to 100 non-empty texts';
  }
}

/**
 * Field issues of a payload. `extra` lists names the action accepts besides its fields (the implied
 * `legalBasis` and `outcome` of decisions).
 */
export function payloadIssues(fields: readonly FieldSpec[], payload: Readonly<Record<string, unknown>>, extra: readonly string[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const f of fields) {
    const v = payload[f.name];
    if (isMissing(v)) {
      if (f.required) issues.push({ field: `payload.${f.name}`, code: 'CASE.FIELD_REQUIRED', message: `${f.name} is required` });
      continue;
    }
    const problem = valueProblem(f, v);
    if (problem) issues.push({ field: `payload.${f.name}`, code: 'CASE.FIELD_INVALID', message: `${f.name}: ${problem}` });
  }
  const known = new Set([...fields.map((f) => f.name), ...extra]);
  for (const key of Object.keys(payload)) {
    if (!known.has(key)) issues.push({ field: `payload.${key}`, code: 'CASE.FIELD_UNKNOWN', message: `${key.slice(0, 60)} is not a field of this action` });
  }
  return issues;
}
