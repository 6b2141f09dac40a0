import { useState, type FormEvent, type ReactNode } from 'react';
import { authApi } from '../../api/auth.ts';
import type { Me } from '../../api/types.ts';
import { ErrorAlert, MessageAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useT } from '../../i18n/index.tsx';

export const MIN_PASSWORD_LENGTH = 12;

/** Current + new + repeated password. The server enforces the policy; the browser checks the obvious first. */
export function PasswordChangeForm({ onDone, extraActions }: { onDone: (me: Me) => void; extraActions?: ReactNode }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    if (next.length < MIN_PASSWORD_LENGTH) return setLocal(t('password.tooShort', { min: MIN_PASSWORD_LENGTH }));
    if (next !== repeat) return setLocal(t('password.mismatch'));
    if (next === current) return setLocal(t('password.sameAsOld'));
    setBusy(true);
    try {
      const me = await authApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      onDone(me);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack">
      <MessageAlert message={local} />
      <ErrorAlert error={error} />
      <TextField
        id="pw-current"
        label={t('password.current')}
        type="password"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        required
      />
      <TextField
        id="pw-new"
        label={t('password.new')}
        hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        value={next}
        onChange={setNext}
        autoComplete="new-password"
        required
      />
      <TextField
        id="pw-repeat"
        label={t('password.repeat')}
        type="password"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
        required
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('password.submit')}
        </button>
        {extraActions}
      </div>
    </form>
  );
}
