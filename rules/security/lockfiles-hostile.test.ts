/**
 * A workspace written to be slow (trust review, mend44): each manifest filtered every dependency of
 * the tree for its own, quadratic in manifests (20,000 packages: an audit of 116 s, 5,000: 10 s).
 * Asserted on the verdict, never timed.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../../src/testing/memory.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './lockfiles.js';

describe('hostile workspaces', () => {
  it('2,000 packages of 20 dependencies each, one lockfile at the root, are all locked by it', async () => {
    const n = 2_000;
    const deps = Object.fromEntries(Array.from({ length: 20 }, (_, j) => [`dep${j}`, '^1.0.0']));
    const tree: Tree = {
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'package-lock.json': '{"lockfileVersion":3}',
    };
    for (let i = 0; i < n; i++)
      tree[`packages/p${i}/package.json`] = JSON.stringify({ name: `p${i}`, version: '1.0.0', dependencies: deps });
    const run = await runRuleOn(rule, tree);
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/^All 2000 dependency manifests have their lockfile/);
  });
});
