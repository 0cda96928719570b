/**
 * readiness verify: a Java, Kotlin or C# test class named with its count of cases, in any of the
 * document's languages ("PriceValidatorTest (3 casos)", "OrderServiceTest (4 tests)"), is counted by
 * the test markers (@Test, @ParameterizedTest, [Fact]) of the one file named after the class: the
 * count the file holds confirms the line, another count contradicts it.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const javaTest = (name: string, n: number) =>
  [
    'package com.example;',
    '',
    'import org.junit.jupiter.api.Test;',
    '',
    `class ${name} {`,
    ...Array.from({ length: n }, (_, k) => [`    @Test`, `    void case${k}() {}`, '']).flat(),
    '}',
    '',
  ].join('\n');

describe('a JVM test class named with its count of cases', () => {
  const tree: Tree = {
    'pom.xml':
      '<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>b</artifactId><version>1</version></project>\n',
    'src/main/java/com/example/PriceValidator.java': 'package com.example;\n\npublic class PriceValidator {}\n',
    'src/test/java/com/example/PriceValidatorTest.java': javaTest('PriceValidatorTest', 3),
    'src/test/java/com/example/OrderServiceTest.java': javaTest('OrderServiceTest', 5),
  };
  const doc = [
    '# Testes', // 1
    '', // 2
    '✓ PriceValidatorTest (3 casos)', // 3
    '✓ OrderServiceTest (4 casos)', // 4
    '✓ OrderServiceTest (5 tests)', // 5
  ].join('\n');
  const { at } = verifier('TESTES.md')(tree, doc);

  it('the count the file holds confirms the line', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(5).verdict).toBe('confirmed');
    expect(at(3).evidence.some((e) => e.path === 'src/test/java/com/example/PriceValidatorTest.java')).toBe(true);
  });
  it('another count contradicts it, saying how many the file holds', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('5 test methods');
  });
});
