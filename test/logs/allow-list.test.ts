import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, createLogger, flushLogs } from '../../src-main/logs/logger.js';
import { allowFields, fixedMessage, WITHHELD } from '../../src-main/logs/fields.js';
import { openLogFiles, type LogFileStream } from '../../src-main/logs/files.js';
import { makeCore } from '../core/helpers.js';

const CANARY_ID = '11010119900307451X';
const SPACED_ID = '110101 19900307 1234';
const CANARY_CARD = 'A12345678';
const CANARY_NAME = '金丝雀测试';
const PIN = '246813';
const CANARIES = [CANARY_ID, SPACED_ID, '19900307', CANARY_CARD, '12345678', CANARY_NAME, '金', PIN, 'faceImageBytes', 'Zhang Wei'];

let dir: string | undefined;
let file: LogFileStream | undefined;

afterEach(() => {
  configureLogging({ sinks: [] });
  file?.end();
  file = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function readLogs(folder: string): string {
  return readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8')).join('');
}

describe('log allow-list', () => {
  it('writes no card number, holder name, face image, PIN, Chinese name or spaced ID number to the log files', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-logs-'));
    file = await openLogFiles(dir);
    configureLogging({ streams: [file], level: 'debug' });
    const log = createLogger('privacy');
    log.info('lookup done', {
      cardNo: CANARY_CARD,
      holderName: CANARY_NAME,
      faceImage: Buffer.from('faceImageBytes'),
      pin: PIN,
      idNumber: SPACED_ID,
      nested: { name: 'Zhang Wei', id: CANARY_ID },
      // Declared fields with values that do not fit their kind are dropped too.
      code: SPACED_ID,
      reason: CANARY_NAME,
      serviceId: `x${PIN}`,
      txId: CANARY_ID,
      error: new Error(`failed for ${CANARY_ID} ${CANARY_NAME}`),
      attempts: 2,
    });
    log.warn(`card ${CANARY_CARD} of ${CANARY_NAME} with PIN ${PIN}`);
    log.error(`resident ${SPACED_ID}`, { count: 1 });
    log.error(CANARY_NAME);
    flushLogs();
    const text = readLogs(dir);
    for (const canary of CANARIES) expect(text, canary).not.toContain(canary);
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({ level: 'info', module: 'privacy', msg: 'lookup done', attempts: 2, error: 'Error', undeclared: 10 });
    expect(Object.keys(records[0] ?? {}).sort()).toEqual(['attempts', 'error', 'level', 'module', 'msg', 'time', 'undeclared']);
    for (const r of records.slice(1)) expect(r).toMatchObject({ msg: WITHHELD, withheld: true });
  });

  it('keeps declared operational fields readable', () => {
    const fields = { call: 'getCatalog', attempts: 3, ok: true, delayMs: 250, txId: '3f0c1a52-9a3b-4d6e-8f00-1234567890ab', mediaTypes: ['video'] };
    expect(allowFields(fields)).toEqual(fields);
    expect(allowFields({ call: 'getCatalog', note: 'free text' })).toEqual({ call: 'getCatalog', undeclared: 1 });
    expect(allowFields({ attempts: -1, ok: 'yes', status: 1.5 })).toEqual({ undeclared: 3 });
    expect(fixedMessage('county refused our credentials; sync paused')).toBe('county refused our credentials; sync paused');
    expect(fixedMessage('tx 12345 failed')).toBe(WITHHELD);
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

  it('gives each module its own named child logger at the configured level', () => {
    const lines: string[] = [];
    configureLogging({ sinks: [{ write: (l) => lines.push(l) }], level: 'warn' });
    createLogger('outbox').info('below the level');
    createLogger('outbox').warn('outbox refused a record', { depth: 3 });
    createLogger('sync').error('sync cycle failed locally', { code: 'SQLITE_BUSY' });
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      { level: 'warn', module: 'outbox', msg: 'outbox refused a record', depth: 3 },
      { level: 'error', module: 'sync', msg: 'sync cycle failed locally', code: 'SQLITE_BUSY' },
    ]);
  });
});
