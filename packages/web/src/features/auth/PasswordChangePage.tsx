import type { Me } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';

/** Forced change after a temporary password was issued. */
export function PasswordChangePage({ onSession, onCancel }: { onSession: (me: Me) => void; onCancel: () => void }) {
  const t = useT();
  return (
    <AuthLayout title={t('password.forcedTitle')}>
      <p>{t('password.forcedIntro')}</p>
      <PasswordChangeForm
        onDone={onSession}
        extraActions={
          <button type="button" onClick={onCancel}>
            {t('common.signOut')}
          </button>
        }
      />
    </AuthLayout>
  );
}
