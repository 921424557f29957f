// The committed record of the generated voice clips (assets/voice/manifest.json): which text each
// clip says and with what engine, so a test can tell a missing or stale clip without the engine.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Language } from '../src-main/contract/index.js';

export const VOICE_DIR = resolve(import.meta.dirname, '..', 'assets', 'voice');
export const MANIFEST_FILE = join(VOICE_DIR, 'manifest.json');

/**
 * How each language is rendered; a change here re-renders that language's clips. Mandarin goes in
 * as tone-numbered pinyin: Debian's espeak-ng lacks the extended Mandarin dictionary, and its `cmn`
 * voice reads most characters as English-spelled pinyin ("ling two"), while `cmn-latn-pinyin`
 * reads pinyin well.
 */
export const RENDER_VOICES: Readonly<Record<Language, { voice: string; wordsPerMinute: number; input: 'pinyin' | 'text' }>> = {
  'zh-CN': { voice: 'cmn-latn-pinyin', wordsPerMinute: 160, input: 'pinyin' },
  en: { voice: 'en-us', wordsPerMinute: 155, input: 'text' },
};

/** Opus in Ogg, mono, 24 kHz, 24 kbit/s, silence trimmed at both ends (so a clip starts at once and joins tightly). */
export const ENCODER = 'ffmpeg libopus 24kHz mono 24k voip trim-50dB';

export type ManifestClip = {
  text: string;
  /** sha256 of (engine and transcriber versions, voice, speed, encoder, text): what the clip was made from. */
  source: string;
  /** sha256 of the .ogg file as committed. */
  sha256: string;
  bytes: number;
};

export type Manifest = { engine: string; encoder: string; clips: Record<string, ManifestClip> };

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The hash that changes whenever a clip must be made again. */
export function sourceHash(engine: string, lang: Language, say: string): string {
  const { voice, wordsPerMinute, input } = RENDER_VOICES[lang];
  return sha256(JSON.stringify([engine, voice, wordsPerMinute, input, ENCODER, say]));
}

export const clipFile = (id: string): string => join(VOICE_DIR, `${id}.ogg`);

/** The committed manifest, or an empty one when there is none yet. */
export function readManifest(): Manifest {
  try {
    return JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Manifest;
  } catch {
    return { engine: '', encoder: ENCODER, clips: {} };
  }
}
