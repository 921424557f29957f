import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The data directory holds the outbox and its key, the county credentials, the reference database,
// logs and the Chromium profile: nobody but the terminal's user may read any of it.

/**
 * Makes `dataDir` private to this user: umask 077 for everything the process creates from now on
 * (SQLite side files, logs, Chromium's profile), and 0700/0600 on whatever is already there, since a
 * directory copied in or left by an older build may be 0755/0644. Symbolic links are neither followed
 * nor changed. Returns the paths it could not fix (another user's files), for the caller to log.
 */
export function makeDataDirPrivate(dataDir: string): string[] {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const unfixable: string[] = [];
  const visit = (path: string): void => {
    let st;
    try {
      st = lstatSync(path);
    } catch {
      return; // gone meanwhile (a -shm or log being rotated)
    }
    if (st.isSymbolicLink()) return;
    const wanted = st.isDirectory() ? 0o700 : st.mode & 0o700;
    if ((st.mode & 0o777) !== wanted) {
      try {
        chmodSync(path, wanted);
      } catch {
        unfixable.push(path);
      }
    }
    if (st.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(path);
      } catch {
        unfixable.push(path);
      }
      for (const name of names) visit(join(path, name));
    }
  };
  visit(dataDir);
  return unfixable;
}
