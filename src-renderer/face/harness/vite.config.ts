import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { faceAssets } from '../../../scripts/vite-face-assets.js';

// A test-only page around the face capture, for the e2e spec and the bench. It is its own build
// (into test-results/, never into dist/), so no resident can reach it on a terminal.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), faceAssets()],
  logLevel: 'warn',
  build: {
    outDir: '../../../test-results/face-harness',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
