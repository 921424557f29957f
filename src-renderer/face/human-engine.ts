// The face model, loaded once per renderer and only when the face step first needs it: this file
// (and @vladmandic/human with its bundled tfjs) lives in the lazy face chunk.
import { Human, type Config } from '@vladmandic/human';
import { FACE_MODEL_DIR, TFJS_WASM_DIR } from './assets.js';
import type { ModelFace } from './observe.js';

/** A model face plus its descriptor (faceres embedding) for the county's comparison. */
export type DetectedFace = ModelFace & { embedding?: number[] | undefined };

export interface FaceEngine {
  /** The tfjs backend the model runs on (always `wasm`: loading fails otherwise). */
  readonly backend: string;
  /** Runs detection, mesh, iris, anti-spoof, liveness and descriptor on one frame. Rejects on a model error. */
  detect(frame: HTMLCanvasElement): Promise<DetectedFace[]>;
}

/** Thrown when the packaged models or wasm binaries cannot be loaded from the terminal's origin. */
export class FaceModelError extends Error {
  override name = 'FaceModelError';
}

// Every model runs on every frame (skip* = 0, no result cache): the check must judge the frame it
// sends, not one from seconds ago. Nothing is cached in IndexedDB and nothing is fetched but the
// terminal's own files.
const everyFrame = { skipFrames: 0, skipTime: 0 } as const;

function config(base: string): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: new URL(TFJS_WASM_DIR, base).href,
    modelBasePath: new URL(FACE_MODEL_DIR, base).href,
    cacheModels: false,
    debug: false,
    warmup: 'none',
    cacheSensitivity: 0,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: 3, minConfidence: 0.5, return: false, ...everyFrame },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: true },
      emotion: { enabled: false },
      description: { enabled: true, ...everyFrame },
      antispoof: { enabled: true, ...everyFrame },
      liveness: { enabled: true, ...everyFrame },
    },
  };
}

let loading: Promise<FaceEngine> | undefined;

/** The shared engine; the first call loads the models (about 2 s here), later calls reuse them. */
export function loadFaceEngine(base: string = document.baseURI): Promise<FaceEngine> {
  loading ??= createEngine(base).catch((error: unknown) => {
    loading = undefined;
    throw new FaceModelError(error instanceof Error ? error.message : 'face model failed to load');
  });
  return loading;
}

async function createEngine(base: string): Promise<FaceEngine> {
  const human = new Human(config(base));
  await human.load();
  if (human.tf.getBackend() !== 'wasm') throw new Error(`face model runs on ${String(human.tf.getBackend())}, not wasm`);
  return {
    backend: human.tf.getBackend(),
    async detect(frame) {
      const result = await human.detect(frame);
      if (result.error) throw new FaceModelError(result.error);
      return result.face;
    },
  };
}
