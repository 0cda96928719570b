import { describe, expect, it } from 'vitest';
import { countJvm } from './annotated.js';

// Blind round 43: a Kotlin service wrote its CSV rows as the annotation's vararg,
// `@CsvSource("a, 1", "b, 2", …)`, without `value = [...]`; each string is a row JUnit runs.
describe('JUnit 5 @CsvSource rows written as Kotlin vararg arguments', () => {
  const kt = [
    'class PncTest {',
    '  @ParameterizedTest',
    '  @CsvSource("a, 1", "b, 2", "c, 3")',
    '  fun vararg(s: String, n: Int) {}',
    '  @ParameterizedTest',
    '  @CsvSource("a, 1")',
    '  fun single(s: String, n: Int) {}',
    '  @ParameterizedTest',
    '  @CsvSource("a| 1", "b| 2", delimiter = \'|\')',
    '  fun named(s: String, n: Int) {}',
    '  @ParameterizedTest',
    '  @CsvSource(value = ["a, 1", "b, 2"])',
    '  fun array(s: String, n: Int) {}',
    '  @ParameterizedTest',
    '  @ValueSource(strings = ["x", "y"])',
    '  fun values(s: String) {}',
    '}',
  ].join('\n');

  it('counts each string argument as a row, and a named argument as none', () => {
    const r = countJvm(kt, 'kotlin');
    expect([r.cases, r.parametrized, r.expanded]).toEqual([5, 5, 3 + 1 + 2 + 2 + 2]);
  });

  it('still counts a single `value = "…"` row once', () => {
    const r = countJvm(
      'class T {\n  @ParameterizedTest\n  @CsvSource(value = "a, 1", delimiter = \',\')\n  fun one(s: String, n: Int) {}\n}\n',
      'kotlin',
    );
    expect(r.expanded).toBe(1);
  });
});
