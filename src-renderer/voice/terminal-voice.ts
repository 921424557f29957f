import type { Language } from '../../src-main/contract/index.js';
import type { ClipPlayer, PlayStart, PlayStep } from './audio-player.js';
import { PAUSE_SECONDS, planPrompt, type PlanStep, type PromptTemplates } from './clip-plan.js';
import { isSpeakable, parseTemplate, promptClipId, wordClipId } from './prompts.js';
import type { SpeechSource } from './speech-source.js';
import { VOCABULARY } from './spoken/index.js';
import type { Utterance, VoiceOrigin, VoiceSource } from './voice-source.js';

/**
 * A set of clips served from the terminal's origin under `baseUrl` (`voice/`, `county-voice/`):
 * `has(id)` tells whether it holds the clip `zh-CN/home` (file `<baseUrl>zh-CN/home.ogg`).
 */
export type ClipLibrary = { origin: 'county' | 'clips'; baseUrl: string; has(id: string): boolean };

export type TerminalVoiceOptions = {
  templates: PromptTemplates;
  /** In order of precedence: the county's recordings, then the shipped clips. */
  libraries(): readonly ClipLibrary[];
  player: ClipPlayer;
  /** The OS voice, for text with no clip; used only when it has a voice for the language. */
  speech: SpeechSource;
  /** Told when a prompt's first sample is due at the output (test hooks, the voice bench). */
  onStart?(utterance: Utterance, start: PlayStart & { origin: VoiceOrigin }): void;
};

type Resolved = { steps: PlayStep[]; origin: VoiceOrigin };

/** Each clip from the first library that has it; undefined when any clip is in none (unless `skipMissing`). */
export function resolvePlan(plan: readonly PlanStep[], libraries: readonly ClipLibrary[], skipMissing = false): Resolved | undefined {
  const steps: PlayStep[] = [];
  const used = new Set<ClipLibrary['origin']>();
  for (const step of plan) {
    if ('pause' in step) {
      steps.push({ pause: PAUSE_SECONDS });
      continue;
    }
    const library = libraries.find((l) => l.has(step.clip));
    if (!library) {
      if (skipMissing) continue;
      return undefined;
    }
    used.add(library.origin);
    // Clip ids are prompt keys and word ids (letters, digits, @, /): safe in a URL as they are.
    steps.push({ url: `${library.baseUrl}${step.clip}.ogg` });
  }
  const origin: VoiceOrigin = used.size === 0 ? 'none' : used.size > 1 ? 'mixed' : [...used][0]!;
  return { steps, origin };
}

/**
 * The terminal's voice source: a prompt is played from clips (the county's recordings take
 * precedence clip by clip over the shipped ones) when every piece has one; otherwise its text goes
 * to the OS voice when the OS has one for the language; otherwise nothing is said. A clip that
 * fails to load or decode also falls back to the OS voice.
 */
export function createTerminalVoice(options: TerminalVoiceOptions): VoiceSource {
  const { templates, player, speech } = options;
  const resolve = (utterance: Utterance, lang: Language): Resolved | undefined => {
    if (utterance.key === undefined) return undefined;
    const plan = planPrompt(templates, lang, utterance.key, utterance.values);
    return plan ? resolvePlan(plan, options.libraries()) : undefined;
  };
  const speakText = async (utterance: Utterance, lang: Language, volume: number): Promise<VoiceOrigin> => {
    if (!speech.hasVoice(lang)) return 'none';
    const origin = await speech.speak(utterance, { lang, volume });
    return origin ?? 'speech';
  };

  return {
    async speak(utterance, { lang, volume }) {
      const resolved = resolve(utterance, lang);
      if (resolved) {
        try {
          await player.play(resolved.steps, volume, (start) => options.onStart?.(utterance, { ...start, origin: resolved.origin }));
          return resolved.origin;
        } catch {
          // A clip missing on disk or undecodable: say the text instead, if the OS can.
        }
      }
      return speakText(utterance, lang, volume);
    },
    cancel() {
      player.cancel();
      speech.cancel();
    },
    async preload(utterances, lang) {
      // The output device starts while the clips load.
      void player.warm();
      // In order of need: the prompts' own pieces (in the order given) before the joiner's words.
      const urls = new Set<string>();
      const words = new Set<string>();
      const add = (plan: readonly PlanStep[], into = urls) => {
        for (const step of resolvePlan(plan, options.libraries(), true)?.steps ?? []) if ('url' in step) into.add(step.url);
      };
      for (const utterance of utterances) {
        if (utterance.key === undefined) continue;
        const template = templates[lang].get(utterance.key);
        if (template === undefined) continue;
        const pieces = parseTemplate(template);
        if (pieces.length > 1 && utterance.values === undefined) {
          // Said later with values: its fixed pieces now, and every word the joiner may need.
          add(pieces.flatMap((piece, i) => ('text' in piece && isSpeakable(piece.text) ? [{ clip: promptClipId(lang, utterance.key!, i / 2) }] : [])));
          add(Object.keys(VOCABULARY[lang]).map((word) => ({ clip: wordClipId(lang, word) })), words);
        } else {
          add(planPrompt(templates, lang, utterance.key, utterance.values) ?? []);
        }
      }
      for (const url of words) urls.add(url);
      await Promise.all([...urls].map((url) => player.load(url).catch(() => undefined)));
    },
  };
}
