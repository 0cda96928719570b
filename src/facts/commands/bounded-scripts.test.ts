import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import type { FileView } from '../../types.js';
import { commandGraph, runsOf } from './index.js';

const CI = 'on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python a.py\n';

/** The index, with a count of the times each path's lines were asked for. */
function counted(tree: Record<string, string>): { files: FileView; asked: Map<string, number> } {
  const inner = memoryIndex(tree);
  const asked = new Map<string, number>();
  const files = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'lines')
        return (path: string) => {
          asked.set(path, (asked.get(path) ?? 0) + 1);
          return target.lines(path);
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { files, asked };
}

describe('command graph: a script that runs itself is read once and is a cycle', () => {
  it('a.py spawning `python a.py N` on 40 lines: one reading of a.py, no run below the first hop (180 KB took over 300 s)', () => {
    const body = Array.from({ length: 40 }, (_, i) => `subprocess.run(["python", "a.py", "${i}"])`);
    const tree = {
      '.github/workflows/ci.yml': CI,
      'a.py': `${'#\n'.repeat(5000)}subprocess.run(["ruff", "check", "."])\n${body.join('\n')}\n`,
    };
    const { files, asked } = counted(tree);
    const g = commandGraph(files);
    expect(asked.get('a.py')).toBe(1);
    // ruff, once, under ci.yml → a.py:5001; each `python a.py N` is the same script again: a cycle, cut.
    const lint = runsOf(g, 'lint', 'ci');
    expect(lint.map((r) => r.chain.map((h) => `${h.path}:${h.line}`).join(' > '))).toEqual([
      '.github/workflows/ci.yml:6 > a.py:5001',
    ]);
    expect(
      g.runs.filter((r) => r.chain.some((h, i) => i > 0 && h.path === 'a.py' && r.chain[i - 1]!.path === 'a.py')),
    ).toEqual([]);
    expect(g.unresolved.filter((u) => u.reason === 'too deep to follow')).toEqual([]);
  });

  it('two scripts that run each other: each read once, the chain stops where a script comes back', () => {
    const { files, asked } = counted({
      '.github/workflows/ci.yml': CI,
      'a.py': 'subprocess.run(["python", "b.py"])\nsubprocess.run(["mypy", "src"])\n',
      'b.py': 'subprocess.run(["python", "a.py", "again"])\nsubprocess.run(["ruff", "check", "."])\n',
    });
    const g = commandGraph(files);
    expect(asked.get('a.py')).toBe(1);
    expect(asked.get('b.py')).toBe(1);
    const chains = g.runs.map((r) => `${r.argv[0]}: ${r.chain.map((h) => `${h.path}:${h.line}`).join(' > ')}`);
    expect(chains).toContain('mypy: .github/workflows/ci.yml:6 > a.py:2');
    expect(chains).toContain('ruff: .github/workflows/ci.yml:6 > a.py:1 > b.py:2');
    expect(chains.filter((c) => c.includes('b.py:1 >'))).toEqual([]);
  });
});
