/**
 * How strictly each part of a repository is type-checked, read the way the compiler reads it: a
 * TypeScript file is checked by the nearest tsconfig above it (and what that one extends), so a
 * monorepo's strict client says nothing about its lax server; a Terraform module is typed by the
 * `type` of its input variables.
 */
import type { Evidence, FileView } from '../../../src/types.js';
import { dirOf, isProductionPath } from '../../../src/facts/paths.js';
import type { TerraformModel } from '../../../src/facts/terraform.js';
import { lineAt } from '../../../src/util/lines.js';
import { memo } from '../../../src/util/memo.js';

const STRICT_ON = /"strict"\s*:\s*true/;
/** A switch that turns part of strict mode off again. */
const STRICT_OFF = /"(strict|noImplicitAny|strictNullChecks)"\s*:\s*false/;
/** Test-only configs (tsconfig.spec.json) do not decide how the product is checked. */
const TEST_CONFIG = /(?:^|\/)tsconfig\.(?:spec|test|e2e)[^/]*\.json$/;

/**
 * Shared presets that set `"strict": true` themselves, read by name when the package is not in the
 * tree (each checked in the package's published tsconfig): @vue/tsconfig (every file of it),
 * @tsconfig/recommended, @tsconfig/strictest, @tsconfig/nodeNN (tsconfig/bases), fastify-tsconfig
 * (fastify/tsconfig tsconfig.json `"strict": true`), @sindresorhus/tsconfig (sindresorhus/tsconfig
 * tsconfig.json `"strict": true`). Any other package is not judged: its strictness is not visible.
 */
const STRICT_PRESET =
  /^@vue\/tsconfig(?:\/|$)|^@tsconfig\/(?:recommended|strictest|node(?:\d+|-lts))(?:\/|$)|^fastify-tsconfig(?:\/tsconfig\.json)?$|^@sindresorhus\/tsconfig(?:\/tsconfig\.json)?$/;

/**
 * A solution-style tsconfig (`"files": []` and `references`) compiles nothing itself: `tsc --build`
 * checks each referenced project by its own config (issue 15: a references-only root judged the
 * Vue app "not strict" beside its strict tsconfig.app.json).
 */
function solutionOnly(text: string): boolean {
  return /"references"\s*:/.test(text) && /"files"\s*:\s*\[\s*\]/.test(text) && !/"include"\s*:/.test(text);
}

export interface TsConfigVerdict {
  path: string;
  strict: boolean;
  /** Why not strict: the switch turned off, or "no strict". */
  why: string;
  line?: number;
  /** Inherits from a package whose tsconfig is neither in the tree nor a known preset. */
  unknown?: boolean;
}

/** Whether one tsconfig is strict, following `extends` a few levels (a package preset by its name). */
function judge(files: FileView, path: string, depth = 0): TsConfigVerdict {
  const text = files.read(path) ?? '';
  const lineOf = (re: RegExp) => {
    const i = text.search(re);
    return i < 0 ? undefined : lineAt(text, i);
  };
  const off = STRICT_OFF.exec(text);
  if (off) return { path, strict: false, why: `"${off[1]}": false`, ...withLine(lineOf(STRICT_OFF)) };
  if (STRICT_ON.test(text)) return { path, strict: true, why: '"strict": true', ...withLine(lineOf(STRICT_ON)) };
  const ext = /"extends"\s*:\s*(?:\[\s*)?"([^"]+)"/.exec(text)?.[1];
  if (ext && depth < 4) {
    // A workspace package of this repository (`@acme/typescript-config/base.json` where
    // tooling/typescript/package.json is named @acme/typescript-config): read its file like a
    // relative one, as the package manager links it (blind round 27).
    const own = ext.startsWith('.') ? undefined : workspaceConfig(files, ext);
    if (own) {
      const parent = judge(files, own, depth + 1);
      return parent.strict ? { ...parent, path, why: `extends ${ext} = ${own} (${parent.why})` } : parent;
    }
    if (!ext.startsWith('.')) {
      // A package preset, judged by its name (node_modules is never listed, so never read).
      const strict = /strictest|\bstrict\b/.test(ext) || STRICT_PRESET.test(ext);
      const line = withLine(lineOf(/"extends"/));
      if (strict) return { path, strict, why: `extends ${ext}`, ...line };
      // Unknown package: say where strictness would come from rather than claim it is absent.
      return { path, strict: false, unknown: true, why: `inherits from ${ext}; strictness not visible`, ...line };
    }
    const base = normalise(`${dirOf(path) ? `${dirOf(path)}/` : ''}${ext}`);
    const target = [base, `${base}.json`].find((p) => files.exists(p));
    const generated = target ? undefined : frameworkGenerated(files, base);
    if (generated) return { ...generated, path, ...withLine(lineOf(/"extends"/)) };
    if (target) {
      const parent = judge(files, target, depth + 1);
      // Strict by inheritance cites the config that compiles the files; lax cites the switch.
      return parent.strict ? { ...parent, path, why: `extends ${target} (${parent.why})` } : parent;
    }
  }
  return { path, strict: false, why: 'no "strict": true', ...withLine(lineOf(/"compilerOptions"/)) };
}

/**
 * A tsconfig a framework writes at build time (never committed) and its default strictness: Nuxt
 * generates `.nuxt/tsconfig*.json` beside its nuxt.config with `"strict": true` unless the config sets
 * `typescript.strict: false` (nuxt/nuxt schema `typescript.strict` default true). Only when that
 * framework's config stands in the folder: a `.nuxt/` path without a nuxt.config is not a Nuxt app.
 */
function frameworkGenerated(files: FileView, target: string): Omit<TsConfigVerdict, 'path'> | undefined {
  const at = /(?:^|\/)\.nuxt\/tsconfig[^/]*$/.exec(target);
  if (!at) return undefined;
  const root = target.slice(0, at.index);
  const config = ['ts', 'js', 'mjs', 'mts', 'cjs']
    .map((x) => `${root ? `${root}/` : ''}nuxt.config.${x}`)
    .find((p) => files.exists(p));
  if (!config) return undefined;
  const text = files.read(config) ?? '';
  const off = /["']?\bstrict["']?\s*:\s*false\b/.exec(text);
  if (off)
    return { strict: false, why: `${config}:${lineAt(text, off.index)} turns off the strict mode Nuxt generates` };
  return {
    strict: true,
    why: `${target} is generated by Nuxt, strict by default (Nuxt default; ${config} does not set typescript.strict: false)`,
  };
}

/** The folders of this repository's own npm packages, by package name (every package.json outside node_modules). */
function packageFolders(files: FileView): Map<string, string> {
  return memo(files, 'typing:package-folders', () => {
    const out = new Map<string, string>();
    for (const p of files.match(['**/package.json'])) {
      if (/(?:^|\/)node_modules\//.test(p)) continue;
      const name = /"name"\s*:\s*"([^"\n]{1,214})"/.exec(files.read(p) ?? '')?.[1];
      if (name && !out.has(name)) out.set(name, dirOf(p));
    }
    return out;
  });
}

/**
 * The tsconfig an `extends` names in a workspace package of this repository: the package by its
 * name (`@scope/name` or `name`), then the file after it (`/base.json`, `/base`), or the package's
 * own tsconfig.json when none is named. Undefined for a package not in the tree.
 */
function workspaceConfig(files: FileView, ext: string): string | undefined {
  const parts = ext.split('/');
  const n = ext.startsWith('@') ? 2 : 1;
  const folder = packageFolders(files).get(parts.slice(0, n).join('/'));
  if (folder === undefined) return undefined;
  const rest = parts.slice(n).join('/');
  const base = normalise(`${folder ? `${folder}/` : ''}${rest || 'tsconfig.json'}`);
  return [base, `${base}.json`].find((p) => files.exists(p));
}

const withLine = (line: number | undefined) => (line === undefined ? {} : { line });

function normalise(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return out.join('/');
}

/**
 * Each TypeScript file judged by the tsconfigs of the nearest folder above it that has one: that
 * folder is strict when one of its configs is strict and none turns strictness off.
 */
export function tsStrictness(files: FileView, tsFiles: string[]) {
  const all = files.match(['**/tsconfig*.json']).filter((p) => isProductionPath(p) && !TEST_CONFIG.test(p));
  const configs = all.filter((p) => !solutionOnly(files.read(p) ?? ''));
  const byDir = new Map<string, TsConfigVerdict[]>();
  // A solution-style root whose references are the configs a framework generates (Nuxt 4's
  // tsconfig.json references ./.nuxt/tsconfig.app.json …): its folder is checked by those, as generated.
  for (const c of all) {
    const text = files.read(c) ?? '';
    if (!solutionOnly(text)) continue;
    const refs = [...text.matchAll(/"path"\s*:\s*"([^"\n]{1,300})"/g)].slice(0, 20);
    for (const r of refs) {
      const base = normalise(`${dirOf(c) ? `${dirOf(c)}/` : ''}${r[1]}`);
      const generated = files.exists(base) ? undefined : frameworkGenerated(files, base);
      if (!generated) continue;
      byDir.set(dirOf(c), [{ ...generated, path: c, ...withLine(lineAt(text, r.index ?? 0)) }]);
      break;
    }
  }
  for (const c of configs) {
    const d = dirOf(c);
    // tsconfig.json first: it is the one editors and `tsc` read by default.
    const list = [...(byDir.get(d) ?? []), judge(files, c)];
    byDir.set(
      d,
      list.sort((a, b) => Number(!a.path.endsWith('/tsconfig.json')) - Number(!b.path.endsWith('/tsconfig.json'))),
    );
  }
  // Deno compiles TypeScript itself with `strict` on by default: its deno.json/deno.jsonc is the
  // folder's config unless a tsconfig stands there, lax only when compilerOptions turns a switch off.
  for (const c of files.match(['**/deno.json', '**/deno.jsonc'])) {
    const d = dirOf(c);
    if (c.includes('node_modules/') || byDir.has(d)) continue;
    const text = files.read(c) ?? '';
    const off = STRICT_OFF.exec(text);
    byDir.set(d, [
      off
        ? { path: c, strict: false, why: `"${off[1]}": false`, ...withLine(lineAt(text, off.index)) }
        : { path: c, strict: true, why: 'Deno type-checks strictly by default' },
    ]);
  }
  const folder = new Map<string, { strict: boolean; verdicts: TsConfigVerdict[]; files: number }>();
  let strictFiles = 0;
  // Files no tsconfig compiles: counted as not strict, and named (a message listing no lax config
  // read "not in )": blind round 24).
  const uncovered: string[] = [];
  for (const f of tsFiles) {
    let d = dirOf(f);
    while (!byDir.has(d) && d !== '') d = dirOf(d);
    const verdicts = byDir.get(d);
    if (!verdicts) {
      uncovered.push(f);
      continue;
    }
    const strict = verdicts.some((v) => v.strict) && !verdicts.some((v) => !v.strict && v.why.endsWith(': false'));
    const entry = folder.get(d) ?? { strict, verdicts, files: 0 };
    entry.files += 1;
    folder.set(d, entry);
    if (strict) strictFiles += 1;
  }
  const pick = (strict: boolean) =>
    [...folder.values()]
      .filter((x) => x.strict === strict)
      .sort((a, b) => b.files - a.files)
      .map((x) => x.verdicts.find((v) => v.strict === strict) ?? x.verdicts[0]!);
  return { strictFiles, strict: pick(true), lax: pick(false), uncovered };
}

export function configEvidence(v: TsConfigVerdict): Evidence {
  return {
    path: v.path,
    ...(v.line !== undefined ? { line: v.line } : {}),
    note: v.strict ? `TypeScript strict mode (${v.why})` : v.unknown ? v.why : `not strict: ${v.why}`,
  };
}

/** Input variables of the production Terraform code, and how many declare a `type`. */
export function terraformTyping(model: TerraformModel): { variables: number; typed: number; untyped: Evidence[] } {
  const vars = model.variables.filter((v) => isProductionPath(v.path));
  const untyped = vars.filter((v) => !('type' in v.attrs) && v.attrLines.type === undefined);
  return {
    variables: vars.length,
    typed: vars.length - untyped.length,
    untyped: untyped
      .slice(0, 2)
      .map((v) => ({ path: v.path, line: v.line, note: `variable "${v.labels[0]}" has no type` })),
  };
}
