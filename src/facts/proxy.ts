/**
 * What a reverse proxy kept in the repository enforces in front of the application (issue 15,
 * class 5): nginx, Caddy, Traefik and HAProxy configurations limit request rates, add security
 * headers and HSTS, and redirect to HTTPS — work the application then need not do itself. Read in
 * the one scan; rate limiting and security middleware both use it.
 *
 * Caddy is the case of a default: a site block that names a host is served over HTTPS, with plain
 * HTTP redirected, unless `auto_https off` says otherwise (https://caddyserver.com/docs/automatic-https).
 */
import type { Evidence, Match, ProxyFacts } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { isCommentLine, isDeployablePath, isLocalDevEnvPath } from './paths.js';

/** The files an nginx configuration is kept in (also read by security-middleware for CORS headers). */
export const NGINX_FILES = [
  '**/nginx*.conf',
  '**/nginx/**/*.conf',
  // Files kept in a folder named nginx, extensionless ones included (`nginx/locations`, included by
  // the site's configuration: blind round 20, bookwyrm).
  '**/nginx/*',
  '**/*.nginx',
  '**/conf.d/*.conf',
  '**/*.conf.template',
  '**/sites-{available,enabled}/*',
  // nginx's own name for a site (/etc/nginx/conf.d/default.conf) and the server configuration an
  // image copies in from its docker/ folder (blind round 45: docker/default.conf's add_header lines
  // were "no security headers"). The patterns read nginx syntax only.
  '**/default.conf',
  '**/docker/**/*.conf',
];
const CADDY = ['**/Caddyfile', '**/Caddyfile.*', '**/*.caddy', '**/*.caddyfile'];
const TRAEFIK = ['**/traefik*.{yml,yaml,toml}', '**/traefik/**/*.{yml,yaml,toml}', '**/*compose*.{yml,yaml}'];
const HAPROXY = ['**/haproxy*.cfg', '**/haproxy/**/*.cfg'];

const KEYS = {
  rate: 'facts:proxy-rate',
  headers: 'facts:proxy-headers',
  hsts: 'facts:proxy-hsts',
  redirect: 'facts:proxy-redirect',
  caddySite: 'facts:proxy-caddy-site',
  caddyOff: 'facts:proxy-caddy-off',
};

export const PROXY_PATTERNS: ScanPattern[] = [
  {
    key: KEYS.rate,
    regex:
      /^[ \t]*(?:limit_req(?:_zone)?\s|rate_limit\b|[\w.-]*ratelimit[\w.-]*\s*[:=]|-\s*["']?traefik\.http\.middlewares\.[\w-]+\.ratelimit\.|http-request\s+(?:deny|track-sc\d)\b.*\b(?:http_req_rate|sc_http_req_rate))/im,
    files: [...NGINX_FILES, ...CADDY, ...TRAEFIK, ...HAPROXY],
    literals: ['limit_req', 'rate_limit', 'ratelimit', 'http_req_rate'],
    ignoreCase: true,
    maxPerFile: 2,
  },
  {
    key: KEYS.headers,
    regex:
      /^[ \t]*(?:add_header[ \t]+(?:X-Frame-Options|X-Content-Type-Options|Content-Security-Policy|Referrer-Policy|Permissions-Policy)\b|header[ \t]+(?:\S+[ \t]+)?(?:X-Frame-Options|X-Content-Type-Options|Content-Security-Policy|Referrer-Policy)\b|(?:X-Frame-Options|X-Content-Type-Options|Content-Security-Policy|Referrer-Policy)\s+["']|(?:X-Frame-Options|X-Content-Type-Options|Referrer-Policy)[ \t]+[\w-]+[ \t]*$|(?:-\s*["']?traefik\.http\.middlewares\.[\w-]+\.headers\.)?(?:frameDeny|contentTypeNosniff|customFrameOptionsValue|contentSecurityPolicy|browserXssFilter)\s*[:=]|http-response\s+set-header\s+(?:X-Frame-Options|X-Content-Type-Options|Content-Security-Policy))/im,
    files: [...NGINX_FILES, ...CADDY, ...TRAEFIK, ...HAPROXY],
    literals: [
      'X-Frame-Options',
      'X-Content-Type-Options',
      'Content-Security-Policy',
      'Referrer-Policy',
      'Permissions-Policy',
      'frameDeny',
      'contentTypeNosniff',
      'customFrameOptionsValue',
      'contentSecurityPolicy',
      'browserXssFilter',
    ],
    ignoreCase: true,
    maxPerFile: 2,
  },
  {
    key: KEYS.hsts,
    regex: /Strict-Transport-Security|\bstsSeconds\s*[:=]\s*["']?[1-9]/i,
    files: [...NGINX_FILES, ...CADDY, ...TRAEFIK, ...HAPROXY],
    literals: ['strict-transport-security', 'stsseconds'],
    ignoreCase: true,
    maxPerFile: 1,
  },
  {
    key: KEYS.redirect,
    regex:
      /^[ \t]*(?:return\s+30[178]\s+https:\/\/|rewrite\s+\S+\s+https:\/\/\S*\s+permanent|redirect-scheme\s+https|http-request\s+redirect\s+scheme\s+https|redir\s+https:\/\/|(?:-\s*["']?)?(?:traefik\.http\.middlewares\.[\w-]+\.)?redirectscheme\.scheme\s*[:=]\s*["']?https|scheme\s*:\s*["']?https["']?\s*$|to\s*:\s*["']?websecure)/im,
    files: [...NGINX_FILES, ...CADDY, ...TRAEFIK, ...HAPROXY],
    literals: ['https', 'websecure'],
    ignoreCase: true,
    maxPerFile: 1,
  },
  {
    // A Caddy site address that names a host: served over HTTPS with HTTP redirected, by default.
    key: KEYS.caddySite,
    regex:
      /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,}|\{\$[A-Z_]+\}|\{env\.[A-Z_]+\})(?::443)?(?:\s*,\s*\S+)*\s*\{\s*$/im,
    files: CADDY,
    maxPerFile: 1,
  },
  {
    key: KEYS.caddyOff,
    regex: /^[ \t]*auto_https\s+(?:off|disable_redirects)\b/m,
    files: CADDY,
    literals: ['auto_https'],
    maxPerFile: 1,
  },
];

/** A setting whose value turns the feature off: `false`, `0`, `off`, `no`, `disabled`, quoted or not. */
const SWITCHED_OFF = /[:=][ \t]*["']?(?:false|0|off|no|disabled?|none)["']?[ \t]*(?:#[^\n]*)?$/i;
/** An environment variable (UPPER_SNAKE_CASE) in a compose or deployment file, not a proxy directive. */
const ENV_SWITCH = /^[ \t]*(?:-[ \t]*)?["']?[A-Z][A-Z0-9]*_[A-Z0-9_]*["']?[ \t]*[:=]/;

export function proxyFacts(matches: (key: string) => Match[]): ProxyFacts {
  // A proxy in a local development environment (a Traefik demo beside docker-compose) fronts a laptop, not the deployment.
  const live = (key: string) =>
    matches(key).filter((m) => isDeployablePath(m.path) && !isLocalDevEnvPath(m.path) && !isCommentLine(m.snippet));
  const ev = (ms: Match[], note: string): Evidence[] =>
    ms.slice(0, 3).map((m) => ({ path: m.path, line: m.line, snippet: m.snippet, note }));
  const caddyOff = new Set(live(KEYS.caddyOff).map((m) => m.path));
  const caddy = live(KEYS.caddySite).filter((m) => !caddyOff.has(m.path) && !m.snippet.startsWith('http://'));
  return {
    // A switch set to off (`REDASH_RATELIMIT_ENABLED: "false"`) limits nothing; an application's
    // environment switch set on (`APP_RATELIMIT_ENABLED: "true"`) is the application's limiter,
    // not the proxy's (blind round 30).
    rateLimits: [
      ...ev(
        live(KEYS.rate).filter((m) => !SWITCHED_OFF.test(m.snippet) && !ENV_SWITCH.test(m.snippet)),
        'the reverse proxy limits request rates',
      ),
      ...ev(
        live(KEYS.rate).filter((m) => !SWITCHED_OFF.test(m.snippet) && ENV_SWITCH.test(m.snippet)),
        "an environment setting switches the application's rate limiting on",
      ),
    ].slice(0, 3),
    headers: ev(live(KEYS.headers), 'the reverse proxy adds security headers'),
    hsts: ev(live(KEYS.hsts), 'the reverse proxy sends HSTS'),
    httpsRedirect: [
      ...ev(live(KEYS.redirect), 'the reverse proxy redirects HTTP to HTTPS'),
      ...ev(caddy, 'Caddy serves this site over HTTPS and redirects HTTP by default (automatic HTTPS)'),
    ],
  };
}
