/**
 * Log appenders declared in a YAML configuration: Dropwizard's `logging:` / `appenders:` list (and
 * the request log's, `server:` / `requestLog:` / `appenders:`), each appender a `type:` with an
 * optional `layout:` that has a `type:` of its own. What the service logs, and where its errors go,
 * is chosen there, not in code (blind round 50: a Dropwizard service with a `logstash-console`
 * appender, a JSON request-log layout and a `sentry` appender was "no structured logging" and "no
 * error tracking").
 */
import type { FileView, Lines, Match } from '../../src/types.js';
import { isProductionPath, isTestPath } from '../../src/facts/paths.js';

/** The scan pattern: a `type:` value on its own line or list item, in a YAML file that names appenders. */
export const APPENDER_TYPE_PATTERN = {
  regex: /^[ \t]+(?:-[ \t]+)?type:[ \t]*["']?([\w.-]{1,80})["']?[ \t]*(?:#.*)?$/m,
  files: ['**/*.{yml,yaml}'],
  literals: ['appenders:'],
  maxPerFile: 12,
};

/**
 * The keys a YAML line sits under, nearest first; a list item it belongs to is `-` (`appenders:` /
 * `- type: console` / `layout:` / `type: json` → `layout`, `-`, `appenders`, …). Bounded: at most
 * 400 lines back and 8 levels.
 */
export function yamlKeyPath(lines: Lines, line: number): string[] {
  const indentOf = (l: string) => /^[ \t]*/.exec(l)![0].length;
  const own = lines.line(line);
  let indent = indentOf(own);
  // A key of a list item (`- type: x`) sits inside that item.
  let inItem = /^[ \t]*-[ \t]/.test(own);
  const out: string[] = [];
  if (inItem) out.push('-');
  for (let n = line - 1; n >= 1 && n >= line - 400 && indent > 0 && out.length < 8; n--) {
    const l = lines.bare(n);
    if (!l.trim() || /^[ \t]*#/.test(l)) continue;
    const ind = indentOf(l);
    // An indentless sequence (`appenders:` ⏎ `- type: x`): the key at the item's own indent owns it.
    const parentOfItem = inItem && ind === indent && /^[ \t]*[\w.-]+[ \t]*:[ \t]*(?:#.*)?$/.test(l);
    if (ind >= indent && !parentOfItem) continue;
    const key = /^[ \t]*(-[ \t]+)?"?([\w.-]+)"?[ \t]*:/.exec(l);
    if (!key) {
      if (/^[ \t]*-[ \t]/.test(l)) {
        out.push('-');
        indent = ind;
        inItem = true;
        continue;
      }
      break;
    }
    // `- type: console` holding the line: the list item, then its key is a sibling of the line's.
    if (key[1]) {
      out.push('-');
      inItem = true;
    } else {
      out.push(key[2]!);
      inItem = false;
    }
    indent = ind;
  }
  return out;
}

export interface LogAppender {
  match: Match;
  /** The `type:` value: the appender's (`logstash-console`, `sentry`) or its layout's (`json`). */
  type: string;
  /** Whether it is the appender's layout (`layout:` / `type: json`), not the appender itself. */
  layout: boolean;
  /** The request log's (`server:` / `requestLog:`), not the application log's. */
  requestLog: boolean;
}

/**
 * The appender and layout types of production configuration files: a `type:` under `appenders:`
 * of a `logging:` or `requestLog:` section. Test configuration (src/test/resources) is not what
 * the service runs with.
 */
export function logAppenders(files: FileView, matches: readonly Match[]): LogAppender[] {
  const out: LogAppender[] = [];
  for (const m of matches) {
    if (!isProductionPath(m.path) || isTestPath(m.path)) continue;
    const lines = files.lines(m.path);
    if (!lines) continue;
    const path = yamlKeyPath(lines, m.line);
    const at = path.indexOf('appenders');
    if (at < 0 || !path.slice(at + 1).some((k) => k === 'logging' || k === 'requestLog')) continue;
    // Directly an appender (`- type: x`), or its layout's type (`layout:` / `type: x`).
    const below = path.slice(0, at);
    const appender = below.length === 1 && below[0] === '-';
    const layout = below.length === 2 && below[0] === 'layout' && below[1] === '-';
    if (!appender && !layout) continue;
    out.push({ match: m, type: m.groups[0] ?? '', layout, requestLog: path.includes('requestLog') });
  }
  return out;
}

/** An appender or layout type that writes JSON: `json`, `access-json`, `logstash-console`, a house `…-json` layout. */
export const JSON_APPENDER = /json|logstash/i;
/** An appender that sends errors to an error tracker (`type: sentry`, dropwizard-sentry and its kin). */
export const TRACKER_APPENDER = /^(?:sentry|bugsnag|rollbar|airbrake|raygun|honeybadger)\b/i;
