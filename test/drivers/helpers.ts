// Test helpers shared by driver tests.

/** Parses "02 00 03" style hex into a Buffer. */
export const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** Formats a Buffer as spaced upper-case hex. */
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1 ');
