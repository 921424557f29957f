import { ccidSerial, stxLenBcc, stxLenBccNibble } from '../framing/profiles.js';

/** Reader wire families: ACS-style CCID over serial, or the STX/LEN/BCC vendor family (plain or nibble-split). */
export type SscFraming = 'ccid' | 'stx-len-bcc' | 'stx-len-bcc-nibble';

/** Frame profile per reader family. */
export const SSC_PROFILES = { ccid: ccidSerial, 'stx-len-bcc': stxLenBcc, 'stx-len-bcc-nibble': stxLenBccNibble } as const;

/** Default wire format (ACS-style CCID over serial). */
export const SSC_PROFILE = ccidSerial;

/** Default line settings (ACS serial readers: 9600 8N1). */
export const SSC_SERIAL = { baudRate: 9600 } as const;

/** Per-command timeouts in ms. */
export interface SscTimeouts {
  powerOn: number;
  apdu: number;
  /** Slot status query (the reader answers it itself, without the card); SSC_STATUS_TIMEOUT when unset. */
  status?: number;
}

/** Default slot-status timeout in ms. */
export const SSC_STATUS_TIMEOUT = 1000;

/** Defaults for real hardware; tests pass shorter ones. */
export const SSC_TIMEOUTS: SscTimeouts = { powerOn: 3000, apdu: 5000, status: SSC_STATUS_TIMEOUT };
