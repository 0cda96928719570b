/**
 * Blind round 48: a library checked by Astral's ty with `--error-on-warning`, and Ruff's `ALL` rules
 * (flake8-annotations among them) requiring annotations, was "type checker not strict". ty has no
 * strict switch: failing on its warnings with every function annotated is its strict setup.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import typeSafety from './architecture/type-safety.js';

const CODE = {
  'src/lockkit/__init__.py': 'def lock(path: str) -> bool:\n    return bool(path)\n',
  'src/lockkit/py.typed': '',
};
const project = (extra: string) => `[project]\nname = "lockkit"\nversion = "1.0"\n\n${extra}`;
const CI = {
  '.github/workflows/check.yml':
    'on: push\njobs:\n  type:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install ty\n      - run: ty check --output-format concise --error-on-warning .\n',
};

describe('ty run on its warnings with annotations required is strict', () => {
  it('CI runs `ty check --error-on-warning`, Ruff selects ALL: pass, both cited', async () => {
    const tree = {
      ...CODE,
      ...CI,
      'pyproject.toml': project(
        '[tool.ruff]\nline-length = 120\nlint.select = [\n  "ALL",\n]\nlint.ignore = [\n  "CPY",\n]\n\n[tool.ty]\nenvironment.python-version = "3.13"\n',
      ),
    };
    const r = await runRuleOn(typeSafety, tree, { profile: 'library' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.message).toContain('ty fails on its warnings and Ruff requires annotations');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: '.github/workflows/check.yml', line: 8 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'pyproject.toml', line: 7 }));
  });

  it('error-on-warning in ty settings and ANN in [tool.ruff.lint]: pass', async () => {
    const tree = {
      ...CODE,
      'pyproject.toml': project(
        '[tool.ruff.lint]\nselect = ["E", "F", "ANN"]\n\n[tool.ty.terminal]\nerror-on-warning = true\n',
      ),
    };
    const r = await runRuleOn(typeSafety, tree, { profile: 'library' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'pyproject.toml', line: 9 }));
  });

  it('failing on warnings with nothing requiring annotations is partial, and says what is missing', async () => {
    const tree = { ...CODE, ...CI, 'pyproject.toml': project('[tool.ruff.lint]\nselect = ["E", "F"]\n\n[tool.ty]\n') };
    const r = await runRuleOn(typeSafety, tree, { profile: 'library' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('ty fails on its warnings, but nothing requires annotations (no Ruff ANN rules)');
  });

  it('ANN ignored as a whole, or ty run with its defaults, stays not strict', async () => {
    const ignored = {
      ...CODE,
      ...CI,
      'pyproject.toml': project('[tool.ruff.lint]\nselect = ["ALL"]\nignore = ["ANN", "D"]\n\n[tool.ty]\n'),
    };
    expect((await runRuleOn(typeSafety, ignored, { profile: 'library' })).outcome).toBe('partial');
    const defaults = {
      ...CODE,
      'pyproject.toml': project('[tool.ruff.lint]\nselect = ["ALL"]\n\n[tool.ty]\n'),
    };
    const r = await runRuleOn(typeSafety, defaults, { profile: 'library' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('type checker not strict');
  });
});
