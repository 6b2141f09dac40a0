import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { ContactKind, SectionChanges } from './api.ts';
import { EditForm, focusSoon, type Editor } from './EditPanel.tsx';
import { sectionInput } from './edit-model.ts';
import { CONTACT_KIND } from './labels.ts';

const KINDS = Object.keys(CONTACT_KIND) as ContactKind[];
type Contact = NonNullable<SectionChanges['contacts']>[number];

/** Contacts (phone, e-mail, other): remove a recorded one, add one. */
export function ContactEdit({ ed }: { ed: Editor }) {
  const { t } = useI18n();
  const [items, setItems] = useState<Contact[]>(sectionInput.contacts(ed.person));
  const [f, setF] = useState({ kind: 'phone' as ContactKind, value: '' });
  const p = `contacts.${items.length}`;

  const submit = () => {
    const value = f.value.trim();
    if (!value && items.length === ed.person.contacts.length) return ed.invalid({ [`${p}.value`]: t('persons.edit.contactNeeded') });
    if (value && f.kind === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) return ed.invalid({ [`${p}.value`]: t('persons.edit.emailRule') });
    ed.save({ contacts: value ? [...items, { kind: f.kind, value }] : items });
  };

  const describe = (c: Contact) => `${t(CONTACT_KIND[c.kind])}: ${c.value}`;
  return (
    <EditForm ed={ed} legend={t('persons.edit.contacts')} onSubmit={submit}>
      {items.length > 0 && (
        <ul className="edit-list" aria-label={t('persons.contacts')}>
          {items.map((c, k) => (
            <li key={c.id ?? k}>
              <span className="grow">{describe(c)}</span>
              <button
                type="button"
                aria-label={t('persons.edit.removeItem', { item: describe(c) })}
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
      <div className="form-grid">
        <SelectField id={ed.id('new-kind')} label={t('persons.edit.contactKind')} value={f.kind} onChange={(v) => setF({ ...f, kind: v as ContactKind })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(CONTACT_KIND[k])}
            </option>
          ))}
        </SelectField>
        <TextField id={ed.id(`${p}.value`)} label={t('persons.edit.contactValue')} value={f.value} onChange={(value) => setF({ ...f, value })} maxLength={200} error={ed.error(`${p}.value`)} />
      </div>
    </EditForm>
  );
}
