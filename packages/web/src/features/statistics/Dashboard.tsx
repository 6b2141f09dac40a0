import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href, navigate } from '../../router.ts';
import { statisticsApi, type Answer, type Catalogue, type IndicatorDef } from './api.ts';
import { BreakdownChart } from './BreakdownChart.tsx';
import { DashboardForm } from './DashboardForm.tsx';
import { DownloadLinks } from './DownloadLinks.tsx';
import { codeLabel, dimensionLabel, grainLabel, indicatorLabel, measureLabel, type OpenNames } from './labels.ts';
import { applyTrail, apiQuery, canDrillPeriod, emptyView, grainOfView, readView, toGrid, viewQuery, type Step, type View } from './model.ts';
import { periodsBetween } from './periods.ts';
import { buildPyramid } from './pyramid.ts';
import { PyramidChart } from './PyramidChart.tsx';
import { SeriesChart } from './SeriesChart.tsx';

const go = (base: View, trail: readonly Step[]) => navigate(href(['statistics'], viewQuery(base, trail)));

/** The drill-down path: "All figures › 2025 › Women"; every step but the last is a link back to it. */
function Trail({ base, trail, names }: { base: View; trail: readonly Step[]; names: OpenNames | undefined }) {
  const i = useI18n();
  if (!trail.length) return null;
  const crumbs = [{ label: i.t('stats.trailStart'), to: 0 }, ...trail.map((s, n) => ({ label: `${dimensionLabel(i, s.dim)}: ${codeLabel(i, s.dim, s.code, names)}`, to: n + 1 }))];
  return (
    <nav aria-label={i.t('stats.trail')} className="trail">
      <ol>
        {crumbs.map((c, n) => (
          <li key={c.to}>
            {n === crumbs.length - 1 ? (
              <span aria-current="page">{c.label}</span>
            ) : (
              <a href={href(['statistics'], viewQuery(base, trail.slice(0, c.to)))}>
                {c.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Codes of a closed list in catalogue order (age groups stay in age order); null for open lists. */
const codeList = (catalogue: Catalogue, dim: string) => catalogue.dimensions.find((d) => d.id === dim)?.codes ?? null;

interface ViewProps {
  catalogue: Catalogue;
  view: View;
  ind: IndicatorDef;
}

function Figures({ catalogue, base, trail, view, ind, answer, names }: ViewProps & { base: View; trail: readonly Step[]; answer: Answer; names: OpenNames | undefined }) {
  const i = useI18n();
  const { t } = i;
  const stock = ind.kind === 'stock';
  const grain = grainOfView(view, ind);
  const by = answer.dimensions[1] ?? '';
  const codes = by ? codeList(catalogue, by) : null;
  const periods = stock ? [answer.at] : periodsBetween(answer.from, answer.to, grain);
  const grid = toGrid(answer.cells, periods, codes);
  const title = indicatorLabel(i, ind.id);
  const drillPeriod = canDrillPeriod(view, ind) ? (p: string) => go(base, [...trail, { dim: 'period', code: p }]) : undefined;
  const drillCode = by ? (c: string) => go(base, [...trail, { dim: by, code: c }]) : undefined;
  const when = stock ? t('stats.onDate', { date: i.date(`${answer.at}T12:00:00Z`) }) : t('stats.range', { from: i.date(`${answer.from}T12:00:00Z`), to: i.date(`${answer.to}T12:00:00Z`) });
  return (
    <>
      <p className="headline" id="stats-headline">
        <strong>{t('stats.headline', { value: i.number(grid.total), measure: measureLabel(i, ind.measure) })}</strong> <span>{when}</span>
      </p>
      <p className="muted small" id="stats-asof">
        {answer.asOf ? t('stats.asOf', { time: i.dateTime(answer.asOf) }) : t('stats.notYet')}
      </p>
      {!stock && (
        <SeriesChart id="chart-series" title={t('stats.series', { indicator: title, grain: grainLabel(i, grain) })} grid={grid} by={by} kind={view.chart} names={names} onDrill={drillPeriod} />
      )}
      {by && <BreakdownChart id="chart-breakdown" title={t('stats.breakdown', { indicator: title, dimension: dimensionLabel(i, by) })} grid={grid} by={by} names={names} onDrill={drillCode} />}
    </>
  );
}

function Pyramid({ catalogue, view, ind }: ViewProps) {
  const i = useI18n();
  const query = apiQuery(view, ind, 'age5,sex');
  const loaded = useLoad<Answer>(`pyramid:${ind.id}:${JSON.stringify(query)}`, (signal) => statisticsApi.indicator(ind.id, query, signal));
  const ages = codeList(catalogue, 'age5') ?? [];
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!loaded.data) return null;
  return <PyramidChart id="chart-pyramid" title={i.t('stats.pyramid', { indicator: indicatorLabel(i, ind.id) })} pyramid={buildPyramid(loaded.data.cells, loaded.data.dimensions, ages)} />;
}

/** The dashboard: filter form, drill-down path, headline, charts with table views, pyramid, downloads. */
export function Dashboard({ catalogue, query, names, national }: { catalogue: Catalogue; query: URLSearchParams; names: OpenNames | undefined; national: boolean }) {
  const i = useI18n();
  const first = catalogue.indicators[0]!;
  const { base, trail } = readView(query, first.id);
  const ind = catalogue.indicators.find((x) => x.id === base.indicator) ?? first;
  const view = applyTrail(base, trail, ind);
  const apiQ = apiQuery(view, ind);
  const key = `${ind.id}:${JSON.stringify(apiQ)}`;
  const loaded = useLoad<Answer>(key, (signal) => statisticsApi.indicator(ind.id, apiQ, signal));
  const pyramid = ind.dimensions.includes('age5') && ind.dimensions.includes('sex');
  return (
    <>
      <DashboardForm key={`${key}:${view.chart}`} catalogue={catalogue} view={view} national={national} names={names} onShow={(v) => go(v, [])} onReset={() => go(emptyView(ind.id), [])} />
      <Trail base={base} trail={trail} names={names} />
      <div aria-live="polite" aria-busy={loaded.loading}>
        {loaded.loading && <p role="status">{i.t('common.loading')}</p>}
      </div>
      <ErrorAlert error={loaded.error} id="stats-error" />
      {loaded.data && !loaded.error && (
        <>
          <Figures catalogue={catalogue} base={base} trail={trail} view={view} ind={ind} answer={loaded.data} names={names} />
          {pyramid && <Pyramid catalogue={catalogue} view={view} ind={ind} />}
          <DownloadLinks urlOf={(format, lang) => statisticsApi.exportUrl(ind.id, apiQ, format, lang)} />
        </>
      )}
    </>
  );
}
