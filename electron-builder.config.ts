/**
 * Installers (`npm run dist`): Linux AppImage and deb, macOS dmg, Windows nsis, each with
 * Electron's fuses flipped (scripts/after-pack.ts). As electron-vite recommends, only the build
 * in out/ is packed (with the production dependencies electron-builder adds), inside an asar archive.
 * Building needs Electron's binary (scripts/dist.ts checks first).
 */
import type { Configuration } from 'electron-builder';
import { afterPack } from './scripts/after-pack';

const config: Configuration = {
  appId: 'org.tradeoff-explorer.app',
  productName: 'Tradeoff Explorer',
  directories: { output: 'dist', buildResources: 'resources' },
  files: [
    'out/**/*',
    // Production dependencies the packaged app does not load: the renderer's bundle already holds
    // plotly, and tsx (with esbuild) only runs the command line from the sources.
    '!**/node_modules/{plotly.js-dist-min,tsx,esbuild,@esbuild}{,/**}',
  ],
  asar: true,
  // No native modules: nothing to rebuild for Electron's Node.
  npmRebuild: false,
  afterPack,
  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'tradeoff-explorer',
    category: 'Science',
    maintainer: 'Tradeoff Explorer developers',
  },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools' },
  win: { target: ['nsis'] },
};

export default config;
