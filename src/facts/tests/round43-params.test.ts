import { describe, expect, it } from 'vitest';
import { countJvm } from './annotated.js';
import { countPhp } from './scripting.js';

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

// Blind round 43: PHPUnit generator providers built from other providers of the class counted only
// their literal `yield`s (a provider over two 3-row providers counted 2, not 6).
describe('PHPUnit data providers that loop over other providers', () => {
  const php = (provider: string) =>
    [
      '<?php',
      'class CompareTest extends TestCase {',
      "  #[DataProvider('providerCompare')]",
      '  public function testCompare(array $a, array $b, int $c): void {}',
      '  public static function providerCompare(): Generator {',
      provider,
      '  }',
      '  public static function pairs(): array {',
      '    return [[1, 1, 0], [1, 2, -1], [2, 1, 1]];',
      '  }',
      '  public static function more(): iterable {',
      '    yield [3, 3, 0];',
      '    yield [4, 3, 1];',
      '  }',
      '}',
    ].join('\n');

  it("counts each looped provider's rows times the loop's yields, plus literal yields", () => {
    const r = countPhp(
      php(
        [
          '    foreach (self::pairs() as $data) {',
          '      yield [new A(), ...$data];',
          '      yield [new B(), ...$data];',
          '    }',
          '    foreach ($this->more() as [$a, $b, $c]) {',
          '      yield [$a, $b, $c];',
          '    }',
          '    yield [0, 0, 0];',
        ].join('\n'),
      ),
    );
    expect([r.cases, r.expanded]).toEqual([1, 3 * 2 + 2 + 1]);
  });

  it('counts `yield from` another provider as its rows', () => {
    const r = countPhp(php('    yield from static::pairs();\n    yield from self::more();'));
    expect(r.expanded).toBe(5);
  });

  it('leaves a loop that may skip rows, or over something else, uncounted (one case)', () => {
    const skip = countPhp(
      php('    foreach (self::pairs() as $d) {\n      if ($d[2] === 0) continue;\n      yield $d;\n    }'),
    );
    expect(skip.expanded).toBe(1);
    const other = countPhp(php('    foreach (range(1, 9) as $d) {\n      yield [$d];\n    }'));
    expect(other.expanded).toBe(1);
    const cycle = countPhp(php('    foreach (self::providerCompare() as $d) {\n      yield $d;\n    }'));
    expect(cycle.expanded).toBe(1);
  });
});
