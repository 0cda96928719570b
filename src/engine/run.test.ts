import { describe, expect, it } from 'vitest';
import { defineRule } from '../types.js';
import { pass } from './results.js';
import { runRuleOn } from '../testing/rule-tester.js';
import { runRule } from './run.js';
import { memoryIndex } from '../testing/memory.js';
import { collectFacts, completeFacts } from '../facts/index.js';

const meta = {
  title: 'T title',
  failureTitle: 'T failure',
  description: 'd',
  remediation: 'r',
  severity: 'low',
  effort: 'low',
} as const;

describe('rule isolation', () => {
  it('a rule that throws becomes an error result with its message', async () => {
    const rule = defineRule({
      meta: { ...meta, id: 'boom' },
      check: () => {
        throw new Error('kaput');
      },
    });
    const run = await runRuleOn(rule, { 'a.txt': 'x' });
    expect(run).toMatchObject({ outcome: 'error', score: null });
    expect(run.message).toContain('kaput');
  });

  it('a rule that never returns is stopped by its time limit', () => {
    const rule = defineRule({
      meta: { ...meta, id: 'hang' },
      check: () => {
        for (;;) {
          /* spin */
        }
      },
    });
    const files = memoryIndex({ 'a.txt': 'x' });
    const facts = completeFacts(files, collectFacts(files), { matches: () => [] }, { override: 'library' });
    const run = runRule(
      { pillar: 'quality', rule, weight: 1, options: {} },
      {
        files,
        facts,
        scan: { matches: new Map(), searched: new Map(), offloaded: 0, overruns: new Map() },
        catalogue: () => [],
      },
      200,
    );
    expect(run.outcome).toBe('error');
    expect(run.message).toContain('time limit of 200 ms');
  });

  it('a malformed partial result is an error, not a silent pass', async () => {
    const rule = defineRule({
      meta: { ...meta, id: 'bad' },
      check: () => ({ outcome: 'partial', score: 1.5, message: 'm', evidence: [] }),
    });
    expect((await runRuleOn(rule, { 'a.txt': 'x' })).outcome).toBe('error');
  });

  it('asking for an undeclared pattern is an error that names it', async () => {
    const rule = defineRule({
      meta: { ...meta, id: 'undeclared' },
      check: (ctx) => pass(String(ctx.matches('nope').length), []),
    });
    const run = await runRuleOn(rule, { 'a.txt': 'x' });
    expect(run.outcome).toBe('error');
    expect(run.message).toContain('"nope"');
  });

  it('appliesTo gives not-applicable with its reason', async () => {
    const rule = defineRule({
      meta: { ...meta, id: 'na' },
      appliesTo: () => ({ reason: 'nothing to see' }),
      check: () => pass('x', []),
    });
    expect(await runRuleOn(rule, { 'a.txt': 'x' })).toMatchObject({
      outcome: 'not-applicable',
      message: 'nothing to see',
      score: null,
    });
  });

  it('an empty repository, or one with only housekeeping files, is not judged by any rule', async () => {
    const rule = defineRule({ meta: { ...meta, id: 'vacuous' }, check: () => pass('nothing wrong', []) });
    expect(await runRuleOn(rule, {})).toMatchObject({
      outcome: 'not-applicable',
      message: 'the repository has no files',
    });
    expect(await runRuleOn(rule, { '.gitignore': 'node_modules\n', LICENSE: 'MIT' })).toMatchObject({
      outcome: 'not-applicable',
      message: 'the repository holds only .gitignore, LICENSE: nothing to assess',
    });
    expect((await runRuleOn(rule, { LICENSE: 'MIT', 'README.md': '# x\n' })).outcome).toBe('pass');
  });
});
