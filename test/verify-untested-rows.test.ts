/**
 * readiness verify: a row of a coverage table that says a unit has no tests ("| filter | 0% | ❌ NO
 * TESTEADO |"). A test file in a folder of the unit's name, or named for it, makes the row out of
 * date; a unit no test is found for stays open.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('"NO TESTEADO" rows of a coverage table', () => {
  const tree: Tree = {
    'pom.xml': '<project><artifactId>shop</artifactId></project>\n',
    'src/main/java/filter/CorsFilter.java': 'package filter;\npublic class CorsFilter {}\n',
    'src/main/java/utils/Money.java': 'package utils;\npublic class Money {}\n',
    'src/main/java/mapper/OrderMapper.java': 'package mapper;\npublic class OrderMapper {}\n',
    'src/test/java/filter/CorsFilterTest.java':
      'package filter;\nimport org.junit.jupiter.api.Test;\nclass CorsFilterTest {\n  @Test void allows() {}\n}\n',
    'src/test/java/utils/MoneyTest.java':
      'package utils;\nimport org.junit.jupiter.api.Test;\nclass MoneyTest {\n  @Test void adds() {}\n}\n',
  };
  const doc = [
    '# Reporte de calidad', // 1
    '', // 2
    '| Paquete | Líneas | Ramas | Estado |', // 3
    '|---|---|---|---|', // 4
    '| **filter** | 0% | 0% | ❌ NO TESTEADO |', // 5
    '| **utils** | 0% | 0% | ❌ Not tested |', // 6
    '| **mapper** | 0% | 0% | ❌ NO TESTEADO |', // 7
  ].join('\n');
  const { at } = verifier('REPORTE.md')(tree, doc, reportWith([]));

  it("is out of date where a test file sits in the unit's folder", () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('src/test/java/filter/CorsFilterTest.java');
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('MoneyTest.java');
  });
  it('is not confirmed where no test is found: one may be named otherwise', () => {
    expect(at(7).verdict).not.toBe('contradicted');
    expect(at(7).verdict).not.toBe('confirmed');
  });
});
