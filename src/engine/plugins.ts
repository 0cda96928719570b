/**
 * Plugins (DESIGN §3): npm packages or local modules that export rules. Loading one runs its code,
 * so this is the only place the tool imports code it did not ship, and only with consent:
 *  - plugins named by a config given with --config load (the user chose that file);
 *  - plugins named by a config discovered inside the audited tree load only with --allow-plugins
 *    (a pull request must not be able to run code in CI by adding a .readiness.yml);
 *  - --no-plugins disables all.
 * Plugins never come from the audited repository's dependencies: a local path is resolved from
 * the config file's folder, a package name from there or from the working directory.
 * The export shape is documented in docs/plugins.md.
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../util/errors.js';
import type { ExtraRule } from './custom.js';
import { EFFORTS, PILLAR_IDS, SEVERITIES, type PillarId, type Rule } from '../types.js';

export interface PluginPolicy {
  /** The config was passed with --config (trusted), not discovered in the audited tree. */
  explicit: boolean;
  /** --allow-plugins */
  allow: boolean;
  /** --no-plugins */
  disabled: boolean;
  /** Folder local plugin paths are relative to (the config file's folder). */
  baseDir: string;
  /** The config file as shown to the user. */
  shown: string;
}

export interface LoadedPlugins {
  rules: ExtraRule[];
  notes: string[];
}

export async function loadPlugins(specs: readonly string[], policy: PluginPolicy): Promise<LoadedPlugins> {
  if (specs.length === 0) return { rules: [], notes: [] };
  const list = specs.join(', ');
  if (policy.disabled) return { rules: [], notes: [`plugins not loaded (--no-plugins): ${list}`] };
  if (!policy.explicit && !policy.allow) {
    return {
      rules: [],
      notes: [
        `plugins named by ${policy.shown} in the audited tree were not loaded: ${list} (pass --allow-plugins to trust them, or name the config with --config)`,
      ],
    };
  }
  const rules: ExtraRule[] = [];
  const notes: string[] = [];
  for (const spec of specs) {
    const mod = await importPlugin(spec, policy.baseDir);
    const found = pluginRules(mod, `plugin ${spec}`);
    rules.push(...found);
    notes.push(`plugin ${spec}: ${found.length} rule(s)`);
  }
  return { rules, notes };
}

async function importPlugin(spec: string, baseDir: string): Promise<unknown> {
  let url: string;
  if (spec.startsWith('.') || isAbsolute(spec)) url = pathToFileURL(resolve(baseDir, spec)).href;
  else {
    const path = [baseDir, process.cwd()].map((dir) => tryResolve(spec, dir)).find(Boolean);
    if (!path)
      throw new UsageError(
        `plugin ${spec}: package not found (install it next to the config or in the working directory)`,
      );
    url = pathToFileURL(path).href;
  }
  try {
    return await import(url);
  } catch (err) {
    throw new UsageError(`plugin ${spec}: cannot load: ${((err as Error)?.message ?? String(err)).split('\n')[0]}`);
  }
}

function tryResolve(spec: string, dir: string): string | undefined {
  try {
    return createRequire(join(dir, 'readiness-plugin-resolver.js')).resolve(spec);
  } catch {
    return undefined;
  }
}

/** Validates a plugin module's export: `default` (or `rules`) = array of {pillar, weight, rule}, or {rules: [...]}. */
export function pluginRules(mod: unknown, origin: string): ExtraRule[] {
  const m = mod as { default?: unknown; rules?: unknown } | null;
  let list: unknown = m?.default ?? m?.rules;
  if (list && !Array.isArray(list) && typeof list === 'object' && Array.isArray((list as { rules?: unknown }).rules))
    list = (list as { rules: unknown[] }).rules;
  if (!Array.isArray(list))
    throw new UsageError(`${origin}: expected a default export of [{ pillar, weight, rule }] (see docs/plugins.md)`);
  return list.map((entry, i) => {
    const at = `${origin}: rules[${i}]`;
    const e = entry as { pillar?: unknown; weight?: unknown; rule?: Partial<Rule> } | null;
    if (!e || typeof e !== 'object') throw new UsageError(`${at}: expected { pillar, weight, rule }`);
    if (!(PILLAR_IDS as readonly unknown[]).includes(e.pillar))
      throw new UsageError(`${at}.pillar: expected one of ${PILLAR_IDS.join(', ')}`);
    if (typeof e.weight !== 'number' || !(e.weight >= 0 && e.weight <= 100))
      throw new UsageError(`${at}.weight: expected a number from 0 to 100`);
    const rule = e.rule;
    if (!rule || typeof rule !== 'object' || typeof rule.check !== 'function')
      throw new UsageError(`${at}.rule: expected a rule with meta and check() (defineRule)`);
    if (rule.appliesTo !== undefined && typeof rule.appliesTo !== 'function')
      throw new UsageError(`${at}.rule.appliesTo: expected a function`);
    const meta = rule.meta as unknown as Record<string, unknown> | undefined;
    if (!meta || typeof meta !== 'object') throw new UsageError(`${at}.rule.meta: missing`);
    if (typeof meta.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(meta.id))
      throw new UsageError(`${at}.rule.meta.id: expected a kebab-case id`);
    for (const key of ['title', 'failureTitle', 'description', 'remediation']) {
      if (typeof meta[key] !== 'string' || !(meta[key] as string).trim())
        throw new UsageError(`${at}.rule.meta.${key}: expected a non-empty string`);
    }
    if (!(SEVERITIES as readonly unknown[]).includes(meta.severity))
      throw new UsageError(`${at}.rule.meta.severity: expected one of ${SEVERITIES.join(', ')}`);
    if (!(EFFORTS as readonly unknown[]).includes(meta.effort))
      throw new UsageError(`${at}.rule.meta.effort: expected one of ${EFFORTS.join(', ')}`);
    for (const [key, p] of Object.entries(
      (meta.patterns ?? {}) as Record<string, { regex?: unknown; files?: unknown }>,
    )) {
      if (!(p?.regex instanceof RegExp) || !Array.isArray(p.files))
        throw new UsageError(`${at}.rule.meta.patterns.${key}: expected { regex: RegExp, files: [globs] }`);
    }
    const options = meta.options as { safeParse?: unknown } | undefined;
    if (options !== undefined && (typeof options !== 'object' || typeof options?.safeParse !== 'function'))
      throw new UsageError(`${at}.rule.meta.options: expected a schema with safeParse() (a zod object)`);
    return {
      pillar: e.pillar as PillarId,
      weight: e.weight,
      rule: rule as Rule,
      origin: `${origin} (${String(meta.id)})`,
    };
  });
}
