/**
 * readiness verify: classes found on round 14 (rounds 5–14 used for development, fifth session),
 * each on a small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': JSON.stringify({ name: 'teapot', dependencies: { express: '^4.0.0', 'lru-cache': '^10.0.0' } }),
  'src/app.js': [
    "const express = require('express');",
    "const { LRUCache } = require('lru-cache');",
    'const cache = new LRUCache({ max: 100 });',
    'const app = express();',
    "app.get('/pots', (req, res) => res.json(cache.get('pots') ?? []));",
    'module.exports = app;',
  ].join('\n'),
};

describe('the mechanism a claim names must be the one found (issue 16)', () => {
  const doc = [
    '# Teapot notes', // 1
    '', // 2
    '- ✅ Redis caching for the pot list', // 3
    '- ✅ In-memory caching for the pot list', // 4
    '- No Redis is used', // 5
  ].join('\n');
  const { at, has } = verifier('NOTES.md')(tree, doc, reportWith([]));

  it('caching is found, but the product named (Redis) is nowhere: contradicted, saying both', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('Redis');
    expect(at(3).reason).toContain('caching');
  });

  it('a claim of the practice alone is still confirmed by it', () => {
    expect(at(4).verdict).toBe('confirmed');
  });

  it('a negated line naming the product is not turned against itself', () => {
    if (has(5)) expect(at(5).verdict).not.toBe('contradicted');
  });
});

describe('a rule that found another tool does not confirm the tool the line names', () => {
  const formatting = {
    id: 'quality/formatting',
    outcome: 'pass',
    message: 'PHP-CS-Fixer configured and checked in CI (PHP-CS-Fixer)',
    evidence: [{ path: '.php-cs-fixer.dist.php' }],
  };
  const doc = ['# Tooling', '', '- ✅ Prettier formatting', '- ✅ Code formatting enforced'].join('\n');
  const { at } = verifier('TOOLING.md')(tree, doc, reportWith([formatting]));

  it('the named tool is not in the evidence, nor anywhere: not confirmed', () => {
    expect(['confirmed', 'partially-confirmed']).not.toContain(at(3).verdict);
  });
});

describe('an identifier found in the code does not settle a possibility said of it', () => {
  const t: Tree = {
    ...tree,
    'src/config.js': 'module.exports = { token: process.env.KETTLE_PAYMENT_TOKEN };\n',
  };
  const doc = [
    '# Riscos', // 1
    '', // 2
    '- `KETTLE_PAYMENT_TOKEN` peut manquer en production', // 3
    '- `KETTLE_PAYMENT_TOKEN` is read in src/config.js', // 4
  ].join('\n');
  const { at } = verifier('RISQUES.md')(t, doc, reportWith([]));

  it('a possibility (peut manquer) is not confirmed by the name occurring', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain('peut');
  });

  it('the plain statement is still confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
});

describe("the state of a run or the author's own verdict is unverifiable", () => {
  const t: Tree = {
    ...tree,
    '.github/workflows/ci.yml': [
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: npm test',
    ].join('\n'),
  };
  const doc = [
    '# Journal', // 1
    '', // 2
    '- Fixed the GitHub Actions workflow so that all tests are now green', // 3
    '- ✅ Security scan complete', // 4
    '- Homologação: Apto com ressalvas', // 5
  ].join('\n');
  const { at, has } = verifier('JOURNAL.md')(t, doc, reportWith([]));

  it('neither a green run, a finished scan nor a verdict is confirmed', () => {
    for (const line of [3, 4, 5])
      if (has(line)) expect(['confirmed', 'partially-confirmed']).not.toContain(at(line).verdict);
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(4).reason).toContain('outcome of a run');
  });
});
