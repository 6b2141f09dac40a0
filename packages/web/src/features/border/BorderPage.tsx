import { useI18n } from '../../i18n/index.tsx';
import { href, type Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import type { ListKind } from './api.ts';
import { ApisPage } from './ApisPage.tsx';
import { ConflictsPage } from './ConflictsPage.tsx';
import { ConsolePage } from './ConsolePage.tsx';
import { LIST_TITLE } from './labels.ts';
import { ListsPage } from './ListsPage.tsx';
import './border.css';

const KINDS: ListKind[] = ['watchlist', 'entry_ban', 'document'];

/** #/border (console), #/border/lists/<watchlist|entry_ban|document> (list administration). */
export function BorderPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const { can } = useSession();
  const sub = route.path[1];
  const kind = KINDS.find((k) => k === route.path[2]);
  return (
    <>
      {can('watchlist.read') && (
        <nav className="subnav" aria-label={t('border.sections')}>
          <ul>
            <li>
              <a href={href(['border'])} aria-current={!sub ? 'page' : undefined}>
                {t('border.consoleTitle')}
              </a>
            </li>
            <li>
              <a href={href(['border', 'apis'])} aria-current={sub === 'apis' ? 'page' : undefined}>
                {t('apis.section')}
              </a>
            </li>
            {can('border.crossing.supervise') && (
              <li>
                <a href={href(['border', 'conflicts'])} aria-current={sub === 'conflicts' ? 'page' : undefined}>
                  {t('edge.conflicts.title')}
                </a>
              </li>
            )}
            {KINDS.map((k) => (
              <li key={k}>
                <a href={href(['border', 'lists', k])} aria-current={kind === k ? 'page' : undefined}>
                  {t(LIST_TITLE[k]!)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {sub === 'apis' ? <ApisPage id={route.path[2]} /> : sub === 'conflicts' && can('border.crossing.supervise') ? <ConflictsPage /> : sub === 'lists' && kind && can('watchlist.read') ? <ListsPage kind={kind} /> : <ConsolePage />}
    </>
  );
}
