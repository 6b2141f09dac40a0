import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { DocumentStatus, DocumentType } from './api.ts';
import { EditForm, type Editor } from './EditPanel.tsx';
import { checkFullDate, isoToday, sectionInput, sentence } from './edit-model.ts';
import { DATE_PROBLEM, DOC_STATUS, DOC_TYPE } from './labels.ts';
import { sortedByName, stateName } from './refs.ts';

const TYPES = Object.keys(DOC_TYPE) as DocumentType[];
const STATUSES = Object.keys(DOC_STATUS) as DocumentStatus[];
const NUMBER = /^[A-Za-z0-9 <\-/]+$/;

/** Documents: the status of each one recorded (valid, expired, lost, stolen, revoked), and a new one. */
export function DocumentEdit({ ed }: { ed: Editor }) {
  const i = useI18n();
  const { t } = i;
  const { refs, person } = ed;
  const [statuses, setStatuses] = useState<DocumentStatus[]>(person.documents.map((d) => d.status));
  const firstCountry = person.citizenships.find((c) => c.kind === 'country')?.code ?? '';
  const [f, setF] = useState({ type: 'passport' as DocumentType, number: '', issuingState: firstCountry, issueDate: '', expiryDate: '', status: 'valid' as DocumentStatus });
  const n = person.documents.length;
  const p = `documents.${n}`;

  const submit = () => {
    const docs = sectionInput.documents(person).map((d, k) => ({ ...d, status: statuses[k] ?? d.status }));
    const changed = docs.some((d, k) => d.status !== person.documents[k]?.status);
    const adding = f.number.trim() !== '';
    if (!adding && !changed) return ed.invalid({ [`${p}.number`]: t('persons.edit.documentNeeded') });
    if (adding) {
      const errors: Record<string, string> = {};
      if (!NUMBER.test(f.number.trim())) errors[`${p}.number`] = t('persons.edit.documentNumberRule');
      if (!f.issuingState) errors[`${p}.issuingState`] = t('persons.edit.chooseFirst');
      const issued = f.issueDate ? checkFullDate(f.issueDate, isoToday()) : null;
      if (issued) errors[`${p}.issueDate`] = t(DATE_PROBLEM[issued]);
      const expires = f.expiryDate ? checkFullDate(f.expiryDate, null) : null;
      if (expires) errors[`${p}.expiryDate`] = t(DATE_PROBLEM[expires]);
      else if (f.issueDate && f.expiryDate && f.expiryDate < f.issueDate) errors[`${p}.expiryDate`] = sentence(t('issue.PERSONS.EXPIRY_BEFORE_ISSUE'));
      if (Object.keys(errors).length) return ed.invalid(errors);
      docs.push({ type: f.type, number: f.number.trim(), issuingState: f.issuingState, issueDate: f.issueDate || null, expiryDate: f.expiryDate || null, status: f.status, mrz: null });
    }
    ed.save({ documents: docs });
  };

  const issuers = [...refs.statuses, ...sortedByName(i, refs.countries), ...refs.otherCodes];
  return (
    <EditForm ed={ed} legend={t('persons.edit.documents')} onSubmit={submit}>
      {person.documents.length > 0 && (
        <ul className="edit-list" aria-label={t('persons.edit.recordedDocuments')}>
          {person.documents.map((d, k) => (
            <li key={d.id}>
              <span className="grow">
                {t(DOC_TYPE[d.type])} <code>{d.number}</code> · {stateName(i, refs, d.issuingState)}
              </span>
              <SelectField
                id={ed.id(`documents.${k}.status`)}
                label={t('persons.edit.statusOf', { number: d.number })}
                value={statuses[k] ?? d.status}
                onChange={(v) => setStatuses(statuses.map((s, x) => (x === k ? (v as DocumentStatus) : s)))}
                error={ed.error(`documents.${k}.status`)}
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(DOC_STATUS[s])}
                  </option>
                ))}
              </SelectField>
            </li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>{t('persons.edit.newDocument')}</legend>
        <p className="hint">{t('persons.edit.newDocumentHint')}</p>
        <div className="form-grid">
          <SelectField id={ed.id(`${p}.type`)} label={t('persons.docType')} value={f.type} onChange={(v) => setF({ ...f, type: v as DocumentType })} error={ed.error(`${p}.type`)}>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(DOC_TYPE[x])}
              </option>
            ))}
          </SelectField>
          <TextField id={ed.id(`${p}.number`)} label={t('persons.docNumber')} hint={t('persons.edit.documentNumberRule')} value={f.number} onChange={(number) => setF({ ...f, number })} maxLength={40} error={ed.error(`${p}.number`)} />
          <SelectField id={ed.id(`${p}.issuingState`)} label={t('persons.issuingState')} value={f.issuingState} onChange={(issuingState) => setF({ ...f, issuingState })} error={ed.error(`${p}.issuingState`)}>
            <option value="">{t('persons.edit.choose')}</option>
            {issuers.map((c) => (
              <option key={c.key} value={c.key}>
                {stateName(i, refs, c.key)}
              </option>
            ))}
          </SelectField>
          <TextField id={ed.id(`${p}.issueDate`)} type="date" label={t('persons.issueDate')} value={f.issueDate} onChange={(issueDate) => setF({ ...f, issueDate })} error={ed.error(`${p}.issueDate`)} />
          <TextField id={ed.id(`${p}.expiryDate`)} type="date" label={t('persons.expiryDate')} value={f.expiryDate} onChange={(expiryDate) => setF({ ...f, expiryDate })} error={ed.error(`${p}.expiryDate`)} />
          <SelectField id={ed.id(`${p}.status`)} label={t('field.status')} value={f.status} onChange={(v) => setF({ ...f, status: v as DocumentStatus })} error={ed.error(`${p}.status`)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(DOC_STATUS[s])}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>
    </EditForm>
  );
}
