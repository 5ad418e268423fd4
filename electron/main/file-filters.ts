import type { FileFilter } from 'electron';
import type { FileType } from '../../src/shared/documents';

/** A native dialog's type filter for one kind of file. */
export function fileFilters({ description, extension }: FileType): FileFilter[] {
  return [{ name: description, extensions: [extension.slice(1)] }];
}
