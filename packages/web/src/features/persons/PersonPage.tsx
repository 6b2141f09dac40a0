import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { personsApi, type PersonView, type WritePurpose } from './api.ts';
import { PurposeSelect } from './common.tsx';
import type { EditContext } from './EditPanel.tsx';
import { FamilySection } from './FamilySection.tsx';
import type { ReadPurpose } from './labels.ts';
import { PersonEditors } from './PersonEditors.tsx';
import { PersonHistory } from './PersonHistory.tsx';
import { PersonSections } from './PersonSections.tsx';
import { MergePanel } from './MergePanel.tsx';
import { loadPersonRefs } from './refs.ts';
import { StayIndicator } from './StayIndicator.tsx';
import { ResidenceSection } from '../residence/ResidenceSection.tsx';

const writePurpose = (p: ReadPurpose): WritePurpose => (p === 'border_control' || p === 'data_quality' ? p : 'casework');

function BreakGlass({ id, onGranted }: { id: string; onGranted: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!can('persons.break_glass')) return <p>{t('persons.protectedNoAccess')}</p>;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await personsApi.breakGlass(id, reason.trim());
      onGranted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="bg-heading">
      <h2 id="bg-heading">{t('persons.breakGlassTitle')}</h2>
      <p>{t('persons.breakGlassText')}</p>
      <ErrorAlert error={error} />
      <TextField id="bg-reason" label={t('persons.breakGlassReason')} hint={t('persons.breakGlassHint')} value={reason} onChange={setReason} required maxLength={500} />
      <div className="actions">
        <button type="submit" className="danger" disabled={busy || reason.trim().length < 10}>
          {t('persons.breakGlassSubmit')}
        </button>
      </div>
    </form>
  );
}

export function PersonPage({ id, purpose, setPurpose }: { id: string; purpose: ReadPurpose; setPurpose: (p: ReadPurpose) => void }) {
  const i = useI18n();
  const { t } = i;
  const { hasModule, can } = useSession();
  const loaded = useLoad(`person:${id}:${purpose}`, (signal) => personsApi.get(id, purpose, signal));
  const refs = useLoad('person-refs', loadPersonRefs);
  const p = loaded.data;
  const full: PersonView | null = p && !p.masked ? p : null;
  // A merged record is read through its survivor; only the record in use can be changed.
  const canWrite = can('persons.write') && full !== null && full.mergedInto === null;
  const ctx: EditContext | null =
    full && refs.data
      ? {
          person: full,
          refs: refs.data,
          purpose: writePurpose(purpose),
          onSaved: loaded.setData,
          onConflict: (current) => (current ? loaded.setData(current) : loaded.reload()),
        }
      : null;
  return (
    <>
      <h1>{full ? full.names[0] ? [full.names[0].surname, full.names[0].givenNames].filter(Boolean).join(' ') : t('persons.person') : t('persons.person')}</h1>
      <p className="actions">
        <a href="#/persons">{t('persons.backToSearch')}</a>
        {p && hasModule('audit') && <a href={href(['audit'], { targetType: 'person', targetId: p.id })}>{t('persons.whoLooked')}</a>}
      </p>
      <div className="filters">
        <PurposeSelect id="person-purpose" purpose={purpose} setPurpose={setPurpose} />
      </div>
      <ErrorAlert error={loaded.error ?? refs.error} />
      {loaded.loading && <p role="status">{t('common.loading')}</p>}
      {p?.redirectedFrom && <StatusMessage>{t('persons.redirected', { id: p.redirectedFrom })}</StatusMessage>}
      {p?.masked && (
        <>
          <div className="alert alert-warning" role="status">
            <p>{t('persons.protectedMasked')}</p>
          </div>
          <BreakGlass id={p.id} onGranted={loaded.reload} />
        </>
      )}
      {full && (
        <>
          {full.breakGlassUntil && <StatusMessage>{t('persons.breakGlassActive', { until: i.dateTime(full.breakGlassUntil) })}</StatusMessage>}
          <PersonSections person={full} refs={refs.data} edit={canWrite && ctx ? (section) => <PersonEditors section={section} ctx={ctx} /> : undefined} />
          <FamilySection person={full} refs={refs.data} purpose={purpose} canWrite={canWrite} onChanged={(next) => (next ? loaded.setData(next) : loaded.reload())} />
          {can('persons.merge') && <MergePanel person={full} onChanged={loaded.reload} />}
          <StayIndicator id={full.id} />
          <ResidenceSection personId={full.id} />
          <PersonHistory id={full.id} purpose={purpose} />
        </>
      )}
    </>
  );
}
