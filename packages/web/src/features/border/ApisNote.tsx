import { useI18n } from '../../i18n/index.tsx';
import { href } from '../../router.ts';
import type { PreScreenNote } from './apisApi.ts';
import { HIT_ACTION, HIT_SOURCE, label } from './labels.ts';

/** In the console's result panel: this traveller was on a pre-screened manifest (flight, pre-screen hits). */
export function ApisNote({ note }: { note: PreScreenNote | null | undefined }) {
  const { t } = useI18n();
  if (!note) return null;
  return (
    <section aria-labelledby="prescreen-heading" className={note.hits.length > 0 ? 'result-block bad' : 'result-block'} id="prescreen-note">
      <h3 id="prescreen-heading">{t('apis.noteTitle')}</h3>
      <p>
        {t('apis.noteFlight', { flight: note.flight, arrival: note.scheduledArrival.replace('T', ' ') })}{' '}
        <a href={href(['border', 'apis', note.manifestId])}>{t('apis.openManifest')}</a>
      </p>
      {note.hits.length === 0 && <p>{t('apis.noteNoHits')}</p>}
      {note.hits.length > 0 && (
        <ul>
          {note.hits.map((h) => {
            const source = label(HIT_SOURCE, h.source);
            const action = label(HIT_ACTION, h.action);
            return (
              <li key={`${h.entryId}:${h.entryVersion}`}>
                <strong>{source ? t(source) : h.source}</strong> · {action ? t(action) : h.action}
                {h.adjudication && ` · ${t(h.adjudication.outcome === 'false_hit' ? 'apis.judgedFalse' : 'apis.judgedTrue', { by: h.adjudication.by, at: h.adjudication.at.slice(0, 16).replace('T', ' ') })}`}
              </li>
            );
          })}
        </ul>
      )}
      {note.suppressed > 0 && <p className="small">{t('apis.suppressed', { count: note.suppressed })}</p>}
    </section>
  );
}
