import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SkipLink } from './SkipLink.tsx';

/**
 * The frame of the pages anyone may read without signing in (open data, the register of employment
 * agencies): the application's name, the page's subtitle, the language switch and the way to sign in.
 */
export function PublicLayout({ home, subtitle, children }: { home: string; subtitle: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <p className="brand">
          <a href={home} className="brand-name">
            {t('app.name')}
          </a>
          <span className="brand-sub">{subtitle}</span>
        </p>
        <div className="header-tools">
          <LanguageSwitcher />
          <a href="#/" className="header-link" id="staff-sign-in">
            {t('opendata.signIn')}
          </a>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        {children}
      </main>
    </>
  );
}
