import { EF05_TAGS, EF06_TAGS } from './record.js';

/** Value sizes in bytes of the SSSE records, by tag, from the card's file layout (DEVICES.md: EF05, EF06). */
export const SSSE_RECORD_SIZES: ReadonlyMap<number, number> = new Map([
  [EF05_TAGS.cardId, 16],
  [EF05_TAGS.specVersion, 4],
  [EF05_TAGS.issueDate, 4],
  [EF05_TAGS.expiryDate, 4],
  [EF05_TAGS.cardNumber, 9],
  [EF06_TAGS.ssn, 18],
  [EF06_TAGS.name, 30],
  [EF06_TAGS.sex, 1],
  [EF06_TAGS.birthDate, 4],
]);

/** Le 00: "as much as there is", which a T=0 card corrects with 6CXX. */
const UNKNOWN = 256;

/**
 * One card type's record sizes: the spec's layout, corrected by what cards
 * of that type answered. Asking with the right Le first saves the 6CXX
 * round trip per record; a card that differs still answers 6CXX and the
 * size it gives is remembered for the next card of its type.
 */
export class RecordLayout {
  readonly #sizes: Map<number, number>;

  constructor(base: ReadonlyMap<number, number> = SSSE_RECORD_SIZES) {
    this.#sizes = new Map(base);
  }

  /** Le for a tag's READ RECORD: tag + length byte + value, or 256 (Le 00) when the size is unknown or too large for one answer. */
  le(tag: number): number {
    const size = this.#sizes.get(tag);
    return size === undefined ? UNKNOWN : Math.min(UNKNOWN, size + 2);
  }

  /** Remembers the value size a card of this type answered for a tag. */
  learn(tag: number, size: number): void {
    this.#sizes.set(tag, size);
  }
}

/** Card types remembered at most (a reader meets few; a stream of junk ATRs must not grow memory). */
const MAX_TYPES = 16;

/**
 * Record layouts by card type, learned once per type. The type is the ATR:
 * it names the card's operating system and issuer profile, not a person.
 */
export class RecordLayouts {
  readonly #byType = new Map<string, RecordLayout>();

  /** The layout for cards answering this ATR (the spec's layout until one of them says otherwise). */
  for(atr: Buffer): RecordLayout {
    const key = atr.toString('hex');
    let layout = this.#byType.get(key);
    if (!layout) {
      if (this.#byType.size >= MAX_TYPES) this.#byType.delete(this.#byType.keys().next().value ?? '');
      layout = new RecordLayout();
      this.#byType.set(key, layout);
    }
    return layout;
  }
}
