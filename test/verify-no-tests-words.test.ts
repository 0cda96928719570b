/**
 * readiness verify: "Nenhum teste encontrado", "Ningún test implementado", "Aucun test trouvé", "No tests
 * implemented" say the repository has no tests, as "No tests found" does: contradicted beside a test
 * suite, confirmed where there is none. A warning sign on such a line ("⚠️ Nenhum teste encontrado") marks an
 * absence, not a partial state.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const doc = [
  '# Estado', // 1
  '', // 2
  '## Testes', // 3
  '', // 4
  '- ❌ Nenhum teste encontrado (arquivos de teste vazios)', // 5
  '- ❌ Nenhum teste implementado', // 6
  '- ❌ Ningún test implementado', // 7
  '- ❌ Aucun test trouvé', // 8
  '- ❌ No tests implemented', // 9
  '- ⚠️ Nenhum teste encontrado', // 10
].join('\n');

const code: Tree = {
  'requirements.txt': 'fastapi==0.110.0\npytest==8.0.0\n',
  'app/main.py': 'def handler():\n    return 1\n',
};

describe('"no tests" in several languages', () => {
  it('is contradicted beside a test suite', () => {
    const tree: Tree = {
      ...code,
      'tests/test_main.py': 'def test_a():\n    assert 1\n\ndef test_b():\n    assert 2\n',
    };
    const { at } = verifier('STATUS.md')(tree, doc);
    for (const line of [5, 6, 7, 8, 9, 10]) {
      expect(at(line).verdict).toBe('contradicted');
      expect(at(line).reason).toContain('2 test cases');
    }
  });
  it('is confirmed where the repository holds no tests', () => {
    const { at } = verifier('STATUS.md')(code, doc);
    for (const line of [5, 6, 7, 8, 9, 10]) expect(at(line).verdict).toBe('confirmed');
  });
});
