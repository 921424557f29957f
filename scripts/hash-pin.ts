// `npm run hash-pin`: asks for a technician PIN (never echoed) and prints the `admin.pinHash` string
// to paste into `<data dir>/config.json`. Interactive: asks twice. Piped (`… | npm run -s hash-pin`):
// takes the first line of standard input. Prompts and messages go to stderr, the string to stdout.
import { hashPin, weakPinReason } from '../src-main/config/pin-hash.js';

const TRIES = 3;

class Aborted extends Error {}

/** Reads one line from a terminal in raw mode, echoing nothing; Ctrl-C or Ctrl-D on an empty line aborts. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || (ch === '\u0004' && typed === '')) return done(new Aborted());
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    // Raw mode first, then the prompt: nothing typed after the prompt can reach the terminal's echo.
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    stdin.on('data', onData);
    stdin.resume();
  });
}

async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

async function askInteractively(): Promise<string | undefined> {
  for (let attempt = 1; attempt <= TRIES; attempt += 1) {
    const pin = await readHidden('New technician PIN (6-12 digits, not shown): ');
    const weak = weakPinReason(pin);
    if (weak) {
      process.stderr.write(`Refused: ${weak}.\n`);
      continue;
    }
    if ((await readHidden('The same PIN again: ')) !== pin) {
      process.stderr.write('The two PINs differ.\n');
      continue;
    }
    return pin;
  }
  return undefined;
}

async function main(): Promise<number> {
  const interactive = process.stdin.isTTY === true;
  let pin: string | undefined;
  if (interactive) {
    pin = await askInteractively();
    if (pin === undefined) {
      process.stderr.write('No PIN set.\n');
      return 1;
    }
  } else {
    pin = await readFirstLine();
    const weak = weakPinReason(pin);
    if (weak) {
      process.stderr.write(`Refused: ${weak}.\n`);
      return 1;
    }
  }
  const line = hashPin(pin);
  process.stderr.write('Put this in <data dir>/config.json as "admin": { "pinHash": "…" }:\n');
  process.stdout.write(`${line}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Aborted) process.stderr.write('Cancelled.\n');
    else process.stderr.write(`hash-pin failed: ${error instanceof Error ? error.message : 'unknown error'}\n`);
    process.exit(error instanceof Aborted ? 130 : 1);
  },
);
