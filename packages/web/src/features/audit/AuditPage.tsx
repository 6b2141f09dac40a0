import type { AuditEntry, Page } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { actorTypeLabel, outcomeLabel, purposeLabel, rolesText } from '../../i18n/labels.ts';
import { href, navigate, type Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { auditApi, filtersFrom } from './api.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { VerifyChain } from './VerifyChain.tsx';

const LIMIT = 50;

function AuditRow({ e }: { e: AuditEntry }) {
  const i = useI18n();
  const { t } = i;
  const target = e.targetType ? `${e.targetType} ${e.targetId ?? ''}`.trim() : '';
  return (
    <tr>
      <td className="nowrap">{i.dateTime(e.at)}</td>
      <td>
        {e.actor.name ?? e.actor.id ?? '—'}
        <br />
        <span className="muted small">{actorTypeLabel(i, e.actor.type)}</span>
      </td>
      <td>{e.agencyCode ?? '—'}</td>
      <td>{rolesText(i, e.roles ?? []) || '—'}</td>
      <td>
        <code>{e.action}</code>
      </td>
      <td>{e.purpose ? purposeLabel(i, e.purpose) : '—'}</td>
      <td className="target">
        {e.targetType ? (
          <>
            {e.targetType}
            {e.targetId && <code>{e.targetId}</code>}
            {e.targetId && (
              <a className="small" href={href(['audit'], { targetType: e.targetType, targetId: e.targetId })}>
                {t('audit.whoLooked')}
                <span className="visually-hidden"> ({target})</span>
              </a>
            )}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        <span className={`tag tag-${e.outcome}`}>{outcomeLabel(i, e.outcome)}</span>
      </td>
      <td>{e.clientIp ?? '—'}</td>
    </tr>
  );
}

export function AuditPage({ route }: { route: Route }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const filters = filtersFrom(route.query);
  const offset = Math.max(0, Number(route.query.get('offset')) || 0);
  const result = useLoad<Page<AuditEntry>>(`audit?${route.query.toString()}`, (signal) =>
    auditApi.search({ ...filters, limit: LIMIT, offset }, signal),
  );
  const page = result.data;
  const byTarget = filters.targetType && filters.targetId;

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <AuditFilterForm key={route.key} initial={filters} />
      {byTarget && (
        <p className="notice">{t('audit.byTarget', { target: `${filters.targetType} ${filters.targetId}` })}</p>
      )}
      <ErrorAlert error={result.error} />
      <p role="status" className="result-count">
        {result.loading ? t('common.loading') : page ? t('audit.count', { count: i.number(page.total) }) : ''}
      </p>
      {page && page.items.length > 0 && (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.time')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('field.agency')}</th>
                <th scope="col">{t('field.roles')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.purpose')}</th>
                <th scope="col">{t('audit.col.target')}</th>
                <th scope="col">{t('audit.col.outcome')}</th>
                <th scope="col">{t('audit.col.client')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <AuditRow key={e.id} e={e} />
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
          onOffset={(o) => navigate(href(['audit'], { ...filters, offset: o || undefined }))}
        />
      )}
      {can('audit.verify') && <VerifyChain />}
    </>
  );
}
