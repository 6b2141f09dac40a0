import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { borderApi, newIdempotencyKey, type CheckResult, type ConsoleContext, type Decision, type RecordResult, type ReferralKind } from './api.ts';
import { PURPOSE, REFERRAL, REFUSAL, TRANSPORT, label } from './labels.ts';

export interface DecisionHandle {
  admit(): void;
  focusRefuse(): void;
  focusSecondLine(): void;
}

/**
 * Admit, refuse with a reason code (text for "other"), or send to second line; referrals to the
 * responsible agency; optional transport and travel details. One idempotency key per decision: a retry
 * after a network failure resends the same key, so the crossing is written once.
 */
export const DecisionBar = forwardRef<DecisionHandle, { context: ConsoleContext; result: CheckResult; request: { mrz?: string; manual?: unknown }; onRecorded: (r: RecordResult) => void }>(
  function DecisionBar({ context, result, request, onRecorded }, ref) {
    const i = useI18n();
    const { t } = i;
    const { can } = useSession();
    const [refusal, setRefusal] = useState('');
    const [refusalText, setRefusalText] = useState('');
    const [secondReason, setSecondReason] = useState('');
    const [referrals, setReferrals] = useState<Set<ReferralKind>>(new Set());
    const [referralNote, setReferralNote] = useState('');
    const [mode, setMode] = useState('');
    const [flight, setFlight] = useState('');
    const [purpose, setPurpose] = useState('');
    const [address, setAddress] = useState('');
    const [register, setRegister] = useState(result.newPerson && can('persons.write'));
    const [error, setError] = useState<unknown>(null);
    const [busy, setBusy] = useState(false);
    const keys = useRef(new Map<string, string>());
    const refuseRef = useRef<HTMLSelectElement>(null);
    const secondRef = useRef<HTMLInputElement>(null);

    const send = async (decision: Decision) => {
      const body: Record<string, unknown> = {
        crossingPoint: result.crossingPoint,
        direction: result.direction,
        ...request,
        personId: result.person?.id ?? null,
        ...(result.person ? {} : { registerPerson: register }),
        decision,
        ...(decision === 'refuse' ? { refusal: { code: refusal, ...(refusalText.trim() ? { text: refusalText.trim() } : {}) } } : {}),
        ...(decision === 'second_line' ? { reason: secondReason.trim() } : {}),
        ...(mode ? { transport: { mode, ...(flight.trim() ? (mode === 'air' ? { flightNumber: flight.trim() } : mode === 'road' ? { vehiclePlate: flight.trim() } : {}) : {}) } } : {}),
        ...(purpose ? { purpose } : {}),
        ...(address.trim() ? { declaredAddress: address.trim() } : {}),
        ...(referrals.size ? { referrals: [...referrals].map((kind) => ({ kind, ...(referralNote.trim() ? { note: referralNote.trim() } : {}) })) } : {}),
      };
      const fingerprint = JSON.stringify(body);
      const key = keys.current.get(fingerprint) ?? newIdempotencyKey();
      keys.current.set(fingerprint, key);
      setBusy(true);
      setError(null);
      try {
        onRecorded(await borderApi.record(body, key));
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    };

    useImperativeHandle(ref, () => ({
      admit: () => void send('admit'),
      focusRefuse: () => refuseRef.current?.focus(),
      focusSecondLine: () => secondRef.current?.focus(),
    }));

    const toggleReferral = (k: ReferralKind, on: boolean) => {
      const next = new Set(referrals);
      if (on) next.add(k);
      else next.delete(k);
      setReferrals(next);
    };

    return (
      <section aria-labelledby="decision-heading" className="decision">
        <h3 id="decision-heading">{t('border.decisionTitle')}</h3>
        <ErrorAlert error={error} />
        {result.newPerson && can('persons.write') && <CheckboxField id="register" label={t('border.registerPerson')} checked={register} onChange={setRegister} />}
        <div className="decision-row">
          <button type="button" className="primary big" id="admit" disabled={busy} onClick={() => void send('admit')}>
            {t('border.admit')} <kbd>Alt+A</kbd>
          </button>
        </div>
        <div className="decision-row">
          <div className="field">
            <label htmlFor="refusal-code">{t('border.refusalCode')}</label>
            <select id="refusal-code" ref={refuseRef} value={refusal} onChange={(e) => setRefusal(e.target.value)}>
              <option value="">—</option>
              {context.refusalCodes.map((c) => (
                <option key={c} value={c}>
                  {REFUSAL[c] ? t(REFUSAL[c]) : c}
                </option>
              ))}
            </select>
          </div>
          {refusal === 'other' && <TextField id="refusal-text" label={t('border.refusalText')} value={refusalText} onChange={setRefusalText} required maxLength={2000} />}
          <button type="button" className="danger big" id="refuse" disabled={busy || !refusal || (refusal === 'other' && !refusalText.trim())} onClick={() => void send('refuse')}>
            {t('border.refuse')} <kbd>Alt+R</kbd>
          </button>
        </div>
        <div className="decision-row">
          <div className="field">
            <label htmlFor="second-reason">{t('border.secondLineReason')}</label>
            <input id="second-reason" ref={secondRef} type="text" value={secondReason} maxLength={2000} onChange={(e) => setSecondReason(e.target.value)} />
          </div>
          <button type="button" className="big" id="second-line" disabled={busy || !secondReason.trim()} onClick={() => void send('second_line')}>
            {t('border.secondLine')} <kbd>Alt+L</kbd>
          </button>
        </div>
        <fieldset className="checks">
          <legend>{t('border.referrals')}</legend>
          {context.referralKinds.map((k) => (
            <CheckboxField key={k} id={`ref-${k}`} label={t('border.referralTo', { kind: t(REFERRAL[k]!), agency: context.referralAgencies[k] })} checked={referrals.has(k)} onChange={(v) => toggleReferral(k, v)} />
          ))}
          {referrals.size > 0 && <TextField id="referral-note" label={t('border.referralNote')} value={referralNote} onChange={setReferralNote} maxLength={2000} />}
        </fieldset>
        <details className="details-optional">
          <summary>{t('border.optionalDetails')}</summary>
          <div className="form-grid">
            <SelectField id="transport-mode" label={t('border.transportMode')} value={mode} onChange={setMode}>
              <option value="">—</option>
              {context.transportModes.map((m) => {
                const k = label(TRANSPORT, m);
                return (
                  <option key={m} value={m}>
                    {k ? t(k) : m}
                  </option>
                );
              })}
            </SelectField>
            <TextField id="flight" label={t('border.flightOrPlate')} value={flight} onChange={setFlight} maxLength={20} disabled={mode !== 'air' && mode !== 'road'} />
            <SelectField id="travel-purpose" label={t('border.travelPurpose')} value={purpose} onChange={setPurpose}>
              <option value="">—</option>
              {context.purposes.map((p) => {
                const k = label(PURPOSE, p);
                return (
                  <option key={p} value={p}>
                    {k ? t(k) : p}
                  </option>
                );
              })}
            </SelectField>
            <TextField id="declared-address" label={t('border.declaredAddress')} value={address} onChange={setAddress} maxLength={500} />
          </div>
        </details>
      </section>
    );
  },
);
