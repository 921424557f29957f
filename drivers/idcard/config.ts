import { idSam } from '../framing/profiles.js';

/** Wire format of the SAM module. */
export const ID_PROFILE = idSam;

/** Line settings: 115200 8N1. */
export const ID_SERIAL = { baudRate: 115200 } as const;

/** Per-command timeouts in ms (read carries 1295 bytes: ~113 ms of line at 115200). */
export interface IdTimeouts {
  command: number;
  read: number;
}

/** Defaults for real hardware; tests pass shorter ones. */
export const ID_TIMEOUTS: IdTimeouts = { command: 1000, read: 3000 };
