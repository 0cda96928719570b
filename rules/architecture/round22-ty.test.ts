import { describe, expect, it } from 'vitest';
import { commandGraph, runsOf } from '../../src/facts/commands/index.js';
import { memoryIndex } from '../../src/testing/memory.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import typeSafety from './type-safety.js';

/** Blind round 22 (pokeapi): ty (`ty.toml`, `ty check` in CI) was "no type checker". */
const APP = {
  'pyproject.toml': '[project]\nname = "dex"\nversion = "1.0"\ndependencies = ["django>=5"]\n',
  'dex/views.py': 'def index(request):\n    return None\n',
  'dex/models.py': 'class Item:\n    pass\n',
};

describe('round 22: ty is a Python type checker', () => {
  it('ty.toml configures a type checker (not strict: partial)', async () => {
    const r = await runRuleOn(
      typeSafety,
      { ...APP, 'ty.toml': '[src]\ninclude = ["dex"]\n\n[rules]\nunresolved-import = "error"\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.score).toBeCloseTo(0.6);
    expect(r.message).not.toMatch(/no type checker/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'ty.toml', line: 1 }));
  });

  it('[tool.ty] in pyproject.toml too', async () => {
    const r = await runRuleOn(
      typeSafety,
      { ...APP, 'pyproject.toml': `${APP['pyproject.toml']}\n[tool.ty.rules]\npossibly-unbound = "error"\n` },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'pyproject.toml', line: 6 }));
  });

  it('without either: no type checker', async () => {
    const r = await runRuleOn(typeSafety, APP, { profile: 'service' });
    expect(r.message).toMatch(/no type checker/);
  });

  it('`ty check` in CI is a type-check run', () => {
    const g = commandGraph(
      memoryIndex({
        ...APP,
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  ty:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: uv run ty check\n',
      }),
    );
    expect(runsOf(g, 'typecheck', 'ci').map((r) => r.tools.map((t) => t.name))).toEqual([['ty']]);
  });
});
