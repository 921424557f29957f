import { describe, expect, it } from 'vitest';
import { BINDING, pinBlock } from './pin-helpers.js';
import { encodeGbk } from '../../../drivers/core/gbk.js';
import type { DriverLogger, LogFields } from '../../../drivers/core/logger.js';
import { SocialSecurityCardReader } from '../../../drivers/ssc/device.js';
import { DEMO_SSC_CARD, startSscMemoryEmulator } from '../../../drivers/ssc/emulator.js';
import type { Fault } from '../../../drivers/emulator-kit/faults.js';

// Personal data must never reach error messages or logs. The card carries
// canary values; every failing path is run and every message and logger
// call is searched for them, as text, hex and GBK hex.
const CANARY = {
  name: '金丝雀测',
  ssn: '11010519491231999X',
  cardNumber: 'CANARY007',
  pin: '864213',
  newPin: '975310',
};

function recordingLogger(lines: string[]): DriverLogger {
  const rec = (msg: string, fields?: LogFields) => lines.push(`${msg} ${JSON.stringify(fields ?? {})}`);
  return { debug: rec, info: rec, warn: rec, error: rec };
}

function forms(value: string): string[] {
  const out = [value, Buffer.from(value, 'latin1').toString('hex'), Buffer.from(value).toString('hex')];
  if ([...value].some((c) => c.charCodeAt(0) > 0x7f)) out.push(encodeGbk(value).toString('hex'));
  if (/^\d{6}$/.test(value)) out.push(value.split('').join(' '));
  return out.flatMap((f) => [f, f.toUpperCase()]);
}

const failing: [string, Fault][] = [
  ['READ_RECORD', { kind: 'status', code: 0x6a83 }],
  ['READ_RECORD', { kind: 'device', name: 'pull-card' }],
  ['READ_RECORD', { kind: 'corrupt' }],
  ['VERIFY', { kind: 'drop' }],
  ['VERIFY', { kind: 'status', code: 0x6983 }],
  ['PIN_CHANGE_RELOAD', { kind: 'status', code: 0x6988 }],
  ['*', { kind: 'unplug' }],
];

describe('personal-data canary', () => {
  it('never puts name, ID number, card number or PIN in an error message or a log line', async () => {
    const lines: string[] = [];
    const messages: string[] = [];
    for (const [command, fault] of failing) {
      const emu = startSscMemoryEmulator({ ...DEMO_SSC_CARD, name: CANARY.name, ssn: CANARY.ssn, cardNumber: CANARY.cardNumber, pin: CANARY.pin });
      const reader = new SocialSecurityCardReader({ transport: emu.transport, logger: recordingLogger(lines), timeouts: { powerOn: 40, apdu: 40 } });
      await reader.open();
      emu.host.faults.always(command, fault);
      const results = [
        await reader.readCard(),
        await reader.verifyPinBlock(pinBlock(CANARY.pin), BINDING),
        await reader.verifyPinBlock(pinBlock('00000'), BINDING),
        await reader.changePinBlocks(pinBlock(CANARY.pin), pinBlock(CANARY.newPin), BINDING),
        await reader.reloadPinBlock(pinBlock(CANARY.newPin), BINDING, async () => Buffer.from(CANARY.pin)),
      ];
      for (const r of results) {
        if (!r.ok) {
          messages.push(r.error.message, String(r.error.stack), JSON.stringify(r.error.detail));
        }
      }
      await reader.close();
    }
    expect(messages.length).toBeGreaterThan(10);
    expect(lines.length).toBeGreaterThan(10);
    const haystack = [...messages, ...lines].join('\n');
    for (const value of Object.values(CANARY)) {
      for (const form of forms(value)) expect(haystack).not.toContain(form);
    }
  });
});
