import type { FrameProfile } from './profile.js';

/** ACS-style CCID over serial: `02 | 10-byte CCID header (dwLength LE at 1) | data | XOR | 03`, plus reader status frames. */
export const ccidSerial: FrameProfile = {
  name: 'ccid-serial',
  mode: 'length',
  start: [0x02],
  end: 0x03,
  header: 10,
  length: { offset: 1, width: 4, order: 'le', counts: 'payload' },
  checksum: 'xor',
  escape: 'none',
  maxFrame: 1 + 10 + 280 + 2,
  // Status frames: accepted, checksum error, length error, bad end byte, timeout.
  literals: [
    [0x02, 0x00, 0x00, 0x03],
    [0x02, 0xff, 0xff, 0x03],
    [0x02, 0xfe, 0xfe, 0x03],
    [0x02, 0xfd, 0xfd, 0x03],
    [0x02, 0xfc, 0xfc, 0x03],
  ],
};

/** Chinese-vendor `STX | LEN (2 B BE, counts CMD+DATA) | CMD | DATA | BCC (XOR of LEN..DATA) | ETX`. */
export const stxLenBcc: FrameProfile = {
  name: 'stx-len-bcc',
  mode: 'length',
  start: [0x02],
  end: 0x03,
  header: 2,
  length: { offset: 0, width: 2, order: 'be', counts: 'payload' },
  checksum: 'xor',
  escape: 'none',
  maxFrame: 4096,
};

/** The same frame with every byte between STX and ETX nibble-split (+0x30). */
export const stxLenBccNibble: FrameProfile = {
  ...stxLenBcc,
  name: 'stx-len-bcc-nibble',
  mode: 'delimited',
  escape: 'nibble',
};

/** Nibble-split variant delimited by `09 … 0D` (unconfirmed: seen in public code, not in a manual). */
export const tabCrNibble: FrameProfile = {
  ...stxLenBccNibble,
  name: 'tab-cr-nibble',
  start: [0x09],
  end: 0x0d,
  unconfirmed: true,
};

/** Resident ID card SAM: `AA AA AA 96 69 | LEN (2 B BE, counts the rest incl. XOR) | body | XOR (LEN..body)`. */
export const idSam: FrameProfile = {
  name: 'id-sam',
  mode: 'length',
  start: [0xaa, 0xaa, 0xaa, 0x96, 0x69],
  header: 2,
  length: { offset: 0, width: 2, order: 'be', counts: 'afterLength' },
  checksum: 'xor',
  escape: 'none',
  maxFrame: 5 + 2 + 2400,
};

/** Evolis-style printer command `ESC … CR` (text commands; binary panel data is sized by the command, not framed here). */
export const evolisCommand: FrameProfile = {
  name: 'evolis-command',
  mode: 'delimited',
  start: [0x1b],
  end: 0x0d,
  header: 0,
  checksum: 'none',
  escape: 'none',
  maxFrame: 512,
};

/** PIN pad (our design): `02 | LEN (1 B, counts CMD+DATA) | CMD | DATA | XOR (LEN..DATA) | 03`. */
export const eppFrame: FrameProfile = {
  name: 'epp',
  mode: 'length',
  start: [0x02],
  end: 0x03,
  header: 1,
  length: { offset: 0, width: 1, order: 'be', counts: 'payload' },
  checksum: 'xor',
  escape: 'none',
  maxFrame: 1 + 1 + 255 + 2,
};

/** Every named profile, for tests and the emulator CLI. */
export const profiles = { ccidSerial, stxLenBcc, stxLenBccNibble, tabCrNibble, idSam, evolisCommand, eppFrame } as const;
