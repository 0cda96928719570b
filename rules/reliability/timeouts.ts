import { defineRule } from '../../src/types.js';
import type { Evidence, Lines, Match, RuleContext } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { firstPerFile, fromMatch } from '../../src/facts/paths.js';
import { serverlessApp } from '../../src/facts/serverless-app.js';
import { CODE_GLOBS, outboundApplies, productionMatches } from '../_shared/resilience.js';
import {
  ARGS,
  boundedByDefault,
  checkedClients,
  clientFaults,
  disabledTimeout,
  CLIENT_PATTERNS,
  type Fault,
  inRustTestModule,
} from '../_shared/client-timeouts.js';

/** Explicit timeouts on clients (and servers), per language. */
const EXPLICIT = new RegExp(
  [
    // Not the branch of a ternary (`?timeout` ⏎ `:3`: blind round 32, xxl-job XxlJobExecutor.java:237).
    String.raw`(?<!\?[ \t]{0,4})\btimeout\s*:\s*(?:\d|[A-Z_]{3,}|ms\(|Duration)`,
    // A call chain's `.timeout(…)` given a value named for a timeout, scaled or not
    // (`.url(address).timeout(props.getTimeout() * 1000)`: an in-house HTTP tool's builder).
    String.raw`\.(?:timeout|connectTimeout|readTimeout)\(\s*(?:[\w$]+(?:\(\))?\.){0,4}[\w$]+(?<=[Tt]imeout|TIMEOUT|Ms|MS|Millis|Seconds|Secs)(?:\(\))?(?:\s*[*/]\s*\d+)?\s*\)`,
    // Elixir clients: Req `receive_timeout:`/`pool_timeout:`, HTTPoison/hackney `recv_timeout:`, Finch
    // `receive_timeout:`/`request_timeout:`, Mint `connect_timeout:` (a number or a module attribute).
    String.raw`\b(?:receive_timeout|recv_timeout|pool_timeout|request_timeout|connect_timeout):\s*(?:\d|@\w)`,
    // An option whose value is a name that ends in what it holds (`timeout: timeoutMs`,
    // `timeout: config.requestTimeout`, ofetch/axios/got), ending the property: a value read from
    // configuration bounds the call as a number does (blind round 24, papra: 5 of 6 ofetch timeouts
    // were read from the strategy's config and went uncounted). Not `timeout: timeout`, a parameter
    // passed through, nor a type (`timeout: number`).
    String.raw`\btimeout\s*:\s*(?!timeout\s*[,}\r\n])(?=[a-z_$])(?:[\w$]+\??\.){0,4}[\w$]+(?<=[Tt]imeout|TIMEOUT|Ms|MS|Millis|Seconds|Secs|_ms|_secs|_seconds)(?=\s*(?:[,}]|\r?\n))`,
    // A client configuration's timeout object (superagent's `timeout: { response, deadline }`, as a
    // REST client wrapper takes it from per-API config: blind round 33, server/config.ts) or a value
    // read from the environment and converted (`timeout: Number(get('API_TIMEOUT', 10000))`).
    String.raw`\btimeout\s*:\s*\{\s*(?:response|deadline)\s*:`,
    String.raw`\btimeout(?:Ms|Millis)?\s*:\s*(?:Number|parseInt|parseFloat)\(`,
    // Swift: AsyncHTTPClient `execute(request, timeout: .seconds(2))`, `deadline: .now() + .seconds(5)`,
    // and a client configuration's `timeout: .init(connect: .seconds(1), read: .seconds(5))`.
    String.raw`\b(?:timeout|deadline)\s*:\s*(?:\.now\(\)\s*\+\s*)?\.(?:seconds|milliseconds|minutes|nanoseconds|init\(\s*connect)\(`,
    String.raw`\btimeoutInterval(?:ForRequest|ForResource)?\s*[:=]\s*\d`,
    String.raw`\bAbortSignal\.timeout\(`,
    String.raw`\b(?:headers|request|keepAlive)Timeout\s*[:=]\s*\d`,
    String.raw`\b(?:Timeout|ReadTimeout|WriteTimeout|ReadHeaderTimeout|IdleTimeout|ResponseHeaderTimeout|TLSHandshakeTimeout|DialTimeout|ConnWriteTimeout):\s*(?:\d|time\.|\w+\s*\*\s*time\.)`,
    String.raw`\bcontext\.With(?:Timeout|Deadline)\(`,
    // redigo's dial options bound the connection and each command it sends (`redis.DialReadTimeout(d)`).
    String.raw`\bredis\.Dial(?:Connect|Read|Write)?Timeout\(`,
    String.raw`\.(?:connectTimeout|readTimeout|responseTimeout|callTimeout|writeTimeout|connectionTimeout)\(`,
    String.raw`\bset(?:Connect|Read|ConnectionRequest|Socket|Response)Timeout\(`,
    // Builder chains of clients other than HTTP libraries: Spring Data Elasticsearch/OpenSearch
    // `ClientConfiguration.builder().withConnectTimeout(…).withSocketTimeout(…)`, the AWS SDK for
    // Java v2's `.socketTimeout(…)`/`.apiCallTimeout(…)`, Lettuce's `.commandTimeout(…)`, a gRPC
    // stub's `.withDeadlineAfter(…)`, Ktor's `HttpTimeout { requestTimeoutMillis = … }`: each bounds
    // the calls of the client it builds (blind round 41, an OpenSearch client's timeouts not seen).
    String.raw`\.with(?:Connect|Socket|Read|Write|Response|Request|Connection)Timeout\(\s*(?!0\s*\))[\w(]`,
    String.raw`\.(?:socketTimeout|apiCallTimeout|apiCallAttemptTimeout|commandTimeout)\(\s*(?!0\s*\))[\w(]`,
    String.raw`\.withDeadline(?:After)?\(`,
    // A JVM future awaited with a deadline (`future.get(publishTimeout, TimeUnit.SECONDS)`,
    // `.orTimeout(5, SECONDS)`): a client timeout only when the future is an outbound call's (below).
    String.raw`\.get\(\s*[\w.]{1,80}\s*,\s*(?:TimeUnit\.)?(?:NANOSECONDS|MICROSECONDS|MILLISECONDS|SECONDS|MINUTES)\s*\)`,
    String.raw`\.orTimeout\(`,
    // Ktor's HttpTimeout plugin set from a value (`requestTimeoutMillis = timeOut.inWholeMilliseconds`,
    // blind round 46), not switched off (`null`, INFINITE_TIMEOUT_MS); and an engine's own bounds
    // (CIO `endpoint { connectTimeout = 5000 }`, Apache `socketTimeout = 10_000`).
    String.raw`\b(?:request|connect|socket)TimeoutMillis\s*=\s*(?!0\b|null\b|(?:HttpTimeout(?:Config)?\.)?INFINITE_TIMEOUT_MS\b|Long\.MAX_VALUE\b)[\w(]`,
    String.raw`\b(?:connect|socket)Timeout\s*=\s*(?!0\b)\d`,
    // A Go client's timeout setter (resty `client.SetTimeout(d)`, rabbit-hole's `rmq.SetTimeout(d)`):
    // every call of the client is bounded (blind round 25, cluster-operator rabbitmqclient/factory.go:46).
    // Not JavaScript's global `setTimeout(`: a method, capitalised, with a value that is not 0.
    String.raw`\.SetTimeout\(\s*(?!0\s*\))[\w(]`,
    String.raw`@TimeLimiter\(`,
    String.raw`\bTimeLimiter(?:Config\.custom|\.of)\(`,
    String.raw`\.timeoutDuration\(`,
    String.raw`\bTimeout\s*=\s*(?:TimeSpan|Timeout\.)`,
    String.raw`\.AddTimeout\(`,
    // Flurl: `url.WithTimeout(TimeSpan.FromSeconds(30))` bounds that request.
    String.raw`\.WithTimeout\(`,
    String.raw`\bAddStandardResilienceHandler\(`,
    String.raw`\bTimeoutStrategyOptions\b`,
    String.raw`\bPolicy\.Timeout(?:Async)?\(`,
    // Ruby Net::HTTP and friends: a number, or a constant (`http.open_timeout = ENDPOINT_TIMEOUT`,
    // blind round 23, once-campfire webhook.rb:32-33), a setting (`ENV.fetch(…)`, `Settings.http.timeout`).
    String.raw`\b(?:open|read|write|ssl|connect)_timeout\s*(?::|=(?!=))\s*(?:\d|(?:[A-Z]\w*::)*[A-Z][A-Z0-9_]{2,}\b|ENV\b|Integer\(|Float\(|[A-Z]\w*\.\w+)`,
    String.raw`\bRack::Timeout\b`,
    // PHP options (Guzzle, Symfony HttpClient): a number, or a value read from a property, a setting or
    // a constant (`'timeout' => $this->timeOut`, `=> config('http.timeout')`): blind round 23, data-importer.
    String.raw`['"](?:timeout|connect_timeout|read_timeout)['"]\s*=>\s*(?:\d|\$\w|\((?:float|int)\)|(?:config|env)\(|[A-Z_]{3,}|(?:self|static)::)`,
    // Ruby hash-rocket options with symbol keys: `Faraday.new(:request => { :timeout => 15 })`, the
    // shared client every call goes through (round 11, openstreetmap-website OSM.http_client).
    String.raw`(?<![\w'"]):(?:timeout|open_timeout|read_timeout|write_timeout|connect_timeout)\s*=>\s*(?:\d|[A-Z_]{3,})`,
    // Faraday's per-request options, set in the request block (`req.options.timeout = 5`,
    // `request.options[:open_timeout] = LIMIT`): that request is bounded (blind round 19, link-checker-api).
    String.raw`\.options(?:\[:(?:open_|read_|write_)?timeout\]|\.(?:open_|read_|write_)?timeout)\s*=\s*(?!nil\b)[\w(.]`,
    // HTTParty's class-level `default_timeout 10` bounds every request of the class.
    String.raw`\bdefault_timeout[ \t(]+\d`,
    String.raw`(?:Http::|->)(?:timeout|connectTimeout)\(\s*\d`,
    // Guzzle's option constants (`RequestOptions::TIMEOUT => 3`, `RequestOptions::CONNECT_TIMEOUT => …`)
    // and a PHP client's timeout setters (`->setRequestTimeout(self::TIMEOUT)`, `->setConnectTimeout(5)`):
    // blind round 50, a Mezzio service's Guzzle and Matomo tracker calls were "no explicit timeouts".
    String.raw`\bRequestOptions::(?:TIMEOUT|CONNECT_TIMEOUT|READ_TIMEOUT)\s*=>\s*(?:\d|\$\w|\((?:float|int)\)|(?:config|env)\(|[A-Z_]{3,}|(?:self|static)::)`,
    String.raw`->set(?:Request(?:Connect)?|Connect|Read)Timeout\(\s*(?:\d|\$\w|(?:self|static)::|[A-Z_]{3,})`,
    String.raw`\.(?:timeout|connect_timeout|pool_timeout)\(\s*(?:std::time::|Duration::|[a-z_]\w*\s*\)|\d)`,
    // A builder's `.timeout(` whose argument follows over a few lines and ends in a Duration
    // (`.timeout(⏎ config.timeout⏎ .unwrap_or_else(|| Duration::from_secs(30)),`: awc, blind round 22).
    String.raw`\.(?:timeout|connect_timeout)\([ \t]*\n(?:[^\n]*\n){0,3}?[^\n]*\bDuration::`,
    String.raw`\btokio::time::timeout\(`,
    // Ruby's block deadline `Timeout.timeout(n) do … end`: a timeout where the block makes the call.
    String.raw`\bTimeout(?:\.|::)timeout\(`,
    String.raw`\bTimeoutLayer::new\(`,
  ].join('|'),
);

/** A Ktor client's timeout in its file: the HttpTimeout plugin, an engine timeout or a per-request `timeout { }`. */
const KTOR_TIMEOUT = /\bHttpTimeout\b|\b(?:request|connect|socket)Timeout(?:Millis)?\s*=|(?<![\w.])timeout\s*\{/;

/**
 * Python calls whose `timeout=` bounds something else: a query filter, a lock, a queue, a thread,
 * a cache entry's lifetime, a subprocess.
 */
const NOT_A_CLIENT =
  /\.(?:filter|exclude|acquire|wait|join|set|set_many|add|touch|get_or_create|update_or_create|get_or_set)\(|\bsubprocess\.\w+\(|\b(?:queue|q)\.(?:get|put)\(|\bcache\w*\.\w+\(|@?\bcache_(?:page|control)\(|^\s*>>>/;
/**
 * A default in a Python function's parameters (`def generation_key(timeout=60 * 60)`): a client
 * timeout only where the file makes HTTP calls to pass it to; a cache key's lifetime otherwise (round 8).
 */
const PY_DEF = /^\s*(?:async\s+)?def\s+\w+\s*\(/;

/** Module names (file stems) of production Python HTTP helpers whose timeout defaults to None, with their paths. */
function pyHelpers(ctx: RuleContext): Map<string, string> {
  const clients = new Set(productionMatches(ctx, 'pyHttpLib').map((m) => m.path));
  const out = new Map<string, string>();
  for (const m of productionMatches(ctx, 'pyNoneTimeout')) {
    if (!clients.has(m.path)) continue;
    const stem = m.path.slice(m.path.lastIndexOf('/') + 1).replace(/\.py$/, '');
    if (stem !== '__init__') out.set(stem, m.path);
  }
  return out;
}

/**
 * A `timeout:` option of something that is no call at all: a regular expression's match limit
 * (Ruby `Regexp.new(src, opts, timeout: 0.1)`, .NET `new Regex(…, TimeSpan)`), a validation, a
 * lock or a local computation. It bounds CPU time in-process, not a wait on another service. So does
 * the idle timeout of a socket the service serves (Phoenix `socket "/socket", …, websocket: [timeout: 45_000]`).
 */
const NOT_A_CALL =
  /\bRegexp\.(?:new|timeout\s*=)|\bnew\s+Regex\s*\(|\bRegex\.(?:Match|IsMatch|Replace)\s*\(|\bvalidates?(?:_\w+)?\b|\bwith_lock\b|\.lock\s*\(|\b(?:websocket|longpoll):\s*\[/;

/**
 * A timeout of a cache or data-store client (Dalli/memcached or Redis `socket_timeout: 1.5`,
 * redis-py `socket_connect_timeout=`): it bounds that store, said in the message, but it is no
 * timeout on the service's HTTP calls (round 21, CodeTriage production.rb:115).
 */
// Zero, nil and None turn it off: taken out by disabledTimeout where the matches are used (a lookahead
// here let `socket_timeout: 0.5` fail and `=> 0` with a space pass: the review of round 21's fixes).
const STORE_TIMEOUT = /\bsocket_(?:connect_)?timeout\b\s*(?::|=>|=)\s*[\w.]/;

/** A deadline around a future, coroutine or block rather than an option of a client. */
// A wait on a local future (`future.result(timeout=15)`, `concurrent.futures.wait(fs, timeout=…)`,
// `thread.join(timeout=…)`) bounds the wait, not a call (round 18, fastapi-min: an Alembic runner).
const TASK_DEADLINE =
  /\.get\(\s*[\w.]{1,80}\s*,\s*(?:TimeUnit\.)?[A-Z]+\s*\)|\.orTimeout\(|\btokio::time::timeout\(|\basyncio\.wait_for\(|\bTimeout(?:\.|::)timeout\(|\.result\(\s*timeout\s*=|\bfutures\.(?:wait|as_completed)\(|\bas_completed\([^)\n]*\btimeout\s*=|\.join\(\s*timeout\s*=/;
/** A Ruby method definition whose parameters (on its line) include `timeout:`. */
const RB_DEF = /^\s*def\s+(?:self\.)?[\w?!]+\s*\(?[^)\n]*\b\w*timeout:/;
/** An outbound call in Ruby: Net::HTTP, HTTParty, Faraday, RestClient, open-uri, Mechanize. */
const RB_CALL =
  /\b(?:Net::HTTP|HTTParty|Faraday|RestClient|URI\.open|Mechanize|Excon|HTTPX?)\b|\.request_(?:get|post)\(|(?:^|[^.\w])open\(\s*(?:url|uri|location)/;

/**
 * A Ruby `Timeout.timeout(n) do … end` whose block (up to 30 lines, to its `end` at the same
 * indentation) makes an outbound call: that call is bounded (round 13, a story download).
 */
/** A JVM future awaited with a deadline. */
const JVM_FUTURE_DEADLINE = /\.get\(\s*[\w.]{1,80}\s*,\s*(?:TimeUnit\.)?[A-Z]+\s*\)|\.orTimeout\(/;

/** A call that sends something out and hands back a future: a publish, a send, an async request. */
const OUTBOUND_FUTURE_CALL =
  /\.(?:publish|send\w*|execute\w*|exchange|request|call|post\w*|put\w*|get\w*Async|invoke\w*)\(/;

/**
 * A JVM future awaited with a deadline whose future an outbound call returned, on the same line
 * (`template.publish(topic, msg).get(30, SECONDS)`) or assigned a few lines above
 * (`CompletableFuture<String> future = pubSubTemplate.publish(…)`; blind round 44): the deadline
 * bounds that call, as a client timeout would.
 */
function outboundFuture(ctx: RuleContext, m: Match): boolean {
  if (!/\.(?:java|kt|kts|scala|groovy)$/.test(m.path)) return false;
  const at = /(?:(\w+)\s*)?\.(?:get\(\s*[\w.]{1,80}\s*,|orTimeout\()/.exec(m.snippet);
  if (!at) return false;
  const before = m.snippet.slice(0, at.index);
  if (OUTBOUND_FUTURE_CALL.test(before)) return true;
  const name = at[1];
  if (!name) return false;
  const lines = ctx.files.lines(m.path);
  if (!lines) return false;
  const assigned = new RegExp(String.raw`\b${name}\s*=(?!=)`);
  for (let n = m.line - 1; n >= Math.max(1, m.line - 8); n--) {
    const text = `${lines.line(n)} ${n < m.line - 1 ? lines.line(n + 1) : ''}`;
    if (assigned.test(lines.line(n))) return OUTBOUND_FUTURE_CALL.test(text);
  }
  return false;
}

function rubyBlockCall(ctx: RuleContext, m: Match): boolean {
  if (!m.path.endsWith('.rb') || !/\bTimeout(?:\.|::)timeout\(/.test(m.snippet)) return false;
  const lines = ctx.files.lines(m.path);
  if (!lines) return false;
  const indent = /^\s*/.exec(lines.line(m.line))?.[0].length ?? 0;
  for (let n = m.line; n <= Math.min(lines.count, m.line + 30); n++) {
    const l = lines.line(n);
    if (n > m.line && /^\s*(?:end\b|\})/.test(l) && (/^\s*/.exec(l)?.[0].length ?? 0) <= indent) break;
    if (RB_CALL.test(l)) return true;
  }
  return false;
}
/** A request made on the same line, which the deadline then bounds. */
const REQUEST_IN_LINE = /\.send\(|\breqwest::|\b(?:client|http|session)\.(?:get|post|put|patch|delete|head|request)\(/i;

/** Inbound limits of Node's http.Server (and so of Fastify, which passes them on). */
const NODE_SERVER_OPTION = /\b(?:request|connection|keepAlive|headers)Timeout\s*:/;

/** A gunicorn or uvicorn configuration file: its `timeout` bounds a worker's request, not a call. */
const SERVER_CONFIG = /(^|\/)(gunicorn|uvicorn)[^/]*\.py$/;

/**
 * A timeout that bounds what the service serves or how long it takes to stop, not a call it makes:
 * cited as outbound evidence it would pass a service whose calls wait forever.
 */
function inbound(m: Match, goServers: Set<string>, shutdowns: Match[], nodeServers: Match[]): string | null {
  if (SERVER_CONFIG.test(m.path)) return 'server worker timeout';
  // Node's http.Server options, given to `Fastify({…})` or `http.createServer({…})`: they bound how
  // long a client may take to send its request, not a call the service makes (round 11).
  if (
    NODE_SERVER_OPTION.test(m.snippet) &&
    nodeServers.some((s) => s.path === m.path && m.line >= s.line && m.line <= s.line + 40)
  )
    return 'server option';
  if (/\bRack::Timeout\b|\bTimeoutLayer::new\(/.test(m.snippet)) return 'request timeout of the server';
  if (/\b(?:server|srv|httpServer|app)\.(?:headers|keepAlive|request)Timeout\s*=/.test(m.snippet))
    return 'server timeout';
  if (goServers.has(m.path) && /\b(?:ReadTimeout|WriteTimeout|ReadHeaderTimeout|IdleTimeout)\s*:/.test(m.snippet))
    return 'http.Server timeout';
  if (
    /\bcontext\.WithTimeout\(/.test(m.snippet) &&
    shutdowns.some((s) => s.path === m.path && s.line >= m.line && s.line <= m.line + 6)
  )
    return 'shutdown deadline';
  return null;
}

/**
 * The service's explicit timeouts of the patterns named, past the filters (not a client's option
 * object, not a call, not a Python def outside HTTP code), split into those that bound a call it
 * makes and those that bound the server itself (inbound): appliesTo and check judge them alike.
 */
function explicitTimeouts(
  ctx: RuleContext,
  keys: string[],
): {
  outbound: Match[];
  server: Evidence[];
  subprocess: Evidence[];
  tasks: Evidence[];
  disabled: Evidence[];
} {
  const goServers = new Set(ctx.matches('goServer').map((m) => m.path));
  const shutdowns = ctx.matches('goShutdown');
  const nodeServers = ctx.matches('nodeServer');
  const outbound: Match[] = [];
  const server: Evidence[] = [];
  const subprocess: Evidence[] = [];
  const tasks: Evidence[] = [];
  const disabled: Evidence[] = [];
  const pyHttpFiles = new Set(
    [...ctx.matches('pyHttpLib'), ...ctx.matches('pyRequests'), ...ctx.matches('pyHttpxImport')].map((m) => m.path),
  );
  // productionMatches keeps the server component's production files only.
  for (const m of productionMatches(ctx, ...keys)) {
    if (m.path.endsWith('.py') && NOT_A_CLIENT.test(m.snippet)) continue;
    // A Rust unit-test module in a source file (`#[cfg(test)] mod tests`) is no production code.
    if (m.path.endsWith('.rs') && inRustTestModule(ctx.files.lines(m.path), m.line)) continue;
    if (NOT_A_CALL.test(m.snippet)) continue;
    // A record's own `timeout` field (an alert's expiry, a Mongo projection), no client's option.
    if (domainField(ctx.files.lines(m.path), m)) continue;
    if (disabledTimeout(m.snippet)) {
      disabled.push(fromMatch(m, 'timeout set to zero or none: that turns it off, it bounds nothing'));
      continue;
    }
    if (m.path.endsWith('.py') && PY_DEF.test(m.snippet) && !pyHttpFiles.has(m.path)) continue;
    // A Ruby method's keyword parameter (`def online?(timeout: 300)`, a presence window) in a file
    // that makes no outbound call is the method's own setting, not a client's (blind round 29).
    if (m.path.endsWith('.rb') && RB_DEF.test(m.snippet) && !RB_CALL.test(ctx.files.read(m.path) ?? '')) continue;
    // A command's own flag written into its argument list (`["kubectl", "rollout", "status", …,
    // "--timeout=300s"]`): how long a deploy step waits, no call of the service (blind round 39).
    if (CLI_TIMEOUT_FLAG.test(m.snippet)) {
      subprocess.push(fromMatch(m, "a command's --timeout flag: bounds a command it runs, not an outbound call"));
      continue;
    }
    // The timeout of a scheduled job (`CronJob(function=…, timeout=600)`, `add_job(…, timeout=…)`):
    // how long the job may run, not a call it makes (blind round 39, a SAQ cron job).
    if (m.path.endsWith('.py') && jobTimeout(ctx.files.lines(m.path), m)) {
      tasks.push(fromMatch(m, 'timeout of a scheduled job, not of a call it makes'));
      continue;
    }
    const command = subprocessDeadline(ctx.files.lines(m.path), m);
    if (command) {
      subprocess.push(
        fromMatch(m, `deadline of a subprocess (${command}): bounds a command it runs, not an outbound call`),
      );
      continue;
    }
    // A deadline around a future (`tokio::time::timeout(d, load_workqueue(…))`, Python
    // `asyncio.wait_for(task(), …)`) bounds that task, a start-up step or a job, not the client
    // its calls go through: only one wrapped around a request itself is a client timeout (round 13).
    if (
      TASK_DEADLINE.test(m.snippet) &&
      !REQUEST_IN_LINE.test(m.snippet) &&
      !rubyBlockCall(ctx, m) &&
      !outboundFuture(ctx, m)
    ) {
      tasks.push(fromMatch(m, 'deadline around a task, not a timeout of the client its calls go through'));
      continue;
    }
    const why = inbound(m, goServers, shutdowns, nodeServers);
    if (why) server.push(fromMatch(m, `${why}: bounds the server, not a call it makes`));
    else outbound.push(m);
  }
  return { outbound, server, subprocess, tasks, disabled };
}

/**
 * A document field of the data the service handles, named `timeout`: a MongoDB projection or query
 * (`{ $project: { event: 1, status: 1, timeout: 1 } }`), or a record built field by field from
 * another (`timeout=json.get('timeout', None),` beside `event_type=json.get('type', None),`, an
 * ORM row copied with `getattr(h, 'timeout', None)`). Blind round 45: an alert's expiry counted
 * three times among the service's client timeouts.
 */
const MONGO_DOC = /\$(?:project|match|set|unset|group|sort|addFields|lookup|ne|lt|gt|lte|gte|eq|exists)\b/;
const FIELD_FLAG = /\b[\w$]+\s*:\s*[01]\s*[,}]/g;
const FIELD_READ =
  /^\s*([A-Za-z_]\w*)\s*=\s*(?:getattr\(\s*([\w.]+)\s*,\s*['"](\w+)['"]|([\w.]+)\.get\(\s*['"](\w+)['"]|([\w.]+)\[\s*['"](\w+)['"]\s*\]|([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.([A-Za-z_]\w*)\s*,?\s*(?:#[^\n]*)?$)/;
/** The call a keyword argument belongs to, when it is a client's, a request's or a configuration's. */
const CLIENT_OPENER =
  /(?:client|session|request|get|post|put|patch|delete|fetch|urlopen|connect|pool|transport|adapter|http|timeout|option|config|settings)\w*\s*\(\s*$/i;
const fieldOf = (r: RegExpExecArray) => r[3] ?? r[5] ?? r[7] ?? r[9];
const sourceOf = (r: RegExpExecArray) => r[2] ?? r[4] ?? r[6] ?? r[8];
function domainField(lines: Lines | undefined, m: Match): boolean {
  const s = m.snippet;
  if (/\btimeout\s*:/.test(s) && (MONGO_DOC.test(s) || (s.match(FIELD_FLAG)?.length ?? 0) >= 3)) return true;
  const own = FIELD_READ.exec(s);
  // Only the field of the same name: `timeout=cfg.get('request_timeout')` may well be a client's.
  if (own?.[1] !== 'timeout' || fieldOf(own) !== 'timeout' || !lines) return false;
  const source = sourceOf(own);
  let siblings = 0;
  for (let n = Math.max(1, m.line - 4); n <= m.line + 4; n++) {
    if (n === m.line) continue;
    const r = FIELD_READ.exec(lines.bare(n));
    if (r && sourceOf(r) === source && r[1] !== 'timeout') siblings++;
  }
  if (siblings < 2) return false;
  // `httpx.Client(⏎ base_url=self.base_url,⏎ timeout=self.timeout, …)` copies settings into a client.
  for (let n = m.line - 1; n >= Math.max(1, m.line - 40); n--) {
    const l = lines.bare(n);
    if (/\(\s*$/.test(l)) return !CLIENT_OPENER.test(l);
  }
  return true;
}

/** A `--timeout` flag inside a quoted command argument (`"--timeout=300s"`, `'--timeout', '5m'`). */
const CLI_TIMEOUT_FLAG = /["']--(?:timeout|wait-timeout|request-timeout)(?:=[^"'\n]{0,20})?["']/;
/** The call a job scheduler's definition opens: SAQ/arq `CronJob(`, APScheduler `add_job(`, Celery/RQ enqueues. */
const JOB_CALL =
  /\b(?:CronJob|cron_job|ScheduledJob|PeriodicTask|add_job|scheduled_job|apply_async|enqueue(?:_call|_in|_at)?|schedule_job)\(/;

/** A Python `timeout=` keyword in a job scheduler's call: on its line or in the few lines above it. */
function jobTimeout(lines: Lines | undefined, m: Match): boolean {
  if (JOB_CALL.test(m.snippet)) return true;
  if (!lines?.text) return false;
  const before = lines.range(Math.max(1, m.line - 6), m.line - 1, true);
  // The nearest line above that opens a call: the job's, or another's (then the timeout is not the job's).
  for (let i = before.length - 1; i >= 0; i--) {
    const l = before[i]!.slice(-300);
    if (/\)[\s,]*$/.test(l)) return false;
    if (/\(\s*$/.test(l)) return JOB_CALL.test(l);
  }
  return false;
}

/**
 * A Go context deadline handed to a subprocess (`ctx, cancel := context.WithTimeout(…)` then
 * `exec.CommandContext(ctx, "git", …)` a few lines on): it kills a command the service runs, and
 * bounds no HTTP or RPC call (round 12). Returns the command's program where it is a literal.
 */
function subprocessDeadline(lines: Lines | undefined, m: Match): string | null {
  if (!lines?.text || !/\bcontext\.With(?:Timeout|Deadline)\(/.test(m.snippet)) return null;
  const ctxName = /\b(\w+)\s*,\s*\w+\s*:?=\s*context\.With/.exec(m.snippet)?.[1];
  const after = lines.range(m.line, m.line + 12).join('\n');
  const cmd = /\bexec\.CommandContext\(\s*(\w+)\s*,\s*("[^"\n]*"|\w+)/.exec(after);
  if (!cmd || (ctxName && cmd[1] !== ctxName)) return null;
  // The same deadline may also bound a request built in those lines.
  if (/\bhttp\.NewRequestWithContext\(|\.WithContext\(/.test(after)) return null;
  return cmd[2]!.startsWith('"') ? cmd[2]!.slice(1, -1) : 'exec.CommandContext';
}

export default defineRule({
  meta: {
    id: 'timeouts',
    title: 'Outbound calls have timeouts',
    failureTitle: 'Outbound calls without timeouts',
    description:
      'A call without a timeout waits as long as the remote side likes: one hung dependency then holds threads, connections and memory until the whole service stops answering.',
    remediation:
      'Give every HTTP/RPC client an explicit timeout: `requests.get(url, timeout=5)`, an `http.Client{Timeout: …}` instead of `http.Get`, `HttpClient.Timeout` or a resilience handler in .NET, connect/read timeouts on RestTemplate/WebClient/OkHttp, `AbortSignal.timeout()` or a client `timeout` in Node.',
    severity: 'high',
    effort: 'low',
    detection:
      "Applies to services that make outbound calls, by the same outbound-calls fact as retries and circuit breakers (clients known by how their timeouts are set are in it: URLConnection, Spring request factories, Apache and OkHttp builders, Flurl `.WithTimeout(`, Go `http.Client{Timeout:}` and a client's `.SetTimeout(d)` setter (resty, rabbit-hole), the HttpClient factory's resilience handlers); an explicit timeout alone is no outbound call. Explicit client or server timeouts in production code and Spring `*-timeout` properties (a Python `timeout=` on a query filter, lock, queue, cache entry or subprocess is not one). Findings per fault with file:line: a Python `requests.*(` call without `timeout=`, urllib's `urlopen(` without `timeout=` (unless `socket.setdefaulttimeout` is set), a call of the project's own HTTP helper module (one importing pycurl/requests/urllib3 whose `timeout` defaults to None) with a URL and no `timeout=`, Go `http.Get/Post/Head` or `http.DefaultClient` (no timeout), an `http.Client{…}` literal without `Timeout` (or with `Timeout: 0`), a C# `new HttpClient()` whose file never sets `.Timeout`; JS/TS `fetch()` without a signal and AWS SDK v3 clients (`new S3Client({…})`, the aggregated `new S3({…})`) without a request timeout; non-HTTP clients: Python `smtplib.SMTP`/`SMTP_SSL`, `ftplib.FTP` and `socket.create_connection` without a timeout (unless `socket.setdefaulttimeout` is set), Go `net.Dial`; a timeout on one client (a database ping, Redis) covers no other; Ruby Faraday calls whose block or arguments set no timeout and `Net::HTTP.get`; PHP Guzzle clients without `timeout` (options as a literal array or merged from literals), unless a request made in the same method passes one in its per-request options (`$client->get($url, ['timeout' => $this->timeOut])`); a PHP timeout option counts whether its value is a number or read from a property, setting or constant (`'timeout' => $this->timeOut`, `config(…)`). Elixir client options `receive_timeout:`, `recv_timeout:`, `pool_timeout:`, `request_timeout:`, `connect_timeout:` count; a socket's `websocket: [timeout: …]` bounds what the service serves, not a call. A JS/TS `timeout:` option counts whether its value is a number, a constant or a name that holds a timeout (`timeout: timeoutMs`, `timeout: config.requestTimeout`), not `timeout: timeout` passed through; a client configuration's timeout object (superagent's `timeout: { response, deadline }`) or a converted environment value (`timeout: Number(…)`) counts too. A timeout set to zero, a negative number, None, Infinity or `0s` turns it off: it is no explicit timeout. A cache or data-store client's `socket_timeout` (Dalli, Redis) is named in the message, but bounds that store, not the HTTP calls. Laravel's Http facade (30 s) and httpx (5 s) time out by default, said so; server timeouts (Go http.Server, Node and Fastify server options such as requestTimeout, gunicorn, shutdown deadlines) are not outbound evidence. A JVM future awaited with a deadline (`future.get(timeout, TimeUnit.SECONDS)`, `.orTimeout(`) counts only when an outbound call returned it (a publish, send or async request on the same line or assigned a few lines above); a local task's future does not. The message names the clients checked for the languages present. A context deadline handed to a subprocess (`exec.CommandContext(ctx, \"git\", …)`) bounds a command, not an outbound call: it counts for nothing.",
    patterns: {
      // A keyword argument `timeout=5` (PEP 8 writes it without spaces), not an assignment to a
      // name or attribute (`timeout = models.DurationField(…)`, `check.timeout = …`), not a
      // parameter passed through (`timeout=timeout`) and not None.
      pyExplicit: {
        regex:
          /\b(?:httpx\.Timeout|aiohttp\.ClientTimeout|ClientTimeout)\(|(?<![.\w])(?:socket_(?:connect_)?)?timeout=(?!=|None\b|timeout\b)[\w(.]|\bEMAIL_TIMEOUT\s*=\s*\d/,
        files: ['**/*.py'],
        // Django's EMAIL_TIMEOUT bounds the SMTP connection (None, no timeout, by default).
        literals: ['imeout', 'EMAIL_TIMEOUT'],
        maxPerFile: 5,
      },
      // The project's own HTTP helper: a module that imports a client without a default timeout
      // (pycurl, requests, urllib3, urllib, http.client) and takes `timeout=None`.
      pyHttpLib: {
        regex: /^[ \t]*(?:import|from)[ \t]+(?:pycurl|requests|urllib3|urllib\.request|http\.client)\b/m,
        files: ['**/*.py'],
        literals: ['pycurl', 'requests', 'urllib', 'http.client'],
        maxPerFile: 1,
      },
      pyHttpxImport: {
        regex: /^[ \t]*(?:import|from)[ \t]+(?:httpx|aiohttp|smtplib|socket)\b/m,
        files: ['**/*.py'],
        literals: ['httpx', 'aiohttp', 'smtplib', 'socket'],
        maxPerFile: 1,
      },
      pyNoneTimeout: {
        // No `:` inside the annotation, so one `timeout:` cannot run into the next.
        regex: /\btimeout[ \t]*(?::[^=\r\n:]*)?=[ \t]*None\b/,
        files: ['**/*.py'],
        literals: ['timeout'],
        maxPerFile: 1,
      },
      // A call of some module's get/post/… whose first argument is a URL (a literal or a name saying so).
      pyUrlCall: {
        regex: new RegExp(
          String.raw`\b([a-z_]\w*)\.(?:get|post|put|patch|delete|head|request)\((?=\s*(?:['"]https?:\/\/|\w*(?:url|uri|endpoint)\b))${ARGS}\)`,
        ),
        files: ['**/*.py'],
        literals: ['url', 'uri', 'endpoint', 'http'],
        maxPerFile: 50,
      },
      goCtxTimeout: {
        regex: /\bcontext\.With(?:Timeout|Deadline)\(/,
        files: ['**/*.go'],
        literals: ['context.With'],
        maxPerFile: 1,
      },
      explicit: {
        regex: EXPLICIT,
        files: CODE_GLOBS,
        literals: [
          'imeout',
          'TimeLimiter',
          'ResilienceHandler',
          'deadline',
          'Deadline',
          'SECONDS',
          'MINUTES',
          'RequestOptions::',
        ],
        maxPerFile: 5,
      },
      // Spring/Spring Cloud settings: *-timeout, Hystrix timeoutInMilliseconds, Ribbon Read/ConnectTimeout,
      // Zuul connect/socket-timeout-millis — also in config-server repositories (config/**).
      springTimeout: {
        regex:
          /^[ \t]*[\w.-]*(?:(?:connect|read|response|socket)[-_]?timeout(?:[-_]?(?:millis|ms|in[-_]?milliseconds))?|timeoutInMilliseconds)\s*[:=]\s*\S/im,
        files: [
          '**/application*.{yml,yaml,properties}',
          '**/config/**/*.{yml,yaml,properties}',
          '**/bootstrap*.{yml,yaml,properties}',
        ],
        literals: ['timeout'],
        ignoreCase: true,
        maxPerFile: 3,
      },
      pyRequests: {
        regex: new RegExp(String.raw`\brequests\.(get|post|put|patch|delete|head|options|request)\(${ARGS}\)`),
        files: ['**/*.py'],
        literals: ['requests.'],
        maxPerFile: 50,
      },
      // urllib's urlopen (`urllib.request.urlopen(url)`, `request.urlopen`, an imported `urlopen`):
      // no timeout= waits as long as the socket default, None unless the process sets one.
      pyUrlopen: {
        regex: new RegExp(String.raw`(?:\burllib2?\.(?:request\.)?|(?<![\w.])(?:request\.)?)urlopen\(${ARGS}\)`),
        files: ['**/*.py'],
        literals: ['urlopen('],
        maxPerFile: 50,
      },
      pySocketDefault: {
        regex: /\bsocket\.setdefaulttimeout\(\s*(?!None\b)[\w.]/,
        files: ['**/*.py'],
        literals: ['setdefaulttimeout'],
        maxPerFile: 1,
      },
      goDefault: {
        regex: /\bhttp\.(?:DefaultClient\.)?(Get|Post|PostForm|Head|Do)\(/,
        files: ['**/*.go'],
        literals: ['http.Get', 'http.Post', 'http.Head', 'http.DefaultClient'],
        maxPerFile: 50,
      },
      // The literal's fields across lines, with up to two levels of nested literals (a Transport
      // or a Dialer inside): a nested `{` must not hide the client's own `Timeout:`.
      goClient: {
        // Not `*http.Client {`: a pointer type ending a function signature (`func f(c *http.Client) *http.Client {`)
        // is a parameter or return type, not a client built without a timeout (round 8).
        regex: /(?<!\*)\bhttp\.Client\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}/,
        files: ['**/*.go'],
        literals: ['http.Client{', 'http.Client {'],
        maxPerFile: 50,
      },
      // A Ktor client built in Kotlin (`HttpClient(CIO) {`, `HttpClient {`): Ktor sets no request,
      // connect or socket timeout unless HttpTimeout or the engine is given one (blind round 46).
      ktClient: {
        regex: /(?<![\w.])HttpClient\s*[({]/,
        files: ['**/*.kt'],
        literals: ['HttpClient'],
        maxPerFile: 20,
      },
      csClient: {
        // Arguments and initializer stop at the next `new HttpClient(`: scanning on from each of
        // many unclosed calls to the end of the file was quadratic.
        regex:
          /\bnew\s+HttpClient\s*\(((?:(?!\bnew\s+HttpClient\s*\()[^)])*)\)(\s*\{(?:(?!\bnew\s+HttpClient\s*\()[^}])*\})?/,
        files: ['**/*.cs'],
        literals: ['new HttpClient'],
        maxPerFile: 50,
      },
      // EF Core's command timeout on the database provider (`sqlServerOptions.CommandTimeout(30)`,
      // `options.CommandTimeout(…)`): bounds every query the service sends to its database.
      csCommandTimeout: {
        regex: /\.CommandTimeout\(\s*(?!0\s*\))[\w.(]/,
        files: ['**/*.cs'],
        literals: ['CommandTimeout('],
        maxPerFile: 2,
      },
      // An HttpClient used in .NET code: the type, its factory, a typed client, a named client made.
      csHttpUse: {
        regex:
          /\b(?:HttpClient|IHttpClientFactory|HttpMessageInvoker)\b|\.CreateClient\(|\.AddHttpClient<|\.AddHttpClient\(\s*["\w]/,
        files: ['**/*.cs'],
        literals: ['HttpClient', 'CreateClient', 'HttpMessageInvoker'],
        maxPerFile: 1,
      },
      csTimeoutSet: { regex: /\.Timeout\s*=/, files: ['**/*.cs'], literals: ['Timeout'], maxPerFile: 1 },
      goServer: { regex: /\bhttp\.Server\s*\{/, files: ['**/*.go'], literals: ['http.Server'], maxPerFile: 1 },
      // A Node server built with options: `Fastify({`, `fastify({`, `http.createServer({`.
      nodeServer: {
        regex: /\b(?:[Ff]astify|create(?:Secure)?Server)\s*\(\s*\{/,
        files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
        literals: ['astify', 'Server'],
        maxPerFile: 3,
      },
      // Cache and data-store client options (Dalli/memcached, Redis): `socket_timeout: 1.5`.
      storeTimeout: {
        regex: STORE_TIMEOUT,
        files: ['**/*.rb', '**/*.py'],
        literals: ['socket_'],
        maxPerFile: 3,
      },
      goShutdown: { regex: /\.Shutdown\(\s*\w*[cC]tx\b/, files: ['**/*.go'], literals: ['Shutdown('], maxPerFile: 5 },
      ...CLIENT_PATTERNS,
    },
  },
  // A timeout that bounds the server (Fastify `requestTimeout`) is no outbound call: with none, the
  // rule is N/A for the same reason as retries and circuit breakers.
  // One applicability with retries and circuit breakers: the outbound-calls fact (which knows the
  // clients whose timeouts are set here: Flurl, URLConnection, OkHttp/HttpClient builders, Go's
  // http.Client) or a client call of this rule's own. An explicit timeout alone is no outbound call:
  // a future's, a lock's or a migration runner's wait bounds no client (blind round 18: timeouts
  // passed on `future.result(timeout=15)` where retries said "no outbound calls").
  appliesTo: (ctx) =>
    outboundApplies(ctx, 'timeouts', ['pyRequests', 'pyUrlopen', 'goDefault', 'goClient', 'csClient']),
  check(ctx) {
    const faults: Fault[] = [];
    for (const m of productionMatches(ctx, 'pyRequests')) {
      if (!/\btimeout\s*=|\*\*/.test(m.groups[1] ?? ''))
        faults.push({ m, note: `requests.${m.groups[0]}() without timeout= waits forever` });
    }
    // A process-wide socket default (`socket.setdefaulttimeout(30)`) bounds urlopen too.
    const socketDefault = productionMatches(ctx, 'pySocketDefault').length > 0;
    for (const m of productionMatches(ctx, 'pyUrlopen')) {
      if (
        !socketDefault &&
        !/\btimeout\s*=|\*\*/.test(m.groups[0] ?? '') &&
        !/,[^,]*,\s*[\w.]+\s*$/.test(m.groups[0] ?? '')
      )
        faults.push({ m, note: 'urllib urlopen() without timeout= waits forever (no socket default set)' });
    }
    // A Go request built with a context deadline is bounded even on a client without Timeout.
    const goCtx = new Set(ctx.matches('goCtxTimeout').map((m) => m.path));
    for (const m of productionMatches(ctx, 'goDefault')) {
      if (goCtx.has(m.path)) continue;
      if (m.groups[0] !== 'Do' || m.snippet.includes('DefaultClient'))
        faults.push({
          m,
          note: `http.${m.snippet.includes('DefaultClient') ? 'DefaultClient' : m.groups[0]} uses the default client, which has no timeout`,
        });
    }
    // A client literal that sets `Timeout:` (a constant or a variable) bounds every call it makes.
    const goTimed: Match[] = [];
    for (const m of productionMatches(ctx, 'goClient')) {
      const fields = m.groups[0] ?? '';
      // `Timeout: 0` is Go's zero value: no timeout, as if the field were left out.
      const off = /\bTimeout\s*:\s*0\s*(?:,|$)/m.test(fields);
      if (/\bTimeout\s*:/.test(fields) && !off) goTimed.push(m);
      else if (!goCtx.has(m.path))
        faults.push({
          m,
          note: off ? 'http.Client with Timeout: 0, which turns the timeout off' : 'http.Client without Timeout',
        });
    }
    // Calls of the project's HTTP helper (`curl.post(url, …)` of hc/lib/curl.py) without timeout=,
    // when the helper's timeout defaults to None: the client then waits as long as the server likes.
    const helpers = pyHelpers(ctx);
    for (const m of productionMatches(ctx, 'pyUrlCall')) {
      const helper = helpers.get(m.groups[0]!);
      if (helper && helper !== m.path && !/\btimeout\s*=|\*\*/.test(m.groups[1] ?? ''))
        faults.push({ m, note: `calls the HTTP helper ${helper}, whose timeout defaults to None, without timeout=` });
    }
    const csTimeoutFiles = new Set(ctx.matches('csTimeoutSet').map((m) => m.path));
    for (const m of productionMatches(ctx, 'csClient')) {
      if (!/Timeout/.test(m.groups[1] ?? '') && !csTimeoutFiles.has(m.path))
        faults.push({ m, note: 'new HttpClient() without Timeout (default 100 s)' });
    }
    // A Kotlin/JS source set (`src/jsMain/`, `src/wasmJsMain/`) runs in the browser: not the service's call.
    const ktor = productionMatches(ctx, 'ktClient').filter(
      (m) => !/(?:^|\/)(?:js|wasmJs)Main\//.test(m.path) && /\bio\.ktor\.client\b/.test(ctx.files.read(m.path) ?? ''),
    );
    for (const m of ktor) {
      if (!KTOR_TIMEOUT.test(ctx.files.read(m.path) ?? ''))
        faults.push({
          m,
          note: 'Ktor HttpClient without HttpTimeout or an engine timeout in its file (Ktor sets none)',
        });
    }
    faults.push(...clientFaults(ctx));
    // Two calls on one line are one finding.
    const seen = new Set<string>();
    for (let i = faults.length - 1; i >= 0; i--) {
      const k = `${faults[i]!.m.path}:${faults[i]!.m.line}`;
      if (seen.has(k)) faults.splice(i, 1);
      else seen.add(k);
    }
    // A timeout in browser code (jQuery `timeout: 2000` in static/js), a desktop shell or a build
    // script bounds that component, not the service.
    // Spring settings of the tests (src/test/resources) configure the test run, not the service.
    const {
      outbound: explicit,
      server,
      subprocess,
      tasks,
      disabled,
    } = explicitTimeouts(ctx, ['explicit', 'pyExplicit', 'springTimeout']);
    // Timeouts of a cache or data-store client bound that store, not the HTTP calls: said, not counted.
    const store = firstPerFile(productionMatches(ctx, 'storeTimeout'))
      .filter((m) => STORE_TIMEOUT.test(m.snippet) && !disabledTimeout(m.snippet))
      .map((m) => fromMatch(m, 'timeout of a cache or data-store client: bounds that store, not the HTTP calls'));
    explicit.push(...goTimed.filter((m) => !explicit.some((e) => e.path === m.path && e.line === m.line)));
    // The database client's own timeout (EF Core CommandTimeout): cited as a timeout of that store.
    const dbTimeouts = firstPerFile(productionMatches(ctx, 'csCommandTimeout')).map((m) =>
      fromMatch(m, 'timeout of the database client (EF Core CommandTimeout): bounds every query it sends'),
    );
    // `.AddHttpClient()` alone registers IHttpClientFactory in DI; with no HttpClient, factory or typed
    // client used anywhere in production code, no HTTP call is made (blind round 24, a CQRS shop).
    const outboundSites = ctx.facts.outbound.sites;
    const registrationOnly =
      outboundSites.length > 0 &&
      outboundSites.every((e) => /^\s*(?:\w+\s*)?\.AddHttpClient\(\s*\)\s*(?:;\s*)?$/.test(e.snippet ?? '')) &&
      productionMatches(ctx, 'csHttpUse').length === 0;
    if (registrationOnly && dbTimeouts.length > 0 && faults.length === 0 && explicit.length === 0) {
      const reg = outboundSites[0]!;
      return pass(
        `Timeouts are set on the database client (${dbTimeouts.map((e) => `${e.path}:${e.line}`).join(', ')}), and no HTTP call is made: \`.AddHttpClient()\` at ${reg.path}:${reg.line} registers the client factory, and no production code uses an HttpClient.`,
        [
          ...dbTimeouts,
          { ...reg, note: 'DI registration of IHttpClientFactory only: no HttpClient is used in production code' },
        ],
        { explicitTimeouts: 0, callsWithoutTimeout: 0, databaseTimeouts: dbTimeouts.length, registrationOnly: true },
      );
    }
    const byDefault = boundedByDefault(ctx);
    const defaults = [...new Set(byDefault.map((d) => d.note))];
    const { checked, unchecked } = checkedClients(ctx, ktor.length > 0 ? { Kotlin: 'Ktor HttpClient' } : {});
    const scope = `${checked ? `clients checked call by call: ${checked}` : 'no client of these languages is checked call by call'}${unchecked.length > 0 ? `; ${listing(unchecked)} calls are not checked one by one` : ''}`;
    const findings: Evidence[] = faults.slice(0, 20).map((f) => fromMatch(f.m, f.note));
    const good = [
      ...firstPerFile(explicit).map((m) => fromMatch(m, 'explicit timeout')),
      ...firstPerFile(
        byDefault.map((d) => d.m),
        3,
      ).map((m) => fromMatch(m, byDefault.find((d) => d.m === m)?.note ?? 'timeout by default')),
      ...store.slice(0, 2),
      ...disabled.filter((d) => !faults.some((f) => f.m.path === d.path && f.m.line === d.line)).slice(0, 2),
    ];
    const data = {
      explicitTimeouts: explicit.length,
      callsWithoutTimeout: faults.length,
      defaultTimeouts: byDefault.length,
      serverTimeouts: server.length,
      subprocessTimeouts: subprocess.length,
      ...(tasks.length > 0 ? { taskDeadlines: tasks.length } : {}),
      ...(disabled.length > 0 ? { disabledTimeouts: disabled.length } : {}),
      ...(store.length > 0 ? { storeTimeouts: store.length } : {}),
      checked: scope,
    };
    const more =
      faults.length > 20 ? [{ path: '.', note: `and ${faults.length - 20} more calls without a timeout` }] : [];
    const bounded = explicit.length + byDefault.length;
    const byDefaultText =
      byDefault.length > 0
        ? `${byDefault.length} call${byDefault.length === 1 ? '' : 's'} rel${byDefault.length === 1 ? 'ies' : 'y'} on the client's default (${defaults.join('; ')})`
        : '';
    // Only a wait on an outbound call's future has a deadline (`future.get(30, SECONDS)` after a
    // publish): that call is bounded, but no client is given a timeout of its own (blind round 44).
    const futureOnly = explicit.length > 0 && explicit.every((m) => JVM_FUTURE_DEADLINE.test(m.snippet));
    if (faults.length === 0 && futureOnly && byDefault.length === 0) {
      const f = explicit[0]!;
      return partial(
        0.5,
        `Only the wait on an outbound call's future has a deadline (${f.path}:${f.line}${explicit.length > 1 ? ` and ${explicit.length - 1} more` : ''}): that call is bounded, but no HTTP or RPC client is given a connect or read timeout of its own (${scope}).`,
        good,
        data,
      );
    }
    // Functions of a serverless application that each run under a declared timeout (SAM
    // Globals.Function.Timeout, a Timeout on every function, Serverless `provider.timeout`): the platform
    // stops the invocation, and every call it is making, after that long (blind round 50).
    const app = serverlessApp(ctx.files);
    const codes = app?.codes ?? (app?.code ? [app.code] : []);
    const inFunctions = (p: string) => codes.length === 0 || codes.some((c) => p === c || p.startsWith(`${c}/`));
    // With no call found bounded otherwise, the calls the functions make are bounded by their timeout
    // (SDK calls no client is checked for one by one, as boto3's).
    const unbounded = faults.length > 0 || (explicit.length === 0 && byDefault.length === 0);
    if (
      app?.timeout &&
      unbounded &&
      faults.every((f) => inFunctions(f.m.path)) &&
      (faults.length > 0 || (outboundSites.length > 0 && outboundSites.every((e) => inFunctions(e.path))))
    ) {
      const fn = { path: app.path, line: app.timeout.line, note: app.timeout.note };
      return pass(
        `Every ${app.tool} function runs under a declared function timeout (${fn.path}:${fn.line}), which stops the invocation and the calls it is making${explicit.length > 0 ? `; ${explicit.length} explicit client timeout${explicit.length === 1 ? '' : 's'}` : ''}; ${faults.length > 0 ? `${faults.length} call${faults.length === 1 ? ' has' : 's have'} no client timeout of ${faults.length === 1 ? 'its' : 'their'} own, bounded only by the function's` : `no client timeout of their own was found on the ${outboundSites.length} outbound call site${outboundSites.length === 1 ? '' : 's'}`} (${scope}).`,
        [
          fn,
          ...good,
          ...findings.map((e) => ({ ...e, note: `${e.note}; bounded by the function timeout` })),
          ...more,
          ...(faults.length === 0 ? outboundSites.slice(0, 3) : []),
        ],
        { ...data, functionTimeout: true },
      );
    }
    if (faults.length === 0 && explicit.length > 0)
      return pass(
        `Explicit timeouts found (${explicit.length} site${explicit.length === 1 ? '' : 's'})${byDefaultText ? ` and ${byDefaultText}` : ''}; no call without one (${scope}).`,
        good,
        data,
      );
    if (faults.length === 0 && byDefault.length > 0)
      return pass(
        `Outbound calls time out by the framework's default: ${byDefaultText}; no call without one (${scope}).`,
        good,
        data,
      );
    const none = `${faults.length} outbound call${faults.length === 1 ? ' has' : 's have'} none`;
    if (faults.length > 0 && bounded > 0) {
      return partial(
        Math.min(0.8, Math.max(0.2, bounded / (bounded + faults.length))),
        `Timeouts found (${explicit.length} explicit${byDefault.length > 0 ? `, ${byDefault.length} by the client's default` : ''}), but ${none} (${scope}).`,
        [...findings, ...more, ...good],
        data,
      );
    }
    const serverOnly = `${
      server.length > 0
        ? ` The ${server.length} timeout${server.length === 1 ? '' : 's'} found bound${server.length === 1 ? 's' : ''} the server (its requests or its shutdown), not the calls it makes.`
        : ''
    }${
      subprocess.length > 0
        ? ` ${subprocess.length === 1 ? 'One deadline bounds' : `${subprocess.length} deadlines bound`} a subprocess (exec.CommandContext), not an outbound call.`
        : ''
    }${
      tasks.length > 0
        ? ` ${tasks.length === 1 ? 'One deadline bounds' : `${tasks.length} deadlines bound`} a task it awaits (a future or coroutine), not the client its calls go through.`
        : ''
    }${
      store.length > 0
        ? ` ${store.length === 1 ? 'One timeout is set' : `${store.length} timeouts are set`} on a cache or data-store client (${store
            .slice(0, 2)
            .map((e) => `${e.path}:${e.line}`)
            .join(', ')}): ${store.length === 1 ? 'it bounds' : 'they bound'} that store, not the HTTP calls.`
        : ''
    }${
      disabled.length > 0
        ? ` ${disabled.length === 1 ? 'One timeout is' : `${disabled.length} timeouts are`} set to zero or none, which turns ${disabled.length === 1 ? 'it' : 'them'} off.`
        : ''
    }`;
    if (faults.length > 0)
      return fail(
        `${faults.length} outbound call${faults.length === 1 ? ' has' : 's have'} no timeout, and no explicit timeout on an outbound call was found anywhere (${scope}).${serverOnly}`,
        [
          ...findings,
          ...more,
          ...server.slice(0, 3),
          ...subprocess.slice(0, 2),
          ...tasks.slice(0, 2),
          ...store.slice(0, 2),
          ...disabled.slice(0, 2),
        ],
        data,
      );
    return fail(
      `No explicit timeouts on outbound ${store.length > 0 ? 'HTTP ' : ''}calls found.${serverOnly}`,
      [
        {
          path: '.',
          note: `no client timeout in ${ctx.searched('explicit')} source files (JS/TS, Python, Go, JVM, .NET, Ruby, PHP, Rust)`,
        },
        ...server.slice(0, 3),
        ...subprocess.slice(0, 2),
        ...tasks.slice(0, 2),
        ...store.slice(0, 2),
        ...disabled.slice(0, 2),
        ...ctx.facts.outbound.sites.slice(0, 3),
      ],
      data,
    );
  },
});
