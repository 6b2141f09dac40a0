import { useI18n } from '../../i18n/index.tsx';
import { moduleTitle } from '../../i18n/labels.ts';
import { useSession } from '../../session.tsx';
import { ScopeList } from './ScopeList.tsx';

/** Landing page of a module whose screens are not built yet: what it is for and where the user works. */
export function ModuleLanding({ code }: { code: string }) {
  const i = useI18n();
  const { t } = i;
  const { me } = useSession();
  return (
    <>
      <h1>{moduleTitle(i, code)}</h1>
      <p>{i.tx(`module.${code}.summary`, '')}</p>
      <p className="notice">{t('landing.planned')}</p>
      <h2>{t('landing.scopes')}</h2>
      <ScopeList items={me.user.jurisdictions} />
    </>
  );
}
