/**
 * The scan's worker threads (src/scan/pool.ts) run only from the built program: their script is
 * dist/src/scan/scan-worker.js (npm test builds dist/ first). These tests load the built engine
 * and check that an audit comes out the same with the threads as without them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, fixture } from './helpers/cli.js';
import { tempDir, writeTree } from './helpers/tree.js';

const dist = (p: string) => join(ROOT, 'dist', p);
const { runAudit } = (await import(dist('src/engine/audit.js'))) as typeof import('../src/engine/audit.js');
const { FileIndex } = (await import(dist('src/walk/file-index.js'))) as typeof import('../src/walk/file-index.js');
const { DiskSource } = (await import(dist('src/walk/disk-source.js'))) as typeof import('../src/walk/disk-source.js');
const { listFiles } = (await import(dist('src/walk/list.js'))) as typeof import('../src/walk/list.js');
const { PILLARS } = (await import(dist('rules/index.js'))) as typeof import('../rules/index.js');
const { customRules } = (await import(dist('src/engine/custom.js'))) as typeof import('../src/engine/custom.js');
const { withExtraRules } = (await import(dist('src/engine/select.js'))) as typeof import('../src/engine/select.js');
const { shareListing, ListingReader, takingOrder } = (await import(
  dist('src/scan/pool.js')
)) as typeof import('../src/scan/pool.js');

/** `callbacks`: a source without synchronous reads, as on a cold cache (the callback API only). */
async function audit(root: string, scanWorker: 'always' | 'never' | 'auto', callbacks = false, pillars = PILLARS) {
  const { paths } = await listFiles(root);
  const source = callbacks ? Object.assign(new DiskSource(root), { readBytesLent: undefined }) : new DiskSource(root);
  const files = new FileIndex(paths, source);
  const run = await runAudit({ files, source, pillars, config: {}, scanWorker });
  return {
    offloaded: run.offloaded,
    results: run.runs.map((r) => ({
      id: r.rule.meta.id,
      outcome: r.outcome,
      score: r.score,
      message: r.message,
      evidence: r.evidence,
      data: r.data,
    })),
    suppressions: run.inlineSuppressions,
    stats: {
      read: files.stats.filesRead,
      bytes: files.stats.bytesRead,
      skipped: Object.fromEntries([...files.stats.skipped].sort()),
    },
  };
}

describe('scan on a second thread, reading synchronously or with callbacks', () => {
  it('gives every fixture the same verdicts, evidence, suppressions and read counts as one thread', async () => {
    let offloaded = 0;
    for (const name of readdirSync(join(ROOT, 'fixtures'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)) {
      const one = await audit(fixture(name), 'never');
      const two = await audit(fixture(name), 'always');
      const cold = await audit(fixture(name), 'always', true);
      expect(one.offloaded, name).toBe(0);
      offloaded += two.offloaded;
      expect({ ...two, offloaded: 0 }, name).toEqual(one);
      expect({ ...cold, offloaded: 0 }, name).toEqual(one);
      expect(await audit(fixture(name), 'never', true), name).toEqual(one);
    }
    // Not vacuous: the thread did take files.
    expect(offloaded).toBeGreaterThan(30);
  });

  it('hands over binary, empty, large and multi-byte files and still counts them as one thread does', async () => {
    const big = 'const x = 1; // падение 🚀\n'.repeat(9000); // > 64 KiB: read past the first buffer
    const root = writeTree(tempDir(), {
      'src/app.js':
        "const express = require('express');\nconst app = express();\napp.get('/healthz', (req, res) => res.send('ok'));\n",
      'src/big.js': `${big}const helmet = require('helmet');\n`,
      'src/empty.js': '',
      'src/blob.js': 'abc\0def',
      'src/bom.js': '\ufeffconst a = 1;\n',
      'src/wide.js': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from("const b = require('helmet');\n", 'utf16le'),
      ]),
      'README.md': '# App\n',
    });
    const one = await audit(root, 'never');
    const two = await audit(root, 'always');
    const cold = await audit(root, 'always', true);
    expect(two.offloaded).toBeGreaterThan(0);
    expect({ ...two, offloaded: 0 }).toEqual(one);
    expect({ ...cold, offloaded: 0 }).toEqual(one);
    expect(one.stats.skipped).toEqual({ 'src/blob.js': 'binary' });
  });

  it('a catastrophic custom pattern is interrupted on a worker thread too: its rule is an error, as on one thread', async () => {
    // 2^40 backtracking steps: without the hard limit inside the worker this never ends.
    const root = writeTree(tempDir(), { 'a.txt': `${'a'.repeat(40)}!\n`, 'app.py': 'x=1\n' });
    const evil = { files: ['**/*.txt'], pattern: '^(a+)+$' };
    const custom = customRules(
      {
        custom: [
          {
            id: 'acme/evil',
            pillar: 'security',
            title: 'Evil',
            severity: 'high',
            weight: 50,
            require: { contains: evil },
          },
        ],
      } as Parameters<typeof customRules>[0],
      'test',
    );
    const pillars = withExtraRules(PILLARS, custom);
    const one = await audit(root, 'never', false, pillars);
    const two = await audit(root, 'always', false, pillars);
    expect(two.offloaded).toBeGreaterThan(0);
    for (const run of [one, two]) {
      const r = run.results.find((x) => x.id === 'acme/evil')!;
      expect(r.outcome).toBe('error');
      expect(r.message).toMatch(/did not finish within its time budget of \d+ ms on a\.txt/);
    }
    expect({ ...two, offloaded: 0 }).toEqual(one);
  });

  it('shares files between the main thread and a worker from both ends, with one thread’s verdicts', async () => {
    // Enough files for a worker in 'auto' mode: manifests and test files (digests) and plain sources.
    const tree: Record<string, string> = {
      'package.json': '{"name":"app","scripts":{"test":"vitest"},"devDependencies":{"vitest":"^3.0.0"}}\n',
    };
    for (let i = 0; i < 500; i++) {
      tree[`deploy/app-${i}.yaml`] =
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: ${i % 3}\n` +
        `  template:\n    spec:\n      containers:\n        - name: app\n          image: app:${i}\n`;
      tree[`src/m${i}/m${i}.test.ts`] =
        `import { it } from 'vitest';\nimport { f${i} } from './m${i}.js';\nit('works ${i}', () => f${i}());\n`;
      tree[`src/m${i}/m${i}.ts`] =
        `export const f${i} = () => fetch('http://svc-${i}/x', { signal: AbortSignal.timeout(${i}) });\n`;
      tree[`src/m${i}/util${i}.go`] = `package m${i}\n\nfunc Retry${i}() {}\n`;
    }
    const root = writeTree(tempDir(), tree);
    const one = await audit(root, 'never');
    // How many files the worker takes in 'auto' mode depends on how soon it starts on a busy machine
    // (none when the main thread gets there first): only 'always' is sure to hand it some. Either
    // way the verdicts are one thread's.
    const both = await audit(root, 'auto');
    expect(both.offloaded).toBeLessThanOrEqual(both.stats.read);
    expect({ ...both, offloaded: 0 }).toEqual(one);
    const forced = await audit(root, 'always');
    expect(forced.offloaded).toBeGreaterThan(0);
    expect(forced.offloaded).toBeLessThanOrEqual(forced.stats.read);
    expect({ ...forced, offloaded: 0 }).toEqual(one);
  });

  it('puts the files with digests first, each part in listing order', () => {
    const defs = [{ digests: [] }, { digests: ['k8s:file'] }, { digests: ['tests:file', 'k8s:file'] }];
    expect([...takingOrder(Int32Array.from([0, 1, 0, 2, 1, 0]), defs)]).toEqual([1, 3, 4, 0, 2, 5]);
  });

  it('names files whose paths are not ASCII as one thread does (the listing goes to the workers as UTF-8 bytes)', async () => {
    const root = writeTree(tempDir(), {
      'package.json': '{"name":"app","scripts":{"test":"node --test"}}\n',
      'src/über/app.js':
        "const express = require('express');\nconst app = express();\napp.get('/healthz', (req, res) => res.send('ok'));\n",
      'src/über/测试/helper.js': 'export const make = () => 1;\n',
      'src/über/测试/app.test.js':
        "import { test } from 'node:test';\nimport { make } from './helper.js';\ntest('makes 🚀', () => make());\n",
      'src/naïve.js': "const helmet = require('helmet');\n",
      'README.md': '# App\n',
    });
    const one = await audit(root, 'never');
    const two = await audit(root, 'always');
    expect(two.offloaded).toBeGreaterThan(0);
    expect({ ...two, offloaded: 0 }).toEqual(one);
    expect(JSON.stringify(one.results)).toMatch(/über/);
  });

  it('shares a listing as folders and UTF-8 base names that give back each path, and declines a path they cannot carry', () => {
    const paths = ['a.js', 'src/über/测试.ts', 'src/über/b.ts', 'docs/🚀.md', '', 'src/über/测试/c.ts', 'x.md'];
    const shared = shareListing(paths)!;
    for (const a of [shared.folders, shared.folderEnds, shared.folder, shared.bases, shared.baseEnds])
      expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Each folder once: '', 'src/über', 'docs', 'src/über/测试'.
    expect(shared.folderEnds.length).toBe(4);
    // What a worker receives: views of the same memory.
    const reader = new ListingReader(structuredClone(shared));
    expect(reader.size).toBe(paths.length);
    expect(paths.map((_, j) => reader.path(j))).toEqual(paths);
    expect(shareListing(['a.js', 'b\ud800.js'])).toBeUndefined();
    expect(shareListing(['a.js', '/b.js'])).toBeUndefined();
  });

  it('answers base names and folders off a shared listing as the file index does', () => {
    const paths = [
      'Chart.yaml',
      'charts/web/Chart.yaml',
      'charts/web/chart.yaml',
      'charts/Über/CHART.YAML',
      'src/über/测试/Chart.yaml',
      'src/über/测试/helper.ts',
      'docs/🚀.md',
      'x/Chart.yaml.bak',
    ];
    const reader = new ListingReader(shareListing(paths)!);
    const index = new FileIndex(paths, new DiskSource('/nonexistent'));
    for (const name of ['Chart.yaml', 'chart.yaml', '🚀.md', 'helper.ts', 'none'])
      for (const ignoreCase of [false, true])
        expect(reader.named(name, ignoreCase)).toEqual(index.named(name, ignoreCase));
    expect([...reader.folders()]).toEqual([...new Set(paths.map((p) => p.slice(0, Math.max(0, p.lastIndexOf('/')))))]);
  });
});
