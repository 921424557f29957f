import type { zhCN } from './locales/zh-CN.js';

/** Same tree as the source locale, every leaf a plain string (literal types dropped). */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type LocaleShape = Widen<typeof zhCN>;
