/**
 * readiness verify: "#### ProductoService (13 tests)" heads the tests of a class, not a file named
 * ProductoService: no file of that name never makes the count out of date; the one test file named
 * for the class (ProductoServiceIntegrationTest.java) settles it, a precise count either way. A test file a heading
 * names by its path ("### tests/test_api.py (3 tests)") is still looked up as a file.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const tests = (cls: string, n: number) =>
  [
    'import org.junit.jupiter.api.Test;',
    `class ${cls} {`,
    ...Array.from({ length: n }, (_, i) => `  @Test void case${i}() {}`),
    '}',
  ].join('\n');

const tree: Tree = {
  'pom.xml': '<project><artifactId>farma</artifactId></project>\n',
  'src/main/java/services/ProductoDAO.java': 'class ProductoDAO {}\n',
  'src/test/java/services/ProductoServiceIntegrationTest.java': tests('ProductoServiceIntegrationTest', 13),
  'src/test/java/services/VentaServiceIntegrationTest.java': tests('VentaServiceIntegrationTest', 17),
};

describe('a heading that counts the tests of a class', () => {
  const doc = [
    '# Reporte', // 1
    '', // 2
    '## Pruebas', // 3
    '', // 4
    '#### ProductoService (13 tests)', // 5
    '', // 6
    '### tests/test_api.py (3 tests)', // 7
    '', // 8
    '#### VentaService (12 tests)', // 9
    '', // 10
    '#### ProductoService (13 tests) - 4 @Nested', // 11
  ].join('\n');
  const { at } = verifier('REPORTE.md')(tree, doc);
  it('is confirmed by the one test file named for the class, not contradicted for want of a file', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]!.path).toBe('src/test/java/services/ProductoServiceIntegrationTest.java');
  });
  it('is left open (not confirmed) when that file holds another count: the document may count a part', () => {
    expect(at(9).verdict).not.toBe('confirmed');
  });
  it('a count followed by another statement is not confirmed on the count alone', () => {
    expect(at(11).verdict).not.toBe('confirmed');
  });
  it('a test file named by its path and not there is still out of date', () => {
    expect(at(7).verdict).toBe('contradicted');
  });
});
