import type { ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { errorMessage, issueMessage } from '../i18n/errors.ts';
import { useI18n } from '../i18n/index.tsx';

/** An error announced to assistive technology (role=alert), with field issues and the request reference. */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const i = useI18n();
  if (!error) return null;
  const issues = isApiError(error) ? (error.body.issues ?? []) : [];
  const requestId = isApiError(error) ? error.body.requestId : undefined;
  return (
    <div role="alert" className="alert alert-error" id={id}>
      <p>{errorMessage(i, error)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, n) => (
            <li key={n}>{issueMessage(i, issue)}</li>
          ))}
        </ul>
      )}
      {requestId && <p className="muted small">{i.t('error.requestId', { id: requestId })}</p>}
    </div>
  );
}

/** A short message (validation done in the browser) in an alert region. */
export function MessageAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert alert-error">
      <p>{message}</p>
    </div>
  );
}

export function StatusMessage({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' }) {
  return (
    <div role="status" className={`alert alert-${tone}`}>
      {children}
    </div>
  );
}
