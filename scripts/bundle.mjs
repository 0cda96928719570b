// The command line as a few bundled files (`npm run build` runs this after tsc). Loading ~400
// modules one by one — resolve, read, compile, link each — was most of a small audit's time
// (docs/performance.md); the bundle has the same code in a few dozen chunks. Dynamic imports stay
// chunks of their own, so what loads on demand still does (renderers, config schema, baselines).
//
// esbuild comes with the dev dependencies (through vitest). Without it nothing is bundled, and
// bin/readiness.js runs dist/src as before; dist/bundle is removed first either way, so a bundle
// never outlives the build it was made from.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asciiScript } from './ascii-script.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/bundle`;
rmSync(out, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('bundle: esbuild is not installed; bin/readiness.js will load dist/src unbundled\n');
  process.exit(0);
}

await esbuild.build({
  absWorkingDir: root,
  // Named entries: the CLI, the rule catalogue (loaded by commands that need it) and the scan worker,
  // which src/scan/pool.ts starts as ./scan-worker.js beside its own chunk.
  entryPoints: {
    cli: 'dist/src/cli/index.js',
    rules: 'dist/rules/index.js',
    'scan-worker': 'dist/src/scan/scan-worker.js',
  },
  outdir: out,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (commander, yaml…) call require(): give the ESM chunks one.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The command line once more as ONE CommonJS script, dist/bundle/cli.cjs, for bin/readiness.js: a
// script (unlike an ES module in Node 20) can be compiled from V8's code cache, which the launcher
// keeps between runs; compiling and linking the ES chunks was about a quarter of a small audit's
// CPU. The entry exports what the launcher calls, the rule catalogue behind a dynamic import (the
// bundle evaluates it only when a command asks for it). `import.meta.url` becomes the script's own
// URL, passed in by the launcher: dist/bundle/, where the ES chunks live too, so the scan worker
// (./scan-worker.js), the templates and package.json are found from it as from the chunks. The
// whole script is strict, as the ES modules are. cli.cjs.json records its hash, which keys the
// cache (V8 itself checks only the source's length).
await esbuild.build({
  absWorkingDir: root,
  stdin: {
    contents:
      "export { main, processIo } from './src/cli/index.js';\n" +
      "export const loadPillars = async () => (await import('./rules/index.js')).PILLARS;\n",
    resolveDir: `${root}dist`,
    sourcefile: 'cli-entry.js',
  },
  outfile: `${out}/cli.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: '"use strict";' },
  // Libraries only some commands or files need (option and report schemas, HTML templates, YAML
  // outside the fast reader, XML, TOML) stay in node_modules and are required when first used: in
  // the one script their source (1.5 MB) was parsed and kept by every run, ~13 MiB of RSS.
  external: ['zod', 'handlebars', 'yaml', 'fast-xml-parser', 'smol-toml'],
  // ASCII only, so V8 keeps the source one byte a character (ascii-script.mjs does the rest).
  charset: 'ascii',
  logLevel: 'warning',
});
writeFileSync(`${out}/cli.cjs`, asciiScript(readFileSync(`${out}/cli.cjs`, 'utf8')));
const script = readFileSync(`${out}/cli.cjs`);
writeFileSync(
  `${out}/cli.cjs.json`,
  `${JSON.stringify({ sha256: createHash('sha256').update(script).digest('hex'), size: script.length })}\n`,
);
