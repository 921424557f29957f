import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { faceAssets } from '../scripts/vite-face-assets.js';
import { voiceAssets } from '../scripts/vite-voice-assets.js';

// This folder, whatever the working directory (no node:url: this project has DOM types, not Node's).
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: here,
  // Relative asset URLs: the Electron shell loads the build from file://.
  base: './',
  // The face model, tfjs wasm files and voice clips ship inside the build: nothing is fetched at run time.
  plugins: [react(), faceAssets(), voiceAssets()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The kiosk runs one known Chromium; no legacy targets.
    target: 'chrome120',
    // Keep index.html free of inline scripts/styles for the hosts' CSP.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
