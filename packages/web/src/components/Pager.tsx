import { useI18n } from '../i18n/index.tsx';

/** Previous/next paging with the shown range announced as text. */
export function Pager(props: { total: number; offset: number; limit: number; onOffset: (offset: number) => void }) {
  const { t, number } = useI18n();
  const { total, offset, limit, onOffset } = props;
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  if (offset === 0 && total <= limit) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('pager.previous')}
      </button>
      <span>{t('pager.range', { from: number(from), to: number(to), total: number(total) })}</span>
      <button type="button" disabled={to >= total} onClick={() => onOffset(offset + limit)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
