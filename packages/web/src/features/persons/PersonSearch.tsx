import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href, navigate, type Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { personsApi } from './api.ts';
import { PersonCell, PurposeSelect } from './common.tsx';
import { Explanation } from './Explanation.tsx';
import type { ReadPurpose } from './labels.ts';

interface Filters {
  q: string;
  birthDate: string;
  nationality: string;
  sex: string;
}

export function PersonSearch({ route, purpose, setPurpose }: { route: Route; purpose: ReadPurpose; setPurpose: (p: ReadPurpose) => void }) {
  const i = useI18n();
  const { t } = i;
  const { can } = useSession();
  const qs = route.query;
  const initial: Filters = { q: qs.get('q') ?? '', birthDate: qs.get('birthDate') ?? '', nationality: qs.get('nationality') ?? '', sex: qs.get('sex') ?? '' };
  const [f, setF] = useState(initial);
  const hasCriteria = Boolean(initial.q || initial.birthDate || initial.nationality);
  const result = useLoad(hasCriteria ? `persons?${qs.toString()}&${purpose}` : null, (signal) =>
    personsApi.search({ ...initial, purpose, limit: 20 }, signal),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href(['persons'], { ...f, q: f.q.trim(), nationality: f.nationality.trim().toUpperCase() }));
  };
  const items = result.data?.items;
  return (
    <>
      <div className="page-head">
        <h1>{t('persons.title')}</h1>
        <p className="actions">
          {can('persons.write') && (
            <a className="button primary" href="#/persons/new">
              {t('persons.createFromDocument')}
            </a>
          )}
          {can('persons.merge') && <a href="#/persons/duplicates">{t('persons.duplicatesTitle')}</a>}
        </p>
      </div>
      <form className="filters" role="search" aria-label={t('persons.searchLabel')} onSubmit={submit}>
        <TextField id="persons-q" label={t('persons.search')} hint={t('persons.searchHint')} type="search" value={f.q} onChange={(q) => setF({ ...f, q })} maxLength={200} />
        <TextField id="persons-birth" label={t('persons.birthDate')} hint={t('persons.birthHint')} value={f.birthDate} onChange={(birthDate) => setF({ ...f, birthDate })} maxLength={10} pattern="\d{4}(-\d{2}(-\d{2})?)?" />
        <TextField id="persons-nationality" label={t('persons.nationality')} hint={t('persons.nationalityHint')} value={f.nationality} onChange={(nationality) => setF({ ...f, nationality })} maxLength={3} />
        <SelectField id="persons-sex" label={t('persons.sex')} value={f.sex} onChange={(sex) => setF({ ...f, sex })}>
          <option value="">{t('common.all')}</option>
          <option value="F">{t('persons.sex.F')}</option>
          <option value="M">{t('persons.sex.M')}</option>
        </SelectField>
        <PurposeSelect id="persons-purpose" purpose={purpose} setPurpose={setPurpose} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('common.search')}
          </button>
        </div>
      </form>
      <ErrorAlert error={result.error} />
      <p role="status" className="result-count">
        {result.loading ? t('common.loading') : items ? t('persons.count', { count: i.number(items.length) }) : ''}
      </p>
      {items && items.length > 0 && (
        <ol className="hits">
          {items.map((h) => (
            <li key={h.person.id} className="hit">
              <PersonCell person={h.person} />
              <p className="small">
                {h.score !== null && (
                  <span className={`tag ${h.match ? 'tag-match' : ''}`}>{t('persons.score', { score: h.score.toFixed(2) })}</span>
                )}
              </p>
              <Explanation explanation={h.explanation} score={h.score} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
