import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { cli } from '../../test/helpers/cli.js';
import { tempDir, writeTree } from '../../test/helpers/tree.js';
import rule from './lockfiles.js';

const PYPROJECT = '[project]\nname = "app"\nversion = "1.0"\ndependencies = [\n    "django<6",\n    "gunicorn",\n]\n';

describe('lockfiles: a manifest not read is not "no dependencies to lock" (blind round 35, ChiefOnboarding)', () => {
  it("a root pyproject.toml that links to the app folder's is named a symbolic link", async () => {
    const root = writeTree(tempDir(), {
      'back/pyproject.toml': PYPROJECT,
      'back/uv.lock': 'version = 1\n',
      'back/app.py': 'print(1)\n',
    });
    symlinkSync('back/pyproject.toml', join(root, 'pyproject.toml'));
    const out = await cli(['audit', root, '--format', 'json', '--only', 'security/lockfiles']);
    expect(out.code, out.stderr).toBe(0);
    const text = out.stdout;
    expect(text).toContain('pyproject.toml (a symbolic link, not read through');
    expect(text).not.toContain('no dependencies to lock');
  });
  it('a pyproject.toml that does not parse says so; one without dependencies has none to lock', async () => {
    const broken = await runRuleOn(rule, {
      'pyproject.toml': '[project\nname = "app"\n',
      'back/pyproject.toml': PYPROJECT,
      'back/uv.lock': 'version = 1\n',
    });
    expect(broken.message).toMatch(/pyproject\.toml \(not read: /);
    expect(broken.message).not.toContain('no dependencies to lock');
    const empty = await runRuleOn(rule, {
      'pyproject.toml': '[project]\nname = "app"\nversion = "1.0"\n',
      'back/pyproject.toml': PYPROJECT,
      'back/uv.lock': 'version = 1\n',
    });
    expect(empty.message).toContain('pyproject.toml (no dependencies to lock)');
  });
});
