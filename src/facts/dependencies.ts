/**
 * Evidence for dependencies, for rules that credit a library from the manifest: what counted,
 * and what was set aside and why (transitive, a version pin, declared but never imported), so a
 * reader sees that tenacity in a compiled requirements file was looked at and why it earned nothing.
 */
import type { Dependency, Evidence, Facts, FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { isProductionPath } from './paths.js';

/** The declaration, with where production code imports it when that is known. */
export function dependencyEvidence(d: Dependency, note?: string): Evidence {
  const used = d.use === 'production' && d.usedAt ? `imported at ${d.usedAt.path}:${d.usedAt.line}` : '';
  const text = [note, used].filter(Boolean).join('; ');
  return {
    path: d.path,
    ...(d.line ? { line: d.line } : {}),
    snippet: `${d.name}${d.version ? ` ${d.version}` : ''}`,
    ...(text ? { note: text } : {}),
  };
}

/** Why a dependency that matches a catalogue does not count as the project's own, used library. */
export function whyNotCounted(d: Dependency): string | undefined {
  if (!d.direct && d.use !== 'production')
    return d.via?.startsWith('via ') || d.via === '// indirect'
      ? `pulled in by another package (${d.via}), not chosen by the project`
      : `only a ${d.via ?? 'transitive entry'}, not a declaration`;
  if (d.dev) return undefined;
  if (d.use === 'non-production')
    return `declared, but only ${d.usedAt && !isProductionPath(d.usedAt.path) ? `non-production code imports it (${d.usedAt.path}:${d.usedAt.line})` : 'tests or examples import it'}`;
  if (d.use === 'none') return 'declared, but no code imports it';
  return undefined;
}

/**
 * Catalogue dependencies that findDependencies leaves out (transitive, pins, unused), one per
 * name, as evidence notes: at most `limit`.
 */
export function setAside(facts: Facts, names: readonly string[], limit = 3): Evidence[] {
  const counted = new Set(facts.findDependencies(names).map((d) => d.name));
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const d of facts.findDependencies(names, { includeTransitive: true, includeUnused: true })) {
    if (counted.has(d.name) || seen.has(d.name)) continue;
    const why = whyNotCounted(d);
    if (!why) continue;
    seen.add(d.name);
    out.push(dependencyEvidence(d, `not counted: ${d.name} is ${why}`));
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The packages an npm dependency itself depends on, as its lockfile records them (package-lock.json
 * or npm-shrinkwrap.json beside the manifest, else at the root; lockfile v2/v3 `packages`, v1
 * `dependencies.requires`). Read from the lockfile only: nothing is installed or fetched. Lets a
 * rule recognise a published wrapper (`@vendor/metrics` whose own dependencies are the OpenTelemetry
 * metrics SDK) by what it wraps, not by its name.
 */
export function npmDependenciesOf(
  files: { exists(path: string): boolean; readJson<T>(path: string): { ok: boolean; value?: T } },
  manifest: string,
  name: string,
): string[] {
  const slash = manifest.lastIndexOf('/');
  const dir = slash === -1 ? '' : manifest.slice(0, slash + 1);
  const lock = [
    `${dir}package-lock.json`,
    `${dir}npm-shrinkwrap.json`,
    'package-lock.json',
    'npm-shrinkwrap.json',
  ].find((p) => files.exists(p));
  if (!lock) return [];
  const doc = files.readJson<{
    packages?: Record<string, { dependencies?: Record<string, unknown> }>;
    dependencies?: Record<string, { requires?: Record<string, unknown> }>;
  }>(lock);
  const v = doc.ok ? doc.value : undefined;
  if (!v || typeof v !== 'object') return [];
  const entry = v.packages?.[`node_modules/${name}`]?.dependencies ?? v.dependencies?.[name]?.requires;
  return entry && typeof entry === 'object' && !Array.isArray(entry) ? Object.keys(entry).slice(0, 200) : [];
}

/**
 * The packages a Python dependency itself depends on, as the project's lockfile records them
 * (uv.lock `[[package]]` with `dependencies = [{ name = … }]`, poetry.lock `[package.dependencies]`),
 * beside the manifest or at the root, with the line of the package's entry. Read from the lockfile
 * only: nothing is installed or fetched. Lets a rule recognise a small library by what it wraps
 * (a logger that is structlog with a JSON renderer) rather than by its name.
 */
export function pythonDependenciesOf(
  files: FileView,
  manifest: string,
  name: string,
): { names: string[]; path: string; line: number } | undefined {
  const slash = manifest.lastIndexOf('/');
  const dir = slash === -1 ? '' : manifest.slice(0, slash + 1);
  for (const lock of [`${dir}uv.lock`, `${dir}poetry.lock`, 'uv.lock', 'poetry.lock']) {
    if (!files.exists(lock)) continue;
    const entry = pythonLockGraph(files, lock).get(normPy(name));
    if (entry) return { names: entry.names, path: lock, line: entry.line };
  }
  return undefined;
}

const normPy = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

/** Every package of a uv.lock or poetry.lock with its own dependencies, read once per lockfile. */
function pythonLockGraph(files: FileView, lock: string): Map<string, { names: string[]; line: number }> {
  return memo(files, `deps:py-lock:${lock}`, () => {
    const out = new Map<string, { names: string[]; line: number }>();
    const text = (files.read(lock) ?? '').slice(0, 5_000_000);
    let at = 0;
    let line = 1;
    for (let blocks = 0; blocks < 10_000; blocks++) {
      const start = text.indexOf('[[package]]', at);
      if (start < 0) break;
      line += countLines(text, at, start);
      const next = text.indexOf('[[package]]', start + 11);
      const end = next < 0 ? text.length : next;
      at = start;
      const block = text.slice(start, Math.min(end, start + 200_000));
      const n = /^name\s*=\s*"([^"\n]{1,200})"/m.exec(block)?.[1];
      if (n && !out.has(normPy(n))) {
        const names: string[] = [];
        // uv: `dependencies = [ { name = "structlog" }, … ]` (the package's own, before optional/dev groups).
        const uv = /^dependencies\s*=\s*\[([^\]]{0,20000})\]/m.exec(block)?.[1];
        if (uv) for (const m of uv.matchAll(/\bname\s*=\s*"([^"\n]{1,200})"/g)) names.push(normPy(m[1]!));
        // poetry: a `[package.dependencies]` table of `structlog = ">=23"` lines.
        const poetry = /^\[package\.dependencies\]\r?\n((?:[^[\n][^\n]*\r?\n){0,200})/m.exec(block)?.[1];
        if (poetry) for (const m of poetry.matchAll(/^([A-Za-z0-9][\w.-]{0,200})\s*=/gm)) names.push(normPy(m[1]!));
        out.set(normPy(n), { names: [...new Set(names)].slice(0, 200), line: line + 1 });
      }
      if (next < 0) break;
      line += countLines(text, start, next);
      at = next;
    }
    return out;
  });
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
