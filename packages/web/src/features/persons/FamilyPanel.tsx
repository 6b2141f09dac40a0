import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert, MessageAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { issuesByPath, sentence } from './edit-model.ts';

/** What a family form (link, household) uses: run the request, show a problem, cancel. */
export interface FamilyAction {
  busy: boolean;
  /** Runs the request; on success the panel closes, says `done` and focuses the section heading. */
  run: (request: () => Promise<void>) => void;
  /** A problem found before sending (focus moves to the message). */
  problem: (message: string) => void;
  /** The first server issue about a body field (`personId`, `members`, `label` …), if any. */
  issue: (field: string) => string | undefined;
  cancel: () => void;
}

/**
 * A family action behind a button (aria-expanded): a link between two persons or a new household. Links
 * and households carry no version (the API does not ask for one), so there is no stale-version case here.
 */
export function FamilyPanel(props: { id: string; headingId: string; openLabel: string; done: string; children: (a: FamilyAction) => ReactNode }) {
  const i = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const focus = useRef<'heading' | 'toggle' | 'form' | 'errors' | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = focus.current;
    focus.current = null;
    const root = box.current;
    if (!target || !root) return;
    if (target === 'heading') document.getElementById(props.headingId)?.focus();
    else if (target === 'toggle') root.querySelector<HTMLElement>('.edit-toggle')?.focus();
    else if (target === 'form') root.querySelector<HTMLElement>('form input, form select')?.focus();
    else root.querySelector<HTMLElement>('.edit-errors')?.focus();
  });

  const issues = issuesByPath(isApiError(error) ? error.body.issues : undefined);
  const action: FamilyAction = {
    busy,
    run: (request) => {
      setBusy(true);
      setError(null);
      setLocal(null);
      request().then(
        () => {
          setBusy(false);
          setOpen(false);
          setSaved(true);
          focus.current = 'heading';
        },
        (err: unknown) => {
          setBusy(false);
          setError(err);
          focus.current = 'errors';
        },
      );
    },
    problem: (message) => {
      setError(null);
      setLocal(message);
      focus.current = 'errors';
    },
    issue: (field) => {
      const found = issues.get(field);
      return found ? sentence(i.tx(`issue.${found.code}`, found.message)) : undefined;
    },
    cancel: () => {
      setError(null);
      setLocal(null);
      setOpen(false);
      focus.current = 'toggle';
    },
  };

  const formId = `${props.id}-form`;
  return (
    <div className="edit-area" ref={box}>
      {saved && <StatusMessage tone="success">{props.done}</StatusMessage>}
      {open ? (
        <div id={formId}>
          <div className="edit-errors" tabIndex={-1}>
            <MessageAlert message={local} />
            <ErrorAlert error={error} />
          </div>
          {props.children(action)}
        </div>
      ) : (
        <button
          type="button"
          className="edit-toggle"
          aria-expanded={false}
          aria-controls={formId}
          onClick={() => {
            setSaved(false);
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
