/**
 * readiness verify: a JUnit 5 @Nested class named with its count ("CrearPedidos (3 tests)"). Its test
 * markers are counted from its declaration to its closing brace; a class not nested, or declared twice,
 * is not counted.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const orderTest = [
  'package services;', // 1
  'import org.junit.jupiter.api.*;', // 2
  'class OrderServiceIntegrationTest {', // 3
  '    @Nested', // 4
  '    @DisplayName("crear")', // 5
  '    class CrearPedidos {', // 6
  '        @Test void crea() { String s = "}"; }', // 7
  '        @Test', // 8
  '        void creaDos() {', // 9
  '            if (true) { }', // 10
  '        }', // 11
  '    }', // 12
  '    @Nested', // 13
  '    class CancelarPedidos {', // 14
  '        @Test void cancela() {}', // 15
  '        @Test void cancelaDos() {}', // 16
  '        @Test void cancelaTres() {}', // 17
  '    }', // 18
  '    class BuscarPedidos {', // 19
  '        @Test void busca() {}', // 20
  '    }', // 21
  '}', // 22
].join('\n');

const nested = (outer: string, n: number) =>
  [
    'package services;',
    `class ${outer}IntegrationTest {`,
    '    @Nested',
    '    class ObtenerDetalles {',
    ...Array.from({ length: n }, (_, i) => `        @Test void t${i}() {}`),
    '    }',
    '}',
  ].join('\n');

describe('a nested class of the same name in two test classes', () => {
  const tree: Tree = {
    'pom.xml': '<project><artifactId>shop</artifactId></project>\n',
    'src/test/java/services/VentaServiceIntegrationTest.java': `${nested('VentaService', 2)}\n`,
    'src/test/java/services/CompraServiceIntegrationTest.java': `${nested('CompraService', 4)}\n`,
  };
  const doc = [
    '# Calidad', // 1
    '', // 2
    '#### VentaService (2 tests)', // 3
    '- ObtenerDetalles (2 tests)', // 4
    '', // 5
    '#### CompraService (3 tests)', // 6
    '- ObtenerDetalles (3 tests)', // 7
    '', // 8
    '#### Otros', // 9
    '- ObtenerDetalles (2 tests)', // 10
  ].join('\n');
  const { at } = verifier('CALIDAD.md')(tree, doc, reportWith([]));

  it('is counted in the file named for the class its heading gives', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('VentaServiceIntegrationTest.java');
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('CompraServiceIntegrationTest.java');
  });
  it('is not counted when no heading says which', () => {
    expect(at(10).verdict).toBe('unverifiable');
  });
});

describe('counts of @Nested test classes', () => {
  const tree: Tree = {
    'pom.xml': '<project><artifactId>shop</artifactId></project>\n',
    'src/main/java/services/OrderService.java': 'package services;\npublic class OrderService {}\n',
    'src/test/java/services/OrderServiceIntegrationTest.java': `${orderTest}\n`,
  };
  const doc = [
    '# Calidad', // 1
    '', // 2
    '#### OrderService - 2 @Nested', // 3
    '- ✅ CrearPedidos (2 tests)', // 4
    '- ✅ CancelarPedidos (5 tests)', // 5
    '- ✅ BuscarPedidos (1 test)', // 6
  ].join('\n');
  const { at } = verifier('CALIDAD.md')(tree, doc, reportWith([]));

  it('confirms the count its @Test markers give, and names the class where it is declared', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('OrderServiceIntegrationTest.java:6');
  });
  it('is out of date when the nested class holds another count', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('3 test methods');
  });
  it('does not count an inner class that is not @Nested', () => {
    expect(at(6).verdict).not.toBe('confirmed');
    expect(at(6).verdict).not.toBe('contradicted');
  });
});
