import { useI18n } from '../../i18n/index.tsx';
import { apisApi, type ApisIssue, type ApisPassenger, issuePlace } from './apisApi.ts';
import { AdjudicateForm } from './HitList.tsx';
import { DOC_LIST_STATUS, HIT_ACTION, HIT_SOURCE, label } from './labels.ts';

/** The broken rows (CSV lines or PAXLST segments) and warnings of a manifest. */
export function IssueList({ issues, id, title }: { issues: ApisIssue[]; id: string; title: string }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul className="problems">
        {issues.map((e, n) => {
          const at = issuePlace(e);
          const where = at.kind === 'row' ? t('apis.atRow', { n: at.n }) : at.kind === 'segment' ? t('apis.atSegment', { n: at.n }) : t('apis.atFile');
          return (
            <li key={n}>
              {where}
              {e.field ? ` (${e.field})` : ''}: {e.message} <code>{e.code}</code>
            </li>
          );
        })}
      </ul>
    </section>
  );
}


/** One passenger's pre-screen hits, each with its adjudication or a form to adjudicate it. */
export function ApisHits({ passenger, onChange, canAdjudicate }: { passenger: ApisPassenger; onChange?: (p: ApisPassenger) => void; canAdjudicate: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="hit-list">
      {passenger.hits.map((h) => {
        const source = label(HIT_SOURCE, h.source);
        const action = label(HIT_ACTION, h.action);
        const status = label(DOC_LIST_STATUS, h.document?.status);
        return (
          <li key={`${h.entryId}:${h.entryVersion}`} className={`hit-item hit-${h.source}`}>
            <p className="hit-title">
              <strong>{source ? t(source) : h.source}</strong> · {action ? t(action) : h.action}
              {status ? ` · ${t(status)}` : ''}
              {h.source !== 'document' && ` · ${t('apis.score', { score: h.score.toFixed(2) })}`}
            </p>
            {h.entry?.names && (
              <p lang="und" className="hit-names">
                {h.entry.names.join(' · ')}
                {h.entry.birthDate ? ` · ${h.entry.birthDate}` : ''}
              </p>
            )}
            <p className="small">{h.reason}</p>
            {h.adjudication ? (
              <p className="small adjudicated">
                {t(h.adjudication.outcome === 'false_hit' ? 'apis.judgedFalse' : 'apis.judgedTrue', { by: h.adjudication.by, at: h.adjudication.at.slice(0, 16).replace('T', ' ') })} — {h.adjudication.reason}
              </p>
            ) : (
              canAdjudicate && onChange && (
                <AdjudicateForm
                  id={`apis-adj-${passenger.id}-${h.entryId}`}
                  submit={async (outcome, reason) => onChange(await apisApi.adjudicate(passenger.id, { entryId: h.entryId, entryVersion: h.entryVersion, outcome, reason }))}
                />
              )
            )}
          </li>
        );
      })}
      {passenger.history.map((h) => {
        const source = label(HIT_SOURCE, h.source);
        return (
          <li key={h.crossingId} className={`hit-item hit-${h.source}`}>
            <strong>{source ? t(source) : h.source}</strong> · {h.date} · {h.crossingPoint}
            {h.overstayDays ? ` · ${t('apis.overstayDays', { days: h.overstayDays })}` : ''}
          </li>
        );
      })}
    </ul>
  );
}
