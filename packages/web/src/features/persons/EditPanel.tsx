import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert, MessageAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { personsApi, type PersonView, type SectionChanges, type WritePurpose } from './api.ts';
import { fieldDomId, issuesByPath, sentence } from './edit-model.ts';
import type { PersonRefs } from './refs.ts';

/** What every section form gets from the person page. */
export interface EditContext {
  person: PersonView;
  refs: PersonRefs;
  purpose: WritePurpose;
  onSaved: (person: PersonView) => void;
  /** The record as it is now on the server (null when it could not be sent), after a stale version. */
  onConflict: (current: PersonView | null) => void;
}

/** What one open section form uses: field ids and errors by path, save with the version read, cancel. */
export interface Editor {
  person: PersonView;
  refs: PersonRefs;
  busy: boolean;
  id: (path: string) => string;
  error: (path: string) => string | undefined;
  save: (changes: SectionChanges) => void;
  /** Problems found before sending, by field path; nothing is sent. */
  invalid: (errors: Record<string, string>) => void;
  cancel: () => void;
}

type Notice = { kind: 'saved'; version: number; duplicates: number } | { kind: 'conflict' } | null;
type FocusTarget = 'form' | 'heading' | 'notice' | 'errors' | 'toggle' | null;

/**
 * One section's editing: a button opens the form; saving names the version that was read. After a save
 * focus goes to the section heading with a "saved" status; after a stale version the current record is
 * shown in the form (it is keyed by version) with a "changed by someone else" alert that takes focus;
 * field problems (found here or by the server's `issues[].field`) appear next to their fields and focus
 * moves to the first of them.
 */
export function EditPanel(props: { section: string; headingId: string; openLabel: string; ctx: EditContext; children: (ed: Editor) => ReactNode }) {
  const i = useI18n();
  const { t } = i;
  const { ctx, section } = props;
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const focus = useRef<FocusTarget>(null);
  const box = useRef<HTMLDivElement>(null);

  const server = issuesByPath(isApiError(error) ? error.body.issues : undefined);
  const errorAt = (path: string): string | undefined => {
    if (local[path]) return local[path];
    const issue = server.get(path);
    return issue ? sentence(i.tx(`issue.${issue.code}`, issue.message)) : undefined;
  };

  useEffect(() => {
    const target = focus.current;
    focus.current = null;
    const root = box.current;
    if (!target || !root) return;
    const el = (selector: string) => root.querySelector<HTMLElement>(selector);
    if (target === 'heading') document.getElementById(props.headingId)?.focus();
    else if (target === 'toggle') el('.edit-toggle')?.focus();
    else if (target === 'notice') el('.edit-notice')?.focus();
    else if (target === 'form') el('form input:not([disabled]), form select, form button')?.focus();
    else {
      const paths = [...Object.keys(local), ...server.keys()];
      const first = paths
        .map((p) => root.querySelector<HTMLElement>(`[id^="${fieldDomId(section, p)}"]:is(input, select, textarea, button)`))
        .find((x) => x !== null);
      (first ?? el('.edit-errors'))?.focus();
    }
  });

  const reset = () => {
    setError(null);
    setLocal({});
  };

  const save = async (changes: SectionChanges) => {
    reset();
    setBusy(true);
    try {
      const r = await personsApi.update(ctx.person.id, ctx.person.version, ctx.purpose, changes);
      setOpen(false);
      setNotice({ kind: 'saved', version: r.person.version, duplicates: r.duplicates.length });
      focus.current = 'heading';
      ctx.onSaved(r.person);
    } catch (err) {
      if (isApiError(err) && err.code === 'CONFLICT.STALE_VERSION') {
        setNotice({ kind: 'conflict' });
        focus.current = 'notice';
        ctx.onConflict((err.body.current as PersonView | null | undefined) ?? null);
      } else {
        setNotice(null);
        setError(err);
        focus.current = 'errors';
      }
    } finally {
      setBusy(false);
    }
  };

  const editor: Editor = {
    person: ctx.person,
    refs: ctx.refs,
    busy,
    id: (path) => fieldDomId(section, path),
    error: errorAt,
    save: (changes) => void save(changes),
    invalid: (errors) => {
      setError(null);
      setLocal(errors);
      focus.current = 'errors';
    },
    cancel: () => {
      reset();
      setOpen(false);
      focus.current = 'toggle';
    },
  };

  const formId = `edit-${section}-form`;
  return (
    <div className="edit-area" ref={box}>
      {/* Only while it is still news: a later save anywhere on the page supersedes it. */}
      {notice?.kind === 'saved' && notice.version === ctx.person.version && (
        <StatusMessage tone="success">
          <p>{t('persons.edit.saved', { version: notice.version })}</p>
          {notice.duplicates > 0 && (
            <p>
              <a href={href(['persons', 'duplicates'])}>{t('persons.edit.duplicatesAfter', { count: notice.duplicates })}</a>
            </p>
          )}
        </StatusMessage>
      )}
      {notice?.kind === 'conflict' && (
        <div role="alert" className="alert alert-warning edit-notice" tabIndex={-1}>
          <p>{t('persons.edit.conflict')}</p>
        </div>
      )}
      {open ? (
        <div id={formId}>
          <div className="edit-errors" tabIndex={-1}>
            {Object.keys(local).length > 0 && <MessageAlert message={t('persons.edit.fixFields')} />}
            <ErrorAlert error={error} />
          </div>
          {props.children(editor)}
        </div>
      ) : (
        <button
          type="button"
          className="edit-toggle"
          aria-expanded={false}
          aria-controls={formId}
          onClick={() => {
            reset();
            setNotice(null);
            setOpen(true);
            focus.current = 'form';
          }}
        >
          {props.openLabel}
        </button>
      )}
    </div>
  );
}

/** The form of one section: a fieldset with its legend, then Save and Cancel. Checks happen in onSubmit. */
export function EditForm({ ed, legend, onSubmit, children }: { ed: Editor; legend: string; onSubmit: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <form
      className="edit-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset className="stack">
        <legend>{legend}</legend>
        {children}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={ed.busy}>
          {t('common.save')}
        </button>
        <button type="button" onClick={ed.cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Moves focus once React has rendered (e.g. after the focused item was removed from a list). */
export const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
