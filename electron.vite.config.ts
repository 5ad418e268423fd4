import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // package.json says "type": "module", so electron-vite would emit an ES module preload;
        // sandboxed preloads cannot be ES modules, hence CommonJS with an explicit .cjs name.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [svelte()],
    // The app's Web Workers (e.g. the ranges over a law's uncertainty) are ES modules, as the
    // page is, so that they may share chunks with it; both are served from 'self' under the CSP.
    worker: { format: 'es' },
  },
});
