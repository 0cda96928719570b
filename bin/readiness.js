#!/usr/bin/env node
// Thin launcher: the program lives in dist/. The package ships it built; in a fresh checkout it is
// built here on first use (nothing runs at install time), so `npm ci && npx readiness audit .` works.
// It runs the bundle (scripts/bundle.mjs) when the build made one after its last compile, else
// dist/src, and hands the command line the built-in rule catalogue, loaded only by the commands
// that need it. The bundle's one-script form, dist/bundle/cli.cjs, is compiled from a V8 code cache
// kept between runs (see loadScript); without it, the ES bundle.
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

// Before anything of the program allocates: V8 lets the old generation grow far past what its last
// full collection left (a factor that reaches ~2x while collections look cheap), and an audit keeps
// its digests live to the end, so the heap of a 100k-file tree reached twice its live size before
// its second full collection (peak RSS 290-320 MiB). Capped at 20 % above the live size, peak RSS
// there is ~250 MiB for no measurable CPU (docs/performance.md, eighth session). V8 reads this flag
// whenever it sets the next limit after a collection, so setting it here, before the first old-space
// collection, takes effect; flags that size the heap at start-up (the semi-space) would not. It is
// process-wide: the scan worker's isolate gets it too. V8 rejects a code cache made under other flags,
// so the flags are part of the cache's name (loadScript): builds with other flags do not take turns
// rewriting one file.
//
// The young generation: V8 sizes the main thread's semi-spaces when the isolate starts (1 MB) and
// doubles them, up to 16 MB each, whenever more than their size survived since the last growth,
// which the digests do all through the scan: 32 MB of the peak for nothing (a scavenge of 1 MB
// semi-spaces promotes the same digests, a little sooner). A growth factor of 1 keeps them at
// 1 MB; V8 reads it at each growth. A new isolate sets a factor below 2 back to 2 for the whole
// process, so the scan worker sets these flags again (src/util/heap-flags.ts, which finds them
// under this symbol). Peak RSS at 100k files ~250 -> ~215 MiB, CPU the same (ninth session).
//
// Regular expressions: V8 runs a regex's first execution in its bytecode interpreter and compiles
// it to machine code at the second. An audit has a few thousand regexes, and in a small repository
// most run a handful of times, so compiling them was a cost without a return: ~17 ms of the 12-file
// audit's ~230 ms of CPU (thirteenth session). After 100 executions a regex is compiled as before;
// a large tree's hot patterns run millions of times, so their first hundred in the interpreter do not count.
//
// Optimising compilation: V8 sends a function to TurboFan once it has run for its interrupt budget
// (67,584 by default), and TurboFan compiles on background threads whose CPU no profile of the
// program shows. An audit's code is broad and each part of it hot for a while (the regex reader at
// compilePatterns, glob matching, the YAML and HCL readers, the masking lexer, each digest), so most of
// it reached TurboFan: at 10k files the background threads took ~0.6 s of ~1.9 s of CPU (per-thread
// /proc times, single-threaded run; --no-concurrent-recompilation moved the same 0.6 s onto the main
// thread). Eight times the budget leaves the briefly hot code in the baseline tier, and what stays
// hot (the scan's loops) is optimised a little later: 10k CPU 2.34 -> 1.93 s, 100k the same, the
// 12-file audit 0.22 -> 0.20 s (docs/performance.md, seventeenth session). V8 reads it whenever it
// sets a function's budget, so setting it here, before the program is compiled, covers all of it.
const V8_FLAGS =
  '--heap-growing-percent=20 --semi-space-growth-factor=1 --regexp-tier-up-ticks=100 --interrupt-budget=540672';
v8.setFlagsFromString(V8_FLAGS);
globalThis[Symbol.for('readiness.v8-flags')] = V8_FLAGS;
// The largest audit whose compiled code is kept for the next run (loadScript's keep).
const CACHE_TREE_FILES = 2000;

const here = new URL('..', import.meta.url);
const mtime = (rel) => {
  try {
    return statSync(new URL(rel, here)).mtimeMs;
  } catch {
    return -1;
  }
};
const compiled = mtime('dist/src/cli/index.js');
const bundled = compiled > 0 && mtime('dist/bundle/cli.js') >= compiled;
const scripted = bundled && mtime('dist/bundle/cli.cjs') >= compiled ? loadScript() : undefined;
const load = () => import(bundled ? '../dist/bundle/cli.js' : '../dist/src/cli/index.js');
let cli = scripted?.cli;
try {
  cli ??= await load();
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !/dist[/\\]src[/\\]cli[/\\]index\.js/.test(err.message)) throw err;
  const tsc = new URL('node_modules/typescript/bin/tsc', here);
  const config = new URL('tsconfig.build.json', here);
  if (!existsSync(tsc) || !existsSync(config)) {
    process.stderr.write('readiness: dist/ is not built; run `npm run build` in this checkout first\n');
    process.exit(2);
  }
  process.stderr.write('readiness: building dist/ once for this checkout…\n');
  const built = spawnSync(process.execPath, [tsc.pathname, '-p', config.pathname], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(2);
  cli = await load();
}

// processIo: a reader that closes the pipe (`| head`) ends our output quietly, not with a stack trace.
const code = await cli.main(
  process.argv.slice(2),
  cli.processIo(),
  scripted
    ? cli.loadPillars
    : async () => (await import(bundled ? '../dist/bundle/rules.js' : '../dist/rules/index.js')).PILLARS,
);
process.exitCode = code;
scripted?.keep();

/**
 * dist/bundle/cli.cjs compiled with V8's code cache, as v8-compile-cache does for CommonJS: the cache
 * is made after the command ran, so it holds the functions the command compiled, not only the top
 * level, and the next run deserialises them instead of parsing and compiling. One cache file per
 * command (an audit compiles much more than --version), named by the script's sha256 (recorded by
 * the build; V8 itself checks only the source's length), the V8 flags set above, Node's version and
 * the architecture; V8 rejects a cache of other flags, and a rejected or unreadable cache is only
 * written anew. The
 * directory is $XDG_CACHE_HOME/readiness or readiness-compile-cache-UID in the OS temp dir, used only
 * if it is a real directory of this user that no one else may write (cached code is code); files
 * are written under a temporary name and renamed, so a reader never sees half of one. Every failure
 * here means running without the cache. NODE_DISABLE_COMPILE_CACHE turns it off, as for Node's own.
 */
function loadScript() {
  const file = fileURLToPath(new URL('dist/bundle/cli.cjs', here));
  let source;
  let meta;
  try {
    source = readFileSync(file);
    meta = JSON.parse(readFileSync(`${file}.json`, 'utf8'));
  } catch {
    return undefined;
  }
  const cacheFile = source.length === meta.size ? cachePath(meta.sha256) : undefined;
  // The same directory keeps the scan's compiled patterns between runs, for this build only
  // (src/scan/pattern-cache.ts): the program finds it here, an audit run as a library has none.
  if (cacheFile) globalThis[Symbol.for('readiness.cache')] = { dir: dirname(cacheFile), build: meta.sha256 };
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    /* no cache yet */
  }
  // The build writes the script in ASCII (scripts/ascii-script.mjs): read as Latin-1, it is the same
  // text as a one-byte string (half the heap of a two-byte one, and ~5 ms less decoding).
  const text = source.toString(isAscii(source) ? 'latin1' : 'utf8');
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __bundleUrl) {${text}\n})`,
    { filename: file, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER },
  );
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
  const keep = () => {
    if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
    // Only a small audit's code is kept (src/util/heap-flags.ts, TREE_FILES): a large one compiles
    // the readers of every stack, which each later small audit would deserialise for nothing.
    const files = globalThis[Symbol.for('readiness.tree-files')];
    if (typeof files === 'number' && files > CACHE_TREE_FILES) return;
    // V8 stamps the cache with a hash of its flags as they are now, and rejects it under other
    // flags. The audit changes some as it goes (src/util/heap-flags.ts: incremental marking off for a
    // small tree, less heap growth for a large one's rules): the flags this script was compiled
    // under come back first, or the next run would reject the cache and write it again, every run.
    v8.setFlagsFromString(`${V8_FLAGS} --incremental-marking`);
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData(), { flag: 'wx', mode: 0o600 });
      renameSync(temporary, cacheFile);
      prune(dirname(cacheFile));
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        /* nothing to clean */
      }
    }
  };
  return { cli: module.exports, keep };
}

/**
 * Caches of other builds pile up (one per build and command, and the scan's patterns per build and
 * pattern set): those written over a week ago go, and beyond the newest 24 the older ones (a
 * developer who builds often made 650 files, 1.7 GB, in a week); a current one is written again once.
 */
function prune(dir) {
  const before = Date.now() - 7 * 24 * 3600 * 1000;
  const kept = [];
  for (const name of readdirSync(dir)) {
    if (!/^(?:cli-[0-9a-f]{32}-.*\.(?:v8|tmp)|patterns-[0-9a-f]{40}\.bin(?:\.\d+\.tmp)?)$/.test(name)) continue;
    try {
      const file = join(dir, name);
      const mtime = lstatSync(file).mtimeMs;
      if (mtime < before) rmSync(file, { force: true });
      else kept.push({ file, mtime });
    } catch {
      /* gone already */
    }
  }
  kept.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of kept.slice(24)) {
    try {
      rmSync(file, { force: true });
    } catch {
      /* gone already */
    }
  }
}

function cachePath(sha256) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE || !/^[0-9a-f]{64}$/.test(sha256 ?? '')) return undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  const uid = process.getuid?.();
  const dir =
    xdg && isAbsolute(xdg) ? join(xdg, 'readiness') : join(tmpdir(), `readiness-compile-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (process.platform !== 'win32' && st.mode & 0o022))
      return undefined;
  } catch {
    return undefined;
  }
  const command = /^[a-z][a-z-]{0,19}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const flags = V8_FLAGS.replace(/[^0-9a-z]+/g, '');
  return join(dir, `cli-${sha256.slice(0, 32)}-${flags}-${process.version}-${process.arch}-${command}.v8`);
}
