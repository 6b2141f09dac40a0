import { useState, type FormEvent } from 'react';
import { ErrorAlert, MessageAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { href, navigate } from '../../router.ts';
import type { PersonSummary } from '../persons/api.ts';
import { PersonPicker } from '../persons/PersonPicker.tsx';
import { residenceApi } from './api.ts';
import { fieldIssue } from './issues.ts';

const TYPES = ['visitor', 'official', 'diplomatic', 'transit', 'e_visa'] as const;
const ENTRIES = ['single', 'double', 'multiple'] as const;

/**
 * Records a visa by hand (a paper visa issued at a post): the holder found by the registry search, then
 * the visa's particulars. The server's field issues (dates in the wrong order, a number already recorded)
 * are shown under their fields; on success the new visa's page opens. The page's heading is `#visa-new-h`.
 */
export function VisaForm() {
  const i = useI18n();
  const { t } = i;
  const [holder, setHolder] = useState<PersonSummary | null>(null);
  const [f, setF] = useState({ type: 'visitor', number: '', issuingPost: '', validFrom: '', validTo: '', stayDays: '30', entries: 'single' });
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const issue = (field: string) => fieldIssue(i, error, field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setProblem(null);
    if (!holder) return setProblem(t('visas.new.holderNeeded'));
    setBusy(true);
    residenceApi
      .createVisa({ personId: holder.id, type: f.type, number: f.number.trim(), issuingPost: f.issuingPost.trim(), validFrom: f.validFrom, validTo: f.validTo, stayDays: Number(f.stayDays), entries: f.entries })
      .then((v) => navigate(href(['visas', v.id])), setError)
      .finally(() => setBusy(false));
  };

  return (
    <form className="stack" aria-labelledby="visa-new-h" onSubmit={submit} noValidate>
      <MessageAlert message={problem} />
      <ErrorAlert error={error} />
      {holder ? (
        <p>
          {t('visas.holder')}: <strong>{holder.name}</strong>{' '}
          <button type="button" onClick={() => setHolder(null)}>{t('visas.new.otherHolder')}</button>
        </p>
      ) : (
        <PersonPicker id="visa-holder" label={t('visas.new.findHolder')} purpose="casework" exclude={[]} onChoose={setHolder} />
      )}
      <SelectField id="visa-type" label={t('visas.type')} value={f.type} onChange={set('type')} required error={issue('type')}>
        {TYPES.map((x) => <option key={x} value={x}>{t(`visas.type.${x}`)}</option>)}
      </SelectField>
      <TextField id="visa-number" label={t('visas.number')} value={f.number} onChange={set('number')} required maxLength={40} error={issue('number')} />
      <TextField id="visa-post" label={t('visas.issuingPost')} value={f.issuingPost} onChange={set('issuingPost')} required maxLength={100} error={issue('issuingPost')} />
      <TextField id="visa-from" type="date" label={t('visas.validFrom')} value={f.validFrom} onChange={set('validFrom')} required error={issue('validFrom')} />
      <TextField id="visa-to" type="date" label={t('visas.validTo')} value={f.validTo} onChange={set('validTo')} required error={issue('validTo')} />
      <TextField id="visa-days" type="number" inputMode="numeric" min={1} max={3660} label={t('visas.stayDays')} value={f.stayDays} onChange={set('stayDays')} required error={issue('stayDays')} />
      <SelectField id="visa-entries" label={t('visas.entries')} value={f.entries} onChange={set('entries')} required error={issue('entries')}>
        {ENTRIES.map((x) => <option key={x} value={x}>{t(`visas.entries.${x}`)}</option>)}
      </SelectField>
      <button type="submit" className="primary" disabled={busy}>{t('visas.new.record')}</button>
    </form>
  );
}
