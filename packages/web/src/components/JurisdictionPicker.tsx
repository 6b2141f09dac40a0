import { useId, useMemo, useState } from 'react';
import type { Jurisdiction } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { kindLabel } from '../i18n/labels.ts';
import { jurisdictionTree } from './lookups.ts';

/**
 * Multi-select of jurisdiction scopes as a filterable tree of checkboxes. Selecting a marz already covers
 * its crossing points (scopes reach everything below them); the hint says so.
 */
export function JurisdictionPicker(props: {
  legend: string;
  items: readonly Jurisdiction[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const i = useI18n();
  const { t } = i;
  const base = useId();
  const [filter, setFilter] = useState('');
  const tree = useMemo(() => jurisdictionTree(props.items), [props.items]);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? tree.filter(({ item }) =>
        [item.code, item.path, item.name.hy, item.name.ru, item.name.en].some((s) => s?.toLowerCase().includes(needle)),
      )
    : tree;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(props.selected);
    if (on) next.add(id);
    else next.delete(id);
    props.onChange(next);
  };
  const chosen = props.items.filter((j) => props.selected.has(j.id));
  return (
    <fieldset className="checks jurisdictions">
      <legend>{props.legend}</legend>
      <p className="hint" id={`${base}-hint`}>
        {t('jurisdictions.hint')}
      </p>
      <div className="field">
        <label htmlFor={`${base}-filter`}>{t('jurisdictions.filter')}</label>
        <input
          id={`${base}-filter`}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-describedby={`${base}-hint`}
        />
      </div>
      <p className="muted small" aria-live="polite">
        {chosen.length
          ? t('jurisdictions.selected', { names: chosen.map((j) => i.name(j.name)).join(', ') })
          : t('jurisdictions.noneSelected')}
      </p>
      <div className="check-scroll">
        {shown.map(({ item, depth }) => {
          const id = `${base}-${item.id}`;
          return (
            <div className="field-check" key={item.id} style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
              <input
                id={id}
                type="checkbox"
                name="jurisdictionIds"
                value={item.id}
                data-code={item.code}
                checked={props.selected.has(item.id)}
                onChange={(e) => toggle(item.id, e.target.checked)}
              />
              <label htmlFor={id}>
                {i.name(item.name)} <span className="muted">({kindLabel(i, item.kind)}, {item.code})</span>
              </label>
            </div>
          );
        })}
        {shown.length === 0 && <p className="muted">{t('common.noMatches')}</p>}
      </div>
    </fieldset>
  );
}
