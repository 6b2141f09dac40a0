import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { SkipLink } from '../../components/SkipLink.tsx';
import { useT } from '../../i18n/index.tsx';

/** The frame of the sign-in steps: product name, language choice and one centred panel. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <p className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sub">{t('app.tagline')}</span>
        </p>
        <div className="header-tools">
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="auth-main">
        <div className="panel auth-panel">
          <h1>{title}</h1>
          {children}
        </div>
      </main>
    </>
  );
}
