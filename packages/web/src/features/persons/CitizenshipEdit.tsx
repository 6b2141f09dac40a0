import { useState } from 'react';
import { SelectField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { EditForm, focusSoon, type Editor } from './EditPanel.tsx';
import { sortedByName, stateName } from './refs.ts';

const MAX = 8;

/**
 * Citizenships: several countries, or an ICAO status that is not a country (XXA stateless, XXB/XXC
 * refugee, XXX unspecified) — offered in their own group so that "stateless" is never taken for a country.
 */
export function CitizenshipEdit({ ed }: { ed: Editor }) {
  const i = useI18n();
  const { t } = i;
  const [codes, setCodes] = useState<string[]>(ed.person.citizenships.map((c) => c.code));
  const [pick, setPick] = useState('');
  const { refs } = ed;

  const add = () => {
    if (!pick) return ed.invalid({ 'citizenships.new': t('persons.edit.chooseFirst') });
    if (!codes.includes(pick)) setCodes([...codes, pick]);
    setPick('');
  };
  const submit = () => {
    const same = codes.length === ed.person.citizenships.length && codes.every((c, n) => ed.person.citizenships[n]?.code === c);
    if (same && !pick) return ed.invalid({ 'citizenships.new': t('common.noChanges') });
    const all = pick && !codes.includes(pick) ? [...codes, pick] : codes;
    ed.save({ citizenships: all.map((code) => ({ code })) });
  };

  return (
    <EditForm ed={ed} legend={t('persons.edit.citizenships')} onSubmit={submit}>
      {codes.length === 0 ? (
        <p className="muted">{t('persons.none')}</p>
      ) : (
        <ul className="edit-list" aria-label={t('persons.citizenships')}>
          {codes.map((code, n) => (
            <li key={code}>
              <span className="grow" id={ed.id(`citizenships.${n}.code`) + '-name'}>
                {stateName(i, refs, code)}
                {refs.statuses.some((s) => s.key === code) && <span className="tag">{t('persons.citizenshipStatus')}</span>}
              </span>
              {ed.error(`citizenships.${n}.code`) && (
                <span className="field-error" id={ed.id(`citizenships.${n}.code`) + '-error'}>
                  {ed.error(`citizenships.${n}.code`)}
                </span>
              )}
              <button
                type="button"
                id={ed.id(`citizenships.${n}.code`)}
                aria-label={t('persons.edit.removeItem', { item: stateName(i, refs, code) })}
                aria-describedby={ed.error(`citizenships.${n}.code`) ? ed.id(`citizenships.${n}.code`) + '-error' : undefined}
                onClick={() => {
                  setCodes(codes.filter((c) => c !== code));
                  focusSoon(ed.id('citizenships.new'));
                }}
              >
                {t('persons.edit.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-grid">
        <SelectField id={ed.id('citizenships.new')} label={t('persons.edit.addCitizenship')} value={pick} onChange={setPick} disabled={codes.length >= MAX} error={ed.error('citizenships.new')}>
          <option value="">{t('persons.edit.choose')}</option>
          <optgroup label={t('persons.edit.statusGroup')}>
            {refs.statuses
              .filter((s) => !codes.includes(s.key))
              .map((s) => (
                <option key={s.key} value={s.key}>
                  {stateName(i, refs, s.key)}
                </option>
              ))}
          </optgroup>
          <optgroup label={t('persons.edit.countryGroup')}>
            {sortedByName(i, refs.countries)
              .filter((c) => !codes.includes(c.key))
              .map((c) => (
                <option key={c.key} value={c.key}>
                  {stateName(i, refs, c.key)}
                </option>
              ))}
          </optgroup>
        </SelectField>
        <div className="actions" style={{ alignSelf: 'end' }}>
          <button type="button" onClick={add} disabled={codes.length >= MAX}>
            {t('persons.edit.addToList')}
          </button>
        </div>
      </div>
    </EditForm>
  );
}
