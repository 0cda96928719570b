import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

/**
 * Blind round 22 (pokeapi): CI ran `SKIP=ruff-format,ruff-check uv run pre-commit run --all-files`;
 * the formatting and linting evidence went through the skipped ruff hooks.
 */
function chains(tree: Tree, kind: ToolKind): string[] {
  const runs = runsOf(commandGraph(memoryIndex(tree)), kind, 'ci');
  return runs.map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

const PRE_COMMIT = [
  'repos:', // 1
  '  - repo: local', // 2
  '    hooks:', // 3
  '      - id: ruff-check', // 4
  '        name: Ruff Check', // 5
  '        entry: ruff check .', // 6
  '        language: system', // 7
  '      - id: ruff-format', // 8
  '        name: Ruff Format', // 9
  '        entry: ruff format --check .', // 10
  '        language: system', // 11
].join('\n');

const circle = (command: string) =>
  `version: 2.1\njobs:\n  lint:\n    docker:\n      - image: cimg/python:3.12\n    steps:\n      - checkout\n      - run:\n          name: Pre-commit\n          command: ${command}\n`;

describe('round 22: pre-commit SKIP in a CI command', () => {
  it('the hooks SKIP names do not run', () => {
    const tree = {
      '.pre-commit-config.yaml': PRE_COMMIT,
      '.circleci/config.yml': circle('SKIP=ruff-format,ruff-check uv run pre-commit run --all-files'),
    };
    expect(chains(tree, 'lint')).toEqual([]);
    expect(chains(tree, 'format')).toEqual([]);
  });

  it('a hook SKIP does not name still runs', () => {
    const tree = {
      '.pre-commit-config.yaml': PRE_COMMIT,
      '.circleci/config.yml': circle('SKIP=ruff-format uv run pre-commit run --all-files'),
    };
    expect(chains(tree, 'lint')).toEqual([
      '.circleci/config.yml:10 → .pre-commit-config.yaml:4 (pre-commit hook ruff-check) → Ruff',
    ]);
    expect(chains(tree, 'format')).toEqual([]);
  });
});
