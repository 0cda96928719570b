/** Config discovery and validation. Every problem becomes a UsageError naming file and key. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../util/errors.js';
import { configSchema, type Config } from './schema.js';
import { CONFIG_NAMES } from './names.js';
import { fsReason } from '../util/fs-errors.js';

export { CONFIG_NAMES } from './names.js';

export interface LoadedConfig {
  config: Config;
  /** Repo-relative or absolute path of the file, or null when none was found. */
  path: string | null;
  /** True when the file was named on the command line (trusted), false when discovered in the tree. */
  explicit: boolean;
}

export function loadConfig(root: string, explicitPath?: string): LoadedConfig {
  if (explicitPath) {
    const abs = resolve(explicitPath);
    if (!existsSync(abs)) throw new UsageError(`config file not found: ${explicitPath}`);
    return { config: parseConfigFile(abs, explicitPath), path: explicitPath, explicit: true };
  }
  for (const name of CONFIG_NAMES) {
    const abs = join(root, name);
    if (existsSync(abs)) return { config: parseConfigFile(abs, name), path: name, explicit: false };
  }
  return { config: {}, path: null, explicit: false };
}

export function parseConfigFile(abs: string, shown: string): Config {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    throw new UsageError(`${shown}: cannot read config (${fsReason(err, abs, 'read')})`);
  }
  return parseConfigText(text, shown);
}

export function parseConfigText(text: string, shown: string): Config {
  let raw: unknown;
  try {
    raw = shown.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new UsageError(
      `${shown}: invalid ${shown.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  return validateConfig(raw, shown);
}

/** A configuration value (parsed from a file, or given to the library API) checked by the strict schema. */
export function validateConfig(raw: unknown, shown: string): Config {
  if (raw === null || raw === undefined) return {};
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new UsageError(`${shown}: ${formatIssue(result.error.issues[0]!)}`);
  return result.data;
}

export function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys: string[] }).keys;
    return `unknown key ${keys.map((k) => (path === '(top level)' ? k : `${path}.${k}`)).join(', ')}`;
  }
  return `${path}: ${issue.message}`;
}
