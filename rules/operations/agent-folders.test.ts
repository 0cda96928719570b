/**
 * Round 21 (roadmap, lydia-api): an AI assistant's folders (`.claude/skills/`, `.github/skills/`,
 * a skill's SKILL.md and the fill-in templates it carries) are no project documentation and name
 * no environments: one shared predicate (paths.ts isAgentDoc) keeps them out of environments,
 * rollback, runbooks and the other documentation rules.
 */
import { describe, expect, it } from 'vitest';
import environments from './environments.js';
import rollback from './rollback.js';
import runbooks from './runbooks.js';
import { assertRun, runRuleOn, type Case } from '../../src/testing/rule-tester.js';
import type { Rule } from '../../src/types.js';
import type { Tree } from '../../src/testing/memory.js';

const cases = (rule: Rule, list: Case[]) =>
  describe(`rule ${rule.meta.id} beside an AI assistant's skills`, () => {
    for (const c of list) it(c.name, async () => assertRun(await runRuleOn(rule, c.tree, c), c.expect));
  });

const base: Tree = {
  'package.json': '{"name":"planner","dependencies":{"express":"4.0.0"}}',
  'src/server.js': "const express = require('express')\nexpress().listen(3000)\n",
  'README.md': '# Planner\n\n## Install\n\nnpm install\n',
};

const skills: Tree = {
  '.claude/skills/pest-testing/SKILL.md': '# Pest testing\n\nWrite tests with Pest.\n',
  '.claude/skills/socialite-development/SKILL.md': '# Socialite development\n\nAdd OAuth providers.\n',
  '.claude/skills/tailwind/SKILL.md': '# Tailwind\n',
  '.github/skills/ops-plan/references/documentation-templates.md': [
    '# Documentation templates', // 1
    '', // 2
    '## Runbook', // 3
    '', // 4
    '### Rollback', // 5
    '', // 6
    '{what triggers a rollback, and the steps to take}', // 7
    '', // 8
    '### Incident response', // 9
    '', // 10
    '{who is paged, and how to diagnose}', // 11
    '',
  ].join('\n'),
  '.github/skills/ops-troubleshoot/SKILL.md': '# Troubleshoot\n\n## Diagnosis\n\nCheck the pod logs with kubectl.\n',
};

cases(environments, [
  {
    name: 'skill folders named pest-testing and socialite-development are no environments',
    profile: 'service',
    tree: { ...base, ...skills },
    expect: { outcome: 'fail', absent: ['.claude/skills'] },
  },
  {
    name: 'real environment folders still count',
    profile: 'service',
    tree: { ...base, ...skills, 'deploy/envs/staging/app.env': 'PORT=3000\n', 'deploy/envs/prod/app.env': 'PORT=80\n' },
    expect: {
      outcome: 'pass',
      evidence: [
        { path: 'deploy/envs/staging/app.env', note: expect.stringContaining('pre-production environment folder') },
      ],
      absent: ['.claude/skills'],
    },
  },
]);

cases(rollback, [
  {
    name: "a Copilot skill's fill-in rollback template is no rollback procedure",
    profile: 'service',
    tree: { ...base, ...skills },
    expect: { outcome: 'fail', absent: ['.github/skills'] },
  },
  {
    name: "the project's own rollback section is",
    profile: 'service',
    tree: {
      ...base,
      ...skills,
      'docs/operations.md':
        '# Operations\n\n## Rollback\n\nRedeploy the previous image tag with `kubectl rollout undo deployment/planner`.\n',
    },
    expect: {
      outcome: 'pass',
      evidence: [{ path: 'docs/operations.md', line: 3 }],
      absent: ['.github/skills'],
    },
  },
]);

cases(runbooks, [
  {
    name: "a skill's SKILL.md and templates are no runbooks",
    profile: 'service',
    tree: { ...base, ...skills },
    expect: { outcome: 'fail', absent: ['.github/skills'] },
  },
]);
