import type { DeadLetter, DeviceStatus, QueueStatus } from '../contract/ops.js';

/** Where the core reads device state from (the device manager). */
export interface DeviceStatusSource {
  list(): DeviceStatus[];
  /** Called on every state change; returns the unsubscribe. */
  onChange(listener: (devices: DeviceStatus[]) => void): () => void;
}

/** What ops staff may see and do with the offline outbox. */
export interface QueueOps {
  status(): QueueStatus;
  deadLetters(): DeadLetter[];
  /** Returns false when no such dead letter exists. `actor` is recorded in the audit trail. */
  retry(id: string, actor: string): boolean;
  discard(id: string, actor: string): boolean;
  onChange(listener: (status: QueueStatus) => void): () => void;
}
