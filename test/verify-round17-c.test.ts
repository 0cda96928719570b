/**
 * readiness verify: wrong confirmations (round 17, seventh session, helper c). A confirmation must rest
 * on the claim's distinctive subject AND value: each case is a small document of our own against an
 * in-memory tree where the subject is there but the value the line gives is not what was compared.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a value the line gives is compared, not only its subject', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","version":"1.0.0","dependencies":{"express":"^4.0.0"}}',
    'src/server.js': [
      "const express = require('express');",
      'const app = express();',
      "app.get('/catalog/list', (req, res) => res.json([]));",
      'app.listen(8080);',
    ].join('\n'),
    'README.md': '# Shop\n\nRun `npm start`.\n',
  };
  const doc = [
    '# Build report', // 1
    '', // 2
    '- ✅ `/catalog/list`: 312 KB', // 3
    '- ✅ `/catalog/list` route', // 4
    '| Documentation | 70% | ✅ |', // 5
  ].join('\n');
  const { at } = verifier('BUILD.md')(tree, doc, reportWith([]));

  it('a size beside a route that exists is not confirmed by the route', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain('312 KB');
  });
  it('the route alone is still confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it("an author's score beside a short label is not confirmed by the README being there", () => {
    expect(at(5).verdict).not.toBe('confirmed');
    expect(at(5).verdict).not.toBe('partially-confirmed');
  });
});

describe("a run's verdict, a judgement of completeness and a removal of a phrase are not confirmed by presence", () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","version":"1.0.0","dependencies":{"express":"^4.0.0"}}',
    '.github/workflows/ci.yml': [
      'name: ci',
      'on: [push]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm ci',
      '      - run: npm test',
    ].join('\n'),
    'src/server.js': "const express = require('express');\nmodule.exports = express();\n",
    'test/server.test.js': "test('starts', () => { expect(require('../src/server')).toBeTruthy(); });\n",
    'README.md': '# Shop\n\n## Install\n\nRun `npm ci`.\n\n## Usage\n\nRun `npm start`.\n',
    'config/application.yml': 'management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info\n',
  };
  const doc = [
    '# Status', // 1
    '', // 2
    '- CI/CD Pipeline: PASS', // 3
    '- ✅ Documentation complete', // 4
    '- ✅ Eliminated per-tenant cache lookups in loop', // 5
    "- ✅ `include: '*'` — all endpoints exposed", // 6
    '- ✅ Documentation', // 7
  ].join('\n');
  const ci = {
    id: 'operations/ci-pipeline',
    outcome: 'pass',
    message: 'CI (github-actions) builds and runs the tests',
    evidence: [{ path: '.github/workflows/ci.yml' }],
    score: 1,
  };
  const { at } = verifier('STATUS.md')(tree, doc, reportWith([ci]));
  const confirmedish = (line: number) => ['confirmed', 'partially-confirmed'].includes(at(line).verdict);

  it('a topic with a run verdict is not confirmed by the CI rule', () => {
    expect(confirmedish(3)).toBe(false);
  });
  it('how complete documentation is, is not shown by a README', () => {
    expect(confirmedish(4)).toBe(false);
    expect(at(7).verdict).toBe('confirmed');
  });
  it('a phrase of several words no manifest names is not a removed package', () => {
    expect(confirmedish(5)).toBe(false);
  });
  it('a wildcard the line quotes contradicts a key set to a list of names', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toContain('health,info');
  });
});

describe('an annotation named with its arguments is the subject the arguments belong to', () => {
  const tree: Tree = {
    'pom.xml': '<project><artifactId>shop</artifactId></project>',
    'src/main/java/shop/Security.java': [
      'package shop;',
      '@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)',
      'public class Security {}',
    ].join('\n'),
  };
  const doc = [
    '# Security', // 1
    '', // 2
    '- ✅ `@EnableGlobalMethodSecurity(securedEnabled = true, jsr250Enabled = true)`', // 3
    '- ✅ `@EnableMethodSecurity(securedEnabled = true)`', // 4
  ].join('\n');
  const { at } = verifier('SECURITY.md')(tree, doc, reportWith([]));

  it('arguments found on another annotation do not confirm one the code does not have', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('@EnableGlobalMethodSecurity');
  });
  it('the annotation the code has, with its argument, is confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
});

describe('a status line under a heading is the heading with a run verdict', () => {
  const tree: Tree = {
    'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n',
    'src/main.rs': 'fn main() {}\n',
    '.github/workflows/ci.yml':
      'name: ci\non: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test\n',
  };
  const doc = ['# Readiness', '', '## 3. CI/CD Pipeline', '', '- [x] Tests run on push', '', '**Status**: PASS'].join(
    '\n',
  );
  const ci = {
    id: 'operations/ci-pipeline',
    outcome: 'pass',
    message: 'CI (github-actions) builds and runs the tests',
    evidence: [{ path: '.github/workflows/ci.yml' }],
    score: 1,
  };
  const { at } = verifier('READINESS.md')(tree, doc, reportWith([ci]));
  it("the rule's finding does not confirm the author's PASS", () => {
    expect(at(7).verdict).toBe('unverifiable');
    expect(at(7).reason).toContain('PASS');
  });
});
