/**
 * A fact that throws on a tree nobody foresaw leaves its empty value and a note in the report,
 * and the audit goes on: every rule still gets a verdict (facts/guard.ts). No module is mocked
 * (the suite shares a worker's module cache, vitest.config.ts): the file view itself fails the way
 * a hostile tree could make a parser fail, on the JSON reads the manifest reader makes before the scan.
 */
import { describe, expect, it } from 'vitest';
import { PILLARS } from '../rules/index.js';
import { runAudit } from '../src/engine/audit.js';
import { guarded } from '../src/facts/guard.js';
import { MemorySource } from '../src/testing/memory.js';
import { FileIndex, type Parsed } from '../src/walk/file-index.js';

const TREE = {
  'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0' } }),
  'src/server.js': "const express = require('express');\nexpress().listen(3000);\n",
  'README.md': '# api\n',
};

class FailingJson extends FileIndex {
  override readJson<T = unknown>(path: string): Parsed<T> {
    if (path === 'package.json') throw new RangeError('Maximum call stack size exceeded\n    at parse (json.ts:1)');
    return super.readJson<T>(path);
  }
}

describe('a fact that throws', () => {
  it('becomes a note naming the fact, and every rule is still judged', async () => {
    const files = new FailingJson(Object.keys(TREE).sort(), new MemorySource(TREE));
    const run = await runAudit({
      files,
      source: new MemorySource(TREE),
      pillars: PILLARS,
      // A busy machine must not turn a slow rule into an error here: the guard is what is tested.
      config: { ruleTimeoutMs: 600_000 },
    });
    // Every fact that reads package.json as JSON failed, each named once; the manifest reader has
    // a guard of its own per manifest.
    expect(run.scanNotes).toEqual(
      expect.arrayContaining([
        'the workspaces could not be worked out (Maximum call stack size exceeded); the rules that use it judged without it',
        'the CI command graph could not be worked out (Maximum call stack size exceeded); the rules that use it judged without it',
        'the profile could not be worked out (Maximum call stack size exceeded); the rules that use it judged without it',
      ]),
    );
    expect(run.facts.workspaces).toEqual([]);
    expect(run.facts.commands.runs).toEqual([]);
    // The profile falls back to the most demanding one and says why.
    expect(run.facts.profile.id).toBe('service');
    expect(run.facts.profile.reasons[0]).toMatch(/could not be decided/);
    // Every rule has a verdict; a rule that reads package.json itself is an error of its own.
    expect(run.runs.length).toBeGreaterThan(40);
    expect(run.runs.filter((r) => r.outcome !== 'error').length).toBeGreaterThan(30);
  });

  it('keeps the first line of the error, printable, once per fact and message', () => {
    const notes: string[] = [];
    const boom = () => {
      throw new Error('bad \u001b[31mred\u001b[0m value\n    at x (y.ts:1)');
    };
    expect(guarded(notes, 'profile', 'fallback', boom)).toBe('fallback');
    expect(guarded(notes, 'profile', 'fallback', boom)).toBe('fallback');
    expect(guarded(notes, 'profile', 'fallback', () => 'computed')).toBe('computed');
    expect(notes).toHaveLength(1);
    expect(notes[0]).not.toContain('\u001b');
    expect(notes[0]).not.toContain('y.ts');
  });
});
