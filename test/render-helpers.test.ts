/** Escaping helpers under arbitrary input: whatever a repository holds, the layout survives. */
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { commitUrl, forgeUrl, mdCode, mdEscape, radarSvg, shorten } from '../src/render/helpers.js';

const nasty = fc.string({
  unit: fc.constantFrom('|', '`', '\n', '\r', '<', '>', '&', '*', '_', '[', ']', '#', '\\', ' ', 'a', 'é', '~'),
  maxLength: 60,
});

describe('mdEscape', () => {
  it('never leaves an unescaped pipe, a line break or a raw HTML tag start', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const out = mdEscape(s);
        expect(out).not.toMatch(/[\r\n]/);
        // Every pipe, backtick and angle bracket is preceded by an odd number of backslashes.
        for (const m of out.matchAll(/(\\*)([|`<>])/g)) expect(m[1]!.length % 2).toBe(1);
      }),
    );
  });

  it('leaves ordinary words alone', () => {
    expect(mdEscape('no_committed secrets in C# & F#')).toBe('no_committed secrets in C# & F#');
    expect(mdEscape('_private and __dunder__')).toBe('\\_private and \\_\\_dunder\\_\\_');
  });
});

describe('mdCode', () => {
  it('wraps any text in a fence no backtick run inside can close', () => {
    fc.assert(
      fc.property(
        nasty.filter((s) => s.trim().length > 0),
        (s) => {
          const out = mdCode(s, false);
          const fence = /^`+/.exec(out)![0];
          const inner = out.slice(fence.length, out.length - fence.length);
          expect(out.endsWith(fence)).toBe(true);
          for (const run of inner.match(/`+/g) ?? []) expect(run.length).not.toBe(fence.length);
          expect(out).not.toMatch(/[\r\n]/);
        },
      ),
    );
  });
});

describe('shorten', () => {
  it('keeps both ends and never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 10, max: 120 }), (s, max) => {
        const out = shorten(s, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, s.length <= max ? s.length : 0));
        if (s.length > max) expect(out).toContain('…');
        else expect(out).toBe(s);
      }),
    );
  });
});

describe('forge URLs', () => {
  const e = { path: 'src/a b#c.ts', line: 4, endLine: 9 };
  it('encode the path and cite the line range at the commit', () => {
    expect(forgeUrl('https://github.com/o/r', 'abc', e)).toBe('https://github.com/o/r/blob/abc/src/a%20b%23c.ts#L4-L9');
    // Self-hosted GitLab and GitHub Enterprise are recognised by their host name.
    expect(forgeUrl('https://gitlab.example.com/g/sub/r', 'abc', e)).toBe(
      'https://gitlab.example.com/g/sub/r/-/blob/abc/src/a%20b%23c.ts#L4-9',
    );
    expect(forgeUrl('https://git.example.com/g/r', 'abc', e)).toBe(null);
    expect(forgeUrl('https://gitlab.com/g/sub/r', 'abc', e)).toBe(
      'https://gitlab.com/g/sub/r/-/blob/abc/src/a%20b%23c.ts#L4-9',
    );
    expect(forgeUrl('https://github.com/o/r', null, e)).toBe(null);
    expect(forgeUrl('https://github.com/o/r', 'abc', { path: '.' })).toBe(null);
    expect(commitUrl('https://bitbucket.org/o/r', 'abc')).toBe('https://bitbucket.org/o/r/commits/abc');
    expect(commitUrl('https://example.org/o/r', 'abc')).toBe(null);
  });
});

describe('radarSvg', () => {
  it('escapes titles and marks pillars without a score as not assessed', () => {
    const svg = radarSvg([
      { id: 'a', title: '<script>x</script>', score: 50 },
      { id: 'b', title: 'B & C', score: null },
      { id: 'c', title: 'C', score: 100 },
    ]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain(Handlebars.Utils.escapeExpression('<script>x</script>'));
    expect(svg).toContain('<g class="axis not-assessed" data-pillar="b" data-score="">');
    expect(svg.match(/<circle /g)).toHaveLength(2);
  });
});
