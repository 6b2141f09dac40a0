import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { borderApi, type ImportReport, type ListEntry, type ListKind } from './api.ts';
import { EntryForm } from './EntryForm.tsx';
import { DOC_LIST_STATUS, HIT_ACTION, LIST_TITLE, label } from './labels.ts';

const LIMIT = 50;

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setReport(await borderApi.importDocuments(csv));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="panel stack" onSubmit={submit} aria-labelledby="import-heading">
      <h2 id="import-heading">{t('border.lists.importTitle')}</h2>
      <ErrorAlert error={error} />
      <div className="field">
        <label htmlFor="import-file">{t('border.lists.importFile')}</label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />
      </div>
      <div className="field">
        <label htmlFor="import-csv">{t('border.lists.importText')}</label>
        <p className="hint" id="import-csv-hint">
          {t('border.lists.importHint')}
        </p>
        <textarea id="import-csv" rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} aria-describedby="import-csv-hint" />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={!csv.trim()}>
          {t('border.lists.importButton')}
        </button>
      </div>
      {report && (
        <div role="status" className="alert alert-info">
          <p>{t('border.lists.importReport', { read: report.rowsRead, loaded: report.loaded, listed: report.alreadyListed, errors: report.errors.length })}</p>
          {report.errors.length > 0 && (
            <ul>
              {report.errors.map((e, n) => (
                <li key={n}>{t('border.lists.importRow', { row: e.row, field: e.field, message: e.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

function Row({ e, canManage, onChanged }: { e: ListEntry; canManage: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const action = label(HIT_ACTION, e.action);
  const status = label(DOC_LIST_STATUS, e.status);
  const toggle = async () => {
    try {
      await borderApi.changeEntry(e.id, { version: e.version, active: !e.active });
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <tr>
      <td lang="und">{e.names ? e.names.join(' · ') : `${e.number ?? ''} (${e.issuingState ?? ''})`}</td>
      <td>{e.names ? (e.birthDate ?? '—') : status ? t(status) : e.status}</td>
      <td>{e.ban ? `${e.ban.from} – ${e.ban.until ?? '…'}` : (e.reportedOn ?? '—')}</td>
      <td>{e.reason}</td>
      <td>{action ? t(action) : e.action}</td>
      <td>{e.agency}</td>
      <td>{e.active ? t('border.lists.active') : t('border.lists.withdrawn')}</td>
      <td>
        {canManage && (
          <button type="button" onClick={() => void toggle()}>
            {e.active ? t('border.lists.withdraw') : t('border.lists.reinstate')}
          </button>
        )}
        <ErrorAlert error={error} />
      </td>
    </tr>
  );
}

/** Administration of one list: search, add, withdraw/reinstate, CSV import for documents. */
export function ListsPage({ kind }: { kind: ListKind }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const loaded = useLoad(`border-list:${kind}:${query}:${offset}`, (signal) => borderApi.list(kind, { ...(query ? { q: query } : {}), offset, limit: LIMIT }, signal));
  const canManage = can('watchlist.manage');
  return (
    <>
      <h1>{t(LIST_TITLE[kind]!)}</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setQuery(q.trim());
        }}
      >
        <div className="field">
          <label htmlFor="list-q">{t('border.lists.search')}</label>
          <input id="list-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit">{t('common.search')}</button>
      </form>
      <ErrorAlert error={loaded.error} />
      {loaded.data && (
        <>
          <p className="result-count">{t('border.lists.count', { total: loaded.data.total, version: loaded.data.version })}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t(LIST_TITLE[kind]!)}</caption>
              <thead>
                <tr>
                  <th scope="col">{kind === 'document' ? t('border.documentNumber') : t('border.lists.names')}</th>
                  <th scope="col">{kind === 'document' ? t('border.lists.status') : t('border.birthDate')}</th>
                  <th scope="col">{kind === 'document' ? t('border.lists.reportedOn') : t('border.lists.period')}</th>
                  <th scope="col">{t('border.lists.reason')}</th>
                  <th scope="col">{t('border.lists.action')}</th>
                  <th scope="col">{t('border.lists.agency')}</th>
                  <th scope="col">{t('border.lists.state')}</th>
                  <th scope="col">{t('common.operations')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((e) => (
                  <Row key={e.id} e={e} canManage={canManage} onChanged={loaded.reload} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={loaded.data.total} offset={offset} limit={LIMIT} onOffset={setOffset} />
        </>
      )}
      {canManage && <EntryForm key={kind} kind={kind} onCreated={loaded.reload} />}
      {canManage && kind === 'document' && <ImportForm onDone={loaded.reload} />}
    </>
  );
}
