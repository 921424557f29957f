import { ProtocolError } from '../core/errors.js';

// Document camera control over HID (our report set; the image itself is a
// UVC stream the renderer takes with getUserMedia). Fixed 64-byte reports.
// Output report 0x01: [0x01, cmd, arg]. Input report 0x02:
// [0x02, 0x80|cmd, status, ...] for replies, [0x02, 0x20, count] for a
// capture-button press, [0x02, 0x21, light, resolution, autocrop, ready]
// for status.

export const REPORT_SIZE = 64;
export const OUT_ID = 0x01;
export const IN_ID = 0x02;

export const CAM_CMD = { setLight: 0x10, setResolution: 0x11, setAutoCrop: 0x12, getStatus: 0x13 } as const;
export const BUTTON = 0x20;
export const STATUS = 0x21;

/** Resolutions the camera offers, by index. */
export const RESOLUTIONS = ['1280x960', '2592x1944', '3264x2448'] as const;

export interface CameraStatus {
  light: number;
  resolution: (typeof RESOLUTIONS)[number] | 'unknown';
  autoCrop: boolean;
  ready: boolean;
}

/** Builds an output report; RangeError if arg is outside 0..255 (a caller bug). */
export function outReport(cmd: number, arg = 0): Buffer {
  if (arg < 0 || arg > 255) throw new RangeError('report argument');
  const r = Buffer.alloc(REPORT_SIZE + 1);
  r[0] = OUT_ID;
  r[1] = cmd;
  r[2] = arg;
  return r;
}

/** A decoded input report. */
export type CameraReport =
  | { kind: 'reply'; cmd: number; status: number }
  | { kind: 'button'; count: number }
  | { kind: 'status'; status: CameraStatus };

/** Decodes an input report; ProtocolError for a foreign report ID, short report or unknown type. */
export function parseInReport(r: Buffer): CameraReport {
  if (r.length < 3 || r[0] !== IN_ID) throw new ProtocolError('MALFORMED_REPLY', { length: r.length });
  const type = r[1] ?? 0;
  if (type === BUTTON) return { kind: 'button', count: r[2] ?? 0 };
  if (type === STATUS) {
    if (r.length < 6) throw new ProtocolError('MALFORMED_REPLY', { length: r.length });
    return {
      kind: 'status',
      status: { light: r[2] ?? 0, resolution: RESOLUTIONS[r[3] ?? 255] ?? 'unknown', autoCrop: r[4] === 1, ready: r[5] === 1 },
    };
  }
  if ((type & 0x80) !== 0) return { kind: 'reply', cmd: type & 0x7f, status: r[2] ?? 0 };
  throw new ProtocolError('UNEXPECTED_REPLY', { type });
}
