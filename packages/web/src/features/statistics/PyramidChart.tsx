import { useI18n } from '../../i18n/index.tsx';
import { ChartFrame, ChartSvg, FigureTable, Legend, PALETTE } from './ChartFrame.tsx';
import { codeLabel } from './labels.ts';
import { pyramidBars, type Pyramid, type PyramidRow } from './pyramid.ts';

const W = 720;
const ROW = 18;
const GUTTER = 150;
const TOP = 24;
const MALE = PALETTE[0]!;
const FEMALE = PALETTE[1]!;

/** Sex × five-year age group: men left, women right, youngest at the bottom; other sexes and unknown ages in the table. */
export function PyramidChart({ id, title, pyramid }: { id: string; title: string; pyramid: Pyramid }) {
  const i = useI18n();
  const { t } = i;
  const age = (code: string) => codeLabel(i, 'age5', code);
  const sum = (k: 'male' | 'female' | 'other') => pyramid.rows.reduce((s, r) => s + r[k], 0) + pyramid.unknownAge[k];
  const largest = pyramid.rows.reduce<PyramidRow | null>((b, r) => (!b || r.male + r.female > b.male + b.female ? r : b), null);
  const unknownAge = pyramid.unknownAge.male + pyramid.unknownAge.female + pyramid.unknownAge.other;
  const desc = pyramid.total
    ? t('stats.pyramidDesc', { male: i.number(sum('male')), female: i.number(sum('female')), age: largest ? age(largest.age) : '—', other: i.number(sum('other')), unknownAge: i.number(unknownAge) })
    : t('stats.noData');
  const bars = pyramidBars(pyramid, W, ROW, GUTTER);
  const H = TOP + pyramid.rows.length * ROW + 8;
  const half = (W - GUTTER) / 2;

  const chart = (
    <ChartSvg id={id} title={title} desc={desc} width={W} height={H}>
      <g className="axis">
        <text x={half / 2} y={14} textAnchor="middle" className="strong">
          {t('stats.sex.M')}
        </text>
        <text x={W - half / 2} y={14} textAnchor="middle" className="strong">
          {t('stats.sex.F')}
        </text>
        {pyramid.rows.map((r, n) => (
          <text key={r.age} x={W / 2} y={TOP + n * ROW + ROW / 2} dy="0.32em" textAnchor="middle">
            {age(r.age)}
          </text>
        ))}
      </g>
      <g transform={`translate(0 ${TOP})`}>
        {bars.map((b) => (
          <rect key={`${b.age}-${b.side}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={b.side === 'male' ? MALE : FEMALE} />
        ))}
      </g>
    </ChartSvg>
  );

  const row = (r: PyramidRow, head: string) => ({ key: r.age, head, values: [r.male, r.female, r.other, r.male + r.female + r.other] });
  const table = (
    <FigureTable
      caption={title}
      corner={t('stats.pyramidAge')}
      columns={[t('stats.sex.M'), t('stats.sex.F'), t('stats.pyramidOther'), t('stats.total')]}
      rows={[...[...pyramid.rows].reverse().map((r) => row(r, age(r.age))), row(pyramid.unknownAge, t('stats.pyramidUnknownAge'))]}
      foot={row({ age: '_T', male: sum('male'), female: sum('female'), other: sum('other') }, t('stats.total'))}
    />
  );
  const legend = <Legend items={[{ label: t('stats.sex.M'), colour: MALE }, { label: t('stats.sex.F'), colour: FEMALE }]} />;
  return <ChartFrame id={id} title={title} chart={chart} table={table} legend={legend} />;
}
