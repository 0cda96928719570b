/**
 * readiness verify: "Tests absents - 0% coverage", a line that says the whole suite is absent and gives
 * the coverage that follows. Test files in the repository make it out of date; a repository without
 * tests leaves it to the rest (never contradicted).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const doc = [
  '# Statut', // 1
  '', // 2
  '## Problèmes', // 3
  '- ❌ **Tests absents** - 0% coverage', // 4
  '- ❌ No tests: coverage 0%', // 5
  '- ❌ No tests for the parser', // 6
].join('\n');

describe('the suite said absent beside its coverage', () => {
  it('is out of date where test files hold tests', () => {
    const tree: Tree = {
      'requirements.txt': 'django==5.0\n',
      'app/views.py': 'def index(request):\n    return None\n',
      'app/tests/test_views.py': 'def test_index():\n    assert True\n\ndef test_other():\n    assert True\n',
    };
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('test cases');
    expect(at(4).evidence[0]?.path).toBe('app/tests/test_views.py');
    expect(at(5).verdict).toBe('contradicted');
  });
  it('is not contradicted where the repository holds no tests', () => {
    const tree: Tree = {
      'requirements.txt': 'django==5.0\n',
      'app/views.py': 'def index(request):\n    return None\n',
    };
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(4).verdict).not.toBe('contradicted');
    expect(at(5).verdict).not.toBe('contradicted');
  });
});
