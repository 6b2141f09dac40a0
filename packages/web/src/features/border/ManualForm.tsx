import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DOC_TYPE } from '../persons/labels.ts';
import type { ManualDocument } from './api.ts';

const TYPES = ['passport', 'id_card', 'travel_document', 'residence_permit', 'other'] as const;

/** The document typed by hand, when there is no readable MRZ. */
export function ManualForm({ onSubmit, disabled }: { onSubmit: (m: ManualDocument) => void; disabled: boolean }) {
  const { t } = useI18n();
  const [f, setF] = useState({ documentType: 'passport', documentNumber: '', issuingState: '', nationality: '', surname: '', givenNames: '', birthDate: '', sex: '', expiryDate: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    onSubmit({
      documentType: f.documentType,
      documentNumber: f.documentNumber,
      issuingState: f.issuingState,
      surname: f.surname,
      givenNames: f.givenNames,
      ...(f.nationality ? { nationality: f.nationality } : {}),
      ...(f.birthDate ? { birthDate: f.birthDate } : {}),
      ...(f.sex === 'M' || f.sex === 'F' || f.sex === 'X' ? { sex: f.sex } : {}),
      ...(f.expiryDate ? { expiryDate: f.expiryDate } : {}),
    });
  };
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="manual-heading">
      <h2 id="manual-heading">{t('border.manualTitle')}</h2>
      <div className="form-grid">
        <SelectField id="m-type" label={t('border.documentType')} value={f.documentType} onChange={set('documentType')}>
          {TYPES.map((x) => (
            <option key={x} value={x}>
              {t(DOC_TYPE[x])}
            </option>
          ))}
        </SelectField>
        <TextField id="m-number" label={t('border.documentNumber')} value={f.documentNumber} onChange={set('documentNumber')} required maxLength={30} />
        <TextField id="m-issuer" label={t('border.issuingState')} hint={t('border.stateHint')} value={f.issuingState} onChange={set('issuingState')} required maxLength={3} />
        <TextField id="m-nationality" label={t('border.nationality')} value={f.nationality} onChange={set('nationality')} maxLength={3} />
        <TextField id="m-surname" label={t('border.surname')} value={f.surname} onChange={set('surname')} required maxLength={100} />
        <TextField id="m-given" label={t('border.givenNames')} value={f.givenNames} onChange={set('givenNames')} maxLength={100} />
        <TextField id="m-birth" label={t('border.birthDate')} hint={t('border.partialDateHint')} value={f.birthDate} onChange={set('birthDate')} maxLength={10} />
        <SelectField id="m-sex" label={t('border.sex')} value={f.sex} onChange={set('sex')}>
          <option value="">—</option>
          <option value="M">M</option>
          <option value="F">F</option>
          <option value="X">X</option>
        </SelectField>
        <TextField id="m-expiry" label={t('border.expiryDate')} type="date" value={f.expiryDate} onChange={set('expiryDate')} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={disabled}>
          {t('border.check')}
        </button>
      </div>
    </form>
  );
}
