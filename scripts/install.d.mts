// Types for scripts/install.mjs, which stays plain JavaScript because it runs before anything
// (TypeScript included) is installed.
export function installIsCurrent(projectRoot?: string): boolean;
export function install(): boolean;
export function ensureInstalled(): boolean;
