#!/usr/bin/env node
// `npm run setup`: install explicitly. `npm start` and `npm test` do the same on their own when the
// install is missing or stale (scripts/install.mjs).
import { install } from './install.mjs';

process.exit(install() ? 0 : 1);
