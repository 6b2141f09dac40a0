import { useState, type FormEvent } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { borderApi, type CrossingPoint } from './api.ts';
import { ApisHits, IssueList } from './ApisHits.tsx';
import { apisApi, type ApisPassenger, type Manifest, type UploadReport } from './apisApi.ts';

const POST_STORE = 'kamurj.border.post';

/** The crossing point of the console's shift, if any (the page starts there). */
function shiftPoint(): string | null {
  try {
    return (JSON.parse(sessionStorage.getItem(POST_STORE) ?? 'null') as { point?: string } | null)?.point ?? null;
  } catch {
    return null;
  }
}

function UploadForm({ point, onUploaded }: { point: string; onUploaded: (r: UploadReport) => void }) {
  const { t } = useI18n();
  const [content, setContent] = useState('');
  const [flight, setFlight] = useState('');
  const [arrival, setArrival] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onUploaded(await apisApi.upload({ crossingPoint: point, content, ...(flight.trim() ? { flightNumber: flight.trim() } : {}), ...(arrival.trim() ? { scheduledArrival: arrival.trim() } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel stack" onSubmit={(e) => void submit(e)} aria-labelledby="apis-upload-heading">
      <h2 id="apis-upload-heading">{t('apis.uploadTitle')}</h2>
      <ErrorAlert error={error} />
      <div className="field">
        <label htmlFor="apis-file">{t('apis.file')}</label>
        <input id="apis-file" type="file" accept=".csv,.txt,.edi,text/csv,text/plain" onChange={(e) => void e.target.files?.[0]?.text().then(setContent)} />
      </div>
      <div className="field">
        <label htmlFor="apis-content">{t('apis.content')}</label>
        <p className="hint" id="apis-content-hint">
          {t('apis.contentHint')}
        </p>
        <textarea id="apis-content" rows={6} value={content} onChange={(e) => setContent(e.target.value)} aria-describedby="apis-content-hint" spellCheck={false} />
      </div>
      <TextField id="apis-flight" label={t('apis.flight')} hint={t('apis.flightHint')} value={flight} onChange={setFlight} maxLength={10} />
      <TextField id="apis-arrival" label={t('apis.scheduledArrival')} hint={t('apis.scheduledArrivalHint')} value={arrival} onChange={setArrival} maxLength={16} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !content.trim()}>
          {t('apis.upload')}
        </button>
      </div>
    </form>
  );
}

function Report({ r }: { r: UploadReport }) {
  const { t } = useI18n();
  const m = r.manifest;
  return (
    <StatusMessage tone={r.errors.length > 0 ? 'info' : 'success'}>
      <p id="apis-report" tabIndex={-1}>
        {t(r.replayed ? 'apis.replayed' : 'apis.loaded', { flight: m.flight, arrival: m.scheduledArrival.replace('T', ' '), passengers: m.counts.passengers, broken: r.errors.length, hits: m.counts.withHits })}{' '}
        <a href={href(['border', 'apis', m.id])}>{t('apis.openManifest')}</a>
      </p>
      <IssueList issues={r.errors} id="apis-report-errors" title={t('apis.brokenRows')} />
      <IssueList issues={r.warnings} id="apis-report-warnings" title={t('apis.warnings')} />
    </StatusMessage>
  );
}

function ManifestTable({ items }: { items: Manifest[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <p>{t('apis.noManifests')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('apis.manifestsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('apis.flight')}</th>
            <th scope="col">{t('apis.scheduledArrival')}</th>
            <th scope="col">{t('apis.passengers')}</th>
            <th scope="col">{t('apis.withHits')}</th>
            <th scope="col">{t('apis.adjudicated')}</th>
            <th scope="col">{t('apis.brokenRows')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <a href={href(['border', 'apis', m.id])}>{m.flight}</a>
              </th>
              <td>{m.scheduledArrival.replace('T', ' ')}</td>
              <td>{m.counts.passengers}</td>
              <td>{m.counts.withHits}</td>
              <td>{t('apis.adjudicatedOf', { done: m.counts.adjudicated, hits: m.counts.hits })}</td>
              <td>{m.errorCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Overview({ points }: { points: CrossingPoint[] }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const [point, setPoint] = useState(() => points.find((p) => p.code === shiftPoint())?.code ?? points[0]?.code ?? '');
  const [report, setReport] = useState<UploadReport | null>(null);
  const list = useLoad(point ? `apis-manifests:${point}` : null, (s) => apisApi.manifests(point, s));
  return (
    <>
      <SelectField id="apis-point" label={t('border.crossingPoint')} value={point} onChange={setPoint}>
        {points.map((p) => (
          <option key={p.code} value={p.code}>
            {i.name(p.names)}
          </option>
        ))}
      </SelectField>
      {can('border.apis.submit') && (
        <UploadForm
          point={point}
          onUploaded={(r) => {
            setReport(r);
            list.reload();
            requestAnimationFrame(() => document.getElementById('apis-report')?.focus());
          }}
        />
      )}
      {report && <Report r={report} />}
      <section aria-labelledby="apis-list-heading">
        <h2 id="apis-list-heading">{t('apis.manifestsTitle')}</h2>
        <ErrorAlert error={list.error} />
        {list.data && <ManifestTable items={list.data.items} />}
      </section>
    </>
  );
}

function PassengerRow({ p, onChange }: { p: ApisPassenger; onChange: (p: ApisPassenger) => void }) {
  const { t } = useI18n();
  const flagged = p.hits.length > 0 || p.history.length > 0;
  return (
    <li className={flagged ? 'apis-passenger flagged' : 'apis-passenger'}>
      <p>
        <strong lang="und">{`${p.surname} ${p.givenNames}`.trim()}</strong> · {p.birthDate ?? '—'} · {p.nationality ?? '—'} · <span className="mono">{p.document.number}</span> {p.document.issuingState ?? ''}
        {p.role === 'crew' && <span className="tag">{t('apis.crew')}</span>}
        {p.person && !p.person.masked && (
          <>
            {' '}
            · <a href={href(['persons', p.person.id])}>{t('apis.knownPerson')}</a>
          </>
        )}
        {p.person?.masked && ` · ${t('border.maskedPerson')}`}
      </p>
      {flagged ? <ApisHits passenger={p} onChange={onChange} canAdjudicate /> : <p className="small">{t('apis.noHits')}</p>}
      {p.suppressed.length > 0 && <p className="small">{t('apis.suppressed', { count: p.suppressed.length })}</p>}
    </li>
  );
}

function ManifestDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(`apis-manifest:${id}`, (s) => apisApi.manifest(id, s));
  const [onlyFlagged, setOnlyFlagged] = useState(true);
  const d = loaded.data;
  const replace = (p: ApisPassenger) => d && loaded.setData({ ...d, passengers: d.passengers.map((x) => (x.id === p.id ? p : x)) });
  const shown = d ? d.passengers.filter((p) => !onlyFlagged || p.hits.length > 0 || p.history.length > 0) : [];
  return (
    <>
      <p>
        <a href={href(['border', 'apis'])}>{t('apis.back')}</a>
      </p>
      <ErrorAlert error={loaded.error} />
      {d && (
        <>
          <h2>{t('apis.manifestHeading', { flight: d.manifest.flight, arrival: d.manifest.scheduledArrival.replace('T', ' ') })}</h2>
          <p>
            {t('apis.manifestSummary', { passengers: d.manifest.counts.passengers, hits: d.manifest.counts.withHits, done: d.manifest.counts.adjudicated, total: d.manifest.counts.hits })}
            {d.manifest.supersededBy && (
              <>
                {' '}
                <a href={href(['border', 'apis', d.manifest.supersededBy])}>{t('apis.superseded')}</a>
              </>
            )}
          </p>
          <IssueList issues={d.errors} id="apis-detail-errors" title={t('apis.brokenRows')} />
          <label className="check">
            <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} /> {t('apis.onlyFlagged')}
          </label>
          <ul className="apis-passengers" aria-label={t('apis.passengers')}>
            {shown.map((p) => (
              <PassengerRow key={p.id} p={p} onChange={replace} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** #/border/apis (upload, report, manifests of a crossing point) and #/border/apis/<id> (one manifest). */
export function ApisPage({ id }: { id: string | undefined }) {
  const { t } = useI18n();
  const context = useLoad('border-context', (s) => borderApi.context(s));
  return (
    <>
      <h1>{t('apis.title')}</h1>
      <ErrorAlert error={context.error} />
      {id ? <ManifestDetail id={id} /> : context.data && <Overview points={context.data.crossingPoints} />}
    </>
  );
}
