import { describe, expect, it } from 'vitest';
import { eyeOpenness, observe, seeFace, type ModelFace } from '../../src-renderer/face/observe.js';

/** A mesh with only the eye landmarks set: lid gap `gap`, rim height 10, for both eyes. */
function mesh(gap: number): number[][] {
  const points: number[][] = Array.from({ length: 468 }, () => [0, 0, 0]);
  const set = (i: number, y: number) => (points[i] = [0, y, 0]);
  set(374, 100 + gap);
  set(386, 100);
  set(443, 95);
  set(450, 105);
  set(145, 100 + gap);
  set(159, 100);
  set(223, 95);
  set(230, 105);
  return points;
}

const modelFace = (over: Partial<ModelFace> = {}): ModelFace => ({
  boxRaw: [0.1, 0.2, 0.5, 0.6],
  mesh: mesh(4),
  real: 0.8,
  live: 0.7,
  rotation: { angle: { yaw: 0.1, pitch: -0.2 } },
  ...over,
});

describe('observe', () => {
  it('reads eye openness as lid gap over rim height, averaged over both eyes', () => {
    expect(eyeOpenness(mesh(4))).toBeCloseTo(0.4, 12);
    expect(eyeOpenness(mesh(1.5))).toBeCloseTo(0.15, 12);
  });

  it('gives no openness without a mesh or with a flat rim', () => {
    expect(eyeOpenness([])).toBeUndefined();
    const flat = mesh(4);
    flat[443] = [0, 105, 0];
    expect(eyeOpenness(flat)).toBeUndefined();
  });

  it('maps the normalised box, rotation and scores', () => {
    expect(seeFace(modelFace())).toEqual({ box: { x: 0.1, y: 0.2, width: 0.5, height: 0.6 }, yaw: 0.1, pitch: -0.2, real: 0.8, live: 0.7, eyeOpenness: 0.4 });
  });

  it('treats a missing rotation as turned away and non-finite scores as missing', () => {
    const seen = seeFace(modelFace({ rotation: null, real: Number.NaN }));
    expect(seen.yaw).toBe(Number.POSITIVE_INFINITY);
    expect(seen.real).toBeUndefined();
  });

  it('keeps the time and every face', () => {
    expect(observe([modelFace(), modelFace()], 1234)).toMatchObject({ at: 1234, faces: [{}, {}] });
  });
});
