/**
 * Blind round 25, class "the message says more (or other) than what was found": each case asserts
 * the verdict, the words and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import typeSafety from './architecture/type-safety.js';
import readme from './architecture/readme.js';
import lockfiles from './security/lockfiles.js';
import license from './security/license.js';
import dependencyUpdates from './security/dependency-updates.js';
import retries from './reliability/retries.js';

const PYPROJECT = [
  '[build-system]', // 1
  'requires = ["hatchling"]', // 2
  '', // 3
  '[project]', // 4
  'name = "sqlsplit"', // 5
  'dependencies = []', // 6
  '', // 7
  '[dependency-groups]', // 8
  'dev = ["pytest", "ruff", "coverage"]', // 9
  '',
].join('\n');

describe('round 25: wording', () => {
  it('type-safety: a py.typed marker with no checker configured does not say "not strict"', async () => {
    const run = await runRuleOn(
      typeSafety,
      {
        'pyproject.toml': PYPROJECT,
        'sqlsplit/__init__.py': 'def split(sql: str) -> list[str]:\n    return sql.split(";")\n',
        'sqlsplit/py.typed': '',
      },
      { profile: 'library' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe('weak: Python (py.typed marker only; no type checker (mypy, pyright) configured).');
    expect(run.message).not.toContain('not strict');
    expect(run.evidence[0]).toMatchObject({ path: 'sqlsplit/py.typed' });
  });

  it('lockfiles: development groups locked by uv.lock are named, not "no dependencies to lock"', async () => {
    const tree = { 'pyproject.toml': PYPROJECT, 'uv.lock': 'version = 1\n', 'sqlsplit/__init__.py': 'X = 1\n' };
    const run = await runRuleOn(lockfiles, tree, { profile: 'library' });
    expect(run.outcome).toBe('pass');
    expect(run.message).not.toContain('no dependencies to lock');
    expect(run.evidence[0]).toEqual({
      path: 'pyproject.toml',
      note: 'locked by uv.lock (3 development dependencies; no runtime dependency)',
    });
    const unlocked = await runRuleOn(
      lockfiles,
      { 'pyproject.toml': PYPROJECT, 'sqlsplit/__init__.py': 'X = 1\n' },
      { profile: 'library' },
    );
    expect(unlocked.outcome).toBe('pass');
    expect(unlocked.message).toContain(
      'pyproject.toml (only development dependencies (3), no runtime dependency to lock)',
    );
  });

  it('readme: a package-manager subsection under Install is installation, not usage', async () => {
    const text = [
      '# TableKit', // 1
      '', // 2
      'A library for reading and writing tables.', // 3
      '', // 4
      '## Install', // 5
      '', // 6
      '### Package Manager Console', // 7
      '', // 8
      '```', // 9
      'PM> Install-Package TableKit', // 10
      '```', // 11
      '', // 12
      '### .NET CLI Console', // 13
      '', // 14
      '```', // 15
      '> dotnet add package TableKit', // 16
      '```', // 17
      '', // 18
      '## Contributing', // 19
      '', // 20
      'Run `dotnet test` before a pull request.', // 21
      '',
    ].join('\n');
    const run = await runRuleOn(
      readme,
      { 'README.md': text, 'src/TableKit.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n' },
      { profile: 'library' },
    );
    expect(run.evidence.some((e) => e.line === 13 && /usage/.test(e.note ?? ''))).toBe(false);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'README.md', line: 5, note: 'installation section' }),
    );
    expect(run.message).not.toMatch(/covers installation, usage/);
  });

  it('license: a dual-licence file names both licences and the package SPDX expression', async () => {
    const text = [
      'Dual licensing under MS-PL and Apache 2.0', // 1
      '', // 2
      'Microsoft Public License (MS-PL)', // 3
      '', // 4
      'This license governs use of the accompanying software.', // 5
      '', // 6
      'Apache License, Version 2.0', // 7
      '', // 8
      'TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION', // 9
      '',
    ].join('\n');
    const run = await runRuleOn(license, {
      'LICENSE.txt': text,
      'src/TableKit/TableKit.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <PackageLicenseExpression>MS-PL OR Apache-2.0</PackageLicenseExpression>\n  </PropertyGroup>\n</Project>\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'Licence stated in LICENSE.txt (MS-PL and Apache-2.0); the package declares MS-PL OR Apache-2.0 (src/TableKit/TableKit.csproj:3).',
    );
    expect(run.evidence).toEqual([
      expect.objectContaining({
        path: 'LICENSE.txt',
        note: 'licence text: MS-PL and Apache-2.0 (Apache-2.0 at line 7)',
      }),
      expect.objectContaining({ path: 'src/TableKit/TableKit.csproj', line: 3, snippet: 'MS-PL OR Apache-2.0' }),
    ]);
  });

  it('dependency-updates: Dependabot is cited over a renovate.json that holds only its $schema', async () => {
    const run = await runRuleOn(dependencyUpdates, {
      'composer.json': '{"name":"acme/links","require":{"laravel/framework":"^10.0"}}',
      'renovate.json': '{\n  "$schema": "https://docs.renovatebot.com/renovate-schema.json"\n}\n',
      '.github/dependabot.yml':
        'version: 2\nupdates:\n  - package-ecosystem: "composer"\n    directory: "/"\n    schedule:\n      interval: "weekly"\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      "Dependabot is configured (.github/dependabot.yml: composer); renovate.json holds only a $schema (Renovate's defaults, if its app is installed).",
    );
    expect(run.evidence[0]).toEqual({
      path: '.github/dependabot.yml',
      line: 3,
      snippet: 'package-ecosystem: composer',
      note: 'Dependabot updates',
    });
  });

  it('retries: a fixed sleep named backoff, never grown, is no backoff', async () => {
    const worker = [
      'import time', // 1
      'import requests', // 2
      '', // 3
      '', // 4
      'class Worker:', // 5
      '    def __init__(self, restart_backoff: int = 5) -> None:', // 6
      '        self.restart_backoff = restart_backoff', // 7
      '', // 8
      '    def run(self) -> None:', // 9
      '        while True:', // 10
      '            if self.pull():', // 11
      '                return', // 12
      '            time.sleep(self.restart_backoff)', // 13
      '', // 14
      '    def pull(self) -> bool:', // 15
      '        return requests.get("https://queue.example.com/pull", timeout=5).ok', // 16
      '',
    ].join('\n');
    const tree = {
      'pyproject.toml': '[project]\nname = "w"\ndependencies = ["fastapi", "requests"]\n',
      'w/worker.py': worker,
    };
    const run = await runRuleOn(retries, tree, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      'Calls are retried by hand, without backoff: 1 retry loop (bounded attempts); the next attempt follows after a fixed interval that never grows.',
    );
    expect(run.evidence[0]).toMatchObject({
      path: 'w/worker.py',
      line: 13,
      snippet: 'time.sleep(self.restart_backoff)',
    });
    // Grown each round, the same sleep is backoff.
    const grown = worker.replace(
      '            time.sleep(self.restart_backoff)',
      '            time.sleep(self.restart_backoff)\n            self.restart_backoff *= 2',
    );
    const ok = await runRuleOn(retries, { ...tree, 'w/worker.py': grown }, { profile: 'service' });
    expect(ok.outcome).toBe('pass');
    expect(ok.evidence[0]).toMatchObject({ path: 'w/worker.py', line: 13 });
  });
});
