import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import type { PersonView } from './api.ts';
import { DOC_STATUS, DOC_TYPE, NAME_KIND, PROTECTION, RELATION, SEX } from './labels.ts';

function Section({ id, title, empty, children }: { id: string; title: string; empty: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? <p className="muted">{t('persons.none')}</p> : children}
    </section>
  );
}

/** Every section of a person record, read-only. Names are shown as written, in their script. */
export function PersonSections({ person: p }: { person: PersonView }) {
  const i = useI18n();
  const { t } = i;
  const scriptLang = (s: string) => ({ Armn: 'hy', Cyrl: 'ru', Geor: 'ka', Arab: 'ar', Latn: 'en' })[s] ?? 'und';
  return (
    <>
      <dl className="kv">
        <dt>{t('persons.birthDate')}</dt>
        <dd>{p.birthDate ?? t('persons.unknownBirth')}</dd>
        <dt>{t('persons.sex')}</dt>
        <dd>{p.sex ? t(SEX[p.sex]) : '—'}</dd>
        <dt>{t('persons.citizenships')}</dt>
        <dd>{p.citizenships.map((c) => (c.kind === 'status' ? `${c.code} (${t('persons.citizenshipStatus')})` : c.code)).join(', ') || '—'}</dd>
        <dt>{t('persons.protection')}</dt>
        <dd>{p.protectedReasons.map((r) => t(PROTECTION[r])).join(', ') || t('persons.notProtected')}</dd>
        <dt>{t('persons.jurisdiction')}</dt>
        <dd>{p.jurisdictionPath ?? t('persons.national')}</dd>
        <dt>{t('persons.recordId')}</dt>
        <dd>
          <code>{p.id}</code>
        </dd>
      </dl>
      <Section id="names-heading" title={t('persons.names')} empty={p.names.length === 0}>
        <div className="table-wrap">
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
                  <td>{n.script}</td>
                  <td>{t(NAME_KIND[n.kind])}</td>
                  <td>{n.source ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section id="docs-heading" title={t('persons.documents')} empty={p.documents.length === 0}>
        <div className="table-wrap">
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
                  <td>{d.issuingState}</td>
                  <td>{d.issueDate ?? '—'}</td>
                  <td>{d.expiryDate ?? '—'}</td>
                  <td>{t(DOC_STATUS[d.status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section id="addr-heading" title={t('persons.addresses')} empty={p.addresses.length === 0}>
        <ul>
          {p.addresses.map((a) => (
            <li key={a.id}>{[a.country, a.region, a.community, a.line].filter(Boolean).join(', ')}</li>
          ))}
        </ul>
      </Section>
      <Section id="contacts-heading" title={t('persons.contacts')} empty={p.contacts.length === 0}>
        <ul>
          {p.contacts.map((c) => (
            <li key={c.id}>
              {c.kind}: {c.value}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="family-heading" title={t('persons.family')} empty={p.links.length === 0 && p.households.length === 0}>
        <ul>
          {p.links.map((l) => (
            <li key={l.id}>
              {t(RELATION[l.relation])}: <a href={href(['persons', l.personId])}>{l.name ?? t('persons.maskedHit')}</a>
            </li>
          ))}
        </ul>
        {p.households.map((h) => (
          <p key={h.id}>
            {t('persons.household', { label: h.label })}:{' '}
            {h.members.map((m, n) => (
              <span key={m.personId}>
                {n > 0 && ', '}
                <a href={href(['persons', m.personId])}>{m.name ?? t('persons.maskedHit')}</a>
              </span>
            ))}
          </p>
        ))}
      </Section>
    </>
  );
}
