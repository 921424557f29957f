import type { KioskEvent } from '../../src-main/contract/index.js';

export type ServerMessage = { id: number; result: unknown } | { event: KioskEvent };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Shape check of a server frame. The renderer ships without zod (the core
 * validates every payload), so this checks only what routing needs.
 */
export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  if (isRecord(parsed.event) && typeof parsed.event.type === 'string') {
    return { event: parsed.event as KioskEvent };
  }
  if (typeof parsed.id === 'number' && isRecord(parsed.result) && typeof parsed.result.ok === 'boolean') {
    return { id: parsed.id, result: parsed.result };
  }
  return null;
}
