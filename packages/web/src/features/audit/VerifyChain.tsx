import { useState } from 'react';
import type { AuditVerifyResult } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { auditApi } from './api.ts';

/** Recomputes the audit log's hash chain on the server and says whether it is intact. */
export function VerifyChain() {
  const i = useI18n();
  const { t } = i;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await auditApi.verify());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('audit.verifyTitle')}</h2>
      <p>{t('audit.verifyText')}</p>
      <button type="button" onClick={verify} disabled={busy} id="audit-verify">
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <ErrorAlert error={error} />
      <div role="status" id="verify-result">
        {result?.ok && <p className="alert alert-success">{t('audit.verifyOk', { count: i.number(result.checked) })}</p>}
      </div>
      {result && !result.ok && (
        <div role="alert" className="alert alert-error">
          <p>
            {t('audit.verifyBroken', {
              count: i.number(result.checked),
              id: result.firstBrokenId ?? '—',
            })}
          </p>
          {result.reason && <p>{t('audit.verifyReason', { reason: result.reason })}</p>}
        </div>
      )}
    </section>
  );
}
