import { MODULES } from '@kamurj/domain/access';
import { useEffect, useRef } from 'react';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { SkipLink } from '../../components/SkipLink.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { moduleTitle } from '../../i18n/labels.ts';
import { href, useRoute, type Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { AuditPage } from '../audit/AuditPage.tsx';
import { BorderPage } from '../border/BorderPage.tsx';
import { HandoversPage, IrregularPage } from '../border/ResidencePages.tsx';
import { CasesPage } from '../casework/CasesPage.tsx';
import { PersonsPage } from '../persons/PersonsPage.tsx';
import { ReferencePage } from '../reference/ReferencePage.tsx';
import { StatisticsPage } from '../statistics/StatisticsPage.tsx';
import { VisasPage } from '../residence/VisasPage.tsx';
import { WorkPage } from '../work/WorkPage.tsx';
import { TokensPage } from '../tokens/TokensPage.tsx';
import { UsersPage } from '../users/UsersPage.tsx';
import { AccountPage } from './AccountPage.tsx';
import { Home } from './Home.tsx';
import { ModuleLanding } from './ModuleLanding.tsx';
import { NotAvailable } from './NotAvailable.tsx';

/** Modules that have no screens yet: they show their landing page only. */
const PLANNED = new Set(['policy']);

function Page({ route }: { route: Route }) {
  const { hasModule } = useSession();
  const [first = ''] = route.path;
  if (first === '') return <Home />;
  if (first === 'account') return <AccountPage />;
  if (!MODULES.some((m) => m.code === first)) return <NotAvailable kind="notFound" />;
  if (!hasModule(first)) return <NotAvailable kind="forbidden" />;
  if (PLANNED.has(first)) return <ModuleLanding code={first} />;
  switch (first) {
    case 'users':
      return <UsersPage route={route} />;
    case 'tokens':
      return <TokensPage route={route} />;
    case 'audit':
      return <AuditPage route={route} />;
    case 'persons':
      return <PersonsPage route={route} />;
    case 'border':
      return <BorderPage route={route} />;
    case 'handovers':
      return <HandoversPage />;
    case 'residence':
      return <IrregularPage />;
    case 'visas':
      return <VisasPage route={route} />;
    case 'work':
      return <WorkPage route={route} />;
    case 'cases':
      return <CasesPage route={route} />;
    case 'statistics':
      return <StatisticsPage route={route} />;
    default:
      return <ReferencePage route={route} />;
  }
}

/** The signed-in frame: header, navigation by the user's modules, and the current page. */
export function Shell() {
  const i = useI18n();
  const { t } = i;
  const { me, logout } = useSession();
  const route = useRoute();
  const current = route.path[0] ?? '';
  const previous = useRef(route.key);

  useEffect(() => {
    // After moving to another page, put focus on its heading so screen readers announce it.
    if (previous.current === route.key) return;
    const pageChanged = previous.current.split('?')[0] !== route.key.split('?')[0];
    previous.current = route.key;
    if (!pageChanged) return;
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus();
    }
  }, [route.key]);

  const modules = MODULES.filter((m) => me.modules.includes(m.code));
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <p className="brand">
          <a href="#/" className="brand-name">
            {t('app.name')}
          </a>
          <span className="brand-sub">{t('app.tagline')}</span>
        </p>
        <div className="header-tools">
          <p className="who">
            <span className="who-name">{me.user.displayName}</span>
            <span className="who-agency">{i.name(me.user.agency.name)}</span>
          </p>
          <LanguageSwitcher />
          <a href="#/account" className="header-link">
            {t('nav.account')}
          </a>
          <button type="button" onClick={logout} id="logout">
            {t('common.signOut')}
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          <li>
            <a href="#/" aria-current={current === '' ? 'page' : undefined}>
              {t('nav.home')}
            </a>
          </li>
          {modules.map((m) => (
            <li key={m.code}>
              <a href={href([m.code])} data-module={m.code} aria-current={current === m.code ? 'page' : undefined}>
                {moduleTitle(i, m.code)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}
