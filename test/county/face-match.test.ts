import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceMatchRequestSchema } from '../../src-main/county/protocol.js';
import {
  cosineSimilarity,
  DescriptorMismatchError,
  descriptorScore,
  loadEnrolledDescriptors,
  MATCH_THRESHOLD,
} from '../../src-main/county/reference/face-match.js';
import { enrolFresh, rawSigned, spawnBackend, type BackendProcess } from './harness.js';

// The face video's descriptor as the terminal's model computed it (scripts/face-descriptors.ts).
const live = (JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/live-face-descriptor.json'), 'utf8')) as { face: number[] }).face;
const enrolled = loadEnrolledDescriptors();

describe('cosine similarity', () => {
  it('is 1 for the same direction, 0 for orthogonal, -1 for opposite', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity([1, -1], [-1, 1])).toBeCloseTo(-1, 12);
  });

  it('is 0 for a zero vector, empty vectors or different lengths', () => {
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(cosineSimilarity([], [])).toBe(0);
    expect(cosineSimilarity([1, 2], [1, 2, 3])).toBe(0);
  });
});

describe('descriptor score', () => {
  it('keeps negative similarity at 0 and refuses a descriptor of another length', () => {
    expect(descriptorScore([1, 0], [-1, 0])).toBe(0);
    expect(descriptorScore([3, 4], [3, 4])).toBeCloseTo(1, 12);
    expect(() => descriptorScore([1, 2, 3], [1, 2])).toThrow(DescriptorMismatchError);
  });

  it('matches the live face video to the enrolled sample photo and not to the other face', () => {
    expect(descriptorScore(live, enrolled.get('R-DEMO-0001')!)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(descriptorScore(live, enrolled.get('R-DEMO-0003')!)).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('enrolled demo descriptors', () => {
  it('enrol three demo residents with the sample face and R-DEMO-0003 with another person', () => {
    expect([...enrolled.keys()].sort()).toEqual(['R-DEMO-0001', 'R-DEMO-0002', 'R-DEMO-0003', 'R-DEMO-0004']);
    expect(enrolled.get('R-DEMO-0002')).toBe(enrolled.get('R-DEMO-0001'));
    expect(enrolled.get('R-DEMO-0001')).toHaveLength(1024);
    expect(descriptorScore(enrolled.get('R-DEMO-0001')!, enrolled.get('R-DEMO-0003')!)).toBeLessThan(MATCH_THRESHOLD);
  });

  it('refuses demo data naming a face it does not hold, or malformed data', () => {
    expect(() => loadEnrolledDescriptors({ faces: { a: [1] }, residents: { r: 'b' } })).toThrow(/unknown face b/);
    expect(() => loadEnrolledDescriptors({ faces: { a: ['x'] }, residents: {} })).toThrow();
  });
});

describe('wire schema', () => {
  const base = { residentRef: 'R', image: '', imageSha256: '0'.repeat(64) };
  it('accepts a request without a descriptor (additive field) and one with 1024 numbers', () => {
    expect(FaceMatchRequestSchema.safeParse(base).success).toBe(true);
    expect(FaceMatchRequestSchema.safeParse({ ...base, descriptor: live }).success).toBe(true);
  });
  it('refuses a descriptor that is too short, too long or not numbers', () => {
    expect(FaceMatchRequestSchema.safeParse({ ...base, descriptor: [1, 2, 3] }).success).toBe(false);
    expect(FaceMatchRequestSchema.safeParse({ ...base, descriptor: new Array(5000).fill(0) }).success).toBe(false);
    expect(FaceMatchRequestSchema.safeParse({ ...base, descriptor: new Array(1024).fill('1') }).success).toBe(false);
  });
});

describe('POST /v1/face-matches with a descriptor', () => {
  let b: BackendProcess;
  let who: { terminalId: string; credential: Buffer };
  beforeAll(async () => {
    b = await spawnBackend();
    who = await enrolFresh(b, 'TEST-FACE-01');
  });
  afterAll(() => b.stop());

  // A real camera JPEG never carries the demo face token: only the descriptor can match it.
  const image = Buffer.from('\xff\xd8 camera frame bytes \xff\xd9', 'latin1');
  const send = (residentRef: string, key: string, descriptor: number[]) =>
    rawSigned(b, who, '/v1/face-matches', {
      body: JSON.stringify({ residentRef, image: image.toString('base64'), imageSha256: createHash('sha256').update(image).digest('hex'), livenessScore: 0.8, descriptor }),
      headers: { 'idempotency-key': key },
    });

  it('matches the resident enrolled with this face', async () => {
    const r = await send('R-DEMO-0001', 'face-d-1', live);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ matched: true });
    expect(r.json?.['score']).toBeGreaterThan(0.9);
  });

  it('does not match the resident enrolled with another face', async () => {
    const r = await send('R-DEMO-0003', 'face-d-2', live);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ matched: false });
    expect(r.json?.['score']).toBeLessThan(0.5);
  });

  it('answers invalid_request for a descriptor of another model length', async () => {
    const r = await send('R-DEMO-0001', 'face-d-3', live.slice(0, 512));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
