import { MACHINE_ACTIONS } from '@kamurj/domain/access';
import { useState, type FormEvent } from 'react';
import type { TokenView } from '../../api/types.ts';
import { ErrorAlert, MessageAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { JurisdictionPicker } from '../../components/JurisdictionPicker.tsx';
import { lookups } from '../../components/lookups.ts';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { actionLabel } from '../../i18n/labels.ts';
import { tokensApi } from './api.ts';

/** Actions a machine may be given: everything except managing one's own session. */
const TOKEN_ACTIONS = MACHINE_ACTIONS;

export function TokenCreate() {
  const i = useI18n();
  const { t } = i;
  const jurisdictions = useLoad('jurisdictions', () => lookups.jurisdictions());
  const [name, setName] = useState('');
  const [actions, setActions] = useState<Set<string>>(new Set());
  const [scopes, setScopes] = useState<Set<string>>(new Set());
  const [days, setDays] = useState('90');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [created, setCreated] = useState<{ token: TokenView; secret: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    if (actions.size === 0) return setLocal(t('tokens.needAction'));
    const d = days.trim() === '' ? undefined : Number(days);
    if (d !== undefined && (!Number.isInteger(d) || d < 1 || d > 3650)) return setLocal(t('tokens.badDays'));
    setBusy(true);
    try {
      const body = { name: name.trim(), actions: [...actions], jurisdictionIds: [...scopes] };
      setCreated(await tokensApi.create(d === undefined ? body : { ...body, expiresInDays: d }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('tokens.createTitle')}</h1>
      <p>
        <a href="#/tokens">{t('tokens.backToList')}</a>
      </p>
      <ErrorAlert error={jurisdictions.error} />
      {created ? (
        <section className="panel" aria-labelledby="token-created">
          <h2 id="token-created">{t('tokens.createdTitle')}</h2>
          <StatusMessage tone="success">{t('tokens.createdText', { name: created.token.name })}</StatusMessage>
          <OneTimeSecret id="token-secret" label={t('tokens.secret')} value={created.secret} />
          <p>
            <a className="button" href="#/tokens">
              {t('tokens.backToList')}
            </a>
          </p>
        </section>
      ) : (
        <form onSubmit={submit} className="stack form-wide">
          <MessageAlert message={local} />
          <ErrorAlert error={error} />
          <TextField id="token-name" label={t('field.name')} hint={t('tokens.nameHint')} value={name} onChange={setName} required maxLength={100} />
          <CheckboxGroup
            legend={t('field.actions')}
            name="actions"
            options={TOKEN_ACTIONS.map((a) => ({ value: a, label: actionLabel(i, a), hint: a }))}
            selected={actions}
            onChange={setActions}
            columns
          />
          <JurisdictionPicker legend={t('field.jurisdictions')} items={jurisdictions.data ?? []} selected={scopes} onChange={setScopes} />
          <TextField
            id="token-days"
            label={t('tokens.expiryDays')}
            hint={t('tokens.expiryHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={days}
            onChange={setDays}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('tokens.createSubmit')}
            </button>
            <a className="button" href="#/tokens">
              {t('common.cancel')}
            </a>
          </div>
        </form>
      )}
    </>
  );
}
