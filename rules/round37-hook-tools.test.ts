/**
 * Blind round 37 (EvalAI): a local pre-commit hook runs scripts/tools/cleanup_code.sh; the message
 * listed "]]" and the evidence "git", "grep", "env/" as hook tools. A hook tool is a command in
 * command position that checks something: `[[ $f =~ ^(env/|docs/) ]]` is one test expression (its
 * `|` and parentheses are not pipes and groups), and the plumbing of a script a hook runs (git,
 * grep, sed) is no check of its own — only the hook's own entry counts by construction.
 */
import { describe, expect, it } from 'vitest';
import preCommitHooks from './quality/pre-commit-hooks.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import { commandsOf } from '../src/facts/commands/shell.js';

const SCRIPT = [
  '#!/bin/bash',
  "CHANGED=$(git diff --cached --name-only | grep -E '\\.py$' || true)",
  'for file in $CHANGED; do',
  '  if [[ ! "$file" =~ ^(env/|docs/) ]]; then',
  '    KEEP="$KEEP $file"',
  '  fi',
  'done',
  'echo "$KEEP" | sed \'s/^/  /\'',
  '',
].join('\n');

const config = (entry: string) =>
  [
    'repos:',
    '  - repo: local',
    '    hooks:',
    '      - id: cleanup',
    '        name: Clean up',
    `        entry: ${entry}`,
    '        language: system',
    '        types: [python]',
    '',
  ].join('\n');

function repo(script: string, entry = 'bash scripts/cleanup.sh'): Tree {
  return {
    'app.py': 'print("hi")\n',
    '.pre-commit-config.yaml': config(entry),
    'scripts/cleanup.sh': script,
  };
}

describe('the tools a hook runs are commands that check, not shell tokens', () => {
  it('reads `[[ … =~ ^(a|b) ]]` as one test expression', () => {
    expect(commandsOf('if [[ ! "$f" =~ ^(env/|docs/) ]]; then ruff check "$f"; fi').map((c) => c.argv[0])).toEqual([
      '[[',
      'ruff',
    ]);
    // A substitution inside the test still runs.
    expect(commandsOf('[[ -n $(gofmt -l .) ]] && exit 1').map((c) => c.argv[0])).toEqual(['gofmt', '[[', 'exit']);
  });

  it('names the formatter the script runs, not git, grep, sed or "]]"', async () => {
    const run = await runRuleOn(preCommitHooks, repo(`${SCRIPT}black --check $KEEP\n`));
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Black');
    for (const token of [']]', 'git', 'grep', 'sed', 'env/'])
      expect(run.evidence.map((e) => e.note).join('\n')).not.toContain(`runs ${token}:`);
  });

  it('a script of plumbing only checks nothing; a hook entry that is itself a program still counts', async () => {
    const plumbing = await runRuleOn(preCommitHooks, repo(SCRIPT));
    expect(plumbing.outcome).toBe('partial');
    const direct = await runRuleOn(preCommitHooks, repo(SCRIPT, 'codespell'));
    expect(direct.outcome).toBe('pass');
    expect(direct.message).toContain('codespell');
  });
});
