import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { dispatcherView } from './dispatcher.js';
import { buildGraph } from './graph.js';

const RUN_SH = [
  '#!/usr/bin/env bash',
  'task="${1:-help}"',
  'lint() {',
  '  ruff check .',
  '}',
  'test() {',
  '  pytest',
  '}',
  '"$@"',
  '',
].join('\n');

describe('command graph: a task dispatcher run from many steps is viewed once per first argument', () => {
  it('30 steps `./run.sh test` and 30 `./run.sh lint`: two dispatcher views, each step still runs its function', () => {
    const steps = Array.from({ length: 30 }, () => '      - run: ./run.sh test\n      - run: ./run.sh lint\n').join('');
    const files = memoryIndex({
      '.github/workflows/ci.yml': `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`,
      'run.sh': RUN_SH,
    });
    const views: string[] = [];
    const g = buildGraph(files, (text, path, first) => {
      views.push(`${path} ${first}`);
      return dispatcherView(text, path, first);
    });
    expect(views.sort()).toEqual(['run.sh lint', 'run.sh test']);
    expect(g.runs.filter((r) => r.argv[0] === 'pytest')).toHaveLength(30);
    expect(g.runs.filter((r) => r.argv[0] === 'ruff')).toHaveLength(30);
  });
});

describe('dispatcher: a reference to the first argument is matched within its line', () => {
  it('20,000 `/$task-` on one line: no dispatch found, in one bounded match (40k took 44 s)', () => {
    const real = dispatcherView;
    expect(real(`task=$1\n${'/$task-'.repeat(20000)}}x\n`, 'run.sh', 'test')).toBeUndefined();
  });

  it('`. "$DIR/$task.sh"` and `exec scripts/${1:-help}` still dispatch', () => {
    const real = dispatcherView;
    expect(real('task=$1\n. "$DIR/$task.sh"\n', 'run.sh', 'test')).toBeDefined();
    expect(real('exec scripts/${1:-help} "$@"\n', 'run.sh', 'test')).toBeDefined();
    expect(real('echo "$1"\n', 'run.sh', 'test')).toBeUndefined();
  });
});
