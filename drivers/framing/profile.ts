// A FrameProfile describes one wire format declaratively; framer.ts does the rest.

/** How a length field is read and what it counts. */
export interface LengthField {
  /** Offset of the field inside the header (the header follows the start bytes). */
  offset: number;
  width: 1 | 2 | 4;
  order: 'be' | 'le';
  /**
   * What the value counts: `payload` = bytes after the header and before the
   * checksum; `afterLength` = every byte after the length field up to and
   * including the checksum (the resident ID SAM counts this way).
   */
  counts: 'payload' | 'afterLength';
}

/** A declarative wire format: start bytes, header with length, payload, checksum, end byte, escaping. */
export interface FrameProfile {
  readonly name: string;
  /** `length`: the frame is sized by its length field. `delimited`: it ends at `end` (required then). */
  readonly mode: 'length' | 'delimited';
  /** Start byte or preamble. */
  readonly start: readonly number[];
  readonly end?: number;
  /** Bytes between the start bytes and the payload (includes the length field if any). */
  readonly header: number;
  readonly length?: LengthField;
  /** Checksum over header + payload (all bytes after the start), 1 byte. */
  readonly checksum: 'xor' | 'sum' | 'none';
  /** `nibble`: every byte between start and end is sent as two bytes 0x30 + nibble (delimited mode only). */
  readonly escape: 'none' | 'nibble';
  /** Largest raw frame accepted on the wire, start and end included. */
  readonly maxFrame: number;
  /** Fixed byte strings recognised whole (e.g. reader status frames `02 00 00 03`). */
  readonly literals?: readonly (readonly number[])[];
  /** True when the format comes from unconfirmed public sources (see DEVICES.md). */
  readonly unconfirmed?: boolean;
}

/** Checks a profile for contradictions; throws RangeError (a programming error, not a device fault). */
export function validateProfile(p: FrameProfile): void {
  if (p.start.length === 0) throw new RangeError(`${p.name}: start bytes required`);
  if (p.mode === 'delimited' && p.end === undefined) throw new RangeError(`${p.name}: delimited needs end`);
  if (p.escape === 'nibble' && p.mode !== 'delimited') throw new RangeError(`${p.name}: nibble escaping needs delimited mode`);
  if (p.mode === 'length' && !p.length) throw new RangeError(`${p.name}: length mode needs a length field`);
  if (p.length && p.length.offset + p.length.width > p.header) throw new RangeError(`${p.name}: length field outside header`);
  if (p.maxFrame < p.start.length + p.header + 1) throw new RangeError(`${p.name}: maxFrame too small`);
}
