import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import type { PersonView } from './api.ts';
import { FamilyPanel } from './FamilyPanel.tsx';
import { HouseholdForm } from './HouseholdForm.tsx';
import { RELATION } from './labels.ts';
import { LinkForm } from './LinkForm.tsx';
import { Section } from './PersonSections.tsx';
import { regionName, type PersonRefs } from './refs.ts';

const ROLE = { head: 'persons.edit.role.head', member: 'persons.edit.role.member' } as const;

/**
 * Family links (each shown from this person's side: "Spouse: …") and households with their members; with
 * `persons.write`, a link to a person found by search and a new household.
 */
export function FamilySection(props: { person: PersonView; refs: PersonRefs | undefined; purpose: string; canWrite: boolean; onChanged: (p: PersonView | null) => void }) {
  const i = useI18n();
  const { t } = i;
  const { person: p, refs } = props;
  const role = (r: string) => t(ROLE[r === 'head' ? 'head' : 'member']);
  return (
    <Section
      id="family-heading"
      title={t('persons.family')}
      empty={p.links.length === 0 && p.households.length === 0}
      edit={
        props.canWrite &&
        refs && (
          <>
            <FamilyPanel id="link" headingId="family-heading" openLabel={t('persons.edit.openLink')} done={t('persons.edit.linkSaved')}>
              {(a) => <LinkForm a={a} person={p} purpose={props.purpose} onLinked={props.onChanged} />}
            </FamilyPanel>
            <FamilyPanel id="household" headingId="family-heading" openLabel={t('persons.edit.openHousehold')} done={t('persons.edit.householdSaved')}>
              {(a) => <HouseholdForm a={a} person={p} refs={refs} purpose={props.purpose} onCreated={() => props.onChanged(null)} />}
            </FamilyPanel>
          </>
        )
      }
    >
      {p.links.length > 0 && (
        <>
          <h3>{t('persons.edit.links')}</h3>
          <ul className="family-links">
            {p.links.map((l) => (
              <li key={l.id}>
                {t(RELATION[l.relation])}: <a href={href(['persons', l.personId])}>{l.name ?? t('persons.maskedHit')}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.households.map((h) => (
        <section key={h.id} className="household" aria-label={t('persons.household', { label: h.label })}>
          <h3>{t('persons.household', { label: h.label })}</h3>
          <p className="small muted">{[regionName(i, refs, h.region), h.community, t('persons.edit.thisPersonIs', { role: role(h.role) })].filter(Boolean).join(' · ')}</p>
          <ul>
            {h.members.map((m) => (
              <li key={m.personId}>
                <a href={href(['persons', m.personId])}>{m.name ?? t('persons.maskedHit')}</a> — {role(m.role)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Section>
  );
}
