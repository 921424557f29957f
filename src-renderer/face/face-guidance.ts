// The local face check as a pure function: what the camera saw → what to tell the resident.
// No DOM, no model: the component feeds it observations, tests feed it numbers.

/** One face as the model saw it, in frame fractions and radians. */
export interface FaceSeen {
  /** Bounding box, each value a fraction of the frame's width or height (0..1). */
  box: { x: number; y: number; width: number; height: number };
  /** Head turn left/right and nod up/down, radians (0 = facing the camera). */
  yaw: number;
  pitch: number;
  /** Anti-spoof "real" score, 0..1 (undefined when the model gave none). */
  real: number | undefined;
  /** Liveness score, 0..1. */
  live: number | undefined;
  /** Lid gap over eye height, both eyes averaged; about 0.4 open, under 0.25 shut. Undefined without landmarks. */
  eyeOpenness: number | undefined;
}

/** One analysed frame; `at` is the time the frame was taken (ms). */
export interface Observation {
  at: number;
  faces: readonly FaceSeen[];
}

export type GuidanceState =
  | 'noFace'
  | 'tooMany'
  | 'closer'
  | 'back'
  | 'lookAtCamera'
  | 'holdStill'
  | 'notLive'
  | 'blink'
  | 'checking';

export const GUIDANCE_STATES: readonly GuidanceState[] = [
  'noFace',
  'tooMany',
  'closer',
  'back',
  'lookAtCamera',
  'holdStill',
  'notLive',
  'blink',
  'checking',
];

/** Thresholds, measured on human 3.3.6 with the fixtures in scripts/face/ (see src-renderer/face/README.md). */
export const FACE_LIMITS = {
  /** Box width as a fraction of the frame: smaller is too far, larger is too near. */
  minWidth: 0.3,
  maxWidth: 0.78,
  maxYaw: 0.3,
  maxPitch: 0.35,
  /** Box centre travel (frame fractions) or width change (ratio) between two frames that still counts as still. */
  maxMove: 0.05,
  maxResize: 0.1,
  minReal: 0.5,
  minLive: 0.5,
  /** Frames in a row under the real/live thresholds before the resident is told. */
  notLiveFrames: 3,
  eyesShut: 0.25,
  eyesOpen: 0.3,
  /** A blink counts for this long (ms), and only if the eyes were seen open this shortly before (ms). */
  blinkValidMs: 6000,
  openBeforeShutMs: 2500,
} as const;

/** What the check remembers between frames. */
export interface GuidanceMemory {
  lastBox: FaceSeen['box'] | undefined;
  eyesOpenAt: number | undefined;
  blinkAt: number | undefined;
  notLiveRun: number;
}

export const initialMemory: GuidanceMemory = { lastBox: undefined, eyesOpenAt: undefined, blinkAt: undefined, notLiveRun: 0 };

export interface GuidanceStep {
  state: GuidanceState;
  /** True when this frame is good enough to send: one near, frontal, still, real, live face that blinked lately. */
  ready: boolean;
  memory: GuidanceMemory;
}

const centre = (b: FaceSeen['box']) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

function moved(previous: FaceSeen['box'] | undefined, now: FaceSeen['box']): boolean {
  if (!previous) return true;
  const a = centre(previous);
  const b = centre(now);
  const travel = Math.hypot(a.x - b.x, a.y - b.y);
  const resize = Math.abs(now.width - previous.width) / Math.max(previous.width, 1e-6);
  return travel > FACE_LIMITS.maxMove || resize > FACE_LIMITS.maxResize;
}

/** Follows the eyes: a blink is shut eyes seen shortly after open ones. */
function trackEyes(memory: GuidanceMemory, openness: number | undefined, at: number): GuidanceMemory {
  if (openness === undefined) return memory;
  if (openness >= FACE_LIMITS.eyesOpen) return { ...memory, eyesOpenAt: at };
  const openLately = memory.eyesOpenAt !== undefined && at - memory.eyesOpenAt <= FACE_LIMITS.openBeforeShutMs;
  return openness < FACE_LIMITS.eyesShut && openLately ? { ...memory, blinkAt: at } : memory;
}

const isLive = (face: FaceSeen) => (face.real ?? 0) >= FACE_LIMITS.minReal && (face.live ?? 0) >= FACE_LIMITS.minLive;

/**
 * One step of the check. The order is the order a resident can act on: be there alone, at the
 * right distance, facing the camera, still; then the liveness checks; then a blink.
 */
export function guide(memory: GuidanceMemory, observation: Observation): GuidanceStep {
  const { faces, at } = observation;
  // Nobody, or a crowd: whoever comes next starts afresh (a blink must be the sender's own).
  if (faces.length === 0) return { state: 'noFace', ready: false, memory: initialMemory };
  if (faces.length > 1) return { state: 'tooMany', ready: false, memory: initialMemory };
  const face = faces[0]!;
  const eyes = trackEyes(memory, face.eyeOpenness, at);
  const still = !moved(memory.lastBox, face.box);
  const next: GuidanceMemory = { ...eyes, lastBox: face.box, notLiveRun: isLive(face) ? 0 : memory.notLiveRun + 1 };
  const step = (state: GuidanceState, ready = false): GuidanceStep => ({ state, ready, memory: next });

  if (face.box.width < FACE_LIMITS.minWidth) return step('closer');
  if (face.box.width > FACE_LIMITS.maxWidth) return step('back');
  if (Math.abs(face.yaw) > FACE_LIMITS.maxYaw || Math.abs(face.pitch) > FACE_LIMITS.maxPitch) return step('lookAtCamera');
  if (!still) return step('holdStill');
  if (next.notLiveRun >= FACE_LIMITS.notLiveFrames) return step('notLive');
  if (next.notLiveRun > 0) return step('checking');
  const blinkedLately = next.blinkAt !== undefined && at - next.blinkAt <= FACE_LIMITS.blinkValidMs;
  if (!blinkedLately) return step('blink');
  // Send a frame with the eyes open again, not the blink itself.
  const eyesOpenNow = face.eyeOpenness === undefined || face.eyeOpenness >= FACE_LIMITS.eyesOpen;
  return step('checking', eyesOpenNow);
}
