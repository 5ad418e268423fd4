import { describe, expect, it } from 'vitest';
import { StatusLine } from '../../../src/renderer/lib/workspace/status.svelte';

describe('the status line', () => {
  it('shows the latest report until dismissed', () => {
    const status = new StatusLine();
    expect(status.current).toBeNull();
    status.report('info', 'Opened a.tradeoff.json');
    status.report('error', 'Save failed: disk full');
    expect(status.current).toEqual({ kind: 'error', text: 'Save failed: disk full' });
    status.dismiss();
    expect(status.current).toBeNull();
  });

  it('turns a failed operation into an error on the line, and passes a result through', async () => {
    const status = new StatusLine();
    expect(await status.guard('Save', async () => 42)).toBe(42);
    expect(status.current).toBeNull();
    expect(
      await status.guard('Save', async () => {
        throw new Error('disk full');
      }),
    ).toBeUndefined();
    expect(status.current).toEqual({ kind: 'error', text: 'Save failed: disk full' });
    await status.guard('Open', () => Promise.reject('no access'));
    expect(status.current?.text).toBe('Open failed: no access');
  });
});
