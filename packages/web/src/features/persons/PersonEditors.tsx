import { useI18n } from '../../i18n/index.tsx';
import { AddressEdit } from './AddressEdit.tsx';
import { BirthSexEdit } from './BirthSexEdit.tsx';
import { CitizenshipEdit } from './CitizenshipEdit.tsx';
import { ContactEdit } from './ContactEdit.tsx';
import { DocumentEdit } from './DocumentEdit.tsx';
import { EditPanel, type EditContext } from './EditPanel.tsx';
import { NameEdit } from './NameEdit.tsx';
import type { EditableSection } from './PersonSections.tsx';

const HEADING: Record<EditableSection, string> = {
  birth: 'birth-heading',
  citizenships: 'citizenships-heading',
  names: 'names-heading',
  documents: 'docs-heading',
  addresses: 'addr-heading',
  contacts: 'contacts-heading',
};

/** The editing form of one section of the record, behind its button; each form is keyed by the version read. */
export function PersonEditors({ section, ctx }: { section: EditableSection; ctx: EditContext }) {
  const { t } = useI18n();
  const open = {
    birth: t('persons.edit.openBirth'),
    citizenships: t('persons.edit.openCitizenships'),
    names: t('persons.edit.openNames'),
    documents: t('persons.edit.openDocuments'),
    addresses: t('persons.edit.openAddresses'),
    contacts: t('persons.edit.openContacts'),
  }[section];
  const key = ctx.person.version;
  return (
    <EditPanel section={section} headingId={HEADING[section]} openLabel={open} ctx={ctx}>
      {(ed) =>
        ({
          birth: <BirthSexEdit key={key} ed={ed} />,
          citizenships: <CitizenshipEdit key={key} ed={ed} />,
          names: <NameEdit key={key} ed={ed} />,
          documents: <DocumentEdit key={key} ed={ed} />,
          addresses: <AddressEdit key={key} ed={ed} />,
          contacts: <ContactEdit key={key} ed={ed} />,
        })[section]
      }
    </EditPanel>
  );
}
