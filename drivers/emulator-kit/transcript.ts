/** One line of an emulator transcript. Test data only: never feed a transcript to a logger. */
export interface TranscriptEntry {
  dir: 'in' | 'out' | 'event';
  /** Command name (in), reply name (out) or event ('unplug', 'replug', 'fault:drop'...). */
  name: string;
  bytes?: Buffer;
}

/** What an emulator saw and did, in order, for tests to assert on. */
export class Transcript {
  readonly entries: TranscriptEntry[] = [];

  /** Appends an entry. */
  push(entry: TranscriptEntry): void {
    this.entries.push(entry);
  }

  /** Names of the commands received, in order. */
  commands(): string[] {
    return this.entries.filter((e) => e.dir === 'in').map((e) => e.name);
  }

  /** Names of events (faults fired, unplug, replug), in order. */
  events(): string[] {
    return this.entries.filter((e) => e.dir === 'event').map((e) => e.name);
  }

  /** Empties the transcript. */
  clear(): void {
    this.entries.length = 0;
  }
}
