#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx, so `npx tradeoff` works right after
// `npm ci` with no build step to remember.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
