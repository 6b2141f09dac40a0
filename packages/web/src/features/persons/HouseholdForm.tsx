import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { personsApi, type PersonView } from './api.ts';
import { focusSoon } from './EditPanel.tsx';
import type { FamilyAction } from './FamilyPanel.tsx';
import { shownName } from './LinkForm.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import type { PersonRefs } from './refs.ts';

type Role = 'head' | 'member';
interface Member {
  personId: string;
  name: string;
  role: Role;
}

/** A new household: its label, region and community, this person and the members found by search. */
export function HouseholdForm(props: { a: FamilyAction; person: PersonView; refs: PersonRefs; purpose: string; onCreated: () => void }) {
  const i = useI18n();
  const { t } = i;
  const { a, person, refs } = props;
  const [label, setLabel] = useState('');
  const [region, setRegion] = useState(person.registeredIn ?? '');
  const [community, setCommunity] = useState('');
  const [members, setMembers] = useState<Member[]>([{ personId: person.id, name: shownName(person), role: 'head' }]);

  const submit = () => {
    if (!label.trim()) return a.problem(t('persons.edit.householdLabelNeeded'));
    a.run(async () => {
      await personsApi.household({ label: label.trim(), region: region || null, community: community.trim() || null, members: members.map(({ personId, role }) => ({ personId, role })) });
      props.onCreated();
    });
  };
  const setRole = (k: number, role: Role) => setMembers(members.map((m, x) => (x === k ? { ...m, role } : m)));

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
        <legend>{t('persons.edit.householdLegend')}</legend>
        <div className="form-grid">
          <TextField id="household-label" label={t('persons.edit.householdLabel')} hint={t('persons.edit.householdLabelHint')} value={label} onChange={setLabel} required maxLength={200} error={a.issue('label')} />
          <SelectField id="household-region" label={t('persons.edit.region')} value={region} onChange={setRegion} error={a.issue('region')}>
            <option value="">{t('persons.edit.choose')}</option>
            {refs.regions.map((r) => (
              <option key={r.key} value={r.key}>
                {i.name(r.names)}
              </option>
            ))}
          </SelectField>
          <TextField id="household-community" label={t('persons.edit.community')} hint={t('persons.edit.communityHint')} value={community} onChange={setCommunity} maxLength={200} error={a.issue('community')} />
        </div>
        <fieldset>
          <legend>{t('persons.edit.members')}</legend>
          <ul className="edit-list">
            {members.map((m, k) => (
              <li key={m.personId}>
                <span className="grow">{m.name}</span>
                <SelectField id={`household-role-${k}`} label={t('persons.edit.roleOf', { name: m.name })} value={m.role} onChange={(v) => setRole(k, v as Role)}>
                  <option value="head">{t('persons.edit.role.head')}</option>
                  <option value="member">{t('persons.edit.role.member')}</option>
                </SelectField>
                {m.personId !== person.id && (
                  <button
                    type="button"
                    aria-label={t('persons.edit.removeItem', { item: m.name })}
                    onClick={() => {
                      setMembers(members.filter((_, x) => x !== k));
                      focusSoon('household-search');
                    }}
                  >
                    {t('persons.edit.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {a.issue('members') && <p className="field-error">{a.issue('members')}</p>}
        </fieldset>
        <PersonPicker
          id="household-search"
          label={t('persons.edit.findMember')}
          purpose={props.purpose}
          exclude={members.map((m) => m.personId)}
          onChoose={(p) => {
            setMembers([...members, { personId: p.id, name: p.name, role: 'member' }]);
            focusSoon(`household-role-${members.length}`);
          }}
        />
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={a.busy}>
          {t('persons.edit.saveHousehold')}
        </button>
        <button type="button" onClick={a.cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
