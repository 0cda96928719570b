import { defineRule } from '../../src/types.js';
import type { Evidence } from '../../src/types.js';
import { k8s, K8S_DIGEST } from '../../src/facts/k8s.js';
import { CODE_GLOBS, libraryVerdict } from '../_shared/resilience.js';
import { label, terraform, TF_READS, type TfBlock } from '../../src/facts/terraform.js';

/** Code that registers an inbound rate limiter, per language. */
const CODE = new RegExp(
  [
    String.raw`\brateLimit\(`,
    // A home-grown limiter: a token bucket or rate-limiter type of the project's own.
    String.raw`^[ \t]*(?:export\s+)?(?:class|type|struct)\s+\w*(?:TokenBucket|RateLimiter|LeakyBucket|SlidingWindowLimiter)\b`,
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
    String.raw`\bRateLimitLayer\b`,
    String.raw`\bHammer\.check_rate\b`,
  ].join('|'),
  'm',
);

const INGRESS_LIMIT = /^(nginx\.ingress\.kubernetes\.io\/limit-(rps|rpm|connections|rate)|.*ratelimit.*)$/i;

function hasBlock(b: TfBlock, type: string, depth = 0): boolean {
  return depth < 8 && b.blocks.some((x) => x.type === type || hasBlock(x, type, depth + 1));
}

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
      'Code that registers a limiter (`rateLimit(`, `@limiter.limit(`, `AddRateLimiter(`, `rate.NewLimiter(`, `Rack::Attack`, `throttle:` middleware) in production sources; ingress annotations such as `nginx.ingress.kubernetes.io/limit-rps`, Traefik/Kong rate-limit objects; Terraform API Gateway throttling, WAF `rate_based_statement`, Cloud Armor `rate_limit_options`. A catalogue library (`rate-limiting`) declared but unused earns partial credit.',
    patterns: {
      code: {
        regex: CODE,
        files: CODE_GLOBS,
        literals: [
          'imit',
          'hrottle',
          'Bucket',
          'Bandwidth',
          'Rack::Attack',
          'overnor',
          'Hammer',
          'TokenBucket',
          'RateLimiter',
        ],
        maxPerFile: 3,
      },
    },
    reads: [...TF_READS],
    digests: [K8S_DIGEST],
  },
  appliesTo: ({ facts }) =>
    facts.profile.id === 'service'
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
      else if (hasBlock(r, 'rate_based_statement') || hasBlock(r, 'rate_limit_options') || /rate_limit/.test(t))
        config.push({ path: r.path, line: r.line, note: `${label(r)} limits request rates` });
    }
    // A reverse proxy kept in the repository (nginx limit_req, Traefik rateLimit, Caddy rate_limit).
    config.push(...ctx.facts.proxy.rateLimits);
    return libraryVerdict(ctx, { what: 'rate limiting', catalogue: 'rate-limiting', code: ['code'], config });
  },
});
