import { useCallback, useEffect, useMemo, useState } from 'react';
import { authApi } from './api/auth.ts';
import { isApiError, setUnauthenticatedHandler } from './api/client.ts';
import type { Me } from './api/types.ts';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import { lookups } from './components/lookups.ts';
import { AuthLayout } from './features/auth/AuthLayout.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { MfaEnrolPage } from './features/auth/MfaEnrolPage.tsx';
import { MfaVerifyPage } from './features/auth/MfaVerifyPage.tsx';
import { PasswordChangePage } from './features/auth/PasswordChangePage.tsx';
import { OpenDataPage } from './features/open-data/OpenDataPage.tsx';
import { PublicAgenciesPage } from './features/work/WorkPage.tsx';
import { Shell } from './features/shell/Shell.tsx';
import { useT, type MessageKey } from './i18n/index.tsx';
import { navigate, useRoute } from './router.ts';
import { SessionContext, type Session } from './session.tsx';

type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; error: unknown }
  | { kind: 'anonymous'; notice?: MessageKey }
  | { kind: 'session'; me: Me };

/** The session state machine: who is signed in and which step of signing in they are at. */
export function App() {
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const route = useRoute();

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      lookups.clear();
      setPhase({ kind: 'anonymous', notice: 'login.expired' });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    authApi.me(ctrl.signal).then(
      (me) => setPhase({ kind: 'session', me }),
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (isApiError(err) && err.status === 401) {
          setPhase(err.code === 'AUTH.SESSION_EXPIRED' ? { kind: 'anonymous', notice: 'login.expired' } : { kind: 'anonymous' });
        }
        else setPhase({ kind: 'unreachable', error: err });
      },
    );
    return () => ctrl.abort();
  }, [attempt]);

  const setMe = useCallback((me: Me) => setPhase({ kind: 'session', me }), []);

  const logout = useCallback(() => {
    authApi
      .logout()
      .catch(() => undefined)
      .finally(() => {
        lookups.clear();
        navigate('#/');
        setPhase({ kind: 'anonymous', notice: 'login.signedOut' });
      });
  }, []);

  const me = phase.kind === 'session' ? phase.me : null;
  const session = useMemo<Session | null>(
    () =>
      me && {
        me,
        setMe,
        logout,
        can: (action) => me.actions.includes(action),
        hasModule: (code) => me.modules.includes(code),
      },
    [me, setMe, logout],
  );

  // Open data is public (ADR 0603): served the same with or without a session.
  if (route.path[0] === 'open-data') return <OpenDataPage route={route} />;
  // So is the register of private employment agencies (issue 6 §3).
  if (route.path[0] === 'agencies') return <PublicAgenciesPage />;

  switch (phase.kind) {
    case 'loading':
      return (
        <AuthLayout title={t('app.name')}>
          <p role="status">{t('common.loading')}</p>
        </AuthLayout>
      );
    case 'unreachable':
      return (
        <AuthLayout title={t('app.name')}>
          <ErrorAlert error={phase.error} />
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </AuthLayout>
      );
    case 'anonymous':
      return <LoginPage onSession={setMe} notice={phase.notice} />;
    case 'session':
      switch (phase.me.state) {
        case 'mfa_required':
          return <MfaVerifyPage onSession={setMe} onCancel={logout} />;
        case 'mfa_enrolment_required':
          return <MfaEnrolPage onSession={setMe} onCancel={logout} />;
        case 'password_change_required':
          return <PasswordChangePage onSession={setMe} onCancel={logout} />;
        default:
          return (
            <SessionContext.Provider value={session}>
              <Shell />
            </SessionContext.Provider>
          );
      }
  }
}
