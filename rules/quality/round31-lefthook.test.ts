/**
 * Blind round 31 (a Flux home-lab repository): lefthook reads its configuration from a dotted
 * `.lefthook.toml` (and `.lefthook.json`/`.jsonc`) as from `lefthook.yml`: a hook manager.
 */
import { describe, it } from 'vitest';
import preCommitHooks from './pre-commit-hooks.js';
import { assertRun, runRuleOn } from '../../src/testing/rule-tester.js';

describe('rule quality/pre-commit-hooks and lefthook’s dotted TOML configuration', () => {
  it('.lefthook.toml is a hook manager', async () => {
    const run = await runRuleOn(
      preCommitHooks,
      {
        '.lefthook.toml': '[[remotes]]\ngit_url = "https://github.com/example/hooks"\nconfigs = ["lefthook.yaml"]\n',
        'README.md': '# x\n',
      },
      { profile: 'infrastructure' },
    );
    assertRun(run, { outcome: 'partial', evidence: [{ path: '.lefthook.toml' }] });
  });
  it('a TOML file that only mentions lefthook is none', async () => {
    const run = await runRuleOn(
      preCommitHooks,
      { 'config/tools.toml': '[lefthook]\nenabled = false\n', 'README.md': '# x\n' },
      { profile: 'infrastructure' },
    );
    assertRun(run, { outcome: 'fail' });
  });
});
