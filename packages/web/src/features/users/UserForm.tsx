import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Jurisdiction, RoleInfo, UserView } from '../../api/types.ts';
import { ErrorAlert, MessageAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField, TextField } from '../../components/fields.tsx';
import { JurisdictionPicker } from '../../components/JurisdictionPicker.tsx';
import { useT } from '../../i18n/index.tsx';
import { usersApi, type UserChanges } from './api.ts';
import { RolePicker } from './RolePicker.tsx';

const sameSet = (a: ReadonlySet<string>, b: readonly string[]) => a.size === b.length && b.every((x) => a.has(x));

/**
 * Edits one version of a user. Only changed fields are sent, with the version read; a 409 hands the
 * server's current state to onConflict (the page then shows it with a "changed by someone else" note).
 */
export function UserForm(props: {
  user: UserView;
  roles: readonly RoleInfo[];
  jurisdictions: readonly Jurisdiction[];
  onSaved: (u: UserView) => void;
  onConflict: (current: UserView | null) => void;
}) {
  const t = useT();
  const { user } = props;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Set<string>>(new Set(user.roles));
  const [jurisdictions, setJurisdictions] = useState<Set<string>>(new Set(user.jurisdictions.map((j) => j.id)));
  const [disabled, setDisabled] = useState(user.disabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    const changes: UserChanges = { version: user.version };
    if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
    if (!sameSet(roles, user.roles)) changes.roles = [...roles];
    const heldIds = user.jurisdictions.map((j) => j.id);
    if (!sameSet(jurisdictions, heldIds)) changes.jurisdictionIds = [...jurisdictions];
    if (disabled !== user.disabled) changes.disabled = disabled;
    if (Object.keys(changes).length === 1) return setLocal(t('common.noChanges'));
    if (roles.size === 0) return setLocal(t('users.needRole'));
    setBusy(true);
    try {
      props.onSaved(await usersApi.update(user.id, changes));
    } catch (err) {
      if (isApiError(err) && err.code === 'CONFLICT.STALE_VERSION') {
        props.onConflict((err.body.current as UserView | undefined) ?? null);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack form-wide">
      <MessageAlert message={local} />
      <ErrorAlert error={error} />
      <TextField id="edit-displayName" label={t('field.displayName')} value={displayName} onChange={setDisplayName} required maxLength={200} />
      <RolePicker roles={props.roles} held={user.roles} selected={roles} onChange={setRoles} />
      <JurisdictionPicker legend={t('field.jurisdictions')} items={props.jurisdictions} selected={jurisdictions} onChange={setJurisdictions} />
      <CheckboxField id="edit-disabled" label={t('users.disableAccount')} checked={disabled} onChange={setDisabled} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
