import { describe, expect, it } from 'vitest';
import { globMatch } from '../../src/util/glob-match.js';
import { boundedRegexSource } from '../../src/util/regex.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import lockfiles from '../security/lockfiles.js';
import testsPresent from './tests-present.js';

/**
 * Globs a repository writes are matched without a regex built from them: pytest's
 * `python_functions = ["test["]` crashed tests-present ("Unterminated character class"), and a Cargo
 * `members` entry of ten stars took 10 s against one 40-character folder name (exponential in the stars).
 */
describe('globs from repository text', () => {
  it('match like fnmatch and Cargo, and answer at once on a pattern of many stars', () => {
    expect(globMatch('test_*', 'test_login', { question: true, classes: true })).toBe(true);
    expect(globMatch('check_?', 'check_a', { question: true })).toBe(true);
    expect(globMatch('[tc]heck*', 'check_a', { classes: true })).toBe(true);
    expect(globMatch('[!t]*', 'test', { classes: true })).toBe(false);
    expect(globMatch('test[', 'test[', { classes: true })).toBe(true);
    expect(globMatch('crates/*', 'crates/core', { segments: true })).toBe(true);
    expect(globMatch('crates/*', 'crates/core/sub', { segments: true })).toBe(false);
    const stars = `${'a*'.repeat(40)}b`;
    expect(globMatch(stars, 'a'.repeat(200))).toBe(false);
    expect(globMatch(stars, `${'a'.repeat(200)}b`)).toBe(true);
    expect(globMatch('x', 'y'.repeat(2000))).toBeUndefined();
  });

  it('an unclosed bracket or a many-star python_functions pattern leaves tests-present judged, counting what pytest collects', async () => {
    const r = await runRuleOn(
      testsPresent,
      {
        'pyproject.toml': `[project]\nname = "lib"\n[tool.pytest.ini_options]\npython_functions = ["test[", "${'a*'.repeat(30)}b", "check_*"]\n`,
        'tests/test_a.py': `def ${'a'.repeat(80)}():\n    pass\n\ndef check_one():\n    pass\n\ndef test_x():\n    pass\n`,
      },
      { profile: 'library' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/^1 test case in 1 test file/);
  });

  it('a Cargo workspace whose members entry is forty stars still decides the crate', async () => {
    const r = await runRuleOn(
      lockfiles,
      {
        'Cargo.toml': `[workspace]\nmembers = ["${'a*'.repeat(40)}b", "crates/*"]\n`,
        [`crates/${'a'.repeat(60)}/Cargo.toml`]:
          '[package]\nname = "app"\n[[bin]]\nname = "app"\npath = "src/main.rs"\n',
        [`crates/${'a'.repeat(60)}/src/main.rs`]: 'fn main() {}\n',
      },
      { profile: 'cli' },
    );
    expect(r.outcome).not.toBe('error');
  });

  it("a Jest testRegex that backtracks exponentially is not run; Jest's own regex and plain ones are", async () => {
    expect(boundedRegexSource(String.raw`(/__tests__/.*|(\.|/)(test|spec))\.[jt]sx?$`)).toBe(true);
    expect(boundedRegexSource(String.raw`.*\.setup\.ts`)).toBe(true);
    expect(boundedRegexSource('(a+)+b')).toBe(false);
    expect(boundedRegexSource('(a|aa)*c')).toBe(false);
    expect(boundedRegexSource('.*a.*a.*a.*b')).toBe(false);
    expect(boundedRegexSource(String.raw`(x)\1`)).toBe(false);
    // "(a+)+b" took 35 s against this one file name before; now the runner's defaults decide.
    const r = await runRuleOn(
      testsPresent,
      {
        'package.json': JSON.stringify({
          name: 'x',
          devDependencies: { jest: '29' },
          scripts: { test: 'jest' },
          jest: { testRegex: '(a+)+b' },
        }),
        [`src/${'a'.repeat(40)}.test.js`]: "test('x', () => {});\n",
      },
      { profile: 'library' },
    );
    expect(r.outcome).not.toBe('error');
  });
});
