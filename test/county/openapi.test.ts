import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ErrorCodeSchema, OPERATIONS } from '../../src-main/county/protocol.js';

const doc = yaml.load(readFileSync(join(import.meta.dirname, '../../src-main/county/openapi.yaml'), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; security?: unknown[]; parameters?: { $ref?: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
  components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } };
};

describe('openapi.yaml and protocol.ts agree', () => {
  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it.each(Object.entries(OPERATIONS))('%s: same method, path, signing and Idempotency-Key', (id, op) => {
    const operation = doc.paths[op.path]?.[op.method.toLowerCase()];
    expect(operation?.operationId).toBe(id);
    expect(Array.isArray(operation?.security) && operation?.security.length === 0).toBe(!op.signed);
    const needsKey = (operation?.parameters ?? []).some((p) => p.$ref === '#/components/parameters/IdempotencyKey');
    expect(needsKey).toBe(op.idempotent);
  });

  it.each(Object.entries(OPERATIONS).filter(([, op]) => op.signed))('%s: every success answer documents X-Response-Signature', (_, op) => {
    const responses = doc.paths[op.path]?.[op.method.toLowerCase()]?.responses ?? {};
    const success = Object.entries(responses).filter(([status]) => /^(2\d\d|304)$/.test(status));
    expect(success.length).toBeGreaterThan(0);
    for (const [status, r] of success) expect(r.headers?.['X-Response-Signature'], status).toEqual({ $ref: '#/components/headers/ResponseSignature' });
  });

  it('lists the same error codes', () => {
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual([...ErrorCodeSchema.options]);
  });

  it('documents no operation the code does not know', () => {
    const documented = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(documented.sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('every $ref resolves inside the document', () => {
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          else walk(x);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });
});
