import { useI18n } from '../../i18n/index.tsx';
import { ChartFrame, ChartSvg, FigureTable, PALETTE, type DrillTarget } from './ChartFrame.tsx';
import { codeLabel, dimensionLabel, type OpenNames } from './labels.ts';
import type { Grid } from './model.ts';
import { linear, niceAxis } from './scale.ts';

const W = 760;
const ROW = 24;
const M = { left: 190, right: 70, top: 8, bottom: 28 };
/** Bars drawn; longer lists (citizenships) are complete in the table view. */
const MAX_BARS = 25;

const clip = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Totals over the whole range per code of the breakdown, as horizontal bars; a bar drills into its code. */
export function BreakdownChart(props: { id: string; title: string; grid: Grid; by: string; names?: OpenNames; onDrill?: ((code: string) => void) | undefined }) {
  const i = useI18n();
  const { t } = i;
  const { grid, by } = props;
  const label = (c: string) => codeLabel(i, by, c, props.names);
  const shown = grid.codes.slice(0, MAX_BARS);
  const values = shown.map((c) => grid.totalByCode.get(c) ?? 0);
  const axis = niceAxis(Math.min(0, ...values), Math.max(0, ...values), 4);
  const H = M.top + M.bottom + shown.length * ROW;
  const x = linear(axis.lo, axis.hi, M.left, W - M.right);
  const top = grid.codes.reduce<string | null>((best, c) => (best === null || (grid.totalByCode.get(c) ?? 0) > (grid.totalByCode.get(best) ?? 0) ? c : best), null);
  const desc = top
    ? t('stats.breakdownDesc', { count: grid.codes.length, top: label(top), value: i.number(grid.totalByCode.get(top) ?? 0), total: i.number(grid.total) })
    : t('stats.noData');

  const chart = (
    <ChartSvg id={props.id} title={props.title} desc={desc} width={W} height={H}>
      <g className="axis">
        {axis.ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={M.top} y2={H - M.bottom} className={v === 0 ? 'zero' : 'grid'} />
            <text x={x(v)} y={H - M.bottom + 16} textAnchor="middle">
              {i.number(v)}
            </text>
          </g>
        ))}
      </g>
      {shown.map((c, n) => {
        const v = grid.totalByCode.get(c) ?? 0;
        const yTop = M.top + n * ROW;
        return (
          <g key={c} className={props.onDrill ? 'drillable' : undefined} onClick={props.onDrill ? () => props.onDrill!(c) : undefined}>
            <text x={M.left - 8} y={yTop + ROW / 2} dy="0.32em" textAnchor="end">
              {clip(label(c))}
            </text>
            <rect x={Math.min(x(0), x(v))} y={yTop + 3} width={Math.max(v === 0 ? 0 : 1, Math.abs(x(v) - x(0)))} height={ROW - 6} fill={PALETTE[0]} />
            <text x={Math.max(x(0), x(v)) + 4} y={yTop + ROW / 2} dy="0.32em">
              {i.number(v)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );

  const table = (
    <FigureTable
      caption={props.title}
      corner={dimensionLabel(i, by)}
      columns={[t('stats.total')]}
      rows={grid.codes.map((c) => ({ key: c, head: label(c), values: [grid.totalByCode.get(c) ?? 0] }))}
      foot={{ key: '_T', head: t('stats.total'), values: [grid.total] }}
    />
  );
  const drill: DrillTarget[] | undefined = props.onDrill ? shown.map((c) => ({ label: label(c), onDrill: () => props.onDrill!(c) })) : undefined;
  return <ChartFrame id={props.id} title={props.title} chart={chart} table={table} drill={drill} />;
}
