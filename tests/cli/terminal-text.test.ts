import { describe, expect, it } from 'vitest';
import { escapeForTerminal } from '../../src/cli/terminal-text';

describe('escapeForTerminal', () => {
  it('writes escape sequences, C1 controls, DEL and bidi overrides as \\u escapes', () => {
    expect(escapeForTerminal('\u001b[2Jgone')).toBe('\\u001b[2Jgone');
    expect(escapeForTerminal('a\u009b31mb\u007fc\u0000d\re')).toBe('a\\u009b31mb\\u007fc\\u0000d\\u000de');
    expect(escapeForTerminal('\u202eevil\u202c \u2066x\u2069')).toBe('\\u202eevil\\u202c \\u2066x\\u2069');
  });

  it('keeps tabs, line feeds and printable text in any script', () => {
    expect(escapeForTerminal('name\tGrüße 日本語 ✓\nnext line')).toBe('name\tGrüße 日本語 ✓\nnext line');
  });

  it('keeps JSON valid and its strings unchanged', () => {
    const value = { name: '\u001b[2J\u009b\u007f\u202e\u2067 evil', notes: 'line\nbreak' };
    const escaped = escapeForTerminal(JSON.stringify(value, null, 2));
    expect(escaped).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(escaped)).toEqual(value);
  });
});
