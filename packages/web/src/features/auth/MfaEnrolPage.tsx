import { useEffect, useRef, useState, type FormEvent } from 'react';
import { authApi } from '../../api/auth.ts';
import type { Me, MfaSetup } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useT } from '../../i18n/index.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { normaliseCode } from './MfaVerifyPage.tsx';

/** Groups a base32 secret in fours so a person can type it into an authenticator app. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Required enrolment of a second factor: the server issues a secret (shown as text, with the otpauth URI
 * for apps that accept it pasted) and the first code from the app confirms it.
 */
export function MfaEnrolPage({ onSession, onCancel }: { onSession: (me: Me) => void; onCancel: () => void }) {
  const t = useT();
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  const start = () => {
    setError(null);
    authApi.setupMfa().then(setSetup, setError);
  };

  useEffect(() => {
    // One secret per visit (a second setup call would replace the first one on the server).
    if (started.current) return;
    started.current = true;
    authApi.setupMfa().then(setSetup, setError);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSession(await authApi.enableMfa(normaliseCode(code)));
    } catch (err) {
      setError(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('enrol.title')}>
      <p>{t('enrol.intro')}</p>
      <ErrorAlert error={error} />
      {!setup && !error && <p role="status">{t('common.loading')}</p>}
      {!setup && !!error && (
        <button type="button" onClick={start}>
          {t('common.retry')}
        </button>
      )}
      {setup && (
        <>
          <ol className="steps">
            <li>{t('enrol.step1')}</li>
            <li>
              {t('enrol.step2')}
              <dl className="kv">
                <dt>{t('enrol.secret')}</dt>
                <dd>
                  <code id="mfa-secret" className="secret-value">
                    {grouped(setup.secret)}
                  </code>
                </dd>
                <dt>{t('enrol.uri')}</dt>
                <dd>
                  <code id="mfa-uri" className="wrap">
                    {setup.otpauthUri}
                  </code>
                </dd>
              </dl>
            </li>
            <li>{t('enrol.step3')}</li>
          </ol>
          <form onSubmit={submit} className="stack">
            <TextField
              id="enrol-code"
              label={t('mfa.code')}
              hint={t('mfa.codeHint')}
              value={code}
              onChange={setCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              required
            />
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {t('enrol.submit')}
              </button>
              <button type="button" onClick={onCancel}>
                {t('common.signOut')}
              </button>
            </div>
          </form>
        </>
      )}
    </AuthLayout>
  );
}
