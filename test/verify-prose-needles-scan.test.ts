/**
 * Review of session 25: the definition search built from a document's prose names must agree
 * between the audit's scan (needlePatterns, whole files) and the per-line search, keep its case,
 * stay linear on hostile text, and run under the scan's time limit.
 */
import { describe, expect, it } from 'vitest';
import { compilePatterns, runPatterns } from '../src/scan/patterns.js';
import type { Match } from '../src/types.js';
import { proseNeedles } from '../src/verify/prose-names.js';
import { needlePatterns } from '../src/verify/search.js';

function scanLines(path: string, text: string, name: string): number[] {
  const patterns = needlePatterns(proseNeedles([name]));
  const matches = new Map<string, Match[]>();
  runPatterns(
    path,
    text,
    compilePatterns(patterns).flatMap((g) => g.patterns),
    matches,
  );
  return (matches.get(patterns[0]!.key) ?? []).map((m) => m.line);
}

function perLine(text: string, name: string): number[] {
  const [n] = proseNeedles([name]);
  return text
    .split('\n')
    .flatMap((l, i) => (n!.anchors.some((a) => l.toLowerCase().includes(a)) && n!.regex.test(l) ? [i + 1] : []));
}

describe('prose-name definition needles', () => {
  const kt = [
    'package app', // 1
    '', // 2
    'import com.acme.HistoryScreen', // 3
    'class historyscreen', // 4 another name: case counts
    'class HistoryScreen : Screen()', // 5
    'fun (x: Int) HistoryScreen', // 6
  ].join('\n');

  it('the scan finds an import below the first line and keeps case, as the per-line search does', () => {
    expect(perLine(kt, 'HistoryScreen')).toEqual([3, 5, 6]);
    expect(scanLines('app/src/Main.kt', kt, 'HistoryScreen')).toEqual([3, 5, 6]);
  });

  it('is built multiline, guarded in the scan, and its receiver group stays on one bounded line', () => {
    const [n] = proseNeedles(['HistoryScreen']);
    expect(n!.regex.flags).toContain('m');
    expect(n!.regex.source).not.toMatch(/\[\^\)\]\*/);
    const [p] = needlePatterns([n!]);
    expect(p).toMatchObject({ guarded: true, keepCase: true, ignoreCase: true });
    expect(compilePatterns([p!]).flatMap((g) => g.patterns)[0]!.regex.flags).not.toContain('i');
    // A receiver's parentheses never span lines: "fn (" then the name on a later line is no definition.
    expect(n!.regex.test('fn (a,\nb) HistoryScreen')).toBe(false);
    // Hostile text (200 KB of "fn ("): each start tries at most 120 characters, so this stays linear.
    expect(n!.regex.test('fn ('.repeat(50_000))).toBe(false);
  });
});
