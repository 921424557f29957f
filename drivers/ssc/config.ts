import { ccidSerial } from '../framing/profiles.js';

/** Wire format of the supported reader (ACS-style CCID over serial). */
export const SSC_PROFILE = ccidSerial;

/** Default line settings (ACS serial readers: 9600 8N1). */
export const SSC_SERIAL = { baudRate: 9600 } as const;

/** Per-command timeouts in ms. */
export interface SscTimeouts {
  powerOn: number;
  apdu: number;
}

/** Defaults for real hardware; tests pass shorter ones. */
export const SSC_TIMEOUTS: SscTimeouts = { powerOn: 3000, apdu: 5000 };
