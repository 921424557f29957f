import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OggOpusDecoder } from 'ogg-opus-decoder';
import { clipCatalogue } from '../../src-renderer/voice/clip-catalogue.js';
import { voiceLocales } from '../../src-renderer/voice/locales.js';
import { clipFile, ENCODER, readManifest, sha256, sourceHash, VOICE_DIR } from '../../scripts/voice-manifest.js';

// The committed clips against the locales, without the speech engine: a prompt key with no clip,
// a clip made from older text (or by another engine setting), or a clip edited by hand fails here.
// The fix is always `npm run voice:render`.
const manifest = readManifest();
const catalogue = clipCatalogue(voiceLocales);

function oggFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? oggFiles(join(dir, entry.name)) : entry.name.endsWith('.ogg') ? [join(dir, entry.name)] : [],
  );
}

/** What a clip should last: per CJK character in zh-CN, per word in English. */
function durationBounds(lang: string, text: string): [number, number] {
  const units = lang === 'en' ? text.split(/\s+/).filter(Boolean).length : [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
  return lang === 'en' ? [0.12 * units, 0.3 + 0.8 * units] : [0.12 * units, 0.3 + 0.6 * units];
}

const RMS_FLOOR = 0.02; // about -34 dBFS: speech, not hiss or silence
const MAX_LEADING_SILENCE_S = 0.03; // a clip starts at once: playback latency and tight joins
const MAX_TRAILING_SILENCE_S = 0.03; // and ends on its last sound: joined clips (还可以尝试 · 两 · 次) leave no gap

describe('voice clips', () => {
  it('names a spoken kind for every value in every voice prompt', () => {
    expect(() => clipCatalogue(voiceLocales, true)).not.toThrow();
  });

  it('has a clip made from the current text for every prompt piece and joiner word', () => {
    expect(manifest.encoder).toBe(ENCODER);
    const problems: string[] = [];
    for (const clip of catalogue) {
      const entry = manifest.clips[clip.id];
      if (!entry) problems.push(`${clip.id}: no clip`);
      else if (entry.text !== clip.text || entry.source !== sourceHash(manifest.engine, clip.lang, clip.say)) problems.push(`${clip.id}: stale (made from "${entry.text}")`);
      else if (!existsSync(clipFile(clip.id))) problems.push(`${clip.id}: file missing`);
      else if (sha256(readFileSync(clipFile(clip.id))) !== entry.sha256) problems.push(`${clip.id}: file changed since it was rendered`);
    }
    expect(problems, 'run `npm run voice:render`').toEqual([]);
  });

  it('ships no clip that no prompt uses', () => {
    const wanted = new Set(catalogue.map((c) => c.id));
    const files = oggFiles(VOICE_DIR).map((f) => relative(VOICE_DIR, f).replace(/\.ogg$/, '').split('\\').join('/'));
    expect(files.filter((id) => !wanted.has(id))).toEqual([]);
    expect(Object.keys(manifest.clips).filter((id) => !wanted.has(id))).toEqual([]);
  });

  describe('audio', () => {
    const decoder = new OggOpusDecoder();
    beforeAll(() => decoder.ready);
    afterAll(() => decoder.free());

    it.each(catalogue.map((c) => [c.id, c] as const))('%s decodes to speech of a plausible length, trimmed at both ends', async (_id, clip) => {
      await decoder.reset();
      const { channelData, samplesDecoded, sampleRate, errors } = await decoder.decodeFile(readFileSync(clipFile(clip.id)));
      expect(errors).toEqual([]);
      const samples = channelData[0]!.subarray(0, samplesDecoded);
      const seconds = samplesDecoded / sampleRate;
      const [min, max] = durationBounds(clip.lang, clip.text);
      expect(seconds).toBeGreaterThanOrEqual(Math.max(0.1, min));
      expect(seconds).toBeLessThanOrEqual(max);
      let sum = 0;
      for (const s of samples) sum += s * s;
      expect(Math.sqrt(sum / samples.length)).toBeGreaterThan(RMS_FLOOR);
      const firstSound = samples.findIndex((s) => Math.abs(s) > 0.01);
      expect(firstSound / sampleRate).toBeLessThanOrEqual(MAX_LEADING_SILENCE_S);
      let lastSound = samples.length - 1;
      while (lastSound > 0 && Math.abs(samples[lastSound]!) <= 0.01) lastSound -= 1;
      expect((samples.length - 1 - lastSound) / sampleRate).toBeLessThanOrEqual(MAX_TRAILING_SILENCE_S);
    });
  });
});
