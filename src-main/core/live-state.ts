import type { DeviceKind } from '../contract/catalog.js';
import type { Health, HealthLevel } from '../contract/health.js';
import type { DeviceStatus, QueueStatus } from '../contract/ops.js';

const UNAVAILABLE: ReadonlySet<DeviceStatus['state']> = new Set(['fault', 'disconnected', 'reconnecting', 'absent']);

/** Fitted devices that cannot be used now. */
export function unavailableDevices(devices: readonly DeviceStatus[]): Set<DeviceKind> {
  return new Set(devices.filter((d) => UNAVAILABLE.has(d.state)).map((d) => d.kind));
}

/** The county's reachability as the sync engine last saw it; `unknown` until there is evidence. */
export function networkState(queue: QueueStatus): 'up' | 'down' | 'unknown' {
  if (queue.sync === 'offline' || queue.sync === 'breaker_open') return 'down';
  if (queue.lastSyncAt !== null && (queue.sync === 'idle' || queue.sync === 'syncing')) return 'up';
  return 'unknown';
}

const RANK: Record<HealthLevel, number> = { ok: 0, degraded: 1, down: 2 };

/** Overall health from the parts: the worst check wins. Message keys live under `health.message.`. */
export function computeHealth(devices: readonly DeviceStatus[], queue: QueueStatus, uptimeMs: number): Health {
  const unavailable = unavailableDevices(devices);
  const checks: Health['checks'] = [{ name: 'core', level: 'ok' }];
  checks.push(unavailable.size > 0 ? { name: 'devices', level: 'degraded', messageKey: 'devicesUnavailable' } : { name: 'devices', level: 'ok' });
  if (!queue.accepting) checks.push({ name: 'outbox', level: 'down', messageKey: 'cannotRecord' });
  else if (queue.deadLetters > 0) checks.push({ name: 'outbox', level: 'degraded', messageKey: 'deadLetters' });
  else checks.push({ name: 'outbox', level: 'ok' });
  checks.push(networkState(queue) === 'down' ? { name: 'county', level: 'degraded', messageKey: 'countyUnreachable' } : { name: 'county', level: 'ok' });
  const level = checks.reduce<HealthLevel>((worst, c) => (RANK[c.level] > RANK[worst] ? c.level : worst), 'ok');
  return { level, uptimeMs, checks };
}
