import { describe, expect, it } from 'vitest';
import { GUIDANCE_STATES } from '../../src-renderer/face/face-guidance.js';
import { guidanceKeys, shouldSpeak, VOICE_TIMING } from '../../src-renderer/face/face-voice.js';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN.js';
import { en } from '../../src-renderer/i18n/locales/en.js';

describe('face guidance voice', () => {
  it('speaks the first state at once', () => {
    expect(shouldSpeak(undefined, 'noFace', 0)).toBe(true);
  });

  it('waits the minimum gap before speaking a new state', () => {
    const last = { state: 'noFace' as const, at: 1000 };
    expect(shouldSpeak(last, 'closer', 1000 + VOICE_TIMING.minGapMs - 1)).toBe(false);
    expect(shouldSpeak(last, 'closer', 1000 + VOICE_TIMING.minGapMs)).toBe(true);
  });

  it('repeats the same state only as a reminder', () => {
    const last = { state: 'blink' as const, at: 0 };
    expect(shouldSpeak(last, 'blink', VOICE_TIMING.repeatMs - 1)).toBe(false);
    expect(shouldSpeak(last, 'blink', VOICE_TIMING.repeatMs)).toBe(true);
  });

  it('has a visible string and a voice prompt in both locales for every state', () => {
    for (const state of GUIDANCE_STATES) {
      const { text, voice } = guidanceKeys(state);
      const textKey = text.split('.')[2] as keyof typeof zhCN.face.guide;
      const voiceKey = voice.split('.')[1] as keyof typeof zhCN.voice;
      for (const locale of [zhCN, en]) {
        expect(locale.face.guide[textKey], `${text}`).toMatch(/\S/);
        expect(locale.voice[voiceKey], `${voice}`).toMatch(/\S/);
      }
    }
    expect(guidanceKeys('lookAtCamera')).toEqual({ text: 'face.guide.lookAtCamera', voice: 'voice.faceLookAtCamera' });
  });
});
