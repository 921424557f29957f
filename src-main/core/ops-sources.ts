import type { BundleTarget, BundleWritten, DeadLetter, DeviceStatus, QueueStatus } from '../contract/ops.js';
import type { Result } from '../contract/errors.js';

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

/** Writes log bundles for ops staff (src-main/logs/bundle.ts behind the composition root). */
export interface LogBundler {
  targets(): BundleTarget[];
  /** `status` is what the ops screens show (terminal, health, devices, queue): it goes into the bundle as is. */
  write(targetId: string, status: unknown): Promise<Result<BundleWritten>>;
}
