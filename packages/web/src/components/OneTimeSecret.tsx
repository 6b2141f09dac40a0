import { useState } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** A secret the server shows once (temporary password, token secret), with a copy button. */
export function OneTimeSecret({ label, value, id }: { label: string; value: string; id: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="secret">
      <p>
        <span id={`${id}-label`}>{label}</span>{' '}
        <code id={id} className="secret-value">
          {value}
        </code>
      </p>
      <p className="hint">{t('secret.once')}</p>
      <button type="button" onClick={copy}>
        {t('secret.copy')}
      </button>
      <span className="small" role="status">
        {copied === true ? t('secret.copied') : copied === false ? t('secret.copyFailed') : ''}
      </span>
    </div>
  );
}
