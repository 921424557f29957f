// Model output → the plain observation face-guidance.ts works on. Pure; no model import.
import type { FaceSeen, Observation } from './face-guidance.js';

type Point = readonly (number | undefined)[];

/** The parts of a human `FaceResult` the check reads (structural, so tests need no model). */
export interface ModelFace {
  boxRaw: readonly [number, number, number, number];
  mesh: readonly Point[];
  real?: number | undefined;
  live?: number | undefined;
  embedding?: readonly number[] | undefined;
  rotation?: { angle: { yaw: number; pitch: number } } | null | undefined;
}

// Facemesh landmark indices: lid centres and the eye-socket rims around them (the same pairs the
// library's blink gesture uses), one set per eye.
const EYES = [
  { lids: [374, 386], rim: [443, 450] },
  { lids: [145, 159], rim: [223, 230] },
] as const;

const y = (mesh: readonly Point[], i: number): number | undefined => mesh[i]?.[1];

/** Lid gap over rim height for both eyes, averaged; undefined when the mesh lacks the points. */
export function eyeOpenness(mesh: readonly Point[]): number | undefined {
  const values: number[] = [];
  for (const eye of EYES) {
    const [a, b, c, d] = [y(mesh, eye.lids[0]), y(mesh, eye.lids[1]), y(mesh, eye.rim[0]), y(mesh, eye.rim[1])];
    if (a === undefined || b === undefined || c === undefined || d === undefined) return undefined;
    const rim = Math.abs(c - d);
    if (rim === 0) return undefined;
    values.push(Math.abs(a - b) / rim);
  }
  return values.reduce((s, v) => s + v, 0) / values.length;
}

const finiteOr = (v: number | undefined, fallback: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : fallback);

/** One face in the check's terms; a missing rotation counts as turned away (so it is never sent). */
export function seeFace(face: ModelFace): FaceSeen {
  const [x, top, width, height] = face.boxRaw;
  return {
    box: { x, y: top, width, height },
    yaw: finiteOr(face.rotation?.angle.yaw, Number.POSITIVE_INFINITY)!,
    pitch: finiteOr(face.rotation?.angle.pitch, Number.POSITIVE_INFINITY)!,
    real: finiteOr(face.real, undefined),
    live: finiteOr(face.live, undefined),
    eyeOpenness: eyeOpenness(face.mesh),
  };
}

/** A whole frame's result as an observation taken at `at` (ms). */
export function observe(faces: readonly ModelFace[], at: number): Observation {
  return { at, faces: faces.map(seeFace) };
}
