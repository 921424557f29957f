import { describe, expect, it, vi } from 'vitest';
import { VoiceService } from '../../src-renderer/voice/voice-service.js';
import { RecordingVoiceSource } from '../../src-renderer/voice/voice-source.js';
import { createSpeechSource } from '../../src-renderer/voice/speech-source.js';

const on = { language: 'zh-CN', voiceMuted: false, volume: 0.6 } as const;

describe('voice service', () => {
  it('speaks the prompt with the language and volume from settings', async () => {
    const source = new RecordingVoiceSource();
    await new VoiceService(source).say('请选择要办理的业务。', on);
    expect(source.spoken).toEqual([{ text: '请选择要办理的业务。', lang: 'zh-CN', volume: 0.6 }]);
  });

  it('says nothing when muted', async () => {
    const source = new RecordingVoiceSource();
    await new VoiceService(source).say('hello', { ...on, voiceMuted: true });
    expect(source.spoken).toEqual([]);
  });

  it('says nothing at volume 0 and clamps volume into 0..1', async () => {
    const source = new RecordingVoiceSource();
    const voice = new VoiceService(source);
    await voice.say('a', { ...on, volume: 0 });
    await voice.say('b', { ...on, volume: 3 });
    expect(source.spoken.map((s) => [s.text, s.volume])).toEqual([['b', 1]]);
  });

  it('cuts off the previous prompt before a new one and on stop', async () => {
    const source = new RecordingVoiceSource();
    const voice = new VoiceService(source);
    await voice.say('a', on);
    await voice.say('b', on);
    voice.stop();
    expect(source.cancels).toBe(3);
  });
});

describe('speech synthesis source', () => {
  it('does not crash and stays silent without speechSynthesis', async () => {
    const source = createSpeechSource({});
    await expect(source.speak({ text: 'hello' }, { lang: 'en', volume: 1 })).resolves.toBe('none');
    expect(source.hasVoice('en')).toBe(false);
    expect(() => source.cancel()).not.toThrow();
  });

  it('uses speechSynthesis with the language and volume when present', async () => {
    const spoken: Array<{ text: string; lang: string; volume: number }> = [];
    class Utterance {
      lang = '';
      volume = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    const synth = {
      speak: vi.fn((u: Utterance) => {
        spoken.push({ text: u.text, lang: u.lang, volume: u.volume });
        u.onend?.();
      }),
      cancel: vi.fn(),
    };
    const source = createSpeechSource({ speechSynthesis: synth as never, SpeechSynthesisUtterance: Utterance });
    await source.speak({ text: 'Please choose a service.' }, { lang: 'en', volume: 0.4 });
    source.cancel();
    expect(spoken).toEqual([{ text: 'Please choose a service.', lang: 'en-US', volume: 0.4 }]);
    expect(synth.cancel).toHaveBeenCalled();
  });

  it('resolves instead of throwing when the engine fails', async () => {
    const synth = { speak: () => { throw new Error('no voice'); }, cancel: () => { throw new Error('x'); } };
    class Utterance { lang = ''; volume = 1; onend = null; onerror = null; }
    const source = createSpeechSource({ speechSynthesis: synth, SpeechSynthesisUtterance: Utterance });
    await expect(source.speak({ text: 'x' }, { lang: 'zh-CN', volume: 1 })).resolves.toBe('none');
    expect(() => source.cancel()).not.toThrow();
  });
});
