/**
 * The host runtime a project is a plugin or module of: code that registers itself with a server it
 * is compiled into (a Caddy module: `caddy.RegisterModule(…)`, importing github.com/caddyserver/caddy/v2)
 * runs inside that server's process, so what the server does for every module — its logger, its
 * handling of SIGTERM — is the project's practice too, the way a framework's defaults are (blind
 * round 41: a Caddy module's logging read as "no structured logging" and its shutdown as "nothing
 * in the application drains", though Caddy logs JSON and drains on SIGTERM).
 *
 * Each host is data: the dependency that embeds it, the registration call that makes the project
 * its module, the calls that log through the host's logger, and what the host does by default.
 */
import type { Dependency, HostRuntime, Match } from '../types.js';

export type { HostRuntime };
import type { ScanPattern } from '../scan/scanner.js';
import { namesMatcher } from './frameworks.js';
import { isCommentLine, isProductionPath } from './paths.js';

export interface HostRuntimeSpec {
  id: string;
  name: string;
  /** Dependencies (go.mod module paths) that embed the host; one declared directly is needed. */
  deps: string[];
  /** Source files the registration is looked for in. */
  files: string[];
  /** The call that registers a module with the host. */
  register: RegExp;
  /** Calls that log through the host's logger (the module's log lines are then the host's). */
  logger: RegExp;
  /** The host's log output by default, for messages; only where it is structured. */
  logging?: string;
  /** What the host does on SIGTERM by default, for messages; only where it drains. */
  shutdown?: string;
  /** Production files of the project's own that replace the host's logging (a logback.xml of its own). */
  ownLogging?: RegExp;
  /** Literals of `register` for the scan's prefilter. */
  registerLiterals: string[];
  /** Literals of `logger` for the scan's prefilter. */
  loggerLiterals: string[];
}

export const HOST_RUNTIMES: HostRuntimeSpec[] = [
  {
    id: 'caddy',
    name: 'Caddy',
    deps: ['github.com/caddyserver/caddy/v2'],
    files: ['**/*.go'],
    register: /\bcaddy\.RegisterModule\(/,
    logger: /\bcaddy\.Log\(\)|\bctx\.Logger\(/,
    // https://caddyserver.com/docs/json/logging/logs/encoder/ — `json` unless stdout is a terminal.
    logging:
      "the module logs through Caddy's logger (zap), which writes JSON lines by default (console text only on a terminal)",
    // https://caddyserver.com/docs/json/apps/http/servers/ — on SIGTERM Caddy stops accepting and lets
    // open requests finish (grace_period, unlimited by default), then cleans up each module.
    shutdown:
      'the host, Caddy, stops gracefully on SIGTERM: it stops accepting, lets requests in flight finish (grace_period) and then cleans up each module',
    registerLiterals: ['RegisterModule('],
    loggerLiterals: ['caddy.', 'Logger('],
  },
  // navikt/rapids-and-rivers: an application hands itself to `RapidApplication.create(env) { … }`,
  // which owns the process — the Kafka consumer, a Ktor server with /isalive, /isready and /metrics,
  // a JVM shutdown hook, and the library's logback.xml (LogstashEncoder: JSON lines on stdout) unless
  // the application ships a logback.xml of its own (blind round 46).
  {
    id: 'rapids-and-rivers',
    name: 'rapids-and-rivers (RapidApplication)',
    deps: ['com.github.navikt:rapids-and-rivers', 'com.github.navikt.tbd-libs:rapids-and-rivers'],
    files: ['**/*.kt', '**/*.java'],
    register: /\bRapidApplication\s*\.\s*(?:create|Builder)\s*\(/,
    logger: /\bKotlinLogging\.logger\b|\bLoggerFactory\.getLogger\s*\(/,
    logging:
      "the application logs through SLF4J to the library's logback.xml, whose LogstashEncoder writes JSON lines to stdout (the project has no logback.xml of its own)",
    shutdown:
      'RapidApplication registers a JVM shutdown hook: on SIGTERM it stops consuming from Kafka and shuts the application down in order',
    ownLogging: /(?:^|\/)src\/main\/resources\/logback(?:-[\w-]+)?\.(?:xml|groovy)$/,
    registerLiterals: ['RapidApplication'],
    loggerLiterals: ['KotlinLogging', 'LoggerFactory'],
  },
];

export const HOST_RUNTIME_PATTERN: ScanPattern = {
  key: 'facts:host-runtime',
  regex: new RegExp(HOST_RUNTIMES.map((h) => h.register.source).join('|')),
  files: [...new Set(HOST_RUNTIMES.flatMap((h) => h.files))],
  literals: [...new Set(HOST_RUNTIMES.flatMap((h) => h.registerLiterals))],
  maxPerFile: 1,
};

export const HOST_LOGGER_PATTERN: ScanPattern = {
  key: 'facts:host-logger',
  regex: new RegExp(HOST_RUNTIMES.map((h) => h.logger.source).join('|')),
  files: [...new Set(HOST_RUNTIMES.flatMap((h) => h.files))],
  literals: [...new Set(HOST_RUNTIMES.flatMap((h) => h.loggerLiterals))],
  maxPerFile: 1,
};

/** Hosts the project is a module of: declared directly and registered with in production code. */
export function hostRuntimes(
  deps: readonly Dependency[],
  registrations: Match[],
  loggers: Match[],
  paths: readonly string[] = [],
): HostRuntime[] {
  const out: HostRuntime[] = [];
  const prod = (m: Match) => isProductionPath(m.path) && !isCommentLine(m.snippet) && !/_test\.go$/.test(m.path);
  for (const h of HOST_RUNTIMES) {
    if (!deps.some((d) => d.direct && !d.dev && namesMatcher(h.deps)(d.name, d.ecosystem))) continue;
    // The snippet is the match's first line: a call split over lines (`RapidApplication⏎.create(`)
    // is told by its literal.
    const reg = registrations.find(
      (m) => prod(m) && (h.register.test(m.snippet) || h.registerLiterals.some((l) => m.snippet.includes(l))),
    );
    if (!reg) continue;
    const own = h.ownLogging ? paths.some((p) => h.ownLogging!.test(p) && isProductionPath(p)) : false;
    const log = own ? undefined : loggers.find((m) => prod(m) && h.logger.test(m.snippet));
    out.push({
      id: h.id,
      name: h.name,
      evidence: {
        path: reg.path,
        line: reg.line,
        snippet: reg.snippet.trim().slice(0, 160),
        note: `a ${h.name} module: runs inside ${h.name}`,
      },
      ...(log ? { loggerAt: { path: log.path, line: log.line, snippet: log.snippet.trim().slice(0, 160) } } : {}),
      ...(h.logging ? { logging: h.logging } : {}),
      ...(h.shutdown ? { shutdown: h.shutdown } : {}),
    });
  }
  return out;
}
