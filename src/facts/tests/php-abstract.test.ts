import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (tree: Tree) => Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.cases]));
const expanded = (tree: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.expanded]));

// A CSV library: readers share one abstract test case; each concrete reader test runs its tests.
const TREE: Tree = {
  'composer.json': JSON.stringify({ 'require-dev': { 'phpunit/phpunit': '^11' } }),
  'tests/TabularReaderTestCase.php': [
    '<?php',
    'namespace App\\Tests;',
    'use PHPUnit\\Framework\\TestCase;',
    'use PHPUnit\\Framework\\Attributes\\Test;',
    'abstract class TabularReaderTestCase extends TestCase',
    '{',
    '    abstract protected function reader(): Reader;',
    '    public function testCountsRows(): void {}',
    '    #[Test]',
    '    public function it_reads_the_header(): void {}',
    '    public function testSkipsEmptyLines(): void {}',
    '}',
  ].join('\n'),
  'tests/ReaderTest.php': [
    '<?php',
    'namespace App\\Tests;',
    'final class ReaderTest extends TabularReaderTestCase',
    '{',
    '    protected function reader(): Reader { return Reader::fromString(""); }',
    '    public function testOpensAStream(): void {}',
    '}',
  ].join('\n'),
  'tests/ResultSetTest.php': [
    '<?php',
    'namespace App\\Tests;',
    'final class ResultSetTest extends \\App\\Tests\\TabularReaderTestCase',
    '{',
    '    protected function reader(): Reader { return new ResultSet([]); }',
    '}',
  ].join('\n'),
  'tests/WriterTest.php': [
    '<?php',
    'use PHPUnit\\Framework\\TestCase;',
    'final class WriterTest extends TestCase',
    '{',
    '    public function testWrites(): void {}',
    '}',
  ].join('\n'),
};

describe('PHPUnit tests of an abstract base class', () => {
  it('are declared once (at the first concrete subclass) and run once per concrete subclass, not in the base', () => {
    expect(counts(TREE)).toEqual({
      'tests/ReaderTest.php': 1 + 3,
      'tests/ResultSetTest.php': 0,
      'tests/WriterTest.php': 1,
    });
    expect(expanded(TREE)).toEqual({
      'tests/ReaderTest.php': 1 + 3,
      'tests/ResultSetTest.php': 3,
      'tests/WriterTest.php': 1,
    });
    const reader = testInventory(memoryIndex(TREE)).files.find((f) => f.path === 'tests/ReaderTest.php');
    expect(reader?.first).toEqual({ line: 6, snippet: 'public function testOpensAStream(): void {}' });
  });

  it('reach through a chain of abstract bases, and an abstract *Test.php is not run itself', () => {
    const tree: Tree = {
      ...TREE,
      'tests/AbstractCsvTest.php':
        '<?php\nabstract class AbstractCsvTest extends TabularReaderTestCase\n{\n    public function testDelimiter(): void {}\n}\n',
      'tests/SemicolonTest.php': '<?php\nfinal class SemicolonTest extends AbstractCsvTest\n{\n}\n',
    };
    const c = counts(tree);
    // The middle base's test is declared here; the root base's were already declared in ReaderTest.
    expect(c['tests/SemicolonTest.php']).toBe(1);
    expect(expanded(tree)['tests/SemicolonTest.php']).toBe(1 + 3);
    expect(c['tests/AbstractCsvTest.php']).toBeUndefined();
  });
});
