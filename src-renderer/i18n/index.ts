import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language, LocalizedText } from '../../src-main/contract/index.js';
import { zhCN } from './locales/zh-CN.js';
import { en } from './locales/en.js';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

/** Initialises i18next once; the language then follows the settings slice. */
export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    // React escapes already; double escaping would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Catalog and site names come localized from the core as {zh, en}. */
export function pickLocalized(text: LocalizedText, language: Language): string {
  return language === 'en' ? text.en : text.zh;
}
