import { forwardRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { DOC_TYPE } from '../persons/labels.ts';
import type { CheckResult, ConsoleContext, RecordResult } from './api.ts';
import { ApisNote } from './ApisNote.tsx';
import { DecisionBar, type DecisionHandle } from './DecisionBar.tsx';
import { HitList } from './HitList.tsx';
import { StayView } from './StayView.tsx';

function DocumentBlock({ r }: { r: CheckResult }) {
  const { t } = useI18n();
  const d = r.document;
  const bad = d.valid === false || d.specimen || d.expired === true;
  const typeKey = DOC_TYPE[d.documentType as keyof typeof DOC_TYPE];
  return (
    <section aria-labelledby="doc-heading" className={bad ? 'result-block bad' : 'result-block ok'}>
      <h3 id="doc-heading">{t('border.documentTitle')}</h3>
      <p className="doc-status">
        {d.valid === null ? t('border.docManual') : d.valid ? t('border.docValid') : t('border.docInvalid')}
        {d.specimen && <strong> · {t('border.specimen')}</strong>}
        {d.expired && <strong> · {t('border.expired')}</strong>}
      </p>
      <dl className="kv">
        <dt>{t('border.documentType')}</dt>
        <dd>{typeKey ? t(typeKey) : d.documentType}</dd>
        <dt>{t('border.documentNumber')}</dt>
        <dd className="mono">{d.number}</dd>
        <dt>{t('border.issuingState')}</dt>
        <dd>{d.issuingState}</dd>
        <dt>{t('border.name')}</dt>
        <dd lang="und">{`${d.surname} ${d.givenNames}`.trim()}</dd>
        <dt>{t('border.birthDate')}</dt>
        <dd>{d.birthDate ?? '—'}</dd>
        <dt>{t('border.nationality')}</dt>
        <dd>{d.nationality ?? '—'}</dd>
        <dt>{t('border.expiryDate')}</dt>
        <dd>{d.expiryDate ?? '—'}</dd>
      </dl>
      {d.errors.length > 0 && (
        <ul className="problems">
          {d.errors.map((e, n) => (
            <li key={n}>
              <code>{e.code}</code> {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonBlock({ r }: { r: CheckResult }) {
  const { t } = useI18n();
  const p = r.person;
  return (
    <section aria-labelledby="person-heading" className="result-block">
      <h3 id="person-heading">{t('border.personTitle')}</h3>
      {!p && <p className="big-text">{t('border.newPerson')}</p>}
      {p?.masked && <p>{t('border.maskedPerson')}</p>}
      {p && !p.masked && (
        <p className="big-text">
          <a href={href(['persons', p.id])} lang="und">
            {p.summary.name}
          </a>{' '}
          {p.summary.birthDate ?? ''} · {p.summary.citizenships.map((c) => c.code).join(', ')}
          {p.sameDocument && <span className="tag tag-match">{t('border.sameDocument')}</span>}
        </p>
      )}
      {!p && r.candidates.length > 0 && <p>{t('border.candidates', { count: r.candidates.length })}</p>}
      {r.recent.length > 0 && (
        <p className="small">
          {t('border.recent')}{' '}
          {r.recent.map((c) => (
            <span key={c.id} className="tag">
              {c.date} {c.crossingPoint} {c.direction} {c.decision}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

/** The one large result panel: document, person, hits, stay position, decision. */
export const ResultPanel = forwardRef<DecisionHandle, { context: ConsoleContext; result: CheckResult; request: { mrz?: string; manual?: unknown }; onRecorded: (r: RecordResult) => void; onAdjudicated: () => void }>(
  function ResultPanel({ context, result, request, onRecorded, onAdjudicated }, ref) {
    const { t } = useI18n();
    const alarm = result.hits.length > 0 || result.history.length > 0 || result.document.valid === false || result.document.specimen;
    return (
      <section className={alarm ? 'result-panel alarm' : 'result-panel clear'} aria-labelledby="result-heading" aria-live="polite">
        <h2 id="result-heading" tabIndex={-1}>
          {alarm ? t('border.resultAlarm') : t('border.resultClear')}
        </h2>
        <div className="result-grid">
          <DocumentBlock r={result} />
          <PersonBlock r={result} />
          <ApisNote note={result.preScreen} />
          <HitList hits={result.hits} suppressed={result.suppressed} history={result.history} personId={result.person?.id ?? null} onAdjudicated={onAdjudicated} />
          <section aria-labelledby="stay-heading" className="result-block">
            <h3 id="stay-heading">{t('border.stayTitle')}</h3>
            <StayView status={result.stay.status} rule={result.stay.rule} position={result.stay.position} lastLawfulDay={result.stay.lastLawfulDay} />
          </section>
        </div>
        <DecisionBar ref={ref} key={result.checkedAt} context={context} result={result} request={request} onRecorded={onRecorded} />
      </section>
    );
  },
);
