import { useState } from 'react';
import type { UserView } from '../../api/types.ts';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { rolesText } from '../../i18n/labels.ts';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { ScopeList } from '../shell/ScopeList.tsx';
import { loadUserLookups, usersApi } from './api.ts';
import { UserForm } from './UserForm.tsx';

function ResetPassword({ user }: { user: UserView }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [password, setPassword] = useState<string | null>(null);
  const reset = async () => {
    setBusy(true);
    setError(null);
    try {
      setPassword((await usersApi.resetPassword(user.id)).temporaryPassword);
      setConfirming(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="reset-heading">
      <h2 id="reset-heading">{t('users.resetTitle')}</h2>
      <p>{t('users.resetText')}</p>
      <ErrorAlert error={error} />
      {password && <OneTimeSecret id="temp-password" label={t('users.temporaryPassword')} value={password} />}
      {confirming ? (
        <div className="actions">
          <button type="button" className="danger" onClick={reset} disabled={busy}>
            {t('users.resetConfirm', { username: user.username })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('users.reset')}
        </button>
      )}
    </section>
  );
}

export function UserEdit({ id }: { id: string }) {
  const i = useI18n();
  const { t } = i;
  const { can, hasModule } = useSession();
  const manage = can('users.manage');
  const loaded = useLoad(`user:${id}`, (signal) => usersApi.get(id, signal));
  const lk = useLoad(manage ? 'user-lookups' : null, loadUserLookups);
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const user = loaded.data;

  return (
    <>
      <h1>{user ? t('users.editTitle', { username: user.username }) : t('users.title')}</h1>
      <p className="actions">
        <a href="#/users">{t('users.backToList')}</a>
        {user && hasModule('audit') && (
          <a href={href(['audit'], { targetType: 'user', targetId: user.id })}>{t('audit.whoLookedUser')}</a>
        )}
      </p>
      <ErrorAlert error={loaded.error ?? lk.error} />
      {(loaded.loading || lk.loading) && <p role="status">{t('common.loading')}</p>}
      {notice === 'saved' && <StatusMessage tone="success">{t('common.saved')}</StatusMessage>}
      {notice === 'conflict' && (
        <div role="alert" className="alert alert-warning">
          <p>{t('error.CONFLICT.STALE_VERSION')}</p>
        </div>
      )}
      {user && (
        <dl className="kv">
          <dt>{t('field.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('field.agency')}</dt>
          <dd>{i.name(user.agency.name)}</dd>
          <dt>{t('field.status')}</dt>
          <dd>{user.disabled ? t('users.disabled') : t('users.active')}</dd>
          <dt>{t('account.mfa')}</dt>
          <dd>{user.mfaEnabled ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('users.lastLogin')}</dt>
          <dd>{user.lastLoginAt ? i.dateTime(user.lastLoginAt) : t('users.never')}</dd>
          <dt>{t('users.createdAt')}</dt>
          <dd>{i.dateTime(user.createdAt)}</dd>
          {!manage && (
            <>
              <dt>{t('field.displayName')}</dt>
              <dd>{user.displayName}</dd>
              <dt>{t('field.roles')}</dt>
              <dd>{rolesText(i, user.roles)}</dd>
            </>
          )}
        </dl>
      )}
      {user && !manage && <ScopeList items={user.jurisdictions} />}
      {user && manage && lk.data && (
        <>
          <UserForm
            key={user.version}
            user={user}
            roles={lk.data[2]}
            jurisdictions={lk.data[1]}
            onSaved={(u) => {
              loaded.setData(u);
              setNotice('saved');
            }}
            onConflict={(current) => {
              if (current) loaded.setData(current);
              else loaded.reload();
              setNotice('conflict');
            }}
          />
          <ResetPassword user={user} />
        </>
      )}
    </>
  );
}
