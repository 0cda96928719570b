import { defineRule, type Evidence, type Match } from '../../src/engine/types.js';
import { fail, graded, listing, partial, pass } from '../../src/engine/results.js';
import { firstPerFile, fromMatch, isProductionPath } from '../_shared/paths.js';

const CODE = ['**/*.{js,ts,mjs,cjs,jsx,tsx,py,go,java,kt,cs,rb,php,rs,scala,groovy}', '**/*.{yml,yaml,properties}', '**/web.config'];

export default defineRule({
  meta: {
    id: 'security-middleware',
    title: 'HTTP hardening middleware is installed',
    failureTitle: 'No HTTP security middleware',
    description:
      'Security headers, a strict CORS policy, HTTPS enforcement and CSRF protection close whole classes of browser attacks (clickjacking, MIME sniffing, cross-origin data theft, request forgery) for the price of a few lines of setup.',
    remediation:
      'Register security-header middleware (helmet, Talisman, Django SecurityMiddleware, unrolled/secure, Spring Security headers, NWebsec), restrict CORS to explicit origins, redirect to HTTPS with HSTS, and enable CSRF protection for cookie-authenticated routes.',
    severity: 'high',
    effort: 'low',
    detection:
      'Code that registers the middleware, not just a dependency: `app.use(helmet())`, `register(helmet)`, `Talisman(app)`, `SecurityMiddleware` in MIDDLEWARE, `secure.New(`, `.headers(` in Spring Security, `UseHsts`, `UseHttpsRedirection`, CORS with origins (`cors({origin…})`, `CORSMiddleware`, `AddCors`, `@CrossOrigin`), CSRF (`csurf`, `CsrfViewMiddleware`, `CSRFProtect`, `csrf.Protect`, `protect_from_forgery`). A wildcard origin with credentials is reported as a finding.',
    patterns: {
      headers: {
        regex: /\bhelmet\s*\(|register\(\s*(?:require\(\s*['"]@fastify\/helmet['"]\s*\)|fastifyHelmet|helmet)|\bsecureHeaders\s*\(|\bTalisman\s*\(|SecurityMiddleware|secure\.New\s*\(|\bsecure_headers\b|SecureHeaders|\.headers\s*\(\s*(?:\w+\s*->|Customizer)|UseSecurityHeaders|AddSecurityHeaderPolicies|X-Content-Type-Options|Content-Security-Policy|UseXContentTypeOptions|default_headers|SetResponseHeaderLayer|x_frame_options|X-Frame-Options/,
        files: CODE,
        literals: ['helmet', 'Helmet', 'ecureHeaders', 'Talisman', 'SecurityMiddleware', 'secure.New', 'secure_headers', '.headers(', 'X-Content-Type-Options', 'Content-Security-Policy', 'XContentTypeOptions', 'default_headers', 'SetResponseHeader', 'X-Frame-Options', 'x_frame_options'],
      },
      cors: {
        regex: /\bcors\s*\(|CORSMiddleware|\bCORS\s*\(|CORS_ALLOWED_ORIGINS|CORS_ORIGIN_WHITELIST|cors\.New\s*\(|handlers\.CORS|@CrossOrigin|CorsConfiguration|addCorsMappings|AddCors\s*\(|UseCors\s*\(|Rack::Cors|CorsLayer|enableCors\s*\(|allowed_origins|@fastify\/cors/,
        files: CODE,
        literals: ['cors', 'CORS', 'Cors'],
      },
      corsWildcard: {
        regex: /allow_origins\s*=\s*\[\s*["']\*["']\s*\]|origin\s*:\s*["'`]\*["'`]|AllowAnyOrigin\s*\(|Access-Control-Allow-Origin["']?\s*[,:]\s*["']\*|CORS_ORIGIN_ALLOW_ALL\s*=\s*True|CORS_ALLOW_ALL_ORIGINS\s*=\s*True|AllowedOrigins:\s*\[\]string\{\s*"\*"|allowedOrigins\s*\(\s*"\*"|origins\s*\(?\s*["']\*["']/,
        files: CODE,
        literals: ['*'],
      },
      credentials: {
        regex: /allow_credentials\s*=\s*True|credentials\s*:\s*true|AllowCredentials\s*\(|AllowCredentials:\s*true|allowCredentials\s*\(\s*true|CORS_ALLOW_CREDENTIALS\s*=\s*True|Access-Control-Allow-Credentials["']?\s*[,:]\s*["']true/,
        files: CODE,
        literals: ['redentials', 'REDENTIALS'],
      },
      https: {
        regex: /\bUseHsts\s*\(|UseHttpsRedirection\s*\(|HTTPSRedirectMiddleware|SECURE_SSL_REDIRECT\s*=\s*True|SECURE_HSTS_SECONDS\s*=\s*[1-9]|\bhsts\s*\(|strictTransportSecurity|Strict-Transport-Security|force_ssl\s*=\s*true|requiresSecure\s*\(|requireHttps|force_https|SSLRedirect\s*:\s*true|HttpsRedirection|express-sslify|enforceHTTPS/,
        files: CODE,
        literals: ['Hsts', 'Https', 'HTTPS', 'SSL', 'hsts', 'Strict', 'strict', 'force_ssl', 'Secure', 'sslify', 'https'],
      },
      csrf: {
        regex: /\bcsurf\b|\bcsrf\s*\(|lusca\.csrf|CsrfViewMiddleware|CSRFProtect\s*\(|csrf\.Protect\s*\(|\.csrf\s*\(|protect_from_forgery|ValidateAntiForgeryToken|AddAntiforgery|UseAntiforgery|VerifyCsrfToken|@fastify\/csrf|csrf-csrf|SeaSurf|CsrfProtect/,
        files: CODE,
        literals: ['csrf', 'Csrf', 'CSRF', 'forgery', 'Forgery', 'SeaSurf'],
      },
      trustedHosts: {
        regex: /TrustedHostMiddleware|ALLOWED_HOSTS\s*=\s*\[\s*["'][^*"']|AllowedHosts|HostFilteringMiddleware|config\.hosts\s*<</,
        files: CODE,
        literals: ['TrustedHost', 'ALLOWED_HOSTS', 'AllowedHosts', 'HostFiltering', 'config.hosts'],
      },
    },
  },
  appliesTo: ({ facts }) =>
    facts.frameworks.length > 0 ? true : { reason: 'no web framework detected: HTTP middleware does not apply' },
  check(ctx) {
    const prod = (k: string) => ctx.matches(k).filter((m) => isProductionPath(m.path));
    const headers = prod('headers');
    const cors = prod('cors');
    const https = prod('https');
    const csrf = prod('csrf');
    const hosts = prod('trustedHosts');
    // A wildcard origin is a finding only where credentials are allowed in the same file.
    const credFiles = new Set(prod('credentials').map((m) => m.path));
    const wildcard = prod('corsWildcard').filter((m) => credFiles.has(m.path));

    const g = graded([
      { name: 'security headers', found: headers.length > 0, weight: 4 },
      { name: 'CORS with explicit origins', found: cors.length > 0 && wildcard.length === 0, weight: 3 },
      { name: 'HTTPS redirect/HSTS, CSRF protection or trusted hosts', found: https.length + csrf.length + hosts.length > 0, weight: 3 },
    ]);
    const show = (ms: Match[], note: string) => firstPerFile(ms, 2).map((m) => fromMatch(m, note));
    const evidence: Evidence[] = [
      ...show(headers, 'security headers'),
      ...show(cors, 'CORS policy'),
      ...show(https, 'HTTPS/HSTS'),
      ...show(csrf, 'CSRF protection'),
      ...show(hosts, 'trusted hosts'),
      ...wildcard.slice(0, 3).map((m) => fromMatch(m, 'CORS allows any origin together with credentials: any site can make authenticated requests')),
    ];
    const found = [
      headers.length && 'security headers',
      cors.length && (wildcard.length ? 'CORS (wildcard origin with credentials)' : 'CORS'),
      https.length && 'HTTPS/HSTS',
      csrf.length && 'CSRF protection',
      hosts.length && 'trusted hosts',
    ].filter((x): x is string => !!x);
    const data = { headers: headers.length > 0, cors: cors.length > 0, corsWildcardWithCredentials: wildcard.length > 0, https: https.length > 0, csrf: csrf.length > 0, trustedHosts: hosts.length > 0 };
    if (found.length === 0) {
      const deps = ctx.facts.findDependencies(ctx.catalogue('security-headers')).filter((d) => d.ecosystem !== 'pip' || d.name !== 'django');
      const depNote: Evidence[] = deps.slice(0, 2).map((d) => ({ path: d.path, ...(d.line ? { line: d.line } : {}), snippet: d.name, note: 'declared as a dependency, but never registered in code' }));
      return fail('No security headers, CORS policy, HTTPS enforcement or CSRF protection is registered.', [
        { path: '.', note: `no hardening middleware registration in ${ctx.searched('headers')} source and config files` },
        ...depNote,
      ], data);
    }
    if (g.missing.length === 0) return pass(`${listing(found)} in place.`, evidence, data);
    return partial(g.score, `${listing(found)} found; no ${listing(g.missing)}.`, evidence, data);
  },
});
