import type { Language } from '../../src-main/contract/index.js';
import { PAUSE, speakValue, SpokenValueError } from './spoken/index.js';
import { isSpeakable, parseTemplate, promptClipId, voicePrompts, wordClipId, type LocaleTrees } from './prompts.js';

/** One step of a joined prompt: a clip (its id, e.g. `zh-CN/triesLeft@0`) or a short pause between groups. */
export type PlanStep = { clip: string } | { pause: true };

/** The pause between digit groups and date parts, in seconds. */
export const PAUSE_SECONDS = 0.18;

/** Flattened `voice.*` templates per language, read once from the locale trees. */
export type PromptTemplates = Readonly<Record<Language, ReadonlyMap<string, string>>>;

export function promptTemplates(locales: LocaleTrees): PromptTemplates {
  return { 'zh-CN': voicePrompts(locales['zh-CN']), en: voicePrompts(locales.en) };
}

/**
 * The clips that say `voice.<key>` with `values`: the prompt's fixed pieces and, between them, each
 * value joined from word clips. Undefined when there is no such prompt, a value is missing or the
 * joiner cannot speak it (the caller then falls back to the text).
 */
export function planPrompt(
  templates: PromptTemplates,
  lang: Language,
  key: string,
  values: Readonly<Record<string, unknown>> = {},
): PlanStep[] | undefined {
  const template = templates[lang].get(key);
  if (template === undefined) return undefined;
  const pieces = parseTemplate(template);
  const hasValues = pieces.length > 1;
  const steps: PlanStep[] = [];
  try {
    pieces.forEach((piece, index) => {
      if ('text' in piece) {
        if (isSpeakable(piece.text)) steps.push({ clip: promptClipId(lang, key, hasValues ? index / 2 : undefined) });
        return;
      }
      if (!(piece.name in values)) throw new SpokenValueError(`no value for ${piece.name}`);
      for (const word of speakValue(lang, piece.kind, values[piece.name])) {
        steps.push(word === PAUSE ? { pause: true } : { clip: wordClipId(lang, word) });
      }
    });
  } catch (error) {
    if (error instanceof SpokenValueError) return undefined;
    throw error;
  }
  return steps;
}
