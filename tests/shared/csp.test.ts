import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';

const directives = (policy: string): string[] =>
  policy.split(';').map((part) => part.trim().replace(/\s+/g, ' '));

describe('the Content-Security-Policy', () => {
  it('has no unsafe-eval and no inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("script-src 'self'");
  });

  it('allows what plotly.js needs and nothing broader', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "object-src 'none'",
        "frame-ancestors 'none'",
      ]),
    );
  });

  it('is mirrored in index.html’s meta tag, but for the header-only frame-ancestors', () => {
    const html = readFileSync(path.resolve('src/renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(meta ?? '')).toEqual(
      directives(CONTENT_SECURITY_POLICY).filter((directive) => !directive.startsWith('frame-ancestors')),
    );
  });
});
