/**
 * A notice for the user that must be shown once per session, however many windows the session
 * opens (macOS reopens one from the Dock): the first window to load gets it, later ones do not.
 */
import type { WebContents } from 'electron';
import { EventChannel, type PreferencesNotice } from '../../src/shared/ipc';
import { sendWhenLoaded } from './documents';

export class PendingNotice {
  constructor(private notice: PreferencesNotice | null) {}

  deliverTo(contents: WebContents): void {
    if (this.notice === null) return;
    sendWhenLoaded(contents, EventChannel.preferencesNotice, this.notice);
    this.notice = null;
  }
}
