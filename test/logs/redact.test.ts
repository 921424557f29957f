import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, createLogger } from '../../src-main/logs/logger.js';
import { redact } from '../../src-main/logs/redact.js';
import { makeCore } from '../core/helpers.js';

const CANARY_ID = '11010119900307451X';
const CANARY_CARD = 'A12345678';
const CANARY_NAME = '金丝雀测试';

afterEach(() => configureLogging({ sinks: [] }));

describe('log redaction', () => {
  it('drops personal keys and masks ID-like numbers anywhere in a record', () => {
    const lines: string[] = [];
    configureLogging({ sinks: [{ write: (l) => lines.push(l) }], level: 'debug' });
    const log = createLogger('test');
    log.info(`lookup for ${CANARY_ID}`, {
      name: CANARY_NAME,
      cardNumber: CANARY_CARD,
      nested: { idNumber: CANARY_ID, pin: '123456', note: `card 6222020200112233445` },
      photo: new Uint8Array([1, 2, 3]),
      error: new Error(`failed for ${CANARY_ID}`),
    });
    const text = lines.join('\n');
    for (const canary of [CANARY_ID, CANARY_CARD, CANARY_NAME, '123456', '6222020200112233445']) expect(text).not.toContain(canary);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'info', logger: 'test', name: '[redacted]' });
  });

  it('keeps non-personal operational fields readable', () => {
    expect(redact({ call: 'getCatalog', attempts: 3, ok: true })).toEqual({ call: 'getCatalog', attempts: 3, ok: true });
  });

  it('writes no technician PIN or payload canary to the log when calls fail', async () => {
    const lines: string[] = [];
    configureLogging({ sinks: [{ write: (l) => lines.push(l) }], level: 'debug' });
    const core = makeCore();
    await core.call('adminLogin', { pin: '98765432' });
    await core.call('updateSettings', { language: CANARY_NAME });
    await core.call('endSession', { sessionId: CANARY_ID, reason: 'user' });
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const canary of ['98765432', CANARY_NAME, CANARY_ID]) expect(text).not.toContain(canary);
  });
});
