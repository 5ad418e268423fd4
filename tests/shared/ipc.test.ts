import { describe, expect, it } from 'vitest';
import {
  checkPayload,
  EXPORT_KINDS,
  InvokeChannel,
  PAYLOAD_VALIDATORS,
  PayloadError,
  requestName,
  THEMES,
} from '../../src/shared/ipc';

describe('the IPC contract', () => {
  it('has one payload check for every channel, and for nothing else', () => {
    expect(Object.keys(PAYLOAD_VALIDATORS).sort()).toEqual(Object.values(InvokeChannel).sort());
    expect(Object.values(PAYLOAD_VALIDATORS).every((check) => typeof check === 'function')).toBe(true);
  });

  it('has distinct channels', () => {
    const channels = Object.values(InvokeChannel);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('names each request after the DesktopApi method that sends it', () => {
    expect(requestName(InvokeChannel.setDraft)).toBe('setDraft');
    expect(requestName(InvokeChannel.openExternal)).toBe('openExternal');
  });

  it('checks a payload with its channel’s validator, naming the request', () => {
    expect(checkPayload(InvokeChannel.confirmClose, true)).toBe(true);
    expect(checkPayload(InvokeChannel.getPreferences, undefined)).toBeUndefined();
    expect(checkPayload(InvokeChannel.setPreferences, { theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(() => checkPayload(InvokeChannel.getPreferences, {})).toThrow(PayloadError);
    expect(() => checkPayload(InvokeChannel.setDocumentState, { title: 'x' })).toThrow(
      'Invalid setDocumentState request: "dirty" must be a boolean',
    );
    expect(checkPayload(InvokeChannel.clearDraft, 'doc-1')).toBe('doc-1');
    expect(() => checkPayload(InvokeChannel.clearDraft, '../preferences')).toThrow(
      'Invalid clearDraft request: "id" must be 1 to 64 letters, digits, "-" or "_"',
    );
    expect(() => checkPayload(InvokeChannel.openDroppedFile, '')).toThrow(
      'Invalid openDroppedFile request: "path" must be a non-empty file path',
    );
    expect(checkPayload(InvokeChannel.openRuns, undefined)).toBeUndefined();
    expect(() => checkPayload(InvokeChannel.openRuns, '/etc/passwd')).toThrow(
      'Invalid openRuns request: expected no arguments',
    );
    expect(checkPayload(InvokeChannel.openDroppedRuns, '/home/me/runs.csv')).toBe('/home/me/runs.csv');
    expect(() => checkPayload(InvokeChannel.openDroppedRuns, 42)).toThrow(
      /^Invalid openDroppedRuns request: /,
    );
  });

  it('offers CSV and Markdown exports only, and three themes', () => {
    expect(EXPORT_KINDS).toEqual(['csv', 'md']);
    expect(THEMES).toEqual(['system', 'light', 'dark']);
  });
});
