// Starts a device emulator on a socat PTY pair for manual use:
//   npx tsx scripts/emulator.ts <ssc|id|epp|printer> [--link /tmp/ssc] [--baud 9600] [--pacing]
// The driver (or minicom) opens the printed link path; Ctrl-C stops it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEppSerialEmulator } from '../drivers/epp/emulator.js';
import { startIdSerialEmulator } from '../drivers/idcard/emulator.js';
import { startPrinterSerialEmulator } from '../drivers/printer/emulator.js';
import { startSscSerialEmulator } from '../drivers/ssc/emulator.js';

interface EmulatorArgs {
  hostLink: string;
  deviceLink: string;
  baudRate?: number;
  pacing: boolean;
}

const DEVICES = {
  ssc: (o: EmulatorArgs) => startSscSerialEmulator(o),
  id: (o: EmulatorArgs) => startIdSerialEmulator(o),
  epp: (o: EmulatorArgs) => startEppSerialEmulator(o),
  printer: (o: EmulatorArgs) => startPrinterSerialEmulator(o),
} as const;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { link: { type: 'string' }, baud: { type: 'string' }, pacing: { type: 'boolean', default: false } },
});
const device = positionals[0];
if (!device || !(device in DEVICES)) {
  console.error(`usage: emulator.ts <${Object.keys(DEVICES).join('|')}> [--link PATH] [--baud N] [--pacing]`);
  process.exit(2);
}
const hostLink = values.link ?? join(mkdtempSync(join(tmpdir(), `emu-${device}-`)), 'port');
const emu = await DEVICES[device as keyof typeof DEVICES]({
  hostLink,
  deviceLink: `${hostLink}.device`,
  ...(values.baud === undefined ? {} : { baudRate: Number(values.baud) }),
  pacing: values.pacing ?? false,
});
console.log(`${device} emulator ready on ${hostLink} (Ctrl-C to stop)`);
const stop = async () => {
  await emu.front.dispose();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
