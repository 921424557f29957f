import type { Language } from '../../src-main/contract/index.js';
import { isSpokenKind, type SpokenKind } from './spoken/index.js';

/**
 * Voice prompts are the `voice.*` strings of each locale. A prompt may name values to be spoken
 * as `{{name, kind}}` (kind: count, number, amount, date, digits); the text around them becomes
 * fixed clips and each value is joined from word clips: "还可以尝试{{count, count}}次" →
 * clip "还可以尝试" + 两 + clip "次".
 */
export type TemplatePiece = { text: string } | { name: string; kind: SpokenKind };

/** The locale trees the prompts come from: `{ 'zh-CN': zhCN, en }`. */
export type LocaleTrees = Readonly<Record<Language, object>>;

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*(?:,\s*([A-Za-z]+)\s*)?\}\}/g;

/** A prompt's placeholder with no kind, or an unknown one; the clip test names these. */
export class PromptTemplateError extends Error {
  override name = 'PromptTemplateError';
}

/** Splits a prompt at its placeholders. Without a known kind a placeholder is an error (strict) or a `number`. */
export function parseTemplate(template: string, strict = false): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, name = '', kind = ''] = match;
    pieces.push({ text: template.slice(last, match.index) });
    if (!isSpokenKind(kind)) {
      if (strict) throw new PromptTemplateError(`{{${name}}} needs a spoken kind: {{${name}, count|number|amount|date|digits}}`);
      pieces.push({ name, kind: 'number' });
    } else {
      pieces.push({ name, kind });
    }
    last = match.index + whole.length;
  }
  pieces.push({ text: template.slice(last) });
  return pieces;
}

/** `voice.*` of one locale, flattened to `dotted.key → template`. */
export function voicePrompts(tree: object): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') out.set(prefix, node);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) walk(value, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk((tree as { voice?: unknown }).voice, '');
  return out;
}

/** The clip of a prompt's fixed text: `zh-CN/home`, or `zh-CN/triesLeft@0` for the text before a value. */
export function promptClipId(lang: Language, key: string, segment?: number): string {
  return segment === undefined ? `${lang}/${key}` : `${lang}/${key}@${segment}`;
}

/** The clip of a joiner word: `zh-CN/words/d2`. */
export const wordClipId = (lang: Language, word: string): string => `${lang}/words/${word}`;

/** Whether a fixed piece has anything to say (punctuation alone between two values does not). */
export const isSpeakable = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);
