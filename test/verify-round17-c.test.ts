/**
 * readiness verify: wrong confirmations (round 17, seventh session, helper c). A confirmation must rest
 * on the claim's distinctive subject AND value: each case is a small document of our own against an
 * in-memory tree where the subject is there but the value the line gives is not what was compared.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a value the line gives is compared, not only its subject', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","version":"1.0.0","dependencies":{"express":"^4.0.0"}}',
    'src/server.js': [
      "const express = require('express');",
      'const app = express();',
      "app.get('/catalog/list', (req, res) => res.json([]));",
      'app.listen(8080);',
    ].join('\n'),
    'README.md': '# Shop\n\nRun `npm start`.\n',
  };
  const doc = [
    '# Build report', // 1
    '', // 2
    '- ✅ `/catalog/list`: 312 KB', // 3
    '- ✅ `/catalog/list` route', // 4
    '| Documentation | 70% | ✅ |', // 5
  ].join('\n');
  const { at } = verifier('BUILD.md')(tree, doc, reportWith([]));

  it('a size beside a route that exists is not confirmed by the route', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain('312 KB');
  });
  it('the route alone is still confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it("an author's score beside a short label is not confirmed by the README being there", () => {
    expect(at(5).verdict).not.toBe('confirmed');
    expect(at(5).verdict).not.toBe('partially-confirmed');
  });
});
