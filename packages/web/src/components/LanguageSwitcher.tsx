import { LANGS, LANGUAGE_NAMES, isLang, useI18n } from '../i18n/index.tsx';

export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch">
      <label htmlFor="lang-select">{t('lang.label')}</label>
      <select
        id="lang-select"
        value={lang}
        onChange={(e) => {
          if (isLang(e.target.value)) setLang(e.target.value);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
