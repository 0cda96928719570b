/**
 * readiness verify: "API" in a document's title names the product ("Quality report - Orders API"),
 * not a kind of test: "**Tests**: 3/3" under it counts the whole suite. Under "### API tests" the
 * same count is of the API tests.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'pom.xml': '<project><artifactId>orders</artifactId></project>\n',
  'src/main/java/orders/OrderService.java': 'package orders;\npublic class OrderService {}\n',
  'src/test/java/orders/OrderServiceTest.java': [
    'package orders;',
    'import org.junit.jupiter.api.Test;',
    'class OrderServiceTest {',
    '  @Test void a() {}',
    '  @Test void b() {}',
    '  @Test void c() {}',
    '  @Test void d() {}',
    '}',
    '',
  ].join('\n'),
};

describe('a test count under a title that names the product an API', () => {
  it('is compared with the whole suite: a suite that grew makes it out of date', () => {
    const doc = ['# Quality report - Orders API', '', '**Tests**: 3/3 passing (100%)'].join('\n');
    const { at } = verifier('QUALITY.md')(tree, doc, reportWith([]));
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('4');
  });
  it('confirms the count the suite holds', () => {
    const doc = ['# Quality report - Orders API', '', '**Tests**: 4/4 passing (100%)'].join('\n');
    const { at } = verifier('QUALITY.md')(tree, doc, reportWith([]));
    expect(at(3).verdict).not.toBe('contradicted');
  });
});
