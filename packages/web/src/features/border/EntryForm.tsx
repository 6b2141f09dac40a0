import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { borderApi, type ListKind } from './api.ts';
import { DOC_LIST_STATUS, HIT_ACTION } from './labels.ts';

const ACTIONS = ['refuse_entry', 'second_line', 'detain', 'notify_agency', 'record_only'] as const;
const DOC_TYPES = ['passport', 'id_card', 'travel_document', 'visa', 'residence_permit', 'other'] as const;

/** A new list entry: a person (names in any script, one per line) or a document. */
export function EntryForm({ kind, onCreated }: { kind: ListKind; onCreated: () => void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ names: '', birthDate: '', nationality: '', documents: '', reason: '', action: kind === 'entry_ban' ? 'refuse_entry' : 'second_line', from: '', until: '', years: '', number: '', issuingState: '', documentType: 'passport', status: 'stolen', reportedOn: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> =
      kind === 'document'
        ? { number: f.number, issuingState: f.issuingState, documentType: f.documentType, status: f.status, reportedOn: f.reportedOn, ...(f.reason.trim() ? { reason: f.reason.trim() } : {}), action: f.action }
        : {
            names: f.names.split('\n').map((n) => n.trim()).filter(Boolean),
            reason: f.reason.trim(),
            action: f.action,
            ...(f.birthDate ? { birthDate: f.birthDate } : {}),
            ...(f.nationality ? { nationality: f.nationality } : {}),
            ...(f.documents.trim() ? { documents: f.documents.split(/[\s,]+/).filter(Boolean).map((number) => ({ number })) } : {}),
            ...(kind === 'entry_ban' ? { ban: { from: f.from, ...(f.years ? { duration: { years: Number(f.years) } } : { until: f.until || null }) } } : {}),
          };
    setBusy(true);
    setError(null);
    try {
      await borderApi.createEntry(kind, body);
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="entry-form-heading">
      <h2 id="entry-form-heading">{t('border.lists.add')}</h2>
      <ErrorAlert error={error} />
      {kind !== 'document' ? (
        <>
          <div className="field">
            <label htmlFor="entry-names">{t('border.lists.names')}</label>
            <p className="hint" id="entry-names-hint">
              {t('border.lists.namesHint')}
            </p>
            <textarea id="entry-names" rows={3} value={f.names} onChange={(e) => set('names')(e.target.value)} aria-describedby="entry-names-hint" required />
          </div>
          <div className="form-grid">
            <TextField id="entry-birth" label={t('border.birthDate')} hint={t('border.partialDateHint')} value={f.birthDate} onChange={set('birthDate')} maxLength={10} />
            <TextField id="entry-nationality" label={t('border.nationality')} value={f.nationality} onChange={set('nationality')} maxLength={3} />
            <TextField id="entry-documents" label={t('border.lists.documents')} value={f.documents} onChange={set('documents')} maxLength={300} />
            {kind === 'entry_ban' && (
              <>
                <TextField id="ban-from" type="date" label={t('border.lists.banFrom')} value={f.from} onChange={set('from')} required />
                <TextField id="ban-years" type="number" min={0} max={99} label={t('border.lists.banYears')} value={f.years} onChange={set('years')} />
                <TextField id="ban-until" type="date" label={t('border.lists.banUntil')} value={f.until} onChange={set('until')} disabled={f.years !== ''} />
              </>
            )}
          </div>
        </>
      ) : (
        <div className="form-grid">
          <TextField id="doc-number" label={t('border.documentNumber')} value={f.number} onChange={set('number')} required maxLength={30} />
          <TextField id="doc-issuer" label={t('border.issuingState')} value={f.issuingState} onChange={set('issuingState')} required maxLength={3} />
          <SelectField id="doc-type" label={t('border.documentType')} value={f.documentType} onChange={set('documentType')}>
            {DOC_TYPES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </SelectField>
          <SelectField id="doc-status" label={t('border.lists.status')} value={f.status} onChange={set('status')}>
            {Object.entries(DOC_LIST_STATUS).map(([k, v]) => (
              <option key={k} value={k}>
                {t(v)}
              </option>
            ))}
          </SelectField>
          <TextField id="doc-reported" type="date" label={t('border.lists.reportedOn')} value={f.reportedOn} onChange={set('reportedOn')} required />
        </div>
      )}
      <div className="form-grid">
        <TextField id="entry-reason" label={t('border.lists.reason')} value={f.reason} onChange={set('reason')} required={kind !== 'document'} maxLength={2000} />
        <SelectField id="entry-action" label={t('border.lists.action')} value={f.action} onChange={set('action')}>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(HIT_ACTION[a]!)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('border.lists.addButton')}
        </button>
      </div>
    </form>
  );
}
