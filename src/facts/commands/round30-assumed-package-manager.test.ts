import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function tests(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, 'test', 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes('test'))?.name));
}

const ci = (run: string) => ({
  '.github/workflows/test.yml': [
    'on: push',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: acme/wrapper-setup@main',
    `      - run: ${run}`,
    '',
  ].join('\n'),
  'package.json': JSON.stringify(
    { name: 'app', scripts: { test: 'mocha tests/**/*.ts', 'test:unit': 'vitest run', lint: 'eslint .' } },
    null,
    2,
  ),
});

describe('an unknown command word used as a package manager (blind round 30: gnpm)', () => {
  it('`W test` and `W run test:unit` follow the package script, the hop saying the wrapper was assumed', () => {
    const t = tests(ci('gnpm test --runtimeVersion=20'));
    expect(t).toHaveLength(1);
    expect(t[0]).toContain('assumed to be a package manager');
    expect(t[0]).toMatch(/Mocha/);
    const u = tests(ci('gnpm run test:unit'));
    expect(u).toHaveLength(1);
    expect(u[0]).toMatch(/Vitest/);
  });

  it('look-alikes stay what they are: docker/cargo/go run test, echo test, a word that is no script', () => {
    for (const cmd of ['docker run test', 'cargo run test', 'go run test', 'echo test', 'gnpm run deploy', 'gnpm -v'])
      expect(tests(ci(cmd)), cmd).toEqual([]);
  });

  it('without a package.json nothing is assumed', () => {
    const tree = ci('gnpm test');
    delete (tree as Record<string, string>)['package.json'];
    expect(tests(tree)).toEqual([]);
  });
});
