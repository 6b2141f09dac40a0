import { useEffect, useState } from 'react';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { NameKind } from './api.ts';
import { EditForm, type Editor } from './EditPanel.tsx';
import { sectionInput, sentence } from './edit-model.ts';
import { NAME_KIND, SCRIPT } from './labels.ts';

const KINDS = Object.keys(NAME_KIND) as NameKind[];

type Detect = (text: string) => string;

/** The domain's script detection, loaded when a name form opens (it comes with the name tables). */
function useDetectScript(): Detect | null {
  const [detect, setDetect] = useState<Detect | null>(null);
  useEffect(() => {
    let live = true;
    void import('@kamurj/domain/names').then((m) => {
      if (live) setDetect(() => m.detectScript);
    });
    return () => {
      live = false;
    };
  }, []);
  return detect;
}

/**
 * Adds a name form as written, in any script (Հակոբյան, Акопян, HAKOBYAN …). Forms already recorded are
 * sent back unchanged with their ids, so the original is never replaced. The script is detected (here for
 * the user to see, and again by the server), never chosen.
 */
export function NameEdit({ ed }: { ed: Editor }) {
  const { t } = useI18n();
  const [f, setF] = useState({ surname: '', givenNames: '', patronymic: '', kind: 'as-written' as NameKind, source: '' });
  const n = ed.person.names.length;
  const p = `names.${n}`;
  const typed = [f.surname, f.givenNames, f.patronymic].join(' ').trim();
  const detect = useDetectScript();
  const script = typed && detect ? detect(typed) : null;

  const submit = () => {
    const errors: Record<string, string> = {};
    if (!f.surname.trim() && !f.givenNames.trim()) errors[`${p}.surname`] = sentence(t('issue.PERSONS.NAME_REQUIRED'));
    else if (script === 'mixed') errors[`${p}.surname`] = sentence(t('issue.PERSONS.MIXED_SCRIPT'));
    if (Object.keys(errors).length) return ed.invalid(errors);
    ed.save({
      names: [
        ...sectionInput.names(ed.person),
        { surname: f.surname.trim(), givenNames: f.givenNames.trim(), patronymic: f.patronymic.trim() || null, kind: f.kind, source: f.source.trim() || null },
      ],
    });
  };

  return (
    <EditForm ed={ed} legend={t('persons.edit.addName')} onSubmit={submit}>
      <p className="hint">{t('persons.edit.namesKept')}</p>
      <div className="form-grid">
        <TextField id={ed.id(`${p}.surname`)} label={t('persons.surname')} value={f.surname} onChange={(surname) => setF({ ...f, surname })} maxLength={200} error={ed.error(`${p}.surname`) ?? ed.error(p)} />
        <TextField id={ed.id(`${p}.givenNames`)} label={t('persons.givenNames')} value={f.givenNames} onChange={(givenNames) => setF({ ...f, givenNames })} maxLength={200} error={ed.error(`${p}.givenNames`)} />
        <TextField id={ed.id(`${p}.patronymic`)} label={t('persons.patronymic')} value={f.patronymic} onChange={(patronymic) => setF({ ...f, patronymic })} maxLength={200} error={ed.error(`${p}.patronymic`)} />
        <SelectField id={ed.id(`${p}.kind`)} label={t('persons.nameKind')} value={f.kind} onChange={(kind) => setF({ ...f, kind: kind as NameKind })} error={ed.error(`${p}.kind`)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(NAME_KIND[k])}
            </option>
          ))}
        </SelectField>
        <TextField id={ed.id(`${p}.source`)} label={t('persons.source')} hint={t('persons.edit.sourceHint')} value={f.source} onChange={(source) => setF({ ...f, source })} maxLength={200} error={ed.error(`${p}.source`)} />
      </div>
      <p className="script-note" aria-live="polite">
        {script ? t('persons.edit.detectedScript', { script: t(SCRIPT[script] ?? 'persons.scriptName.unknown') }) : t('persons.edit.scriptPending')}
      </p>
    </EditForm>
  );
}
