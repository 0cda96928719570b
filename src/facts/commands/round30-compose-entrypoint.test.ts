import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function runs(tree: Tree, kind: 'test' | 'coverage'): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

const ENTRY = [
  '#!/bin/bash', // 1
  'set -e', // 2
  'tests() {', // 3
  '  if [ $# -eq 0 ]; then', // 4
  '    TEST_ARGS=tests/', // 5
  '  else', // 6
  '    TEST_ARGS=$@', // 7
  '  fi', // 8
  '  exec pytest $TEST_ARGS', // 9
  '}', // 10
  'case "$1" in', // 11
  '  server)', // 12
  '    exec gunicorn app:app', // 13
  '    ;;', // 14
  '  tests)', // 15
  '    shift', // 16
  '    tests $@', // 17
  '    ;;', // 18
  '  *)', // 19
  '    exec "$@"', // 20
  '    ;;', // 21
  'esac', // 22
].join('\n');

const tree = (run: string, extra: Tree = {}): Tree => ({
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  unit:',
    '    runs-on: ubuntu-latest',
    '    env:',
    '      COMPOSE_FILE: .ci/compose.ci.yaml',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: docker compose build',
    `      - run: ${run}`,
    '',
  ].join('\n'),
  '.ci/compose.ci.yaml': 'services:\n  app:\n    build: ../\n    command: server\n',
  Dockerfile:
    'FROM python:3.12\nWORKDIR /app\nCOPY . /app\nENTRYPOINT ["/app/bin/docker-entrypoint"]\nCMD ["server"]\n',
  'bin/docker-entrypoint': ENTRY,
  ...extra,
});

describe('docker compose run SERVICE ARGS reaches the image entrypoint (blind round 30)', () => {
  it('follows COMPOSE_FILE → build → ENTRYPOINT → the `tests)` arm → pytest, with --cov measured', () => {
    const t = runs(tree('docker compose run --rm app tests --cov=app tests/'), 'test');
    expect(t.length).toBeGreaterThan(0);
    expect(t[0]).toContain('Dockerfile:4');
    expect(t[0]).toContain('bin/docker-entrypoint:9');
    const c = runs(tree('docker compose run --rm app tests --cov=app tests/'), 'coverage');
    expect(c.length).toBe(1);
  });

  it('a word the entrypoint has no arm for stays the command it is; exec into a running container too', () => {
    expect(runs(tree('docker compose run --rm app pytest tests/'), 'test')[0]).not.toContain('Dockerfile:4');
    expect(runs(tree('docker compose run --rm app migrate'), 'test')).toEqual([]);
    expect(runs(tree('docker compose exec app tests'), 'test')).toEqual([]);
  });
});
