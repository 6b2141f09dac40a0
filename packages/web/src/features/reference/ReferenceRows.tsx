import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { tableLabel } from '../../i18n/labels.ts';
import { href, navigate, type Route } from '../../router.ts';
import { referenceApi } from './api.ts';

const LIMIT = 50;

function SearchForm({ table, initial }: { table: string; initial: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href(['reference', table], { q: q.trim() }));
  };
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('reference.searchLabel')}>
      <TextField id="ref-q" label={t('reference.search')} type="search" value={q} onChange={setQ} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}

export function ReferenceRows({ table, route }: { table: string; route: Route }) {
  const i = useI18n();
  const { t } = i;
  const q = route.query.get('q') ?? '';
  const offset = Math.max(0, Number(route.query.get('offset')) || 0);
  const rows = useLoad(`ref:${table}?${route.query.toString()}`, (signal) =>
    referenceApi.rows(table, { q, limit: LIMIT, offset }, signal),
  );
  const page = rows.data;
  return (
    <>
      <h1>{tableLabel(i, table)}</h1>
      <p>
        <a href="#/reference">{t('reference.backToTables')}</a>
      </p>
      <SearchForm key={route.key} table={table} initial={q} />
      <ErrorAlert error={rows.error} />
      <p role="status" className="result-count">
        {rows.loading ? t('common.loading') : page ? t('reference.count', { count: i.number(page.total) }) : ''}
      </p>
      {page && page.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{tableLabel(i, table)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.key')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('reference.active')}</th>
                <th scope="col">{t('reference.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    <a href={href(['reference', table, r.key])}>{r.key}</a>
                  </th>
                  <td>{i.name(r.names)}</td>
                  <td>{r.active ? t('common.yes') : t('common.no')}</td>
                  <td>{i.dateTime(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (
        <Pager
          total={page.total}
          offset={offset}
          limit={LIMIT}
          onOffset={(o) => navigate(href(['reference', table], { q, offset: o || undefined }))}
        />
      )}
    </>
  );
}
