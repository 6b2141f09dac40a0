import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { moduleTitle } from '../../i18n/labels.ts';
import { href, type Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { statisticsApi } from './api.ts';
import { Coverage } from './Coverage.tsx';
import { Dashboard } from './Dashboard.tsx';
import './statistics.css';

type Section = 'dashboard' | 'coverage';

/**
 * The statistics area (`statistics.read`): dashboards and the SDG 17.18.1 coverage table. What a reader
 * sees follows their reach: national readers everything; jurisdiction-scoped readers the flows at their
 * crossing points (the server enforces it; the page says so and greys out the national-only indicators).
 */
export function StatisticsPage({ route }: { route: Route }) {
  const i = useI18n();
  const { t } = i;
  const { me } = useSession();
  const section: Section = route.path[1] === 'coverage' ? 'coverage' : 'dashboard';
  const catalogue = useLoad('stats:catalogue', (signal) => statisticsApi.catalogue(signal));
  // Country and crossing-point names label the open code lists; the charts work without them (codes).
  const names = useLoad('stats:names', (signal) => statisticsApi.names(signal));
  const national = me.user.jurisdictions.some((j) => j.kind === 'national');
  return (
    <>
      <h1>{moduleTitle(i, 'statistics')}</h1>
      <nav aria-label={t('stats.sections')} className="subnav">
        <ul>
          <li>
            <a href={href(['statistics'])} aria-current={section === 'dashboard' ? 'page' : undefined}>
              {t('stats.dashboard')}
            </a>
          </li>
          <li>
            <a href={href(['statistics', 'coverage'])} aria-current={section === 'coverage' ? 'page' : undefined}>
              {t('stats.coverageNav')}
            </a>
          </li>
        </ul>
      </nav>
      <p className="muted" id="stats-scope">
        {national ? t('stats.scopeNational') : t('stats.scopeLocal', { places: me.user.jurisdictions.map((j) => i.name(j.name)).join(', ') })}
      </p>
      <ErrorAlert error={catalogue.error} />
      {catalogue.data && section === 'coverage' && <Coverage catalogue={catalogue.data} />}
      {catalogue.data && section === 'dashboard' && <Dashboard catalogue={catalogue.data} query={route.query} names={names.data} national={national} />}
    </>
  );
}
