import { forwardRef, useId } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * The MRZ field. A document reader in keyboard-wedge mode types each line followed by Enter: Enter adds a
 * line until the zone is complete (2 × 44, 2 × 36 or 3 × 30 characters), then submits. Pasting works the
 * same way; Ctrl+Enter always submits.
 */
export function mrzComplete(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const len = lines[0]?.length ?? 0;
  if (lines.some((l) => l.length !== len)) return false;
  return (lines.length === 2 && (len === 44 || len === 36)) || (lines.length === 3 && len === 30);
}

export const MrzInput = forwardRef<HTMLTextAreaElement, { value: string; onChange: (v: string) => void; onSubmit: () => void; disabled?: boolean }>(function MrzInput(props, ref) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('border.mrz')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('border.mrzHint')}
      </p>
      <textarea
        ref={ref}
        id={id}
        name="mrz"
        className="mrz-input"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="characters"
        value={props.value}
        disabled={props.disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          if (e.ctrlKey || e.metaKey || mrzComplete(props.value)) {
            e.preventDefault();
            if (props.value.trim()) props.onSubmit();
          }
        }}
      />
    </div>
  );
});
