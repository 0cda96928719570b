import { deployedWorkloads, requestScopedOnly, runtime } from '../../src/facts/runtime.js';
import { defineRule } from '../../src/types.js';
import type { Evidence, Match } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { K8S_DIGEST } from '../../src/facts/k8s.js';
import { firstPerFile, fromMatch, isProductionPath } from '../../src/facts/paths.js';
import { CODE_GLOBS, productionMatches } from '../_shared/resilience.js';

/** Code that handles SIGTERM or hooks into the host's shutdown to drain work. */
const CODE = new RegExp(
  [
    String.raw`\bprocess\.(?:on|once|addListener)\(\s*['"]SIG(?:TERM|INT)['"]`,
    // A list of signals handled in a loop: `["SIGTERM", "SIGINT"].forEach((s) => process.on(s, …))`,
    // `for (const s of ["SIGINT", "SIGTERM"]) process.once(s, …)` (comments between the names allowed).
    String.raw`\[[^[\]]{0,200}?['"]SIGTERM['"][^[\]]{0,200}\]\s*\.forEach\(\s*\(?\s*(?<each>\w+)\s*\)?\s*=>\s*\{?\s*process\.(?:on|once|addListener)\(\s*\k<each>\b`,
    String.raw`\bfor\s*\(\s*(?:const|let|var)\s+(?<sig>\w+)\s+of\s+\[[^[\]]{0,200}?['"]SIGTERM['"][^[\]]{0,200}\]\s*\)\s*\{?\s*process\.(?:on|once|addListener)\(\s*\k<sig>\b`,
    String.raw`\bcreate(?:Terminus|HttpTerminator)\(`,
    String.raw`\.enableShutdownHooks\(`,
    String.raw`\bcloseWithGrace\(`,
    String.raw`\bgracefulShutdown\(\s*\w`,
    String.raw`\bsignal\.signal\(\s*signal\.SIGTERM`,
    String.raw`\badd_signal_handler\(\s*signal\.SIGTERM`,
    String.raw`\b(?:timeout_graceful_shutdown|graceful_timeout)\b`,
    String.raw`@\w+\.on_event\(\s*['"]shutdown['"]`,
    // The rest of a `signal.Notify(` line stops at the next one (linear on a line of many).
    String.raw`\bsignal\.Notify(?:Context)?\((?:(?!\bsignal\.Notify)[^\n])*(?:SIGTERM|Interrupt|[Ss]ignals|\.\.\.)`,
    // A name with server or srv in it: looked for once from the start of the word (`\w*X\w*`
    // tried every X of a long word with a scan to its end).
    String.raw`\b(?=\w*?(?:[Ss]erver|[Ss]rv))\w+\.Shutdown\(`,
    String.raw`\.GracefulStop\(\)`,
    String.raw`\bRuntime\.getRuntime\(\)\.addShutdownHook\(`,
    String.raw`@PreDestroy\b`,
    String.raw`\bIHostApplicationLifetime\b`,
    String.raw`\bApplicationStopping\b`,
    String.raw`\bShutdownTimeout\s*=`,
    String.raw`\b(?:Signal\.)?trap\(\s*['"](?:SIG)?TERM['"]`,
    String.raw`\bworker_shutdown_timeout\b`,
    String.raw`\bpcntl_signal\(\s*SIGTERM`,
    String.raw`\.with_graceful_shutdown\(`,
    String.raw`\bSignalKind::terminate\(\)`,
  ].join('|'),
);

/** How many lines of a signal handler (or of the function it calls) are read. */
const HANDLER_BODY = 12;
/** How far above a handler the function it calls may be defined. */
const DEF_ABOVE = 200;
/** Go builtins and keywords that read as calls in a handler body: not functions of the file to follow. */
const GO_NOT_CALLS = new Set([
  'func',
  'make',
  'len',
  'append',
  'new',
  'panic',
  'print',
  'println',
  'if',
  'for',
  'switch',
  'return',
  'go',
  'defer',
  'select',
  'recover',
  'cap',
  'copy',
  'delete',
]);

/** Steps of a shutdown that need a SIGTERM handler (or a graceful server setting) to run them. */
const STEP_ONLY =
  /^(?!.*\b(?:signal\.Notify|SIGTERM|NotifyContext)\b).*(?:\.Shutdown\(|\.GracefulStop\(\)|@PreDestroy\b)/;

/**
 * A Go `signal.Notify` that asks for os.Interrupt (SIGINT, Ctrl-C) and not SIGTERM: `docker stop`,
 * Kubernetes and systemd send SIGTERM, which still kills the process without draining (issue 15).
 */
const INTERRUPT_ONLY =
  /\bsignal\.Notify(?:Context)?\((?![^\n]*\b(?:SIGTERM|[Ss]ignals|Term)\b|[^\n]*\.\.\.)[^\n]*\b(?:Interrupt|SIGINT)\b/;

const isStep = (snippet: string): boolean => STEP_ONLY.test(snippet) || INTERRUPT_ONLY.test(snippet);

/** A Rust HTTP server started in code: axum/warp/axum-server, hyper's `Server::bind`. */
const RUST_SERVE =
  /\b(?:axum|warp|axum_server)::(?:serve|bind(?:_rustls)?)\s*\(|\b(?:hyper::)?Server::(?:bind|builder)\s*\(/;
/** A Rust server handed a shutdown signal: it stops accepting and finishes the requests in flight. */
const RUST_GRACEFUL =
  /\bwith_graceful_shutdown\b|\bgraceful_shutdown\s*\(|\bserve_with(?:_incoming)?_shutdown\b|\bGracefulShutdown\b|\brun_with_graceful_shutdown\b/;

/** Kubernetes' default `terminationGracePeriodSeconds`. */
const K8S_DEFAULT_GRACE = 30;

export default defineRule({
  meta: {
    id: 'graceful-shutdown',
    title: 'SIGTERM drains in-flight work',
    failureTitle: 'No graceful shutdown on SIGTERM',
    description:
      'Every deploy, scale-in and node drain sends SIGTERM; a process that exits at once drops in-flight requests and half-done jobs, so each release causes errors.',
    remediation:
      'Handle SIGTERM: stop accepting work, finish in-flight requests, close pools, then exit (process.on("SIGTERM") or @godaddy/terminus; signal.NotifyContext + server.Shutdown in Go; server.shutdown=graceful in Spring; IHostApplicationLifetime in .NET; uvicorn/gunicorn graceful timeouts). Give the platform time: Kubernetes terminationGracePeriodSeconds and a preStop hook.',
    severity: 'medium',
    effort: 'low',
    detection:
      'Production code that handles SIGTERM or hooks into shutdown (`process.on("SIGTERM")`, also for each signal of a list: `["SIGTERM", "SIGINT"].forEach((s) => process.on(s, …))`, terminus, `signal.Notify(…SIGTERM)`, `.Shutdown(ctx)`, `addShutdownHook` (also Ktor\'s `server.addShutdownHook { … }`), a JVM engine stopped with a grace period (Ktor `stop(grace, timeout)`), Ktor `ShutDownUrl`, `IHostApplicationLifetime`, `trap("TERM")`, controller-runtime `ctrl.SetupSignalHandler()`, C/C++ `signal(SIGTERM, handler)` or `sigaction(SIGTERM, …)` other than SIG_IGN/SIG_DFL); Spring `server.shutdown=graceful`; gunicorn/uvicorn graceful timeouts, uWSGI `die-on-term`; a Dockerfile `STOPSIGNAL` that is the graceful stop of the server it runs (SIGWINCH for Apache httpd, SIGQUIT for nginx/php-fpm). Platform settings (Kubernetes preStop, terminationGracePeriodSeconds, compose stop_grace_period) alone earn partial credit; so does a Node handler that only ends the process (`process.exit`, itself or in the function of the same file it calls) and closes no server, and a Go `signal.Notify` handler that calls `os.Exit` (itself or in the functions of the same file it calls) in a file that never shuts a server down (no `.Shutdown(`, `GracefulStop`, `Stop()`, context cancel or closed channel), and a Rust `SignalKind::terminate()` handler in a file that serves HTTP (`axum::serve`, warp, hyper `Server::bind`) without handing it the signal (`with_graceful_shutdown`, `serve_with_shutdown`, `graceful_shutdown(`): the server is dropped, not drained. Not applicable when every deployment target is Cloudflare Workers (wrangler configs, no workloads, compose, ECS, Nomad or systemd units): the platform runs code per request in isolates, there is no process to drain. An Airflow deployment (an image FROM apache/airflow, or apache-airflow beside a dags/ folder) passes as a default drain: gunicorn, Celery warm shutdown and the scheduler stop gracefully on SIGTERM.',
    patterns: {
      code: {
        regex: CODE,
        files: CODE_GLOBS,
        literals: [
          'SIG',
          'signal.Notify',
          'erminus',
          'Terminator',
          'ShutdownHook',
          'closeWithGrace',
          'graceful',
          'shutdown',
          'Shutdown',
          'PreDestroy',
          'Lifetime',
          'ApplicationStopping',
          'TERM',
          'SignalKind',
          'GracefulStop',
        ],
        maxPerFile: 3,
      },
      // aiorun's `run(main(), shutdown_callback=…)` handles SIGTERM (and SIGINT) itself: it cancels the
      // tasks, awaits them and the shutdown callback, then closes the loop (blind round 50, an asyncio
      // server started by aiorun was "nothing handles SIGTERM"). Its call, or the import of its run.
      aiorun: {
        regex: /\baiorun\.run\(|\bfrom[ \t]+aiorun[ \t]+import[ \t]+run\b/,
        files: ['**/*.py'],
        literals: ['aiorun'],
        maxPerFile: 1,
      },
      // C and C++: a handler installed for SIGTERM with `signal(SIGTERM, handler)` or
      // `sigaction(SIGTERM, &act, …)` (also `std::signal`); ignoring it (`SIG_IGN`) or restoring the
      // default (`SIG_DFL`) handles nothing. The usual C daemon's handler sets a flag its main loop
      // checks, then closes its sockets and exits (blind round 51, an MQTT broker's
      // `signal(SIGTERM, handle_sigint)` was "nothing handles SIGTERM").
      cSignal: {
        regex: /\b(?:signal|sigaction)[ \t]*\([ \t]*SIGTERM[ \t]*,(?![ \t]*SIG_(?:IGN|DFL)\b)/,
        files: ['**/*.{c,cc,cpp,cxx}'],
        literals: ['SIGTERM'],
        maxPerFile: 1,
      },
      // A SIGTERM handler in generated server code: go-swagger writes the service's server.go
      // (`signal.Notify(interrupt, syscall.SIGINT, syscall.SIGTERM)` → `s.Shutdown()`; blind round
      // 28, goldpinger pkg/restapi/server.go:507). Generated code is not the project's writing, but
      // the server it generates is the one that runs. Only handler calls count here: a generated
      // symbol table names signal.Notify without calling it.
      generatedSignal: {
        regex:
          /\bsignal\.Notify(?:Context)?\((?:(?!\bsignal\.Notify)[^\n])*\bSIGTERM\b|\bprocess\.(?:on|once)\(\s*['"]SIGTERM['"]|\bsignal\.signal\(\s*signal\.SIGTERM|\bRuntime\.getRuntime\(\)\.addShutdownHook\(/,
        files: CODE_GLOBS,
        literals: ['SIGTERM', 'addShutdownHook'],
        generated: true,
        maxPerFile: 1,
      },
      // A JVM server engine stopped with a grace period (Ktor's `server.stop(1000, 5000)`,
      // `stop(3, 5, TimeUnit.SECONDS)`, `stop(gracePeriodMillis = …)`): it stops accepting calls and
      // lets those in flight finish, wherever it is called (blind round 44). A bare `stop()` is not.
      // Ktor's `ApplicationEngine.addShutdownHook { server.stop(…) }` extension, a JVM hook in
      // Kotlin's trailing-lambda form (blind round 44, a Ktor server stopped from its hook), and
      // Ktor's ShutDownUrl plugin, which stops the engine gracefully when its URL is called. A
      // pattern of its own: the code pattern's named back-references keep it whole for the
      // backtracking check.
      jvmHook: {
        regex: /\.addShutdownHook\s*\{|\bShutDownUrl\b/,
        files: ['**/*.{kt,kts,java,scala,groovy}'],
        literals: ['ShutdownHook', 'ShutDownUrl'],
        maxPerFile: 2,
      },
      jvmStop: {
        regex: /\.stop\(\s*(?:gracePeriod\w*\s*=|\d[\d_]*L?\s*,\s*(?:timeout\w*\s*=\s*)?\d)/,
        files: ['**/*.{kt,kts,java,scala}'],
        literals: ['.stop('],
        maxPerFile: 1,
      },
      // controller-runtime (and sample-controller's signals package): a context cancelled on SIGTERM
      // or SIGINT, handed to the manager, which stops its runnables and waits for them (blind round
      // 25, cluster-operator cmd/main.go:318 `mgr.Start(ctrl.SetupSignalHandler())`). A pattern of
      // its own: the code pattern's named back-references keep it whole for the backtracking check.
      signalHandler: {
        regex: /\b(?:ctrl|signals|manager)\.SetupSignalHandler\(\)/,
        files: ['**/*.go'],
        literals: ['SetupSignalHandler'],
        maxPerFile: 1,
      },
      // An OpenTelemetry SDK or provider shut down (`sdk.shutdown()`): a handler doing only this drains nothing.
      telemetryShutdown: {
        regex: /\b(?=\w*?(?:sdk|SDK|[Oo]tel|[Pp]rovider|[Tt]elemetry))\w+\.shutdown\(/,
        files: CODE_GLOBS,
        literals: ['.shutdown('],
        maxPerFile: 1,
      },
      config: {
        regex:
          // uWSGI reloads on SIGTERM unless `die-on-term` makes it shut down the workers and exit
          // (`die-on-term = true`, `True`, `1`, `yes`, `on`, or the `--die-on-term` flag).
          /^[ \t]*(?:server\.)?shutdown\s*[:=]\s*["']?graceful|--graceful-timeout|--timeout-graceful-shutdown|^[ \t]*stop_grace_period\s*:|^[ \t]*die-on-term[ \t]*[=:][ \t]*(?:[Tt]rue|TRUE|1|[Yy]es|[Oo]n)\b|--die-on-term\b/m,
        files: [
          '**/application*.{yml,yaml,properties}',
          '**/Dockerfile',
          '**/Dockerfile.*',
          '**/Procfile',
          '**/*.sh',
          '**/*compose*.{yml,yaml}',
          '**/gunicorn*.py',
          '**/uwsgi*.{ini,yml,yaml}',
          // uWSGI and supervisord configurations under any name (docker/app.ini, supervisord-services.ini):
          // `die-on-term` is a uWSGI option wherever it is written (blind round 34, cla_public).
          '**/*.ini',
          '**/supervisord*.conf',
        ],
        literals: ['graceful', 'stop_grace_period', 'die-on-term'],
        maxPerFile: 2,
      },
      // The image's stop signal is the server's graceful stop: SIGWINCH for Apache httpd
      // (`apachectl -k graceful-stop`), SIGQUIT for nginx and php-fpm. Judged with the server the file runs.
      stopSignal: {
        regex: /^[ \t]*STOPSIGNAL[ \t]+(?:SIG)?(WINCH|QUIT)\b/im,
        files: ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile'],
        literals: ['STOPSIGNAL'],
        maxPerFile: 1,
      },
    },
    digests: [K8S_DIGEST],
  },
  appliesTo: ({ facts, files }) => {
    if (facts.profile.id !== 'service')
      return { reason: `graceful shutdown is judged for services; the repository profile is ${facts.profile.id}` };
    // Workers run per request in isolates the platform starts and stops: no process to drain.
    const scoped = requestScopedOnly(runtime(files));
    return scoped
      ? {
          reason: `the service runs on ${scoped.join(', ')}, which runs code per request in isolates it starts and stops: there is no long-running process to shut down gracefully`,
        }
      : true;
  },
  check(ctx) {
    const stopSignals = ctx.matches('stopSignal').filter((m) => {
      if (!isProductionPath(m.path)) return false;
      const text = ctx.files.read(m.path) ?? '';
      return m.groups[0]!.toUpperCase() === 'WINCH'
        ? /\b(?:httpd|apache2?|php:[\w.${}-]*apache)/i.test(text)
        : /\b(?:nginx|php-?fpm|fpm)\b/i.test(text);
    });
    const generated = new Set(ctx.facts.generated);
    const code = [
      ...productionMatches(ctx, 'code'),
      ...productionMatches(ctx, 'aiorun'),
      ...productionMatches(ctx, 'generatedSignal').filter((m) => generated.has(m.path)),
      ...productionMatches(ctx, 'signalHandler'),
      ...productionMatches(ctx, 'cSignal'),
      ...productionMatches(ctx, 'jvmHook'),
      ...productionMatches(ctx, 'jvmStop'),
      ...ctx.matches('config').filter((m) => isProductionPath(m.path)),
      ...stopSignals,
    ];
    const platform: Evidence[] = [];
    for (const w of deployedWorkloads(ctx.files)) {
      if (w.oneOff || w.disabled) continue;
      const pre = w.containers.filter((c) => c.preStop).map((c) => c.name);
      // Kubernetes' own default (30 s), written out as exported manifests do, gives no more time
      // than leaving it out (blind round 35: a manifest exported with every default).
      const grace =
        w.terminationGracePeriodSeconds !== undefined && w.terminationGracePeriodSeconds !== K8S_DEFAULT_GRACE
          ? w.terminationGracePeriodSeconds
          : undefined;
      if (pre.length > 0 || grace !== undefined) {
        const parts = [
          pre.length > 0 ? `preStop hook on ${pre.join(', ')}` : '',
          grace !== undefined ? `terminationGracePeriodSeconds ${grace}` : '',
        ].filter(Boolean);
        platform.push({ path: w.path, line: w.line, note: `${w.kind} ${w.name}: ${parts.join(', ')}` });
      }
    }
    // What runs the app may drain by default (facts/app-servers.ts): gunicorn, uvicorn, Puma, the
    // ASP.NET Core host, actix-web, Spring Boot 3.4+.
    const defaults = ctx.facts.appServers.filter((s) => s.drains);
    const immediate = ctx.facts.appServers.filter((s) => !s.drains);
    const data = {
      codeSites: code.length,
      platformSettings: platform.length,
      frameworkDefault: defaults.map((s) => s.id),
    };
    // A drain step (`srv.Shutdown(ctx)`, `GracefulStop()`) or a bean's `@PreDestroy` cleanup does
    // nothing for a deploy unless SIGTERM reaches it: alone (listmonk calls Shutdown on SIGHUP
    // only; a @PreDestroy that disposes a cache) it is a step, not graceful shutdown (issue 15).
    // .NET's IHostApplicationLifetime injected to call StopApplication() (a migration worker that
    // ends its host when done) hooks nothing into shutdown: only ApplicationStopping/Stopped do (round 13).
    const stopsOnly = (m: { path: string; snippet: string }) =>
      /\bIHostApplicationLifetime\b/.test(m.snippet) &&
      !/\bApplicationStopp(?:ing|ed)\b/.test(ctx.files.read(m.path) ?? '');
    const steps = code.filter((m) => isStep(m.snippet) || stopsOnly(m));
    const handled = code.filter((m) => !isStep(m.snippet) && !stopsOnly(m));
    // A signal list handled in a loop matches from its `[`: the handler is cited at its `process.on(` line.
    const atHandler = (m: Match): Match => {
      if (/\bprocess\.|SIGTERM/.test(m.snippet)) return m;
      const lines = ctx.files.lines(m.path);
      for (let n = m.line; lines && n <= Math.min(lines.count, m.line + 8); n++)
        if (/\bprocess\.(?:on|once|addListener)\(/.test(lines.line(n)))
          return { ...m, line: n, snippet: lines.line(n).trim() };
      return m;
    };
    // A handler whose body only shuts the OpenTelemetry SDK down (and exits) flushes telemetry;
    // it stops no server and drains nothing (blind round 23, dittofeed openTelemetry.ts:143).
    const telemetryOnly = (m: Match) => {
      if (!/\.[cm]?[jt]sx?$/.test(m.path) || !/\bprocess\.(?:on|once|addListener)\(/.test(m.snippet)) return false;
      // Read again only where the scan saw a telemetry shutdown in the file.
      if (!telemetryFiles.has(m.path)) return false;
      const lines = ctx.files.lines(m.path);
      if (!lines) return false;
      let body = '';
      for (let n = m.line; n <= Math.min(lines.count, m.line + 12); n++) body += `${lines.bare(n)}\n`;
      return (
        /\b(?:sdk|otel\w*|\w*[Pp]rovider|telemetry\w*)\.shutdown\(/.test(body) &&
        !/\.close\(|\bclose\w*\(|\.stop\(|\bdrain|\b(?:server|app|fastify|srv|worker)\w*\.\w+\(/i.test(body)
      );
    };
    const telemetryFiles = new Set(ctx.matches('telemetryShutdown').map((m) => m.path));
    const located = handled.map((m) => (stopSignals.includes(m) ? m : atHandler(m)));
    // A Node handler that ends the process (`process.exit(0)`), itself or through a function of the
    // same file it calls (`process.on('SIGTERM', () => shutdown())`), and closes nothing on the way:
    // SIGTERM is handled, in-flight requests are cut (blind round 33, a handler that flushes
    // telemetry then exits).
    const exitOnly = (m: Match) => {
      if (/\.go$/.test(m.path)) return goExitOnly(m);
      if (!/\.[cm]?[jt]sx?$/.test(m.path) || !/\bprocess\.(?:on|once|addListener)\(/.test(m.snippet)) return false;
      const lines = ctx.files.lines(m.path);
      if (!lines) return false;
      const body = lines.window(m.line, 0, HANDLER_BODY, true).join('\n');
      let text = body;
      const called = /=>\s*\{?\s*(?:void\s+|await\s+)?([A-Za-z_$][\w$]*)\s*\(|,\s*([A-Za-z_$][\w$]*)\s*\)/.exec(
        m.snippet,
      );
      const name = called ? (called[1] ?? called[2])! : '';
      if (name && name !== 'process') {
        const def = new RegExp(
          String.raw`^[ \t]*(?:export[ \t]+)?(?:(?:async[ \t]+)?function[ \t]+${name.replace(/\$/g, '\\$')}\b|(?:const|let|var)[ \t]+${name.replace(/\$/g, '\\$')}[ \t]*=)`,
        );
        for (let n = Math.max(1, m.line - DEF_ABOVE); n < m.line; n++)
          if (def.test(lines.line(n))) {
            text += `\n${lines.range(n, Math.min(lines.count, n + HANDLER_BODY), true).join('\n')}`;
            break;
          }
      }
      // A teardown the handler awaits before it exits (`await teardown()`, the function the app's start-up
      // returned to close its server and workers) drains like a close (blind round 46, quirrel's
      // cliWithConfig: `await teardown(); process.exit(2)`). Awaited: a definition never is.
      return (
        /\bprocess\.exit\s*\(/.test(text) &&
        !/\.close\w*\(|\bclose\w*\(|\.stop\(|\bdrain|\bterminate|\b(?:server|app|fastify|srv|worker|httpServer)\w*\.\w+\(|\.destroy\(|\.quit\(|\.disconnect\(|\.end\(|\bawait\s+(?:teardown|cleanup|dispose|shutdown|stop)\w*\s*\(/i.test(
          text,
        )
      );
    };
    // A Go `signal.Notify(…SIGTERM)` whose handler (the lines after it, and the bodies of the
    // functions of the same file it calls: `shutdown(app)`) ends the process with os.Exit and shuts
    // no server down — it may close the database on the way, but in-flight requests are cut
    // (blind round 34, a handler that closes the DB and exits). Any http.Server.Shutdown,
    // GracefulStop, Stop(), a context cancel or a closed channel elsewhere in the file keeps the credit.
    // The top-level functions of a Go file by line, read once per file however many handlers it has.
    const goFuncs = new Map<string, [string, number][]>();
    const goFuncLines = (path: string, lines: { count: number; line(n: number): string }) => {
      let defs = goFuncs.get(path);
      if (!defs) {
        defs = [];
        for (let n = 1; n <= Math.min(lines.count, 20_000); n++) {
          const def = /^func[ \t]+([A-Za-z_]\w*)[ \t]*\(/.exec(lines.line(n));
          if (def) defs.push([def[1]!, n]);
        }
        goFuncs.set(path, defs);
      }
      return defs;
    };
    const goExitOnly = (m: Match) => {
      if (!/\bsignal\.Notify(?:Context)?\(/.test(m.snippet)) return false;
      const lines = ctx.files.lines(m.path);
      if (!lines) return false;
      const file = (ctx.files.read(m.path) ?? '').slice(0, 500_000);
      if (/\.Shutdown\(|\bGracefulStop\(|\.Stop\(\)|\bdrain/i.test(file)) return false;
      let text = lines.window(m.line, 0, HANDLER_BODY, true).join('\n');
      const calls = new Set<string>();
      for (const c of text.matchAll(/(?:^|[^.\w])([a-z_]\w{0,63})\s*\(/g)) {
        const name = c[1]!;
        if (!GO_NOT_CALLS.has(name) && calls.size < 4) calls.add(name);
      }
      const defs = goFuncLines(m.path, lines);
      for (const [name, n] of defs)
        if (calls.has(name)) text += `\n${lines.range(n, Math.min(lines.count, n + 30), true).join('\n')}`;
      return (
        /\bos\.Exit\s*\(/.test(text) &&
        !/(?:^|[^.\w])(?:cancel\w*|close)\s*\(|\b(?:srv|server|listener|ln|httpServer|grpcServer)\w*\.Close\(/.test(
          text,
        )
      );
    };
    // A Rust SIGTERM handler in a file that serves HTTP (`axum::serve(listener, app)`, hyper, warp)
    // without handing the signal to the server (`with_graceful_shutdown`, `serve_with_shutdown`, an
    // axum-server Handle's `graceful_shutdown`): the signal ends a `select!` or the program, the
    // server future is dropped with its connections, and only the rest of the handler runs (blind
    // round 46, a registry that flushed counters on SIGTERM while `select!` dropped `axum::serve`).
    const rustDropsServer = (m: Match) => {
      if (!m.path.endsWith('.rs') || !/\bSignalKind::terminate\(\)/.test(m.snippet)) return false;
      const file = (ctx.files.read(m.path) ?? '').slice(0, 500_000);
      return RUST_SERVE.test(file) && !RUST_GRACEFUL.test(file);
    };
    if (located.length > 0 && located.every(rustDropsServer)) {
      const serve = located
        .map((m) => {
          const lines = ctx.files.lines(m.path);
          for (let n = 1; lines && n <= Math.min(lines.count, 20_000); n++)
            if (RUST_SERVE.test(lines.line(n))) return { path: m.path, line: n, snippet: lines.line(n).trim() };
          return undefined;
        })
        .find((e) => e !== undefined);
      return partial(
        0.3,
        'SIGTERM is handled, but the HTTP server is not told: it is served without with_graceful_shutdown, so on SIGTERM the server future is dropped and in-flight requests are cut; only the rest of the handler runs.',
        [
          ...firstPerFile(located).map((m) => fromMatch(m, 'SIGTERM handler: the server is not shut down through it')),
          ...(serve
            ? [{ ...serve, note: 'served without with_graceful_shutdown: dropped, not drained, on SIGTERM' }]
            : []),
          ...platform.slice(0, 3),
        ],
        data,
      );
    }
    if (located.length > 0 && located.every(telemetryOnly))
      return partial(
        0.3,
        'SIGTERM is handled, but the handler only shuts down telemetry (the OpenTelemetry SDK) and exits: no server is closed and in-flight work is not drained.',
        [
          ...firstPerFile(located).map((m) =>
            fromMatch(m, 'SIGTERM handler: flushes telemetry and exits, drains nothing'),
          ),
          ...platform.slice(0, 3),
        ],
        data,
      );
    if (located.length > 0 && located.every((m) => !stopSignals.includes(m) && exitOnly(m)))
      return partial(
        0.3,
        `SIGTERM is handled, but the handler exits (${located.some((m) => m.path.endsWith('.go')) ? 'os.Exit' : 'process.exit'}) without closing the server: in-flight requests are cut, not drained.`,
        [
          ...firstPerFile(located).map((m) => fromMatch(m, 'SIGTERM handler: exits without draining')),
          ...platform.slice(0, 3),
        ],
        data,
      );
    const codeEvidence = firstPerFile(
      handled.length > 0 ? code.map((m) => (stopSignals.includes(m) ? m : atHandler(m))) : [],
    ).map((m) =>
      stopSignals.includes(m)
        ? fromMatch(
            m,
            m.groups[0]!.toUpperCase() === 'WINCH'
              ? "the container's stop signal is Apache httpd's graceful stop: in-flight requests finish"
              : "the container's stop signal is the server's graceful stop (nginx/php-fpm SIGQUIT)",
          )
        : fromMatch(m),
    );
    // In a repository of several Node servers (apps/backend, apps/orchestrator), a handler in one
    // app's code does not drain another: each HTTP server whose app has none is named (round 14).
    const uncovered = handled.length > 0 ? undrainedServers(ctx.files, handled) : [];
    if (uncovered.length > 0)
      return partial(
        0.6,
        `Shutdown is handled in ${listing([...new Set(handled.map((m) => appDir(m.path)))])}, but not in the HTTP server${uncovered.length === 1 ? '' : 's'} ${listing(uncovered.map((e) => e.path))}: SIGTERM there ends the process without draining.`,
        [
          ...codeEvidence,
          ...uncovered.slice(0, 3).map((e) => ({ ...e, note: 'HTTP server with no shutdown handling in its app' })),
        ],
        data,
      );
    if (handled.length > 0)
      return pass(
        `Shutdown is handled in code or server configuration (${code.length} site${code.length === 1 ? '' : 's'})${platform.length > 0 ? ' and the platform allows time to drain' : ''}.`,
        [...codeEvidence, ...platform.slice(0, 5)],
        data,
      );
    const searchedNote: Evidence = {
      path: '.',
      note: `no SIGTERM handler or shutdown hook in ${ctx.searched('code')} source files (JS/TS, Python, Go, JVM, .NET, Ruby, PHP, Rust)`,
    };
    if (defaults.length > 0)
      return pass(
        `SIGTERM drains in-flight requests by default: ${listing(defaults.map((s) => s.behaviour))}.`,
        [...defaults.map((s) => ({ ...s.evidence, note: s.behaviour })), ...platform.slice(0, 3)],
        data,
      );
    const immediateNotes = immediate.map((s) => ({ ...s.evidence, note: s.behaviour }));
    if (steps.length > 0)
      return partial(
        0.3,
        'Shutdown steps exist (a server Shutdown call, @PreDestroy cleanup or a SIGINT-only handler), but no SIGTERM handler or graceful server setting triggers them to drain in-flight work.',
        [
          ...firstPerFile(steps).map((m) =>
            fromMatch(
              m,
              INTERRUPT_ONLY.test(m.snippet)
                ? 'handles SIGINT (Ctrl-C) only: docker stop and Kubernetes send SIGTERM'
                : stopsOnly(m)
                  ? 'IHostApplicationLifetime used to stop the host (StopApplication), not to drain on SIGTERM'
                  : 'a shutdown step, not reached from a SIGTERM handler',
            ),
          ),
          ...platform.slice(0, 3),
          searchedNote,
        ],
        data,
      );
    // A default drain the signal never reaches is no drain (blind round 36): not credited. Only a
    // platform grace period, if any, earns its own partial below.
    const wrapped = immediate.filter((s) => s.shellWrapped);
    if (wrapped.length > 0 && platform.length === 0)
      return fail(
        `No graceful shutdown: the server would drain on SIGTERM, but the signal does not reach it: ${listing(wrapped.map((s) => s.behaviour))}. Start it with exec (or trap TERM and pass it on).`,
        [...immediateNotes, ...platform.slice(0, 3), searchedNote],
        data,
      );
    if (platform.length > 0)
      return partial(
        0.5,
        'The platform allows time to drain (preStop hook or grace period), but nothing in the application stops accepting work and finishes it on SIGTERM.',
        [...platform.slice(0, 5), ...immediateNotes, searchedNote],
        data,
      );
    if (immediate.length > 0)
      return fail(
        `No graceful shutdown: ${immediate[0]!.behaviour}, and nothing else handles SIGTERM.`,
        [...immediateNotes, searchedNote],
        data,
      );
    return fail('No graceful shutdown: nothing handles SIGTERM.', [searchedNote], data);
  },
});

/** The app folder of a path in a monorepo of apps (`apps/backend`), or undefined. */
function appDir(path: string): string {
  const m = /^((?:[^/]+\/)*?(?:apps|services|packages)\/[^/]+)\//.exec(path);
  return m ? m[1]! : '.';
}

/**
 * Node HTTP servers (an app's `src/main` / `src/index` / `src/server` that calls `.listen(`) in app
 * folders where no shutdown handling was found — only when every handler sits in an app folder
 * of its own (a handler in shared code may serve them all).
 */
function undrainedServers(
  files: { match(globs: string[]): string[]; read(path: string): string | undefined },
  handled: readonly { path: string }[],
): { path: string; line: number; snippet: string }[] {
  const dirs = new Set(handled.map((m) => appDir(m.path)));
  if (dirs.has('.')) return [];
  const out: { path: string; line: number; snippet: string }[] = [];
  for (const p of files.match(['**/{apps,services,packages}/*/src/{main,index,server}.{ts,js,mjs}'])) {
    if (!isProductionPath(p) || dirs.has(appDir(p))) continue;
    const lines = (files.read(p) ?? '').split('\n');
    const i = lines.findIndex((l) => /\.listen\(/.test(l) && !/^\s*\/\//.test(l));
    if (i >= 0) out.push({ path: p, line: i + 1, snippet: lines[i]!.trim() });
  }
  return out;
}
