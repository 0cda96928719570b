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

// Blind round 43: a `@MethodSource` provider's rows (`Stream.of(arguments(…), …)`, `listOf(Arguments.of(…), …)`)
// were counted as one case; JUnit runs one per row, as it does for @CsvSource.
describe('JUnit 5 @MethodSource rows built in the provider method', () => {
  const kt = [
    'class AttributeTest {',
    '  companion object {',
    '    @JvmStatic',
    '    fun params(): Stream<Arguments> = Stream.of(',
    '      arguments("a", 1),',
    '      arguments("b", 2),',
    '      arguments("c", 3),',
    '    )',
    '  }',
    '  private fun active() = listOf(',
    '    Arguments.of(0, false),',
    '    Arguments.of(1, true),',
    '  )',
    '  private fun computed() = (1..5).map { Arguments.of(it) }',
    '  private fun chained() = listOf(1, 2).map { Arguments.of(it) }',
    '  @ParameterizedTest',
    '  @MethodSource("params")',
    '  fun fromStream(s: String, n: Int) {}',
    '  @ParameterizedTest',
    '  @MethodSource("active")',
    '  fun fromList(n: Int, b: Boolean) {}',
    '  @ParameterizedTest',
    '  @MethodSource("computed")',
    '  fun fromLoop(n: Int) {}',
    '  @ParameterizedTest',
    '  @MethodSource("chained")',
    '  fun fromChain(n: Int) {}',
    '  @ParameterizedTest',
    '  @MethodSource("com.example.Other#rows")',
    '  fun elsewhere(n: Int) {}',
    '}',
  ].join('\n');

  it('counts each element of a provider that returns one collection; other providers count once', () => {
    const r = countJvm(kt, 'kotlin');
    expect([r.cases, r.parametrized, r.expanded]).toEqual([5, 5, 3 + 2 + 1 + 1 + 1]);
  });

  it('reads a Java provider that returns Stream.of(…) from a block body', () => {
    const java = [
      'import org.junit.jupiter.params.ParameterizedTest;',
      'class T {',
      '  static Stream<Arguments> rows() {',
      '    return Stream.of(Arguments.of("a", 1), Arguments.of("b, c", 2));',
      '  }',
      '  static List<String> built() {',
      '    List<String> out = new ArrayList<>();',
      '    out.add("x");',
      '    return out;',
      '  }',
      '  @ParameterizedTest',
      '  @MethodSource("rows")',
      '  void one(String s, int n) {}',
      '  @ParameterizedTest',
      '  @MethodSource("built")',
      '  void two(String s) {}',
      '}',
    ].join('\n');
    const r = countJvm(java, 'java');
    expect([r.cases, r.expanded]).toEqual([2, 2 + 1]);
  });
});

describe('@MethodSource lookups stay bounded', () => {
  it('a file of 5,000 parameterised tests, each naming its own provider, counts each test (past 100 provider lookups, once)', () => {
    const parts = ['class Big {'];
    for (let i = 0; i < 5000; i++)
      parts.push(
        `  @ParameterizedTest`,
        `  @MethodSource("p${i}")`,
        `  fun t${i}(n: Int) {}`,
        `  fun p${i}() = listOf(1, 2)`,
      );
    parts.push('}');
    const r = countJvm(parts.join('\n'), 'kotlin');
    expect(r.cases).toBe(5000);
  });
});
