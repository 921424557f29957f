// The reference backend's demo face matcher: cosine similarity between the descriptor the terminal
// sends and the one enrolled for the resident. A real county compares with its own engine.
import { z } from 'zod';
import demoDescriptors from './demo-face-descriptors.json' with { type: 'json' };

/** Cosine similarity of two equal-length vectors, -1..1; 0 when either is all zeros or they differ in length. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

const DemoDescriptorsSchema = z.object({
  faces: z.record(z.string(), z.array(z.number().finite()).min(1)),
  residents: z.record(z.string(), z.string()),
});

/** At or above this score the capture is the enrolled person. Same-face fixtures score 0.90–0.96, another face 0.31–0.35 (scripts/face-descriptors.ts). */
export const MATCH_THRESHOLD = 0.8;

/** Thrown when a descriptor cannot be compared with the enrolled one (another model's length). */
export class DescriptorMismatchError extends Error {
  override name = 'DescriptorMismatchError';
}

/** Resident ref → enrolled descriptor, from the committed demo data (checked once at load). */
export function loadEnrolledDescriptors(data: unknown = demoDescriptors): ReadonlyMap<string, readonly number[]> {
  const parsed = DemoDescriptorsSchema.parse(data);
  const out = new Map<string, readonly number[]>();
  for (const [ref, face] of Object.entries(parsed.residents)) {
    const descriptor = parsed.faces[face];
    if (!descriptor) throw new Error(`demo resident ${ref} names unknown face ${face}`);
    out.set(ref, descriptor);
  }
  return out;
}

/** The match score, 0..1: the cosine similarity of the two descriptors, negatives as 0. */
export function descriptorScore(live: readonly number[], enrolled: readonly number[]): number {
  if (live.length !== enrolled.length) throw new DescriptorMismatchError(`descriptor has ${live.length} values, the enrolled one ${enrolled.length}`);
  return Math.min(1, Math.max(0, cosineSimilarity(live, enrolled)));
}
