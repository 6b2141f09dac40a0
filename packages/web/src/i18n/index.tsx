import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LocalizedName } from '../api/types.ts';
import { en, type MessageKey } from './en.ts';
import { hy } from './hy.ts';
import { ru } from './ru.ts';

export type { MessageKey } from './en.ts';

export const LANGS = ['hy', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, hy, ru };
/** The name of each language in itself, for the switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { hy: 'Հայերեն', ru: 'Русский', en: 'English' };

const STORAGE_KEY = 'kamurj.lang';
const LOCALES: Record<Lang, string> = { hy: 'hy-AM', ru: 'ru-RU', en: 'en-GB' };

/**
 * Date and number formats for a language. Some browsers ship without Armenian locale data; Armenian then
 * gets numeric dates (22.11.2026) and space-grouped numbers, which is how Armenian texts write them too.
 */
function formats(lang: Lang) {
  const supported = Intl.DateTimeFormat.supportedLocalesOf([LOCALES[lang]]).length > 0;
  if (supported) {
    return {
      dateTime: new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'medium' }),
      date: new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium' }),
      number: new Intl.NumberFormat(LOCALES[lang]),
    };
  }
  const numeric = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
  return {
    dateTime: new Intl.DateTimeFormat('ru-RU', { ...numeric, hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    date: new Intl.DateTimeFormat('ru-RU', numeric),
    number: new Intl.NumberFormat('ru-RU'),
  };
}

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);
export const hasKey = (k: string): k is MessageKey => Object.prototype.hasOwnProperty.call(en, k);

/** The remembered choice, else the first browser language we have, else English. */
export function detectLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage may be unavailable (privacy mode): fall through
  }
  const prefs = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const pref of prefs) {
    const base = (pref ?? '').toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export type Params = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[lang][key] || en[key] || key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, p: string) => (p in params ? String(params[p]) : whole));
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** For keys built at run time (role, module, action codes): falls back when there is no such key. */
  tx: (key: string, fallback: string, params?: Params) => string;
  /** The current-language form of a server-supplied name. */
  name: (n: LocalizedName | string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  number: (n: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? detectLang());

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered; still switched
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const { dateTime: dtf, date: df, number: nf } = formats(lang);
    const fmt = (f: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) return '—';
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : f.format(d);
    };
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tx: (key, fallback, params) => (hasKey(key) ? translate(lang, key, params) : fallback),
      name: (n) => {
        if (n == null) return '';
        if (typeof n === 'string') return n;
        return n[lang] || n.en || n.hy || n.ru || '';
      },
      dateTime: (iso) => fmt(dtf, iso),
      date: (iso) => fmt(df, iso),
      number: (n) => nf.format(n),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** The `t(key, params?)` hook. */
export function useT(): I18n['t'] {
  return useI18n().t;
}
