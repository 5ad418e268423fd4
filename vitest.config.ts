import { svelte } from '@sveltejs/vite-plugin-svelte';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    coverage: {
      provider: 'v8',
      include: ['src/model/**', 'src/scenario/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95 },
    },
    projects: [
      {
        extends: true,
        // Compiles the renderer's rune modules (*.svelte.ts), so their logic runs in node; as on
        // the server, $state fields are plain and $derived ones recompute when read.
        plugins: [svelte({ configFile: false })],
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          // Timeouts catch hangs, not slowness: on a shared, loaded 2-core machine a property test
          // or a test-time solve that takes 1 s alone can take 8 s, and must not fail for it.
          testTimeout: 30_000,
          exclude: [...configDefaults.exclude, 'tests/browser/**'],
        },
      },
      {
        // The built renderer in headless Chromium: global-setup.ts builds it once and serves it;
        // each test file drives its own browser.
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One browser at a time: the update timings are measured, and must not share the CPU.
          fileParallelism: false,
        },
      },
    ],
  },
});
