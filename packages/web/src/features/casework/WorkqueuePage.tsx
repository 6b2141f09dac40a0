import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href, navigate, type Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { casesApi, type BulkResult } from './api.ts';
import { statusLabel } from './labels.ts';
import './casework.css';

const LIMIT = 25;
const FILTERS = ['type', 'status', 'assignee', 'due', 'text', 'household'] as const;

/** Bulk assignment of the selected cases: one result per case (each case all or nothing). */
function BulkAssign({ selected, onDone }: { selected: { id: string; version: number; assigned: boolean }[]; onDone: (r: BulkResult) => void }) {
  const { t } = useI18n();
  const staff = useLoad('case-staff', (signal) => casesApi.staff(signal));
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const needsReason = selected.some((s) => s.assigned);
  return (
    <form
      className="panel stack"
      aria-labelledby="bulk-title"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        casesApi
          .bulkAssign({ items: selected.map((s) => ({ id: s.id, baseVersion: s.version })), assigneeId: assignee, ...(reason.trim() ? { reason: reason.trim() } : {}) })
          .then(onDone, setError);
      }}
    >
      <h2 id="bulk-title">{t('cases.bulk.title', { count: selected.length })}</h2>
      <ErrorAlert error={error ?? staff.error} />
      <div className="field">
        <label htmlFor="bulk-assignee">{t('cases.bulk.assignee')}</label>
        <select id="bulk-assignee" required value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t('cases.choose')}</option>
          {staff.data?.items.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </div>
      {needsReason && (
        <div className="field">
          <label htmlFor="bulk-reason">{t('cases.bulk.reason')}</label>
          <input id="bulk-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <button type="submit" className="primary" disabled={selected.length === 0}>{t('cases.bulk.assign')}</button>
    </form>
  );
}

/** The workqueue: filters, counts per status, a keyboard-usable table, paging and bulk assignment. */
export function WorkqueuePage({ route }: { route: Route }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const q = Object.fromEntries(FILTERS.map((f) => [f, route.query.get(f) ?? '']));
  const offset = Number(route.query.get('offset') ?? 0);
  const [text, setText] = useState(q.text ?? '');
  const [bulkResult, setBulkResult] = useState<BulkResult | null>(null);
  const [selected, setSelected] = useState<Map<string, { id: string; version: number; assigned: boolean }>>(new Map());
  const types = useLoad('case-types', (signal) => casesApi.types(signal));
  const key = `${route.key}`;
  const loaded = useLoad(`queue:${key}`, (signal) => casesApi.queue({ ...q, offset, limit: LIMIT }, signal));
  const go = (patch: Record<string, string | number>) => navigate(href(['cases'], { ...q, offset: 0, ...patch }));
  const statuses = [...new Set((types.data?.items ?? []).filter((x) => !q.type || x.code === q.type).flatMap((x) => x.statuses))];
  const toggle = (c: { id: string; version: number; assignee: unknown }) =>
    setSelected((m) => {
      const next = new Map(m);
      if (next.has(c.id)) next.delete(c.id);
      else next.set(c.id, { id: c.id, version: c.version, assigned: c.assignee !== null });
      return next;
    });
  return (
    <>
      <h1>{t('cases.queue.title')}</h1>
      {can('cases.write') && <p><a className="button" href={href(['cases', 'new'])}>{t('cases.new.title')}</a></p>}
      <form className="filters" role="search" aria-label={t('cases.filters')} onSubmit={(e) => { e.preventDefault(); go({ text: text.trim() }); }}>
        <div className="field">
          <label htmlFor="cq-type">{t('cases.type')}</label>
          <select id="cq-type" value={q.type} onChange={(e) => go({ type: e.target.value, status: '' })}>
            <option value="">{t('common.all')}</option>
            {types.data?.items.map((x) => <option key={x.code} value={x.code}>{i.tx(`case.type.${x.code}`, x.label)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cq-status">{t('cases.status')}</label>
          <select id="cq-status" value={q.status} onChange={(e) => go({ status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {statuses.map((s) => <option key={s} value={s}>{statusLabel(i, s)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cq-assignee">{t('cases.assignee')}</label>
          <select id="cq-assignee" value={q.assignee} onChange={(e) => go({ assignee: e.target.value })}>
            <option value="">{t('common.all')}</option>
            <option value="me">{t('cases.assignee.me')}</option>
            <option value="none">{t('cases.assignee.none')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="cq-due">{t('cases.due')}</label>
          <select id="cq-due" value={q.due} onChange={(e) => go({ due: e.target.value })}>
            <option value="">{t('common.all')}</option>
            <option value="due-soon">{t('cases.due.soon')}</option>
            <option value="overdue">{t('cases.due.overdue')}</option>
            <option value="breached">{t('cases.due.breached')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="cq-text">{t('cases.text')}</label>
          <input id="cq-text" type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit">{t('common.search')}</button>
      </form>
      {q.household && <p className="filter-note">{t('cases.hh.filtered')} <a href={href(['cases'], { ...q, household: '', offset: 0 })}>{t('cases.hh.clearFilter')}</a></p>}
      <ErrorAlert error={loaded.error ?? types.error} />
      <div role="status" id="bulk-result">
        {bulkResult && (
          <>
            <p>{t('cases.bulk.result', { ok: bulkResult.succeeded, failed: bulkResult.failed })}</p>
            <ul>
              {bulkResult.results.map((r) => (!r.ok ? <li key={r.id}>{r.id.slice(0, 8)}: {r.message}</li> : null))}
            </ul>
          </>
        )}
      </div>
      {loaded.data && (
        <>
          <ul className="case-counts" aria-label={t('cases.counts')}>
            {loaded.data.counts.map((c) => (
              <li key={c.status}>
                <a href={href(['cases'], { ...q, status: c.status })} aria-current={q.status === c.status ? 'true' : undefined}>
                  {statusLabel(i, c.status)}: {i.number(c.count)}
                </a>
              </li>
            ))}
          </ul>
          {loaded.data.items.length === 0 ? (
            <p>{t('common.noMatches')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t('cases.queue.caption', { total: loaded.data.total })}</caption>
              <thead>
                <tr>
                  {can('cases.assign') && <th scope="col">{t('cases.select')}</th>}
                  <th scope="col">{t('cases.number')}</th>
                  <th scope="col">{t('cases.title')}</th>
                  <th scope="col">{t('cases.type')}</th>
                  <th scope="col">{t('cases.status')}</th>
                  <th scope="col">{t('cases.assignee')}</th>
                  <th scope="col">{t('cases.nextDue')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((c) => (
                  <tr key={c.id}>
                    {can('cases.assign') && (
                      <td>
                        <input type="checkbox" aria-label={t('cases.selectCase', { number: c.number })} checked={selected.has(c.id)} onChange={() => toggle(c)} />
                      </td>
                    )}
                    <td><a href={href(['cases', c.id])}>{c.number}</a></td>
                    <td>{c.title}</td>
                    <td>{i.tx(`case.type.${c.type}`, c.typeLabel)}</td>
                    <td>{statusLabel(i, c.status)}{c.pendingTransferTo && <> · {t('cases.transferTo', { agency: c.pendingTransferTo })}</>}</td>
                    <td>{c.assignee?.name ?? t('cases.assignee.none')}</td>
                    <td>
                      {c.nextDueOn ? i.date(c.nextDueOn) : '—'}
                      {c.overdue && <span className="tag tag-denied">{t('cases.due.overdue')}</span>}
                      {!c.overdue && c.dueSoon && <span className="tag tag-expired">{t('cases.due.soon')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager total={loaded.data.total} offset={offset} limit={LIMIT} onOffset={(o) => navigate(href(['cases'], { ...q, offset: o }))} />
          {can('cases.assign') && selected.size > 0 && <BulkAssign selected={[...selected.values()]} onDone={(r) => { setBulkResult(r); setSelected(new Map()); loaded.reload(); }} />}
        </>
      )}
    </>
  );
}
