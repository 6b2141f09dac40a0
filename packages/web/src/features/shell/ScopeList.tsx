import type { JurisdictionRef } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { kindLabel } from '../../i18n/labels.ts';

/** The jurisdictions a person or token reaches, in the current language. */
export function ScopeList({ items }: { items: readonly JurisdictionRef[] }) {
  const i = useI18n();
  if (items.length === 0) return <p>{i.t('scopes.none')}</p>;
  return (
    <ul className="scopes">
      {items.map((j) => (
        <li key={j.id}>
          {i.name(j.name)} <span className="muted">({kindLabel(i, j.kind)}, {j.code})</span>
        </li>
      ))}
    </ul>
  );
}

export function scopesText(i: ReturnType<typeof useI18n>, items: readonly JurisdictionRef[]): string {
  return items.map((j) => i.name(j.name)).join(', ');
}
