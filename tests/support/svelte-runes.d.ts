// Unit tests import the renderer's rune modules (*.svelte.ts), which vitest compiles with the
// Svelte plugin (vitest.config.ts); this declares $state, $derived… for the type checker.
/// <reference types="svelte" />
