import { eppFrame } from '../framing/profiles.js';

/** Wire format of the PIN pad (our design, see protocol.ts). */
export const EPP_PROFILE = eppFrame;

/** Line settings: 9600 8N1. */
export const EPP_SERIAL = { baudRate: 9600 } as const;

/** Per-command timeout in ms (PIN entry itself is bounded by the pad's own timeout). */
export const EPP_TIMEOUTS = { command: 1000 } as const;
