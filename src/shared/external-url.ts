/** Which links the app may hand to the user's browser. Pure: shared by Electron and the web build. */

/** https only, and no user:password@ part that could disguise the real host. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** Refuses, with the message both hosts show, a link the app may not open. */
export function checkExternalUrl(url: string): string {
  if (!isSafeExternalUrl(url)) throw new Error('Only https:// links can be opened');
  return url;
}
