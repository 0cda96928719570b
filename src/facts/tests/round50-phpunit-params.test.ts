import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';
import { countPhp } from './scripting.js';

// Blind round 50: a PHPUnit 10+ suite wrote `#[Test, DataProvider('name')]` (the provider as the second
// attribute of one group), repeated `#[TestWith]`, `#[TestWithJson]` and providers whose rows hold
// closures or are built as `array_map(…, range(a, b))`: 264 parametrised methods, 35 expanded.
describe('PHPUnit attribute data sets', () => {
  const php = (...lines: string[]) => ['<?php', 'final class ThingTest extends TestCase {', ...lines, '}'].join('\n');

  it('expands a provider named as the second attribute of a group', () => {
    const r = countPhp(
      php(
        "  #[Test, DataProvider('provideCases')]",
        '  public function works(int $a): void {}',
        '  public static function provideCases(): iterable {',
        "    yield 'one' => [1];",
        "    yield 'two' => [2];",
        "    yield 'three' => [3];",
        '  }',
      ),
    );
    expect([r.cases, r.parametrized, r.expanded]).toEqual([1, 1, 3]);
  });

  it('counts the yields of a provider whose rows hold closures', () => {
    const r = countPhp(
      php(
        "  #[Test, DataProvider('provideCallbacks')]",
        '  public function calls(callable $c): void {}',
        '  public static function provideCallbacks(): iterable {',
        "    yield 'a' => [static function (self $t): string { foreach ([1] as $x) {} return 'a'; }];",
        "    yield 'b' => [fn (int $x) => $x + 1];",
        '  }',
      ),
    );
    expect(r.expanded).toBe(2);
  });

  it('sizes `array_map(…, range(a, b))` and `array_map(…, [literal])` providers', () => {
    const r = countPhp(
      php(
        "  #[Test, DataProvider('provideDays')]",
        '  public function days(int $d): void {}',
        '  public static function provideDays(): iterable {',
        '    return array_map(static fn (int $value) => [$value], range(0, 29));',
        '  }',
        "  #[Test, DataProvider('provideWords')]",
        '  public function words(string $w): void {}',
        '  public static function provideWords(): array {',
        "    return array_map(fn (string $w) => [$w], ['a', 'b', 'c']);",
        '  }',
      ),
    );
    expect(r.expanded).toBe(30 + 3);
  });

  it('counts each #[TestWith] and #[TestWithJson] row, a JSON row with braces too', () => {
    const r = countPhp(
      php(
        '  #[Test]',
        "  #[TestWith(['a', 1])]",
        "  #[TestWith(['b', 2])]",
        '  #[TestWithJson(\'{"c": 3}\')]',
        '  public function rows(string $s, int $n): void {}',
      ),
    );
    expect([r.cases, r.parametrized, r.expanded]).toEqual([1, 1, 3]);
  });

  it('still counts one for a provider it cannot size (a loop over outside data)', () => {
    const r = countPhp(
      php(
        "  #[Test, DataProvider('provideFiles')]",
        '  public function files(string $f): void {}',
        '  public static function provideFiles(): iterable {',
        "    foreach (glob(__DIR__ . '/x/*') as $f) { yield [$f]; }",
        '  }',
      ),
    );
    expect([r.cases, r.parametrized, r.expanded]).toEqual([1, 1, 1]);
  });
});

describe('PHPUnit providers mixing yields with sized `yield from`', () => {
  it('adds the rows of `yield from array_map(…, range(a, b))`, of `yield from [ … ]` and of a stepped range', () => {
    const r = countPhp(
      [
        '<?php',
        'final class LenTest extends TestCase {',
        "  #[Test, DataProvider('provideLengths')]",
        '  public function lengths(?int $a, int $b): void {}',
        '  public static function provideLengths(): iterable {',
        '    yield [null, 5];',
        '    yield from array_map(static fn (int $v) => [$v, $v], range(4, 10));',
        '    yield from [[1, 1], [2, 2]];',
        '  }',
        "  #[Test, DataProvider('provideSteps')]",
        '  public function steps(int $n): void {}',
        '  public static function provideSteps(): array {',
        '    return array_map(static fn (int $n) => [$n], range(5, 50, 5),);',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(r.expanded).toBe(1 + 7 + 2 + 10);
  });
});

describe('PHPUnit long multi-line #[TestWith] groups', () => {
  it('reads every row of attributes longer than a few thousand characters', () => {
    const row = (i: number) =>
      [
        `  #[TestWith([[`,
        `    'rules' => [`,
        `      ['url' => 'https://example.com/${i}', 'conditions' => ['x' => ${i}]],`,
        '    ],',
        `  ]], 'case ${i}')]`,
      ].join('\n');
    const rows = Array.from({ length: 40 }, (_, i) => row(i)).join('\n');
    expect(rows.length).toBeGreaterThan(4000);
    const r = countPhp(
      [
        '<?php',
        'final class RulesTest extends TestCase {',
        '  #[Test]',
        rows,
        '  public function rules(array $p): void {}',
        '}',
      ].join('\n'),
    );
    expect([r.cases, r.expanded]).toEqual([1, 40]);
  });
});

// Providers kept in a class of their own (`#[DataProviderExternal(ApiKeys::class, 'provider')]`,
// `@dataProvider Rows::provider`) are sized from that class's file, found by its name.
describe('PHPUnit providers of another class', () => {
  const expanded = (tree: Tree) =>
    Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.expanded]));
  const tree = (holder: string): Tree => ({
    'composer.json': JSON.stringify({ 'require-dev': { 'phpunit/phpunit': '^11' } }),
    'tests/Util/KeyRows.php': holder,
    'tests/ServiceTest.php': [
      '<?php',
      'use Tests\\Util\\KeyRows;',
      'final class ServiceTest extends TestCase {',
      "  #[Test, DataProviderExternal(KeyRows::class, 'adminKeys')]",
      '  public function lists(?Key $k): void {}',
      '  /** @dataProvider \\Tests\\Util\\KeyRows::adminKeys */',
      '  public function testCounts(?Key $k): void {}',
      "  #[Test, DataProviderExternal(Missing::class, 'rows')]",
      '  public function unknown(int $n): void {}',
      '}',
    ].join('\n'),
  });

  it("expands each test by the other class's provider rows; an unknown class counts 1", () => {
    const holder = [
      '<?php',
      'class KeyRows {',
      '  public static function adminKeys(): iterable {',
      "    yield 'none' => [null];",
      "    yield 'admin' => [Key::create()];",
      "    yield 'other' => [Key::other()];",
      '  }',
      '}',
    ].join('\n');
    expect(expanded(tree(holder))['tests/ServiceTest.php']).toBe(3 + 3 + 1);
  });

  it('counts 1 for a provider of that class that is not sized statically', () => {
    const holder = [
      '<?php',
      'class KeyRows {',
      '  public static function adminKeys(): iterable {',
      "    foreach (glob('keys/*') as $k) { yield [$k]; }",
      '  }',
      '}',
    ].join('\n');
    expect(expanded(tree(holder))['tests/ServiceTest.php']).toBe(3);
  });
});

describe('PHPUnit provider named by both annotation and attribute', () => {
  it('runs its rows once', () => {
    const r = countPhp(
      [
        '<?php',
        'final class BothTest extends TestCase {',
        '  /**',
        '   * @dataProvider provideRows',
        '   */',
        "  #[DataProvider('provideRows')]",
        '  public function testRows(int $n): void {}',
        '  public static function provideRows(): iterable {',
        '    yield [1];',
        '    yield [2];',
        '  }',
        '}',
      ].join('\n'),
    );
    expect([r.cases, r.expanded]).toEqual([1, 2]);
  });
});
