import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { TextField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href, type Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { residenceApi, type ImportReport, type Visa } from './api.ts';
import { VisaForm } from './VisaForm.tsx';

const LIMIT = 50;

function Sections({ current }: { current: 'list' | 'import' | 'new' }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <nav aria-label={t('visas.sections')} className="subnav">
      <a href={href(['visas'])} aria-current={current === 'list' ? 'page' : undefined}>{t('visas.list')}</a>{' '}
      <a href={href(['visas', 'import'])} aria-current={current === 'import' ? 'page' : undefined}>{t('visas.import')}</a>
      {can('residence.manage') && <>{' '}<a href={href(['visas', 'new'])} aria-current={current === 'new' ? 'page' : undefined}>{t('visas.new.title')}</a></>}
    </nav>
  );
}

function VisaList() {
  const i = useI18n();
  const { t } = i;
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [state, setState] = useState('all');
  const [offset, setOffset] = useState(0);
  const loaded = useLoad(`visas:${q}:${state}:${offset}`, (signal) => residenceApi.visas({ q: q || undefined, state, offset, limit: LIMIT }, signal));
  return (
    <>
      <h1>{t('visas.list')}</h1>
      <Sections current="list" />
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); setOffset(0); setQ(text.trim()); }}>
        <TextField label={t('visas.search')} value={text} onChange={setText} type="search" maxLength={60} />
        <div className="field">
          <label htmlFor="visa-state">{t('visas.state')}</label>
          <select id="visa-state" value={state} onChange={(e) => { setOffset(0); setState(e.target.value); }}>
            <option value="all">{t('common.all')}</option>
            {(['in_force', 'expired', 'withdrawn'] as const).map((s) => <option key={s} value={s}>{t(`visas.state.${s}`)}</option>)}
          </select>
        </div>
        <button type="submit">{t('common.search')}</button>
      </form>
      <ErrorAlert error={loaded.error} />
      {loaded.data && loaded.data.items.length === 0 && <p>{t('common.noMatches')}</p>}
      {loaded.data && loaded.data.items.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t('visas.number')}</th><th scope="col">{t('visas.holder')}</th><th scope="col">{t('visas.type')}</th><th scope="col">{t('visas.validity')}</th><th scope="col">{t('visas.state')}</th></tr></thead>
          <tbody>
            {loaded.data.items.map((v) => (
              <tr key={v.id}>
                <td><a href={href(['visas', v.id])}>{v.number}</a></td>
                <td>{v.holderName ?? '—'}</td>
                <td>{i.tx(`visas.type.${v.type}`, v.type)}</td>
                <td>{i.date(v.validFrom)} – {i.date(v.validTo)}</td>
                <td>{i.tx(`visas.state.${v.state}`, v.state)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loaded.data && <Pager total={loaded.data.total} offset={offset} limit={LIMIT} onOffset={setOffset} />}
    </>
  );
}

function VisaDetail({ id }: { id: string }) {
  const i = useI18n();
  const { t } = i;
  const loaded = useLoad(`visa:${id}`, (signal) => residenceApi.visa(id, signal));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const v: Visa | undefined = loaded.data;
  const withdraw = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    residenceApi.withdraw(id, reason.trim()).then(loaded.setData, setError);
  };
  return (
    <>
      <h1>{t('visas.detail', { number: v?.number ?? '' })}</h1>
      <Sections current="list" />
      <ErrorAlert error={loaded.error ?? error} />
      {v && (
        <>
          <dl className="facts">
            <dt>{t('visas.holder')}</dt><dd><a href={href(['persons', v.personId])}>{v.holderName ?? t('visas.person')}</a></dd>
            <dt>{t('visas.type')}</dt><dd>{i.tx(`visas.type.${v.type}`, v.type)}</dd>
            <dt>{t('visas.validity')}</dt><dd>{i.date(v.validFrom)} – {i.date(v.validTo)}</dd>
            <dt>{t('visas.stayDays')}</dt><dd>{v.stayDays}</dd>
            <dt>{t('visas.entries')}</dt><dd>{i.tx(`visas.entries.${v.entries}`, v.entries)}</dd>
            <dt>{t('visas.issuingPost')}</dt><dd>{v.issuingPost}</dd>
            <dt>{t('visas.passport')}</dt><dd>{v.passportNumber ?? '—'}</dd>
            <dt>{t('visas.state')}</dt><dd>{i.tx(`visas.state.${v.state}`, v.state)}{v.withdrawalReason ? ` — ${v.withdrawalReason}` : ''}</dd>
          </dl>
          {v.state !== 'withdrawn' && (
            <form onSubmit={withdraw} className="stack">
              <TextField label={t('visas.withdrawReason')} value={reason} onChange={setReason} required maxLength={2000} />
              <button type="submit" disabled={reason.trim().length < 3}>{t('visas.withdraw')}</button>
            </form>
          )}
        </>
      )}
    </>
  );
}

function ImportPage() {
  const i = useI18n();
  const { t } = i;
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await residenceApi.importEvisas(file.name, await file.text()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('visas.importTitle')}</h1>
      <Sections current="import" />
      <p>{t('visas.importHelp')}</p>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor="evisa-file">{t('visas.file')}</label>
          <input id="evisa-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="primary" disabled={!file || busy}>{t('visas.importButton')}</button>
      </form>
      <ErrorAlert error={error} />
      {report && (
        <section aria-labelledby="evisa-report" role="status">
          <h2 id="evisa-report">{t('visas.report')}</h2>
          <p>{t('visas.report.counts', { rows: report.rowsRead, loaded: report.loaded, unchanged: report.unchanged, created: report.personsCreated, matched: report.personsMatched, rejected: report.errors.length })}</p>
          {report.errors.length > 0 && (
            <ul>{report.errors.map((e, n) => <li key={n}>{t('visas.report.line', { row: e.row })}: {e.field ? `${e.field} — ` : ''}{e.message}</li>)}</ul>
          )}
        </section>
      )}
    </>
  );
}

function NewVisaPage() {
  const { t } = useI18n();
  return (
    <>
      <h1 id="visa-new-h">{t('visas.new.title')}</h1>
      <Sections current="new" />
      <VisaForm />
    </>
  );
}

/** The visas and residence module: visa list and detail, and the e-visa import with its report. */
export function VisasPage({ route }: { route: Route }) {
  const [, second] = route.path;
  if (second === 'import') return <ImportPage />;
  if (second === 'new') return <NewVisaPage />;
  if (second) return <VisaDetail id={second} />;
  return <VisaList />;
}
