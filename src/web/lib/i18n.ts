import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zh from '../locales/zh-CN.json';

/**
 * The interface languages (issue 15): English and Simplified Chinese. Every string a person
 * reads is in ../locales/<lang>.json (test/words/i18n.test.ts fails on a key missing from either
 * file, or a Chinese string left in English). The choice is remembered in localStorage; the first
 * visit follows the browser's language.
 */
export const LANGS = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
] as const;
export type Lang = (typeof LANGS)[number]['code'];

const STORAGE_KEY = 'redline.lang';

export function pickLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  for (const l of browser) {
    const low = l.toLowerCase();
    if (low.startsWith('zh')) return 'zh-CN';
    if (low.startsWith('en')) return 'en';
  }
  return 'en';
}

function storedLang(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const initial = pickLang(storedLang(), typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLang(lang: string): void {
  // The page's language tag: screen readers read in it, and `:lang(zh)` in styles.css puts the
  // shipped Noto Sans SC first for every element of a Chinese page. (No document when the views
  // are rendered on the server, as the tests do.)
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyLang(initial);

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLang(lang);
  void i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

export const isZh = (): boolean => currentLang() === 'zh-CN';

export { i18n };
export const t = i18n.t.bind(i18n);
