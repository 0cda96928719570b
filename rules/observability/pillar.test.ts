import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import pillar from './index.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/obs-node-service', import.meta.url));

function load(dir: string): Tree {
  const tree: Tree = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else tree[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return tree;
}

describe('observability pillar on fixtures/obs-node-service', () => {
  const tree = load(FIXTURE);

  for (const { rule } of pillar.rules) {
    it(`${rule.meta.id} passes on the instrumented service`, async () => {
      const run = await runRuleOn(rule, tree);
      expect(run.outcome, run.message).toBe('pass');
      expect(run.evidence.every((e) => e.path !== '.' && tree[e.path] !== undefined)).toBe(true);
    });
  }

  it('the same service stripped of its instrumentation passes none of the rules', async () => {
    const bare: Tree = {
      'package.json': JSON.stringify({ name: 'orders-api', dependencies: { express: '^4.19.0' } }, null, 2),
      'src/server.js':
        "const express = require('express');\nconst app = express();\napp.get('/orders', (_req, res) => res.json([]));\napp.listen(3000);\n",
    };
    for (const { rule } of pillar.rules) {
      const run = await runRuleOn(rule, bare);
      expect(run.outcome, `${rule.meta.id}: ${run.message}`).toBe('fail');
    }
  });
});
