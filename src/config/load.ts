/** Config discovery and validation. Every problem becomes a UsageError naming file and key. */
import { existsSync, lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkYamlNesting } from '../util/parsers.js';
import type { z } from 'zod';
import { UsageError } from '../util/errors.js';
import { CAPS, jsonErrorText, readCappedBytes } from '../util/read-capped.js';
import { configSchema, type Config } from './schema.js';
import { CONFIG_NAMES } from './names.js';

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
    // lstat, not exists: a dangling link is still the configuration the tree offers, and refused.
    if (!present(abs)) continue;
    return { config: parseConfigFile(abs, name, { discovered: true }), path: name, explicit: false };
  }
  return { config: {}, path: null, explicit: false };
}

function present(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a config file under the walker's rules: a regular file (never a FIFO or device), at most
 * 1 MiB, and — when it was discovered in the audited tree — never through a symbolic link, which
 * could lead out of the root. A file named with --config is the user's choice and may be a link.
 */
export function parseConfigFile(abs: string, shown: string, how: { discovered?: boolean } = {}): Config {
  const bytes = readCappedBytes(abs, { maxBytes: CAPS.config, label: shown, noFollow: how.discovered ?? false });
  if (bytes.includes(0)) throw new UsageError(`${shown}: not a text file`);
  return parseConfigText(bytes.toString('utf8'), shown);
}

export function parseConfigText(text: string, shown: string): Config {
  let raw: unknown;
  try {
    if (shown.endsWith('.json')) raw = JSON.parse(text);
    else {
      checkYamlNesting(text);
      raw = parseYaml(text, { maxAliasCount: 100 });
    }
  } catch (err) {
    const json = shown.endsWith('.json');
    throw new UsageError(
      `${shown}: invalid ${json ? 'JSON' : 'YAML'}: ${json ? jsonErrorText(err) : (err as Error).message.split('\n')[0]}`,
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
