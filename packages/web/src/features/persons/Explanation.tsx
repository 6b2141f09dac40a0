import { useI18n } from '../../i18n/index.tsx';
import type { Explanation as Ex } from './api.ts';
import { FEATURE } from './labels.ts';

/** "Why" a record matched: each feature with its level and what it added, and the aligned name words. */
export function Explanation({ explanation, score }: { explanation: Ex | null; score: number | null }) {
  const i = useI18n();
  const { t } = i;
  if (!explanation) return null;
  return (
    <details className="why">
      <summary>{t('persons.why', { score: score === null ? '—' : score.toFixed(2) })}</summary>
      <table className="small">
        <caption className="visually-hidden">{t('persons.whyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('persons.feature')}</th>
            <th scope="col">{t('persons.level')}</th>
            <th scope="col">{t('persons.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {explanation.features.map((f) => (
            <tr key={f.feature}>
              <th scope="row">{t(FEATURE[f.feature])}</th>
              <td>
                <code>{f.level}</code>
              </td>
              <td>{f.contribution > 0 ? `+${f.contribution.toFixed(2)}` : f.contribution.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {explanation.tokens.length > 0 && (
        <p className="small">
          {t('persons.alignment')}{' '}
          {explanation.tokens.map((p, n) => (
            <span key={n} className="tag">
              <span lang="und">{p.a}</span> ↔ <span lang="und">{p.b}</span> ({p.level})
            </span>
          ))}
        </p>
      )}
    </details>
  );
}
