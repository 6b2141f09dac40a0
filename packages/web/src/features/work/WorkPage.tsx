import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { TextField } from '../../components/fields.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href, navigate, type Route } from '../../router.ts';
import { workApi, type Agency, type Employer } from './api.ts';

type Entry = Employer | Agency;

type Section = 'employers' | 'agencies' | 'public';

function Sections({ current }: { current: Section }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('work.sections')} className="subnav">
      {(['employers', 'agencies', 'public'] as const).map((s) => (
        <a key={s} href={href(['work', s])} aria-current={current === s ? 'page' : undefined}>{t(`work.${s}`)}</a>
      ))}
    </nav>
  );
}

/** A registration form: fields by name, submitted as one body; the server checks the tax number. */
function RegisterForm({ kind, onCreated }: { kind: 'employer' | 'agency'; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [v, setV] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const set = (k: string) => (x: string) => setV((old) => ({ ...old, [k]: x }));
  const fields: [string, 'text' | 'date'][] = kind === 'employer'
    ? [['taxNumber', 'text'], ['name', 'text'], ['address', 'text'], ['region', 'text'], ['phone', 'text']]
    : [['registrationNumber', 'text'], ['taxNumber', 'text'], ['name', 'text'], ['address', 'text'], ['region', 'text'], ['phone', 'text'], ['email', 'text'], ['registeredOn', 'date']];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const clean = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.trim()]).filter(([, x]) => x !== ''));
    const { phone, ...rest } = clean;
    const body = kind === 'employer' ? { ...rest, contacts: phone ? [{ kind: 'phone', value: phone }] : [] } : clean;
    (kind === 'employer' ? workApi.createEmployer(body) : workApi.createAgency(body)).then((r) => onCreated(r.id), setError);
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`new-${kind}`}>
      <h2 id={`new-${kind}`}>{t(kind === 'employer' ? 'work.newEmployer' : 'work.newAgency')}</h2>
      <ErrorAlert error={error} />
      {fields.map(([k, type]) => (
        <TextField key={k} id={`${kind}-${k}`} label={t(`work.${k}` as 'work.name')} type={type} value={v[k] ?? ''} onChange={set(k)} required={!['region', 'phone', 'email'].includes(k)} hint={k === 'region' ? 'AM-ER' : undefined} />
      ))}
      <button type="submit" className="primary">{t('work.register')}</button>
    </form>
  );
}

function Registry({ section }: { section: 'employers' | 'agencies' }) {
  const i = useI18n();
  const { t } = i;
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const loaded = useLoad<{ items: Entry[]; total: number }>(`work:${section}:${q}:${offset}`, (signal) => (section === 'employers' ? workApi.employers(q, offset, signal) : workApi.agencies(q, offset, signal)));
  return (
    <>
      <h1>{t(`work.${section}`)}</h1>
      <Sections current={section} />
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); setOffset(0); setQ(text.trim()); }}>
        <TextField label={t('common.search')} value={text} onChange={setText} type="search" maxLength={100} />
        <button type="submit">{t('common.search')}</button>
      </form>
      <ErrorAlert error={loaded.error} />
      {loaded.data && loaded.data.items.length === 0 && <p>{t('common.noMatches')}</p>}
      {loaded.data && loaded.data.items.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t('work.name')}</th><th scope="col">{t('work.taxNumber')}</th><th scope="col">{t('work.address')}</th>{section === 'agencies' && <th scope="col">{t('work.standing')}</th>}</tr></thead>
          <tbody>
            {loaded.data.items.map((r) => (
              <tr key={r.id}>
                <td><a href={href(['work', section, r.id])}>{r.name}</a></td>
                <td>{r.taxNumber}</td>
                <td>{r.address}</td>
                {'standing' in r && <td>{t(`work.standing.${r.standing}`)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loaded.data && <Pager total={loaded.data.total} offset={offset} limit={50} onOffset={setOffset} />}
      <RegisterForm kind={section === 'employers' ? 'employer' : 'agency'} onCreated={(id) => navigate(href(['work', section, id]))} />
    </>
  );
}

function Detail({ section, id }: { section: 'employers' | 'agencies'; id: string }) {
  const i = useI18n();
  const { t } = i;
  const loaded = useLoad<Entry>(`work:${section}:${id}`, (signal) => (section === 'employers' ? workApi.employer(id, signal) : workApi.agency(id, signal)));
  const d = loaded.data;
  const list = (title: string, items: { id: string; text: string }[] | undefined) => (
    <section aria-label={title}>
      <h2>{title}</h2>
      {items && items.length ? <ul>{items.map((x) => <li key={x.id}>{x.text}</li>)}</ul> : <p>{t('work.none')}</p>}
    </section>
  );
  return (
    <>
      <h1>{d?.name ?? t(`work.${section}`)}</h1>
      <Sections current={section} />
      <ErrorAlert error={loaded.error} />
      {d && (
        <>
          <dl className="facts">
            <dt>{t('work.taxNumber')}</dt><dd>{d.taxNumber}</dd>
            <dt>{t('work.address')}</dt><dd>{d.address}</dd>
            <dt>{t('work.region')}</dt><dd>{d.region ?? '—'}</dd>
            {'standing' in d && <><dt>{t('work.standing')}</dt><dd>{t(`work.standing.${d.standing}`)}</dd></>}
          </dl>
          {'notices' in d && list(t('work.notices'), d.notices?.map((n) => ({ id: n.id, text: `${i.date(n.effectiveOn)} · ${i.tx(`work.notice.${n.kind}`, n.kind)}${n.note ? ` · ${n.note}` : ''}` })))}
          {'inspections' in d && list(t('work.inspections'), d.inspections?.map((x) => ({ id: x.id, text: `${i.date(x.inspectedOn)} · ${x.result} · ${x.findings}` })))}
          {'complaints' in d && list(t('work.complaints'), d.complaints?.map((x) => ({ id: x.id, text: `${i.date(x.receivedOn)} · ${x.state} · ${x.summary}` })))}
          {'sanctions' in d && list(t('work.sanctions'), d.sanctions?.map((x) => ({ id: x.id, text: `${i.date(x.from)} · ${x.kind} · ${x.reason}` })))}
        </>
      )}
    </>
  );
}

function PublicList({ inApp = true }: { inApp?: boolean }) {
  const i = useI18n();
  const { t } = i;
  const [offset, setOffset] = useState(0);
  const loaded = useLoad(`work:public:${offset}`, (signal) => workApi.publicAgencies(offset, signal));
  return (
    <>
      <h1>{t('work.public')}</h1>
      {inApp && <Sections current="public" />}
      <ErrorAlert error={loaded.error} />
      {loaded.data && (
        <table>
          <thead><tr><th scope="col">{t('work.registrationNumber')}</th><th scope="col">{t('work.name')}</th><th scope="col">{t('work.address')}</th><th scope="col">{t('work.registeredOn')}</th><th scope="col">{t('work.standing')}</th></tr></thead>
          <tbody>
            {loaded.data.items.map((a) => (
              <tr key={a.registrationNumber}><td>{a.registrationNumber}</td><td>{a.name}</td><td>{a.address}</td><td>{i.date(a.registeredOn)}</td><td>{t(`work.standing.${a.standing}`)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {loaded.data && <Pager total={loaded.data.total} offset={offset} limit={50} onOffset={setOffset} />}
    </>
  );
}

/**
 * The agency register for the public (issue 6 §3): reachable without signing in, from the login page,
 * showing only what the public API publishes (no personal data).
 */
export function PublicAgenciesPage() {
  const { t } = useI18n();
  return (
    <PublicLayout home="#/agencies" subtitle={t('work.public')}>
      <PublicList inApp={false} />
    </PublicLayout>
  );
}

/** The work module: employers and private employment agencies (list, register, detail) and the public agency register. */
export function WorkPage({ route }: { route: Route }) {
  const [, second = 'employers', third] = route.path;
  if (second === 'public') return <PublicList />;
  const section = second === 'agencies' ? 'agencies' : 'employers';
  if (third) return <Detail section={section} id={third} />;
  return <Registry section={section} />;
}
