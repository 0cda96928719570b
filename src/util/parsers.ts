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

/**
 * Deeper than any real YAML file nests flow collections (`[`, `{`). The yaml library recurses once
 * per level and spends seconds failing on hostile nesting (`jobs: [[[[…` 200,000 deep: 2.6 s), so
 * every YAML parse of a file from the audited repository is refused before the library runs.
 */
export const YAML_MAX_NESTING = 256;

const isBlankOrStart = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
/**
 * A quote opens a quoted scalar only where a scalar starts: after a blank, `[`, `{` or `,`. Glued to
 * a word, `:` or `-` (`it's`, `a:'`, `a-'`) it is part of a plain scalar, and counting it as a quote
 * would hide the brackets after it from this check but not from the library.
 */
const opensScalar = (c: number) => isBlankOrStart(c) || c === 91 || c === 123 || c === 44;

/**
 * Throws when `text` nests flow collections deeper than YAML_MAX_NESTING, counted outside quoted
 * scalars and comments; one linear pass, and none at all when the text has fewer brackets than that.
 */
export function checkYamlNesting(text: string): void {
  let openers = 0;
  for (let i = text.indexOf('['); i !== -1 && openers <= YAML_MAX_NESTING; i = text.indexOf('[', i + 1)) openers++;
  for (let i = text.indexOf('{'); i !== -1 && openers <= YAML_MAX_NESTING; i = text.indexOf('{', i + 1)) openers++;
  if (openers <= YAML_MAX_NESTING) return;
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
      continue;
    }
    if ((c === 34 || c === 39) && opensScalar(text.charCodeAt(i - 1))) quote = c;
    else if (c === 35 && isBlankOrStart(text.charCodeAt(i - 1))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return;
      i = end;
    } else if (c === 91 || c === 123) {
      if (++depth > YAML_MAX_NESTING) throw new Error(`flow collections nested deeper than ${YAML_MAX_NESTING} levels`);
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
}

/**
 * Deeper than any real JSON file nests arrays and objects. JSON.parse itself reads any depth, but
 * what the rules do with the value recurses per level (JSON.stringify of a package.json's `jest`
 * object 100,000 deep overflowed the stack and crashed every test rule), so JSON from the audited
 * repository is refused past this depth before it is parsed.
 */
export const JSON_MAX_NESTING = 256;

/** JSON.parse, refusing text that nests arrays and objects deeper than JSON_MAX_NESTING. */
export function parseJson(text: string): unknown {
  checkJsonNesting(text);
  return JSON.parse(text);
}

/** Throws when `text` nests `[` / `{` deeper than JSON_MAX_NESTING outside strings; one linear pass. */
export function checkJsonNesting(text: string): void {
  let openers = 0;
  for (let i = text.indexOf('['); i !== -1 && openers <= JSON_MAX_NESTING; i = text.indexOf('[', i + 1)) openers++;
  for (let i = text.indexOf('{'); i !== -1 && openers <= JSON_MAX_NESTING; i = text.indexOf('{', i + 1)) openers++;
  if (openers <= JSON_MAX_NESTING) return;
  let depth = 0;
  let string = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (string) {
      if (c === 34) string = false;
      else if (c === 92) i++;
    } else if (c === 34) string = true;
    else if (c === 91 || c === 123) {
      if (++depth > JSON_MAX_NESTING)
        throw new Error(`arrays and objects nested deeper than ${JSON_MAX_NESTING} levels`);
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
}
