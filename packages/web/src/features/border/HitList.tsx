import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { Explanation } from '../persons/Explanation.tsx';
import { borderApi, type Hit, type HistoryHit } from './api.ts';
import { DOC_LIST_STATUS, HIT_ACTION, HIT_SOURCE, REFUSAL, label } from './labels.ts';

/**
 * An officer's judgement of one hit: true or false, with a mandatory reason. `submit` sends it (to the
 * console's adjudication or to a pre-screened passenger's, APIS) and resolves when it is recorded.
 */
export function AdjudicateForm({ id, submit }: { id: string; submit: (outcome: 'true_hit' | 'false_hit', reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (outcome: 'true_hit' | 'false_hit') => {
    setBusy(true);
    setError(null);
    try {
      await submit(outcome, reason.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="adjudicate">
      <ErrorAlert error={error} />
      <label htmlFor={id}>{t('border.adjudicationReason')}</label>
      <input id={id} type="text" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <div className="actions">
        <button type="button" disabled={busy || !reason.trim()} onClick={() => void send('true_hit')}>
          {t('border.trueHit')}
        </button>
        <button type="button" disabled={busy || !reason.trim()} onClick={() => void send('false_hit')}>
          {t('border.falseHit')}
        </button>
      </div>
    </div>
  );
}

function Adjudicate({ hit, personId, onDone }: { hit: Hit; personId: string; onDone: () => void }) {
  return (
    <AdjudicateForm
      id={`adj-${hit.entryId}`}
      submit={async (outcome, reason) => {
        await borderApi.adjudicate({ personId, entryId: hit.entryId, entryVersion: hit.entryVersion, outcome, reason });
        onDone();
      }}
    />
  );
}

function HitItem({ hit, personId, onAdjudicated }: { hit: Hit; personId: string | null; onAdjudicated: () => void }) {
  const i = useI18n();
  const { t } = i;
  const { me } = useSession();
  const source = label(HIT_SOURCE, hit.source);
  const action = label(HIT_ACTION, hit.action);
  const status = label(DOC_LIST_STATUS, hit.document?.status);
  return (
    <li className={`hit-item hit-${hit.source}`}>
      <p className="hit-title">
        <strong>{source ? t(source) : hit.source}</strong> · {action ? t(action) : hit.action}
        {hit.needsReview && <span className="tag tag-expired">{t('border.needsReview')}</span>}
      </p>
      {hit.entry?.names && (
        <p lang="und" className="hit-names">
          {hit.entry.names.join(' · ')}
          {hit.entry.birthDate ? ` · ${hit.entry.birthDate}` : ''}
          {hit.entry.nationality ? ` · ${hit.entry.nationality}` : ''}
        </p>
      )}
      {hit.document && (
        <p>
          {t('border.listedDocument', { number: hit.document.listedNumber, state: hit.document.issuingState, status: status ? t(status) : hit.document.status })}
        </p>
      )}
      {hit.entry?.ban && <p>{t('border.banPeriod', { from: hit.entry.ban.from, until: hit.entry.ban.until ?? '—' })}</p>}
      <p>
        {t('border.hitReason', { reason: hit.reason, agency: hit.agency })} · {t('border.score', { score: hit.score.toFixed(2) })}
      </p>
      {hit.explanation && <Explanation explanation={hit.explanation} score={hit.score} />}
      {hit.adjudication && <p className="small">{t('border.adjudicated', { outcome: hit.adjudication.outcome === 'false_hit' ? t('border.falseHit') : t('border.trueHit'), by: hit.adjudication.by, reason: hit.adjudication.reason })}</p>}
      {personId && me.actions.includes('border.crossing.record') && !hit.adjudication && <Adjudicate hit={hit} personId={personId} onDone={onAdjudicated} />}
    </li>
  );
}

/** Every hit with its explanation; the history hits (earlier refusals, overstays) below them. */
export function HitList(props: { hits: Hit[]; suppressed: Hit[]; history: HistoryHit[]; personId: string | null; onAdjudicated: () => void }) {
  const i = useI18n();
  const { t } = i;
  const none = props.hits.length === 0 && props.history.length === 0;
  return (
    <section aria-labelledby="hits-heading" className={none ? 'result-block ok' : 'result-block bad'}>
      <h3 id="hits-heading">{none ? t('border.noHits') : t('border.hitsTitle', { count: props.hits.length + props.history.length })}</h3>
      {props.hits.length > 0 && (
        <ul className="hit-list">
          {props.hits.map((h) => (
            <HitItem key={`${h.entryId}:${h.document?.travellerNumber ?? ''}`} hit={h} personId={props.personId} onAdjudicated={props.onAdjudicated} />
          ))}
        </ul>
      )}
      {props.history.length > 0 && (
        <ul className="hit-list">
          {props.history.map((h) => {
            const code = label(REFUSAL, h.refusalCode);
            return (
              <li key={`${h.source}:${h.crossingId}`} className="hit-item">
                <strong>{t(HIT_SOURCE[h.source]!)}</strong>{' '}
                {h.source === 'refusal'
                  ? t('border.earlierRefusal', { date: h.date, point: h.crossingPoint, reason: code ? t(code) : '—' })
                  : t('border.earlierOverstay', { date: h.date, point: h.crossingPoint, days: h.overstayDays ?? 0 })}
              </li>
            );
          })}
        </ul>
      )}
      {props.suppressed.length > 0 && (
        <details>
          <summary>{t('border.suppressed', { count: props.suppressed.length })}</summary>
          <ul className="hit-list">
            {props.suppressed.map((h) => (
              <HitItem key={h.entryId} hit={h} personId={null} onAdjudicated={props.onAdjudicated} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
