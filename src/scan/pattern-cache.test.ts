import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Match } from '../types.js';
import { KEPT_PATTERN_FILES, readPrebuilt, writePrebuilt } from './pattern-cache.js';
import {
  compilePatterns,
  prebuiltOf,
  runPatterns,
  type MatchList,
  type Prebuilt,
  type ScanPattern,
} from './patterns.js';

const KEY = Symbol.for('readiness.cache');
const BUILD = 'a'.repeat(64);

const patterns: ScanPattern[] = [
  { key: 'r:retry', regex: /\b(?:retry|backoff)\w*\s*\(|(?:for|while)\b(?=\w*?[Rr]etr)/, files: ['**/*.ts'] },
  { key: 'r:timeout', regex: /timeout\s*[:=]\s*(\d+)/i, files: ['**/*.ts'], literals: ['timeout'], ignoreCase: true },
  {
    key: 'r:health',
    regex: /\/(?:healthz?|readyz|livez)\b/,
    files: ['**/*.ts'],
    literals: ['health', 'readyz', 'livez'],
  },
];
const texts: [string, string][] = [
  ['a.ts', 'const x = retryCall(3);\nTimeout = 30\n'],
  ['b.ts', "app.get('/healthz', ok);\nbackoff (2)\n"],
  ['c.ts', 'nothing here\n'],
];

function matchesWith(prebuilt: Prebuilt | undefined): Record<string, string[]> {
  const mode = prebuilt ? ({ kind: 'automaton', prebuilt } as const) : ({ kind: 'automaton' } as const);
  const compiled = compilePatterns(patterns, mode).flatMap((g) => g.patterns);
  const matches = new Map<string, MatchList>();
  for (const [path, text] of texts) runPatterns(path, text, compiled, matches);
  return Object.fromEntries(
    [...matches].map(([k, l]) => [k, (l as Match[]).map((m) => `${m.path}:${m.line}:${m.groups.join(',')}`)]),
  );
}

let dir: string | undefined;
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function launcherCache(): string {
  dir = mkdtempSync(join(tmpdir(), 'pattern-cache-'));
  (globalThis as Record<symbol, unknown>)[KEY] = { dir, build: BUILD };
  return dir;
}

describe('compiled patterns kept between runs', () => {
  it('read back, they find the same matches as patterns compiled afresh', () => {
    const at = launcherCache();
    const first = readPrebuilt(patterns);
    expect(first.prebuilt).toBeUndefined();
    const built = prebuiltOf(compilePatterns(patterns));
    writePrebuilt(first.file, built);
    expect(readdirSync(at)).toHaveLength(1);
    const again = readPrebuilt(patterns);
    expect(again.prebuilt).toBeDefined();
    expect(again.prebuilt!.ids).toEqual(built!.ids);
    expect([...again.prebuilt!.tables.table]).toEqual([...built!.tables.table]);
    const fresh = matchesWith(undefined);
    expect(fresh['r:timeout']).toEqual(['a.ts:2:30']);
    expect(matchesWith(again.prebuilt)).toEqual(fresh);
  });

  it('are not used for other patterns, another build, or a file cut short', () => {
    const at = launcherCache();
    const { file } = readPrebuilt(patterns);
    writePrebuilt(file, prebuiltOf(compilePatterns(patterns)));
    const changed = patterns.map((p, i) => (i === 1 ? { ...p, literals: ['timeout', 'deadline'] } : p));
    expect(readPrebuilt(changed).prebuilt).toBeUndefined();
    (globalThis as Record<symbol, unknown>)[KEY] = { dir: at, build: 'b'.repeat(64) };
    expect(readPrebuilt(patterns).prebuilt).toBeUndefined();
    (globalThis as Record<symbol, unknown>)[KEY] = { dir: at, build: BUILD };
    writeFileSync(file!, Buffer.from([8, 0, 0, 0, 1, 2]));
    expect(readPrebuilt(patterns).prebuilt).toBeUndefined();
  });

  it('keep only the newest pattern sets, the one just written among them', () => {
    const at = launcherCache();
    const built = prebuiltOf(compilePatterns(patterns));
    for (let i = 0; i < KEPT_PATTERN_FILES + 4; i++) {
      const set = [...patterns, { key: `dep:${i}`, regex: new RegExp(`dependency${i}`), files: ['**/*.ts'] }];
      writePrebuilt(readPrebuilt(set).file, built);
    }
    const { file } = readPrebuilt(patterns);
    writePrebuilt(file, built);
    const left = readdirSync(at).filter((n) => n.startsWith('patterns-'));
    expect(left).toHaveLength(KEPT_PATTERN_FILES);
    expect(left).toContain(file!.slice(at.length + 1));
    expect(readPrebuilt(patterns).prebuilt).toBeDefined();
  });

  it('are neither read nor written outside the command line', () => {
    expect(readPrebuilt(patterns)).toEqual({});
  });
});
