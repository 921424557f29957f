/** Command names of APDUs by CLA-INS, for fault rules and transcripts (no data). */
export const APDU_NAMES: Record<number, string> = {
  0x00a4: 'SELECT',
  0x00b2: 'READ_RECORD',
  0x00c0: 'GET_RESPONSE',
  0x0020: 'VERIFY',
  0x805e: 'PIN_CHANGE_RELOAD',
  0x0084: 'GET_CHALLENGE',
};
