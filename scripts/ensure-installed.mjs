#!/usr/bin/env node
// Runs before `npm test`: installs first on a fresh clone, or when package-lock.json changed.
import { ensureInstalled } from './install.mjs';

process.exit(ensureInstalled() ? 0 : 1);
