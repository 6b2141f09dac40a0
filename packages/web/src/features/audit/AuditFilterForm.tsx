import { useState, type FormEvent } from 'react';
import { MessageAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/fields.tsx';
import { useT } from '../../i18n/index.tsx';
import { href, navigate } from '../../router.ts';
import type { AuditFilters } from './api.ts';

export function AuditFilterForm({ initial }: { initial: AuditFilters }) {
  const t = useT();
  const [f, setF] = useState(initial);
  const [local, setLocal] = useState<string | null>(null);
  const set = (k: keyof AuditFilters) => (v: string) => setF({ ...f, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocal(null);
    if (f.from && f.to && f.from > f.to) return setLocal(t('audit.badPeriod'));
    if (f.targetId.trim() && !f.targetType.trim()) return setLocal(t('audit.needTargetType'));
    const trimmed = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.trim()]));
    navigate(href(['audit'], trimmed));
  };
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('audit.searchLabel')}>
      <MessageAlert message={local} />
      <TextField id="audit-username" label={t('audit.username')} value={f.username} onChange={set('username')} />
      <TextField id="audit-action" label={t('audit.action')} hint={t('audit.actionHint')} value={f.action} onChange={set('action')} />
      <TextField id="audit-targetType" label={t('audit.targetType')} hint={t('audit.targetTypeHint')} value={f.targetType} onChange={set('targetType')} />
      <TextField id="audit-targetId" label={t('audit.targetId')} value={f.targetId} onChange={set('targetId')} />
      <TextField id="audit-from" label={t('audit.from')} type="date" value={f.from} onChange={set('from')} />
      <TextField id="audit-to" label={t('audit.to')} type="date" value={f.to} onChange={set('to')} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.search')}
        </button>
        <a className="button" href="#/audit">
          {t('common.clear')}
        </a>
      </div>
    </form>
  );
}
