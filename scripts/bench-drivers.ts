// Driver benchmarks: SSC card read and one APDU over a paced PTY at 9600
// and 115200 baud, the ID card read at 115200 (measured vs wire time, the
// excess is our software), and framer throughput.
// Run: npx tsx scripts/bench-drivers.ts. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Framer } from '../drivers/framing/framer.js';
import { ccidSerial, idSam, stxLenBccNibble } from '../drivers/framing/profiles.js';
import { IdCardReader } from '../drivers/idcard/device.js';
import { startIdSerialEmulator } from '../drivers/idcard/emulator.js';
import { Link } from '../drivers/link/link.js';
import { buildApdu } from '../drivers/ssc/apdu.js';
import { SSC_PROFILE } from '../drivers/ssc/config.js';
import { SocialSecurityCardReader } from '../drivers/ssc/device.js';
import { startSscMemoryEmulator, startSscSerialEmulator } from '../drivers/ssc/emulator.js';
import { CcidReader } from '../drivers/ssc/ccid-reader.js';
import { SscReaderProtocol } from '../drivers/ssc/protocol.js';
import { SerialTransport } from '../drivers/transports/serial.js';
import type { TranscriptEntry } from '../drivers/emulator-kit/transcript.js';

const READS = 5;
const APDUS = 20;

const wireBytes = (entries: TranscriptEntry[]): number => entries.reduce((n, e) => n + (e.dir === 'event' ? 0 : (e.bytes?.length ?? 0)), 0);
const exchanges = (entries: TranscriptEntry[]): number => entries.filter((e) => e.dir === 'in').length;

function row(label: string, baud: number, measuredMs: number, entries: TranscriptEntry[], runs: number): void {
  const wireMs = (wireBytes(entries) * 10 * 1000) / baud / runs;
  const perRun = measuredMs / runs;
  const n = exchanges(entries) / runs;
  console.log(
    `${label.padEnd(22)} ${String(baud).padStart(6)} baud  measured ${perRun.toFixed(1).padStart(7)} ms  wire ${wireMs.toFixed(1).padStart(7)} ms  ratio ${(perRun / wireMs).toFixed(2)}  overhead ${((perRun - wireMs) / n).toFixed(2)} ms/exchange (${n} exchanges)`,
  );
}

async function benchBaud(baud: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ssc-'));
  const hostLink = join(dir, 'A');
  const emu = await startSscSerialEmulator({ hostLink, deviceLink: join(dir, 'B'), baudRate: baud, pacing: true });
  try {
    const transport = new SerialTransport({ path: hostLink, baudRate: baud });
    const reader = new SocialSecurityCardReader({ transport });
    await reader.open();
    await reader.readCard(); // warm-up
    emu.host.transcript.clear();
    let t0 = performance.now();
    for (let i = 0; i < READS; i++) {
      const r = await reader.readCard();
      if (!r.ok) throw new Error(`read failed: ${r.error.code}`);
    }
    row('full card read', baud, performance.now() - t0, [...emu.host.transcript.entries], READS);
    await reader.close();

    // One APDU (GET CHALLENGE) on its own link, after a power-on.
    const t2 = new SerialTransport({ path: hostLink, baudRate: baud });
    await t2.open();
    const framer = new Framer(SSC_PROFILE);
    const link = new Link(t2, framer);
    const proto = new SscReaderProtocol(new CcidReader(link, framer, { powerOn: 5000, apdu: 5000 }));
    await proto.powerOn();
    const apdu = buildApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 4 });
    emu.host.transcript.clear();
    t0 = performance.now();
    for (let i = 0; i < APDUS; i++) await proto.exchangeApdu(apdu);
    row('one APDU round trip', baud, performance.now() - t0, [...emu.host.transcript.entries], APDUS);
    link.dispose();
    await t2.close();
  } finally {
    await emu.front.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchIdCard(baud: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-id-'));
  const hostLink = join(dir, 'A');
  const emu = await startIdSerialEmulator({ hostLink, deviceLink: join(dir, 'B'), baudRate: baud, pacing: true });
  try {
    const reader = new IdCardReader({ transport: new SerialTransport({ path: hostLink, baudRate: baud }) });
    await reader.open();
    await reader.readCard(); // warm-up
    emu.host.transcript.clear();
    const t0 = performance.now();
    for (let i = 0; i < READS; i++) {
      const r = await reader.readCard();
      if (!r.ok) throw new Error(`read failed: ${r.error.code}`);
    }
    row('ID card read', baud, performance.now() - t0, [...emu.host.transcript.entries], READS);
    await reader.close();
  } finally {
    await emu.front.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same read with no wire at all (in-memory emulator): pure software cost of driver + emulator. */
async function benchInMemory(): Promise<void> {
  const emu = startSscMemoryEmulator();
  const reader = new SocialSecurityCardReader({ transport: emu.transport });
  await reader.open();
  await reader.readCard();
  emu.host.transcript.clear();
  const runs = 20;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await reader.readCard();
  const ms = (performance.now() - t0) / runs;
  const n = emu.host.transcript.commands().length / runs;
  console.log(`${'full card read'.padEnd(22)} in-memory    measured ${ms.toFixed(1).padStart(7)} ms  (${(ms / n).toFixed(2)} ms/exchange: driver + emulator software, no wire)`);
  await reader.close();
}

function benchFramer(): void {
  for (const [profile, size] of [
    [ccidSerial, 256],
    [idSam, 1288],
    [stxLenBccNibble, 256],
  ] as const) {
    const f = new Framer(profile);
    const payload = Buffer.alloc(size, 0x5a);
    const one = f.encode(payload, undefined);
    const stream = Buffer.concat(new Array<Buffer>(Math.ceil((8 * 1024 * 1024) / one.length)).fill(one));
    const t0 = performance.now();
    let frames = 0;
    for (let i = 0; i < stream.length; i += 4096) {
      for (const o of f.push(stream.subarray(i, i + 4096))) if (o.type === 'frame') frames++;
    }
    const s = (performance.now() - t0) / 1000;
    console.log(`framer ${profile.name.padEnd(20)} ${(stream.length / 1e6 / s).toFixed(1).padStart(7)} MB/s  (${frames} frames of ${one.length} B in 4 KiB chunks)`);
  }
}

for (const baud of [9600, 115200]) await benchBaud(baud);
await benchIdCard(115200);
await benchInMemory();
benchFramer();
