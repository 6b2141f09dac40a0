import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { tableLabel } from '../../i18n/labels.ts';
import { href, type Route } from '../../router.ts';
import { referenceApi } from './api.ts';
import { ReferenceRow } from './ReferenceRow.tsx';
import { ReferenceRows } from './ReferenceRows.tsx';

function ReferenceTables() {
  const i = useI18n();
  const { t } = i;
  const tables = useLoad('reference-tables', (signal) => referenceApi.tables(signal));
  return (
    <>
      <h1>{t('reference.title')}</h1>
      <p>{t('reference.intro')}</p>
      <ErrorAlert error={tables.error} />
      {tables.loading && <p role="status">{t('common.loading')}</p>}
      {tables.data && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reference.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.table')}</th>
                <th scope="col">{t('reference.rows')}</th>
                <th scope="col">{t('reference.editable')}</th>
              </tr>
            </thead>
            <tbody>
              {tables.data.map((tb) => (
                <tr key={tb.name}>
                  <th scope="row">
                    <a href={href(['reference', tb.name])}>{tableLabel(i, tb.name)}</a>
                  </th>
                  <td>{i.number(tb.count)}</td>
                  <td>{tb.editable ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ReferencePage({ route }: { route: Route }) {
  const [, table, key] = route.path;
  if (table && key) return <ReferenceRow table={table} rowKey={key} />;
  if (table) return <ReferenceRows table={table} route={route} />;
  return <ReferenceTables />;
}
