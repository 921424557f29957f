// The county's own recordings of a human voice: the same clip ids and folder layout as the shipped
// clips (`<dir>/zh-CN/home.ogg`, `<dir>/en/words/seven.ogg`), found once at start. The renderer
// plays one of these in place of the shipped clip with the same id; the browser host and the
// Electron protocol serve the folder under `county-voice/`.
import { readdirSync, type Dirent } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { LANGUAGES } from '../contract/settings.js';
import { createLogger } from '../logs/logger.js';

const log = createLogger('voice-recordings');

export const COUNTY_VOICE_PREFIX = '/county-voice/';

/** A clip file name: letters, digits and `@ _ - .`, ending in .ogg (anything else is ignored). */
const NAME = /^[A-Za-z0-9_@.-]+\.ogg$/;
const FOLDER = /^[A-Za-z0-9_-]+$/;
const MAX_CLIPS = 5_000;

export type VoiceRecordings = { dir: string; ids: readonly string[] };

/** The recordings folder of the configuration, relative paths against the data directory. */
export function recordingsDirOf(configured: string | undefined, dataDir: string): string | undefined {
  if (configured === undefined) return undefined;
  return isAbsolute(configured) ? configured : join(dataDir, configured);
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * The clip ids recorded under `dir` (`zh-CN/home`, `en/words/seven`), one folder level below each
 * language at most. A missing or unreadable folder gives none: the shipped clips speak instead.
 */
export function findVoiceRecordings(dir: string | undefined): VoiceRecordings | undefined {
  if (dir === undefined) return undefined;
  const ids: string[] = [];
  for (const lang of LANGUAGES) {
    for (const entry of list(join(dir, lang))) {
      if (entry.isFile() && NAME.test(entry.name)) ids.push(`${lang}/${entry.name.slice(0, -4)}`);
      else if (entry.isDirectory() && FOLDER.test(entry.name)) {
        for (const inner of list(join(dir, lang, entry.name))) {
          if (inner.isFile() && NAME.test(inner.name)) ids.push(`${lang}/${entry.name}/${inner.name.slice(0, -4)}`);
        }
      }
    }
  }
  if (ids.length === 0) log.warn('no county voice recordings found; the shipped clips speak');
  else log.info('county voice recordings found', { count: Math.min(ids.length, MAX_CLIPS) });
  return { dir, ids: ids.sort().slice(0, MAX_CLIPS) };
}
