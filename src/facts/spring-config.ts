/**
 * The settings a JVM service's own configuration files set (issue 15, round 30: Spring Boot
 * Actuator and Spring Security are switched on and shaped in application.yml, not in code).
 *
 * Reads `application*.{yml,yaml,properties}` and `bootstrap*` of production paths (Spring Boot
 * profiles `application-prod.yml`, Quarkus `%prod.` prefixes, Micronaut `application.yml`) into
 * flat dotted keys with the line that sets them: YAML nesting is followed by indentation, one pass
 * per file with a stack of open keys (linear; a YAML list item under a key is a value of that key).
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { isProductionPath } from './paths.js';

export interface SpringSetting {
  path: string;
  line: number;
  /** Dotted, lower-cased key, profile prefix (`%prod.`) dropped: `management.endpoint.health.probes.enabled`. */
  key: string;
  /** The value, unquoted, comment dropped ('' for a key that opens a block). */
  value: string;
  snippet: string;
}

const FILES = ['**/application*.{yml,yaml,properties}', '**/bootstrap*.{yml,yaml,properties}'];
/** Enough for every real configuration; a hostile tree cannot make the reader do more. */
const MAX_FILES = 40;
const MAX_LINES = 5000;
const MAX_DEPTH = 24;

const YAML_KEY = /^([ \t]*)(?:-[ \t]+)?("[^"]{1,200}"|'[^']{1,200}'|[^\s:#'"][^:#]{0,200}?)[ \t]*:(?:[ \t]+(.*))?$/;
const YAML_ITEM = /^([ \t]*)-[ \t]+(.*)$/;
const PROPERTY = /^[ \t]*([^\s#!=:][^\s=:]{0,300})[ \t]*[=:][ \t]*(.*)$/;

function clean(value: string): string {
  let v = value.trim();
  const hash = v.search(/[ \t]#/);
  if (hash >= 0 && !/^["']/.test(v)) v = v.slice(0, hash).trim();
  if (/^(["']).*\1$/.test(v)) v = v.slice(1, -1);
  return v;
}

function normalise(key: string): string {
  return key
    .replace(/^["']|["']$/g, '')
    .replace(/^%[\w-]+\./, '')
    .toLowerCase();
}

function readYaml(path: string, lines: readonly string[], out: SpringSetting[]): void {
  const stack: { indent: number; key: string }[] = [];
  for (let i = 0; i < lines.length && i < MAX_LINES; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    if (trimmed === '---') {
      stack.length = 0;
      continue;
    }
    const m = YAML_KEY.exec(raw);
    if (m) {
      const indent = m[1]!.length + (/^[ \t]*-[ \t]/.test(raw) ? 2 : 0);
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      if (stack.length >= MAX_DEPTH) continue;
      stack.push({ indent, key: normalise(m[2]!.trim()) });
      out.push({
        path,
        line: i + 1,
        key: stack.map((s) => s.key).join('.'),
        value: clean(m[3] ?? ''),
        snippet: trimmed,
      });
      continue;
    }
    const item = YAML_ITEM.exec(raw);
    if (item) {
      const indent = item[1]!.length;
      while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop();
      if (stack.length === 0) continue;
      out.push({
        path,
        line: i + 1,
        key: stack.map((s) => s.key).join('.'),
        value: clean(item[2]!),
        snippet: trimmed,
      });
    }
  }
}

function readProperties(path: string, lines: readonly string[], out: SpringSetting[]): void {
  for (let i = 0; i < lines.length && i < MAX_LINES; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const m = PROPERTY.exec(raw);
    if (!m) continue;
    out.push({ path, line: i + 1, key: normalise(m[1]!), value: clean(m[2]!), snippet: raw.trim() });
  }
}

/** Every setting of the production configuration files, in path order. */
export function springSettings(files: FileView): SpringSetting[] {
  return memo(files, 'spring-settings', () => {
    const out: SpringSetting[] = [];
    const paths = files.match(FILES).filter((p) => isProductionPath(p) && !/(?:^|\/)src\/test\//.test(p));
    for (const p of paths.slice(0, MAX_FILES)) {
      const text = files.read(p);
      if (!text) continue;
      const lines = files.lines(p);
      if (!lines) continue;
      const all = lines.range(1, Math.min(lines.count, MAX_LINES), true);
      if (p.endsWith('.properties')) readProperties(p, all, out);
      else readYaml(p, all, out);
    }
    return out;
  });
}

/** Settings whose key starts with one of these dotted prefixes. */
export function springSettingsUnder(files: FileView, prefixes: readonly string[]): SpringSetting[] {
  return springSettings(files).filter((s) => prefixes.some((p) => s.key === p || s.key.startsWith(`${p}.`)));
}

/**
 * A Spring profile file for local development or tests (`application-local.yml`,
 * `application-dev.properties`, `bootstrap-test.yaml`): what it sets never runs in production.
 */
export function isLocalProfileFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /^(?:application|bootstrap)-(?:local|dev|develop|development|test|tests|testing|it|integration-test|localstack|docker-local)(?:[-_.][\w-]{0,40})?\.(?:ya?ml|properties)$/.test(
    base,
  );
}
