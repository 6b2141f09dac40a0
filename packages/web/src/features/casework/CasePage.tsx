import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { ActionForm, StaleNotice } from './ActionForm.tsx';
import { casesApi, type CaseDetail } from './api.ts';
import { CaseChecks, DecisionLetters } from './CaseChecks.tsx';
import { HouseholdPanel } from './HouseholdPanel.tsx';
import { actionLabel, fieldLabel, statusLabel } from './labels.ts';
import './casework.css';

const ACCEPTED = 'application/pdf,image/png,image/jpeg,image/tiff';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

function Upload({ c, onDone }: { c: CaseDetail; onDone: (next: CaseDetail) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        setError(null);
        readBase64(file)
          .then((content) => casesApi.upload(c.id, { baseVersion: c.version, name: file.name, mediaType: file.type || 'application/octet-stream', content }))
          .then((r) => { setFile(null); onDone(r.case); }, setError);
      }}
    >
      <StaleNotice error={error} />
      <ErrorAlert error={error} />
      <div className="field">
        <label htmlFor="case-file">{t('cases.attach.file')}</label>
        <input id="case-file" type="file" accept={ACCEPTED} required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit">{t('cases.attach.upload')}</button>
    </form>
  );
}

/** One case: summary, deadlines, the actions the user may take as forms, timeline, notes, files. */
export function CasePage({ id }: { id: string }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const loaded = useLoad(`case:${id}`, (signal) => casesApi.read(id, signal));
  const staff = useLoad(can('cases.assign') ? 'case-staff' : null, (signal) => casesApi.staff(signal));
  const [done, setDone] = useState<string | null>(null);
  const c = loaded.data;
  const update = (next: CaseDetail, what: string) => {
    loaded.setData(next);
    setDone(what);
  };
  if (!c) return <><h1>{t('cases.case')}</h1><ErrorAlert error={loaded.error} />{loaded.loading && <p>{t('common.loading')}</p>}</>;
  const allowed = c.allowedActions.filter((a) => (a.allowed || a.overridable) && a.effect !== 'attachment'); // files: the upload form below
  return (
    <>
      <p><a href={href(['cases'])}>{t('cases.back')}</a></p>
      <h1>{c.number} · {c.title}</h1>
      <div role="status">{done && <p>{t('cases.recorded', { action: done })}</p>}</div>
      <dl className="case-grid">
        <div><dt>{t('cases.type')}</dt><dd>{i.tx(`case.type.${c.type}`, c.typeLabel)}</dd></div>
        <div><dt>{t('cases.status')}</dt><dd>{statusLabel(i, c.status)}</dd></div>
        <div><dt>{t('cases.agency')}</dt><dd>{c.agency}{c.pendingTransfer && <> · {t('cases.transferTo', { agency: c.pendingTransfer.toAgencyId })}</>}</dd></div>
        <div><dt>{t('cases.assignee')}</dt><dd>{c.assignee?.name ?? t('cases.assignee.none')}</dd></div>
        <div><dt>{t('cases.version')}</dt><dd>{c.version}</dd></div>
        {c.household && <div><dt>{t('cases.household')}</dt><dd>{c.household.label}</dd></div>}
      </dl>

      <CaseChecks c={c} />

      <HouseholdPanel c={c} onDone={update} />

      <section className="panel" aria-labelledby="tasks-h">
        <h2 id="tasks-h">{t('cases.tasks')}</h2>
        {c.tasks.length === 0 ? <p>{t('cases.tasks.none')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('cases.task')}</th><th scope="col">{t('cases.task.due')}</th><th scope="col">{t('cases.task.state')}</th></tr></thead>
            <tbody>
              {c.tasks.map((d) => (
                <tr key={`${d.code}-${d.startedOn}`}>
                  <td>{i.tx(`case.deadline.${d.code}`, d.label)}</td>
                  <td>{i.date(d.dueOn)}</td>
                  <td>
                    {d.running ? t('cases.task.running', { remaining: d.remaining ?? 0 }) : t('cases.task.stopped', { on: i.date(d.stoppedOn) })}
                    {d.breached && <span className="tag tag-denied">{t('cases.task.breached')}</span>}
                    {d.reminderDue && <span className="tag tag-expired">{t('cases.due.soon')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel case-actions" aria-labelledby="actions-h">
        <h2 id="actions-h">{t('cases.actions')}</h2>
        {allowed.length === 0 && <p>{t('cases.actions.none')}</p>}
        {allowed.map((a) => (
          <details key={a.code}>
            <summary>{actionLabel(i, a.code, a.label)}{!a.allowed && ` — ${t('cases.needsConsent')}`}</summary>
            <ActionForm c={c} a={a} staff={staff.data?.items ?? []} submit={(body) => casesApi.act(c.id, body)} onDone={(next) => update(next, actionLabel(i, a.code, a.label))} />
          </details>
        ))}
        {c.allowedActions.some((a) => a.code === 'attach-file' && a.allowed) && (
          <details>
            <summary>{t('cases.attach.title')}</summary>
            <Upload c={c} onDone={(next) => update(next, t('cases.attach.title'))} />
          </details>
        )}
      </section>

      <div className="case-grid">
        <section className="panel" aria-labelledby="notes-h">
          <h2 id="notes-h">{t('cases.notes')}</h2>
          {c.notes.length === 0 ? <p>{t('cases.notes.none')}</p> : <ul>{c.notes.map((n) => <li key={n.seq}>{n.text} <span className="muted small">— {n.by}, {i.date(n.date)}</span></li>)}</ul>}
        </section>
        <section className="panel" aria-labelledby="files-h">
          <h2 id="files-h">{t('cases.attachments')}</h2>
          {c.attachments.length === 0 ? <p>{t('cases.attachments.none')}</p> : (
            <ul>{c.attachments.map((f) => <li key={f.id}><a href={`/api/cases/${c.id}/attachments/${f.id}`}>{f.name}</a> <span className="muted small">({i.number(f.size)} B, SHA-256 {f.sha256.slice(0, 12)}…)</span></li>)}</ul>
          )}
        </section>
        <section className="panel" aria-labelledby="consent-h">
          <h2 id="consent-h">{t('cases.consents')}</h2>
          {c.consents.length === 0 ? <p>{t('cases.consents.none')}</p> : <ul>{c.consents.map((x) => <li key={x.id}>{x.givenBy} ({x.relationship}): {x.scope}, {x.purpose} → {x.recipients.join(', ') || t('common.all')}; {t('cases.validUntil', { date: i.date(x.validUntil) })}{x.withdrawnOn && ` · ${t('cases.withdrawn')}`}</li>)}</ul>}
          {c.referrals.length > 0 && <ul>{c.referrals.map((r) => <li key={r.seq}>{t('cases.referredTo', { provider: r.providerId, purpose: r.purpose })}{r.override && <span className="tag tag-denied">{t('cases.override')}</span>}</li>)}</ul>}
        </section>
        <section className="panel" aria-labelledby="decisions-h">
          <h2 id="decisions-h">{t('cases.decisions')}</h2>
          {c.decisions.length === 0 ? <p>{t('cases.decisions.none')}</p> : <ul>{c.decisions.map((d) => <li key={d.seq}>{i.tx(`case.outcome.${d.outcome}`, d.outcome)} — {d.legalBasis}{d.citation && `: ${d.citation}`} ({i.date(d.date)})<DecisionLetters caseId={c.id} seq={d.seq} outcome={d.outcome} /></li>)}</ul>}
        </section>
      </div>

      <section className="panel" aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('cases.timeline')}</h2>
        <ol className="timeline">
          {[...c.timeline].reverse().map((a) => (
            <li key={a.seq}>
              <strong>{a.seq}. {actionLabel(i, a.code, a.label)}</strong> — {a.actor.name} ({a.actor.agency}), {i.dateTime(a.at)}
              {Object.keys(a.payload).length > 0 && (
                <p className="payload">{Object.entries(a.payload).map(([k, v]) => `${fieldLabel(i, k)}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join(' · ')}</p>
              )}
              {a.override && <p className="payload"><span className="tag tag-denied">{t('cases.override')}</span> {a.override.reason}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
