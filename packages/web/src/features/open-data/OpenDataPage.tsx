import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href, type Route } from '../../router.ts';
import { DownloadLinks } from '../statistics/DownloadLinks.tsx';
import { codeLabel, dimensionLabel } from '../statistics/labels.ts';
import '../statistics/statistics.css';
import { openDataApi, type Dataset, type DatasetMeta } from './api.ts';
import { codesOf, twoWay } from './table.ts';

/** The mark of a suppressed cell, explained in the legend. */
const MARK = '×';

function DatasetList() {
  const i = useI18n();
  const loaded = useLoad('open-data:list', (signal) => openDataApi.list(signal));
  return (
    <>
      <h1>{i.t('opendata.title')}</h1>
      <p>{i.t('opendata.intro')}</p>
      <ErrorAlert error={loaded.error} />
      <h2>{i.t('opendata.datasets')}</h2>
      {loaded.data && loaded.data.length === 0 && <p>{i.t('opendata.noDatasets')}</p>}
      {loaded.data && (
        <ul className="cards">
          {loaded.data.map((d) => (
            <li key={d.id} className="card">
              <a href={href(['open-data', d.id])} className="card-title" data-dataset={d.id}>
                {i.name(d.title)}
              </a>
              <p className="card-text">{i.name(d.description)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function About({ meta }: { meta: DatasetMeta }) {
  const i = useI18n();
  const day = (d: string) => i.date(`${d}T12:00:00Z`);
  return (
    <>
      <p>{i.name(meta.description)}</p>
      <dl className="kv">
        <dt>{i.t('opendata.period')}</dt>
        <dd>{i.t('stats.range', { from: day(meta.from), to: day(meta.to) })}</dd>
      </dl>
      <p>
        {i.t('opendata.protection', { threshold: meta.threshold })}
        {meta.roundingBase ? ` ${i.t('opendata.rounded', { base: meta.roundingBase })}` : ''}
      </p>
      {meta.asOf && <p className="muted small">{i.t('opendata.updated', { time: i.dateTime(meta.asOf) })}</p>}
    </>
  );
}

function PublishedTable({ data }: { data: Dataset }) {
  const i = useI18n();
  const { t } = i;
  const [rowDim, ...others] = data.dimensions;
  const [colDim, setColDim] = useState(others[0] ?? '');
  const [held, setHeld] = useState<Record<string, string>>({});
  if (!rowDim || !colDim) return null;
  const view = twoWay(data.cells, data.dimensions, rowDim, colDim, held);
  const label = (dim: string, code: string) => codeLabel(i, dim, code);
  const heldDims = others.filter((d) => d !== colDim);
  const title = i.name(data.title);
  return (
    <>
      <div className="filters">
        <SelectField id="od-columns" label={t('opendata.columns')} value={colDim} onChange={setColDim}>
          {others.map((d) => (
            <option key={d} value={d}>
              {dimensionLabel(i, d)}
            </option>
          ))}
        </SelectField>
        {heldDims.map((d) => (
          <SelectField key={d} id={`od-held-${d}`} label={dimensionLabel(i, d)} value={held[d] ?? '_T'} onChange={(code) => setHeld((h) => ({ ...h, [d]: code }))}>
            {codesOf(data.cells, data.dimensions, d).map((c) => (
              <option key={c} value={c}>
                {label(d, c)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
        <table id="od-table">
          <caption>
            {t('opendata.tableCaption', { title, rows: dimensionLabel(i, rowDim), columns: dimensionLabel(i, colDim) })}
            {heldDims.map((d) => ` · ${dimensionLabel(i, d)}: ${label(d, held[d] ?? '_T')}`).join('')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{dimensionLabel(i, rowDim)}</th>
              {view.columns.map((c) => (
                <th key={c} scope="col" className="num">
                  {label(colDim, c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r}>
                <th scope="row">{label(rowDim, r)}</th>
                {view.columns.map((c) => {
                  const cell = view.cell(r, c);
                  if (!cell) return <td key={c} className="num">—</td>;
                  if (cell.value === null) {
                    return (
                      <td key={c} className="num suppressed" data-suppressed="true">
                        <span aria-hidden="true">{MARK}</span>
                        <span className="visually-hidden">{t('opendata.suppressed')}</span>
                      </td>
                    );
                  }
                  return (
                    <td key={c} className="num">
                      {i.number(cell.value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="legend-box" aria-labelledby="od-legend">
        <h2 id="od-legend">{t('opendata.legend')}</h2>
        <dl>
          <dt className="suppressed">{MARK}</dt>
          <dd>{t('opendata.legendSuppressed')}</dd>
          <dt>—</dt>
          <dd>{t('stats.noData')}</dd>
          {data.roundingBase && (
            <>
              <dt>{i.number(data.roundingBase)}</dt>
              <dd>{t('opendata.legendRounded')}</dd>
            </>
          )}
        </dl>
      </section>
    </>
  );
}

function DatasetView({ id }: { id: string }) {
  const i = useI18n();
  const loaded = useLoad(`open-data:${id}`, (signal) => openDataApi.dataset(id, signal));
  const d = loaded.data;
  return (
    <>
      <p>
        <a href={href(['open-data'])}>{i.t('opendata.back')}</a>
      </p>
      <h1>{d ? i.name(d.title) : i.t('opendata.title')}</h1>
      <ErrorAlert error={loaded.error} />
      {d && (
        <>
          <About meta={d} />
          <PublishedTable data={d} />
          <DownloadLinks urlOf={(format, lang) => openDataApi.downloadUrl(d.id, format, lang)} />
        </>
      )}
    </>
  );
}

/** The public open-data page (no login): published datasets and their protected tables. */
export function OpenDataPage({ route }: { route: Route }) {
  const i = useI18n();
  const id = route.path[1];
  return (
    <PublicLayout home={href(['open-data'])} subtitle={i.t('opendata.title')}>
      {id ? <DatasetView id={id} /> : <DatasetList />}
    </PublicLayout>
  );
}
