import { groundOf } from '@kamurj/domain/residence';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { residenceApi, type PersonResidence } from './api.ts';
import { fieldIssue } from './issues.ts';

const EMPTY = { region: '', community: '', line: '', registeredFrom: '', statusId: '' };

/** Registers the person's address; the open registration is closed the day before (server, ADR 0701). */
function AddressForm({ data, onDone }: { data: PersonResidence; onDone: () => void }) {
  const i = useI18n();
  const { t } = i;
  const [f, setF] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const issue = (field: string) => fieldIssue(i, error, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    residenceApi
      .registerAddress(data.personId, { region: f.region.trim().toUpperCase(), community: f.community.trim(), line: f.line.trim(), registeredFrom: f.registeredFrom, ...(f.statusId ? { statusId: f.statusId } : {}) })
      .then(() => { setF(EMPTY); onDone(); }, setError)
      .finally(() => setBusy(false));
  };
  return (
    <form className="stack" aria-labelledby="address-new-h" onSubmit={submit} noValidate>
      <h3 id="address-new-h">{t('residence.address.new')}</h3>
      <ErrorAlert error={error} />
      <TextField id="address-region" label={t('residence.address.region')} hint={t('residence.address.regionHint')} value={f.region} onChange={set('region')} required maxLength={20} error={issue('region')} />
      <TextField id="address-community" label={t('residence.address.community')} value={f.community} onChange={set('community')} required maxLength={200} error={issue('community')} />
      <TextField id="address-line" label={t('residence.address.line')} value={f.line} onChange={set('line')} required maxLength={300} error={issue('line')} />
      <TextField id="address-from" type="date" label={t('residence.address.from')} value={f.registeredFrom} onChange={set('registeredFrom')} required error={issue('registeredFrom')} />
      <SelectField id="address-status" label={t('residence.address.status')} value={f.statusId} onChange={set('statusId')} error={issue('statusId')}>
        <option value="">{t('residence.address.noStatus')}</option>
        {data.statuses.filter((s) => s.state !== 'withdrawn').map((s) => <option key={s.id} value={s.id}>{s.cardNumber}</option>)}
      </SelectField>
      <button type="submit" className="primary" disabled={busy}>{t('residence.address.register')}</button>
    </form>
  );
}

/**
 * The person's residence record on the person page (ADR 0701): visas, residence statuses (kind, ground,
 * card, validity, state) and address registrations, read-only and audited on the server; with
 * `residence.manage`, a form to register an address.
 */
export function ResidenceSection({ personId }: { personId: string }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const [saved, setSaved] = useState(false);
  const loaded = useLoad(can('residence.read') ? `residence-person:${personId}` : null, (signal) => residenceApi.person(personId, signal));
  if (!can('residence.read')) return null;
  const d = loaded.data;
  return (
    <section className="panel" aria-labelledby="residence-h">
      <h2 id="residence-h">{t('residence.title')}</h2>
      <ErrorAlert error={loaded.error} />
      {saved && <StatusMessage tone="success">{t('residence.address.saved')}</StatusMessage>}
      {d && (
        <>
          <h3>{t('visas.list')}</h3>
          {d.visas.length === 0 ? <p>{t('residence.none')}</p> : (
            <ul>{d.visas.map((v) => <li key={v.id}><a href={href(['visas', v.id])}>{v.number}</a> · {i.tx(`visas.type.${v.type}`, v.type)} · {i.date(v.validFrom)} – {i.date(v.validTo)} · {i.tx(`visas.state.${v.state}`, v.state)}</li>)}</ul>
          )}
          <h3>{t('residence.statuses')}</h3>
          {d.statuses.length === 0 ? <p>{t('residence.none')}</p> : (
            <table>
              <caption className="visually-hidden">{t('residence.statuses')}</caption>
              <thead><tr><th scope="col">{t('residence.kind')}</th><th scope="col">{t('residence.ground')}</th><th scope="col">{t('residence.card')}</th><th scope="col">{t('visas.validity')}</th><th scope="col">{t('visas.state')}</th></tr></thead>
              <tbody>
                {d.statuses.map((s) => (
                  <tr key={s.id}>
                    <td>{i.tx(`residence.kind.${s.kind}`, s.kind)}</td>
                    <td>{groundOf(s.ground)?.labels[i.lang] ?? s.ground}</td>
                    <td>{s.cardNumber}</td>
                    <td>{i.date(s.validFrom)} – {i.date(s.validTo)}</td>
                    <td>{i.tx(`visas.state.${s.state}`, s.state)}{s.withdrawalReason ? ` — ${s.withdrawalReason}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('residence.addresses')}</h3>
          {d.addresses.length === 0 ? <p>{t('residence.none')}</p> : (
            <ul className="address-list">{d.addresses.map((a) => <li key={a.id}>{a.line}, {a.community} ({a.region}) · {t('residence.address.period', { from: i.date(a.registeredFrom), to: a.registeredTo ? i.date(a.registeredTo) : t('residence.address.open') })}</li>)}</ul>
          )}
          {can('residence.manage') && <AddressForm data={d} onDone={() => { setSaved(true); loaded.reload(); }} />}
        </>
      )}
    </section>
  );
}
