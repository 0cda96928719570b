import { afterEach, describe, expect, it } from 'vitest';
import { launcherFlags, renewFlags } from './heap-flags.js';

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
