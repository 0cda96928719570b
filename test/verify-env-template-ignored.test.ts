/**
 * readiness verify: ".env.example" is the template of settings meant to be committed. Named by a
 * document but kept out by a broad ".env.*" rule of .gitignore, it is not in the repository — a
 * clone does not hold it — so the line is contradicted at the rule. The ".env" itself, kept out by
 * design, still says nothing by its absence.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': '{"name":"api","dependencies":{"express":"^4.18.0"}}\n',
  '.gitignore': 'node_modules/\n.env\n.env.*\n',
  'src/index.js': 'const port = process.env.PORT;\n',
};

describe('an environment template a .gitignore rule keeps out', () => {
  const doc = [
    '# Validation', // 1
    '', // 2
    '| Check | Status | Evidence |', // 3
    '|---|---|---|', // 4
    '| Environment config exists | ✅ PASS | `.env.example` with 12 variables |', // 5
    '| Local secrets file | ✅ PASS | `.env` |', // 6
  ].join('\n');
  const { at, has } = verifier('VALIDATION.md')(tree, doc, reportWith([]));

  it('is contradicted, with the ignore rule as evidence', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).evidence.some((e) => e.path === '.gitignore' && e.line === 3)).toBe(true);
  });
  it('leaves the ignored .env itself open', () => {
    if (has(6)) expect(at(6).verdict).not.toBe('contradicted');
  });
});
