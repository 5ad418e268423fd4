import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { PendingNotice } from '../../electron/main/pending-notice';
import { EventChannel } from '../../src/shared/ipc';
import { FakeWebContents, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const notice = { message: 'Your preferences file was damaged…', backupPath: '/u/preferences.json.bad-x' };
const asContents = (contents: FakeWebContents) => contents as unknown as WebContents;

beforeEach(resetFakeElectron);

describe('PendingNotice', () => {
  it('tells the first window once it has loaded, and no later window', () => {
    const pending = new PendingNotice(notice);
    const first = new FakeWebContents();
    first.loading = true;
    pending.deliverTo(asContents(first));
    expect(first.send).not.toHaveBeenCalled();
    first.emit('did-finish-load');
    expect(first.send).toHaveBeenCalledExactlyOnceWith(EventChannel.preferencesNotice, notice);

    const second = new FakeWebContents();
    pending.deliverTo(asContents(second));
    first.emit('did-finish-load');
    expect(second.send).not.toHaveBeenCalled();
    expect(first.send).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when there is nothing to tell', () => {
    const contents = new FakeWebContents();
    new PendingNotice(null).deliverTo(asContents(contents));
    expect(contents.send).not.toHaveBeenCalled();
  });
});
