/**
 * readiness verify: the title of an audit's finding that states an absence ("### 6. Missing Rate
 * Limiting", "### 3. **No Input Validation**", "#### Issue 1: Missing Security Headers") is the
 * document's claim that the thing is absent: contradicted when the repository has it (a stale audit),
 * confirmed when it lacks it. A title of a topic ("### Rate Limiting") or of a plan stays no claim.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0', 'express-rate-limit': '^7.1.0' } }),
  'src/app.js': [
    "const express = require('express');",
    "const rateLimit = require('express-rate-limit');",
    'const app = express();',
    'app.use(rateLimit({ windowMs: 60000, max: 100 }));',
  ].join('\n'),
};
const report = reportWith([
  {
    id: 'reliability/rate-limiting',
    outcome: 'pass',
    message: 'Rate limiting found',
    evidence: [{ path: 'src/app.js', line: 4 }],
  },
  {
    id: 'observability/metrics',
    outcome: 'fail',
    message: 'No metrics library, metrics code or /metrics route found',
    evidence: [],
  },
]);
const verify = verifier('SECURITY_AUDIT.md');

describe('a finding titled by what is absent', () => {
  const doc = [
    '# Security Audit', // 1
    '', // 2
    '## Findings', // 3
    '', // 4
    '### 6. Missing Rate Limiting', // 5
    'Login can be brute-forced.', // 6
    '', // 7
    '### 7. **No Metrics**', // 8
    'Nothing is measured.', // 9
    '', // 10
    '### 8. Rate Limiting', // 11
    '', // 12
    '### 9. No need to change the logger', // 13
    '', // 14
    '### 10. Missing Transaction Rollback in User Registration', // 15
    '', // 16
    '### 11. Missing API Rate Limiting Configuration', // 17
  ].join('\n');
  const { at, has } = verify(tree, doc, report);

  it('is out of date when the repository has the thing', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).evidence[0]).toMatchObject({ path: 'src/app.js' });
  });
  it('is confirmed when the repository lacks it', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
  it('a title that only names a topic, or says no need, is no claim of absence', () => {
    expect(has(11) ? at(11).verdict : 'none').not.toBe('contradicted');
    expect(has(13)).toBe(false);
  });
  it('a title that places the gap or names one detail of the practice is not a finding of the whole practice', () => {
    expect(has(15)).toBe(false);
    expect(has(17)).toBe(false);
  });
});

describe('under a plan', () => {
  const doc = ['# Roadmap', '', '## Next steps', '', '### 1. Missing Rate Limiting'].join('\n');
  const { has } = verify(tree, doc, report);
  it('a title of work to do is not read', () => {
    expect(has(5)).toBe(false);
  });
});
