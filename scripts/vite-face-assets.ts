// Vite plugin: puts the face model files and the tfjs wasm binaries into the renderer build (and
// serves them in `vite dev`), so the terminal's own origin serves them in both shells.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { FACE_MODEL_DIR, FACE_MODELS, TFJS_WASM_DIR, TFJS_WASM_FILES } from '../src-renderer/face/assets.js';
import { HUMAN_DIR, TFJS_WASM_DIST } from './face/packages.js';

/** Output path (relative to the build root) → file on disk. */
export function faceAssetFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const model of FACE_MODELS) {
    for (const ext of ['.json', '.bin']) files.set(`${FACE_MODEL_DIR}${model}${ext}`, join(HUMAN_DIR, 'models', model + ext));
  }
  for (const file of TFJS_WASM_FILES) files.set(`${TFJS_WASM_DIR}${file}`, join(TFJS_WASM_DIST, file));
  return files;
}

export function faceAssets(): Plugin {
  const files = faceAssetFiles();
  return {
    name: 'kiosk-face-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\/+/, '');
        const file = files.get(path);
        if (!file) return next();
        res.setHeader('Content-Type', path.endsWith('.wasm') ? 'application/wasm' : path.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of files) this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
    },
  };
}
