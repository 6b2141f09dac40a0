import { useT } from '../i18n/index.tsx';

/** Jumps keyboard focus to <main id="main"> without touching the hash route. */
export function SkipLink() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(e) => {
        e.preventDefault();
        const main = document.getElementById('main');
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      {t('a11y.skip')}
    </a>
  );
}
