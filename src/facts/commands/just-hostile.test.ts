/**
 * Hostile justfiles and CI steps for the command graph: braces that never close, and recipes or
 * steps of tens of thousands of commands. Results asserted, not times; the old code took the
 * times noted.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, runsOf } from './index.js';

const gha = (steps: string) =>
  `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

describe('justfile interpolations that never close', () => {
  it('a 240 KB line of `{{ ` is read once, and the recipe lines around it still run their tools', () => {
    // The interpolation pattern scanned from every `{{` to the end of the line: 40 s here.
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: just lint\n'),
      justfile: `lint:\n    ${'{{ '.repeat(80_000)}\n    cargo clippy {{ if x { "a" } else { "b" } }} --deny warnings\n`,
    };
    const runs = runsOf(commandGraph(memoryIndex(tree)), 'lint', 'ci');
    expect(runs.map((r) => r.tools.map((t) => t.name))).toEqual([['Clippy']]);
  });
});

describe('recipes and steps of many commands', () => {
  it('a CI step of 20,000 lines is grouped in place: each line a run', () => {
    // Each line appended to a copy of its step's list: quadratic in the step's length.
    const lines = Array.from({ length: 20_000 }, (_, i) => `          cargo test -p crate${i}`).join('\n');
    const tree: Tree = { '.github/workflows/ci.yml': gha(`      - run: |\n${lines}\n`) };
    expect(runsOf(commandGraph(memoryIndex(tree)), 'test', 'ci')).toHaveLength(20_000);
  });
});
