import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function tests(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, 'test', 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes('test'))?.name));
}

const gha = (run: string) =>
  `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        php: ['8.2', '8.3']\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;

describe('an interpreter named with its matrix version (blind round 47)', () => {
  it('`php${{ matrix.php }} ./vendor/bin/phpunit` runs PHPUnit', () => {
    expect(tests({ '.github/workflows/test.yml': gha('php${{ matrix.php }} ./vendor/bin/phpunit') })).toEqual([
      '.github/workflows/test.yml:10 → PHPUnit',
    ]);
  });

  it('and so does the same line where no matrix resolves the expression', () => {
    const tree = {
      '.github/workflows/test.yml': `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: php\${{ inputs.php }} ./vendor/bin/phpunit\n`,
    };
    expect(tests(tree)).toEqual(['.github/workflows/test.yml:6 → PHPUnit']);
  });

  it('`python${{ matrix.python }} -m pytest` runs pytest', () => {
    expect(tests({ '.github/workflows/test.yml': gha('python${{ matrix.python }} -m pytest') })).toHaveLength(1);
  });

  it('another word glued to an expression is not made an interpreter', () => {
    expect(tests({ '.github/workflows/test.yml': gha('phpx${{ matrix.php }} ./vendor/bin/phpunit') })).toEqual([]);
  });
});
