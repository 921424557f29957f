import { describe, expect, it } from 'vitest';
import { FACE_LIMITS, guide, initialMemory, type FaceSeen, type GuidanceMemory, type GuidanceStep, type Observation } from '../../src-renderer/face/face-guidance.js';

/** A good face: centred, near enough, frontal, real and live, eyes open. */
const face = (over: Partial<FaceSeen> = {}): FaceSeen => ({
  box: { x: 0.25, y: 0.15, width: 0.5, height: 0.7 },
  yaw: 0.02,
  pitch: -0.1,
  real: 0.8,
  live: 0.7,
  eyeOpenness: 0.44,
  ...over,
});

/** Runs frames 100 ms apart through the check and returns every step. */
function run(frames: (readonly FaceSeen[])[], memory: GuidanceMemory = initialMemory, start = 1000): GuidanceStep[] {
  const steps: GuidanceStep[] = [];
  frames.forEach((faces, i) => {
    const observation: Observation = { at: start + i * 100, faces };
    const step = guide(memory, observation);
    memory = step.memory;
    steps.push(step);
  });
  return steps;
}
const states = (steps: GuidanceStep[]) => steps.map((s) => s.state);
const blinkThen = (after: FaceSeen[]) => [[face()], [face()], [face({ eyeOpenness: 0.18 })], ...after.map((f) => [f])];

describe('face guidance', () => {
  it('says no face when nobody is there, and one at a time for two faces', () => {
    expect(states(run([[], [face(), face({ box: { x: 0, y: 0, width: 0.4, height: 0.5 } })]]))).toEqual(['noFace', 'tooMany']);
  });

  it('asks to come closer below the minimum width and to move back above the maximum', () => {
    const far = face({ box: { x: 0.4, y: 0.4, width: FACE_LIMITS.minWidth - 0.01, height: 0.3 } });
    const near = face({ box: { x: 0, y: 0, width: FACE_LIMITS.maxWidth + 0.01, height: 1 } });
    expect(run([[far]])[0]!.state).toBe('closer');
    expect(run([[near]])[0]!.state).toBe('back');
  });

  it('asks to look at the camera when the head is turned or nodded, or its rotation is unknown', () => {
    expect(run([[face({ yaw: FACE_LIMITS.maxYaw + 0.05 })]])[0]!.state).toBe('lookAtCamera');
    expect(run([[face({ pitch: -(FACE_LIMITS.maxPitch + 0.05) })]])[0]!.state).toBe('lookAtCamera');
    expect(run([[face({ yaw: Number.POSITIVE_INFINITY })]])[0]!.state).toBe('lookAtCamera');
  });

  it('asks to hold still on the first frame and whenever the face moves or changes size', () => {
    const moved = face({ box: { x: 0.35, y: 0.15, width: 0.5, height: 0.7 } });
    const grown = face({ box: { x: 0.22, y: 0.12, width: 0.56, height: 0.76 } });
    expect(states(run([[face()], [face()], [moved], [moved], [grown]]))).toEqual(['holdStill', 'blink', 'holdStill', 'blink', 'holdStill']);
  });

  it('asks for a blink until shut eyes follow open ones, then is ready on the next open-eyed frame', () => {
    const steps = run(blinkThen([face()]));
    expect(states(steps)).toEqual(['holdStill', 'blink', 'checking', 'checking']);
    expect(steps.map((s) => s.ready)).toEqual([false, false, false, true]);
  });

  it('does not count shut eyes that were never seen open (a photo with closed eyes)', () => {
    const steps = run([[face({ eyeOpenness: 0.18 })], [face({ eyeOpenness: 0.18 })], [face()]]);
    expect(steps.some((s) => s.ready)).toBe(false);
    expect(steps.at(-1)!.state).toBe('blink');
  });

  it('forgets a blink after the valid window', () => {
    let memory = initialMemory;
    for (const step of run(blinkThen([]))) memory = step.memory;
    const late = guide(memory, { at: 1200 + FACE_LIMITS.blinkValidMs + 1, faces: [face()] });
    expect(late.state).toBe('blink');
    expect(late.ready).toBe(false);
  });

  it('forgets a blink when the face leaves, so the next person must blink themselves', () => {
    const steps = run([...blinkThen([]), [], [face()], [face()]]);
    expect(states(steps).slice(-3)).toEqual(['noFace', 'holdStill', 'blink']);
    expect(steps.some((s) => s.ready)).toBe(false);
  });

  it('never sends a face under the anti-spoof or liveness threshold, and says so after a few frames', () => {
    const photo = face({ live: FACE_LIMITS.minLive - 0.1 });
    const steps = run(blinkThen([photo, photo, photo, photo]));
    expect(steps.some((s) => s.ready)).toBe(false);
    expect(states(steps).slice(-4)).toEqual(['checking', 'checking', 'notLive', 'notLive']);
    const spoof = face({ real: FACE_LIMITS.minReal - 0.1 });
    expect(run(blinkThen([spoof, spoof, spoof])).some((s) => s.ready)).toBe(false);
    const unscored = face({ real: undefined, live: undefined });
    expect(run(blinkThen([unscored])).some((s) => s.ready)).toBe(false);
  });

  it('is ready again once the scores recover', () => {
    const photo = face({ live: 0.1 });
    const steps = run(blinkThen([photo, photo, photo, face()]));
    expect(steps.at(-1)).toMatchObject({ state: 'checking', ready: true });
  });

  it('does not send a frame taken with the eyes shut', () => {
    const steps = run([[face()], [face()], [face({ eyeOpenness: 0.18 })], [face({ eyeOpenness: 0.27 })]]);
    expect(steps.some((s) => s.ready)).toBe(false);
  });
});
