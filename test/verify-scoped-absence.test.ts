/**
 * readiness verify: "**Pagination absente** - StudentListView", "**Cache absent** - GlobalSettings" in a
 * list of problems say a thing is missing, and where: the word of absence after the subject (French,
 * Portuguese, Spanish) marks a gap as "Missing pagination" does, and the code names after the dash
 * scope it. The names being there, or the thing being found elsewhere, neither confirms nor
 * contradicts the gap in them; an absence said of the whole repository is still contradicted.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'requirements.txt': 'django==4.2\n',
  'app/stats.py': 'from django.core.cache import cache\n\ndef get_stats():\n    return cache.get("stats")\n',
  'app/models.py': 'class GlobalSettings:\n    def load(self):\n        return 1\n',
  'app/views.py': 'class StudentListView:\n    pass\n',
};

describe('an absence in a list of problems, scoped to the code it names', () => {
  const doc = [
    '# Problèmes', // 1
    '', // 2
    '### HIGH (À corriger)', // 3
    '', // 4
    '1. **Pagination absente** - StudentListView', // 5
    '2. **Cache absent** - GlobalSettings', // 6
    '3. **Cache absent**', // 7
  ].join('\n');
  const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));

  it('is read as a gap, and the names of its scope do not confirm it', () => {
    expect(at(5).asserted).toBe('not-done');
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(5).reason).toContain('missing in StudentListView');
  });
  it('is not contradicted by the thing found elsewhere', () => {
    expect(at(6).verdict).toBe('unverifiable');
    expect(at(6).reason).toContain('missing in GlobalSettings');
  });
  it('is contradicted when said of the whole repository', () => {
    expect(at(7).verdict).toBe('contradicted');
  });
});
