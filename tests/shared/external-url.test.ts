import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isSafeExternalUrl } from '../../src/shared/external-url';

describe('external links', () => {
  it.each(['https://epoch.ai/data', 'HTTPS://EXAMPLE.COM', 'https://arxiv.org/abs/2401.00448#x'])(
    '%s may be opened',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
      expect(checkExternalUrl(url)).toBe(url);
    },
  );

  it.each([
    'https://',
    'http://example.com/',
    'ftp://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://tradeoff/index.html',
    'https://user:pw@evil.example',
    'https://:pw@evil.example',
    'not a url',
    '',
  ])('%j may not', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
    expect(() => checkExternalUrl(url)).toThrow('Only https:// links can be opened');
  });
});
