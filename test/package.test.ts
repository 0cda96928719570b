/**
 * The package as a user gets it: `npm pack`, installed from the tarball into an empty project,
 * runs `npx readiness`, imports as `readiness-audit`, and its types compile in a TypeScript
 * consumer. npm test builds dist/ first; the packing skips the prepack build for that reason.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/report/schema.js';
import { fixture, ROOT } from './helpers/cli.js';
import { tempDir } from './helpers/tree.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
let project: string;
let files: string[];

// Asynchronous on purpose: npm install, npx and tsc take tens of seconds on a busy machine, and a
// synchronous child blocks the test worker's event loop for all of it. Vitest's worker answers its
// runner over an RPC channel with a fixed 60 s timeout, so a block past that fails the whole run
// ("Timeout calling onTaskUpdate") although every test passed.
const run = (cmd: string, args: string[], cwd: string) =>
  new Promise<string>((resolve, reject) => {
    const opts = { cwd, encoding: 'utf8' as const, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 };
    const child = execFile(cmd, args, opts, (err, stdout, stderr) =>
      err ? reject(Object.assign(err, { stdout, stderr })) : resolve(stdout),
    );
    child.stdin?.end(); // as stdio 'ignore' was: nothing waits on input
  });

beforeAll(async () => {
  const packs = tempDir('readiness-pack-');
  const out = JSON.parse(
    await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], ROOT),
  ) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = out[0]!.files.map((f) => f.path);
  project = tempDir('readiness-consumer-');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Dependencies come from npm's cache, or the registry where the cache lacks one.
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(packs, out[0]!.filename)],
    project,
  );
}, 300_000);

describe('the packed package', () => {
  it('holds the launcher, the built program and the templates, and no tests or sources', () => {
    expect(files).toContain('bin/readiness.js');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/src/scan/scan-worker.js');
    expect(files).toContain('templates/report.md.hbs');
    expect(files.filter((f) => /\.test\.|^src\/|^rules\/|^test\/|^fixtures\//.test(f))).toEqual([]);
    // Nothing runs at install time: a consumer's npm has no build script to approve or fail.
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', pkg.name, 'package.json'), 'utf8'));
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(installed.scripts?.[s]).toBeUndefined();
  });

  it('runs as `npx readiness` in the project that installed it', async () => {
    expect((await run('npx', ['--no-install', 'readiness', '--version'], project)).trim()).toBe(pkg.version);
    const report = JSON.parse(
      await run('npx', ['--no-install', 'readiness', 'audit', fixture('node-service'), '--format', 'json'], project),
    );
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    expect(report.pillars).toHaveLength(6);
  });

  it('imports as a library and its types compile in a TypeScript consumer', async () => {
    writeFileSync(
      join(project, 'use.mjs'),
      `import { audit, render } from '${pkg.name}';\nconst r = await audit(${JSON.stringify(fixture('bare-library'))});\nprocess.stdout.write(render(r, 'json'));\n`,
    );
    expect(JSON.parse(await run('node', ['use.mjs'], project)).repository.name).toBe('bare-library');

    writeFileSync(
      join(project, 'use.ts'),
      [
        `import { audit, render, verify, UsageError, type Report, type RuleReport, type AuditOptions } from '${pkg.name}';`,
        "const options: AuditOptions = { minScore: 60, failOn: 'high', only: ['security'] };",
        'const report: Report = await audit(".", options);',
        'const failing: RuleReport[] = report.pillars.flatMap((p) => p.rules).filter((r) => r.outcome === "fail");',
        'const text: string = render(report, "md");',
        'const checked = await verify({ text: "# Readiness\\n- ✅ CI" }, ".");',
        'const n: number = checked.summary.claims + failing.length + text.length;',
        'if (!(new UsageError("x") instanceof Error)) throw new Error(String(n));',
        '// @ts-expect-error: not a format',
        'render(report, "pdf");',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      output = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    expect(output).toBe('');
    expect(readdirSync(project)).toContain('node_modules');
  });
});
