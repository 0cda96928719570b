/**
 * Configuration as a reader looks it up: every key of the repository's YAML, properties, .env,
 * INI, TOML and JSON files flattened to its full path ("server.compression.enabled",
 * "resilience4j.circuitbreaker.configs.default.slidingWindowSize", "package.keywords") with its
 * value and line. Read line by line (no parser runs on what an attacker wrote), bounded in files
 * and bytes, and built once per lookup context.
 */
import { splitKey } from './names.js';
import type { LookupContext } from './lookup.js';

export interface ConfigEntry {
  path: string;
  line: number;
  /** The full key, dotted. */
  key: string;
  /** The key's words, stemmed ("slidingWindowSize" → slid, window, size). */
  words: string[];
  value: string;
}

const CONFIG_FILE =
  /\.(?:ya?ml|properties|env|ini|cfg|conf|toml|json|jsonc)$|(?:^|\/)\.(?:flake8|pylintrc|pep8|pycodestyle)$|(?:^|\/)\.env(?:\.[\w.-]+)?$|(?:^|\/)(?:application|bootstrap)[\w.-]*$/i;
/**
 * Source files that are configuration written as code (core/config.py, celery.py, settings.py,
 * app.config.ts): their `key = value` and `key='value',` lines are settings as much as YAML is.
 */
const CODE_CONFIG =
  /(?:^|\/)(?:[\w-]*[-_.]?(?:config|settings|conf)|celery(?:config)?|celeryconfig|constants)\.(?:py|js|mjs|cjs|ts|rb|php|exs?)$/i;
const SKIP =
  /(?:^|\/)(?:node_modules|vendor|third_party|\.venv|venv|dist|build|out|target|coverage|\.next|\.nuxt|bower_components|__pycache__|\.git|fixtures|testdata|__snapshots__|locales?|i18n|translations)\/|(?<![\w-])(?:package-lock|npm-shrinkwrap|yarn|pnpm-lock|composer|poetry|Pipfile|tsconfig|jsconfig|\.eslintrc|renovate|lerna|turbo|nx)(?:\.\w+)?\.(?:json|lock|yaml|toml)$|\.min\.json$|(?:^|\/)Cargo\.lock$/i;
const MAX_FILES = 600;
const MAX_FILE_BYTES = 256 * 1024;

/** A word's stem: enough to match "serialization" with "serializer", "authors" with "author". */
export function stem(w: string): string {
  const s = w
    .toLowerCase()
    .replace(/(?:ations?|ments?|ings?|ers?|ors?|ies|ed|es|s)$/, '')
    .slice(0, 8);
  return s.length >= 3 ? s : w.toLowerCase();
}

const keyWords = (key: string) =>
  splitKey(key.replace(/\[\d*\]/g, ''))
    .split(' ')
    .filter(Boolean)
    .map(stem);

const entriesOf = new WeakMap<LookupContext, ConfigEntry[]>();

/** Every configuration key of the repository with its value. */
export function configEntries(ctx: LookupContext): ConfigEntry[] {
  let out = entriesOf.get(ctx);
  if (out) return out;
  out = [];
  const paths = ctx.files.paths.filter(
    (p) => (CONFIG_FILE.test(p) || CODE_CONFIG.test(p)) && !SKIP.test(p) && p !== ctx.documentPath,
  );
  for (const path of paths.slice(0, MAX_FILES)) {
    const text = ctx.readText ? ctx.readText(path, MAX_FILE_BYTES) : ctx.files.read(path);
    if (text === undefined || text.length > MAX_FILE_BYTES) continue;
    readConfig(path, text, out);
  }
  entriesOf.set(ctx, out);
  return out;
}

/** A value without its trailing comment ("8080  # the API port"). */
const uncommented = (v: string) => {
  const at = v.search(/\s#/);
  return at < 0 ? v : v.slice(0, at);
};
const clean = (v: string) =>
  uncommented(v)
    .trim()
    .replace(/^["']|["'],?$|,$/g, '')
    .trim();

/** `name = value` or `name: value` at a line's start, inside a call's arguments too (`conf.update( a='x',`). */
const CODE_ASSIGN =
  /^\s*(?:[\w.]+\(\s*)?(?:self\.|this\.|export const |const |let |var )?([A-Za-z_]\w{2,60})\s?[:=]\s?([^\s=(][^=]{0,120})$/;

/** A tool's option given in a configuration file's argument list: `args: [--max-complexity=20]`, `"--max-line-length", "100"`. */
const CLI_OPTION = /(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+){0,5})(?:=|["']?,?\s+["']?)(\d+(?:\.\d+)?)\b/g;

function readConfig(path: string, text: string, out: ConfigEntry[]): void {
  const push = (line: number, key: string, value: string) => {
    if (key) out.push({ path, line, key, words: keyWords(key), value: clean(value) });
  };
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (!raw.includes('--') || /^\s*(?:#|\/\/|;)/.test(raw)) return;
    for (const m of raw.matchAll(CLI_OPTION)) push(i + 1, m[1]!, m[2]!);
  });
  if (/\.(?:ya?ml)$/i.test(path)) {
    // Keys by indentation; a list item's keys sit one level below its dash.
    const stack: { indent: number; key: string }[] = [];
    lines.forEach((raw, i) => {
      const m = /^(\s*)(-\s+)?(["']?)([\w.$/@-]+)\3\s*:(?:\s(.*))?$/.exec(raw.trimEnd());
      if (!m || raw.trimStart().startsWith('#')) return;
      const indent = m[1]!.length + (m[2] ? m[2].length : 0);
      while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
      const key = [...stack.map((s) => s.key), m[4]!].join('.');
      push(i + 1, key, m[5] ?? '');
      stack.push({ indent, key: m[4]! });
    });
    return;
  }
  if (CODE_CONFIG.test(path)) {
    // `timezone = 'UTC'`, `  result_serializer='json',`, `port: 8000,`: one assignment per line.
    lines.forEach((raw, i) => {
      const m = CODE_ASSIGN.exec(raw);
      if (m && !/^\s*(?:#|\/\/)/.test(raw)) push(i + 1, m[1]!, m[2]!.replace(/(?<![,;)])[,;)]+$/, ''));
    });
    return;
  }
  if (/\.jsonc?$/i.test(path)) {
    // Keys by nesting of braces and brackets, one key per line as JSON is written.
    const stack: string[] = [];
    lines.forEach((raw, i) => {
      const m = /^\s*"([^"]{1,80})"\s*:\s*(.*)$/.exec(raw);
      if (m) {
        const rest = m[2]!.trim();
        if (/^[[{]\s*$/.test(rest)) stack.push(m[1]!);
        else push(i + 1, [...stack, m[1]!].join('.'), rest);
      } else if (/^\s*[}\]],?\s*$/.test(raw)) stack.pop();
    });
    return;
  }
  // TOML, INI, properties, .env: [section] headers and key = value (or key: value) lines.
  let section = '';
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (!t || /^[#;!]/.test(t)) return;
    const header = /^\[\[?([^\]]+)\]\]?$/.exec(t);
    if (header) {
      section = header[1]!.trim();
      return;
    }
    const m = /^(?:export\s+)?["']?([\w.$/@-]+)["']?\s*[=:](.*)/.exec(t);
    if (m) push(i + 1, section ? `${section}.${m[1]}` : m[1]!, m[2]!);
  });
}
