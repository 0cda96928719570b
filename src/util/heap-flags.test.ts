import { afterEach, describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import {
  launcherFlags,
  RULES_TIGHT_ABOVE,
  renewFlags,
  rulesHeapFlags,
  SMALL_AUDIT_BELOW,
  smallAuditHeapFlags,
} from './heap-flags.js';

const KEY = Symbol.for('readiness.v8-flags');
const global = globalThis as Record<symbol, unknown>;

describe('heap flags', () => {
  afterEach(() => {
    delete global[KEY];
  });

  it('finds no flags outside the launcher, and then sets none', () => {
    expect(launcherFlags()).toBeUndefined();
    expect(() => renewFlags(launcherFlags())).not.toThrow();
  });

  it('tightens the heap for the rules only under the launcher, and only when it is large', () => {
    const calls: string[] = [];
    const set = v8.setFlagsFromString;
    const stats = v8.getHeapStatistics;
    let used = RULES_TIGHT_ABOVE + 1;
    v8.setFlagsFromString = (f: string) => void calls.push(f);
    v8.getHeapStatistics = () => ({ ...stats(), used_heap_size: used });
    try {
      rulesHeapFlags();
      expect(calls).toEqual([]);
      global[KEY] = '--heap-growing-percent=20 --semi-space-growth-factor=1';
      rulesHeapFlags();
      expect(calls).toEqual(['--heap-growing-percent=10']);
      // A small heap keeps the launcher's setting.
      used = RULES_TIGHT_ABOVE;
      rulesHeapFlags();
      expect(calls).toHaveLength(1);
    } finally {
      v8.setFlagsFromString = set;
      v8.getHeapStatistics = stats;
    }
  });

  it("finds the launcher's flags under its symbol", () => {
    global[KEY] = '--heap-growing-percent=20 --semi-space-growth-factor=1';
    expect(launcherFlags()).toBe('--heap-growing-percent=20 --semi-space-growth-factor=1');
    global[KEY] = 42;
    expect(launcherFlags()).toBeUndefined();
  });

  it('the launcher records the flags it set', async () => {
    const { readFileSync } = await import('node:fs');
    const launcher = readFileSync(new URL('../../bin/readiness.js', import.meta.url), 'utf8');
    expect(launcher).toMatch(
      /v8\.setFlagsFromString\(V8_FLAGS\);\s*globalThis\[Symbol\.for\('readiness\.v8-flags'\)\] = V8_FLAGS;/,
    );
    expect(launcher).toMatch(/--semi-space-growth-factor=1/);
  });
});

describe('heap flags of a small audit', () => {
  afterEach(() => {
    delete global[KEY];
  });

  it('turn incremental marking off only under the launcher, and only below the size where peak RSS grew', () => {
    const calls: string[] = [];
    const set = v8.setFlagsFromString;
    v8.setFlagsFromString = (f: string) => void calls.push(f);
    try {
      smallAuditHeapFlags(12);
      expect(calls).toEqual([]);
      global[KEY] = '--heap-growing-percent=20 --semi-space-growth-factor=1';
      smallAuditHeapFlags(12);
      expect(calls).toEqual(['--no-incremental-marking']);
      smallAuditHeapFlags(SMALL_AUDIT_BELOW);
      expect(calls).toHaveLength(1);
    } finally {
      v8.setFlagsFromString = set;
    }
  });
});
