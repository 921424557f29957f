import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePinHash, verifyPin, weakPinReason } from '../../src-main/config/pin-hash.js';

const ROOT = join(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/hash-pin.ts');
const LINE = /^scrypt\$N=\d+,r=\d+,p=\d+\$[0-9a-f]{32}\$[0-9a-f]{64}$/m;

function verifies(output: string, pin: string): boolean {
  const line = LINE.exec(output)?.[0] ?? '';
  const parsed = parsePinHash(line);
  return typeof parsed !== 'string' && verifyPin(pin, parsed);
}

/** Runs hash-pin on a pseudo-terminal (util-linux `script`), typing each answer once its prompt shows. */
function onTerminal(answers: { after: string; type: string }[]): Promise<{ code: number | null; screen: string }> {
  const child = spawn('script', ['-qfec', `${process.execPath} --import tsx ${SCRIPT}`, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let next = 0;
  let seenUpTo = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    const pending = answers[next];
    if (!pending) return;
    const at = screen.indexOf(pending.after, seenUpTo);
    if (at < 0) return;
    seenUpTo = at + pending.after.length;
    next += 1;
    child.stdin.write(pending.type);
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, screen })));
}

describe('npm run hash-pin', () => {
  it('on a terminal: asks twice without echoing and prints a string that verifies', async () => {
    const { code, screen } = await onTerminal([
      { after: 'not shown): ', type: '73915824\r' },
      { after: 'again: ', type: '73915824\r' },
    ]);
    expect(code).toBe(0);
    expect(screen).not.toContain('73915824');
    expect(verifies(screen, '73915824')).toBe(true);
  }, 30_000);

  it('on a terminal: asks again after a weak PIN or a mismatch, and gives up after three tries', async () => {
    const { code, screen } = await onTerminal([
      { after: 'not shown): ', type: '111111\r' },
      { after: 'not shown): ', type: '73915824\r' },
      { after: 'again: ', type: '73915825\r' },
      { after: 'not shown): ', type: '1234\r' },
    ]);
    expect(code).toBe(1);
    expect(screen).toMatch(/run of digits[\s\S]*differ[\s\S]*6 to 12 digits[\s\S]*No PIN set/);
    expect(screen).not.toMatch(LINE);
    expect(screen).not.toContain('73915824');
  }, 30_000);

  it('piped: takes the first line of standard input', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: ROOT, input: '80461379\n', encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(LINE);
    expect(verifies(run.stdout, '80461379')).toBe(true);
    expect(run.stderr).not.toContain('80461379');
  }, 30_000);

  it.each(['12345', '1234567890123', '12ab56', '000000', '987654', '121212', '123123', '246810'])('piped: refuses %s', (pin) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: ROOT, input: `${pin}\n`, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Refused: /m);
  }, 30_000);
});

describe('weak PIN rule', () => {
  it.each(['73915824', '80461379', '19500101', '902817'])('accepts %s', (pin) => expect(weakPinReason(pin)).toBeUndefined());
  it.each(['890123', '135791', '112112', '999999999999'])('refuses %s', (pin) => expect(weakPinReason(pin)).toBeTypeOf('string'));
});
