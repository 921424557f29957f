import { IN_ID, OUT_ID, REPORT_SIZE } from './protocol.js';

/** HID report layout of the document camera (our report set). */
export const CAMERA_HID = { reportSize: REPORT_SIZE, outReportId: OUT_ID, inReportId: IN_ID } as const;

/** Command timeout in ms. */
export const CAMERA_TIMEOUTS = { command: 1000 } as const;
