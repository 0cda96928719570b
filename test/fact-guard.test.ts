/**
 * A fact that throws on a tree nobody foresaw leaves its empty value and a note in the report,
 * and the audit goes on: every rule still gets a verdict (facts/guard.ts). Two facts are made to
 * throw here, one decided before the scan (the web frameworks) and one after (the outbound calls).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/facts/outbound.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/facts/outbound.js')>();
  return {
    ...real,
    outboundCalls: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'replace')\n    at outbound.ts:1");
    },
  };
});
vi.mock('../src/facts/frameworks.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/facts/frameworks.js')>();
  return {
    ...real,
    detectFrameworks: () => {
      throw new RangeError('Maximum call stack size exceeded');
    },
  };
});

const { runAudit } = await import('../src/engine/audit.js');
const { memoryIndex, MemorySource } = await import('../src/testing/memory.js');
const { PILLARS } = await import('../rules/index.js');

describe('a fact that throws', () => {
  it('becomes a note naming the fact, and every rule is still judged', async () => {
    const tree = {
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0' } }),
      'src/server.js': "const express = require('express');\nexpress().listen(3000);\n",
      'README.md': '# api\n',
    };
    const run = await runAudit({
      files: memoryIndex(tree),
      source: new MemorySource(tree),
      pillars: PILLARS,
      config: {},
    });
    expect(run.scanNotes).toContain(
      "the outbound calls could not be worked out (Cannot read properties of undefined (reading 'replace')); the rules that use it judged without it",
    );
    expect(run.scanNotes).toContain(
      'the web frameworks could not be worked out (Maximum call stack size exceeded); the rules that use it judged without it',
    );
    expect(run.facts.outbound.found).toBe(false);
    expect(run.facts.frameworks).toEqual([]);
    expect(run.runs.length).toBeGreaterThan(40);
    expect(run.runs.filter((r) => r.outcome === 'error')).toEqual([]);
  });
});
