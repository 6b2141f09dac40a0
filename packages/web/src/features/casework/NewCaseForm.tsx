import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href, navigate } from '../../router.ts';
import type { PersonSummary } from '../persons/api.ts';
import { PersonPicker } from '../persons/PersonPicker.tsx';
import { Input, toValue } from './ActionForm.tsx';
import { casesApi, type FieldSpec } from './api.ts';
import { actionLabel, fieldLabel, FROM_REGISTRY } from './labels.ts';
import './casework.css';


/**
 * Opens a case: its type, the person it is about (found with the registry search), the office, and the
 * type's first action with the fields its table asks for. The server runs the module's checks with the
 * opening (e.g. the pre-decision checks of a residence application) and refuses naming the rule.
 */
export function NewCaseForm() {
  const i = useI18n();
  const { t } = i;
  const types = useLoad('case-types', (signal) => casesApi.types(signal));
  const offices = useLoad('case-offices', (signal) => casesApi.offices(signal));
  const [type, setType] = useState('');
  const [office, setOffice] = useState('');
  const [title, setTitle] = useState('');
  const [subject, setSubject] = useState<PersonSummary | null>(null);
  const [actionCode, setActionCode] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const info = types.data?.items.find((x) => x.code === type);
  const opening = info?.openingActions ?? [];
  const action = opening.find((a) => a.code === (actionCode || opening[0]?.code));
  const fields: FieldSpec[] = (action?.fields ?? []).filter((f) => f.name !== 'applicantId' && f.name !== 'workerId').map((f) => (FROM_REGISTRY.has(f.name) ? { ...f, required: false } : f));
  const officeChoice = office || offices.data?.items[0]?.code || '';

  const submit = () => {
    setError(null);
    setBusy(true);
    const payload = Object.fromEntries(fields.filter((f) => (values[f.name] ?? '') !== '').map((f) => [f.name, toValue(f, values[f.name]!)]));
    casesApi
      .create({
        type,
        title: title.trim() || `${i.tx(`case.type.${type}`, info?.label ?? type)} — ${subject?.name ?? ''}`.trim(),
        office: officeChoice,
        ...(subject ? { subjectPersonIds: [subject.id] } : {}),
        ...(action && actionCode !== '-' ? { action: { code: action.code, payload } } : {}),
      })
      .then((c) => navigate(href(['cases', c.id])), setError)
      .finally(() => setBusy(false));
  };

  return (
    <>
      <p><a href={href(['cases'])}>{t('cases.back')}</a></p>
      <h1>{t('cases.new.title')}</h1>
      <ErrorAlert error={types.error ?? offices.error} />
      <form className="stack panel" aria-labelledby="new-case-h" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <h2 id="new-case-h">{t('cases.new.case')}</h2>
        <div className="field">
          <label htmlFor="nc-type">{t('cases.type')} *</label>
          <select id="nc-type" required value={type} onChange={(e) => { setType(e.target.value); setActionCode(''); setValues({}); }}>
            <option value="">{t('cases.choose')}</option>
            {types.data?.items.map((x) => <option key={x.code} value={x.code}>{i.tx(`case.type.${x.code}`, x.label)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="nc-office">{t('cases.new.office')} *</label>
          <select id="nc-office" required value={officeChoice} onChange={(e) => setOffice(e.target.value)}>
            {offices.data?.items.map((o) => <option key={o.code} value={o.code}>{i.name(o.name)} ({o.code})</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="nc-title">{t('cases.title')}</label>
          <input id="nc-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <fieldset className="stack">
          <legend>{t('cases.new.subject')}</legend>
          <p role="status" id="nc-subject">{subject ? t('cases.new.subjectChosen', { name: subject.name }) : t('cases.new.subjectNone')}</p>
          <PersonPicker id="nc-person" label={t('cases.new.findPerson')} purpose="casework" exclude={subject ? [subject.id] : []} onChoose={setSubject} />
        </fieldset>
        {opening.length > 0 && (
          <fieldset className="stack">
            <legend>{t('cases.new.firstAction')}</legend>
            <div className="field">
              <label htmlFor="nc-action">{t('cases.new.action')}</label>
              <select id="nc-action" value={actionCode || opening[0]!.code} onChange={(e) => setActionCode(e.target.value)}>
                {opening.map((a) => <option key={a.code} value={a.code}>{actionLabel(i, a.code, a.label)}</option>)}
                <option value="-">{t('cases.new.draftOnly')}</option>
              </select>
            </div>
            {actionCode !== '-' && <p className="hint">{t('cases.new.registryHint')}</p>}
            {actionCode !== '-' && fields.map((f) => {
              const id = `nc-${f.name}`;
              return (
                <div className="field" key={f.name}>
                  <label htmlFor={id}>{fieldLabel(i, f.name)}{f.required ? ' *' : ''}</label>
                  <Input id={id} f={f} value={values[f.name] ?? ''} onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))} />
                </div>
              );
            })}
          </fieldset>
        )}
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy || !type || !officeChoice}>{t('cases.new.open')}</button>
      </form>
    </>
  );
}
