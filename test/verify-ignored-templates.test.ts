/**
 * readiness verify: a configuration template (.env.example) the document says is there, which a broad
 * .gitignore rule (".env.*") keeps out of the repository, is not there for anyone who clones it (round
 * 30, development set); the settings file itself (.env) stays kept out by design.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a configuration template a .gitignore keeps out', () => {
  const tree: Tree = {
    '.gitignore': 'node_modules/\n.env\n.env.*\n',
    'package.json': '{"name":"api","dependencies":{"express":"^4.19.0"}}\n',
    'src/index.js': "require('dotenv').config();\nconst port = process.env.PORT;\n",
  };
  const doc = [
    '# Validation', // 1
    '', // 2
    '| Check | Status | Notes |', // 3
    '|---|---|---|', // 4
    '| Environment config exists | ✅ PASS | .env.example with 43 variables |', // 5
    '| Local settings | ✅ PASS | .env configured |', // 6
  ].join('\n');
  const { at } = verifier('VALIDATION.md')(tree, doc, reportWith([]));

  it('is contradicted, citing the .gitignore rule that keeps it out', () => {
    expect(at(5).verdict, at(5).reason).toBe('contradicted');
    expect(at(5).reason).toContain('.gitignore:3');
    expect(at(5).evidence[0]?.path).toBe('.gitignore');
  });
  it('while .env itself, kept out by design, is not judged by its absence', () => {
    expect(at(6).verdict).not.toBe('contradicted');
  });
});
