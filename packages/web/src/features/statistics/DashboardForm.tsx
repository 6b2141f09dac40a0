import { useState, type FormEvent } from 'react';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { Catalogue, IndicatorDef } from './api.ts';
import { KIND, codeLabel, dimensionLabel, grainLabel, indicatorLabel, type OpenNames } from './labels.ts';
import type { ChartKind, View } from './model.ts';
import type { Grain } from './periods.ts';

/** Dimensions whose codes are typed (an open list too long for checkboxes). */
const TYPED: Readonly<Record<string, string>> = { citizenship: 'RUS, IRN, GEO' };

/** A view trimmed to what an indicator has: other filters, a breakdown or a grain it lacks are dropped. */
export function fitView(v: View, ind: IndicatorDef): View {
  const filters = Object.fromEntries(Object.entries(v.filters).filter(([d]) => ind.dimensions.includes(d)));
  return {
    ...v,
    indicator: ind.id,
    filters,
    by: ind.dimensions.includes(v.by) ? v.by : '',
    period: v.period && ind.periods.includes(v.period) ? v.period : '',
  };
}

/**
 * The filter form: indicator, period or date, breakdown, chart kind and one filter per dimension. It edits
 * a draft of the view on screen; "Show figures" makes it the new base view (the drill-down path ends).
 */
export function DashboardForm(props: { catalogue: Catalogue; view: View; national: boolean; names: OpenNames | undefined; onShow: (v: View) => void; onReset: () => void }) {
  const i = useI18n();
  const { t } = i;
  const [draft, setDraft] = useState<View>(props.view);
  const ind = props.catalogue.indicators.find((x) => x.id === draft.indicator) ?? props.catalogue.indicators[0]!;
  const set = (patch: Partial<View>) => setDraft((d) => ({ ...d, ...patch }));
  const setFilter = (dim: string, codes: readonly string[]) => setDraft((d) => ({ ...d, filters: { ...d.filters, [dim]: [...codes] } }));
  const stock = ind.kind === 'stock';
  const kinds = [...new Set(props.catalogue.indicators.map((x) => x.kind))];
  const closed = (dim: string) => props.catalogue.dimensions.find((d) => d.id === dim)?.codes ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filters = Object.fromEntries(Object.entries(draft.filters).filter(([, codes]) => codes.length > 0));
    props.onShow(fitView({ ...draft, filters }, ind));
  };

  const filterField = (dim: string) => {
    const selected = draft.filters[dim] ?? [];
    if (TYPED[dim]) {
      return (
        <TextField
          key={dim}
          id={`filter-${dim}`}
          label={dimensionLabel(i, dim)}
          hint={t('stats.codesHint', { example: TYPED[dim]! })}
          value={selected.join(', ')}
          onChange={(text) => setFilter(dim, text.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean))}
          maxLength={400}
        />
      );
    }
    const codes = dim === 'crossingPoint' ? (props.names?.crossingPoints ?? []).map((p) => p.key) : (closed(dim) ?? []);
    return (
      <details key={dim} className="filter-group" open={selected.length > 0}>
        <summary>{selected.length ? t('stats.filterCount', { dimension: dimensionLabel(i, dim), count: selected.length }) : dimensionLabel(i, dim)}</summary>
        <CheckboxGroup
          legend={dimensionLabel(i, dim)}
          name={`filter-${dim}`}
          options={codes.map((c) => ({ value: c, label: codeLabel(i, dim, c, props.names) }))}
          selected={new Set(selected)}
          onChange={(next) => setFilter(dim, codes.filter((c) => next.has(c)))}
          columns={codes.length > 8}
        />
      </details>
    );
  };

  return (
    <form className="stats-form" onSubmit={submit} aria-label={t('stats.filters')}>
      <div className="filters">
        <SelectField id="stats-indicator" label={t('stats.indicator')} value={ind.id} onChange={(id) => set({ indicator: id })}>
          {kinds.map((k) => (
            <optgroup key={k} label={KIND[k] ? t(KIND[k]) : k}>
              {props.catalogue.indicators
                .filter((x) => x.kind === k)
                .map((x) => {
                  const localOnly = !props.national && (x.kind === 'stock' || x.kind === 'migration');
                  return (
                    <option key={x.id} value={x.id} disabled={localOnly}>
                      {indicatorLabel(i, x.id)}
                      {localOnly ? ` (${t('stats.nationalOnly')})` : ''}
                    </option>
                  );
                })}
            </optgroup>
          ))}
        </SelectField>
        {!stock && (
          <SelectField id="stats-period" label={t('stats.period')} value={draft.period && ind.periods.includes(draft.period) ? draft.period : 'month'} onChange={(g) => set({ period: g as Grain })}>
            {ind.periods.map((g) => (
              <option key={g} value={g}>
                {grainLabel(i, g)}
              </option>
            ))}
          </SelectField>
        )}
        {!stock && <TextField id="stats-from" type="date" label={t('stats.from')} value={draft.from} onChange={(from) => set({ from })} />}
        {!stock && <TextField id="stats-to" type="date" label={t('stats.to')} value={draft.to} onChange={(to) => set({ to })} />}
        {(stock || ind.kind === 'migration') && (
          <TextField id="stats-at" type="date" label={t('stats.at')} hint={t(stock ? 'stats.atHint' : 'stats.atMigrationHint')} value={draft.at} onChange={(at) => set({ at })} />
        )}
        <SelectField id="stats-by" label={t('stats.by')} value={ind.dimensions.includes(draft.by) ? draft.by : ''} onChange={(by) => set({ by })}>
          <option value="">{t('stats.byNone')}</option>
          {ind.dimensions.map((d) => (
            <option key={d} value={d}>
              {dimensionLabel(i, d)}
            </option>
          ))}
        </SelectField>
        {!stock && (
          <SelectField id="stats-chart" label={t('stats.chartKind')} value={draft.chart} onChange={(c) => set({ chart: c as ChartKind })}>
            <option value="line">{t('stats.chart.line')}</option>
            <option value="bars">{t('stats.chart.bars')}</option>
          </SelectField>
        )}
      </div>
      <fieldset className="filter-list">
        <legend>{t('stats.filters')}</legend>
        {ind.dimensions.map(filterField)}
      </fieldset>
      <p className="actions">
        <button type="submit" className="primary" id="stats-show">
          {t('stats.show')}
        </button>
        <button type="button" onClick={props.onReset}>
          {t('stats.reset')}
        </button>
      </p>
    </form>
  );
}
