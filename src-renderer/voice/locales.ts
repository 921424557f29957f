import { zhCN } from '../i18n/locales/zh-CN.js';
import { en } from '../i18n/locales/en.js';
import type { LocaleTrees } from './prompts.js';

/** The locale trees voice prompts are read from (the same objects i18next is given). */
export const voiceLocales: LocaleTrees = { 'zh-CN': zhCN, en };
