import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file holding the one-time setup code of a terminal that has no technician PIN yet. */
export const SETUP_CODE_FILE = 'setup-code';

/**
 * The setup code that opens the setup wizard on a site terminal with no usable configuration: 8
 * digits, made at the first such start and kept in `<dataDir>/setup-code` (0600, readable only by the
 * terminal's user: whoever installed the terminal can read it, a passer-by at the screen cannot). It
 * is never logged or shown on screen. A file that does not hold 8 digits is replaced.
 */
export function ensureSetupCode(dataDir: string): string {
  const file = join(dataDir, SETUP_CODE_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (/^\d{8}$/.test(text)) return text;
  }
  const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
  writeFileSync(file, `${code}\n`, { mode: 0o600 });
  return code;
}
