/**
 * Deno's dependency manifest: the `imports` map of deno.json / deno.jsonc, whose values name
 * packages by registry (`npm:drizzle-orm@0.33`, `jsr:@hono/hono@^4`, `https://deno.land/std@…/log/`),
 * and the deno.lock beside it, which also records the specifiers the code imports inline
 * (`import { nwc } from "npm:@getalby/sdk"`). Blind round 48: a Hono service on Deno had no manifest,
 * so its framework, database client and lockfile were all "not applicable".
 *
 * Packages are named as the catalogues name them (npm names): `npm:` and esm.sh specifiers by their
 * npm package, JSR's home packages `@x/x` (`@hono/hono`, `@zod/zod`) by the npm name `x` of the same
 * project, the Deno standard library (`jsr:@std/log`, `https://deno.land/std@…/log/mod.ts`) as
 * `@std/log`, deno.land/x modules by their name. Lock entries the deno.json does not declare are
 * not the project's declarations (the lock also lists what packages pull in): they count only where
 * production code imports them (DESIGN §2, directness).
 */
import type { DeclaredDependency, FileView, Manifest } from '../../types.js';
import { readDenoConfig } from '../deno.js';
import { dirOf } from '../paths.js';
import { JSON_KEY, firstOffsets, lineAt } from './text.js';

export const DENO_MANIFESTS = ['deno.json', 'deno.jsonc'];
const LOCK_VIA = 'deno.lock entry';

/** `@scope/name` or `name`, then `@version`, then a subpath: the package part, without version. */
function packagePart(rest: string): string | undefined {
  const m = /^(@[\w.-]+\/[\w.-]+|[\w.-]+)/.exec(rest);
  return m?.[1];
}

/**
 * The package a Deno specifier names, as catalogues name it, or undefined for a relative path,
 * a bare specifier, or a URL of another host.
 */
export function denoSpecifierPackage(spec: string): string | undefined {
  const s = spec.trim();
  if (s.length > 500) return undefined;
  let m = /^npm:\/?(.*)$/.exec(s);
  if (m) return packagePart(m[1]!);
  m = /^jsr:\/?(.*)$/.exec(s);
  if (m) return jsrName(packagePart(m[1]!));
  m = /^https?:\/\/deno\.land\/std(?:@[^/]*)?\/([\w-]+)/.exec(s);
  if (m) return `@std/${m[1]}`;
  m = /^https?:\/\/deno\.land\/x\/([\w.-]+?)(?:@[^/]*)?(?:\/|$)/.exec(s);
  if (m) return m[1]!;
  m = /^https?:\/\/(?:esm\.sh|cdn\.skypack\.dev|esm\.run|cdn\.jsdelivr\.net\/npm|unpkg\.com)\/(?:v\d+\/)?(.*)$/.exec(s);
  if (m) return packagePart(m[1]!);
  return undefined;
}

/** The version or range a specifier pins (`npm:x@^1.2`, `jsr:@s/x@1`, `deno.land/std@0.224.0`). */
function specifierVersion(spec: string): string | undefined {
  return (
    /^(?:npm|jsr):\/?(?:@[\w.-]+\/)?[\w.-]+@([^/\s]+)/.exec(spec)?.[1] ??
    /deno\.land\/(?:std|x\/[\w.-]+)@([^/\s]+)/.exec(spec)?.[1]
  );
}

/** JSR's home package of a project, `@x/x`, is the npm package `x` (`@hono/hono` → `hono`). */
function jsrName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const m = /^@([\w.-]+)\/([\w.-]+)$/.exec(name);
  return m && m[1] === m[2] ? m[2] : name;
}

/** Whether a dependency was declared by a Deno manifest or its lock. */
export function isDenoDeclaration(path: string): boolean {
  return /(^|\/)deno\.(json|jsonc|lock)$/.test(path);
}

export function parseDeno(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const config = readDenoConfig(files, path);
  if (!config) return { ecosystem: 'npm', path, ok: false, error: 'not a JSON object' };
  const text = files.read(path) ?? '';
  const declared = new Set<string>();
  const imports = config.imports && typeof config.imports === 'object' ? config.imports : {};
  const keys = firstOffsets(text, JSON_KEY, Math.max(text.indexOf('"imports"'), 0));
  for (const [alias, target] of Object.entries(imports).slice(0, 2000)) {
    if (typeof target !== 'string') continue;
    const name = denoSpecifierPackage(target);
    if (!name || declared.has(name)) continue;
    declared.add(name);
    const at = keys.get(alias);
    const version = specifierVersion(target);
    deps.push({
      ecosystem: 'npm',
      name,
      ...(version ? { version } : {}),
      path,
      ...(at !== undefined ? { line: lineAt(text, at) } : {}),
      dev: false,
    });
  }
  if (config.lock !== false) {
    const dir = dirOf(path);
    const given =
      typeof config.lock === 'string'
        ? config.lock
        : config.lock && typeof config.lock === 'object' && typeof (config.lock as { path?: unknown }).path === 'string'
          ? (config.lock as { path: string }).path
          : 'deno.lock';
    const lock = `${dir ? `${dir}/` : ''}${given.replace(/^\.\//, '')}`;
    if (files.exists(lock)) lockDependencies(files, lock, declared, deps);
  }
  const name = (config as { name?: unknown }).name;
  return { ecosystem: 'npm', path, ok: true, ...(typeof name === 'string' ? { name } : {}) };
}

/**
 * The specifiers deno.lock records (v3 `packages.specifiers`, v4+ `specifiers`, and `remote` URLs),
 * those the manifest does not declare, as entries that count only where code imports them.
 */
function lockDependencies(files: FileView, lock: string, declared: Set<string>, deps: DeclaredDependency[]): void {
  const parsed = files.readJson<{
    specifiers?: Record<string, unknown>;
    packages?: { specifiers?: Record<string, unknown> };
    remote?: Record<string, unknown>;
  }>(lock);
  const v = parsed.ok ? parsed.value : undefined;
  if (!v || typeof v !== 'object') return;
  const text = files.read(lock) ?? '';
  const specs = [
    ...Object.keys((v.specifiers && typeof v.specifiers === 'object' ? v.specifiers : undefined) ?? {}),
    ...Object.keys(
      (v.packages?.specifiers && typeof v.packages.specifiers === 'object' ? v.packages.specifiers : undefined) ?? {},
    ),
    ...Object.keys((v.remote && typeof v.remote === 'object' ? v.remote : undefined) ?? {}),
  ].slice(0, 5000);
  const keys = firstOffsets(text, JSON_KEY);
  for (const spec of specs) {
    const name = denoSpecifierPackage(spec);
    if (!name || declared.has(name)) continue;
    declared.add(name);
    const at = keys.get(spec);
    deps.push({
      ecosystem: 'npm',
      name,
      path: lock,
      ...(at !== undefined ? { line: lineAt(text, at) } : {}),
      dev: false,
      direct: false,
      via: LOCK_VIA,
    });
  }
}
