// Vite plugin: puts the shipped voice clips (assets/voice/<lang>/….ogg) into the renderer build as
// voice/<lang>/….ogg (and serves them in `vite dev`), so both shells serve them from the terminal's origin.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

const VOICE_DIR = resolve(import.meta.dirname, '..', 'assets', 'voice');

function oggFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return oggFiles(full);
    return entry.name.endsWith('.ogg') ? [full] : [];
  });
}

/** Output path (relative to the build root) → clip file on disk. */
export function voiceAssetFiles(): Map<string, string> {
  return new Map(oggFiles(VOICE_DIR).map((file) => [`voice/${relative(VOICE_DIR, file).split('\\').join('/')}`, file]));
}

export function voiceAssets(): Plugin {
  return {
    name: 'kiosk-voice-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\/+/, ''));
        const file = voiceAssetFiles().get(path);
        if (!file) return next();
        res.setHeader('Content-Type', 'audio/ogg');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of voiceAssetFiles()) this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}
