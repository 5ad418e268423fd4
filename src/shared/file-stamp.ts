/**
 * What a file was when the app last read or wrote it, and the one rule both hosts use to tell
 * whether another program changed it since: the desktop app's main process (src/files/) and the
 * browser version when it saves through a file handle (src/renderer/lib/browser-host.ts). Pure:
 * the hosts compute the hashes themselves.
 */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** Hex SHA-256 of the file's bytes, as on disk (byte-order mark included). */
  readonly sha256: string;
}

/**
 * "Another program changed the file": it is gone, or its bytes differ. The modification time is
 * not trusted either way (editors may restore it, coarse file systems round it), and a file
 * touched but left identical is no change worth asking about.
 */
export function hasChanged(remembered: FileStamp, current: FileStamp | null): boolean {
  if (current === null) return true;
  return current.size !== remembered.size || current.sha256 !== remembered.sha256;
}
