/** The wire side of an emulator: where its bytes come from and go to. */
export interface FrontEnd {
  /** Registers the one receiver of bytes from the host. */
  onData(listener: (chunk: Buffer) => void): void;
  /** Sends bytes to the host (paced on a paced serial front end). */
  send(bytes: Buffer): Promise<void>;
  /** Takes the device off the line: the host sees a disconnect. */
  unplug(): Promise<void>;
  /** Puts the device back on the same path/name. */
  replug(): Promise<void>;
  /** Stops and frees everything (processes, ports). */
  dispose(): Promise<void>;
}
