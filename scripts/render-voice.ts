// Renders every voice clip the locales need (src-renderer/voice/clip-catalogue.ts) with eSpeak NG
// into assets/voice/<lang>/, re-rendering only clips whose text, voice or engine changed, deleting
// clips no prompt uses, and writing assets/voice/manifest.json. Run after changing a `voice.*` prompt:
//   npm run voice:render            (needs: apt-get install espeak-ng ffmpeg)
//   npm run voice:render -- --force (render everything again)
// eSpeak NG (GPL-3.0) is only run here, as a tool; its output clips ship, the engine never does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { clipCatalogue } from '../src-renderer/voice/clip-catalogue.js';
import { voiceLocales } from '../src-renderer/voice/locales.js';
import { clipFile, ENCODER, MANIFEST_FILE, readManifest, RENDER_VOICES, sha256, sourceHash, VOICE_DIR, type Manifest } from './voice-manifest.js';

const ROOT = resolve(import.meta.dirname, '..');
const force = process.argv.includes('--force');

function tool(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? `${command} is not installed (apt-get install espeak-ng ffmpeg)` : `${command} failed: ${String((error as { stderr?: unknown }).stderr ?? error)}`;
    throw new Error(message, { cause: error });
  }
}

const pinyinVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pinyin-pro', 'package.json'), 'utf8')) as { version: string }).version;
const espeakVersion = tool('espeak-ng', ['--version']).match(/text-to-speech: (\S+)/)?.[1] ?? 'unknown';
const engine = `eSpeak NG ${espeakVersion}, pinyin-pro ${pinyinVersion}`;

/** Chinese text → tone-numbered pinyin (tone sandhi of 一/不 included), punctuation → pauses. */
function toPinyin(text: string): string {
  const syllables = pinyin(text, { toneType: 'num', type: 'array', v: true, nonZh: 'consecutive' });
  return syllables
    .map((s) => s.replace(/^(\w+?)0$/, '$15').replace(/[，、；：]/g, ',').replace(/[。！？…]/g, '.'))
    .join(' ')
    .replace(/ ([,.])/g, '$1');
}
const TRIM = 'silenceremove=start_periods=1:start_threshold=-50dB';

function render(say: string, voice: string, wordsPerMinute: number, out: string, work: string): void {
  const wav = join(work, 'clip.wav');
  tool('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute), '-w', wav, '--', say]);
  mkdirSync(dirname(out), { recursive: true });
  // bitexact: the same input gives the same bytes, so an unchanged clip never shows up in a diff.
  tool('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-i', wav,
    '-af', `${TRIM},areverse,${TRIM},areverse`,
    '-ar', '24000', '-ac', '1', '-c:a', 'libopus', '-b:a', '24k', '-application', 'voip',
    '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', out,
  ]);
}

function oggFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return oggFiles(full);
    return entry.name.endsWith('.ogg') ? [full] : [];
  });
}

function main(): void {
  const previous = readManifest();
  const next: Manifest = { engine, encoder: ENCODER, clips: {} };
  const work = mkdtempSync(join(tmpdir(), 'voice-render-'));
  let rendered = 0;
  try {
    for (const clip of clipCatalogue(voiceLocales)) {
      const source = sourceHash(engine, clip.lang, clip.say);
      const file = clipFile(clip.id);
      const old = previous.clips[clip.id];
      let bytes: Buffer | undefined;
      try {
        bytes = readFileSync(file);
      } catch {
        bytes = undefined;
      }
      if (force || !old || old.source !== source || !bytes || sha256(bytes) !== old.sha256) {
        const { voice, wordsPerMinute, input } = RENDER_VOICES[clip.lang];
        render(input === 'pinyin' ? toPinyin(clip.say) : clip.say, voice, wordsPerMinute, file, work);
        bytes = readFileSync(file);
        rendered += 1;
        process.stdout.write(`rendered ${clip.id}: ${clip.text}\n`);
      }
      next.clips[clip.id] = { text: clip.text, source, sha256: sha256(bytes), bytes: bytes.length };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  let removed = 0;
  for (const file of oggFiles(VOICE_DIR)) {
    const id = relative(VOICE_DIR, file).replace(/\.ogg$/, '').split('\\').join('/');
    if (!next.clips[id]) {
      rmSync(file);
      removed += 1;
      process.stdout.write(`removed ${id} (no prompt uses it)\n`);
    }
  }
  const sorted: Manifest = { ...next, clips: Object.fromEntries(Object.entries(next.clips).sort(([a], [b]) => a.localeCompare(b))) };
  writeFileSync(MANIFEST_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  const total = Object.values(next.clips).reduce((sum, clip) => sum + clip.bytes, 0);
  const count = Object.keys(next.clips).length;
  process.stdout.write(`${count} clips (${rendered} rendered, ${removed} removed), ${(total / 1024).toFixed(1)} KiB in ${relative(process.cwd(), VOICE_DIR)}/ with ${engine}\n`);
}

main();
