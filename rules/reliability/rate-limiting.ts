import { defineRule } from '../../src/types.js';
import type { Evidence, Match, RuleContext } from '../../src/types.js';
import { k8s, K8S_DIGEST } from '../../src/facts/k8s.js';
import { CODE_GLOBS, libraryVerdict, productionMatches } from '../_shared/resilience.js';
import { dirOf, firstPerFile, fromMatch, isCommentLine, isProductionPath } from '../../src/facts/paths.js';
import { listing, partial } from '../../src/engine/results.js';
import { type Definition, definedName, findUse, isImportLine } from '../../src/facts/references.js';
import { hasNestedBlock, label, terraform, TF_DIGEST } from '../../src/facts/terraform.js';
import { registersFastifyPlugin } from '../../src/facts/fastify-autoload.js';
import { nuxtSecurity } from '../_shared/nuxt-security.js';

/** Fastify's rate-limit plugin packages. */
const FASTIFY_RATE_LIMIT = ['@fastify/rate-limit', 'fastify-rate-limit'];

/** Code that registers an inbound rate limiter, per language. */
const CODE = new RegExp(
  [
    // express-rate-limit takes options or nothing; a labelled argument (Swift `rateLimit(response: r)`)
    // is a helper that reads the limit an upstream announced (blind round 39).
    String.raw`\brateLimit\((?!\s*\w+\s*:)`,
    String.raw`\bslowDown\(`,
    String.raw`\bnew\s+RateLimiter(?:Memory|Redis|Mongo|Postgres|Cluster|Mysql|Memcache)\(`,
    String.raw`\bThrottlerModule\.forRoot(?:Async)?\(`,
    String.raw`@Throttle\(`,
    String.raw`\bThrottlerGuard\b`,
    `['"]@fastify/rate-limit['"]`,
    String.raw`\bRatelimit\.(?:slidingWindow|fixedWindow|tokenBucket)\(`,
    String.raw`\brateLimiter\(\s*\{`,
    String.raw`\bLimiter\(\s*(?:key_func|app|get_remote_address)`,
    String.raw`@\w+\.limit\(\s*['"]\d`,
    String.raw`@ratelimit\(`,
    String.raw`\bDEFAULT_THROTTLE_(?:CLASSES|RATES)\b`,
    String.raw`\bthrottle_classes\s*=`,
    String.raw`\bRateLimiter\(\s*times\s*=`,
    String.raw`\bBucket(?:4j)?\.builder\(\)`,
    String.raw`\bBandwidth\.(?:simple|classic|builder)\(`,
    String.raw`@RateLimiter\(`,
    String.raw`\bRateLimiter\.(?:of|create)\(`,
    String.raw`\bRateLimiterRegistry\b`,
    String.raw`\bRequestRateLimiter\b`,
    String.raw`\bAddRateLimiter\(`,
    String.raw`\bUseRateLimiter\(`,
    String.raw`\[EnableRateLimiting\(`,
    String.raw`\.RequireRateLimiting\(`,
    String.raw`\bAdd(?:FixedWindow|SlidingWindow|TokenBucket|Concurrency)Limiter\(`,
    String.raw`\bUseIpRateLimiting\(`,
    String.raw`\brate\.NewLimiter\(`,
    String.raw`\btollbooth\.(?:NewLimiter|LimitHandler|LimitFuncHandler)\(`,
    String.raw`\bhttprate\.Limit\w*\(`,
    String.raw`\blimiter\.New\(`,
    String.raw`\bmiddleware\.RateLimiter\w*\(`,
    String.raw`\bRack::Attack\b`,
    String.raw`^[ \t]*rate_limit\s+to:`,
    String.raw`\bRateLimiter::for\(`,
    `['"]throttle:`,
    String.raw`\bThrottleRequests\b`,
    String.raw`\bRateLimiterFactory\b`,
    String.raw`\bGovernor(?:Layer|ConfigBuilder)\b`,
    // governor used directly: a keyed or direct limiter built from a Quota, checked per request
    // (often behind the project's own wrapper, `ratelimit::check_limit_login(ip)`).
    String.raw`\bRateLimiter::(?:keyed|direct|dashmap|hashmap)\(`,
    String.raw`\.check_key\(\s*&?\w`,
    String.raw`\bRateLimitLayer\b`,
    String.raw`\bHammer\.check_rate\b`,
    // express-brute (`new ExpressBrute(store)`, its `.prevent` middleware), koa2-ratelimit, Go's
    // throttled (`throttled.HTTPRateLimiter{…}`, `throttled.NewGCRARateLimiter(`) and gin-rate-limit,
    // actix-limitation (`Limiter::builder(`).
    String.raw`\bnew\s+ExpressBrute\(`,
    String.raw`\bRateLimit\.middleware\(`,
    String.raw`\bthrottled\.(?:HTTPRateLimiter(?:Ctx)?\s*\{|NewGCRARateLimiter\w*\()`,
    String.raw`\bratelimit\.RateLimiter\(`,
    String.raw`\bLimiter::builder\(`,
  ].join('|'),
  'm',
);

/**
 * A hand-written fixed-window or sliding-window limiter has no name to find: it counts requests
 * per key and answers 429. Both shapes in one production file are the mechanism; either alone is
 * not (a client that handles another service's 429, a page-view counter).
 */
// `http.Error(w, …,` stops at the next `http.Error(` (linear on a line of many).
const REJECT_429 = new RegExp(
  [
    String.raw`(?:\.status\(\s*|\.status_code\s*=\s*|\bstatus(?:_code|Code)?\s*[=:]\s*|WriteHeader\(\s*|http\.Error\((?:(?!http\.Error\()[^\n])*?,\s*|\babort\(\s*|\bStatusCode\(\s*|\bStatusCodeResult\(\s*|\bhead\s+|ResponseEntity\.status\(\s*|\bStatusCode\s*=\s*)(?:429\b|http\.StatusTooManyRequests|HttpStatus\.TOO_MANY_REQUESTS|:too_many_requests|(?:status\.)?HTTP_429_TOO_MANY_REQUESTS|StatusCodes\.Status429TooManyRequests|\(int\)\s*HttpStatusCode\.TooManyRequests|HttpStatusCode\.TooManyRequests|HTTPStatus\.TOO_MANY_REQUESTS)`,
    String.raw`\braise\s+(?:Throttled|TooManyRequests|RateLimitExceeded)\b`,
    String.raw`\bnew\s+(?:TooManyRequests|RateLimitExceeded)\w*\(`,
  ].join('|'),
);
/** What decides a hand-written 429 without a counter: a quota, a usage or cost gate, a limit, a block. */
const QUOTA_GATE = /[Qq]uota|[Uu]sage|[Bb]locked|[Ll]imit|[Ee]xceeded|[Cc]osts?\b|[Cc]redits?\b/;
const COUNTER = new RegExp(
  [
    String.raw`\.(?:incr|incrby|incr_by|increment|Incr|IncrBy|Increment|INCR)\s*\(`,
    // A name with count, hits, requests or tokens in it, looked for once from the start of the
    // word (`\w*X\w*` tried every X of a long word with a scan to its end).
    String.raw`\b(?=\w*?(?:[Cc]ount|[Hh]its|[Rr]equests|[Tt]okens))\w+\s*(?:\+=|-=)\s*\d`,
    String.raw`\b(?=\w*?(?:[Cc]ount|[Hh]its|[Rr]equests|[Tt]okens))\w+(?:\+\+|--)`,
    String.raw`\b(?:zadd|ZAdd|ZADD)\b`,
    // A quota per window checked before answering 429 (`MAX_EVENTS_PER_HOUR`, `is_quota_exceeded`).
    String.raw`_PER_(?:\d+_)?(?:SECOND|MINUTE|HOUR|DAY|MONTH)S?\b|[Qq]uota(?:_still)?_exceeded|[Qq]uota(?:Still)?Exceeded|QUOTA_EXCEEDED`,
  ].join('|'),
);

/**
 * Every identifier named for a limiter (`RateLimit`, `rate_limit`, `throttle_login`, `TokenBucket`):
 * the lines that define the project's own limiter and the lines that use it (src/facts/references.ts).
 */
const LIMITER_NAME =
  /[Rr]ate_?[Ll]imit|RATE_?LIMIT|ratelimit|Ratelimit|[Tt]hrottl|THROTTL|[Tt]oken_?[Bb]ucket|[Ll]eaky_?[Bb]ucket/;
const REFS = new RegExp(String.raw`\b(?=\w*?(?:${LIMITER_NAME.source}))[A-Za-z_]\w*`);
/**
 * Named for a limiter but not one: its settings, its error, its response headers, the result of a
 * check or a stored entry (`RateLimitCheckResult`, `RateLimitEntry`: blind round 43 cited these
 * types, not the `createRateLimit` that counts), a test double.
 */
const NOT_A_LIMITER =
  /(?:Config|Configs|Options|Settings|Error|Exception|Exceeded|Response|Headers?|Info|Results?|Entry|Entries|Params|Args|Tests?|Spec|Mock|Stub|Fake|Props|Store|Activations|Metrics?|Gauge|Histogram)$|^(?:test|Test|mock)|^(?:pause|wait|sleep|backoff|backOff|respect|honou?r|log|report)(?:_|[A-Z])|^(?:[Pp]oll|POLL|[Cc]onsum|CONSUM|[Pp]refetch|[Cc]rawl|[Ss]crap)/;
/*
 * Names ending in a metric (`pollThrottlingActivations`, `throttleMetrics`) count throttling events, and
 * names that start with polling, consuming, prefetching, crawling or scraping pace the service's own
 * reads (`PollingThrottler`, `consumerRateLimit`): neither limits incoming requests (blind round 48).
 * The last alternative: a client that waits when an upstream API rate-limits it (`pauseForRateLimit`,
 * `wait_for_rate_limit`, `logRateLimitHeaders`) obeys someone else's limit; it protects the service
 * from nothing (blind round 23, data-importer Nordigen Request.php:291).
 */
/**
 * What a limiter keeps and decides: a request budget per window, tokens refilled, a burst, an
 * answer of 429 or Retry-After. A type named RateLimit without any of it in its folder is a name.
 */
const LIMITER_LOGIC =
  /\b(?:max_?[Rr]equests|MaxRequests|[Rr]efill\w*|tokens_(?:left|remaining|per_\w+)|tokensPer\w*|window_?(?:start|size|ms|secs?|seconds)|windowMs|WindowMs|requests_per_\w+|requestsPer\w+|per_second|perSecond|allowance|[Bb]urst|too_many_requests|TooManyRequests|retry_after|RetryAfter|Retry-After|429|max_?[Hh]its|maxHits|hit_?[Cc]ount|hitsRemaining|hits_remaining)\b/;

/**
 * A function whose first parameter is a response (`func rateLimit(response: HTTPClient.Response)`,
 * `def rate_limit(resp)`) reads the limit an upstream API announced: it limits nothing (blind round 39).
 */
const READS_RESPONSE = /\(\s*(?:_\s+)?(?:response|resp)\s*[:,)]/;

const LIMITER_END = /(?:[Ll]imit|LIMIT|[Ll]imiter|[Tt]hrottle|[Tt]hrottler|[Bb]ucket)s?$/;
const TYPE_DEF = /\b(?:class|struct|type|interface|trait|impl|enum|object)\s/;

const INGRESS_LIMIT = /^(nginx\.ingress\.kubernetes\.io\/limit-(rps|rpm|connections|rate)|.*ratelimit.*)$/i;

export default defineRule({
  meta: {
    id: 'rate-limiting',
    title: 'The service limits request rates',
    failureTitle: 'No rate limiting',
    description:
      'Without rate limits one noisy client, a retry storm or an attacker can exhaust the service for everyone; limits keep capacity fair and make overload fail fast.',
    remediation:
      'Register a rate limiter in the request pipeline (express-rate-limit, @nestjs/throttler, slowapi/flask-limiter/DRF throttles, Bucket4j or Resilience4j RateLimiter, ASP.NET AddRateLimiter, golang.org/x/time/rate or httprate, rack-attack, Laravel throttle) or at the edge (ingress rate-limit annotations, API gateway throttling, WAF rate-based rules).',
    severity: 'medium',
    effort: 'low',
    detection:
      'Code that registers a limiter (`rateLimit(`, `@limiter.limit(`, `AddRateLimiter(`, `rate.NewLimiter(`, governor `RateLimiter::keyed(`/`.check_key(`, `Rack::Attack`, `throttle:` middleware, `new ExpressBrute(`, koa2-ratelimit `RateLimit.middleware(`, Go throttled and gin-rate-limit, actix-limitation `Limiter::builder(`) in production sources, and hand-written limiters: a type or function named for a limiter (`struct RateLimit`, `class TokenBucket`, `def throttle_request`) whose file or folder keeps a request budget (`max_requests`, `refill`, `burst`, a counter or a 429), cited with its definition and one use elsewhere, or a file that counts requests (`incr(`, `count += 1`) and answers 429. A limiter that is defined but never used (a `rateLimit()` nothing calls) earns nothing and is named in the message; ingress annotations such as `nginx.ingress.kubernetes.io/limit-rps`, Traefik/Kong rate-limit objects; Terraform API Gateway throttling, WAF `rate_based_statement`, Cloud Armor `rate_limit_options`. A catalogue library (`rate-limiting`) declared but unused earns partial credit. Not applicable when the only HTTP server serves operational routes (/metrics, health probes, pprof), as the listener of a Kubernetes controller or an agent does. An import of a limiter class registers nothing, and a client that waits when an upstream API rate-limits it (`pauseForRateLimit`, `wait_for_rate_limit`) obeys that limit and protects nothing: neither counts. A hand-written limiter called only from authentication functions (login, sign-up, password reset, verification, one-time codes) is partial 0.5, naming them.',
    patterns: {
      // A Fastify register call naming a local binding or a package (checked against the file's imports).
      fastifyRegister: {
        regex: /\.register\(/,
        files: ['**/*.{ts,js,mjs,cjs,mts,cts}'],
        literals: ['.register('],
        maxPerFile: 20,
      },
      code: {
        regex: CODE,
        files: CODE_GLOBS,
        literals: [
          'imit',
          'hrottle',
          // DRF's DEFAULT_THROTTLE_RATES/CLASSES: upper case, so 'hrottle' alone never let them run.
          'THROTTLE',
          'Bucket',
          'Bandwidth',
          'Rack::Attack',
          'overnor',
          'RateLimiter::',
          'check_key',
          'Hammer',
          'TokenBucket',
          'RateLimiter',
          'ExpressBrute',
        ],
        maxPerFile: 3,
      },
      reject429: {
        regex: REJECT_429,
        files: CODE_GLOBS,
        literals: [
          '429',
          'TooManyRequests',
          'TOO_MANY_REQUESTS',
          'too_many_requests',
          'Throttled',
          'RateLimitExceeded',
        ],
        maxPerFile: 2,
      },
      // Brute-force protection of the login only: django-axes, django-defender, Laravel's ThrottlesLogins.
      loginThrottle: {
        regex:
          /\bAxesMiddleware\b|\bAXES_FAILURE_LIMIT\b|\bdefender\.middleware\.FailedLoginMiddleware\b|\bThrottlesLogins\b/,
        files: ['**/*.{py,php}'],
        literals: ['Axes', 'AXES_', 'FailedLoginMiddleware', 'ThrottlesLogins'],
        maxPerFile: 2,
      },
      // Identifiers named for a limiter: the project's own limiter's definition and its uses.
      refs: {
        regex: REFS,
        files: CODE_GLOBS,
        literals: [
          'ate_limit',
          'ateLimit',
          'ate_Limit',
          'atelimit',
          'ATE_LIMIT',
          'ATELIMIT',
          'hrottl',
          'HROTTL',
          'oken_bucket',
          'okenBucket',
          'eakyBucket',
          'eaky_bucket',
        ],
        maxPerFile: 40,
      },
      limiterLogic: {
        regex: LIMITER_LOGIC,
        files: CODE_GLOBS,
        literals: [
          'equests',
          'efill',
          'okens',
          'indow',
          'er_second',
          'erSecond',
          'llowance',
          'urst',
          'oo_many',
          'ooMany',
          'etry_after',
          'etryAfter',
          'etry-After',
          '429',
          'Hits',
          'hits',
          'itCount',
          'it_count',
        ],
        maxPerFile: 1,
      },
      counter: {
        regex: COUNTER,
        files: CODE_GLOBS,
        literals: ['ncr', 'INCR', 'ount', 'its', 'equests', 'okens', 'zadd', 'ZAdd', 'ZADD', '_PER_', 'uota'],
        maxPerFile: 2,
      },
    },
    digests: [K8S_DIGEST, TF_DIGEST],
  },
  appliesTo: ({ facts }) =>
    facts.opsOnlyHttp
      ? { reason: `${facts.opsOnlyHttp.reason}; no request traffic to limit` }
      : facts.profile.id === 'service'
        ? true
        : { reason: `request rate limits are judged for services; the repository profile is ${facts.profile.id}` },
  check(ctx) {
    const config: Evidence[] = [];
    for (const o of k8s(ctx.files).objects) {
      const notes = Object.keys(
        (o.doc.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations ?? {},
      ).filter((k) => INGRESS_LIMIT.test(k));
      if (notes.length > 0)
        config.push({ path: o.path, line: o.line, note: `${o.kind} ${o.name}: ${notes.join(', ')}` });
      else if (
        /RateLimit/i.test(o.kind) ||
        (o.kind === 'KongPlugin' && o.doc.plugin === 'rate-limiting') ||
        (o.kind === 'Middleware' && (o.doc.spec as Record<string, unknown> | undefined)?.rateLimit)
      )
        config.push({ path: o.path, line: o.line, note: `${o.kind} ${o.name} limits request rates` });
    }
    for (const r of terraform(ctx.files).resources) {
      const t = r.labels[0] ?? '';
      if (t === 'aws_api_gateway_usage_plan' && r.blocks.some((b) => b.type === 'throttle_settings'))
        config.push({ path: r.path, line: r.line, note: `${label(r)} throttles requests` });
      else if (t === 'aws_api_gateway_method_settings' && JSON.stringify(r.blocks).includes('throttling_rate_limit'))
        config.push({ path: r.path, line: r.line, note: `${label(r)} throttles requests` });
      // An HTTP or WebSocket API's stage (API Gateway v2) throttles its routes in `default_route_settings`
      // or per route in `route_settings` (blind round 50: `throttling_rate_limit = 20` was "no rate limiting").
      else if (
        t === 'aws_apigatewayv2_stage' &&
        r.blocks.some(
          (b) =>
            (b.type === 'default_route_settings' || b.type === 'route_settings') &&
            /throttling_(?:rate|burst)_limit/.test(JSON.stringify(b)),
        )
      )
        config.push({ path: r.path, line: r.line, note: `${label(r)} throttles its routes (route settings)` });
      else if (
        hasNestedBlock(r, 'rate_based_statement') ||
        hasNestedBlock(r, 'rate_limit_options') ||
        /rate_limit/.test(t)
      )
        config.push({ path: r.path, line: r.line, note: `${label(r)} limits request rates` });
    }
    // Nuxt's nuxt-security module limits request rates by default (its rateLimiter), unless turned off.
    const nuxtSec = ctx.facts.frameworks.some((f) => f.id === 'nuxt') ? nuxtSecurity(ctx.files) : undefined;
    if (nuxtSec?.rateLimiter === true)
      config.push({
        ...fromMatch(nuxtSec.at),
        note: 'nuxt-security module loaded in production: its rate limiter is on by default (framework module default)',
      });
    const nuxtLimiterOff = nuxtSec && nuxtSec.rateLimiter !== true ? nuxtSec.rateLimiter : undefined;
    // A hand-written limiter: a file that counts requests and answers 429.
    const counting = new Set(productionMatches(ctx, 'counter').map((m) => m.path));
    const handWritten = productionMatches(ctx, 'reject429').filter(
      (m) => counting.has(m.path) && !isCommentLine(m.snippet),
    );
    // A Fastify rate-limit plugin registered by the name its import binds (`app.register(fastifyRateLimit, { max })`).
    const fastifyLimits = productionMatches(ctx, 'fastifyRegister').filter(
      (m) =>
        !isCommentLine(m.snippet) &&
        registersFastifyPlugin(
          ctx.files.lines(m.path)?.line(m.line) ?? m.snippet,
          ctx.files.read(m.path) ?? '',
          FASTIFY_RATE_LIMIT,
        ),
    );
    // A reverse proxy kept in the repository (nginx limit_req, Traefik rateLimit, Caddy rate_limit);
    // an nginx `limit_req` is cited with the location it limits.
    const proxyLimits = ctx.facts.proxy.rateLimits.map((e) => nginxLocated(ctx, e));
    const plain = proxyLimits.map(({ location: _, ...e }) => e);
    config.push(...plain);
    // A token bucket that only paces the service's own work (a blocking `acquire` before each poll of a
    // Kafka consumer, each message streamed to a browser) limits no request anyone sends.
    const pacing = new Set(productionMatches(ctx, 'code').filter((m) => pacesOwnWork(ctx.files.read(m.path), m)));
    const { own, unused } = ownLimiters(ctx.matches('refs'), [
      ...productionMatches(ctx, 'limiterLogic', 'counter'),
      ...handWritten,
    ]);
    const verdict = libraryVerdict(ctx, {
      what: 'rate limiting',
      catalogue: 'rate-limiting',
      code: ['code'],
      // An import names the middleware class; the line that registers it (`'throttle:60,1'` in a
      // middleware group) is the evidence (blind round 23: Kernel.php:45 `use …\ThrottleRequests;`).
      keep: (m) =>
        !isImportLine(m.snippet) &&
        !fastifyLimits.some((f) => f.path === m.path && f.line === m.line) &&
        !pacing.has(m),
      refs: 'refs',
      refsCover: LIMITER_NAME,
      config,
      handWritten: [...handWritten, ...fastifyLimits],
      own,
      unused,
    });
    // Login throttling (django-axes locks an account or address out after failed logins) limits
    // one endpoint: more than nothing, less than a limit on every request.
    const login = productionMatches(ctx, 'loginThrottle').filter((m) => !isCommentLine(m.snippet));
    // A 429 answered by hand with no counter beside it: a usage quota or an upstream gate turns
    // requests away (a filter answering 429 when the client's plan is used up), which bounds
    // abuse in part; no limiter counts requests per client here (round 16).
    const rejects = productionMatches(ctx, 'reject429').filter(
      (m) => !isCommentLine(m.snippet) && QUOTA_GATE.test(ctx.files.read(m.path) ?? ''),
    );
    const paced = firstPerFile([...pacing], 3).map((m) =>
      fromMatch(
        m,
        'not counted: this limiter paces the service’s own work (a blocking acquire before each poll, send or message), it turns no request away',
      ),
    );
    if (verdict.outcome === 'fail' && paced.length > 0 && login.length === 0 && rejects.length === 0)
      return {
        ...verdict,
        message: `${verdict.message} A rate limiter paces the service’s own work (${paced[0]!.path}:${paced[0]!.line}), which limits no incoming request.`,
        evidence: [...verdict.evidence, ...paced],
      };
    if (verdict.outcome === 'fail' && login.length === 0 && rejects.length > 0)
      return partial(
        0.3,
        `Requests are answered 429 Too Many Requests by hand (${rejects[0]!.path}:${rejects[0]!.line}), as a usage quota or gate decides, but no rate limiter counts requests per client.`,
        [
          ...firstPerFile(rejects, 3).map((m) =>
            fromMatch(m, '429 answered by hand (quota or gate), no request counter in the file'),
          ),
          ...verdict.evidence,
        ],
        { ...verdict.data, rejects429: new Set(rejects.map((m) => m.path)).size },
      );
    // A hand-written limiter that only the authentication flows call (login, password reset, email
    // verification) stops brute force on those endpoints; the rest of the API is not limited
    // (blind round 19, bitcart's check_rate_limit). Only when nothing else earned the pass.
    if (
      verdict.outcome === 'pass' &&
      own.length > 0 &&
      handWritten.length === 0 &&
      config.length === 0 &&
      (verdict.data as { codeSites?: number }).codeSites === own.length &&
      ((verdict.data as { dependencies?: string[] }).dependencies ?? []).length === 0
    ) {
      const auth = authOnlyUses(ctx, own);
      if (auth)
        return partial(
          0.5,
          `Only authentication flows are rate-limited: the hand-written ${own[0]!.name} (${own[0]!.def.path}:${own[0]!.def.line}) is called only from ${listing([...new Set(auth.map((u) => u.fn))].slice(0, 4))}, which stops brute force there; no rate limit protects the other requests.`,
          [
            fromMatch(own[0]!.def, `hand-written rate limiting: ${own[0]!.name} defined here`),
            ...auth.slice(0, 4).map((u) => fromMatch(u.m, `${own[0]!.name} used in ${u.fn} (an authentication flow)`)),
          ],
          { ...verdict.data, authOnly: true },
        );
    }
    // nginx limits only the login and password-reset locations (blind round 20, bookwyrm's
    // `limit_req zone=loginlimit` in `location ~ ^/(login…|password-reset…)`): brute force is stopped
    // there, the other requests are not limited.
    const applied = proxyLimits.filter((e) => e.location !== undefined);
    if (
      verdict.outcome === 'pass' &&
      applied.length > 0 &&
      applied.every((e) => AUTH_STEP.test(e.location!)) &&
      config.length === proxyLimits.length &&
      (verdict.data as { codeSites?: number }).codeSites === 0 &&
      ((verdict.data as { dependencies?: string[] }).dependencies ?? []).length === 0
    )
      return partial(
        0.5,
        `Only authentication routes are rate-limited: the reverse proxy's limit_req applies to ${listing([...new Set(applied.map((e) => `location ${e.location}`))].slice(0, 3))} (${applied[0]!.path}:${applied[0]!.line}), which stops brute force there; no rate limit protects the other requests.`,
        plain,
        { ...verdict.data, authOnly: true },
      );
    const unapplied =
      verdict.outcome === 'pass' && config.length === 0 && handWritten.length === 0 && own.length === 0
        ? registeredNotApplied(ctx)
        : undefined;
    if (unapplied) return partial(0.3, unapplied.message, unapplied.evidence, { ...verdict.data, notApplied: true });
    if (verdict.outcome === 'fail' && nuxtLimiterOff && login.length === 0)
      return {
        ...verdict,
        message: `${verdict.message} The nuxt-security module would limit request rates by default, but its rate limiter is turned off (${nuxtLimiterOff.path}:${nuxtLimiterOff.line}).`,
        evidence: [nuxtLimiterOff, ...verdict.evidence],
      };
    if (verdict.outcome === 'pass' || login.length === 0) return verdict;
    return partial(
      0.5,
      'Failed logins are throttled (login lockout), but no rate limit protects the other requests.',
      [...firstPerFile(login, 3).map((m) => fromMatch(m, 'login throttling')), ...verdict.evidence],
      { ...verdict.data, loginThrottling: true },
    );
  },
});

/**
 * A step of signing in, named in an nginx location or a function: login, sign-up, password reset,
 * verification, one-time and two-factor codes, tokens, magic links, captchas.
 */
const AUTH_STEP =
  /log_?in|sign_?in|sign_?up|regist|password|passwd|reset|verif|otp|mfa|2fa|two_?factor|auth|token|email_code|magic_?link|captcha/i;

/**
 * An nginx `limit_req` (not the zone it uses) with the `location` block it sits in: the nearest
 * unclosed `location … {` above it, braces counted (at most 200 lines up). Server-wide (no
 * location): `location` stays undefined and the note says so.
 */
function nginxLocated(ctx: RuleContext, e: Evidence): Evidence & { location?: string } {
  if (e.line && /^\s*limit_req_zone\s/.test(e.snippet ?? ''))
    return { ...e, note: 'nginx limit_req_zone: the rate a limit_req applies per client' };
  if (!e.line || !/^\s*limit_req\s/.test(e.snippet ?? '')) return e;
  const lines = ctx.files.lines(e.path);
  if (!lines) return e;
  let depth = 0;
  for (let n = e.line - 2; n >= 0 && n >= e.line - 200; n--) {
    const l = lines.line(n + 1).replace(/#.*$/, '');
    depth += (l.match(/\}/g) ?? []).length - (l.match(/\{/g) ?? []).length;
    if (depth < 0) {
      // No lazy `(.+?)\s*\{`: on a long line of spaces it was quadratic (80,000 characters: 6.3 s).
      const head = /^\s*location\s/.exec(l);
      const brace = head ? l.indexOf('{', head[0].length) : -1;
      const where = brace > 0 ? l.slice(head![0].length, brace).trim() : '';
      if (where) return { ...e, location: where, note: `the reverse proxy limits request rates on location ${where}` };
      if (/^\s*(?:server|http)\s*\{/.test(l))
        return { ...e, note: 'the reverse proxy limits request rates server-wide' };
      depth = 0;
    }
  }
  return e;
}

/** The function a line sits in: the nearest definition above it (Python def, JS/Go/PHP function, a method header). */
const FUNCTION_HEADER =
  /^\s*(?:async\s+)?def\s+(\w+)|\bfunction\s+(\w+)|^func\s+(?:\([^)]*\)\s*)?(\w+)|^[ \t]*(?:(?:public|private|protected|async|static)[ \t]+)*(\w+)[ \t]*\([^)\n]*\)[ \t]*(?::[ \t]*[\w<>[\],| ]+)?\{[ \t]*$/;

/**
 * Every call of the limiters (not their definitions or imports), with the function it is in, when
 * each such function is an authentication step; null when any call is elsewhere or none is found.
 */
function authOnlyUses(ctx: RuleContext, own: readonly Definition[]): { m: Match; fn: string }[] | null {
  const out: { m: Match; fn: string }[] = [];
  for (const d of own) {
    const word = new RegExp(String.raw`(?<![\w$])${d.name.replace(/[$]/g, '\\$')}\s*\(`);
    for (const r of ctx.matches('refs')) {
      if ((r.path === d.def.path && r.line === d.def.line) || !isProductionPath(r.path)) continue;
      if (isCommentLine(r.snippet) || !word.test(r.snippet) || definedName(r.snippet) === d.name) continue;
      const lines = ctx.files.lines(r.path);
      if (!lines) return null;
      let fn: string | undefined;
      for (let n = r.line - 1; n >= Math.max(1, r.line - 80) && !fn; n--) {
        const h = FUNCTION_HEADER.exec(lines.line(n));
        fn = h ? (h[1] ?? h[2] ?? h[3] ?? h[4]) : undefined;
      }
      if (!fn || !AUTH_STEP.test(fn)) return null;
      out.push({ m: r, fn });
    }
  }
  return out.length > 0 ? out : null;
}

/**
 * The project's own limiter: a type or function named for one (`struct RateLimit`, `class
 * TokenBucket`, `def throttle_request`) whose file keeps a request budget (LIMITER_LOGIC, a counter
 * or a 429) or that sits in a folder named for it (`rate_limit/mod.rs` beside its backend),
 * credited when another line uses it — one definition per file, types first. One that nothing
 * uses is reported, not credited; an accessor or a settings converter elsewhere is neither.
 */
function ownLimiters(refs: readonly Match[], logic: readonly Match[]): { own: Definition[]; unused: Definition[] } {
  const logicFiles = new Set(logic.map((m) => m.path));
  const logicDirs = new Set(logic.map((m) => dirOf(m.path)));
  const candidates: { def: Match; name: string; rank: number }[] = [];
  const seen = new Set<string>();
  for (const m of refs) {
    if (!isProductionPath(m.path)) continue;
    const name = definedName(m.snippet);
    if (!name || !LIMITER_NAME.test(name) || NOT_A_LIMITER.test(name)) continue;
    if (READS_RESPONSE.test(m.snippet)) continue;
    const dir = dirOf(m.path);
    // A folder may spell the name with a hyphen (`app/rate-limit/`, blind round 24 papra).
    const named = LIMITER_NAME.test(dir.slice(dir.lastIndexOf('/') + 1).replace(/-/g, '_')) && logicDirs.has(dir);
    if (!named && !logicFiles.has(m.path)) continue;
    // Every limiter a file defines is a candidate (`getRateLimit` and the `checkRateLimit` the
    // routes call); the file's best one is kept below.
    if (seen.has(`${m.path}\0${name}`)) continue;
    seen.add(`${m.path}\0${name}`);
    // A limiter's own name ends in the word (`RateLimit`, `TokenBucket`, `Throttler`); its key or
    // helper types go on after it (`RateLimitIpAddr`).
    const rank = (TYPE_DEF.test(m.snippet) ? 0 : 2) + (LIMITER_END.test(name) ? 0 : 1);
    candidates.push({ def: m, name, rank });
  }
  // One per file: a limiter used from another file first (the routes call it), then by rank.
  const used = candidates.map((c) => ({ ...c, use: findUse(c.name, c.def, refs) }));
  used.sort(
    (a, b) =>
      Number(!a.use || a.use.path === a.def.path) - Number(!b.use || b.use.path === b.def.path) || a.rank - b.rank,
  );
  const own: Definition[] = [];
  const unused: Definition[] = [];
  const files = new Set<string>();
  for (const { def, name, use } of used) {
    if (files.has(def.path)) continue;
    files.add(def.path);
    if (use) own.push({ def, name, use });
    else unused.push({ def, name });
  }
  return { own, unused: own.length > 0 ? [] : unused };
}

/** A line that applies @nestjs/throttler: its guard (APP_GUARD, @UseGuards, a subclass) or a @Throttle decorator. */
const NEST_APPLIED = /\bThrottlerGuard\b|@Throttle\(/;
/** A line that applies a slowapi Limiter: a `@limiter.limit("5/minute")` decorator or its middleware. */
const SLOWAPI_APPLIED = /@\w+\.(?:limit|shared_limit)\(|\bSlowAPI(?:ASGI)?Middleware\b/;

/**
 * A limiter registered with nothing that applies it limits nothing: @nestjs/throttler's
 * `ThrottlerModule.forRoot` only configures the limits, its ThrottlerGuard (an APP_GUARD
 * provider, `@UseGuards(ThrottlerGuard)`) or a `@Throttle` decorator enforces them; slowapi's
 * `Limiter(key_func=…)` limits only routes decorated with `@limiter.limit` or the app its
 * SlowAPIMiddleware wraps (blind round 31, a NestJS boilerplate's ThrottlerModule.forRootAsync
 * with no guard anywhere, credited as rate limiting).
 */
function registeredNotApplied(ctx: RuleContext): { message: string; evidence: Evidence[] } | undefined {
  const sites = productionMatches(ctx, 'code').filter((m) => !isCommentLine(m.snippet) && !isImportLine(m.snippet));
  if (sites.length === 0) return undefined;
  const nest = sites.filter((m) => /\bThrottlerModule\.forRoot/.test(m.snippet));
  const slow = sites.filter((m) => /\bLimiter\(/.test(m.snippet) && /\bslowapi\b/.test(ctx.files.read(m.path) ?? ''));
  const registered = [...nest, ...slow];
  // Every registration is of these kinds: another limiter in the code earns its own credit.
  if (
    registered.length === 0 ||
    registered.length !== sites.filter((m) => !NEST_APPLIED.test(m.snippet) && !SLOWAPI_APPLIED.test(m.snippet)).length
  )
    return undefined;
  // Read from the files themselves (a pattern's matches are capped per file): an import of the
  // guard alone counts as applied, which keeps the pass when in doubt.
  const applies = (globs: string[], re: RegExp) =>
    ctx.files
      .match(globs)
      .filter(isProductionPath)
      .slice(0, 5000)
      .some((p) => re.test(ctx.files.read(p) ?? ''));
  if (nest.length > 0 && applies(['**/*.{ts,js,mts,cts,mjs,cjs}'], NEST_APPLIED)) return undefined;
  if (slow.length > 0 && applies(['**/*.py'], SLOWAPI_APPLIED)) return undefined;
  const first = registered[0]!;
  const what = nest.length > 0 ? 'ThrottlerModule.forRoot' : 'slowapi Limiter';
  const missing =
    nest.length > 0
      ? 'no ThrottlerGuard is applied (no APP_GUARD provider, no @UseGuards(ThrottlerGuard)) and no route has @Throttle'
      : 'no route has @limiter.limit and no SlowAPIMiddleware wraps the app';
  return {
    message: `A rate limiter is configured but not applied: ${what} (${first.path}:${first.line}) sets the limits, but ${missing}, so no request is limited.`,
    evidence: registered.slice(0, 3).map((m) => fromMatch(m, `${what}: limits configured, nothing applies them`)),
  };
}

/**
 * A limiter created in this file (`RateLimiter.create(rate)`) that the file only waits on with a
 * blocking `acquire(…)` and never asks whether to turn a call away (`tryAcquire`, `acquirePermission`,
 * `RequestNotPermitted`, a 429): it paces the service's own work — how fast a Kafka consumer polls,
 * how fast messages are streamed to a browser — and limits no request anyone sends (blind round 48:
 * Guava's RateLimiter throttling consumer polls passed rate-limiting). A limiter created in a
 * configuration class and used by a filter elsewhere is not said to pace anything.
 */
function pacesOwnWork(text: string | undefined, m: Match): boolean {
  if (!text || !/\bRateLimiter\.(?:create|of)\(/.test(m.snippet)) return false;
  const body = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return (
    /\.acquire\(/.test(body) &&
    !/\btryAcquire\b|\bacquirePermission\b|\bRequestNotPermitted\b|TOO_MANY_REQUESTS|TooManyRequests|\b429\b|\bdecorate\w*\(|@RateLimiter\b|\bHttpServletRequest\b|\bServerWebExchange\b|\bWebFilter\b|\bHandlerInterceptor\b|\bContainerRequestFilter\b/.test(
      body,
    )
  );
}
