/**
 * Whether the code uses a package at all (DESIGN §2, dependency directness). A declared package
 * that no production file imports is not the project's retries, authentication or tracing: a
 * tool may have pulled it in, or only the tests use it.
 *
 * Imports are found in the one scan pass, by patterns built from the packages worth asking about
 * (those a detection catalogue names), so that the matches stay few however large the tree. Only
 * ecosystems whose imports name the package are judged: npm (specifiers), PyPI (import names,
 * derived from the distribution name), Go (module paths) and Cargo (crate identifiers). Elsewhere
 * a declaration is what loads a package (JVM starters on the classpath, Bundler.require, Composer
 * autoload, NuGet extension methods in shared namespaces) and `use` stays unknown.
 */
import type { Dependency, Match, PatternSpec } from '../types.js';
import { namesMatcher } from './frameworks.js';
import { escapeRe } from '../util/regex.js';
import { isCommentLine, isProductionPath } from './paths.js';
import { pythonImportNames } from './python-imports.js';
import { table } from '../util/table.js';
import { denoSpecifierPackage, isDenoDeclaration } from './manifests/deno.js';
import { isServiceClientName } from './outbound.js';

export interface UsagePattern extends PatternSpec {
  key: string;
}

const KEYS = {
  js: 'facts:use-js',
  py: 'facts:use-py',
  go: 'facts:use-go',
  rs: 'facts:use-rs',
  rb: 'facts:use-rb',
  cmd: 'facts:use-cmd',
};

/**
 * The names Ruby code uses a gem by: `require 'aws-sdk-s3'` names the gem (or its path form
 * `aws/sdk/s3`), the code its module (`stripe` → `Stripe`, `active_merchant` → `ActiveMerchant`).
 */
function rubyNames(gem: string): string[] {
  const camel = gem
    .split('-')
    .map((p) =>
      p
        .split('_')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(''),
    )
    .join('::');
  return [...new Set([gem, gem.replace(/-/g, '/'), camel])];
}

/** Console scripts and preload flags that load a package without an import. */
const COMMANDS: Record<string, string[]> = table({
  ddtrace: ['ddtrace-run'],
  'opentelemetry-distro': ['opentelemetry-instrument'],
  'opentelemetry-instrumentation': ['opentelemetry-instrument'],
  newrelic: ['newrelic-admin'],
  'scout-apm': ['scout-apm'],
  gunicorn: ['gunicorn'],
  uvicorn: ['uvicorn'],
  alembic: ['alembic'],
});

const COMMAND_FILES = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/*.Dockerfile',
  '**/Containerfile',
  '**/Procfile',
  '**/*.sh',
  '**/Makefile',
  '**/justfile',
  '**/package.json',
  '**/*compose*.{yml,yaml}',
  '**/app.yaml',
  '**/fly.toml',
];

interface Watched {
  /** Lookup key (an import root, module path or crate) → the dependencies it stands for. */
  js: Map<string, Dependency[]>;
  py: Map<string, Dependency[]>;
  go: Map<string, Dependency[]>;
  rs: Map<string, Dependency[]>;
  /** Gems of an optional Bundler group only: Bundler.require loads the others whether named or not. */
  rb: Map<string, Dependency[]>;
  cmd: Map<string, Dependency[]>;
  /** Some are declared by a deno.json or deno.lock: imports may be `npm:`/`jsr:` specifiers or deno.land URLs. */
  deno?: boolean;
}

function watch(deps: readonly Dependency[], names: readonly string[]): Watched {
  const w: Watched = { js: new Map(), py: new Map(), go: new Map(), rs: new Map(), rb: new Map(), cmd: new Map() };
  const test = namesMatcher(names);
  const add = (m: Map<string, Dependency[]>, k: string, d: Dependency) => {
    const list = m.get(k);
    if (list) {
      if (!list.includes(d)) list.push(d);
    } else m.set(k, [d]);
  };
  // Asked once per distinct name: a monorepo declares the same package in many manifests.
  const verdict = new Map<string, boolean>();
  const watched = (d: Dependency) => {
    const key = `${d.ecosystem}:${d.name}`;
    let v = verdict.get(key);
    if (v === undefined) verdict.set(key, (v = test(d.name, d.ecosystem)));
    return v;
  };
  for (const d of deps) {
    if (d.ecosystem === 'bundler' && d.optional && watched(d)) {
      for (const n of rubyNames(d.name)) add(w.rb, n, d);
      continue;
    }
    // A Deno lock entry counts only where code imports it: a service's client SDK (`npm:@getalby/sdk`
    // imported inline) is asked about too, though no catalogue names it.
    const denoClient = d.ecosystem === 'npm' && isDenoDeclaration(d.path) && isServiceClientName(d.name);
    if (!['npm', 'pip', 'go', 'cargo'].includes(d.ecosystem) || !(watched(d) || denoClient)) continue;
    if (d.ecosystem === 'npm') {
      add(w.js, d.name, d);
      add(w.cmd, d.name, d);
      if (isDenoDeclaration(d.path)) {
        w.deno = true;
        // Imported inline by its JSR home package: `jsr:@hono/hono` is `hono`.
        if (!d.name.startsWith('@')) add(w.js, `@${d.name}/${d.name}`, d);
      }
    } else if (d.ecosystem === 'pip') {
      for (const m of pythonImportNames(d.name)) add(w.py, m.toLowerCase(), d);
      for (const c of COMMANDS[d.name] ?? []) add(w.cmd, c, d);
    } else if (d.ecosystem === 'go') add(w.go, d.name, d);
    else add(w.rs, d.name.replace(/-/g, '_'), d);
  }
  return w;
}

const alternation = (keys: Iterable<string>) =>
  [...keys]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escapeRe)
    .join('|');

/** Scan patterns that find imports of the watched dependencies (none when nothing is watched). */
export function usagePatterns(deps: readonly Dependency[], names: readonly string[]): UsagePattern[] {
  const w = watch(deps, names);
  const out: UsagePattern[] = [];
  const base = { maxPerFile: 20 };
  if (w.js.size) {
    out.push({
      ...base,
      key: KEYS.js,
      // import … from 'x', require('x'), import('x'), export … from 'x', or any string naming it
      // (a logger transport, a Nest module, a Next.js plugin list). Deno's inline specifiers too:
      // `npm:x@1/sub`, `jsr:@s/x@^1`, and the standard library or deno.land/x by URL.
      regex: w.deno
        ? new RegExp(
            String.raw`['"\x60]((?:(?:npm|jsr):)?(?:${alternation(w.js.keys())})(?:@[^/'"\x60\s]*)?(?:/[^'"\x60\s]*)?|https?://deno\.land/(?:std@[^/'"\x60\s]*|std|x)/[^'"\x60\s]*)['"\x60]`,
          )
        : new RegExp(String.raw`['"\x60]((?:${alternation(w.js.keys())})(?:/[^'"\x60\s]*)?)['"\x60]`),
      files: ['**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,vue,svelte,astro}'],
      literals: [...w.js.keys(), ...(w.deno ? ['deno.land/'] : [])],
    });
  }
  if (w.py.size) {
    const tops = alternation(new Set([...w.py.keys()].map((k) => k.split('.')[0]!)));
    const mod = String.raw`(?:${tops})(?:\.\w+)*`;
    out.push({
      ...base,
      key: KEYS.py,
      // from a.b import c · import x, a.b as y · 'a.b.Middleware' (INSTALLED_APPS, MIDDLEWARE, dotted paths)
      regex: new RegExp(
        String.raw`^[ \t]*(?:from[ \t]+(${mod})[ \t]+import\b[ \t]*\(?[ \t]*(\w+)?|import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*(${mod})\b)|['"](${mod})['"]`,
        'm',
      ),
      files: ['**/*.py'],
      // Import names keep their case (UnleashClient, MySQLdb, PIL); distributions are compared lower-case.
      ignoreCase: true,
      literals: [...new Set([...w.py.keys()].map((k) => k.split('.')[0]!))],
    });
  }
  if (w.go.size) {
    out.push({
      ...base,
      key: KEYS.go,
      regex: new RegExp(String.raw`"((?:${alternation(w.go.keys())})(?:/[^"\s]*)?)"`),
      files: ['**/*.go'],
      literals: [...w.go.keys()],
    });
  }
  if (w.rs.size) {
    const crates = alternation(w.rs.keys());
    out.push({
      ...base,
      key: KEYS.rs,
      // use tower_governor::…; extern crate x; a path `x::y` that is not inside another path.
      regex: new RegExp(String.raw`(?<![\w:])(${crates})::|\b(?:use|extern[ \t]+crate)[ \t]+(${crates})\b`),
      files: ['**/*.rs'],
      literals: [...w.rs.keys()],
    });
  }
  if (w.rb.size) {
    const names = [...w.rb.keys()];
    const mods = alternation(names.filter((n) => /^[A-Z]/.test(n)));
    const reqs = alternation(names.filter((n) => !/^[A-Z]/.test(n)));
    out.push({
      ...base,
      key: KEYS.rb,
      // require 'stripe' · require "aws/sdk/s3" · Stripe::Charge.create · Stripe.api_key = …
      regex: new RegExp(
        String.raw`\brequire(?:_relative)?[ \t(]+['"](${reqs})(?:/[^'"\s]*)?['"]` +
          (mods ? String.raw`|(?<![\w:])(${mods})(?:::|\.)\w` : ''),
      ),
      files: ['**/*.{rb,rake,erb,haml,slim}', '**/Rakefile', '**/config.ru'],
      literals: names.map((n) => n.split('::')[0]!),
    });
  }
  if (w.cmd.size) {
    const npm = [...w.js.keys()];
    const parts = [
      // node -r dd-trace/init, --require @opentelemetry/auto-instrumentations-node/register, --import
      npm.length
        ? String.raw`(?:^|\s)(?:-r|--require|--import|--loader)[ \t=]+['"]?((?:${alternation(npm)})(?:/[^\s'"]*)?)`
        : '',
      // ddtrace-run gunicorn app:app, opentelemetry-instrument python …
      [...w.cmd.keys()].some((k) => !w.js.has(k))
        ? String.raw`(?:^|[\s"'\[,=])(${alternation([...w.cmd.keys()].filter((k) => !w.js.has(k)))})(?=[\s"',\]]|$)`
        : '',
    ].filter(Boolean);
    if (parts.length)
      out.push({
        ...base,
        key: KEYS.cmd,
        regex: new RegExp(parts.join('|'), 'm'),
        files: COMMAND_FILES,
        literals: [...w.cmd.keys()],
      });
  }
  return out;
}

/**
 * Sets `use` and `usedAt` on every watched dependency from the scan's matches; the others keep
 * `use` unset (unknown).
 */
export function applyUsage(
  deps: readonly Dependency[],
  names: readonly string[],
  matches: (key: string) => Match[],
): void {
  const w = watch(deps, names);
  const found = new Map<Dependency, { prod?: Match; other?: Match }>();
  const credit = (list: Dependency[] | undefined, m: Match) => {
    for (const d of list ?? []) {
      const f = found.get(d) ?? {};
      if (isProductionPath(m.path)) f.prod ??= m;
      else f.other ??= m;
      found.set(d, f);
    }
  };
  for (const m of matches(KEYS.js)) {
    if (isCommentLine(m.snippet)) continue;
    const spec = m.groups[0]!;
    credit(w.js.get((w.deno ? denoSpecifierPackage(spec) : undefined) ?? npmPackage(spec)), m);
  }
  for (const m of matches(KEYS.py)) {
    if (isCommentLine(m.snippet)) continue;
    const mod = (m.groups[0] ?? m.groups[2] ?? m.groups[3] ?? '').toLowerCase();
    const candidates = prefixes(mod, '.');
    if (m.groups[0] && m.groups[1]) candidates.unshift(`${mod}.${m.groups[1].toLowerCase()}`);
    const hit = candidates.find((c) => w.py.has(c));
    if (hit) credit(w.py.get(hit), m);
  }
  for (const m of matches(KEYS.go)) {
    const hit = prefixes(m.groups[0]!, '/').find((c) => w.go.has(c));
    if (hit) credit(w.go.get(hit), m);
  }
  for (const m of matches(KEYS.rs)) if (!isCommentLine(m.snippet)) credit(w.rs.get(m.groups[0] ?? m.groups[1]!), m);
  for (const m of matches(KEYS.rb)) if (!isCommentLine(m.snippet)) credit(w.rb.get(m.groups[0] ?? m.groups[1]!), m);
  for (const m of matches(KEYS.cmd)) {
    if (isCommentLine(m.snippet)) continue;
    const g = m.groups[0] ?? m.groups[1] ?? '';
    credit(w.cmd.get(g) ?? w.cmd.get(npmPackage(g)), m);
  }
  const seen = new Set<Dependency>();
  for (const list of [w.js, w.py, w.go, w.rs, w.rb, w.cmd].flatMap((x) => [...x.values()])) {
    for (const d of list) {
      if (seen.has(d)) continue;
      seen.add(d);
      const f = found.get(d);
      const at = f?.prod ?? f?.other;
      d.use = f?.prod ? 'production' : f?.other ? 'non-production' : 'none';
      if (at) d.usedAt = { path: at.path, line: at.line, snippet: at.snippet };
    }
  }
}

/** `@scope/pkg/sub` → `@scope/pkg`; `pkg/sub` → `pkg`. */
function npmPackage(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** `a.b.c` → [`a.b.c`, `a.b`, `a`] (longest first). */
function prefixes(s: string, sep: string): string[] {
  const parts = s.split(sep);
  const out: string[] = [];
  for (let i = parts.length; i > 0; i--) out.push(parts.slice(0, i).join(sep));
  return out;
}
