/**
 * readiness verify: a table row about a script or command ("| Unit test script | ✅ PASS | test:unit |")
 * names the command in a cell of its own: confirmed at the manifest line that declares it. A bare
 * "build" in a row of results, or a name no manifest declares, is not settled this way.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': [
    '{',
    '  "name": "api",',
    '  "scripts": {',
    '    "build": "tsc",',
    '    "test:unit": "jest test/unit",',
    '    "test:e2e": "jest test/e2e"',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/index.ts': 'export const x = 1;\n',
};

describe('a script named in a table cell', () => {
  const doc = [
    '# Validation', // 1
    '', // 2
    '| Check | Status | Evidence |', // 3
    '|---|---|---|', // 4
    '| Unit test script | ✅ PASS | test:unit |', // 5
    '| E2E test script | ✅ PASS | `test:e2e` |', // 6
    '| Coverage script | ✅ PASS | test:cov |', // 7
    '| Build | ✅ PASS | build |', // 8
  ].join('\n');
  const { at, has } = verifier('VALIDATION.md')(tree, doc, reportWith([]));

  it('is confirmed at the line of package.json that declares it', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]).toMatchObject({ path: 'package.json', line: 5 });
    expect(at(6).verdict).toBe('confirmed');
  });
  it('is not confirmed when no manifest declares the name', () => {
    if (has(7)) expect(at(7).verdict).not.toBe('confirmed');
  });
  it('does not read a bare command name in a row of results', () => {
    if (has(8)) expect(at(8).reason).not.toContain('declares the command build');
  });
});
