import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TransportError } from '../core/errors.js';
import type { PortResolver } from './serial.js';

/** Resolves to the first path that exists now (by-id paths, PTY links); rejects PORT_NOT_FOUND if none does. */
export function firstExisting(paths: readonly string[]): PortResolver {
  return async () => {
    const hit = paths.find((p) => existsSync(p));
    if (!hit) throw new TransportError('PORT_NOT_FOUND');
    return hit;
  };
}

/** Resolves to the /dev/serial/by-id entry whose name contains `fragment` (vendor/model/serial); rejects PORT_NOT_FOUND. */
export function byIdContaining(fragment: string, dir = '/dev/serial/by-id'): PortResolver {
  return async () => {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // no USB serial devices at all
    }
    const hit = names.find((n) => n.includes(fragment));
    if (!hit) throw new TransportError('PORT_NOT_FOUND');
    return join(dir, hit);
  };
}
