import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { AllowedAction, CaseDetail, FieldSpec, TimelineEntry } from './api.ts';
import { actionLabel, fieldLabel, FROM_REGISTRY } from './labels.ts';

/** A form value → the payload value of its field type (empty optional fields are left out). */
export function toValue(f: FieldSpec, raw: string): unknown {
  switch (f.type) {
    case 'integer':
    case 'number':
      return Number(raw);
    case 'boolean':
      return raw === 'true';
    case 'string-list':
      return raw.split(',').map((s) => s.trim()).filter(Boolean);
    default:
      return raw;
  }
}

export function Input({ id, f, value, onChange, options }: { id: string; f: FieldSpec; value: string; onChange: (v: string) => void; options?: { value: string; label: string }[] }) {
  const { t } = useI18n();
  const common = { id, required: f.required, value, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  if (options || f.type === 'enum' || f.type === 'boolean') {
    const opts = options ?? (f.type === 'boolean' ? [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }] : (f.values ?? []).map((v) => ({ value: v, label: v })));
    return (
      <select {...common}>
        <option value="">{t('cases.choose')}</option>
        {opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  }
  if (f.type === 'text') return <textarea {...common} rows={3} maxLength={f.maxLength ?? undefined} />;
  const type = f.type === 'date' ? 'date' : f.type === 'integer' || f.type === 'number' ? 'number' : 'text';
  return <input {...common} type={type} maxLength={f.maxLength ?? undefined} />;
}

/** What changed since the version the user saw (the 409 body lists the actions recorded since). */
export function StaleNotice({ error }: { error: unknown }) {
  const i = useI18n();
  if (!isApiError(error) || error.code !== 'CASE.STALE_VERSION') return null;
  const since = (error.body.since ?? []) as TimelineEntry[];
  return (
    <div className="alert alert-error" role="alert">
      <p>{i.t('cases.stale')}</p>
      <ul>
        {since.map((a) => (
          <li key={a.seq}>{a.seq}. {actionLabel(i, a.code, a.label)} — {a.actor.name}, {i.date(a.date)}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A form generated from the action's field list (and, for decisions, its outcomes and legal bases).
 * Submits on the version the page shows; the server answers with the case or names the rule refused.
 */
export function ActionForm({ c, a, onDone, staff, submit }: {
  c: CaseDetail;
  a: AllowedAction;
  onDone: (next: CaseDetail) => void;
  staff: { id: string; name: string }[];
  submit: (body: { code: string; baseVersion: number; payload: Record<string, unknown>; override?: { reason: string } }) => Promise<CaseDetail>;
}) {
  const i = useI18n();
  const { t } = i;
  const [values, setValues] = useState<Record<string, string>>({});
  const [override, setOverride] = useState('');
  const [error, setError] = useState<unknown>(null);
  // Fields the server fills from its registries are optional here (ADR 0404).
  const fields: FieldSpec[] = a.fields.map((f) => (FROM_REGISTRY.has(f.name) ? { ...f, required: false } : f));
  if (a.decision) {
    if (a.decision.outcomes.length > 1) fields.push({ name: 'outcome', type: 'enum', required: true, values: a.decision.outcomes, maxLength: null });
    fields.push({ name: 'legalBasis', type: 'enum', required: true, values: a.decision.legalBases.map((b) => b.code), maxLength: null });
  }
  const options = (f: FieldSpec) =>
    f.name === 'assigneeId' ? staff.map((s) => ({ value: s.id, label: s.name }))
      : f.name === 'legalBasis' ? a.decision?.legalBases.map((b) => ({ value: b.code, label: `${b.code} — ${b.citation}` }))
        : f.name === 'consentId' ? c.consents.filter((x) => !x.withdrawnOn).map((x) => ({ value: x.id, label: `${x.givenBy}: ${x.purpose}` }))
          : undefined;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const payload = Object.fromEntries(fields.filter((f) => (values[f.name] ?? '') !== '').map((f) => [f.name, toValue(f, values[f.name]!)]));
        submit({ code: a.code, baseVersion: c.version, payload, ...(override.trim() ? { override: { reason: override.trim() } } : {}) }).then((next) => {
          setValues({});
          setOverride('');
          onDone(next);
        }, setError);
      }}
    >
      <StaleNotice error={error} />
      {!(isApiError(error) && error.code === 'CASE.STALE_VERSION') && <ErrorAlert error={error} />}
      {fields.map((f) => {
        const id = `f-${a.code}-${f.name}`;
        const opts = options(f);
        return (
          <div className="field" key={f.name}>
            <label htmlFor={id}>{fieldLabel(i, f.name)}{f.required ? ' *' : ''}</label>
            <Input id={id} f={f} value={values[f.name] ?? ''} onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))} {...(opts ? { options: opts } : {})} />
          </div>
        );
      })}
      {a.overridable && (
        <div className="field">
          <label htmlFor={`f-${a.code}-override`}>{t('cases.overrideReason')}</label>
          <textarea id={`f-${a.code}-override`} rows={2} value={override} onChange={(e) => setOverride(e.target.value)} />
        </div>
      )}
      <button type="submit" className="primary">{actionLabel(i, a.code, a.label)}</button>
    </form>
  );
}
