import { useI18n } from '../../i18n/index.tsx';
import type { Catalogue } from './api.ts';
import { dimensionLabel, indicatorLabel, whyNot } from './labels.ts';

/** SDG 17.18.1: which indicator can be disaggregated by which dimension, and why not where it cannot. */
export function Coverage({ catalogue }: { catalogue: Catalogue }) {
  const i = useI18n();
  const { t } = i;
  const dims = catalogue.dimensions.map((d) => d.id);
  const cell = (indicator: string, dim: string) => catalogue.coverage.find((c) => c.indicator === indicator && c.dimension === dim);
  const available = catalogue.coverage.filter((c) => c.available).length;
  return (
    <>
      <h2 id="coverage-title">{t('stats.coverageTitle')}</h2>
      <p>{t('stats.coverageIntro')}</p>
      <p>{t('stats.coverageCount', { available, total: catalogue.coverage.length })}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="coverage-title">
        <table className="coverage">
          <caption>{t('stats.coverageTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.indicator')}</th>
              {dims.map((d) => (
                <th key={d} scope="col">
                  {dimensionLabel(i, d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {catalogue.indicators.map((ind) => (
              <tr key={ind.id}>
                <th scope="row">{indicatorLabel(i, ind.id)}</th>
                {dims.map((d) => {
                  const c = cell(ind.id, d);
                  return c?.available ? (
                    <td key={d} className="cov-yes">
                      {t('stats.coverageYes')}
                    </td>
                  ) : (
                    <td key={d} className="cov-no">
                      {t('stats.coverageNo')}
                      {c?.note && <span className="small muted cov-note">{whyNot(i, ind.kind, d, c.note)}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
