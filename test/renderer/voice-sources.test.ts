import { describe, expect, it, vi } from 'vitest';
import { createClipPlayer, type AudioContextLike, type PlayerEnv } from '../../src-renderer/voice/audio-player.js';
import { PAUSE_SECONDS, planPrompt, promptTemplates } from '../../src-renderer/voice/clip-plan.js';
import { voiceLocales } from '../../src-renderer/voice/locales.js';
import { clipCatalogue } from '../../src-renderer/voice/clip-catalogue.js';
import { createTerminalVoice, resolvePlan, type ClipLibrary } from '../../src-renderer/voice/terminal-voice.js';
import type { SpeechSource } from '../../src-renderer/voice/speech-source.js';
import { VoiceService } from '../../src-renderer/voice/voice-service.js';
import { RecordingVoiceSource } from '../../src-renderer/voice/voice-source.js';

const templates = promptTemplates(voiceLocales);
const shippedIds = new Set(clipCatalogue(voiceLocales).map((c) => c.id));
const shipped: ClipLibrary = { origin: 'clips', baseUrl: 'voice/', has: (id) => shippedIds.has(id) };
const county = (ids: string[]): ClipLibrary => ({ origin: 'county', baseUrl: 'county-voice/', has: (id) => ids.includes(id) });

/** A Web Audio stand-in: a clip's duration is encoded in its bytes; every start is recorded on the audio clock. */
function fakeAudio() {
  const starts: Array<{ at: number; duration: number }> = [];
  const gains: number[] = [];
  const sources: Array<{ onended: (() => void) | null; stopped: boolean }> = [];
  let decodes = 0;
  const context: AudioContextLike = {
    currentTime: 5,
    state: 'running',
    destination: {},
    resume: () => Promise.resolve(),
    decodeAudioData: (data) => {
      decodes += 1;
      return Promise.resolve({ duration: new Float64Array(data)[0]! });
    },
    createGain: () => {
      const node = { gain: { value: 1 }, connect: () => undefined, disconnect: () => undefined };
      queueMicrotask(() => gains.push(node.gain.value));
      return node;
    },
    createBufferSource: () => {
      const source = {
        buffer: null as { duration: number } | null,
        onended: null as (() => void) | null,
        stopped: false,
        connect: () => undefined,
        start: (at: number) => starts.push({ at, duration: source.buffer!.duration }),
        stop: () => {
          source.stopped = true;
        },
        disconnect: () => undefined,
      };
      sources.push(source);
      return source;
    },
  };
  const fetched: string[] = [];
  const env: PlayerEnv = {
    createContext: () => context,
    fetchBytes: (url) => {
      fetched.push(url);
      if (url.includes('missing')) return Promise.reject(new Error('404'));
      return Promise.resolve(new Float64Array([url.includes('words') ? 0.25 : 1.5]).buffer);
    },
    now: () => 1000,
  };
  const endAll = () => sources.forEach((s) => s.onended?.());
  return { env, starts, gains, sources, fetched, endAll, decodes: () => decodes };
}

const noSpeech = (): SpeechSource & { said: string[] } => {
  const said: string[] = [];
  return { said, hasVoice: () => false, speak: ({ text }) => (said.push(text), Promise.resolve('speech')), cancel: () => undefined };
};

describe('clip plan', () => {
  it('joins the fixed pieces of a prompt with the words of its value', () => {
    expect(planPrompt(templates, 'zh-CN', 'triesLeft', { count: 2 })).toEqual([
      { clip: 'zh-CN/triesLeft@0' },
      { clip: 'zh-CN/words/liang' },
      { clip: 'zh-CN/triesLeft@1' },
    ]);
    expect(planPrompt(templates, 'en', 'home')).toEqual([{ clip: 'en/home' }]);
  });

  it('speaks a masked card number digit by digit with a pause between groups, and amounts and dates from words', () => {
    const custom = promptTemplates({
      'zh-CN': { voice: { card: '卡号{{card, digits}}，应缴{{due, amount}}，截止{{by, date}}。' } },
      en: { voice: { card: 'Card {{card, digits}}.' } },
    });
    const ids = (steps: ReturnType<typeof planPrompt>) => steps?.map((s) => ('pause' in s ? '|' : s.clip.split('/').pop()));
    expect(ids(planPrompt(custom, 'zh-CN', 'card', { card: '62** 1234', due: '1234.56', by: '2026-12-04' }))).toEqual([
      'card@0', 'd6', 'd2', '|', 'd1', 'd2', 'd3', 'd4',
      'card@1', 'd1', 'qian', 'd2', 'bai', 'd3', 'shi', 'd4', 'yuan', 'd5', 'jiao', 'd6', 'fen',
      // The closing 。 alone has nothing to say: no clip.
      'card@2', 'd2', 'o', 'd2', 'd6', 'nian', 'shi', 'd2', 'yue', 'd4', 'ri',
    ]);
    expect(ids(planPrompt(custom, 'en', 'card', { card: '**** 0042' }))).toEqual(['card@0', 'zero', 'zero', 'four', 'two']);
  });

  it('has no plan for an unknown prompt, a missing value or one the joiner cannot speak', () => {
    expect(planPrompt(templates, 'en', 'noSuchPrompt')).toBeUndefined();
    expect(planPrompt(templates, 'en', 'triesLeft')).toBeUndefined();
    expect(planPrompt(templates, 'en', 'triesLeft', { count: Number.NaN })).toBeUndefined();
  });

  it('takes each clip from the first library that has it and turns pauses into silence', () => {
    const resolved = resolvePlan([{ clip: 'zh-CN/home' }, { pause: true }, { clip: 'zh-CN/words/d1' }], [county(['zh-CN/home']), shipped]);
    expect(resolved).toEqual({
      origin: 'mixed',
      steps: [{ url: 'county-voice/zh-CN/home.ogg' }, { pause: PAUSE_SECONDS }, { url: 'voice/zh-CN/words/d1.ogg' }],
    });
    expect(resolvePlan([{ clip: 'zh-CN/nothing' }], [shipped])).toBeUndefined();
  });
});

describe('clip player', () => {
  it('schedules joined clips back to back on the audio clock, with the volume on the gain', async () => {
    const audio = fakeAudio();
    const player = createClipPlayer(audio.env);
    const onStart = vi.fn();
    const done = player.play([{ url: 'voice/zh-CN/a.ogg' }, { url: 'voice/zh-CN/words/d2.ogg' }, { pause: 0.2 }, { url: 'voice/zh-CN/b.ogg' }], 0.4, onStart);
    await vi.waitFor(() => expect(audio.starts).toHaveLength(3));
    const [a, b, c] = audio.starts;
    expect(b!.at).toBeCloseTo(a!.at + a!.duration, 9);
    expect(c!.at).toBeCloseTo(b!.at + b!.duration + 0.2, 9);
    await vi.waitFor(() => expect(audio.gains).toEqual([0.4]));
    expect(onStart).toHaveBeenCalledWith(expect.objectContaining({ clips: 3 }));
    audio.endAll();
    await expect(done).resolves.toBeUndefined();
  });

  it('decodes a clip once and serves later plays from the cache', async () => {
    const audio = fakeAudio();
    const player = createClipPlayer(audio.env);
    await player.load('voice/en/home.ogg');
    const done = player.play([{ url: 'voice/en/home.ogg' }], 1);
    await vi.waitFor(() => expect(audio.starts).toHaveLength(1));
    audio.endAll();
    await done;
    expect(audio.fetched).toEqual(['voice/en/home.ogg']);
    expect(audio.decodes()).toBe(1);
  });

  it('stops what is playing when cut off, and a newer prompt wins over one still loading', async () => {
    const audio = fakeAudio();
    const player = createClipPlayer(audio.env);
    const first = player.play([{ url: 'voice/en/a.ogg' }], 1);
    await vi.waitFor(() => expect(audio.starts).toHaveLength(1));
    const second = player.play([{ url: 'voice/en/b.ogg' }], 1);
    await expect(first).resolves.toBeUndefined();
    expect(audio.sources[0]!.stopped).toBe(true);
    await vi.waitFor(() => expect(audio.starts).toHaveLength(2));
    player.cancel();
    await expect(second).resolves.toBeUndefined();
    expect(audio.sources[1]!.stopped).toBe(true);
  });

  it('preloads two clips at a time, and a prompt needing a queued clip fetches it at once', async () => {
    const audio = fakeAudio();
    const pending = new Map<string, () => void>();
    const env: PlayerEnv = {
      ...audio.env,
      fetchBytes: (url) => {
        audio.fetched.push(url);
        return new Promise((resolve) => pending.set(url, () => resolve(new Float64Array([1]).buffer)));
      },
    };
    const player = createClipPlayer(env);
    const loads = ['a', 'b', 'c', 'd', 'e'].map((n) => player.load(`voice/en/${n}.ogg`));
    await vi.waitFor(() => expect(audio.fetched).toEqual(['voice/en/a.ogg', 'voice/en/b.ogg']));
    const said = player.play([{ url: 'voice/en/e.ogg' }], 1);
    await vi.waitFor(() => expect(audio.fetched).toEqual(['voice/en/a.ogg', 'voice/en/b.ogg', 'voice/en/e.ogg']));
    pending.get('voice/en/e.ogg')!();
    await vi.waitFor(() => expect(audio.starts).toHaveLength(1));
    pending.get('voice/en/a.ogg')!();
    await vi.waitFor(() => expect(audio.fetched).toContain('voice/en/c.ogg'));
    for (const url of ['voice/en/b.ogg', 'voice/en/c.ogg']) pending.get(url)!();
    await vi.waitFor(() => expect(audio.fetched).toContain('voice/en/d.ogg'));
    pending.get('voice/en/d.ogg')!();
    await Promise.all(loads);
    expect(new Set(audio.fetched).size).toBe(audio.fetched.length);
    audio.endAll();
    await said;
  });

  it('rejects a clip that cannot be loaded, and tries again next time', async () => {
    const audio = fakeAudio();
    const player = createClipPlayer(audio.env);
    await expect(player.play([{ url: 'voice/en/missing.ogg' }], 1)).rejects.toThrow('404');
    await expect(player.load('voice/en/missing.ogg')).rejects.toThrow();
    expect(audio.fetched).toEqual(['voice/en/missing.ogg', 'voice/en/missing.ogg']);
  });
});

describe('terminal voice', () => {
  const setup = (libraries: ClipLibrary[], speech: SpeechSource = noSpeech()) => {
    const audio = fakeAudio();
    const starts: string[] = [];
    const source = createTerminalVoice({
      templates,
      libraries: () => libraries,
      player: createClipPlayer(audio.env),
      speech,
      onStart: (u, s) => starts.push(`${u.key}:${s.origin}`),
    });
    return { audio, source, starts };
  };

  it('plays the shipped clips with no OS voice at all', async () => {
    const { audio, source, starts } = setup([shipped]);
    const said = source.speak({ key: 'home', text: '请选择要办理的业务。' }, { lang: 'zh-CN', volume: 1 });
    await vi.waitFor(() => expect(starts).toEqual(['home:clips']));
    audio.endAll();
    await expect(said).resolves.toBe('clips');
    expect(audio.fetched).toEqual(['voice/zh-CN/home.ogg']);
  });

  it("prefers the county's recording of a clip", async () => {
    const { audio, source } = setup([county(['en/home']), shipped]);
    const said = source.speak({ key: 'home', text: 'x' }, { lang: 'en', volume: 1 });
    await vi.waitFor(() => expect(audio.starts).toHaveLength(1));
    audio.endAll();
    await expect(said).resolves.toBe('county');
    expect(audio.fetched).toEqual(['county-voice/en/home.ogg']);
  });

  it('gives text with no clip to the OS voice when it has one for the language, and says nothing otherwise', async () => {
    const withVoice = { ...noSpeech(), hasVoice: (lang: string) => lang === 'en' };
    const said: string[] = [];
    withVoice.speak = ({ text }) => (said.push(text), Promise.resolve('speech'));
    const { source, audio } = setup([shipped], withVoice);
    await expect(source.speak({ text: 'Clinic on the 3rd floor' }, { lang: 'en', volume: 1 })).resolves.toBe('speech');
    await expect(source.speak({ key: 'noSuchPrompt', text: '没有录音' }, { lang: 'zh-CN', volume: 1 })).resolves.toBe('none');
    expect(said).toEqual(['Clinic on the 3rd floor']);
    expect(audio.fetched).toEqual([]);
  });

  it('falls back to the OS voice when a clip fails to load', async () => {
    const speech = { ...noSpeech(), hasVoice: () => true };
    const { source } = setup([county(['en/home']), { origin: 'clips', baseUrl: 'missing/', has: () => true }], speech);
    await expect(source.speak({ key: 'faceBlink', text: 'Please blink slowly.' }, { lang: 'en', volume: 1 })).resolves.toBe('speech');
  });

  it("preloads a screen's clips, and for a prompt with values its pieces and the joiner's words", async () => {
    const { source, audio } = setup([shipped]);
    await source.preload!([{ key: 'home', text: '' }, { key: 'triesLeft', text: '' }], 'zh-CN');
    expect(audio.fetched).toContain('voice/zh-CN/home.ogg');
    expect(audio.fetched).toContain('voice/zh-CN/triesLeft@0.ogg');
    expect(audio.fetched).toContain('voice/zh-CN/triesLeft@1.ogg');
    expect(audio.fetched).toContain('voice/zh-CN/words/liang.ogg');
    expect(audio.fetched.every((url) => url.startsWith('voice/zh-CN/'))).toBe(true);
  });
});

describe('voice service with prompts', () => {
  it('says a prompt by key and text, and hears it again with the same settings', async () => {
    const source = new RecordingVoiceSource();
    const voice = new VoiceService(source);
    const on = { language: 'en', voiceMuted: false, volume: 0.5 } as const;
    await voice.say({ key: 'home', text: 'Please choose a service.' }, on);
    await voice.repeat(on);
    expect(source.spoken).toEqual([
      { key: 'home', text: 'Please choose a service.', lang: 'en', volume: 0.5 },
      { key: 'home', text: 'Please choose a service.', lang: 'en', volume: 0.5 },
    ]);
  });

  it('hears nothing again when muted', async () => {
    const source = new RecordingVoiceSource();
    const voice = new VoiceService(source);
    await voice.say({ key: 'home', text: 'x' }, { language: 'en', voiceMuted: false, volume: 1 });
    await voice.repeat({ language: 'en', voiceMuted: true, volume: 1 });
    expect(source.spoken).toHaveLength(1);
  });
});
