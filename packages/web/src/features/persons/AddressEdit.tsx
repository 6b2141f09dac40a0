import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { AddressKind, SectionChanges } from './api.ts';
import { EditForm, focusSoon, type Editor } from './EditPanel.tsx';
import { checkPartialDate, isoToday, sectionInput } from './edit-model.ts';
import { ADDRESS_KIND, DATE_PROBLEM } from './labels.ts';
import { homeCountry, regionName, sortedByName, stateName } from './refs.ts';

const KINDS = Object.keys(ADDRESS_KIND) as AddressKind[];
type Address = NonNullable<SectionChanges['addresses']>[number];

/** Addresses: remove a recorded one, add one with its region (marz, from the reference table) and community. */
export function AddressEdit({ ed }: { ed: Editor }) {
  const i = useI18n();
  const { t } = i;
  const { refs, person } = ed;
  const [items, setItems] = useState<Address[]>(sectionInput.addresses(person));
  const [f, setF] = useState({ kind: 'residence' as AddressKind, country: homeCountry(refs), region: '', community: '', line: '', since: '' });
  const n = items.length;
  const p = `addresses.${n}`;
  const regions = refs.regions.filter((r) => r.attributes.country === f.country);

  const submit = () => {
    const adding = Boolean(f.region || f.community.trim() || f.line.trim());
    if (!adding && items.length === person.addresses.length) return ed.invalid({ [`${p}.community`]: t('persons.edit.addressNeeded') });
    const all = [...items];
    if (adding) {
      const errors: Record<string, string> = {};
      if (!f.country) errors[`${p}.country`] = t('persons.edit.chooseFirst');
      const since = f.since.trim() ? checkPartialDate(f.since.trim(), isoToday()) : null;
      if (since) errors[`${p}.since`] = t(DATE_PROBLEM[since]);
      if (Object.keys(errors).length) return ed.invalid(errors);
      all.push({ kind: f.kind, country: f.country, region: f.region || null, community: f.community.trim() || null, line: f.line.trim() || null, since: f.since.trim() || null });
    }
    ed.save({ addresses: all });
  };

  const describe = (a: Address) => [t(ADDRESS_KIND[a.kind]), stateName(i, refs, a.country), regionName(i, refs, a.region), a.community, a.line].filter(Boolean).join(', ');
  return (
    <EditForm ed={ed} legend={t('persons.edit.addresses')} onSubmit={submit}>
      {items.length > 0 && (
        <ul className="edit-list" aria-label={t('persons.addresses')}>
          {items.map((a, k) => (
            <li key={a.id ?? k}>
              <span className="grow">{describe(a)}</span>
              <button
                type="button"
                aria-label={t('persons.edit.removeItem', { item: describe(a) })}
                onClick={() => {
                  setItems(items.filter((_, x) => x !== k));
                  focusSoon(ed.id('new-kind'));
                }}
              >
                {t('persons.edit.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>{t('persons.edit.newAddress')}</legend>
        <div className="form-grid">
          <SelectField id={ed.id('new-kind')} label={t('persons.edit.addressKind')} value={f.kind} onChange={(v) => setF({ ...f, kind: v as AddressKind })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(ADDRESS_KIND[k])}
              </option>
            ))}
          </SelectField>
          <SelectField id={ed.id(`${p}.country`)} label={t('persons.edit.country')} value={f.country} onChange={(country) => setF({ ...f, country, region: '' })} error={ed.error(`${p}.country`)}>
            <option value="">{t('persons.edit.choose')}</option>
            {sortedByName(i, refs.countries).map((c) => (
              <option key={c.key} value={c.key}>
                {stateName(i, refs, c.key)}
              </option>
            ))}
          </SelectField>
          <SelectField id={ed.id(`${p}.region`)} label={t('persons.edit.region')} value={f.region} onChange={(region) => setF({ ...f, region })} disabled={regions.length === 0} error={ed.error(`${p}.region`)}>
            <option value="">{regions.length ? t('persons.edit.choose') : t('persons.edit.noRegions')}</option>
            {regions.map((r) => (
              <option key={r.key} value={r.key}>
                {i.name(r.names)}
              </option>
            ))}
          </SelectField>
          <TextField id={ed.id(`${p}.community`)} label={t('persons.edit.community')} hint={t('persons.edit.communityHint')} value={f.community} onChange={(community) => setF({ ...f, community })} maxLength={200} error={ed.error(`${p}.community`)} />
          <TextField id={ed.id(`${p}.line`)} label={t('persons.edit.addressLine')} value={f.line} onChange={(line) => setF({ ...f, line })} maxLength={300} error={ed.error(`${p}.line`)} />
          <TextField id={ed.id(`${p}.since`)} label={t('persons.edit.since')} hint={t('persons.edit.birthHint')} value={f.since} onChange={(since) => setF({ ...f, since })} maxLength={10} error={ed.error(`${p}.since`)} />
        </div>
      </fieldset>
    </EditForm>
  );
}
