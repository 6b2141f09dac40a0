import { useState } from 'react';
import { TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { SectionChanges, Sex } from './api.ts';
import { EditForm, type Editor } from './EditPanel.tsx';
import { checkPartialDate, isoToday } from './edit-model.ts';
import { DATE_PROBLEM, SEX } from './labels.ts';

const SEXES: (Sex | '')[] = ['F', 'M', 'X', ''];

/** Date of birth (a year, a month or a day: what is known) and sex. Only what changed is sent. */
export function BirthSexEdit({ ed }: { ed: Editor }) {
  const { t } = useI18n();
  const [birthDate, setBirthDate] = useState(ed.person.birthDate ?? '');
  const [sex, setSex] = useState<Sex | ''>(ed.person.sex ?? '');

  const submit = () => {
    const value = birthDate.trim();
    const problem = value ? checkPartialDate(value, isoToday()) : null;
    if (problem) return ed.invalid({ birthDate: t(DATE_PROBLEM[problem]) });
    const changes: SectionChanges = {};
    if ((value || null) !== ed.person.birthDate) changes.birthDate = value || null;
    if ((sex || null) !== ed.person.sex) changes.sex = sex || null;
    if (Object.keys(changes).length === 0) return ed.invalid({ birthDate: t('common.noChanges') });
    ed.save(changes);
  };

  const sexError = ed.error('sex');
  return (
    <EditForm ed={ed} legend={t('persons.edit.birthSex')} onSubmit={submit}>
      <TextField
        id={ed.id('birthDate')}
        label={t('persons.birthDate')}
        hint={t('persons.edit.birthHint')}
        value={birthDate}
        onChange={setBirthDate}
        maxLength={10}
        inputMode="numeric"
        error={ed.error('birthDate')}
      />
      <fieldset aria-describedby={sexError ? `${ed.id('sex')}-error` : undefined}>
        <legend>{t('persons.sex')}</legend>
        {sexError && (
          <p className="field-error" id={`${ed.id('sex')}-error`}>
            {sexError}
          </p>
        )}
        <div className="radios">
          {SEXES.map((s) => (
            <div className="field-check" key={s || 'none'}>
              <input id={ed.id(`sex-${s || 'none'}`)} type="radio" name="edit-sex" value={s} checked={sex === s} onChange={() => setSex(s)} />
              <label htmlFor={ed.id(`sex-${s || 'none'}`)}>{s ? t(SEX[s]) : t('persons.edit.sexUnknown')}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </EditForm>
  );
}
