/**
 * readiness verify: recall — claim lines of a shape verify did not read at all (round 19). Each case is
 * a small document of our own against an in-memory tree: the line becomes a claim, a claim found by
 * its shape alone is never confirmed by presence, and one the tree does not bear out is contradicted.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('files a fence lists without a note or a mark', () => {
  const tree: Tree = {
    'web/index.html': '<html></html>\n',
    'NOTES.md': '# notes\n',
    'pkg/store/schema.ts': 'export const schema = 1;\n',
    'pkg/store/app.kt': 'val a = 1\nval b = 2\nval c = 3\n',
  };
  const doc = [
    '# Layout', // 1
    '', // 2
    '```', // 3
    '├── web/', // 4
    '├── kiosk/', // 5
    '├── NOTES.md', // 6
    '└── CHANGES.md', // 7
    '```', // 8
    '', // 9
    '## Files written', // 10
    '', // 11
    '```', // 12
    'pkg/store/schema.ts     - the tables', // 13
    'pkg/store/queries.ts    - the queries', // 14
    '```', // 15
    '', // 16
    '## Finding', // 17
    '', // 18
    '```kotlin', // 19
    '// pkg/store/app.kt:40', // 20
    'val a = 1', // 21
    '```', // 22
    '', // 23
    '```yaml', // 24
    'pkg/store/other.ts: 1', // 25
    '```', // 26
  ].join('\n');
  const { at, has } = verifier('LAYOUT.md')(tree, doc, reportWith([]));

  it('a bare tree node that is there is read, and left open (no confirmation by presence alone)', () => {
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(6).verdict).toBe('unverifiable');
  });
  it('a bare tree node that is not there contradicts the tree', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('CHANGES.md');
  });
  it('a path listed in a plain fence with a note is read; present stays open, absent is contradicted', () => {
    expect(at(13).verdict).toBe('unverifiable');
    expect(at(14).verdict).toBe('contradicted');
  });
  it('a citation comment beyond the end of its file is contradicted', () => {
    expect(at(20).verdict).toBe('contradicted');
    expect(at(20).reason).toContain('3 lines');
  });
  it('a key in a configuration fence is not read as a listed file', () => {
    expect(has(25)).toBe(false);
  });
});

describe('table rows a status column does not carry', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","devDependencies":{"vitest":"1.0.0"}}\n',
    'src/cart.test.ts': "import { it } from 'vitest';\nit('adds', () => {});\nit('removes', () => {});\n",
  };
  const doc = [
    '# Audit', // 1
    '', // 2
    '| Area | Score | Note |', // 3
    '|---|---|---|', // 4
    '| **Caching** | **7 / 10** | Solid |', // 5
    '| **Support** | email only | — |', // 6
    '', // 7
    '## Findings', // 8
    '', // 9
    '| # | Issue | Priority | Status |', // 10
    '|---|---|---|---|', // 11
    '| Q1 | **Cart totals computed twice** -- wasteful | P2 | OPEN |', // 12
    '| Q2 | **Session fixation on login** | P1 | FIXED |', // 13
  ].join('\n');
  const { at, has } = verifier('AUDIT.md')(tree, doc, reportWith([]));

  it('a row that gives its subject a figure is read, and not confirmed by its words', () => {
    expect(['unverifiable', 'contradicted']).toContain(at(5).verdict);
  });
  it('a row with no figure, no mark and no status stays out', () => {
    expect(has(6)).toBe(false);
  });
  it('an audit finding with a status and no code named is read, and never confirmed by its words', () => {
    expect(at(12).verdict).toBe('unverifiable');
    expect(at(13).verdict).toBe('unverifiable');
  });
});

describe('a status line under a heading that carried a mark', () => {
  const tree: Tree = { 'package.json': '{"name":"tunnel"}\n', 'src/index.js': 'console.log(1);\n' };
  const doc = [
    '# Report', // 1
    '', // 2
    '### B. Transfer over the tunnel ✅', // 3
    '', // 4
    '**Status:** Transfer works end-to-end.', // 5
    '', // 6
    '#### 1.1 Default password in the seed data ⚠️', // 7
    '', // 8
    '**Status:** ❌ Not Fixed', // 9
  ].join('\n');
  const { at } = verifier('REPORT.md')(tree, doc, reportWith([]));

  it('is read with the heading as its subject, and not confirmed by its words', () => {
    expect(at(5).text).toContain('Transfer over the tunnel');
    expect(at(5).verdict).toBe('unverifiable');
  });
  it('keeps the polarity its own mark gives', () => {
    expect(at(9).text).toContain('Default password in the seed data');
    expect(['unverifiable', 'contradicted']).toContain(at(9).verdict);
  });
});

describe('a heading that gives its subject a figure', () => {
  const tree: Tree = { 'package.json': '{"name":"x"}\n', 'src/a.js': '1\n' };
  const doc = [
    '# Inventory', // 1
    '', // 2
    '## 2. Handlers (12 classes)', // 3
    '', // 4
    'Text.', // 5
    '', // 6
    '## Next steps', // 7
    '', // 8
    '### Add caching (3 endpoints)', // 9
    '', // 10
    '## Overview', // 11
  ].join('\n');
  const { at, has } = verifier('INVENTORY.md')(tree, doc, reportWith([]));

  it('is read, and its words alone do not confirm it', () => {
    expect(at(3).text).toContain('Handlers');
    expect(at(3).verdict).not.toBe('confirmed');
  });
  it('under a plan, or without a figure, a heading stays out', () => {
    expect(has(9)).toBe(false);
    expect(has(11)).toBe(false);
  });
});

describe('a bold label that gives its subject a figure', () => {
  const tree: Tree = { 'package.json': '{"name":"x"}\n', 'src/a.js': '1\n' };
  const doc = [
    '# Summary', // 1
    '', // 2
    '**Handlers Registered**: 27 routes', // 3
    '', // 4
    '**Date**: March 3, 2026', // 5
    '', // 6
    '**Reviewer**: the team', // 7
  ].join('\n');
  const { at, has } = verifier('SUMMARY.md')(tree, doc, reportWith([]));

  it('is read, and its words alone do not confirm it', () => {
    expect(at(3).verdict).not.toBe('confirmed');
    expect(at(3).verdict).not.toBe('partially-confirmed');
  });
  it('a date or a name under a label of the header stays out', () => {
    expect(has(5)).toBe(false);
    expect(has(7)).toBe(false);
  });
});
