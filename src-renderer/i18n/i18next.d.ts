import type { zhCN } from './locales/zh-CN.js';

// Typed keys: t('home.titel') is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
