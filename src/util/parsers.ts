/**
 * The YAML and TOML libraries, loaded when a file first needs one: most of an audit's YAML is
 * read by yaml-fast.ts, and a tree without TOML never needs its parser. Worker threads and small
 * audits skip loading them (several milliseconds each, and dozens of modules for yaml).
 * Both packages ship CommonJS builds for Node; `require` gives the same `yaml` instance an import
 * would.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let yamlLib: typeof import('yaml') | undefined;
let tomlLib: typeof import('smol-toml') | undefined;

export const yaml = (): typeof import('yaml') => (yamlLib ??= require('yaml') as typeof import('yaml'));
export const toml = (): typeof import('smol-toml') => (tomlLib ??= require('smol-toml') as typeof import('smol-toml'));
