import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { PersonView } from './api.ts';
import { ADDRESS_KIND, CONTACT_KIND, DOC_STATUS, DOC_TYPE, NAME_KIND, PROTECTION, SCRIPT, SEX } from './labels.ts';
import { regionName, stateName, type PersonRefs } from './refs.ts';

export type EditableSection = 'birth' | 'citizenships' | 'names' | 'documents' | 'addresses' | 'contacts';

/** One section of the record; its heading takes focus after a save (tabIndex -1). */
export function Section({ id, title, empty, children, edit }: { id: string; title: string; empty: boolean; children: ReactNode; edit?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {empty ? <p className="muted">{t('persons.none')}</p> : children}
      {edit}
    </section>
  );
}

const scriptLang = (s: string) => ({ Armn: 'hy', Cyrl: 'ru', Geor: 'ka', Arab: 'ar', Latn: 'en' })[s] ?? 'und';

/**
 * Every section of a person record, read-only, each with its editing form when `edit` gives one. Names
 * are shown as written, in their script; countries, statuses and regions in the current language.
 */
export function PersonSections({ person: p, refs, edit }: { person: PersonView; refs: PersonRefs | undefined; edit?: (s: EditableSection) => ReactNode }) {
  const i = useI18n();
  const { t } = i;
  return (
    <>
      <dl className="kv">
        <dt>{t('persons.protection')}</dt>
        <dd>{p.protectedReasons.map((r) => t(PROTECTION[r])).join(', ') || t('persons.notProtected')}</dd>
        <dt>{t('persons.jurisdiction')}</dt>
        <dd>{p.jurisdictionPath ?? t('persons.national')}</dd>
        <dt>{t('persons.recordId')}</dt>
        <dd>
          <code>{p.id}</code>
        </dd>
        <dt>{t('persons.edit.version')}</dt>
        <dd>{p.version}</dd>
      </dl>
      <Section id="birth-heading" title={t('persons.edit.birthSex')} empty={false} edit={edit?.('birth')}>
        <dl className="kv">
          <dt>{t('persons.birthDate')}</dt>
          <dd id="person-birth">{p.birthDate ?? t('persons.unknownBirth')}</dd>
          <dt>{t('persons.sex')}</dt>
          <dd>{p.sex ? t(SEX[p.sex]) : '—'}</dd>
        </dl>
      </Section>
      <Section id="citizenships-heading" title={t('persons.citizenships')} empty={p.citizenships.length === 0} edit={edit?.('citizenships')}>
        <ul>
          {p.citizenships.map((c) => (
            <li key={c.code}>
              {stateName(i, refs, c.code)}
              {c.kind === 'status' && <span className="tag">{t('persons.citizenshipStatus')}</span>}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="names-heading" title={t('persons.names')} empty={p.names.length === 0} edit={edit?.('names')}>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="names-heading">
          <table>
            <caption className="visually-hidden">{t('persons.names')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('persons.surname')}</th>
                <th scope="col">{t('persons.givenNames')}</th>
                <th scope="col">{t('persons.patronymic')}</th>
                <th scope="col">{t('persons.script')}</th>
                <th scope="col">{t('persons.nameKind')}</th>
                <th scope="col">{t('persons.source')}</th>
              </tr>
            </thead>
            <tbody>
              {p.names.map((n) => (
                <tr key={n.id}>
                  <th scope="row" lang={scriptLang(n.script)}>
                    {n.surname}
                  </th>
                  <td lang={scriptLang(n.script)}>{n.givenNames}</td>
                  <td lang={scriptLang(n.script)}>{n.patronymic ?? ''}</td>
                  <td>{t(SCRIPT[n.script] ?? 'persons.scriptName.unknown')}</td>
                  <td>{t(NAME_KIND[n.kind])}</td>
                  <td>{n.source ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section id="docs-heading" title={t('persons.documents')} empty={p.documents.length === 0} edit={edit?.('documents')}>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="docs-heading">
          <table>
            <caption className="visually-hidden">{t('persons.documents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('persons.docNumber')}</th>
                <th scope="col">{t('persons.docType')}</th>
                <th scope="col">{t('persons.issuingState')}</th>
                <th scope="col">{t('persons.issueDate')}</th>
                <th scope="col">{t('persons.expiryDate')}</th>
                <th scope="col">{t('field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <code>{d.number}</code>
                  </th>
                  <td>{t(DOC_TYPE[d.type])}</td>
                  <td>{stateName(i, refs, d.issuingState)}</td>
                  <td>{d.issueDate ?? '—'}</td>
                  <td>{d.expiryDate ?? '—'}</td>
                  <td>{t(DOC_STATUS[d.status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section id="addr-heading" title={t('persons.addresses')} empty={p.addresses.length === 0} edit={edit?.('addresses')}>
        <ul>
          {p.addresses.map((a) => (
            <li key={a.id}>
              {[t(ADDRESS_KIND[a.kind]), stateName(i, refs, a.country), regionName(i, refs, a.region), a.community, a.line, a.since ? t('persons.edit.sinceValue', { since: a.since }) : null]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="contacts-heading" title={t('persons.contacts')} empty={p.contacts.length === 0} edit={edit?.('contacts')}>
        <ul>
          {p.contacts.map((c) => (
            <li key={c.id}>
              {t(CONTACT_KIND[c.kind])}: {c.value}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
