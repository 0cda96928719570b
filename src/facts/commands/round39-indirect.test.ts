import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain, runsOf } from './index.js';

type Kind = 'test' | 'format' | 'scan';

function runs(tree: Tree, kind: Kind, origin: 'ci' | 'hook' = 'ci'): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, origin).map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

const RUN_TEST = ['#!/usr/bin/env bash', 'set -e', 'mix deps.get', 'mix test', 'mix sobelow --config', ''].join('\n');

/** A CI step that runs a bare name in a compose service whose image puts a repository directory on its PATH. */
const composeTree = (opts: { run: string; env?: string; script?: string; at?: string }): Tree => ({
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - run: ${opts.run}`,
    '',
  ].join('\n'),
  'compose.yaml': [
    'services:',
    '  app:',
    '    build:',
    '      context: .',
    '      dockerfile: ./ops/app/Dockerfile',
    '    working_dir: /srv/site',
    '    volumes:',
    '      - .:/srv/site',
    '',
  ].join('\n'),
  'ops/app/Dockerfile': `FROM elixir:1.18-alpine\n${opts.env ?? ''}CMD ["run-dev"]\n`,
  [opts.at ?? 'ops/app/check-all']: opts.script ?? RUN_TEST,
  'mix.exs': 'defmodule Site.MixProject do\nend\n',
});

describe('commands a container finds on its PATH (blind round 39)', () => {
  it('`docker compose run app check-all` runs the repository script the image has on its PATH', () => {
    const tree = composeTree({
      run: 'docker compose run app check-all',
      env: 'ENV PATH=$PATH:/srv/site/tools\n',
      at: 'tools/check-all',
    });
    const t = runs(tree, 'test');
    expect(t.length).toBe(1);
    expect(t[0]).toContain('tools/check-all:4');
    expect(runs(tree, 'scan')[0]).toContain('tools/check-all:5');
  });

  it('a script beside the service Dockerfile is found without PATH, and exec into a running service too', () => {
    expect(runs(composeTree({ run: 'docker compose run --rm app check-all' }), 'test')[0]).toContain(
      'ops/app/check-all:4',
    );
    expect(runs(composeTree({ run: 'docker compose exec -T app check-all' }), 'test')[0]).toContain(
      'ops/app/check-all:4',
    );
  });

  it('a name the container has no file for, or a file that is no script, stays the command it is', () => {
    expect(runs(composeTree({ run: 'docker compose run app other-name' }), 'test')).toEqual([]);
    expect(runs(composeTree({ run: 'docker compose run app check-all', script: 'mix test\n' }), 'test')).toEqual([]);
    // Outside a container, the bare name is not looked up in the repository.
    expect(runs(composeTree({ run: 'check-all' }), 'test')).toEqual([]);
  });
});

const hookTree = (line: string): Tree => ({
  '.githooks/pre-commit': [
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    '. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../scripts/lib.sh"',
    'files=$(git diff --cached --name-only --diff-filter=ACMR)',
    line,
    '',
  ].join('\n'),
  'scripts/lib.sh': 'step() {\n  echo "> $*"\n  "$@"\n}\n',
  '.prettierrc': '{}\n',
});

describe('git hooks that start tools through a helper in front of xargs or find (blind round 39)', () => {
  it('`step xargs npx prettier --write` and `run find … -exec shfmt` run the formatter', () => {
    expect(
      runs(hookTree('echo "$files" | step xargs npx prettier --ignore-unknown --write'), 'format', 'hook'),
    ).toHaveLength(1);
    expect(runs(hookTree("run find . -name '*.sh' -exec shfmt -w {} +"), 'format', 'hook')).toHaveLength(1);
  });

  it('a helper word without xargs, or a program that only names xargs, runs no formatter', () => {
    expect(runs(hookTree('echo "$files" | step prettier-list'), 'format', 'hook')).toEqual([]);
    expect(runs(hookTree('man xargs prettier'), 'format', 'hook')).toEqual([]);
  });
});
