import { useT } from '../../i18n/index.tsx';

export function NotAvailable({ kind }: { kind: 'notFound' | 'forbidden' }) {
  const t = useT();
  return (
    <>
      <h1>{kind === 'forbidden' ? t('page.forbiddenTitle') : t('page.notFoundTitle')}</h1>
      <p>{kind === 'forbidden' ? t('page.forbiddenText') : t('page.notFoundText')}</p>
      <p>
        <a href="#/">{t('nav.home')}</a>
      </p>
    </>
  );
}
