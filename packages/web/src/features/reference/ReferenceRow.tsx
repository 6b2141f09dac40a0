import { Fragment, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import type { LocalizedName, ReferenceItem } from '../../api/types.ts';
import { ErrorAlert, MessageAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { CheckboxField, TextField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { tableLabel } from '../../i18n/labels.ts';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { referenceApi } from './api.ts';
import { valueText } from './diff.ts';
import { ReferenceHistory } from './ReferenceHistory.tsx';

function RowForm(props: {
  table: string;
  row: ReferenceItem;
  onSaved: (r: ReferenceItem) => void;
  onConflict: (current: ReferenceItem | null) => void;
}) {
  const { t } = useI18n();
  const { row } = props;
  const [names, setNames] = useState<LocalizedName>({ ...row.names });
  const [active, setActive] = useState(row.active);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const setName = (lang: keyof LocalizedName) => (v: string) => setNames({ ...names, [lang]: v });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    const trimmed = { hy: names.hy.trim(), ru: names.ru.trim(), en: names.en.trim() };
    const namesChanged = (['hy', 'ru', 'en'] as const).some((l) => trimmed[l] !== row.names[l]);
    if (!namesChanged && active === row.active) return setLocal(t('common.noChanges'));
    setBusy(true);
    try {
      const body: { version: number; names?: LocalizedName; active?: boolean } = { version: row.version };
      if (namesChanged) body.names = trimmed;
      if (active !== row.active) body.active = active;
      props.onSaved(await referenceApi.update(props.table, row.key, body));
    } catch (err) {
      if (isApiError(err) && err.code === 'CONFLICT.STALE_VERSION') {
        props.onConflict((err.body.current as ReferenceItem | undefined) ?? null);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack form-wide">
      <MessageAlert message={local} />
      <ErrorAlert error={error} />
      <TextField id="ref-name-hy" label={t('reference.nameHy')} value={names.hy} onChange={setName('hy')} lang="hy" required />
      <TextField id="ref-name-ru" label={t('reference.nameRu')} value={names.ru} onChange={setName('ru')} lang="ru" required />
      <TextField id="ref-name-en" label={t('reference.nameEn')} value={names.en} onChange={setName('en')} lang="en" required />
      <CheckboxField id="ref-active" label={t('reference.active')} checked={active} onChange={setActive} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

export function ReferenceRow({ table, rowKey }: { table: string; rowKey: string }) {
  const i = useI18n();
  const { t } = i;
  const { hasModule } = useSession();
  const tables = useLoad('reference-tables', (signal) => referenceApi.tables(signal));
  const row = useLoad(`ref-row:${table}/${rowKey}`, (signal) => referenceApi.row(table, rowKey, signal));
  const history = useLoad(`ref-history:${table}/${rowKey}`, (signal) => referenceApi.history(table, rowKey, signal));
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const editable = tables.data?.find((tb) => tb.name === table)?.editable ?? false;
  const item = row.data;
  const attributes = Object.entries(item?.attributes ?? {});

  return (
    <>
      <h1>{t('reference.rowTitle', { table: tableLabel(i, table), key: rowKey })}</h1>
      <p className="actions">
        <a href={href(['reference', table])}>{t('reference.backToRows', { table: tableLabel(i, table) })}</a>
        {hasModule('audit') && (
          <a href={href(['audit'], { targetType: `reference:${table}`, targetId: rowKey })}>{t('audit.whoLookedRecord')}</a>
        )}
      </p>
      <ErrorAlert error={row.error ?? tables.error} />
      {row.loading && <p role="status">{t('common.loading')}</p>}
      {row.data === null && <p role="alert">{t('reference.rowMissing')}</p>}
      {notice === 'saved' && <StatusMessage tone="success">{t('common.saved')}</StatusMessage>}
      {notice === 'conflict' && (
        <div role="alert" className="alert alert-warning">
          <p>{t('error.CONFLICT.STALE_VERSION')}</p>
        </div>
      )}
      {item && (
        <dl className="kv">
          <dt>{t('reference.key')}</dt>
          <dd>{item.key}</dd>
          <dt>{t('reference.version')}</dt>
          <dd>{item.version}</dd>
          <dt>{t('reference.updated')}</dt>
          <dd>{i.dateTime(item.updatedAt)}</dd>
          {attributes.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{i.tx(`reference.attr.${k}`, k)}</dt>
              <dd>{valueText(v)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {item && editable && (
        <RowForm
          key={item.version}
          table={table}
          row={item}
          onSaved={(r) => {
            row.setData(r);
            setNotice('saved');
            history.reload();
          }}
          onConflict={(current) => {
            if (current) row.setData(current);
            else row.reload();
            setNotice('conflict');
            history.reload();
          }}
        />
      )}
      {item && !editable && tables.data && <p className="notice">{t('reference.readOnly')}</p>}
      <ReferenceHistory history={history} />
    </>
  );
}
