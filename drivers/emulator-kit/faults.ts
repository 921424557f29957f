// Faults the emulators can inject, once or always, per command name.

/** Faults every emulator understands, plus device-specific ones (`status`, `nack`, `pull-card`...). */
export type Fault =
  /** The device acts on the command but its reply is lost. */
  | { kind: 'drop' }
  /** The command is lost on its way in: the device never sees it (no action, no reply). */
  | { kind: 'swallow' }
  /** One byte of the reply is flipped (default: the byte before the last). */
  | { kind: 'corrupt'; at?: number }
  /** The reply arrives in two reads. */
  | { kind: 'split'; at?: number }
  /** Bytes of line noise before the reply. */
  | { kind: 'garbage'; bytes?: Buffer }
  /** The reply comes late. */
  | { kind: 'delay'; ms: number }
  /** The device answers with this status word / error code instead (device-defined meaning). */
  | { kind: 'status'; code: number }
  /** The device refuses the frame (device-defined NACK or reader status frame). */
  | { kind: 'nack'; code: number }
  /** The device vanishes before answering (the serial front end kills socat). */
  | { kind: 'unplug' }
  /** Device-specific fault named by the emulator (e.g. 'pull-card'). */
  | { kind: 'device'; name: string };

export interface FaultRule {
  /** Command name as the emulator names it (e.g. 'VERIFY'), or '*' for any command. */
  command: string;
  fault: Fault;
  /** How many times to fire (default 1); 'always' never runs out. */
  times?: number | 'always';
}

/** An ordered list of fault rules consumed as commands arrive. */
export class FaultPlan {
  readonly #rules: { rule: FaultRule; left: number }[] = [];

  /** Adds a rule; the first matching rule with firings left wins. */
  add(rule: FaultRule): this {
    const times = rule.times ?? 1;
    this.#rules.push({ rule, left: times === 'always' ? Number.POSITIVE_INFINITY : times });
    return this;
  }

  /** Shorthand: fire `fault` on the next `command` once. */
  once(command: string, fault: Fault): this {
    return this.add({ command, fault });
  }

  /** Shorthand: fire `fault` on every `command`. */
  always(command: string, fault: Fault): this {
    return this.add({ command, fault, times: 'always' });
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules.length = 0;
  }

  /** Returns (and uses up) the fault for this command, if any. */
  take(command: string): Fault | undefined {
    const hit = this.#rules.find((r) => r.left > 0 && (r.rule.command === '*' || r.rule.command === command));
    if (!hit) return undefined;
    hit.left--;
    return hit.rule.fault;
  }
}
