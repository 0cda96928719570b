/**
 * readiness verify: an open box without a mark of its own ("- [ ] OpenTelemetry integration") in a
 * roadmap that ticks other boxes is work still to do. Found done, the roadmap is out of date
 * (contradicted); found absent or half there, nothing is confirmed — the line states no finding. An
 * open box under a heading of gaps ("## Missing") is still the document's claim of absence.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': JSON.stringify({
    name: 'shop',
    dependencies: { express: '^4.19.0', 'prom-client': '^15.1.0' },
  }),
  'src/server.js': [
    "const express = require('express');",
    "const client = require('prom-client');",
    'const app = express();',
    'client.collectDefaultMetrics();',
    "app.get('/metrics', async (req, res) => res.end(await client.register.metrics()));",
    "app.get('/health', (req, res) => res.json({ ok: true }));",
    'app.listen(3000);',
  ].join('\n'),
};

const verify = verifier('docs/MILESTONES.md');

describe('open boxes of a roadmap', () => {
  const doc = [
    '# Milestones', // 1
    '', // 2
    '## Phase 1 ✅', // 3
    '- [x] Express server in `src/server.js`', // 4
    '', // 5
    '## Phase 2', // 6
    '- [ ] OpenTelemetry integration', // 7
    '- [ ] Prometheus metrics', // 8
    '- [ ] API versioning', // 9
  ].join('\n');
  const { at, has } = verify(tree, doc);

  it('the ticked item is still checked', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('an open item found absent is not confirmed', () => {
    for (const line of [7, 9]) expect(has(line) ? at(line).verdict : 'none').toMatch(/none|unverifiable/);
  });
  it('an open item found done says the roadmap is out of date', () => {
    expect(at(8).verdict).toBe('contradicted');
  });
});

describe('an open box under a heading of gaps', () => {
  const doc = [
    '# Review', // 1
    '', // 2
    '## Done', // 3
    '- [x] Health check endpoint', // 4
    '', // 5
    '## Missing', // 6
    '- [ ] OpenTelemetry integration', // 7
  ].join('\n');
  const { at } = verify(tree, doc);

  it('is the document saying it is absent, and is confirmed when it is', () => {
    expect(at(7).verdict).toBe('confirmed');
  });
});

describe('open boxes under a label of steps to take', () => {
  const doc = [
    '# Assessment', // 1
    '', // 2
    '## Critical issues', // 3
    '### Tracing: MISSING', // 4
    '- [x] Express server in `src/server.js`', // 5
    '**Action Items:**', // 6
    '- [ ] OpenTelemetry integration', // 7
    '- [ ] API versioning', // 8
  ].join('\n');
  const { at, has } = verify(tree, doc);

  it('are steps, not findings: not read as claims', () => {
    expect(at(5).verdict).toBe('confirmed');
    for (const line of [7, 8]) expect(has(line)).toBe(false);
  });
});
