/**
 * readiness verify: recall of claim lines by their shape (rounds 5–17, seventh session). A plain list
 * item with no mark and no code named states how the repository is, when the heading over it sets no
 * other reading; it counts as read but is never confirmed by the loose matches its words meet. Items
 * under a plan, a priority list, a week of work or actions required, tables of contents, pointers to
 * reading, advice and commands stay out. A link to a folder outside the repository does not reach the .gitignore
 * matcher.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { extractClaims } from '../src/verify/extract.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a plain item under a heading of how things are is a claim', () => {
  const doc = [
    '# Service Report', // 1
    '', // 2
    '## Current State', // 3
    '', // 4
    '- Ledger entries use optimistic locking', // 5
    '- No retry queue for failed webhooks', // 6
    '- Uses the fastify framework', // 7
    '', // 8
    '## High Priority Improvements', // 9
    '', // 10
    '- Ledger entries with optimistic locking', // 11
    '', // 12
    '**Action Required:**', // 13
    '', // 14
    '- Ledger entries behind a feature flag', // 15
    '', // 16
    '## Notes', // 17
    '', // 18
    '1. [Current State](#current-state)', // 19
    '- Reference: [Ledger guide](https://example.org/ledger)', // 20
    '- Caching could be enhanced', // 21
    '- Which queue is used?', // 22
    '- docker compose up -d', // 23
  ].join('\n');

  it('states a practice as there, or as missing when led by "no"', () => {
    const claims = extractClaims(doc);
    const at = (n: number) => claims.find((c) => c.line === n);
    expect(at(5)).toMatchObject({ asserted: 'done', source: 'bullet', loose: true });
    expect(at(6)).toMatchObject({ asserted: 'not-done', loose: true });
  });

  it('leaves out plans, priorities, actions required, contents, pointers, advice, questions and commands', () => {
    const lines = new Set(extractClaims(doc).map((c) => c.line));
    for (const n of [11, 15, 19, 20, 21, 22, 23]) expect(lines.has(n), `line ${n}`).toBe(false);
  });

  it('is not confirmed by a dependency its words name, and links outside the repository do not crash', () => {
    const tree: Tree = {
      'package.json': JSON.stringify({ name: 'svc', dependencies: { fastify: '^4.0.0' } }),
      '.gitignore': 'node_modules/\n',
      'src/index.js': 'const fastify = require("fastify");\n',
    };
    const text = `${doc}\n\n## Docs\n\n- [../shared-notes/](../shared-notes/) shared notes for the team\n`;
    const { at } = verifier('REPORT.md')(tree, text, reportWith([]));
    expect(at(7).verdict).toBe('unverifiable');
    expect(at(7).reason).toMatch(/plain item/);
  });
});

describe('an entry of a changelog says what the repository gained', () => {
  const doc = [
    '# Changelog', // 1
    '', // 2
    '## [0.4.0]', // 3
    '', // 4
    '#### Added', // 5
    '- Ledger export to CSV', // 6
    '- LedgerServiceTest (9 tests)', // 7
    '', // 8
    '### Before:', // 9
    '', // 10
    '- Ledger totals computed by hand', // 11
  ].join('\n');

  it('reads the entries of a changelog as done, and still leaves a "Before" state out', () => {
    const claims = extractClaims(doc);
    const at = (n: number) => claims.find((c) => c.line === n);
    expect(at(6)).toMatchObject({ asserted: 'done', loose: true });
    expect(at(7)).toMatchObject({ asserted: 'done' });
    expect(at(11)).toBeUndefined();
  });
});

describe('a bold label over a list of parts is a claim', () => {
  const doc = [
    '# Service Report', // 1
    '', // 2
    '**Date:** 2026-01-02, Monday', // 3
    '**Auditor:** Platform team, Ledger guild', // 4
    '', // 5
    '## Summary', // 6
    '', // 7
    '**Stack**: Fastify 4 + Prisma + PostgreSQL', // 8
    '**Missing**: Rate limiting, Audit log', // 9
    '**Files Created**: 3 handlers + 2 schemas', // 10
    '**Coverage**: Ledger, Export', // 11
    '**Stack**: Fastify', // 12
  ].join('\n');

  it('names what the repository is built from, what was done, or what it lacks', () => {
    const claims = extractClaims(doc);
    const at = (n: number) => claims.find((c) => c.line === n);
    expect(at(8)).toMatchObject({ asserted: 'done', source: 'label', loose: true });
    expect(at(9)).toMatchObject({ asserted: 'not-done', loose: true });
    expect(at(10)).toMatchObject({ asserted: 'done', loose: true });
  });

  it('leaves out the header, labels outside its closed vocabulary, and a single value', () => {
    const lines = new Set(extractClaims(doc).map((c) => c.line));
    for (const n of [3, 4, 11, 12]) expect(lines.has(n), `line ${n}`).toBe(false);
  });
});

describe('a plain item is decided only by a precise fact', () => {
  const rule = (id: string, outcome: string) => ({
    id,
    outcome,
    message: id,
    evidence: [{ path: '.' }],
    score: outcome === 'pass' ? 1 : 0,
  });
  const doc = [
    '# Service Report', // 1
    '', // 2
    '## Current State', // 3
    '', // 4
    '- Health checks for every service', // 5
    '- Ledger suites (3 tests total)', // 6
  ].join('\n');
  const tree: Tree = {
    'package.json': JSON.stringify({ name: 'svc', devDependencies: { vitest: '^1.0.0' } }),
    'src/ledger.test.js': "import { it } from 'vitest';\nit('adds', () => {});\n",
  };
  const { at } = verifier('REPORT.md')(tree, doc, reportWith([rule('observability/health-endpoints', 'fail')]));

  it('a rule its words were mapped to neither confirms nor contradicts it; a count of tests still does', () => {
    expect(at(5).verdict).toBe('unverifiable');
    expect(at(6).verdict).toBe('contradicted');
  });
});
