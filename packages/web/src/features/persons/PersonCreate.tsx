import { useState, type FormEvent } from 'react';
import { ErrorAlert, MessageAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/fields.tsx';
import { lookups } from '../../components/lookups.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href, navigate } from '../../router.ts';
import { personsApi, type Candidate, type Draft, type MrzResult } from './api.ts';
import { PersonCell, PurposeSelect } from './common.tsx';
import { Explanation } from './Explanation.tsx';
import { DOC_TYPE, SEX, type ReadPurpose } from './labels.ts';

const WRITE_PURPOSES = new Set(['border_control', 'casework', 'data_quality']);

/** Create a person from a document: MRZ → parsed preview → the name as written → duplicates → save. */
export function PersonCreate({ purpose, setPurpose }: { purpose: ReadPurpose; setPurpose: (p: ReadPurpose) => void }) {
  const i = useI18n();
  const { t } = i;
  const [mrz, setMrz] = useState('');
  const [parsed, setParsed] = useState<MrzResult | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [native, setNative] = useState({ surname: '', givenNames: '' });
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState(false);
  const regions = useLoad('jurisdictions', () => lookups.jurisdictions());

  const withNative = (d: Draft): Draft =>
    native.surname.trim() || native.givenNames.trim()
      ? { ...d, names: [{ surname: native.surname.trim(), givenNames: native.givenNames.trim(), patronymic: null, kind: 'as-written', source: null }, ...d.names] }
      : d;

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const read = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const r = await personsApi.fromDocument(mrz, purpose);
      setParsed(r.mrz);
      setDraft(r.draft);
      setCandidates(r.duplicates);
      setChecked(true);
    });
  };
  const recheck = () => void act(async () => setCandidates((await personsApi.check(withNative(draft!), purpose)).duplicates));
  const save = () =>
    void act(async () => {
      const r = await personsApi.create(withNative(draft!), WRITE_PURPOSES.has(purpose) ? purpose : 'casework', 'document');
      navigate(href(['persons', r.person.id]));
    });

  return (
    <>
      <h1>{t('persons.createTitle')}</h1>
      <p className="actions">
        <a href="#/persons">{t('persons.backToSearch')}</a>
      </p>
      <form className="stack form-wide" onSubmit={read}>
        <div className="field">
          <label htmlFor="mrz-text">{t('persons.mrz')}</label>
          <p className="hint" id="mrz-text-hint">
            {t('persons.mrzHint')}
          </p>
          <textarea id="mrz-text" rows={3} cols={46} spellCheck={false} className="mono" value={mrz} maxLength={1000} aria-describedby="mrz-text-hint" onChange={(e) => setMrz(e.target.value)} />
        </div>
        <PurposeSelect id="create-purpose" purpose={purpose} setPurpose={setPurpose} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || mrz.trim() === ''}>
            {t('persons.readDocument')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {parsed && draft && (
        <section className="panel stack" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('persons.preview')}</h2>
          {!parsed.valid && <MessageAlert message={t('persons.mrzInvalid', { errors: parsed.errors.map((e) => `${e.field}: ${e.code}`).join('; ') })} />}
          <dl className="kv">
            <dt>{t('persons.surname')}</dt>
            <dd>{parsed.surname}</dd>
            <dt>{t('persons.givenNames')}</dt>
            <dd>{parsed.givenNames}</dd>
            <dt>{t('persons.birthDate')}</dt>
            <dd>{parsed.birthDate ?? t('persons.unknownBirth')}</dd>
            <dt>{t('persons.sex')}</dt>
            <dd>{draft.sex ? t(SEX[draft.sex]) : '—'}</dd>
            <dt>{t('persons.nationality')}</dt>
            <dd>{parsed.nationality}</dd>
            <dt>{t('persons.documents')}</dt>
            <dd>{draft.documents.map((d) => `${t(DOC_TYPE[d.type])} ${d.issuingState} ${d.number} → ${d.expiryDate ?? '—'}`).join('; ')}</dd>
          </dl>
          <fieldset className="stack">
            <legend>{t('persons.nativeName')}</legend>
            <p className="hint">{t('persons.nativeNameHint')}</p>
            <TextField id="native-surname" label={t('persons.surname')} value={native.surname} onChange={(surname) => setNative({ ...native, surname })} maxLength={200} />
            <TextField id="native-given" label={t('persons.givenNames')} value={native.givenNames} onChange={(givenNames) => setNative({ ...native, givenNames })} maxLength={200} />
          </fieldset>
          <SelectField id="create-region" label={t('persons.registeredIn')} value={draft.registeredIn ?? ''} onChange={(v) => setDraft({ ...draft, registeredIn: v || null })}>
            <option value="">{t('persons.registeredDefault')}</option>
            {(regions.data ?? [])
              .filter((j) => j.kind === 'marz')
              .map((j) => (
                <option key={j.id} value={j.code}>
                  {i.name(j.name)}
                </option>
              ))}
          </SelectField>
          <CheckboxField id="create-asylum" label={t('persons.protection.asylum_seeker')} checked={draft.protection.asylumSeeker} onChange={(asylumSeeker) => setDraft({ ...draft, protection: { ...draft.protection, asylumSeeker } })} />
          <CheckboxField id="create-trafficking" label={t('persons.protection.trafficking_victim')} checked={draft.protection.traffickingVictim} onChange={(traffickingVictim) => setDraft({ ...draft, protection: { ...draft.protection, traffickingVictim } })} />
          <section aria-labelledby="cand-heading">
            <h3 id="cand-heading">{t('persons.candidates')}</h3>
            <p role="status">{checked ? (candidates.length ? t('persons.candidatesFound', { count: candidates.length }) : t('persons.noCandidates')) : ''}</p>
            <ul className="hits">
              {candidates.map((c) => (
                <li key={c.person.id} className="hit">
                  <PersonCell person={c.person} />
                  <Explanation explanation={c.explanation} score={c.score} />
                </li>
              ))}
            </ul>
          </section>
          <div className="actions">
            <button type="button" onClick={recheck} disabled={busy}>
              {t('persons.recheck')}
            </button>
            <button type="button" className="primary" id="create-save" onClick={save} disabled={busy}>
              {t('persons.save')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
