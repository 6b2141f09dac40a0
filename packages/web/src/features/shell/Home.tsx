import { MODULES } from '@kamurj/domain/access';
import { useI18n } from '../../i18n/index.tsx';
import { moduleTitle, rolesText } from '../../i18n/labels.ts';
import { href } from '../../router.ts';
import { useSession } from '../../session.tsx';

export function Home() {
  const i = useI18n();
  const { t } = i;
  const { me } = useSession();
  const modules = MODULES.filter((m) => me.modules.includes(m.code));
  return (
    <>
      <h1>{t('home.title', { name: me.user.displayName })}</h1>
      <dl className="kv">
        <dt>{t('home.agency')}</dt>
        <dd>{i.name(me.user.agency.name)}</dd>
        <dt>{t('home.roles')}</dt>
        <dd>{rolesText(i, me.user.roles) || '—'}</dd>
      </dl>
      <h2>{t('home.modules')}</h2>
      {modules.length === 0 ? (
        <p>{t('home.noModules')}</p>
      ) : (
        <ul className="cards">
          {modules.map((m) => (
            <li key={m.code}>
              <a href={href([m.code])} className="card">
                <span className="card-title">{moduleTitle(i, m.code)}</span>
                <span className="card-text">{i.tx(`module.${m.code}.summary`, '')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
