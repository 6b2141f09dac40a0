import { useState, type FormEvent } from 'react';
import { authApi } from '../../api/auth.ts';
import type { Me } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useT } from '../../i18n/index.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export const normaliseCode = (s: string) => s.replace(/\s+/g, '');

/** Second step of signing in: the six-digit code from the authenticator app. */
export function MfaVerifyPage({ onSession, onCancel }: { onSession: (me: Me) => void; onCancel: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSession(await authApi.verifyMfa(normaliseCode(code)));
    } catch (err) {
      setError(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('mfa.title')}>
      <p>{t('mfa.intro')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={submit} className="stack">
        <TextField
          id="mfa-code"
          label={t('mfa.code')}
          hint={t('mfa.codeHint')}
          value={code}
          onChange={setCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
          autoFocus
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('mfa.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.signOut')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
