/**
 * Blind round 51, tests run by `tox -c DIR`: each plug-in folder has its own tox.ini whose command
 * is `python -m pytest {toxinidir}/tests`, and CI runs `tox -c ./plugins/<name>` while the root
 * pytest configuration puts `plugins` in norecursedirs. The plug-ins' tests were "not counted".
 * `tox -c` now reads that configuration, `{toxinidir}` is its folder, and a folder pytest is given
 * by name is collected even when its name is in norecursedirs (which applies to recursion only).
 */
import { describe, expect, it } from 'vitest';
import testsInCi from './quality/tests-in-ci.js';
import testsPresent from './quality/tests-present.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import { githubWorkflow } from '../src/testing/workflows.js';

const PLUGIN_TOX = [
  '[tox]', // 1
  'isolated_build = true', // 2
  '', // 3
  '[testenv]', // 4
  'commands =', // 5
  '    python -m pytest {posargs} -n auto \\', // 6
  '        {toxinidir}/tests', // 7
  '',
].join('\n');

const tree = (ci: string[], pluginTox = PLUGIN_TOX): Tree => ({
  'pyproject.toml': [
    '[project]',
    'name = "server"',
    'version = "1.0"',
    '',
    '[tool.pytest.ini_options]',
    'norecursedirs = ["plugins"]',
    '',
  ].join('\n'),
  'tox.ini': '[tox]\nenvlist = server\n\n[testenv:server]\ncommands = python -m pytest {posargs} {toxinidir}/tests\n',
  'server/app.py': 'def serve():\n    return 1\n',
  'tests/test_app.py': 'from server.app import serve\n\ndef test_serve():\n    assert serve() == 1\n',
  'plugins/sk/sk_plugin/__init__.py': 'def load():\n    return 2\n',
  'plugins/sk/tox.ini': pluginTox,
  'plugins/sk/tests/test_load.py':
    'from sk_plugin import load\n\ndef test_load():\n    assert load() == 2\n\ndef test_again():\n    assert load()\n',
  '.github/workflows/ci.yml': githubWorkflow(ci),
});

describe('tox -c DIR runs that folder’s tox configuration', () => {
  it('the plug-in’s tests run by `tox -c ./plugins/sk` are counted and named as run in CI', async () => {
    const t = tree(['tox -e server', 'tox -c ./plugins/sk']);
    const r = await runRuleOn(testsPresent, t, { profile: 'service' });
    expect(r.message).toMatch(/^3 test cases/);
    const ci = await runRuleOn(testsInCi, tree(['tox -c ./plugins/sk']), { profile: 'service' });
    expect(ci.outcome).toBe('pass');
    expect(ci.evidence.some((e) => e.path === 'plugins/sk/tox.ini' && e.line === 6)).toBe(true);
  });

  it('`tox -c plugins/sk/tox.ini` (the file) reads the same', async () => {
    const r = await runRuleOn(testsPresent, tree(['tox -e server', 'tox -c plugins/sk/tox.ini']), {
      profile: 'service',
    });
    expect(r.message).toMatch(/^3 test cases/);
  });

  it('without a run of the plug-in’s tox configuration its tests stay outside what pytest collects', async () => {
    const r = await runRuleOn(testsPresent, tree(['tox -e server']), { profile: 'service' });
    expect(r.message).toMatch(/^1 test case\b/);
  });
});
