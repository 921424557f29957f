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

/** What a port lister reports per port; the shape of serialport's `SerialPort.list()` entries. */
export interface ListedPort {
  path: string;
  vendorId?: string | undefined;
  productId?: string | undefined;
  serialNumber?: string | undefined;
}

const hex4 = (id: string | number): string => (typeof id === 'number' ? id.toString(16) : id).toLowerCase().padStart(4, '0');

/** Lists USB serial ports with the real binding (loaded lazily so tests and emulators never need it). */
async function listSerialPorts(): Promise<ListedPort[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

/**
 * Resolves to the USB serial port with this vendor/product id (and serial number, when several
 * identical readers are fitted); rejects PORT_NOT_FOUND. PTYs never match: use a path for those.
 */
export function byVidPid(
  vendorId: string | number,
  productId: string | number,
  options: { serialNumber?: string; list?: () => Promise<ListedPort[]> } = {},
): PortResolver {
  const vid = hex4(vendorId);
  const pid = hex4(productId);
  return async () => {
    let ports: ListedPort[];
    try {
      ports = await (options.list ?? listSerialPorts)();
    } catch {
      throw new TransportError('PORT_NOT_FOUND');
    }
    const hit = ports.find(
      (p) =>
        p.vendorId !== undefined &&
        p.productId !== undefined &&
        hex4(p.vendorId) === vid &&
        hex4(p.productId) === pid &&
        (options.serialNumber === undefined || p.serialNumber === options.serialNumber),
    );
    if (!hit) throw new TransportError('PORT_NOT_FOUND');
    return hit.path;
  };
}
