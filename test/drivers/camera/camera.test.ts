import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../drivers/core/errors.js';
import { DocumentCamera } from '../../../drivers/camera/device.js';
import { FakeCameraHid } from '../../../drivers/camera/emulator.js';
import { outReport, parseInReport } from '../../../drivers/camera/protocol.js';

async function setup() {
  const fake = new FakeCameraHid();
  const cam = new DocumentCamera({ open: async () => fake, timeoutMs: 50 });
  expect((await cam.open()).ok).toBe(true);
  return { fake, cam };
}

describe('document camera HID control', () => {
  it('golden output report: 65 bytes with report ID, command, argument', () => {
    const r = outReport(0x10, 80);
    expect(r.length).toBe(65);
    expect([...r.subarray(0, 4)]).toEqual([0x01, 0x10, 80, 0]);
  });

  it('sets light, resolution and auto-crop and reads them back in a status', async () => {
    const { fake, cam } = await setup();
    expect((await cam.setLight(80)).ok).toBe(true);
    expect((await cam.setResolution('3264x2448')).ok).toBe(true);
    expect((await cam.setAutoCrop(true)).ok).toBe(true);
    expect(await cam.status()).toEqual({ ok: true, value: { light: 80, resolution: '3264x2448', autoCrop: true, ready: true } });
    expect(fake.light).toBe(80);
  });

  it('reports the capture button as an event', async () => {
    const { fake, cam } = await setup();
    const pressed = new Promise<void>((r) => cam.once('button', r));
    fake.pressButton();
    await pressed;
  });

  it('maps refusals and bad arguments to typed errors, and a dropped report to TIMEOUT', async () => {
    const { fake, cam } = await setup();
    fake.faults.push('refuse');
    expect(await cam.setLight(10)).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    fake.faults.push('drop');
    expect(await cam.setLight(10)).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    fake.faults.push('garbage');
    expect((await cam.setLight(10)).ok).toBe(true);
    // @ts-expect-error: a resolution the camera does not offer, as a buggy caller might send.
    expect(await cam.setResolution('1x1')).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('reports an unplug mid-command as CLOSED and emits disconnected', async () => {
    const { fake, cam } = await setup();
    const gone = new Promise<void>((r) => cam.once('disconnected', r));
    fake.faults.push('drop');
    const p = cam.setLight(50);
    fake.unplug();
    expect(await p).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    await gone;
    expect(await cam.status()).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
  });

  it('never emits an unheard error: unplug after the driver closed, without listeners, or twice', async () => {
    const { fake, cam } = await setup();
    const events: string[] = [];
    cam.on('disconnected', () => events.push('disconnected'));
    await cam.close();
    expect(fake.closed).toBe(true);
    expect(() => fake.unplug()).not.toThrow();
    expect(events).toEqual([]);
    expect(fake.unplugged).toBe(true);

    expect(() => new FakeCameraHid().unplug()).not.toThrow();

    const second = await setup();
    second.fake.unplug();
    expect(() => second.fake.unplug()).not.toThrow();
    // A real device may report again after the driver let go of it: swallowed, not thrown.
    expect(() => second.fake.emit('error', new Error('could not read from HID device'))).not.toThrow();
    expect(await second.cam.status()).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
  });

  it('input-report decoder throws only typed errors (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (a) => {
        try {
          parseInReport(Buffer.from(a));
        } catch (e) {
          expect(e).toBeInstanceOf(DriverError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
