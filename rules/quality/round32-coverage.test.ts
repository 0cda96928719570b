import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import coverageGate from './coverage-gate.js';

/**
 * Blind round 32: a threshold key was counted whatever its value. ExCoveralls' `"minimum_coverage": 0`
 * fails nothing, and a Codecov file whose only status is `patch` (project off) checks new lines
 * only: overall coverage may still fall.
 */
describe('round 32: a floor of 0 is no gate, a patch-only Codecov status is partial', () => {
  it('coveralls.json minimum_coverage 0 is no gate', async () => {
    const run = await runRuleOn(coverageGate, {
      'mix.exs': 'defmodule App.MixProject do\nend\n',
      'coveralls.json': '{\n  "coverage_options": {\n    "minimum_coverage": 0\n  }\n}\n',
    });
    expect(run.outcome).toBe('fail');
  });

  it('coveralls.json minimum_coverage 85 is a gate', async () => {
    const run = await runRuleOn(coverageGate, {
      'mix.exs': 'defmodule App.MixProject do\nend\n',
      'coveralls.json': '{\n  "coverage_options": {\n    "minimum_coverage": 85\n  }\n}\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('(85)');
  });

  it('a Codecov target of 0% is no gate', async () => {
    const run = await runRuleOn(coverageGate, {
      'codecov.yml': 'coverage:\n  status:\n    project:\n      default:\n        target: 0%\n',
    });
    expect(run.outcome).toBe('fail');
  });

  it('only a patch status (project: false) is partial, not a pass', async () => {
    const run = await runRuleOn(coverageGate, {
      '.github/codecov.yml':
        'coverage:\n  status:\n    patch:\n      default:\n        threshold: 80%\n    project: false\n',
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('patch status');
  });

  it('a patch status beside a project status with a target passes', async () => {
    const run = await runRuleOn(coverageGate, {
      'codecov.yml':
        'coverage:\n  status:\n    project:\n      default:\n        target: 75%\n    patch:\n      default:\n        target: 80%\n',
    });
    expect(run.outcome).toBe('pass');
  });
});
