import { isApiError } from '../../api/client.ts';
import type { I18n } from '../../i18n/index.tsx';

/** The first server issue about a body field (`number`, `validTo` …), translated, for a form field's message. */
export function fieldIssue(i: I18n, error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const found = (error.body.issues ?? []).find((x) => x.field.replace(/^body\.?/, '') === field);
  if (!found) return undefined;
  const text = i.tx(`issue.${found.code}`, found.message);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
