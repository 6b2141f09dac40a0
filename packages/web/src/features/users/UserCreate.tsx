import { useState, type FormEvent } from 'react';
import type { UserView } from '../../api/types.ts';
import { ErrorAlert, MessageAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { JurisdictionPicker } from '../../components/JurisdictionPicker.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { loadUserLookups, managesAllAgencies, usersApi } from './api.ts';
import { RolePicker } from './RolePicker.tsx';

function Created({ user, password, onAnother }: { user: UserView; password: string; onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="created-heading" className="panel">
      <h2 id="created-heading">{t('users.created')}</h2>
      <StatusMessage tone="success">{t('users.createdText', { username: user.username })}</StatusMessage>
      <OneTimeSecret id="temp-password" label={t('users.temporaryPassword')} value={password} />
      <p className="actions">
        <a className="button" href={href(['users', user.id])}>
          {t('users.open')}
        </a>
        <button type="button" onClick={onAnother}>
          {t('users.createAnother')}
        </button>
        <a className="button" href="#/users">
          {t('users.backToList')}
        </a>
      </p>
    </section>
  );
}

export function UserCreate() {
  const i = useI18n();
  const { t } = i;
  const { me, can } = useSession();
  const lk = useLoad('user-lookups', loadUserLookups);
  const allAgencies = managesAllAgencies(me);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [agencyId, setAgencyId] = useState(me.user.agency.id);
  const [roles, setRoles] = useState<Set<string>>(new Set());
  const [jurisdictions, setJurisdictions] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [created, setCreated] = useState<{ user: UserView; password: string } | null>(null);

  const reset = () => {
    setUsername('');
    setDisplayName('');
    setRoles(new Set());
    setJurisdictions(new Set());
    setCreated(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    if (roles.size === 0) return setLocal(t('users.needRole'));
    setBusy(true);
    try {
      const r = await usersApi.create({
        username: username.trim(),
        displayName: displayName.trim(),
        agencyId,
        roles: [...roles],
        jurisdictionIds: [...jurisdictions],
      });
      setCreated({ user: r.user, password: r.temporaryPassword });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!can('users.manage')) {
    return (
      <>
        <h1>{t('users.createTitle')}</h1>
        <p>{t('page.forbiddenText')}</p>
      </>
    );
  }
  const [agencies = [], jurisdictionItems = [], roleInfo = []] = lk.data ?? [];
  return (
    <>
      <h1>{t('users.createTitle')}</h1>
      <p>
        <a href="#/users">{t('users.backToList')}</a>
      </p>
      <ErrorAlert error={lk.error} />
      {lk.loading && <p role="status">{t('common.loading')}</p>}
      {created ? (
        <Created user={created.user} password={created.password} onAnother={reset} />
      ) : (
        lk.data && (
          <form onSubmit={submit} className="stack form-wide">
            <MessageAlert message={local} />
            <ErrorAlert error={error} />
            <TextField id="user-username" label={t('field.username')} hint={t('users.usernameHint')} value={username} onChange={setUsername} required maxLength={64} />
            <TextField id="user-displayName" label={t('field.displayName')} value={displayName} onChange={setDisplayName} required maxLength={200} />
            <SelectField id="user-agency" label={t('field.agency')} value={agencyId} onChange={setAgencyId} disabled={!allAgencies} required>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {i.name(a.name)} ({a.code})
                </option>
              ))}
            </SelectField>
            <RolePicker roles={roleInfo} held={[]} selected={roles} onChange={setRoles} />
            <JurisdictionPicker legend={t('field.jurisdictions')} items={jurisdictionItems} selected={jurisdictions} onChange={setJurisdictions} />
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {t('users.createSubmit')}
              </button>
              <a className="button" href="#/users">
                {t('common.cancel')}
              </a>
            </div>
          </form>
        )
      )}
    </>
  );
}
