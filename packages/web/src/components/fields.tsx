import { useId, type ReactNode } from 'react';

const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The message of a field that needs correcting (id `<field id>-error`, referenced by aria-describedby). */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

/** A labelled text-like input (<label for>), with an optional hint tied by aria-describedby. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'password' | 'search' | 'date' | 'number';
  id?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  min?: number;
  max?: number;
  lang?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  pattern?: string;
  /** A problem with the value, shown under the label and tied to the input (aria-invalid). */
  error?: string | undefined;
}) {
  const auto = useId();
  const id = props.id ?? auto;
  const hintId = `${id}-hint`;
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <FieldError id={id} error={props.error} />
      <input
        id={id}
        name={id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        lang={props.lang}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        pattern={props.pattern}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.hint ? hintId : undefined, props.error ? `${id}-error` : undefined)}
      />
    </div>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  id?: string;
  disabled?: boolean;
  required?: boolean;
  error?: string | undefined;
  children: ReactNode;
}) {
  const auto = useId();
  const id = props.id ?? auto;
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <FieldError id={id} error={props.error} />
      <select
        id={id}
        name={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.children}
      </select>
    </div>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange: (v: boolean) => void; id?: string }) {
  const auto = useId();
  const id = props.id ?? auto;
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export interface CheckOption {
  value: string;
  label: string;
  disabled?: boolean;
  hint?: string;
}

/** A group of checkboxes in a fieldset with a legend (multi-select that works with keyboard and touch). */
export function CheckboxGroup(props: {
  legend: string;
  name: string;
  options: readonly CheckOption[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  columns?: boolean;
}) {
  const base = useId();
  const toggle = (value: string, on: boolean) => {
    const next = new Set(props.selected);
    if (on) next.add(value);
    else next.delete(value);
    props.onChange(next);
  };
  return (
    <fieldset className={`checks${props.columns ? ' checks-columns' : ''}`}>
      <legend>{props.legend}</legend>
      {props.options.map((o, n) => {
        const id = `${base}-${n}`;
        return (
          <div className="field-check" key={o.value}>
            <input
              id={id}
              type="checkbox"
              name={props.name}
              value={o.value}
              checked={props.selected.has(o.value)}
              disabled={o.disabled}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label htmlFor={id}>
              {o.label}
              {o.hint && <span className="muted"> ({o.hint})</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
