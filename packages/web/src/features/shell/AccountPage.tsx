import { useState } from 'react';
import { StatusMessage } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { rolesText } from '../../i18n/labels.ts';
import { useSession } from '../../session.tsx';
import { PasswordChangeForm } from '../auth/PasswordChangeForm.tsx';
import { ScopeList } from './ScopeList.tsx';

/** The signed-in person's own account: who they are, where they work, and changing their password. */
export function AccountPage() {
  const i = useI18n();
  const { t } = i;
  const { me, setMe } = useSession();
  const [changed, setChanged] = useState(false);
  const u = me.user;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <dl className="kv">
        <dt>{t('field.username')}</dt>
        <dd>{u.username}</dd>
        <dt>{t('field.displayName')}</dt>
        <dd>{u.displayName}</dd>
        <dt>{t('field.agency')}</dt>
        <dd>{i.name(u.agency.name)}</dd>
        <dt>{t('field.roles')}</dt>
        <dd>{rolesText(i, u.roles) || '—'}</dd>
        <dt>{t('account.mfa')}</dt>
        <dd>{u.mfaEnabled ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('account.sessionEnds')}</dt>
        <dd>{i.dateTime(me.absoluteExpiresAt)}</dd>
      </dl>
      <h2>{t('landing.scopes')}</h2>
      <ScopeList items={u.jurisdictions} />
      <section className="panel" aria-labelledby="pw-heading">
        <h2 id="pw-heading">{t('account.changePassword')}</h2>
        {changed && <StatusMessage tone="success">{t('account.passwordChanged')}</StatusMessage>}
        <PasswordChangeForm
          onDone={(next) => {
            setChanged(true);
            setMe(next);
          }}
        />
      </section>
    </>
  );
}
