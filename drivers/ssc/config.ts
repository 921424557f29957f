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
  /** Answer to a power-on, once the reader has the command. */
  powerOn: number;
  /** Answer to an APDU, once the reader has the command. */
  apdu: number;
  /** Slot status query (the reader answers it itself, without the card); SSC_STATUS_TIMEOUT when unset. */
  status?: number;
  /**
   * CCID only: the reader's "accepted" status frame must follow a command
   * within this time plus the command's wire time, or the command is taken
   * as lost on the way in (resent if safe). 0 for a reader that sends none.
   */
  ack?: number;
  /** Added to a command's timeout to bound the whole exchange, retries included: a lost reply or command costs at most this much more. */
  recovery?: number;
}

/** Default slot-status timeout in ms. */
export const SSC_STATUS_TIMEOUT = 1000;

/** Default acknowledgement allowance in ms (the reader answers "at once"; USB-serial latency timers add up to ~16 ms). */
export const SSC_ACK_TIMEOUT = 250;

/** Default recovery allowance in ms (a repeated 290-byte answer takes ~300 ms of line at 9600). */
export const SSC_RECOVERY = 1500;

/** Defaults for real hardware; tests pass shorter ones. */
export const SSC_TIMEOUTS: SscTimeouts = { powerOn: 3000, apdu: 5000, status: SSC_STATUS_TIMEOUT, ack: SSC_ACK_TIMEOUT, recovery: SSC_RECOVERY };
