import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** Okabe–Ito colours (distinguishable with colour-vision deficiencies), then grey for "other". */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8a6d00', '#005f86', '#5b2a86'];
export const OTHER_COLOUR = '#6b7280';
/** Sexes keep one colour in every chart (the pyramid's: men blue, women orange). */
const SEX_COLOUR: Readonly<Record<string, string>> = { M: PALETTE[0]!, F: PALETTE[1]!, O: PALETTE[2]!, _U: OTHER_COLOUR };
export const seriesColour = (code: string, n: number, dim = '') =>
  dim === 'sex' ? (SEX_COLOUR[code] ?? OTHER_COLOUR) : code === '_O' ? OTHER_COLOUR : PALETTE[n % PALETTE.length]!;

export interface DrillTarget {
  /** What the button says (the period or the code in words). */
  label: string;
  onDrill: () => void;
}

/**
 * One chart: a figure with its title; the SVG (role="img", title and description) or, at the press of a
 * toggle, the same numbers as a table; and the keyboard way to drill down — a button per bar.
 */
export function ChartFrame(props: {
  id: string;
  title: string;
  chart: ReactNode;
  table: ReactNode;
  legend?: ReactNode;
  drill?: readonly DrillTarget[] | undefined;
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="chart" id={props.id} aria-labelledby={`${props.id}-caption`}>
      <div className="chart-head">
        <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
        <button type="button" className="chart-toggle" aria-pressed={asTable} aria-controls={`${props.id}-body`} onClick={() => setAsTable((v) => !v)} data-toggle={props.id}>
          {t('stats.tableView')}
        </button>
      </div>
      <div id={`${props.id}-body`}>
        {asTable ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`${props.id}-caption`}>
            {props.table}
          </div>
        ) : (
          <>
            {props.chart}
            {props.legend}
          </>
        )}
      </div>
      {props.drill && props.drill.length > 0 && (
        <div className="drill" role="group" aria-labelledby={`${props.id}-drill`}>
          <span id={`${props.id}-drill`} className="drill-label">
            {t('stats.drill')}
          </span>
          <ul>
            {props.drill.map((d) => (
              <li key={d.label}>
                <button type="button" className="linklike" onClick={d.onDrill} aria-label={t('stats.drillInto', { label: d.label })}>
                  {d.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </figure>
  );
}

/** The accessible wrapper of every chart: role="img" named by its title and described by its summary. */
export function ChartSvg({ id, title, desc, width, height, children }: { id: string; title: string; desc: string; width: number; height: number; children: ReactNode }) {
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} className="chart-svg" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

/** A colour key for several series (plain HTML, so it reflows and reads as text). */
export function Legend({ items }: { items: readonly { label: string; colour: string }[] }) {
  if (items.length < 2) return null;
  return (
    <ul className="legend">
      {items.map((s) => (
        <li key={s.label}>
          <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

export interface TableRow {
  key: string;
  head: string;
  values: readonly number[];
}

/** The table view of a chart: caption, a header row, one row per period or code, totals in the footer. */
export function FigureTable({ caption, corner, columns, rows, foot }: { caption: string; corner: string; columns: readonly string[]; rows: readonly TableRow[]; foot?: TableRow }) {
  const i = useI18n();
  const line = (r: TableRow) => (
    <tr key={r.key}>
      <th scope="row">{r.head}</th>
      {r.values.map((v, n) => (
        <td key={n} className="num">
          {i.number(v)}
        </td>
      ))}
    </tr>
  );
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {columns.map((c, n) => (
            <th key={n} scope="col" className="num">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows.map(line)}</tbody>
      {foot && <tfoot>{line(foot)}</tfoot>}
    </table>
  );
}
