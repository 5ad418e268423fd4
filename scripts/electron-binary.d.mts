// Types for scripts/electron-binary.mjs, which stays plain JavaScript because `npm start` runs it
// before anything (TypeScript included) is installed.
export function electronBinary(projectRoot: string): string | null;
