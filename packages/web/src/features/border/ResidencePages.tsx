import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { borderApi, type Handover } from './api.ts';
import { REFERRAL } from './labels.ts';
import './border.css';

const LIMIT = 50;

function Acknowledge({ h, onDone }: { h: Handover; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const id = `ack-${h.id}`;
  return (
    <div className="stack">
      <ErrorAlert error={error} />
      <label htmlFor={id}>{t('border.handovers.note')}</label>
      <input id={id} type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <button
        type="button"
        className="primary"
        onClick={() =>
          void borderApi.acknowledge(h.id, note.trim()).then(onDone, setError)
        }
      >
        {t('border.handovers.acknowledge')}
      </button>
    </div>
  );
}

/** Handovers addressed to the user's agency: open ones first; acknowledging is audited. */
export function HandoversPage() {
  const i = useI18n();
  const { t } = i;
  const [state, setState] = useState('open');
  const [offset, setOffset] = useState(0);
  const loaded = useLoad(`handovers:${state}:${offset}`, (signal) => borderApi.handovers({ state, offset, limit: LIMIT }, signal));
  return (
    <>
      <h1>{t('border.handovers.title')}</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="handover-state">{t('border.handovers.state')}</label>
          <select id="handover-state" value={state} onChange={(e) => { setOffset(0); setState(e.target.value); }}>
            <option value="open">{t('border.handoverOpen')}</option>
            <option value="acknowledged">{t('border.handoverAcknowledged')}</option>
            <option value="all">{t('common.all')}</option>
          </select>
        </div>
      </div>
      <ErrorAlert error={loaded.error} />
      {loaded.data && loaded.data.items.length === 0 && <p>{t('common.noMatches')}</p>}
      {loaded.data && loaded.data.items.length > 0 && (
        <ul className="handover-list">
          {loaded.data.items.map((h) => (
            <li key={h.id} className="panel">
              <p>
                <strong>{t(REFERRAL[h.kind]!)}</strong> · {h.crossingPoint} · {i.dateTime(h.createdAt)} · {h.createdBy}
              </p>
              {h.note && <p>{h.note}</p>}
              {h.personId && <p><a href={href(['persons', h.personId])}>{t('border.handovers.person')}</a></p>}
              {h.state === 'acknowledged' ? (
                <p>{t('border.handovers.acknowledgedBy', { by: h.acknowledgedBy ?? '', at: i.dateTime(h.acknowledgedAt) })}</p>
              ) : (
                <Acknowledge h={h} onDone={loaded.reload} />
              )}
            </li>
          ))}
        </ul>
      )}
      {loaded.data && <Pager total={loaded.data.total} offset={offset} limit={LIMIT} onOffset={setOffset} />}
    </>
  );
}

/** The irregular-residence register for the migration service: who overstayed, by how many days. */
export function IrregularPage() {
  const i = useI18n();
  const { t } = i;
  const { hasModule } = useSession();
  const [nationality, setNationality] = useState('');
  const [minDays, setMinDays] = useState('');
  const [filters, setFilters] = useState({ nationality: '', minDays: '' });
  const [offset, setOffset] = useState(0);
  const loaded = useLoad(`irregular:${filters.nationality}:${filters.minDays}:${offset}`, (signal) =>
    borderApi.irregular({ ...(filters.nationality ? { nationality: filters.nationality } : {}), ...(filters.minDays ? { minDays: Number(filters.minDays) } : {}), offset, limit: LIMIT }, signal),
  );
  return (
    <>
      <h1>{t('border.irregular.title')}</h1>
      <p>{t('border.irregular.summary')}</p>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilters({ nationality: nationality.trim().toUpperCase(), minDays });
        }}
      >
        <div className="field">
          <label htmlFor="irr-nat">{t('border.nationality')}</label>
          <input id="irr-nat" type="text" maxLength={3} value={nationality} onChange={(e) => setNationality(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="irr-days">{t('border.irregular.minDays')}</label>
          <input id="irr-days" type="number" min={1} value={minDays} onChange={(e) => setMinDays(e.target.value)} />
        </div>
        <button type="submit">{t('common.search')}</button>
      </form>
      <ErrorAlert error={loaded.error} />
      {loaded.data && (
        <>
          <p className="result-count">{t('border.irregular.count', { total: loaded.data.total, today: loaded.data.today })}</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('border.irregular.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('border.name')}</th>
                  <th scope="col">{t('border.nationality')}</th>
                  <th scope="col">{t('border.irregular.entered')}</th>
                  <th scope="col">{t('border.lastLawfulDay')}</th>
                  <th scope="col">{t('border.irregular.days')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.items.map((r) => (
                  <tr key={r.personId}>
                    <td lang="und">{r.masked ? t('border.maskedPerson') : hasModule('persons') ? <a href={href(['persons', r.personId])}>{r.name}</a> : r.name}</td>
                    <td>{r.nationality ?? '—'}</td>
                    <td>
                      {i.date(r.enteredAt)} · {r.crossingPoint}
                    </td>
                    <td>{r.lastLawfulDay}</td>
                    <td>
                      <strong>{i.number(r.daysOverstayed)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={loaded.data.total} offset={offset} limit={LIMIT} onOffset={setOffset} />
        </>
      )}
    </>
  );
}
