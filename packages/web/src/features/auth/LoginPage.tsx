import { useState, type FormEvent } from 'react';
import { authApi } from '../../api/auth.ts';
import type { Me } from '../../api/types.ts';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { AuthLayout } from './AuthLayout.tsx';

export function LoginPage({ onSession, notice }: { onSession: (me: Me) => void; notice?: MessageKey | undefined }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSession(await authApi.login(username.trim(), password));
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('login.title')}>
      {notice && !error && <StatusMessage>{t(notice)}</StatusMessage>}
      <ErrorAlert error={error} />
      <form onSubmit={submit} className="stack">
        <TextField
          id="login-username"
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          required
          autoFocus
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="login-public">
        <a href="#/open-data" id="open-data-link">
          {t('opendata.link')}
        </a>
        {' · '}
        <a href="#/agencies" id="agencies-link">
          {t('work.public')}
        </a>
      </p>
    </AuthLayout>
  );
}
