/**
 * Blind round 26, class "Trunk": `.trunk/trunk.yaml` enables linters, formatters and scanners and git
 * hooks, and `trunk-io/trunk-action` (or a reusable workflow named for Trunk) runs `trunk check` in CI.
 * Its linters count as run in CI, its scanners as scanning, its hook actions as commit hooks.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import linting from './quality/linting.js';
import preCommitHooks from './quality/pre-commit-hooks.js';
import securityScanning from './security/security-scanning.js';

const TRUNK = (actions: string[]) =>
  [
    'version: 0.1',
    'cli:',
    '  version: 1.25.0',
    'lint:',
    '  enabled:',
    '    - golangci-lint2@2.12.2', // 6
    '    - trivy@0.70.0', // 7
    '    - gofmt@1.20.4', // 8
    '    - osv-scanner@2.3.6', // 9
    '    - markdownlint@0.48.0', // 10
    '  disabled:',
    '    - osv-scanner',
    ...(actions.length ? ['actions:', '  enabled:', ...actions.map((a) => `    - ${a}`)] : []),
    '',
  ].join('\n');

const tree = (opts: { actions?: string[]; ci?: 'action' | 'remote' | 'none' }): Tree => ({
  'go.mod': 'module example.com/cache\n\ngo 1.22\n',
  'cache.go': 'package cache\n\nfunc Get(k string) string { return k }\n',
  '.trunk/trunk.yaml': TRUNK(opts.actions ?? []),
  '.trunk/configs/.golangci.json': '{"linters": {"enable": ["errcheck"]}}\n',
  ...(opts.ci === 'action'
    ? {
        '.github/workflows/trunk.yml': [
          'name: Trunk',
          'on: [pull_request]',
          'jobs:',
          '  check:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: trunk-io/trunk-action@v1',
          '',
        ].join('\n'),
      }
    : opts.ci === 'remote'
      ? {
          '.github/workflows/quality.yml': [
            'name: Code Quality',
            'on: [pull_request]',
            'jobs:',
            '  quality:',
            '    uses: example-org/.github/.github/workflows/trunk.yml@main',
            '',
          ].join('\n'),
        }
      : {}),
});

describe('round 26: Trunk runs its enabled linters in CI', () => {
  it('trunk-io/trunk-action runs golangci-lint (linting) and trivy (scanning), cited at trunk.yaml', async () => {
    const lint = await runRuleOn(linting, tree({ ci: 'action' }), { profile: 'library' });
    expect(lint.outcome).toBe('pass');
    expect(lint.evidence).toContainEqual(expect.objectContaining({ path: '.trunk/trunk.yaml', line: 6 }));
    const scan = await runRuleOn(securityScanning, tree({ ci: 'action' }), { profile: 'library' });
    expect(scan.outcome).toBe('pass');
    expect(scan.message).toContain('trivy');
    // Disabled in lint.disabled: not run.
    expect(scan.message).not.toContain('osv-scanner');
  });

  it('a reusable workflow named for Trunk runs the same', async () => {
    const lint = await runRuleOn(linting, tree({ ci: 'remote' }), { profile: 'library' });
    expect(lint.outcome).toBe('pass');
  });

  it('without a CI step that runs Trunk, the linters are configured but not run', async () => {
    const lint = await runRuleOn(linting, tree({ ci: 'none' }), { profile: 'library' });
    expect(lint.outcome).toBe('partial');
    expect(lint.message).toContain('no CI job runs it');
    const scan = await runRuleOn(securityScanning, tree({ ci: 'none' }), { profile: 'library' });
    expect(scan.outcome).not.toBe('pass');
  });
});

describe("round 26: Trunk's hook actions are commit hooks", () => {
  it('trunk-fmt-pre-commit runs the formatters before a commit', async () => {
    const run = await runRuleOn(preCommitHooks, tree({ actions: ['trunk-announce', 'trunk-fmt-pre-commit'] }), {
      profile: 'library',
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('gofmt');
    // The formatter hook runs no linter.
    expect(run.message).not.toContain('golangci-lint');
    expect(run.evidence[0]).toMatchObject({ path: '.trunk/trunk.yaml', line: 8 });
  });

  it('a Trunk config without hook actions is no hook manager', async () => {
    const run = await runRuleOn(preCommitHooks, tree({ actions: ['trunk-announce', 'trunk-upgrade-available'] }), {
      profile: 'library',
    });
    expect(run.outcome).toBe('fail');
  });
});
