import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasChanged, type FileStamp } from '../../src/shared/file-stamp';

function stamp(text: string, mtimeMs: number): FileStamp {
  const bytes = Buffer.from(text, 'utf8');
  return { size: bytes.byteLength, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('hasChanged', () => {
  const read = stamp('{"name":"a"}', 1000);

  it('is false for the same bytes, whatever the modification time', () => {
    expect(hasChanged(read, stamp('{"name":"a"}', 5000))).toBe(false);
  });

  it('is true for other bytes of the same size and time, another size, or no file', () => {
    expect(hasChanged(read, stamp('{"name":"b"}', 1000))).toBe(true);
    expect(hasChanged(read, stamp('{"name":"ab"}', 1000))).toBe(true);
    expect(hasChanged(read, null)).toBe(true);
  });
});
