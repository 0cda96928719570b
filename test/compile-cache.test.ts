/**
 * The launcher's V8 code cache (bin/readiness.js, loadScript): written after a command ran, in a
 * private directory, used on the next run, and never able to change an answer — a cache that is
 * garbage, or of another build, is rejected and written anew. Behaviour only; no timing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, spawnCli } from './helpers/cli.js';

const home = mkdtempSync(join(tmpdir(), 'readiness-cc-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const audit = (env: Record<string, string>) =>
  spawnCli(['audit', fixture('bare-library'), '--format', 'json'], { env: { XDG_CACHE_HOME: home, ...env } });
const withoutTimes = (json: string) =>
  JSON.stringify(JSON.parse(json), (k, v) => (/ms$|^generatedAt$|duration/i.test(k) ? 0 : v));
const caches = () =>
  existsSync(join(home, 'readiness')) ? readdirSync(join(home, 'readiness')).filter((n) => n.endsWith('.v8')) : [];

// npm test builds dist/ with the bundle (esbuild is a dev dependency), so the launcher runs cli.cjs.
describe('compile cache of the bundled CLI', () => {
  it('runs from the one-script bundle', () => {
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'cli.cjs'))).toBe(true);
  });

  it('is written by the first run in a private directory, read by the next, and changes no output', async () => {
    const first = await audit({});
    expect(first.code).toBe(0);
    const written = caches();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^cli-[0-9a-f]{32}-[0-9a-z]+-v\d+\.\d+\.\d+-\w+-audit\.v8$/);
    if (process.platform !== 'win32') expect(statSync(join(home, 'readiness')).mode & 0o077).toBe(0);
    const second = await audit({});
    expect(second.code).toBe(0);
    expect(withoutTimes(second.stdout)).toBe(withoutTimes(first.stdout));
    const uncached = await audit({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(withoutTimes(uncached.stdout)).toBe(withoutTimes(first.stdout));
  });

  it('is not written again by the runs that use it, though the audit changes V8 flags as it goes', async () => {
    // A small tree turns incremental marking off (src/util/heap-flags.ts); V8 stamps a cache with
    // its flags' hash, so a cache written under that flag was rejected by every next run and
    // written anew (a rename: a new inode each time).
    await audit({});
    const [name] = caches();
    expect(name).toBeDefined();
    const file = join(home, 'readiness', name!);
    const before = statSync(file).ino;
    expect((await audit({})).code).toBe(0);
    expect((await audit({})).code).toBe(0);
    expect(statSync(file).ino).toBe(before);
  });

  it('ignores a cache that is garbage and writes a valid one in its place', async () => {
    const reference = await audit({ NODE_DISABLE_COMPILE_CACHE: '1' });
    const [name] = caches();
    expect(name).toBeDefined();
    const file = join(home, 'readiness', name!);
    writeFileSync(file, Buffer.alloc(4096, 7));
    const r = await audit({});
    expect(r.code).toBe(0);
    expect(withoutTimes(r.stdout)).toBe(withoutTimes(reference.stdout));
    expect(statSync(file).size).not.toBe(4096);
  });

  it("keeps at most the newest 24 caches of other builds: a developer's rebuilds do not fill the disk", async () => {
    const dir = join(home, 'readiness');
    // Forty caches of earlier builds, written a minute apart (all within the week the age rule keeps).
    const now = Date.now() / 1000;
    for (let i = 0; i < 40; i++) {
      const old = join(dir, `cli-${i.toString(16).padStart(32, '0')}-x-v20.0.0-x64-audit.v8`);
      writeFileSync(old, 'stale');
      utimesSync(old, now - 3600 + i * 60, now - 3600 + i * 60);
    }
    // A garbage cache of this build makes the run write its own cache, which prunes the directory.
    const [current] = caches().filter((n) => !n.includes('-x-v20.0.0-'));
    writeFileSync(join(dir, current!), Buffer.alloc(4096, 7));
    expect((await audit({})).code).toBe(0);
    const left = caches();
    expect(left).toContain(current);
    expect(left.length).toBeLessThanOrEqual(24);
    // The oldest went first.
    expect(left).not.toContain(`cli-${(0).toString(16).padStart(32, '0')}-x-v20.0.0-x64-audit.v8`);
    expect(left).toContain(`cli-${(39).toString(16).padStart(32, '0')}-x-v20.0.0-x64-audit.v8`);
  });
});

describe('compile cache after a large audit', () => {
  it('is kept only from a small tree: a large audit writes none, the next small one does', async () => {
    // A cache holds every function its run compiled; one written after a large tree's audit made
    // every later small audit deserialise the readers of every stack.
    const own = mkdtempSync(join(tmpdir(), 'readiness-cc-large-'));
    try {
      const tree = join(own, 'tree');
      mkdirSync(join(tree, 'src'), { recursive: true });
      writeFileSync(join(tree, 'package.json'), '{"name":"big","version":"1.0.0"}\n');
      for (let i = 0; i < 2100; i++) writeFileSync(join(tree, 'src', `m${i}.js`), `export const v${i} = ${i};\n`);
      const env = { XDG_CACHE_HOME: own };
      const audits = () =>
        existsSync(join(own, 'readiness'))
          ? readdirSync(join(own, 'readiness')).filter((n) => n.endsWith('-audit.v8'))
          : [];
      const large = await spawnCli(['audit', tree, '--format', 'json'], { env });
      expect(large.code).toBe(0);
      expect(audits()).toEqual([]);
      const small = await spawnCli(['audit', fixture('bare-library'), '--format', 'json'], { env });
      expect(small.code).toBe(0);
      expect(audits()).toHaveLength(1);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
