import { describe, expect, it } from 'vitest';
import { escapeRe } from './regex.js';

describe('escapeRe: one copy, a literal match of any text', () => {
  it('matches the text itself and nothing a special character would allow', () => {
    for (const s of ['x(', '(a|aa)+$', 'a.b', 'C:\\dir\\[x]', '^{1,2}?*', 'path/to/file.ts']) {
      const re = new RegExp(`^${escapeRe(s)}$`);
      expect(re.test(s)).toBe(true);
    }
    expect(new RegExp(escapeRe('a.b')).test('axb')).toBe(false);
    expect(new RegExp(escapeRe('/x/'), 'u').test('a/x/b')).toBe(true);
  });
});
