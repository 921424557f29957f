// Camera frames → model → guidance, one frame at a time, until a good frame is sent.
import { guide, initialMemory, type GuidanceMemory, type GuidanceState } from './face-guidance.js';
import type { FaceEngine } from './human-engine.js';
import { observe } from './observe.js';
import { drawFrame, encodeStill } from './still.js';
import type { FaceCaptureResult } from './types.js';

export interface LoopHooks {
  /** Each analysed frame's guidance, and whether a blink of this face has been seen since the last reset. */
  onState(state: GuidanceState, blinked: boolean): void;
  onGood(capture: FaceCaptureResult): void;
  onFailed(): void;
}

/** The analysis loop; `pause()`/`resume()` follow the component's `paused` prop, and resuming re-arms the capture. */
export class FaceCheckLoop {
  private memory: GuidanceMemory = initialMemory;
  private paused = false;
  private armed = true;
  private stopped = false;
  private wake: (() => void) | undefined;
  private readonly canvas = document.createElement('canvas');

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly engine: FaceEngine,
    private readonly hooks: LoopHooks,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    void this.run();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    if (this.paused) this.armed = true;
    this.paused = false;
    this.memory = initialMemory;
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private nextTick(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.paused || !this.armed || this.video.readyState < 2 || this.video.videoWidth === 0) {
        // Paused or sent: wait to be woken. No picture yet: look again shortly.
        await (this.paused || !this.armed ? this.idle() : new Promise((r) => setTimeout(r, 100)));
        continue;
      }
      try {
        await this.analyseOne();
      } catch {
        if (!this.stopped) this.hooks.onFailed();
        return;
      }
      await this.nextTick();
    }
  }

  private async analyseOne(): Promise<void> {
    const at = this.now();
    drawFrame(this.video, this.canvas);
    const faces = await this.engine.detect(this.canvas);
    if (this.stopped || this.paused) return;
    const step = guide(this.memory, observe(faces, at));
    this.memory = step.memory;
    this.hooks.onState(step.state, step.memory.blinkAt !== undefined);
    if (!step.ready || !this.armed) return;
    const face = faces[0]!;
    this.armed = false;
    const still = await encodeStill(this.canvas);
    if (this.stopped) return;
    const capture: FaceCaptureResult = { ...still, livenessScore: Math.min(face.real ?? 0, face.live ?? 0) };
    if (face.embedding && face.embedding.length > 0) capture.descriptor = [...face.embedding];
    this.hooks.onGood(capture);
  }
}
