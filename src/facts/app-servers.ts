/**
 * What runs the application, and what it does on SIGTERM by default (issue 15, class 5): an
 * application that leaves shutdown to gunicorn, uvicorn, Puma, the ASP.NET Core host, actix-web or
 * Spring Boot 3.4+ drains in-flight requests without a line of its own, and a verdict that says
 * otherwise is wrong. Found from the commands that start the app (Procfile, Dockerfile, compose,
 * scripts), the server's configuration file, and the project's direct dependencies.
 *
 * - gunicorn: SIGTERM is a graceful shutdown, workers get `graceful_timeout` (30 s) to finish.
 * - uvicorn / hypercorn: stop accepting, wait for open requests, run the lifespan shutdown.
 * - Puma: traps SIGTERM and stops gracefully (since 3.10).
 * - RoadRunner (PHP): SIGTERM stops the server gracefully, workers finish within their destroy timeout.
 * - ASP.NET Core generic host: SIGTERM stops the host, Kestrel drains for ShutdownTimeout (30 s).
 * - actix-web: SIGTERM starts a graceful shutdown of 30 s.
 * - Phoenix / Plug (Elixir): the BEAM stops the supervision tree on SIGTERM; Cowboy's drainer and Bandit drain.
 * - Spring Boot: `server.shutdown` is graceful by default from 3.4 (immediate before).
 * - Quarkus: waits for requests in flight only with `quarkus.shutdown.timeout` set (off by default).
 */
import type { Dependency, Evidence, Facts, FileView, Framework, Match } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { isCommentLine, isProductionPath } from './paths.js';
import { lineOf } from './manifests/text.js';
import { escapeRe } from '../util/regex.js';
import { misnamedDockerfile } from '../walk/dockerfile-names.js';
import { table } from '../util/table.js';

/** What runs the application and whether it drains on SIGTERM by default: the fact's own type (types.ts Facts.appServers). */
export type AppServer = Facts['appServers'][number];

const SERVERS: Record<string, { name: string; behaviour: string; drains?: false }> = table({
  gunicorn: {
    name: 'gunicorn',
    behaviour: 'gunicorn lets workers finish their requests on SIGTERM (graceful_timeout, 30 s by default)',
  },
  uvicorn: { name: 'uvicorn', behaviour: 'uvicorn stops accepting and waits for open requests on SIGTERM' },
  hypercorn: { name: 'Hypercorn', behaviour: 'Hypercorn stops accepting and waits for open requests on SIGTERM' },
  puma: { name: 'Puma', behaviour: 'Puma traps SIGTERM and stops gracefully, finishing requests in flight' },
  // RoadRunner (PHP): SIGTERM stops the server, which stops taking requests and gives its PHP
  // workers their destroy timeout to finish the ones in flight (blind round 50: `exec ./bin/rr serve`
  // in a container's entrypoint was "nothing handles SIGTERM").
  rr: {
    name: 'RoadRunner',
    behaviour:
      'RoadRunner stops gracefully on SIGTERM: it stops taking requests and lets its PHP workers finish the ones in flight (pool destroy_timeout)',
  },
  // Unicorn's SIGTERM (and SIGINT) is a quick shutdown that kills workers at once; only SIGQUIT drains.
  unicorn: {
    name: 'Unicorn',
    behaviour: 'Unicorn stops at once on SIGTERM, cutting requests in flight (only SIGQUIT is a graceful stop)',
    drains: false,
  },
});

export const APP_SERVER_PATTERN: ScanPattern = {
  key: 'facts:app-server',
  // RoadRunner's binary is `rr`, a name too short to take alone: only its `rr serve` command.
  regex: /(?:^|[\s"'[,=/])(gunicorn|uvicorn|hypercorn|puma|rr(?=[ \t]+serve\b))(?=[\s"',\]:]|$)/m,
  files: [
    '**/Procfile',
    '**/Dockerfile',
    '**/Dockerfile.*',
    '**/*.Dockerfile',
    '**/Containerfile',
    '**/*compose*.{yml,yaml}',
    '**/*.sh',
    '**/fly.toml',
    '**/app.yaml',
    '**/render.yaml',
    '**/Makefile',
  ],
  literals: ['gunicorn', 'uvicorn', 'hypercorn', 'puma', 'rr serve'],
  maxPerFile: 2,
};

const FRAMEWORK_DEFAULTS: Record<string, string> = table({
  aspnetcore:
    'the ASP.NET Core host stops Kestrel gracefully on SIGTERM (HostOptions.ShutdownTimeout: 30 s by default from .NET 8, 5 s before)',
  'actix-web': 'actix-web shuts down gracefully on SIGTERM (30 s by default)',
  fastapi: 'FastAPI runs under uvicorn, which waits for open requests on SIGTERM',
  starlette: 'Starlette runs under uvicorn, which waits for open requests on SIGTERM',
  litestar: 'Litestar runs under uvicorn, which waits for open requests on SIGTERM',
  rails: 'Rails runs under Puma, which stops gracefully on SIGTERM',
  // The BEAM answers SIGTERM with init:stop(): the supervision tree stops in order, and the
  // endpoint's server drains first (Plug.Cowboy's drainer, Bandit's shutdown timeout).
  phoenix:
    'the BEAM stops the supervision tree in order on SIGTERM, and the Phoenix endpoint drains open connections (the Cowboy drainer, Bandit shutdown timeout)',
  plug: 'the BEAM stops the supervision tree in order on SIGTERM, and Plug.Cowboy (its drainer) or Bandit drains open connections',
  // Dropwizard builds its Jetty server with a statistics handler and stop-at-shutdown: the JVM's
  // shutdown hook on SIGTERM stops it gracefully, waiting server.shutdownGracePeriod (round 38).
  dropwizard:
    "Dropwizard stops its Jetty server from the JVM's shutdown hook on SIGTERM, letting requests in flight finish (server.shutdownGracePeriod, 30 s by default)",
});

/** Frameworks that are their own server (the others run under one of SERVERS). */
const SELF_SERVING = ['aspnetcore', 'actix-web', 'phoenix', 'plug', 'dropwizard'];

export function appServers(
  files: FileView,
  deps: readonly Dependency[],
  frameworks: readonly Framework[],
  commands: Match[],
): AppServer[] {
  const out = new Map<string, AppServer>();
  const add = (id: string, evidence: Evidence) => {
    const s = SERVERS[id];
    if (s && !out.has(id))
      out.set(id, { id, name: s.name, drains: s.drains ?? true, behaviour: s.behaviour, evidence });
  };
  const wrapped: Match[] = [];
  for (const m of commands)
    if (isProductionPath(m.path) && !isCommentLine(m.snippet)) {
      if (m.path.endsWith('.sh') && withoutExec(files, m)) wrapped.push(m);
      else add(m.groups[0]!, { path: m.path, line: m.line, snippet: m.snippet, note: `started by ${m.groups[0]}` });
    }
  // A container's start script that runs the server without `exec` stays PID 1 (or tini's only
  // child): sh does not pass SIGTERM on, so the server's default drain never runs (round 14).
  for (const m of wrapped) {
    const id = m.groups[0]!;
    const s = SERVERS[id];
    if (!s || out.has(id) || s.drains === false) continue;
    const script = m.path.slice(m.path.lastIndexOf('/') + 1);
    const starter = containerStarter(files, script);
    if (!starter) {
      add(id, { path: m.path, line: m.line, snippet: m.snippet, note: `started by ${id}` });
      continue;
    }
    out.set(id, {
      id,
      name: s.name,
      drains: false,
      shellWrapped: true,
      behaviour: `${script} (the container command, ${starter.path}:${starter.line}) starts ${s.name} without exec, so the shell receives SIGTERM and ${s.name}'s drain never runs`,
      evidence: { path: m.path, line: m.line, snippet: m.snippet, note: `${s.name} started without exec` },
    });
  }
  for (const p of files.match(['**/gunicorn.conf.py', '**/gunicorn_conf.py', '**/gunicorn.py']))
    if (isProductionPath(p)) add('gunicorn', { path: p, note: 'gunicorn configuration' });
  // RoadRunner's configuration (`.rr.yaml`, the development and test ones aside): the server it configures runs the app.
  for (const p of files.match(['**/.rr.{yaml,yml}']))
    if (isProductionPath(p)) add('rr', { path: p, note: 'RoadRunner configuration' });
  for (const d of deps)
    if (d.direct && !d.dev && SERVERS[d.name] && isProductionPath(d.path))
      add(d.name, {
        path: d.path,
        ...(d.line ? { line: d.line } : {}),
        snippet: d.name,
        note: 'application server dependency',
      });
  for (const p of files.match(['**/unicorn.rb', '**/unicorn.conf.rb', '**/unicorn/*.rb']))
    if (isProductionPath(p) && !out.has('unicorn')) add('unicorn', { path: p, note: 'Unicorn configuration' });
  // Production runs Unicorn (its dependency or configuration): a Puma that is only declared (a
  // migration in waiting, a development server) is not what receives SIGTERM in production (round 13).
  const puma = out.get('puma');
  if (out.has('unicorn') && puma && puma.evidence.note === 'application server dependency') out.delete('puma');
  // A framework's usual server stands in only when the server itself was not found (no duplicate).
  const servers = out.size;
  for (const f of frameworks) {
    const behaviour = FRAMEWORK_DEFAULTS[f.id];
    if (!behaviour || out.has(f.id) || (servers > 0 && !SELF_SERVING.includes(f.id))) continue;
    out.set(f.id, { id: f.id, name: f.name, drains: true, behaviour, evidence: f.evidence });
  }
  const nitro = nitroNodeServer(files, deps, frameworks);
  if (nitro) out.set('nitro', nitro);
  const boot = springBoot(files, deps, frameworks);
  if (boot) out.set('spring-boot', boot);
  const quarkus = quarkusShutdown(files, frameworks);
  if (quarkus) out.set('quarkus', quarkus);
  // A server that drains by default, started by a container's shell script without exec: the shell
  // is PID 1 and keeps SIGTERM (blind round 31, `CMD ["entrypoint.sh"]` whose last line is `dotnet
  // WebApi.dll`). Only where the image builds that app (its Dockerfile beside or above the evidence).
  const starts = shellStarts(files);
  for (const [id, s] of out) {
    if (!s.drains) continue;
    const dir = s.evidence.path.includes('/') ? s.evidence.path.slice(0, s.evidence.path.lastIndexOf('/') + 1) : '';
    const w = starts.find((x) => dir.startsWith(x.dir) || x.dir.startsWith(dir));
    if (!w) continue;
    out.set(id, {
      ...s,
      drains: false,
      shellWrapped: true,
      behaviour: `${w.script} (the container command, ${w.dockerfile}:${w.line}) starts \`${w.command}\` without exec, so the shell receives SIGTERM and ${s.name}'s default drain never runs`,
      evidence: { path: w.scriptPath, line: w.commandLine, snippet: w.command, note: `${s.name} started without exec` },
    });
  }
  return [...out.values()];
}

/** A container started through a shell script whose last command starts the program without exec. */
interface ShellStart {
  /** The Dockerfile's directory, with a trailing slash ('' at the root). */
  dir: string;
  dockerfile: string;
  line: number;
  script: string;
  scriptPath: string;
  command: string;
  commandLine: number;
}

/** An init that forwards signals to its child: tini, dumb-init, s6, catatonit, `docker run --init`. */
const SIGNAL_INIT = /\b(?:tini|dumb-init|s6-svscan|\/init\b|catatonit|supervisord)/;
/** The last instruction of a kind in a Dockerfile (`CMD ["entrypoint.sh"]`, `ENTRYPOINT ./start.sh`). */
const START_LINE = /^[ \t]*(CMD|ENTRYPOINT)[ \t]+(.+)$/gim;
/** Programs a start script's last line may run as the server (an interpreter, a runtime, a path). */
const SERVER_PROGRAM =
  /^(?:dotnet|node|nodejs|bun|deno|python[\d.]*|java|ruby|bundle|rails|php|php-fpm|npm|yarn|pnpm|npx|gunicorn|uvicorn|hypercorn|puma|mix|elixir|iex|\.\/[\w.-]+|\/[\w./-]+|"?\$\{?@\}?"?)(?:\s|$)/;

/** Containers whose start goes through a shell script of the repository that does not exec the server. */
function shellStarts(files: FileView): ShellStart[] {
  const out: ShellStart[] = [];
  const dockerfiles = files
    .match(['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile'])
    .filter((p) => isProductionPath(p) && !misnamedDockerfile(p));
  const composeInit = files
    .match('**/*compose*.{yml,yaml}')
    .some((p) => /^[ \t]*init[ \t]*:[ \t]*true\b/m.test((files.read(p) ?? '').slice(0, 200_000)));
  if (composeInit) return out;
  for (const df of dockerfiles.slice(0, 40)) {
    const text = (files.read(df) ?? '').slice(0, 200_000);
    let start: { kind: string; value: string; index: number } | undefined;
    let entry: string | undefined;
    for (const m of text.matchAll(START_LINE)) {
      if (m[1]!.toUpperCase() === 'ENTRYPOINT') entry = m[2]!;
      // The program that runs: the ENTRYPOINT when there is one, else the CMD.
      if (m[1]!.toUpperCase() === 'ENTRYPOINT' || !start || start.kind === 'CMD')
        start = { kind: m[1]!.toUpperCase(), value: m[2]!, index: m.index };
    }
    if (!start || SIGNAL_INIT.test(entry ?? '') || SIGNAL_INIT.test(start.value)) continue;
    const first = /^\[\s*"([^"]+)"/.exec(start.value.trim())?.[1] ?? start.value.trim().split(/\s+/)[0]!;
    const args = /^\[/.test(start.value.trim())
      ? [...start.value.matchAll(/"([^"]*)"/g)].map((x) => x[1]!)
      : start.value.trim().split(/\s+/);
    // `sh entrypoint.sh`, `/bin/bash -c ./start.sh`, `entrypoint.sh`: the script it runs.
    const word = /(?:^|\/)(?:ba|da|z)?sh$/.test(first) ? args.find((a, i) => i > 0 && /\.sh$/.test(a)) : first;
    if (!word || !/\.sh$/.test(word)) continue;
    const base = word.slice(word.lastIndexOf('/') + 1);
    const dir = df.includes('/') ? df.slice(0, df.lastIndexOf('/') + 1) : '';
    const candidates = files.match(`**/${base}`).filter((p) => p.endsWith(`/${base}`) || p === base);
    const scriptPath =
      candidates.find((p) => p.startsWith(dir)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!scriptPath) continue;
    const script = (files.read(scriptPath) ?? '').slice(0, 200_000);
    if (/^[ \t]*trap\b[^\n]*\b(?:SIG)?TERM\b/m.test(script)) continue;
    const lines = script.split('\n');
    let last = -1;
    for (let i = lines.length - 1; i >= 0; i--) {
      const t = lines[i]!.trim();
      if (t && !t.startsWith('#')) {
        last = i;
        break;
      }
    }
    if (last < 0) continue;
    const command = lines[last]!.trim();
    if (/^exec\s/.test(command) || /&\s*$/.test(command) || !SERVER_PROGRAM.test(command)) continue;
    out.push({
      dir,
      dockerfile: df,
      line: files.lines(df)?.lineAt(start.index) ?? 1,
      script: base,
      scriptPath,
      command: command.slice(0, 120),
      commandLine: last + 1,
    });
  }
  return out;
}

/** The command that runs a Nitro build with its node-server preset (`node .output/server/index.mjs`). */
const NITRO_NODE_RUN = /\bnode["']?(?:[ \t]*,)?[ \t]+["']?(?:[\w.-]{0,100}\/){0,4}\.output\/server\/index\.mjs\b/;
/** Nitro's switch that turns its graceful shutdown off. */
const NITRO_SHUTDOWN_OFF = /\bNITRO_SHUTDOWN_DISABLED["']?[ \t]*[=:][ \t]*["']?(?:true|1)\b/;

/**
 * Nuxt and Nitro: the node-server output (`node .output/server/index.mjs`) installs Nitro's
 * setupGracefulShutdown on SIGTERM/SIGINT (close the server, wait up to NITRO_SHUTDOWN_TIMEOUT, 30 s)
 * unless NITRO_SHUTDOWN_DISABLED is set. Credited only when that output is what the repository runs
 * (a Dockerfile CMD, compose command, Procfile or package.json script): a Nuxt app deployed as a
 * static site or to serverless functions has no server process to drain.
 */
function nitroNodeServer(
  files: FileView,
  deps: readonly Dependency[],
  frameworks: readonly Framework[],
): AppServer | undefined {
  const nuxt = frameworks.some((f) => f.id === 'nuxt');
  const nitro = deps.some((d) => d.direct && !d.dev && (d.name === 'nitropack' || d.name === 'nitro'));
  if (!nuxt && !nitro) return undefined;
  const name = nuxt ? 'Nuxt (Nitro node-server)' : 'Nitro node-server';
  const paths = [
    ...files.match(['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile']),
    ...files.match(['**/*compose*.{yml,yaml}', '**/Procfile', '**/package.json']),
  ].filter((p) => isProductionPath(p) && !misnamedDockerfile(p) && !p.includes('node_modules/'));
  let run: Evidence | undefined;
  let off: Evidence | undefined;
  for (const p of paths.slice(0, 60)) {
    const text = (files.read(p) ?? '').slice(0, 200_000);
    if (!text.includes('.output/server/index.mjs') && !text.includes('NITRO_SHUTDOWN_DISABLED')) continue;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (isCommentLine(line)) continue;
      const m = NITRO_NODE_RUN.exec(line);
      if (m && !run) run = { path: p, line: i + 1, snippet: line.trim().slice(0, 120) };
      if (NITRO_SHUTDOWN_OFF.test(line) && !off) off = { path: p, line: i + 1, snippet: line.trim().slice(0, 120) };
    }
  }
  if (!run) return undefined;
  if (off)
    return {
      id: 'nitro',
      name,
      drains: false,
      behaviour: `the Nitro node-server would drain on SIGTERM by default, but NITRO_SHUTDOWN_DISABLED turns it off (${off.path}:${off.line})`,
      evidence: { ...off, note: 'Nitro graceful shutdown disabled' },
    };
  return {
    id: 'nitro',
    name,
    drains: true,
    behaviour:
      'the Nitro node-server output it runs closes the server and waits for requests in flight on SIGTERM (Nitro default, NITRO_SHUTDOWN_TIMEOUT 30 s)',
    evidence: { ...run, note: 'runs the Nitro node-server output' },
  };
}

/** `quarkus.shutdown.timeout=30s` (any profile prefix) in application.properties, or its YAML form. */
const QUARKUS_SHUTDOWN_PROPERTY = /^[ \t]*(?:%[\w-]+\.)?quarkus\.shutdown\.timeout[ \t]*[=:][ \t]*\S/m;
const QUARKUS_SHUTDOWN_YAML = /^[ \t]*shutdown[ \t]*:[ \t]*\r?\n[ \t]+timeout[ \t]*:[ \t]*\S/m;

/**
 * Quarkus on SIGTERM runs its shutdown events and stops, but waits for requests in flight only when
 * `quarkus.shutdown.timeout` is set (graceful shutdown is off by default): read from the
 * application's configuration (src/main/resources/application.properties or .yaml).
 */
function quarkusShutdown(files: FileView, frameworks: readonly Framework[]): AppServer | undefined {
  const fw = frameworks.find((f) => f.id === 'quarkus');
  if (!fw) return undefined;
  for (const p of files.match(['**/src/main/resources/application.{properties,yaml,yml}'])) {
    if (!isProductionPath(p)) continue;
    const text = files.read(p) ?? '';
    const m = (p.endsWith('.properties') ? QUARKUS_SHUTDOWN_PROPERTY : QUARKUS_SHUTDOWN_YAML).exec(text);
    if (!m) continue;
    const at = m.index + (m[0].length - m[0].trimStart().length);
    const line = files.lines(p)?.lineAt(at) ?? 1;
    return {
      id: 'quarkus',
      name: 'Quarkus',
      drains: true,
      behaviour: 'Quarkus waits for requests in flight on SIGTERM, up to quarkus.shutdown.timeout',
      evidence: { path: p, line, snippet: m[0].trim(), note: 'Quarkus graceful shutdown timeout' },
    };
  }
  return {
    id: 'quarkus',
    name: 'Quarkus',
    drains: false,
    behaviour:
      'Quarkus stops on SIGTERM without waiting for requests in flight (graceful shutdown is off until quarkus.shutdown.timeout is set)',
    evidence: fw.evidence,
  };
}

/** The server on this script line is not started with `exec`, and the script traps no TERM to pass on. */
function withoutExec(files: FileView, m: Match): boolean {
  const before = m.snippet.slice(0, Math.max(0, m.snippet.indexOf(m.groups[0]!)));
  if (/(?:^|[;&|(]\s*)exec\s/.test(before.trimStart()) || /&\s*$/.test(m.snippet)) return false;
  const text = files.read(m.path) ?? '';
  return !/^\s*trap\b[^\n]*\b(?:SIG)?TERM\b/m.test(text);
}

/** A Dockerfile CMD/ENTRYPOINT or a compose command/entrypoint that runs this script. */
function containerStarter(files: FileView, script: string): { path: string; line: number } | undefined {
  const name = escapeRe(script);
  const re = new RegExp(
    String.raw`^[ \t]*(?:CMD|ENTRYPOINT|-?[ \t]*(?:command|entrypoint)[ \t]*:)[^\n]*(?:^|[\s"'/\[])` +
      name +
      String.raw`(?=[\s"',\]]|$)`,
    'mi',
  );
  const paths = files.match([
    '**/Dockerfile',
    '**/Dockerfile.*',
    '**/*.Dockerfile',
    '**/Containerfile',
    '**/*compose*.{yml,yaml}',
  ]);
  for (const p of paths) {
    if (!isProductionPath(p) || misnamedDockerfile(p)) continue;
    const text = files.read(p);
    if (!text?.includes(script)) continue;
    const hit = re.exec(text);
    if (hit) return { path: p, line: files.lines(p)!.lineAt(hit.index + hit[0].length) };
  }
  return undefined;
}

/** Spring Boot's version from the Maven parent or the Gradle plugin: graceful by default from 3.4. */
function springBoot(
  files: FileView,
  deps: readonly Dependency[],
  frameworks: readonly Framework[],
): AppServer | undefined {
  const fw = frameworks.find((f) => f.id === 'spring-boot');
  if (!fw) return undefined;
  let version: string | undefined;
  let at: Evidence | undefined;
  const plugin = deps.find((d) => d.name === 'plugin:org.springframework.boot' && /^\d/.test(d.version ?? ''));
  if (plugin) {
    version = plugin.version;
    at = {
      path: plugin.path,
      ...(plugin.line ? { line: plugin.line } : {}),
      snippet: `org.springframework.boot ${version}`,
    };
  }
  // Maven: the starter parent, or the `spring-boot-dependencies` BOM imported in dependencyManagement
  // (a project with its own parent); either version may be a `${property}` of the same pom.
  for (const p of files.match('**/pom.xml')) {
    if (version) break;
    const text = files.read(p) ?? '';
    const m =
      /<groupId>org\.springframework\.boot<\/groupId>\s*<artifactId>spring-boot-(?:starter-parent|dependencies)<\/artifactId>\s*<version>([^<]{1,100})<\/version>/.exec(
        text,
      );
    if (!m) continue;
    let v = m[1]!.trim();
    let line = lineOf(text, m[1]!, m.index) ?? 1;
    const prop = /^\$\{([\w.-]{1,80})\}$/.exec(v);
    if (prop) {
      const def = new RegExp(`<${escapeRe(prop[1]!)}>\\s*([^<\\s]{1,60})\\s*</${escapeRe(prop[1]!)}>`).exec(text);
      if (!def) continue;
      v = def[1]!;
      line = lineOf(text, def[0], def.index) ?? line;
    }
    version = v;
    at = { path: p, line, snippet: `Spring Boot ${version}` };
  }
  // Gradle: the version kept in a property or a version catalog (`springBootVersion=3.4.1`,
  // `spring-boot = "3.4.1"`) when the plugin line reads it from there.
  for (const p of files.match([
    '**/gradle.properties',
    '**/libs.versions.toml',
    '**/build.gradle',
    '**/build.gradle.kts',
  ])) {
    if (version) break;
    const text = files.read(p) ?? '';
    const m =
      /^[ \t]*(?:ext\.|extra\[")?(?:springBootVersion|spring[-_.]?boot(?:[-_.]?version)?)"?\]?[ \t]*=[ \t]*["']?(\d+\.\d+[\w.-]{0,40})/im.exec(
        text,
      );
    if (!m) continue;
    version = m[1]!;
    at = { path: p, line: lineOf(text, m[0], m.index) ?? 1, snippet: `Spring Boot ${version}` };
  }
  const [major, minor] = (version ?? '').split('.').map((x) => Number.parseInt(x, 10));
  if (major === undefined || Number.isNaN(major)) return undefined;
  // The default is the version's; `server.shutdown=immediate` in the application's own
  // configuration turns it off again.
  const immediate = files
    .match(['**/src/main/resources/application*.{properties,yaml,yml}'])
    .filter(isProductionPath)
    .some((p) => /^[ \t]*(?:server\.)?shutdown[ \t]*[:=][ \t]*["']?immediate\b/im.test(files.read(p) ?? ''));
  const drains = !immediate && (major > 3 || (major === 3 && (minor ?? 0) >= 4));
  return {
    id: 'spring-boot',
    name: `Spring Boot ${version}`,
    drains,
    behaviour: drains
      ? `Spring Boot ${version} shuts the embedded server down gracefully by default (server.shutdown=graceful since 3.4)`
      : immediate
        ? `Spring Boot ${version} is set to shut down immediately (server.shutdown=immediate)`
        : `Spring Boot ${version} shuts down immediately unless server.shutdown=graceful is set (graceful became the default in 3.4)`,
    evidence: at ?? fw.evidence,
  };
}
