import { SelectField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { purposeLabel } from '../../i18n/labels.ts';
import { href } from '../../router.ts';
import type { Masked, PersonSummary } from './api.ts';
import { DOC_STATUS, PROTECTION, READ_PURPOSES, SEX, type ReadPurpose } from './labels.ts';

export function PurposeSelect({ id, purpose, setPurpose }: { id: string; purpose: ReadPurpose; setPurpose: (p: ReadPurpose) => void }) {
  const i = useI18n();
  return (
    <SelectField id={id} label={i.t('persons.purpose')} value={purpose} onChange={(v) => setPurpose(v as ReadPurpose)}>
      {READ_PURPOSES.map((p) => (
        <option key={p} value={p}>
          {purposeLabel(i, p)}
        </option>
      ))}
    </SelectField>
  );
}

/** One person in a list: name forms in their scripts, birth date, sex, citizenships, documents. */
export function PersonCell({ person }: { person: PersonSummary | Masked }) {
  const i = useI18n();
  const { t } = i;
  if (person.masked) {
    return (
      <div>
        <a href={href(['persons', person.id])}>{t('persons.maskedHit')}</a>
        <p className="small muted">{t('persons.maskedHint')}</p>
      </div>
    );
  }
  return (
    <div>
      <a href={href(['persons', person.id])} className="person-name">
        {person.name}
      </a>
      {person.protectedReasons.map((r) => (
        <span key={r} className="tag tag-expired">
          {t(PROTECTION[r])}
        </span>
      ))}
      <p className="small">
        {person.names
          .slice(1)
          .map((n) => n.text)
          .join(' · ')}
      </p>
      <p className="small muted">
        {[person.birthDate ?? t('persons.unknownBirth'), person.sex ? t(SEX[person.sex]) : null, person.citizenships.map((c) => c.code).join(', ')]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {person.documents.length > 0 && (
        <p className="small muted">
          {person.documents.map((d) => `${d.issuingState} ${d.number} (${t(DOC_STATUS[d.status])})`).join(' · ')}
        </p>
      )}
    </div>
  );
}
