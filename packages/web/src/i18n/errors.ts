import { isApiError } from '../api/client.ts';
import type { I18n } from './index.tsx';

/** A translated sentence for any error: known codes get their own message, the rest a generic one. */
export function errorMessage(i: I18n, err: unknown): string {
  if (!isApiError(err)) return i.t('error.generic', { code: 'CLIENT' });
  const seconds = typeof err.body.retryAfterSeconds === 'number' ? err.body.retryAfterSeconds : 0;
  // Scalar details of the error (e.g. a date it names) may appear in its message.
  const details = Object.fromEntries(Object.entries(err.body).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
  const params = { ...details, code: err.code, seconds, minutes: Math.max(1, Math.ceil(seconds / 60)) };
  if (err.code === 'AUTH.LOCKED' && !seconds) return i.t('error.AUTH.LOCKED_NO_TIME');
  if (err.code === 'RATE_LIMITED' && !seconds) return i.t('error.RATE_LIMITED_NO_TIME');
  return i.tx(`error.${err.code}`, i.t('error.generic', params), params);
}

/** Field issue text: a translated message for known issue codes, else the server's English message. */
export function issueMessage(i: I18n, issue: { field: string; code: string; message: string }): string {
  const field = issue.field.replace(/^body\./, '').replace(/^query\./, '');
  const label = i.tx(`field.${field.split('.')[0]}`, field);
  const text = i.tx(`issue.${issue.code}`, issue.message);
  return `${label}: ${text}`;
}
