/**
 * Plays clips through Web Audio: each clip is fetched from the terminal's own origin and decoded
 * once (cached), and a joined prompt is scheduled sample-exact, clip after clip, on the audio clock,
 * so there is no gap between the pieces. Written against the few Web Audio members it uses, so it
 * is tested in Node with a fake context; nothing touches the DOM until the first clip is loaded.
 */

type BufferLike = { readonly duration: number };
type SourceNodeLike = {
  buffer: BufferLike | null;
  onended: (() => void) | null;
  connect(node: unknown): unknown;
  start(when: number): void;
  stop(): void;
  disconnect(): void;
};
type GainNodeLike = { gain: { value: number }; connect(node: unknown): unknown; disconnect(): void };
export type AudioContextLike = {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: unknown;
  readonly baseLatency?: number;
  readonly outputLatency?: number;
  resume(): Promise<void>;
  decodeAudioData(data: ArrayBuffer): Promise<BufferLike>;
  createBufferSource(): SourceNodeLike;
  createGain(): GainNodeLike;
  getOutputTimestamp?(): { contextTime?: number; performanceTime?: number };
};

/** A clip URL to play, or a pause of some seconds. */
export type PlayStep = { url: string } | { pause: number };

/** When a prompt's first sample reaches the output, on the `performance.now()` clock (an estimate from the audio clock). */
export type PlayStart = { firstSampleAt: number; clips: number };

export type PlayerEnv = {
  createContext(): AudioContextLike;
  fetchBytes(url: string): Promise<ArrayBuffer>;
  now(): number;
};

export interface ClipPlayer {
  /**
   * Fetches and decodes a clip into the cache in the background (a few at a time, behind anything a
   * prompt is waiting for); rejects when it cannot (missing file, bad audio).
   */
  load(url: string): Promise<void>;
  /** Plays the steps back to back; resolves when done or cut off. Rejects only when a clip cannot be loaded. */
  play(steps: readonly PlayStep[], volume: number, onStart?: (start: PlayStart) => void): Promise<void>;
  cancel(): void;
  /** Creates the audio context and starts the output now, so the first prompt does not wait for the device. */
  warm(): Promise<void>;
}

/** The browser's Web Audio and fetch; used only once a clip is actually needed. */
export function browserPlayerEnv(): PlayerEnv {
  return {
    createContext: () => {
      const Context = (globalThis as unknown as { AudioContext: new (options: object) => AudioContextLike }).AudioContext;
      return new Context({ latencyHint: 'interactive' });
    },
    fetchBytes: async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`clip not served (${response.status})`);
      return response.arrayBuffer();
    },
    now: () => performance.now(),
  };
}

/** How far ahead of the audio clock a prompt is scheduled, so its first clip is never clipped at the start. */
const LEAD_SECONDS = 0.01;
/** Background loads at a time: preloading a language never holds up the prompt being said now. */
const BACKGROUND_LOADS = 2;

export function createClipPlayer(env: PlayerEnv): ClipPlayer {
  let context: AudioContextLike | undefined;
  const cache = new Map<string, Promise<BufferLike>>();
  let generation = 0;
  let playing: { sources: SourceNodeLike[]; gain: GainNodeLike; done(): void } | undefined;

  const ctx = (): AudioContextLike => (context ??= env.createContext());

  // Background loads wait here for a slot; a prompt that needs one of them starts it at once.
  const waiting = new Map<string, () => void>();
  let running = 0;
  const nextBackground = () => {
    while (running < BACKGROUND_LOADS && waiting.size > 0) {
      const [url, start] = waiting.entries().next().value!;
      waiting.delete(url);
      start();
    }
  };

  const decoded = (url: string, background = false): Promise<BufferLike> => {
    const entry = cache.get(url);
    if (entry) {
      if (!background) waiting.get(url)?.();
      return entry;
    }
    let started = false;
    let go!: () => void;
    const gate = new Promise<void>((resolve) => {
      go = () => {
        if (started) return;
        started = true;
        waiting.delete(url);
        if (background) running += 1;
        resolve();
      };
    });
    const loaded = gate
      .then(() => env.fetchBytes(url))
      .then((bytes) => ctx().decodeAudioData(bytes))
      .finally(() => {
        if (background) {
          running -= 1;
          nextBackground();
        }
      });
    // A failed load is not remembered: the next screen may try again.
    loaded.catch(() => cache.delete(url));
    cache.set(url, loaded);
    if (background) {
      // Promoted by a prompt: it runs outside the background slots (it was counted on start).
      waiting.set(url, go);
      nextBackground();
    } else {
      go();
    }
    return loaded;
  };

  const stopPlaying = () => {
    const current = playing;
    playing = undefined;
    if (!current) return;
    for (const source of current.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // not started yet or already ended
      }
      source.disconnect();
    }
    current.gain.disconnect();
    current.done();
  };

  /** Maps a time on the audio clock to `performance.now()` time at the output. */
  const outputTime = (audio: AudioContextLike, when: number): number => {
    const stamp = audio.getOutputTimestamp?.();
    if (stamp?.contextTime !== undefined && stamp.performanceTime !== undefined && stamp.performanceTime > 0) {
      return stamp.performanceTime + (when - stamp.contextTime) * 1000;
    }
    return env.now() + (when - audio.currentTime + (audio.outputLatency ?? audio.baseLatency ?? 0)) * 1000;
  };

  return {
    async load(url) {
      await decoded(url, true);
    },

    async play(steps, volume, onStart) {
      const mine = ++generation;
      stopPlaying();
      const buffers = await Promise.all(steps.map((step) => ('url' in step ? decoded(step.url) : Promise.resolve(step.pause))));
      if (mine !== generation) return;
      const audio = ctx();
      // A suspended context (no gesture yet, or the OS took the device) is asked to go on.
      if (audio.state !== 'running') await audio.resume().catch(() => undefined);
      if (mine !== generation) return;
      const gain = audio.createGain();
      gain.gain.value = volume;
      gain.connect(audio.destination);
      const sources: SourceNodeLike[] = [];
      const start = audio.currentTime + LEAD_SECONDS;
      let at = start;
      for (const item of buffers) {
        if (typeof item === 'number') {
          at += item;
          continue;
        }
        const source = audio.createBufferSource();
        source.buffer = item;
        source.connect(gain);
        source.start(at);
        at += item.duration;
        sources.push(source);
      }
      await new Promise<void>((resolve) => {
        playing = { sources, gain, done: resolve };
        const last = sources.at(-1);
        if (!last) {
          stopPlaying();
          return;
        }
        last.onended = () => {
          if (playing?.sources === sources) stopPlaying();
        };
        onStart?.({ firstSampleAt: outputTime(audio, start), clips: sources.length });
      });
    },

    cancel() {
      generation += 1;
      stopPlaying();
    },

    async warm() {
      const audio = ctx();
      if (audio.state !== 'running') await audio.resume().catch(() => undefined);
    },
  };
}
