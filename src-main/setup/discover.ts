import { createHash } from 'node:crypto';
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { SetupPort } from '../contract/setup.js';
import type { DevicePort } from '../config/schema.js';

/** A port found on this machine, with what the configuration would store to reach it again. */
export interface FoundPort extends SetupPort {
  port: DevicePort;
}

/** What the two listers report; the shapes of serialport's `SerialPort.list()` and node-hid's `devices()` entries. */
export interface ListedSerial {
  path: string;
  vendorId?: string | undefined;
  productId?: string | undefined;
  manufacturer?: string | undefined;
}
export interface ListedHid {
  path?: string | undefined;
  vendorId: number;
  productId: number;
  product?: string | undefined;
  manufacturer?: string | undefined;
}

export interface PortListers {
  serial(): Promise<ListedSerial[]>;
  hid(): Promise<ListedHid[]>;
  /** /dev/serial/by-id names and what each points at. */
  byId(): Array<{ link: string; target: string }>;
}

const stableId = (prefix: string, path: string): string => `${prefix}-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** The real listers, each loaded lazily and each failing to an empty list (no hidraw, no udev). */
export const SYSTEM_LISTERS: PortListers = {
  async serial() {
    const { SerialPort } = await import('serialport');
    return SerialPort.list();
  },
  async hid() {
    const hid = await import('node-hid');
    return hid.devicesAsync();
  },
  byId() {
    const dir = '/dev/serial/by-id';
    try {
      return readdirSync(dir).map((name) => ({ link: join(dir, name), target: realpathSync(join(dir, name)) }));
    } catch {
      return [];
    }
  },
};

/**
 * Serial ports and HID devices found now, for the technician to assign to device roles. A serial port
 * is stored by its `/dev/serial/by-id` name when it has one (it survives a replug into another
 * socket), else by path. A lister that fails contributes nothing rather than failing the step.
 */
export async function discoverPorts(listers: PortListers = SYSTEM_LISTERS): Promise<FoundPort[]> {
  const [serial, hid] = await Promise.all([listers.serial().catch(() => []), listers.hid().catch(() => [])]);
  const byId = listers.byId();
  const found: FoundPort[] = [];
  for (const p of serial) {
    const link = byId.find((b) => b.target === p.path)?.link;
    const path = link ?? p.path;
    found.push({
      id: stableId('serial', path),
      type: 'serial',
      label: [path, p.manufacturer].filter(Boolean).join(' · ').slice(0, 200),
      ...(p.vendorId ? { vendorId: p.vendorId.toLowerCase().slice(0, 8) } : {}),
      ...(p.productId ? { productId: p.productId.toLowerCase().slice(0, 8) } : {}),
      port: { type: 'serial', path },
    });
  }
  for (const d of hid) {
    if (!d.path) continue;
    found.push({
      id: stableId('hid', d.path),
      type: 'hid',
      label: [d.product ?? d.manufacturer ?? 'HID', `${hex4(d.vendorId)}:${hex4(d.productId)}`, d.path].join(' · ').slice(0, 200),
      vendorId: hex4(d.vendorId),
      productId: hex4(d.productId),
      // Full-speed HID reports are at most 64 bytes; a device with a report id or other size is set in config.json.
      port: { type: 'hid', path: d.path, reportId: 0, reportSize: 64 },
    });
  }
  return found.slice(0, 64);
}
