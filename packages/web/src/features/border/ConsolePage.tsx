import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { SelectField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { borderApi, type CheckResult, type ConsoleContext, type Direction, type ManualDocument, type RecordResult } from './api.ts';
import type { DecisionHandle } from './DecisionBar.tsx';
import { EdgeBanner } from './EdgeBanner.tsx';
import { DECISION, REFERRAL, REFUSAL, label } from './labels.ts';
import { ManualForm } from './ManualForm.tsx';
import { MrzInput } from './MrzInput.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { ApisArrivals } from './ApisArrivals.tsx';

const SHIFTS = ['morning', 'evening', 'night'] as const;
const STORE = 'kamurj.border.post';

function ShiftForm({ context, onStart }: { context: ConsoleContext; onStart: (point: string, shift: string) => void }) {
  const i = useI18n();
  const { t } = i;
  const [point, setPoint] = useState(context.crossingPoints[0]?.code ?? '');
  const [shift, setShift] = useState<string>('morning');
  if (context.crossingPoints.length === 0) return <p className="notice">{t('border.noPoints')}</p>;
  return (
    <form
      className="panel stack"
      aria-labelledby="shift-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onStart(point, shift);
      }}
    >
      <h2 id="shift-heading">{t('border.startShift')}</h2>
      <SelectField id="post-point" label={t('border.crossingPoint')} value={point} onChange={setPoint}>
        {context.crossingPoints.map((p) => (
          <option key={p.code} value={p.code}>
            {i.name(p.names)}
          </option>
        ))}
      </SelectField>
      <SelectField id="post-shift" label={t('border.shift')} value={shift} onChange={setShift}>
        {SHIFTS.map((s) => (
          <option key={s} value={s}>
            {t(s === 'morning' ? 'border.shift.morning' : s === 'evening' ? 'border.shift.evening' : 'border.shift.night')}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="primary" id="start-shift">
          {t('border.startShiftButton')}
        </button>
      </div>
    </form>
  );
}

function Recorded({ r }: { r: RecordResult }) {
  const { t } = useI18n();
  const [handovers, setHandovers] = useState(r.handovers);
  const c = r.crossing;
  const d = label(DECISION, c.decision);
  const code = label(REFUSAL, c.refusal?.code);
  const refresh = async () => setHandovers((await borderApi.crossing(c.id)).handovers);
  return (
    <StatusMessage tone="success">
      <p id="recorded">
        {t('border.recorded', { decision: d ? t(d) : c.decision, date: c.local.date, time: c.local.time, zone: c.local.timeZone })}
        {code ? ` — ${t(code)}` : ''}
      </p>
      {handovers.length > 0 && (
        <ul>
          {handovers.map((h) => (
            <li key={h.id}>
              {t('border.handoverState', { kind: t(REFERRAL[h.kind]!), agency: h.agency, state: h.state === 'open' ? t('border.handoverOpen') : t('border.handoverAcknowledged') })}
            </li>
          ))}
        </ul>
      )}
      {handovers.length > 0 && (
        <button type="button" onClick={() => void refresh()}>
          {t('border.refreshHandovers')}
        </button>
      )}
    </StatusMessage>
  );
}

/** The crossing-point console (issue 4 §1): one officer, one post and shift, one traveller at a time. */
export function ConsolePage() {
  const i = useI18n();
  const { t } = i;
  const context = useLoad('border-context', (s) => borderApi.context(s));
  const [post, setPost] = useState<{ point: string; shift: string } | null>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(STORE) ?? 'null') as { point: string; shift: string } | null;
    } catch {
      return null;
    }
  });
  const [direction, setDirection] = useState<Direction>('entry');
  const [mrz, setMrz] = useState('');
  const [manual, setManual] = useState(false);
  const [request, setRequest] = useState<{ mrz?: string; manual?: ManualDocument } | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [recorded, setRecorded] = useState<RecordResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mrzRef = useRef<HTMLTextAreaElement>(null);
  const decision = useRef<DecisionHandle>(null);

  const run = useCallback(
    async (req: { mrz?: string; manual?: ManualDocument }) => {
      if (!post) return;
      setBusy(true);
      setError(null);
      setRecorded(null);
      try {
        const r = await borderApi.check({ crossingPoint: post.point, direction, ...req });
        setRequest(req);
        setResult(r);
        requestAnimationFrame(() => document.getElementById('result-heading')?.focus());
      } catch (e) {
        setError(e);
        setResult(null);
      } finally {
        setBusy(false);
      }
    },
    [post, direction],
  );

  const next = useCallback(() => {
    setResult(null);
    setRequest(null);
    setMrz('');
    setError(null);
    requestAnimationFrame(() => mrzRef.current?.focus());
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        mrzRef.current?.focus();
      } else if (e.key === 'Escape' && (result || recorded)) {
        e.preventDefault();
        setRecorded(null);
        next();
      } else if (e.altKey && result && !recorded) {
        const k = e.key.toLowerCase();
        if (k === 'a') decision.current?.admit();
        else if (k === 'r') decision.current?.focusRefuse();
        else if (k === 'l') decision.current?.focusSecondLine();
        else return;
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [result, recorded, next]);

  const ctx = context.data;
  const point = ctx?.crossingPoints.find((p) => p.code === post?.point);
  return (
    <>
      <h1>{t('border.consoleTitle')}</h1>
      <EdgeBanner lastRecorded={recorded?.crossing.id} />
      <ErrorAlert error={context.error} />
      {!ctx && context.loading && <p role="status">{t('common.loading')}</p>}
      {ctx && (!post || !point) && (
        <ShiftForm
          context={ctx}
          onStart={(p, s) => {
            sessionStorage.setItem(STORE, JSON.stringify({ point: p, shift: s }));
            setPost({ point: p, shift: s });
            requestAnimationFrame(() => mrzRef.current?.focus());
          }}
        />
      )}
      {ctx && post && point && (
        <div className="console">
          <p className="post-line">
            <strong>{i.name(point.names)}</strong> · {t(post.shift === 'evening' ? 'border.shift.evening' : post.shift === 'night' ? 'border.shift.night' : 'border.shift.morning')}{' '}
            <button type="button" className="link" onClick={() => setPost(null)}>
              {t('border.changePost')}
            </button>
          </p>
          {point.kind === 'air' && <ApisArrivals point={point.code} />}
          <fieldset className="radios direction">
            <legend>{t('border.direction')}</legend>
            {(['entry', 'exit'] as const).map((d) => (
              <label key={d}>
                <input type="radio" name="direction" value={d} checked={direction === d} onChange={() => setDirection(d)} /> {t(d === 'entry' ? 'border.direction.entry' : 'border.direction.exit')}
              </label>
            ))}
          </fieldset>
          {!manual && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (mrz.trim()) void run({ mrz });
              }}
            >
              <MrzInput ref={mrzRef} value={mrz} onChange={setMrz} onSubmit={() => void run({ mrz })} disabled={busy} />
              <div className="actions">
                <button type="submit" className="primary" disabled={busy || !mrz.trim()}>
                  {t('border.check')}
                </button>
                <button type="button" onClick={() => setManual(true)}>
                  {t('border.manualEntry')}
                </button>
              </div>
            </form>
          )}
          {manual && (
            <>
              <ManualForm onSubmit={(m) => void run({ manual: m })} disabled={busy} />
              <button type="button" onClick={() => setManual(false)}>
                {t('border.mrzEntry')}
              </button>
            </>
          )}
          <p className="shortcuts small">{t('border.shortcuts')}</p>
          {busy && <p role="status">{t('border.checking')}</p>}
          <ErrorAlert error={error} />
          {recorded && (
            <>
              <Recorded r={recorded} />
              <button type="button" className="primary" id="next-traveller" onClick={next}>
                {t('border.nextTraveller')}
              </button>
            </>
          )}
          {result && request && !recorded && (
            <ResultPanel
              ref={decision}
              context={ctx}
              result={result}
              request={request}
              onRecorded={(r) => {
                setRecorded(r);
                setResult(null);
                requestAnimationFrame(() => document.getElementById('next-traveller')?.focus());
              }}
              onAdjudicated={() => void run(request)}
            />
          )}
        </div>
      )}
    </>
  );
}
