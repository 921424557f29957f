import { describe, expect, it } from 'vitest';
import { createUuidV7, uuidv7Time } from '../../src-main/outbox/uuidv7.js';

describe('uuidv7', () => {
  it('has the version and variant bits and embeds the millisecond', () => {
    const id = createUuidV7(() => 1_700_000_000_123)();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv7Time(id)).toBe(1_700_000_000_123);
  });

  it('strictly increases within one millisecond, past counter overflow', () => {
    const gen = createUuidV7(() => 1_700_000_000_000);
    let prev = gen();
    for (let i = 0; i < 10_000; i++) {
      const next = gen();
      expect(next > prev).toBe(true);
      prev = next;
    }
  });

  it('keeps increasing when the wall clock steps backwards', () => {
    let t = 1_700_000_000_000;
    const gen = createUuidV7(() => t);
    const a = gen();
    t -= 60_000;
    const b = gen();
    expect(b > a).toBe(true);
    expect(uuidv7Time(b)).toBeGreaterThanOrEqual(uuidv7Time(a));
  });
});
