import { useI18n } from '../../i18n/index.tsx';
import { ChartFrame, ChartSvg, FigureTable, Legend, seriesColour, type DrillTarget } from './ChartFrame.tsx';
import { codeLabel, dimensionLabel, periodLabel, type OpenNames } from './labels.ts';
import { topSeries, type Grid } from './model.ts';
import { bands, linear, niceAxis } from './scale.ts';

const W = 760;
const H = 300;
const M = { left: 64, right: 48, top: 12, bottom: 44 };
/** At most this many period labels under the axis (every n-th otherwise). */
const MAX_X_LABELS = 12;

/**
 * The time series: one line (or stacked bars) per code of the breakdown — the largest six, the rest
 * as "other" — or a single total. Clicking a period drills into it; so do the buttons under the chart.
 */
export function SeriesChart(props: { id: string; title: string; grid: Grid; by: string; kind: 'line' | 'bars'; names?: OpenNames; onDrill?: ((period: string) => void) | undefined }) {
  const i = useI18n();
  const { t } = i;
  const { grid, by } = props;
  const series = topSeries(grid);
  const periods = grid.periods;
  const label = (code: string) => (by ? codeLabel(i, by, code, props.names) : t('stats.total'));

  /** The lowest and highest point of a period's stacked bar (negative values stack downwards). */
  const stackExtent = (p: string): number[] => {
    let lo = 0;
    let hi = 0;
    for (const c of series.codes) {
      const v = series.value(p, c);
      if (v < 0) lo += v;
      else hi += v;
    }
    return [lo, hi];
  };
  const values = props.kind === 'bars' ? periods.flatMap(stackExtent) : periods.flatMap((p) => series.codes.map((c) => series.value(p, c)));
  const axis = niceAxis(Math.min(0, ...values), Math.max(0, ...values));
  const innerW = W - M.left - M.right;
  const y = linear(axis.lo, axis.hi, H - M.bottom, M.top);
  const band = bands(periods.length, innerW, props.kind === 'bars' ? 0.2 : 0);
  const cx = (n: number) => M.left + band.start(n) + band.size / 2;
  // Every n-th period is labelled: no more than MAX_X_LABELS, and never so close that labels overlap
  // (about 6.5 px a character at the chart's 12 px font).
  const xLabels = periods.map((p) => periodLabel(i, p));
  const widest = xLabels.reduce((w, l) => Math.max(w, l.length * 6.5 + 10), 0);
  const every = Math.max(1, Math.ceil(periods.length / MAX_X_LABELS), Math.ceil(widest / (innerW / Math.max(1, periods.length))));

  const totals = periods.map((p) => grid.totalByPeriod.get(p) ?? 0);
  const maxAt = totals.reduce((best, v, n) => (v > totals[best]! ? n : best), 0);
  const desc = periods.length
    ? t('stats.seriesDesc', {
        count: periods.length,
        first: periodLabel(i, periods[0]!),
        last: periodLabel(i, periods.at(-1)!),
        total: i.number(grid.total),
        max: i.number(totals[maxAt] ?? 0),
        maxPeriod: periodLabel(i, periods[maxAt]!),
      })
    : t('stats.noData');

  const chart = (
    <ChartSvg id={props.id} title={props.title} desc={desc} width={W} height={H}>
      <g className="axis">
        {axis.ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'zero' : 'grid'} />
            <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
              {i.number(v)}
            </text>
          </g>
        ))}
        {periods.map((p, n) =>
          n % every === 0 ? (
            <text key={p} x={cx(n)} y={H - M.bottom + 18} textAnchor="middle">
              {xLabels[n]}
            </text>
          ) : null,
        )}
      </g>
      {props.kind === 'bars'
        ? periods.map((p, n) => {
            let up = 0;
            let down = 0;
            return (
              <g key={p} className={props.onDrill ? 'drillable' : undefined} onClick={props.onDrill ? () => props.onDrill!(p) : undefined}>
                {series.codes.map((c, s) => {
                  const v = series.value(p, c);
                  if (v === 0) return null;
                  const from = v > 0 ? up : down;
                  const to = from + v;
                  if (v > 0) up = to;
                  else down = to;
                  return <rect key={c} x={M.left + band.start(n)} width={Math.max(1, band.size)} y={Math.min(y(from), y(to))} height={Math.abs(y(from) - y(to))} fill={seriesColour(c, s, by)} />;
                })}
              </g>
            );
          })
        : series.codes.map((c, s) => (
            <g key={c}>
              <polyline fill="none" stroke={seriesColour(c, s, by)} strokeWidth={2} points={periods.map((p, n) => `${cx(n)},${y(series.value(p, c))}`).join(' ')} />
              {periods.length <= 60 &&
                periods.map((p, n) => (
                  <circle key={p} cx={cx(n)} cy={y(series.value(p, c))} r={3.5} fill={seriesColour(c, s, by)} className={props.onDrill ? 'drillable' : undefined} onClick={props.onDrill ? () => props.onDrill!(p) : undefined} />
                ))}
            </g>
          ))}
    </ChartSvg>
  );

  const byCodes = by ? grid.codes : [];
  const table = (
    <FigureTable
      caption={props.title}
      corner={dimensionLabel(i, 'period')}
      columns={[...byCodes.map(label), t('stats.total')]}
      rows={periods.map((p) => ({ key: p, head: periodLabel(i, p), values: [...byCodes.map((c) => grid.value(p, c) ?? 0), grid.totalByPeriod.get(p) ?? 0] }))}
      foot={{ key: '_T', head: t('stats.total'), values: [...byCodes.map((c) => grid.totalByCode.get(c) ?? 0), grid.total] }}
    />
  );

  const drill: DrillTarget[] | undefined = props.onDrill && periods.length <= 60 ? periods.map((p) => ({ label: periodLabel(i, p), onDrill: () => props.onDrill!(p) })) : undefined;
  const legend = <Legend items={series.codes.map((c, s) => ({ label: label(c), colour: seriesColour(c, s, by) }))} />;
  return <ChartFrame id={props.id} title={props.title} chart={chart} table={table} legend={legend} drill={drill} />;
}
