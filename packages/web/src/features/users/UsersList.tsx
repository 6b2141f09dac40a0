import { ROLES } from '@kamurj/domain/access';
import { useState, type FormEvent } from 'react';
import type { Agency, Page, UserView } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/fields.tsx';
import { lookups } from '../../components/lookups.ts';
import { Pager } from '../../components/Pager.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { roleLabel, rolesText } from '../../i18n/labels.ts';
import { href, navigate, type Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { scopesText } from '../shell/ScopeList.tsx';
import { usersApi } from './api.ts';

const LIMIT = 20;

interface Filters {
  q: string;
  agencyId: string;
  role: string;
  includeDisabled: boolean;
}

function FilterForm({ initial, agencies }: { initial: Filters; agencies: readonly Agency[] }) {
  const i = useI18n();
  const { t } = i;
  const [f, setF] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href(['users'], { ...f, q: f.q.trim() }));
  };
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('users.searchLabel')}>
      <TextField id="users-q" label={t('users.search')} type="search" value={f.q} onChange={(q) => setF({ ...f, q })} />
      <SelectField id="users-agency" label={t('field.agency')} value={f.agencyId} onChange={(agencyId) => setF({ ...f, agencyId })}>
        <option value="">{t('common.all')}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {i.name(a.name)}
          </option>
        ))}
      </SelectField>
      <SelectField id="users-role" label={t('field.role')} value={f.role} onChange={(role) => setF({ ...f, role })}>
        <option value="">{t('common.all')}</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(i, r)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        id="users-disabled"
        label={t('users.includeDisabled')}
        checked={f.includeDisabled}
        onChange={(includeDisabled) => setF({ ...f, includeDisabled })}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}

export function UsersList({ route }: { route: Route }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const q = route.query;
  const filters: Filters = {
    q: q.get('q') ?? '',
    agencyId: q.get('agencyId') ?? '',
    role: q.get('role') ?? '',
    includeDisabled: q.get('includeDisabled') === 'true',
  };
  const offset = Math.max(0, Number(q.get('offset')) || 0);
  const agencies = useLoad('agencies', () => lookups.agencies());
  const result = useLoad<Page<UserView>>(`users?${q.toString()}`, (signal) =>
    usersApi.list({ ...filters, includeDisabled: filters.includeDisabled, limit: LIMIT, offset }, signal),
  );
  const page = result.data;

  return (
    <>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        {can('users.manage') && (
          <a className="button primary" href="#/users/new">
            {t('users.create')}
          </a>
        )}
      </div>
      <FilterForm key={route.key} initial={filters} agencies={agencies.data ?? []} />
      <ErrorAlert error={result.error ?? agencies.error} />
      <p role="status" className="result-count">
        {result.loading ? t('common.loading') : page ? t('users.count', { count: i.number(page.total) }) : ''}
      </p>
      {page && page.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.username')}</th>
                <th scope="col">{t('field.displayName')}</th>
                <th scope="col">{t('field.agency')}</th>
                <th scope="col">{t('field.roles')}</th>
                <th scope="col">{t('field.jurisdictions')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <a href={href(['users', u.id])}>{u.username}</a>
                  </th>
                  <td>{u.displayName}</td>
                  <td>{i.name(u.agency.name)}</td>
                  <td>{rolesText(i, u.roles)}</td>
                  <td>{scopesText(i, u.jurisdictions)}</td>
                  <td>
                    {u.disabled ? t('users.disabled') : t('users.active')}
                    {u.mustChangePassword && <span className="tag">{t('users.mustChange')}</span>}
                  </td>
                  <td>{u.lastLoginAt ? i.dateTime(u.lastLoginAt) : t('users.never')}</td>
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
          onOffset={(o) => navigate(href(['users'], { ...filters, offset: o || undefined }))}
        />
      )}
    </>
  );
}
