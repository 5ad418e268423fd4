/**
 * Unsaved-changes protection on close and quit. The page reports whether its document is dirty;
 * closing a dirty window asks Save / Don't Save / Cancel natively, and Save is handed to the page
 * (only it knows whether Save As is needed), which answers with confirmClose.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { DEFAULT_NAME } from '../../src/scenario';
import { documentTitle } from '../../src/shared/documents';
import { EventChannel, type DocumentState } from '../../src/shared/ipc';

const SAVE = 0;
const DONT_SAVE = 1;
const CANCEL = 2;

interface GuardState {
  title: string;
  dirty: boolean;
  prompting: boolean;
  awaitingSave: boolean;
  closeApproved: boolean;
}

export class CloseGuard {
  private readonly states = new Map<number, GuardState>();
  private quitting = false;

  /** `onDiscard` runs when the user throws changes away, so no stale draft is offered later. */
  constructor(private readonly onDiscard: () => Promise<void>) {
    app.on('before-quit', () => {
      this.quitting = true;
    });
  }

  attach(win: BrowserWindow): void {
    const id = win.webContents.id;
    const state: GuardState = {
      title: '',
      dirty: false,
      prompting: false,
      awaitingSave: false,
      closeApproved: false,
    };
    this.states.set(id, state);
    win.on('close', (event) => {
      if (!state.dirty || state.closeApproved) return;
      event.preventDefault();
      // Asking again while a save is pending means the page never answered; the user decides anew.
      if (!state.prompting) {
        state.awaitingSave = false;
        void this.prompt(win, state);
      }
    });
    win.on('closed', () => this.states.delete(id));
  }

  /** Whether the window's document has unsaved changes, as the page last reported. */
  isDirty(win: BrowserWindow): boolean {
    return this.states.get(win.webContents.id)?.dirty ?? false;
  }

  setDocumentState(win: BrowserWindow, { title, dirty }: DocumentState): void {
    const state = this.states.get(win.webContents.id);
    if (!state) return;
    state.title = title;
    state.dirty = dirty;
    // macOS marks unsaved documents with the dot in the close button instead of in the title.
    const isMac = process.platform === 'darwin';
    if (isMac) win.setDocumentEdited(dirty);
    win.setTitle(documentTitle({ title, dirty }, !isMac));
  }

  /** Only meaningful right after the page was asked to save; otherwise ignored. */
  confirmClose(win: BrowserWindow, proceed: boolean): void {
    const state = this.states.get(win.webContents.id);
    if (!state?.awaitingSave) return;
    state.awaitingSave = false;
    if (proceed) this.closeNow(win, state);
    else this.quitting = false;
  }

  private async prompt(win: BrowserWindow, state: GuardState): Promise<void> {
    state.prompting = true;
    const { response } = await dialog.showMessageBox(win, {
      type: 'warning',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: SAVE,
      cancelId: CANCEL,
      message: `Save changes to “${state.title || DEFAULT_NAME}” before closing?`,
      detail: "Your changes will be lost if you don't save them.",
    });
    state.prompting = false;
    if (response === SAVE) {
      state.awaitingSave = true;
      win.webContents.send(EventChannel.closeRequested);
    } else if (response === DONT_SAVE) {
      await this.onDiscard().catch((error: unknown) => console.error('Could not clear the draft:', error));
      this.closeNow(win, state);
    } else {
      this.quitting = false;
    }
  }

  private closeNow(win: BrowserWindow, state: GuardState): void {
    state.closeApproved = true;
    win.close();
    // A quit that was paused for the prompt carries on; on macOS closing alone would not quit.
    if (this.quitting) app.quit();
  }
}
