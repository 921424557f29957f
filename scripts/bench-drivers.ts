// Driver benchmarks over a paced PTY (the emulator takes commands in and
// sends answers out no faster than the line at 10 bits a byte), so a
// measured exchange is wire time plus overhead, and the excess is ours.
//
// - SSC card read at 9600 and 115200 baud, the driver's record sizes from
//   the card layout ('layout', now) against asking Le 00 and following
//   6CXX ('probe', the old sequence), in the same run, alternating; each
//   against the wire time of the minimal exchange sequence for the card.
// - Where the overhead per exchange goes (PTY each way, pacing lateness,
//   driver software), from timestamps on both ends of the line.
// - One APDU round trip, the ID card read, the in-memory read, framers.
// Run: npm run bench:drivers. Prints figures; asserts nothing. Medians,
// because the machine is shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TypedEmitter } from '../drivers/core/events.js';
import { PtyEnd } from '../drivers/emulator-kit/pty-end.js';
import { PtyPair } from '../drivers/emulator-kit/pty.js';
import type { TranscriptEntry } from '../drivers/emulator-kit/transcript.js';
import { Framer } from '../drivers/framing/framer.js';
import { ccidSerial, idSam, stxLenBccNibble } from '../drivers/framing/profiles.js';
import { IdCardReader } from '../drivers/idcard/device.js';
import { startIdSerialEmulator } from '../drivers/idcard/emulator.js';
import { Link } from '../drivers/link/link.js';
import { buildApdu } from '../drivers/ssc/apdu.js';
import { CcidReader } from '../drivers/ssc/ccid-reader.js';
import { SSC_PROFILE, SSC_TIMEOUTS } from '../drivers/ssc/config.js';
import { SocialSecurityCardReader } from '../drivers/ssc/device.js';
import { startSscMemoryEmulator, startSscSerialEmulator } from '../drivers/ssc/emulator.js';
import { SscReaderProtocol } from '../drivers/ssc/protocol.js';
import { EF05_TAGS, EF06_TAGS } from '../drivers/ssc/record.js';
import { EF05, EF06, selectEf, selectSsse } from '../drivers/ssc/ssse.js';
import { SerialTransport } from '../drivers/transports/serial.js';
import type { Transport, TransportEvents } from '../drivers/transports/transport.js';

const ROUNDS = 3;
const READS = 4;
const APDUS = 20;

const byteMs = (baud: number): number => (10 * 1000) / baud;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const wireBytes = (entries: readonly TranscriptEntry[]): number => entries.reduce((n, e) => n + (e.dir === 'event' ? 0 : (e.bytes?.length ?? 0)), 0);
const exchanges = (entries: readonly TranscriptEntry[]): number => entries.filter((e) => e.dir === 'in').length;

type TraceEvent = { at: number; ev: 'hw' | 'hd' | 'rx' | 'deliver' | 'tx'; n: number };

/** The host's serial transport with a timestamp on every write and every chunk received (counts only, never bytes). */
class TracingTransport extends TypedEmitter<TransportEvents> implements Transport {
  readonly kind = 'serial';
  readonly #inner: SerialTransport;
  readonly #trace: TraceEvent[];

  constructor(inner: SerialTransport, trace: TraceEvent[]) {
    super();
    this.#inner = inner;
    this.#trace = trace;
    inner.on('data', (c) => {
      trace.push({ at: performance.now(), ev: 'hd', n: c.length });
      this.emit('data', c);
    });
    inner.on('close', (r) => this.emit('close', r));
    inner.on('error', (e) => this.emit('error', e));
  }

  get isOpen(): boolean {
    return this.#inner.isOpen;
  }

  open(): Promise<void> {
    return this.#inner.open();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }

  write(bytes: Uint8Array): Promise<void> {
    this.#trace.push({ at: performance.now(), ev: 'hw', n: bytes.length });
    return this.#inner.write(bytes);
  }
}

/**
 * The shortest exchange sequence that reads the demo card: power on,
 * SELECT the application (its 61XX answer and the GET RESPONSE), SELECT
 * EF05, five READ RECORDs with the exact Le, SELECT EF06, four more. Built
 * by hand against the in-memory emulator (the exact Le comes from a probe
 * that is not counted), so it does not depend on how the driver reads.
 */
async function minimalSequence(): Promise<{ exchanges: number; bytes: number }> {
  const emu = startSscMemoryEmulator();
  await emu.transport.open();
  const framer = new Framer(SSC_PROFILE);
  const link = new Link(emu.transport, framer);
  const proto = new SscReaderProtocol(new CcidReader(link, framer, SSC_TIMEOUTS, 1e9));
  const t = emu.host.transcript;
  let n = 0;
  let bytes = 0;
  const counted = async (fn: () => Promise<unknown>): Promise<void> => {
    const from = t.entries.length;
    await fn();
    await emu.host.idle();
    const slice = t.entries.slice(from);
    n += exchanges(slice);
    bytes += wireBytes(slice);
  };
  const exactRead = async (tag: number): Promise<void> => {
    const probe = await proto.exchangeApdu(buildApdu({ cla: 0, ins: 0xb2, p1: tag, p2: 0x04, le: 256 }));
    const le = probe.sw >> 8 === 0x6c ? probe.sw & 0xff : 256;
    await counted(() => proto.transmitOk(buildApdu({ cla: 0, ins: 0xb2, p1: tag, p2: 0x04, le })));
  };
  await counted(() => proto.powerOn());
  await counted(() => selectSsse(proto));
  await counted(() => selectEf(proto, EF05));
  for (const tag of Object.values(EF05_TAGS)) await exactRead(tag);
  await counted(() => selectEf(proto, EF06));
  for (const tag of Object.values(EF06_TAGS)) await exactRead(tag);
  link.dispose();
  await emu.front.dispose();
  return { exchanges: n, bytes };
}

interface ReadFigures {
  ms: number[];
  exchanges: number;
  wireMs: number;
  breakdown: Breakdown;
}

const PARTS = ['hostToEmu', 'rxPacing', 'modelAndFirstChunk', 'txPacing', 'emuToHost', 'driver', 'total'] as const;
/** Per-exchange samples of each part of the overhead (ms); `total` is the exchange's measured time minus its wire time. */
type Breakdown = Record<(typeof PARTS)[number], number[]>;

const emptyBreakdown = (): Breakdown => ({ hostToEmu: [], rxPacing: [], modelAndFirstChunk: [], txPacing: [], emuToHost: [], driver: [], total: [] });

/**
 * Splits one read's overhead (measured − wire) into where it went, per
 * exchange, from the timestamps: host write → emulator receives (PTY),
 * emulator receives → model gets the command beyond its wire time (rx
 * pacing), model → first chunk out beyond its wire time, first → last
 * chunk beyond their wire time (tx pacing), last chunk out → host has it
 * (PTY), host has it → next command written or read done (driver).
 */
function addBreakdown(acc: Breakdown, trace: readonly TraceEvent[], start: number, end: number, byte: number): void {
  const writes = trace.flatMap((e, i) => (e.ev === 'hw' ? [i] : []));
  // Driver time before the first command goes to the first exchange.
  let lead = (trace[writes[0] ?? 0]?.at ?? start) - start;
  for (let w = 0; w < writes.length; w++) {
    const from = writes[w] ?? 0;
    const to = writes[w + 1] ?? trace.length;
    const ex = trace.slice(from, to);
    const hw = ex[0];
    const rx = ex.filter((e) => e.ev === 'rx');
    const deliver = ex.filter((e) => e.ev === 'deliver');
    const tx = ex.filter((e) => e.ev === 'tx');
    const hd = ex.filter((e) => e.ev === 'hd');
    const [rx0, dl, tx0, txN, hdN] = [rx[0], deliver.at(-1), tx[0], tx.at(-1), hd.at(-1)];
    if (!hw || !rx0 || !dl || !tx0 || !txN || !hdN) continue;
    const inBytes = rx.reduce((n, e) => n + e.n, 0);
    const outBytes = tx.reduce((n, e) => n + e.n, 0);
    const next = trace[to]?.at ?? end;
    acc.hostToEmu.push(rx0.at - hw.at);
    acc.rxPacing.push(dl.at - rx0.at - inBytes * byte);
    acc.modelAndFirstChunk.push(tx0.at - dl.at - tx0.n * byte);
    acc.txPacing.push(txN.at - tx0.at - (outBytes - tx0.n) * byte);
    acc.emuToHost.push(hdN.at - txN.at);
    acc.driver.push(next - hdN.at + lead);
    acc.total.push(next - hw.at + lead - (inBytes + outBytes) * byte);
    lead = 0;
  }
}

async function benchCardRead(baud: number, minimal: { exchanges: number; bytes: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ssc-'));
  const hostLink = join(dir, 'A');
  const trace: TraceEvent[] = [];
  const emu = await startSscSerialEmulator({
    hostLink,
    deviceLink: join(dir, 'B'),
    baudRate: baud,
    pacing: true,
    trace: (ev, n, at) => trace.push({ at, ev, n }),
  });
  const byte = byteMs(baud);
  const modes = ['probe', 'layout'] as const;
  const fresh = (): ReadFigures => ({ ms: [], exchanges: 0, wireMs: 0, breakdown: emptyBreakdown() });
  const figures: Record<(typeof modes)[number], ReadFigures> = { probe: fresh(), layout: fresh() };
  try {
    const transport = new TracingTransport(new SerialTransport({ path: hostLink, baudRate: baud }), trace);
    const readers = Object.fromEntries(modes.map((m) => [m, new SocialSecurityCardReader({ transport, lineBaud: baud, recordSizes: m })]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of modes) {
        const reader = readers[mode];
        const f = figures[mode];
        if (!reader) continue;
        await reader.open();
        if (round === 0) await reader.readCard(); // warm-up
        for (let i = 0; i < READS; i++) {
          emu.host.transcript.clear();
          trace.length = 0;
          const t0 = performance.now();
          const r = await reader.readCard();
          const t1 = performance.now();
          if (!r.ok) throw new Error(`read failed: ${r.error.code}`);
          await emu.host.idle();
          f.ms.push(t1 - t0);
          f.exchanges = exchanges(emu.host.transcript.entries);
          f.wireMs = wireBytes(emu.host.transcript.entries) * byte;
          addBreakdown(f.breakdown, trace, t0, t1, byte);
        }
        await reader.close();
      }
    }
  } finally {
    await emu.front.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  const minimalMs = minimal.bytes * byte;
  const n = (x: number, w: number, d = 1): string => x.toFixed(d).padStart(w);
  for (const mode of modes) {
    const f = figures[mode];
    const med = median(f.ms);
    const best = Math.min(...f.ms);
    const label = mode === 'probe' ? 'probe Le 00 (before)' : 'layout sizes (after)';
    if (mode === 'layout') layoutMedians.set(baud, { med, exchanges: f.exchanges });
    console.log(
      `${String(baud).padStart(6)}  ${label.padEnd(21)} ${String(f.exchanges).padStart(4)} ${n(med, 9)} ${n(best, 8)} ${n(f.wireMs, 8)} ${n(minimalMs, 8)} ${n(med / minimalMs, 9, 3)} ${n(best / minimalMs, 9, 3)} ${n((med - f.wireMs) / f.exchanges, 9, 2)} ${n((best - f.wireMs) / f.exchanges, 9, 2)}`,
    );
  }
  for (const mode of modes) {
    const b = figures[mode].breakdown;
    const parts = PARTS.map((p) => n(median(b[p]), 6, 3)).join('  ');
    breakdowns.push(`${String(baud).padStart(6)}  ${mode.padEnd(7)} ${parts}   (${b.total.length} exchanges)`);
  }
}

const breakdowns: string[] = [];
/** Layout-read medians per baud, read against the PTY floor at the end. */
const layoutMedians = new Map<number, { med: number; exchanges: number }>();

/**
 * The floor a PTY pair puts under every exchange, measured in the same run: the host's serial
 * transport writes a request of the minimal sequence's average size, and a bare responder on
 * the other end answers with a reply of the average size the moment the request is complete,
 * with no pacing and no card model. What it takes is the two PTY hops and the serialport
 * binding's own latency, which no driver can remove; a real UART has its own (a USB-serial
 * adapter's latency timer) in their place.
 */
async function ptyFloor(minimal: { exchanges: number; bytes: number }): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pty-'));
  const pair = new PtyPair({ hostLink: join(dir, 'A'), deviceLink: join(dir, 'B') });
  await pair.start();
  const device = PtyEnd.open(join(dir, 'B'));
  const host = new SerialTransport({ path: join(dir, 'A'), baudRate: 115200 });
  try {
    await host.open();
    const perExchange = minimal.bytes / minimal.exchanges;
    const request = Buffer.alloc(Math.round(perExchange * 0.3), 0x5a);
    const reply = Buffer.alloc(Math.round(perExchange * 0.7), 0xa5);
    let got = 0;
    device.onData((c) => {
      got += c.length;
      if (got >= request.length) {
        got = 0;
        void device.write(reply);
      }
    });
    const ms: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        let back = 0;
        const onData = (c: Uint8Array) => {
          back += c.length;
          if (back >= reply.length) {
            host.off('data', onData);
            resolve();
          }
        };
        host.on('data', onData);
        void host.write(request);
      });
      if (i >= 20) ms.push(performance.now() - t0);
    }
    return median(ms);
  } finally {
    await host.close();
    await device.close();
    await pair.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchApdu(baud: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-apdu-'));
  const hostLink = join(dir, 'A');
  const emu = await startSscSerialEmulator({ hostLink, deviceLink: join(dir, 'B'), baudRate: baud, pacing: true });
  try {
    const t2 = new SerialTransport({ path: hostLink, baudRate: baud });
    await t2.open();
    const framer = new Framer(SSC_PROFILE);
    const link = new Link(t2, framer);
    const proto = new SscReaderProtocol(new CcidReader(link, framer, SSC_TIMEOUTS, baud));
    await proto.powerOn();
    const apdu = buildApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 4 });
    const ms: number[] = [];
    let wire = 0;
    for (let i = 0; i < APDUS; i++) {
      emu.host.transcript.clear();
      const t0 = performance.now();
      await proto.exchangeApdu(apdu);
      ms.push(performance.now() - t0);
      await emu.host.idle();
      wire = wireBytes(emu.host.transcript.entries) * byteMs(baud);
    }
    const m = median(ms);
    console.log(`one APDU round trip    ${String(baud).padStart(6)} baud  measured ${m.toFixed(2).padStart(6)} ms  wire ${wire.toFixed(2).padStart(6)} ms  ratio ${(m / wire).toFixed(3)}  overhead ${(m - wire).toFixed(2)} ms`);
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
    const ms: number[] = [];
    let wire = 0;
    let n = 0;
    for (let i = 0; i < ROUNDS * READS; i++) {
      emu.host.transcript.clear();
      const t0 = performance.now();
      const r = await reader.readCard();
      ms.push(performance.now() - t0);
      if (!r.ok) throw new Error(`read failed: ${r.error.code}`);
      await emu.host.idle();
      wire = wireBytes(emu.host.transcript.entries) * byteMs(baud);
      n = exchanges(emu.host.transcript.entries);
    }
    const m = median(ms);
    console.log(`ID card read           ${String(baud).padStart(6)} baud  measured ${m.toFixed(1).padStart(6)} ms  wire ${wire.toFixed(1).padStart(6)} ms  ratio ${(m / wire).toFixed(3)}  overhead ${((m - wire) / n).toFixed(2)} ms/exchange (${n} exchanges)`);
    await reader.close();
  } finally {
    await emu.front.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same read with no wire at all (in-memory emulator): pure software cost of driver + emulator. */
async function benchInMemory(): Promise<void> {
  for (const mode of ['probe', 'layout'] as const) {
    const emu = startSscMemoryEmulator();
    const reader = new SocialSecurityCardReader({ transport: emu.transport, recordSizes: mode });
    await reader.open();
    await reader.readCard();
    emu.host.transcript.clear();
    const runs = 20;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await reader.readCard();
    const ms = (performance.now() - t0) / runs;
    const n = emu.host.transcript.commands().length / runs;
    console.log(`card read in memory, ${mode.padEnd(6)}  ${ms.toFixed(2).padStart(6)} ms  (${n} exchanges, ${(ms / n).toFixed(3)} ms/exchange: driver + emulator software, no wire)`);
    await reader.close();
  }
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
    const rates: number[] = [];
    let frames = 0;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      frames = 0;
      for (let i = 0; i < stream.length; i += 4096) {
        for (const o of f.push(stream.subarray(i, i + 4096))) if (o.type === 'frame') frames++;
      }
      rates.push(stream.length / 1e6 / ((performance.now() - t0) / 1000));
    }
    console.log(`framer ${profile.name.padEnd(20)} ${median(rates).toFixed(1).padStart(7)} MB/s  (${frames} frames of ${one.length} B in 4 KiB chunks, median of 3)`);
  }
}

const minimal = await minimalSequence();
console.log(`SSC card read over a paced PTY, ${ROUNDS * READS} reads per row, the two drivers alternating; minimal sequence: ${minimal.exchanges} exchanges, ${minimal.bytes} bytes on the wire`);
console.log('  baud  driver                exch    median     best     wire  minimal  ratio/min ratio/min  overhead  overhead');
console.log('                                         ms       ms       ms       ms    median      best   ms/exch   ms/exch');
console.log('                                                                                             median      best');
for (const baud of [9600, 115200]) await benchCardRead(baud, minimal);
console.log('where the overhead of an exchange goes (median per exchange, ms; the parts need not add up to the median total):');
console.log(`  baud  driver  ${PARTS.map((p) => p.padStart(6)).join('  ')}`);
console.log('                (PTY host→emulator, rx pacing lateness, model + first chunk lateness, tx pacing lateness, PTY emulator→host, driver software, total)');
for (const b of breakdowns) console.log(b);
const floor = await ptyFloor(minimal);
console.log(`PTY floor per exchange (same pair, bare responder, no pacing, no model): ${floor.toFixed(3)} ms, ${minimal.exchanges} exchanges ${(floor * minimal.exchanges).toFixed(1)} ms`);
for (const [baud, l] of layoutMedians) {
  const wire = minimal.bytes * byteMs(baud);
  const reachable = wire + minimal.exchanges * floor;
  console.log(
    `${String(baud).padStart(6)} baud  layout read ${l.med.toFixed(1)} ms  minimal wire ${wire.toFixed(1)} ms  wire + PTY floor ${reachable.toFixed(1)} ms (ratio ${(reachable / wire).toFixed(3)} before any driver work)  read / (wire + floor) ${(l.med / reachable).toFixed(3)}`,
  );
}
for (const baud of [9600, 115200]) await benchApdu(baud);
await benchIdCard(115200);
await benchInMemory();
benchFramer();
