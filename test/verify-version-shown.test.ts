/**
 * readiness verify: a line that gives a named package a version ("esbuild: 0.21.5 → 0.27.0",
 * "Spring Boot Version: 4.0.0") is confirmed only by a finding that shows that version; a line that
 * gives a run's figure ("TypeScript Errors: 13 → 0") is not confirmed by the package being declared.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json':
    '{"name":"web","version":"1.0.0","dependencies":{"react":"18.2.0"},"devDependencies":{"vite":"^7.1.7","typescript":"~5.9.3"}}\n',
  'src/main.tsx': "import React from 'react';\nexport const App = () => null;\n",
};

describe('a version or a figure given of a named package', () => {
  const doc = [
    '# Upgrade', // 1
    '', // 2
    '## Dependencies ✅', // 3
    '- **react:** 18.2.0', // 4
    '- **esbuild:** 0.21.5 → 0.27.0 (indirectly via Vite)', // 5
    '- ✅ TypeScript Errors: 13 → 0', // 6
  ].join('\n');
  const { at } = verifier('UPGRADE.md')(tree, doc, reportWith([]));

  it('is confirmed by the manifest holding that version', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('is not confirmed by another package that is there', () => {
    expect(at(5).verdict).not.toBe('confirmed');
  });
  it('is not confirmed by the compiler being a dependency', () => {
    expect(at(6).verdict).not.toBe('confirmed');
  });
});
