import { useState } from 'react';
import { FieldError, SelectField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { personsApi, type FamilyRelation, type PersonSummary, type PersonView } from './api.ts';
import { focusSoon } from './EditPanel.tsx';
import type { FamilyAction } from './FamilyPanel.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { RELATION } from './labels.ts';

const RELATIONS = Object.keys(RELATION) as FamilyRelation[];

/** The name shown for a person: the form as written, else the first one. */
export function shownName(p: PersonView): string {
  const n = p.names.find((x) => x.kind === 'as-written') ?? p.names[0];
  return n ? [n.surname, n.givenNames].filter(Boolean).join(' ') : p.id;
}

/** A family link: find the other person, say what they are of this one (the API stores it once, both ways). */
export function LinkForm({ a, person, purpose, onLinked }: { a: FamilyAction; person: PersonView; purpose: string; onLinked: (p: PersonView) => void }) {
  const { t } = useI18n();
  const [other, setOther] = useState<PersonSummary | null>(null);
  const [relation, setRelation] = useState<FamilyRelation>('spouse');
  const personError = a.issue('personId');

  const submit = () => {
    if (!other) return a.problem(t('persons.edit.chooseOther'));
    a.run(async () => onLinked(await personsApi.link(person.id, other.id, relation)));
  };

  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="stack">
        <legend>{t('persons.edit.linkLegend')}</legend>
        {other ? (
          <div className="stack">
            <p id="link-chosen">
              {t('persons.edit.chosen')} <strong>{other.name}</strong>
            </p>
            <FieldError id="link-chosen" error={personError} />
            <div className="actions">
              <button
                type="button"
                onClick={() => {
                  setOther(null);
                  focusSoon('link-search');
                }}
              >
                {t('persons.edit.chooseAnother')}
              </button>
            </div>
            <SelectField id="link-relation" label={t('persons.edit.relationLabel', { other: other.name, name: shownName(person) })} value={relation} onChange={(v) => setRelation(v as FamilyRelation)} error={a.issue('relation')}>
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(RELATION[r])}
                </option>
              ))}
            </SelectField>
          </div>
        ) : (
          <PersonPicker id="link-search" label={t('persons.edit.findRelative')} purpose={purpose} exclude={[person.id]}
            onChoose={(p) => {
              setOther(p);
              focusSoon('link-relation');
            }} />
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={a.busy}>
          {t('persons.edit.saveLink')}
        </button>
        <button type="button" onClick={a.cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
