import { useState, type FormEvent } from 'react';
import { ErrorAlert, MessageAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { StaleNotice } from './ActionForm.tsx';
import { casesApi, type CaseDetail } from './api.ts';
import { statusLabel } from './labels.ts';

/**
 * The case's household (ADR 0405): the members' cases with links and the workqueue filtered to them; with
 * `cases.write`, put this case into a new household or into the household of another case (found by its
 * number), or take it out. Every change is version-checked on the server like any case action.
 */
export function HouseholdPanel({ c, onDone }: { c: CaseDetail; onDone: (next: CaseDetail, what: string) => void }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const [label, setLabel] = useState('');
  const [number, setNumber] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const writable = can('cases.write') && !c.terminal;

  const run = async (work: () => Promise<{ next: CaseDetail; what: string } | string>) => {
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      const r = await work();
      if (typeof r === 'string') setProblem(r);
      else {
        setLabel('');
        setNumber('');
        onDone(r.next, r.what);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const put = (householdId: string | null) => casesApi.setHousehold(c.id, { baseVersion: c.version, householdId });

  const createNew = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (!label.trim()) return t('cases.hh.labelNeeded');
      const h = await casesApi.createHousehold(label.trim());
      return { next: await put(h.id), what: t('cases.hh.joined') };
    });
  };
  const joinOther = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const wanted = number.trim().toUpperCase();
      if (!wanted) return t('cases.hh.numberNeeded');
      const found = (await casesApi.queue({ text: wanted, limit: 10 })).items.find((x) => x.number.toUpperCase() === wanted);
      if (!found) return t('cases.hh.noSuchCase', { number: wanted });
      if (found.id === c.id) return t('cases.hh.sameCase');
      if (!found.householdId) return t('cases.hh.otherHasNone', { number: found.number });
      return { next: await put(found.householdId), what: t('cases.hh.joined') };
    });
  };
  const leave = () => void run(async () => ({ next: await put(null), what: t('cases.hh.left') }));

  return (
    <section className="panel" aria-labelledby="household-h">
      <h2 id="household-h">{t('cases.household')}</h2>
      <StaleNotice error={error} />
      <ErrorAlert error={error} />
      <MessageAlert message={problem} />
      {c.household ? (
        <>
          <p>{t('cases.hh.label', { label: c.household.label })}</p>
          <table>
            <caption className="visually-hidden">{t('cases.hh.members')}</caption>
            <thead><tr><th scope="col">{t('cases.number')}</th><th scope="col">{t('cases.type')}</th><th scope="col">{t('cases.status')}</th></tr></thead>
            <tbody>
              {c.household.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.id === c.id ? <>{m.number} ({t('cases.hh.thisCase')})</> : <a href={href(['cases', m.id])}>{m.number}</a>}</td>
                  <td>{i.tx(`case.type.${m.type}`, m.type)}</td>
                  <td>{statusLabel(i, m.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><a href={href(['cases'], { household: c.household.id })}>{t('cases.hh.inQueue')}</a></p>
          {writable && <button type="button" onClick={leave} disabled={busy}>{t('cases.hh.leave')}</button>}
        </>
      ) : (
        <>
          <p>{t('cases.hh.none')}</p>
          {writable && (
            <div className="case-grid">
              <form className="stack" aria-labelledby="hh-new-h" onSubmit={createNew}>
                <h3 id="hh-new-h">{t('cases.hh.new')}</h3>
                <TextField id="hh-label" label={t('cases.hh.newLabel')} value={label} onChange={setLabel} required maxLength={200} />
                <button type="submit" disabled={busy}>{t('cases.hh.create')}</button>
              </form>
              <form className="stack" aria-labelledby="hh-join-h" onSubmit={joinOther}>
                <h3 id="hh-join-h">{t('cases.hh.join')}</h3>
                <TextField id="hh-number" label={t('cases.hh.otherNumber')} hint={t('cases.hh.otherNumberHint')} value={number} onChange={setNumber} required maxLength={40} />
                <button type="submit" disabled={busy}>{t('cases.hh.joinButton')}</button>
              </form>
            </div>
          )}
        </>
      )}
    </section>
  );
}
