/**
 * The question Save asks when the file changed on disk (or vanished) since this window last read
 * or wrote it: another program's work must not be overwritten without the user's say.
 */
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';

export type ConflictChoice = 'overwrite' | 'saveAs' | 'reload' | 'cancel';

/** The buttons, in dialog order; Cancel is the default and what Escape picks. */
const CHANGED: readonly { label: string; choice: ConflictChoice }[] = [
  { label: 'Overwrite', choice: 'overwrite' },
  { label: 'Save As…', choice: 'saveAs' },
  { label: 'Reload from Disk', choice: 'reload' },
  { label: 'Cancel', choice: 'cancel' },
];
/** A deleted file has nothing to reload: Save puts it back. */
const DELETED: readonly { label: string; choice: ConflictChoice }[] = [
  { label: 'Save', choice: 'overwrite' },
  { label: 'Save As…', choice: 'saveAs' },
  { label: 'Cancel', choice: 'cancel' },
];

export async function askAboutConflict(
  win: BrowserWindow,
  filePath: string,
  deleted: boolean,
): Promise<ConflictChoice> {
  const name = path.basename(filePath);
  const buttons = deleted ? DELETED : CHANGED;
  const cancelId = buttons.length - 1;
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    message: deleted
      ? `${name} was deleted or moved since you last opened or saved it`
      : `${name} was changed by another program since you last opened or saved it`,
    detail: deleted
      ? 'Save writes your version where it was.'
      : 'Overwrite replaces the other program’s changes with yours; Reload from Disk replaces yours with them.',
    buttons: buttons.map((button) => button.label),
    defaultId: cancelId,
    cancelId,
    noLink: true,
  });
  return buttons[response]?.choice ?? 'cancel';
}

/** Asked before Reload from Disk throws away unsaved changes; true to go ahead. */
export async function confirmReload(win: BrowserWindow, filePath: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'question',
    message: `Discard your unsaved changes and reload ${path.basename(filePath)}?`,
    buttons: ['Discard and Reload', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}
