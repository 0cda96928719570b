import { describe, expect, it } from 'vitest';
import { ScriptScope } from './script-scope.js';

/** The words of the commands a script's lines run, read top to bottom with the given arguments. */
function run(args: string[], lines: string[]): string[] {
  const scope = new ScriptScope(args);
  return lines.flatMap((l) => scope.commands(l, []).map((w) => w.join(' ')));
}

/**
 * Review round 32: a `[[ … == glob ]]` test or a `case` arm's glob was matched through a regex built
 * from it (`*` → `.*`), which backtracked exponentially in the stars: one line of a script,
 * `[[ aaa…a == *a*a*a*a*a*a*a*a*a*a*a*ab ]]`, stalled the scan for minutes. Globs now match in one pass.
 */
describe('shell globs in tests and case arms', () => {
  const word = 'a'.repeat(40);
  const hostile = `${'*a'.repeat(14)}b`;

  it('a hostile [[ == ]] glob that does not match skips its branch', () => {
    const out = run([], [`if [[ ${word} == ${hostile} ]]; then`, '  make deploy', 'else', '  make lint', 'fi']);
    expect(out).not.toContain('make deploy');
    expect(out).toContain('make lint');
  });

  it('a hostile case arm that does not match is skipped; the catch-all runs', () => {
    const out = run([word], ['case "$1" in', `  ${hostile}) make deploy ;;`, '  *) make lint ;;', 'esac']);
    expect(out).toEqual(['make lint']);
  });

  it('globs still match: `*`, `?`, a prefix, a literal', () => {
    const arm = (pattern: string, arg: string) =>
      run([arg], ['case "$1" in', `  ${pattern}) make hit ;;`, '  *) make miss ;;', 'esac']);
    expect(arm('format*', 'format-check')).toEqual(['make hit']);
    expect(arm('t?st', 'test')).toEqual(['make hit']);
    expect(arm('*a*b', 'xaxxb')).toEqual(['make hit']);
    expect(arm('*a*b', 'xaxxbc')).toEqual(['make miss']);
    expect(arm('lint', 'lint')).toEqual(['make hit']);
    expect(arm('lint', 'lints')).toEqual(['make miss']);
    expect(run([], ['if [[ format-all == format* ]]; then make fmt; fi'])).toContain('make fmt');
  });
});

/**
 * Review round 32: `case WORD in` and a case arm were read by regexes whose lazy group before
 * `\s+in` / `\s*\)` rescanned the blanks after each character: a line of 40k blanks took 0.6 s,
 * quadratic in its length. Read by index now; the arms still select as before.
 */
describe('case lines of blanks', () => {
  const blanks = ' '.repeat(200_000);
  it('a case subject padded with blanks is read; the arm it names runs', () => {
    expect(run([], [`case lint${blanks}in`, '  test) make test ;;', '  lint) make lint ;;', 'esac'])).toEqual([
      'make lint',
    ]);
  });

  it('a line of blanks inside a case that closes no arm is a command of the arm, not an arm', () => {
    expect(
      run(['lint'], ['case "$1" in', '  lint)', `    make${blanks}lint`, '  ;;', '  *) make other ;;', 'esac']),
    ).toEqual(['make lint']);
    expect(run(['x'], ['case "$1" in', '  (lint | check )   make lint ;;', '  ( * ) make other ;;', 'esac'])).toEqual([
      'make other',
    ]);
  });
});

/**
 * Review round 32: each line looked for a variable of several values by building a regex for every
 * variable the script had set (5k/10k assignments: 0.58/1.75 s, quadratic). Looked up per reference now.
 */
describe('a script of many variables', () => {
  it('a command through a variable set either way still runs as each program', () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `v${i}=x`);
    lines.push('RUNNER=cargo', '[ -n "$CROSS" ] && RUNNER=cross', '$RUNNER test');
    const out = run([], lines);
    expect(out).toContain('cargo test');
    expect(out).toContain('cross test');
  });
});
