import { defineRule } from '../../src/types.js';
import type { Evidence, Match } from '../../src/types.js';
import { fail, partial, pass } from '../../src/engine/results.js';
import { firstPerFile, fromMatch } from '../../src/facts/paths.js';
import { CODE_GLOBS, outboundApplies, productionMatches } from '../_shared/resilience.js';
import { isBrowserCode } from '../../src/facts/outbound.js';

/** Explicit timeouts on clients (and servers), per language. */
const EXPLICIT = new RegExp(
  [
    String.raw`\btimeout\s*:\s*(?:\d|[A-Z_]{3,}|ms\(|Duration)`,
    String.raw`\bAbortSignal\.timeout\(`,
    String.raw`\b(?:headers|request|keepAlive)Timeout\s*[:=]\s*\d`,
    String.raw`\b(?:Timeout|ReadTimeout|WriteTimeout|ReadHeaderTimeout|IdleTimeout|ResponseHeaderTimeout|TLSHandshakeTimeout|DialTimeout):\s*(?:\d|time\.|\w+\s*\*\s*time\.)`,
    String.raw`\bcontext\.With(?:Timeout|Deadline)\(`,
    String.raw`\.(?:connectTimeout|readTimeout|responseTimeout|callTimeout|writeTimeout|connectionTimeout)\(`,
    String.raw`\bset(?:Connect|Read|ConnectionRequest|Socket|Response)Timeout\(`,
    String.raw`@TimeLimiter\(`,
    String.raw`\bTimeLimiter(?:Config\.custom|\.of)\(`,
    String.raw`\.timeoutDuration\(`,
    String.raw`\bTimeout\s*=\s*(?:TimeSpan|Timeout\.)`,
    String.raw`\.AddTimeout\(`,
    String.raw`\bAddStandardResilienceHandler\(`,
    String.raw`\bTimeoutStrategyOptions\b`,
    String.raw`\bPolicy\.Timeout(?:Async)?\(`,
    String.raw`\b(?:open|read|write)_timeout\s*[:=]\s*\d`,
    String.raw`\bRack::Timeout\b`,
    String.raw`['"](?:timeout|connect_timeout|read_timeout)['"]\s*=>\s*\d`,
    String.raw`(?:Http::|->)(?:timeout|connectTimeout)\(\s*\d`,
    String.raw`\.(?:timeout|connect_timeout|pool_timeout)\(\s*(?:std::time::|Duration::|[a-z_]\w*\s*\)|\d)`,
    String.raw`\btokio::time::timeout\(`,
    String.raw`\bTimeoutLayer::new\(`,
  ].join('|'),
);

/** Balanced-enough argument list: two levels of nested parentheses. */
const ARGS = String.raw`((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)`;

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
      'Explicit client or server timeouts in production code and Spring `*-timeout` properties. Findings per fault with file:line: a Python `requests.*(` call without `timeout=`, Go `http.Get/Post/Head` or `http.DefaultClient` (no timeout), an `http.Client{…}` literal without `Timeout`, a C# `new HttpClient()` whose file never sets `.Timeout`.',
    patterns: {
      pyExplicit: {
        regex: /\b(?:httpx\.Timeout|aiohttp\.ClientTimeout|ClientTimeout)\(|\btimeout\s*=\s*(?!None\b)[\w(.]/,
        files: ['**/*.py'],
        literals: ['imeout'],
        maxPerFile: 5,
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
        literals: ['imeout', 'TimeLimiter', 'ResilienceHandler'],
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
      goDefault: {
        regex: /\bhttp\.(?:DefaultClient\.)?(Get|Post|PostForm|Head|Do)\(/,
        files: ['**/*.go'],
        literals: ['http.Get', 'http.Post', 'http.Head', 'http.DefaultClient'],
        maxPerFile: 50,
      },
      goClient: {
        regex: /\bhttp\.Client\s*\{([^{}]*)\}/,
        files: ['**/*.go'],
        literals: ['http.Client{', 'http.Client {'],
        maxPerFile: 50,
      },
      csClient: {
        regex: /\bnew\s+HttpClient\s*\(([^)]*)\)(\s*\{[^}]*\})?/,
        files: ['**/*.cs'],
        literals: ['new HttpClient'],
        maxPerFile: 50,
      },
      csTimeoutSet: { regex: /\.Timeout\s*=/, files: ['**/*.cs'], literals: ['Timeout'], maxPerFile: 1 },
    },
  },
  appliesTo: (ctx) =>
    outboundApplies(ctx, 'timeouts', ['explicit', 'pyExplicit', 'pyRequests', 'goDefault', 'goClient', 'csClient']),
  check(ctx) {
    const faults: { m: Match; note: string }[] = [];
    for (const m of productionMatches(ctx, 'pyRequests')) {
      if (!/\btimeout\s*=|\*\*/.test(m.groups[1] ?? ''))
        faults.push({ m, note: `requests.${m.groups[0]}() without timeout= waits forever` });
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
    for (const m of productionMatches(ctx, 'goClient')) {
      if (goCtx.has(m.path)) continue;
      if (!/\bTimeout\s*:/.test(m.groups[0] ?? '')) faults.push({ m, note: 'http.Client without Timeout' });
    }
    const csTimeoutFiles = new Set(ctx.matches('csTimeoutSet').map((m) => m.path));
    for (const m of productionMatches(ctx, 'csClient')) {
      if (!/Timeout/.test(m.groups[1] ?? '') && !csTimeoutFiles.has(m.path))
        faults.push({ m, note: 'new HttpClient() without Timeout (default 100 s)' });
    }
    // Two calls on one line are one finding.
    const seen = new Set<string>();
    for (let i = faults.length - 1; i >= 0; i--) {
      const k = `${faults[i]!.m.path}:${faults[i]!.m.line}`;
      if (seen.has(k)) faults.splice(i, 1);
      else seen.add(k);
    }
    // A timeout in browser code (jQuery `timeout: 2000` in static/js) bounds the page, not the service.
    // Spring settings of the tests (src/test/resources) configure the test run, not the service.
    const explicit = [...productionMatches(ctx, 'explicit', 'pyExplicit', 'springTimeout')].filter(
      (m) => !isBrowserCode(m.path),
    );
    const findings: Evidence[] = faults.slice(0, 20).map((f) => fromMatch(f.m, f.note));
    const good = firstPerFile(explicit).map((m) => fromMatch(m, 'explicit timeout'));
    const data = { explicitTimeouts: explicit.length, callsWithoutTimeout: faults.length };
    const more =
      faults.length > 20 ? [{ path: '.', note: `and ${faults.length - 20} more calls without a timeout` }] : [];
    if (faults.length === 0 && explicit.length > 0)
      return pass(
        `Explicit timeouts found (${explicit.length} site${explicit.length === 1 ? '' : 's'}) and no call without one.`,
        good,
        data,
      );
    if (faults.length > 0 && explicit.length > 0) {
      return partial(
        Math.min(0.8, Math.max(0.2, explicit.length / (explicit.length + faults.length))),
        `Explicit timeouts found, but ${faults.length} outbound call${faults.length === 1 ? ' has' : 's have'} none.`,
        [...findings, ...more, ...good],
        data,
      );
    }
    if (faults.length > 0)
      return fail(
        `${faults.length} outbound call${faults.length === 1 ? ' has' : 's have'} no timeout, and no explicit timeout was found anywhere.`,
        [...findings, ...more],
        data,
      );
    return fail(
      'No explicit timeouts on outbound calls found.',
      [
        {
          path: '.',
          note: `no client or server timeout in ${ctx.searched('explicit')} source files (JS/TS, Python, Go, JVM, .NET, Ruby, PHP, Rust)`,
        },
        ...ctx.facts.outbound.sites.slice(0, 3),
      ],
      data,
    );
  },
});
