/**
 * Named products: "Redis caching", "cargo audit in CI", "Prettier exclusions", "Sentry error tracking".
 * Issue 16: the mechanism a claim NAMES must be the mechanism found. A rule or a mechanism of the
 * vocabulary finds a practice (caching, security scanning, formatting); when the claim names a
 * product for it and the evidence names none of the products the claim names, the practice found
 * is not what the line says. Each product: its name, how a claim writes it, and the lower-case
 * spellings that show it in a dependency name, a path, evidence or a command CI runs.
 */
import type { Evidence } from '../types.js';
import type { LookupContext } from './lookup.js';
import { TOOLS } from './tools.js';

export interface Product {
  name: string;
  claim: RegExp;
  /** Lower-case spellings seen in dependency names, paths, evidence or CI commands. */
  shows: string[];
  /**
   * Looked for in the code too: an algorithm a standard library or a broader package provides
   * (Go's golang.org/x/crypto/bcrypt, Spring's BCryptPasswordEncoder) shows in no dependency's name.
   */
  inCode?: boolean;
}

const p = (name: string, claim: RegExp, ...shows: string[]): Product => ({
  name,
  claim,
  shows: shows.length ? shows : [name.toLowerCase()],
});

export const PRODUCTS: Product[] = [
  p('Redis', /\bredis\b/i, 'redis'),
  p('Memcached', /\bmemcached?\b/i, 'memcache'),
  p('Sentry', /\bsentry\b/i, 'sentry'),
  p('Prometheus', /\bprometheus\b/i, 'prometheus', 'prom-client', 'prom_client', 'micrometer-registry-prometheus'),
  p('Grafana', /\bgrafana\b/i, 'grafana'),
  p('Datadog', /\bdata ?dog\b/i, 'datadog', 'dd-trace', 'ddtrace'),
  p('New Relic', /\bnew ?relic\b/i, 'newrelic', 'new-relic', 'new_relic'),
  p('OpenTelemetry', /\bopen ?telemetry\b|\botel\b/i, 'opentelemetry', 'otel'),
  p('Jaeger', /\bjaeger\b/i, 'jaeger'),
  p('Elasticsearch', /\belastic ?search\b/i, 'elasticsearch', 'elastic'),
  p('Kafka', /\bkafka\b/i, 'kafka'),
  p('RabbitMQ', /\brabbit ?mq\b/i, 'rabbitmq', 'amqp', 'rabbit'),
  p('Celery', /\bcelery\b/i, 'celery'),
  p('Sidekiq', /\bsidekiq\b/i, 'sidekiq'),
  p('BullMQ', /\bbull(?:mq)?\b/i, 'bull'),
  p('Consul', /\bconsul\b/i, 'consul'),
  p('etcd', /\betcd\b/i, 'etcd'),
  p('Helmet', /\bhelmet\b/i, 'helmet'),
  p('Winston', /\bwinston\b/i, 'winston'),
  p('Pino', /\bpino\b/i, 'pino'),
  p('Keycloak', /\bkeycloak\b/i, 'keycloak'),
  p('Auth0', /\bauth0\b/i, 'auth0'),
  p('Passport', /\bpassport(?:\.js)?\b/i, 'passport'),
  p('cargo-audit', /\bcargo[- ]audit\b/i, 'cargo audit', 'cargo-audit', 'rustsec/audit-check', 'audit-check'),
  p('cargo-deny', /\bcargo[- ]deny\b/i, 'cargo deny', 'cargo-deny'),
  p('Dependabot', /\bdependabot\b/i, 'dependabot'),
  p('Renovate', /\brenovate\b/i, 'renovate'),
  p('Husky', /\bhusky\b/i, 'husky'),
  p('Terraform', /\bterraform\b/i, 'terraform', '.tf'),
  p('Helm', /\bhelm\b/i, 'helm', 'chart.yaml'),
  p('Nginx', /\bnginx\b/i, 'nginx'),
  p('Traefik', /\btraefik\b/i, 'traefik'),
  p('Caddy', /\bcaddy\b/i, 'caddy'),
  p('PgBouncer', /\bpgbouncer\b/i, 'pgbouncer'),
  p('Loki', /\bloki\b/i, 'loki'),
  p('Kibana', /\bkibana\b/i, 'kibana'),
  p('Logstash', /\blogstash\b/i, 'logstash'),
  p('Resilience4j', /\bresilience4j\b/i, 'resilience4j'),
  p('Hystrix', /\bhystrix\b/i, 'hystrix'),
  p('Polly', /\bpolly\b/i, 'polly'),
  p('Zod', /\bzod\b/i, 'zod'),
  p('Joi', /\bjoi\b/i, 'joi'),
  p('Yup', /\byup\b/i, 'yup'),
  p('Pydantic', /\bpydantic\b/i, 'pydantic', 'fastapi'),
  // "Bcrypt hashing" where the code hashes with werkzeug's pbkdf2: the algorithm named, in code or a package.
  { ...p('bcrypt', /\bbcrypt\b/i, 'bcrypt'), inCode: true },
  { ...p('Argon2', /\bargon2(?:id)?\b/i, 'argon2'), inCode: true },
  // The tools of CI claims (tools.ts), named as the commands write them.
  ...TOOLS.map((t) => ({ name: t.tool, claim: t.claim, shows: [t.tool.toLowerCase()] })),
];

/** The search key of a product looked for in the code. */
export const productKey = (product: Product) => `prod:${product.name.toLowerCase()}`;

/** The products a line names. */
export function productsIn(text: string): Product[] {
  return PRODUCTS.filter((x) => x.claim.test(text));
}

const norm = (s: string) => s.toLowerCase();

/** Whether the text (a reason, evidence) shows the product. */
export function shows(product: Product, text: string): boolean {
  const t = norm(text);
  return product.shows.some((s) => t.includes(s)) || product.claim.test(text);
}

/** The evidence of a verdict as one text: its reason, paths, snippets and notes. */
export function evidenceText(reason: string, evidence: Evidence[]): string {
  return [reason, ...evidence.flatMap((e) => [e.path, e.snippet ?? '', e.note ?? ''])].join('\n');
}

/**
 * Whether the repository shows the product anywhere the audit already holds: a declared dependency,
 * a path, or a command CI runs. Undefined without the facts.
 */
export function productInRepository(ctx: LookupContext | undefined, product: Product): boolean | undefined {
  if (!ctx) return undefined;
  if (ctx.facts.dependencies.some((d) => shows(product, d.name))) return true;
  if (ctx.files.paths.some((path) => product.shows.some((s) => path.toLowerCase().includes(s)))) return true;
  if (ctx.tools?.uses.some((u) => shows(product, u.tool) || u.chain.some((h) => shows(product, h.snippet ?? ''))))
    return true;
  if (product.inCode) {
    if (ctx.search.hits.get(productKey(product))?.some((h) => !h.test)) return true;
    // Not searched (the search's budget spent): absence is not shown.
    if (!ctx.search.complete) return undefined;
  }
  return false;
}
