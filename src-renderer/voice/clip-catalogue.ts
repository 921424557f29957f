import type { Language } from '../../src-main/contract/index.js';
import { VOCABULARY } from './spoken/index.js';
import { isSpeakable, LANGUAGES, parseTemplate, promptClipId, voicePrompts, wordClipId, type LocaleTrees } from './prompts.js';

/** One clip the terminal ships: `id` is its path under assets/voice without `.ogg`. */
export type ClipSpec = { id: string; lang: Language; text: string; say: string };

/**
 * Every clip the locales need: each prompt's fixed pieces plus the joiner's words, for both
 * languages. The render script makes exactly these and the clip test checks exactly these, so a
 * prompt added to a locale is picked up by both without being listed anywhere else.
 */
export function clipCatalogue(locales: LocaleTrees, strict = true): ClipSpec[] {
  const clips: ClipSpec[] = [];
  for (const lang of LANGUAGES) {
    for (const [key, template] of voicePrompts(locales[lang])) {
      if (key === 'words' || key.startsWith('words.')) throw new Error(`voice.${key}: "words" is reserved for the joiner's clips`);
      const pieces = parseTemplate(template, strict);
      const hasValues = pieces.length > 1;
      pieces.forEach((piece, index) => {
        if (!('text' in piece) || !isSpeakable(piece.text)) return;
        const text = piece.text.trim();
        // Text pieces sit at even places, values between them: segment n is the n-th text piece.
        clips.push({ id: promptClipId(lang, key, hasValues ? index / 2 : undefined), lang, text, say: text });
      });
    }
    for (const [word, entry] of Object.entries(VOCABULARY[lang])) {
      clips.push({ id: wordClipId(lang, word), lang, text: entry.text, say: entry.say ?? entry.text });
    }
  }
  return clips;
}
