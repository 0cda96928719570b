import { managerOnly } from './_lib/ctrl-metrics-auth.js';
import { defineRule, type Evidence, type Match, type RuleContext } from '../../src/types.js';
import { fail, graded, listing, partial, pass } from '../../src/engine/results.js';
import { firstPerFile, fromMatch, isProductionPath } from '../../src/facts/paths.js';
import { devOnlyBranch } from '../../src/facts/dev-branch.js';
import { fastifyAutoloaded } from '../../src/facts/fastify-autoload.js';
import type { FileView } from '../../src/types.js';
import { COMMENT_LINE } from './_lib/code-or-deps.js';
import { laravelWebGroup, springSecurityAuto } from './_lib/framework-defaults.js';
import { nuxtSecurity } from '../_shared/nuxt-security.js';
import {
  HEADER_LIBRARY,
  HEADER_LIST,
  inRouteHandler,
  inWrapper,
  OUTBOUND_CALL,
  reflectsOrigin,
  RESPONSE_SETTER,
  staticAssetsOnly,
} from './_lib/header-lines.js';
import { IMPORT_LINE, MIDDLEWARE_PATTERNS } from './_lib/middleware-patterns.js';

/** A property line for named profiles only: `%dev.key=…`, `%dev,staging.key=…` (Quarkus, MicroProfile Config). */
const PROFILE_PREFIX = /^[ \t]*%([\w-]{1,40}(?:[ \t]*,[ \t]*[\w-]{1,40}){0,8})\./;

const GRPC = ['grpc-go', 'tonic'];
/**
 * Hardening middleware written for the standard library's server (Go net/http handlers, Node's
 * http module): a service that declares one has a middleware stack to judge although no web
 * framework is used.
 */
const PLAIN_SERVER_HARDENING = [
  'github.com/unrolled/secure',
  'github.com/rs/cors',
  'github.com/gorilla/handlers',
  'github.com/gorilla/csrf',
  'github.com/justinas/nosurf',
  'helmet',
  'cors',
];
const OUTBOUND_HEADERS =
  /\.default_headers\s*\(|\bHTTP\.headers\s*\(|\b(?:reqwest|ClientBuilder|Client::builder|axios|fetch|HttpRequest|RestTemplate|WebClient)\b/;
/** A Django production settings module: production.py, prod.py, settings_prod.py, production_settings.py. */
const PROD_SETTINGS = /(?:^|\/)(?:settings[_.-])?(?:production|prod)(?:[_.-]settings)?\.py$/;
/** A Django development or test settings module: dev.py, settings/local.py, settings_test.py. */
const DEV_SETTINGS =
  /(?:^|\/)(?:settings\/|settings[_.-])(?:dev|development|local|test|testing)\.py$|(?:^|\/)(?:dev|development|local|test|testing)[_.-]settings\.py$/;

/**
 * Rails environment files for development and tests (config/environments/development.rb: `config.hosts
 * << 'app'` for a compose hostname): what a developer's server and the suite run with, not production
 * (blind round 39, sdr-api: the development hosts list was "trusted hosts in place").
 */
const RAILS_DEV_ENV = /(?:^|\/)config\/environments\/(?:development|dev|test|local)\.rb$/;

/** A Flask-style configuration module for tests or development: config/testing.py, conf/development.py. */
const DEV_CONFIG_MODULE = /(?:^|\/)(?:config|configs|conf|settings)\/(?:dev|development|local|test|tests|testing)\.py$/;

/**
 * Whether a `Talisman(` call keeps its HTTPS defaults: its arguments (up to the closing parenthesis,
 * at most 30 lines) set neither `force_https=False` nor `strict_transport_security=False`.
 */
function talismanKeepsHttps(files: FileView, m: Match): boolean {
  const lines = files.lines(m.path);
  if (!lines) return false;
  let depth = 0;
  let started = false;
  let args = '';
  for (let n = m.line; n <= Math.min(lines.count, m.line + 30); n++) {
    let text = lines.line(n).slice(0, 400);
    if (!started) {
      const at = text.search(/\bTalisman\s*\(/);
      if (at < 0) return false;
      text = text.slice(at);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '(') depth++, (started = true);
      else if (c === ')' && --depth === 0) {
        args += text.slice(0, i);
        return !/\b(?:force_https|strict_transport_security)\s*=\s*False\b/.test(args);
      }
    }
    args += `${text}\n`;
  }
  return false;
}

/** The Fastify plugins this rule credits when @fastify/autoload registers them, by package. */
const FASTIFY_PLUGINS = {
  helmet: /^(?:@fastify\/helmet|fastify-helmet)$/,
  cors: /^(?:@fastify\/cors|fastify-cors)$/,
  csrf: /^@fastify\/csrf-protection$/,
};

/** A security header's name quoted. */
const QUOTED_HEADER = String.raw`["'\`](?:Strict-Transport-Security|Content-Security-Policy|X-Content-Type-Options|X-Frame-Options|X-XSS-Protection|Referrer-Policy|Permissions-Policy|Cross-Origin-(?:Opener|Embedder|Resource)-Policy)(?:-Report-Only)?["'\`]`;
/**
 * A header read: a getter call with the name as its only argument (`->header('X-Frame-Options')`,
 * `.headers.get(…)`, `getHeader(…)`, Go `Header.Get(…)`), or a subscript that is not assigned to.
 */
const HEADER_READ = new RegExp(
  String.raw`(?:\b(?:get|has|header|getHeader|getResponseHeader|hasHeader|getheader|Get|getFirst|getValues?)\s*\(\s*${QUOTED_HEADER}\s*\))|(?:\[\s*${QUOTED_HEADER}\s*\]\s*(?:[!=]==?|\)|;|\?\?|&&|\|\||$))`,
  'i',
);
/** The same line sets a header: a value after the name (`'X-Frame-Options' => 'DENY'`, `header('X', 'v')`, `['X'] = 'v'`). */
const HEADER_WRITE = new RegExp(String.raw`${QUOTED_HEADER}\s*(?:,|=>|:\s*["'\`])|\]\s*=(?!=)`, 'i');

/** Package-manager lockfiles in YAML: every name in them is a package, never a registration. */
const LOCKFILE = /(?:^|\/)(?:pnpm-lock|yarn-lock|\.yarn-lock|package-lock|bun-lock)\.ya?ml$/;

/** A class definition (PHP, Python, Ruby, JVM, C#): `class TrustHosts extends Middleware`. */
const CLASS_DEF = /^\s*(?:(?:final|abstract|public|internal|sealed)\s+)*class\s+(\w+)/;

/** A header set by hand that isolates or limits what a page shares, not one that hardens responses. */
/**
 * A constant whose value is a header's name and nothing else (`StrictTransportSecurity = "Strict-Transport-Security"`,
 * `const HSTS = 'Strict-Transport-Security';`, `public const string Csp = "Content-Security-Policy";`).
 */
const HEADER_CONST =
  /^\s*(?:(?:export|public|private|internal|protected|static|final|readonly|const|var|let|val|string|String)\s+)*(\w+)\s*(?::\s*\w+\s*)?=\s*["'`]((?:Strict-Transport-Security|Content-Security-Policy|X-Content-Type-Options|X-Frame-Options|X-XSS-Protection|Referrer-Policy|Permissions-Policy|Cross-Origin-(?:Opener|Embedder|Resource)-Policy)(?:-Report-Only)?)["'`]\s*[;,]?\s*(?:\/\/.*)?$/i;
const POLICY_HEADER = /Cross-Origin-(?:Opener|Embedder|Resource)-Policy|Referrer-Policy|Permissions-Policy/;
/** A header and a value that switches its protection off, on one line (`'X-Frame-Options' => 'ALLOWALL'`). */
const LOOSENING =
  /X-Frame-Options["']?[ \t]*(?:=>|[:,=])[ \t]*["']?ALLOWALL\b|Cross-Origin-(?:Resource|Embedder|Opener)-Policy["']?[ \t]*(?:=>|[:,=])[ \t]*["'](?:cross-origin|unsafe-none)\b/i;
/** Middleware or settings that send a set of hardening headers. */
const HARDENING =
  /helmet|lusca|secure_?headers|SecureHeaders|Talisman|SecurityMiddleware|secure\.New|middleware\.Secure|default_headers|UseSecurityHeaders|AddSecurityHeaderPolicies|\.headers\s*\(/i;

const rule = defineRule({
  meta: {
    id: 'security-middleware',
    title: 'HTTP hardening middleware is installed',
    failureTitle: 'No HTTP security middleware',
    description:
      'Security headers, a strict CORS policy, HTTPS enforcement and CSRF protection close whole classes of browser attacks (clickjacking, MIME sniffing, cross-origin data theft, request forgery) for the price of a few lines of setup.',
    remediation:
      'Register security-header middleware (helmet, Talisman, Django SecurityMiddleware, unrolled/secure, Spring Security headers, NWebsec), restrict CORS to explicit origins (never any origin together with credentials), redirect to HTTPS with HSTS, and enable CSRF protection for cookie-authenticated routes.',
    severity: 'high',
    effort: 'low',
    detection:
      'The line that registers the middleware, not the import or the dependency: `app.use(helmet())`, `register(helmet)`, `Talisman(app)` (which forces HTTPS and sends HSTS by default unless `force_https=False` or `strict_transport_security=False`), `SecurityMiddleware` in MIDDLEWARE, `secure.New(`, Spring Security (default headers and CSRF), Rails `load_defaults` (default headers and CSRF), a Sinatra::Base/Sinatra::Application class (Rack::Protection on by default: frame, XSS and content-type headers, HttpOrigin and JSON CSRF checks; not where the class sets `:protection` false), `UseHsts`, `UseHttpsRedirection`; CORS with explicit origins (`cors({origin…})`, NestJS `NestFactory.create(…, { cors: { origin: […] } })` and `enableCors({ origin: […] })`, `add_middleware(CORSMiddleware…)`, `AddCors`, `@CrossOrigin(origins…)`, Ktor `install(CORS) { allowHost(…) }`); CSRF (`csurf`, `CsrfViewMiddleware`, `CSRFProtect`, Flask-WTF forms (`FlaskForm`, a `flask_wtf` `Form` subclass), `csrf.Protect`, `protect_from_forgery`, Laravel web routes, Symfony `csrf_protection`, `new CsrfTokenBadge(`, `isCsrfTokenValid(` and a firewall `enable_csrf: true`; `csrf().disable()` does not count, nor a test or development configuration module that turns it off); trusted hosts. Any origin (`*`, `cors()`, `origin: true`, NestJS `cors: true`, `AllowAnyOrigin`, Ktor `anyHost()`) is not an explicit policy, except that a `*` header one handler writes by hand (a public metadata endpoint) beside an app-wide explicit policy is a finding but leaves that policy credited; together with credentials it is a finding at its own line. Lines inside a development-only branch (`if os.Getenv("ENVIRONMENT") == "dev"`, `if settings.DEBUG:`, `IsDevelopment()`, `NODE_ENV !== \'production\'`), Django development settings modules and project middleware classes only they list are set aside and named. Not applicable when the only HTTP server serves operational routes (/metrics, health probes, pprof), as the listener of a Kubernetes controller or an agent does, or when the only HTTP server is a controller-runtime manager and no web framework is used (an operator: metrics, probes and admission webhooks), or when a service is served by the standard library alone (Go net/http, Node http.createServer, Python http.server) and declares no hardening middleware for it (unrolled/secure, rs/cors, gorilla/handlers or csrf, nosurf, helmet, cors). Spring CORS origins read from a property set to `*` (`.allowedOriginPatterns(props.allowedOrigins())` + `app.cors.allowed-origins=*`) Echo `CORSWithConfig` without AllowOrigins (its default is `*`), Go rs/cors `cors.New(cors.Options{…})` without AllowedOrigins and Flask-CORS `CORS()`/`CORS(app)` without origins or a `CORS_ORIGINS` setting (both default to `*`; Flask-CORS reads `CORS_SUPPORTS_CREDENTIALS` from the config module) are any origin too. An https:// URL counts as an HTTPS redirect only inside a redirect call, not in a validity check. Header names in an OpenAPI/Swagger description set nothing. Scored per category, each an equal share: security headers, CORS restricted to explicit origins (none at all counts: same-origin), HTTPS redirect/HSTS, CSRF protection or trusted hosts; the first three with no CSRF protection pass (an API authenticated by token on every call needs none).',
    patterns: MIDDLEWARE_PATTERNS,
  },
  // Judged where a web framework serves HTTP, or the standard library's server with hardening
  // middleware declared for it; a gRPC server has no browser to protect.
  // A library built on a web framework (a Spring Boot starter) leaves hardening to the application
  // that embeds it; its samples' security config is not the library's (issue 15).
  appliesTo: (ctx) => {
    const { facts } = ctx;
    return facts.opsOnlyHttp
      ? { reason: `${facts.opsOnlyHttp.reason}; no pages or API responses to harden` }
      : facts.profile.id === 'library' && facts.frameworks.length > 0
        ? { reason: 'profile is library: HTTP hardening is configured by the application that uses it' }
        : managerOnly(facts)
          ? {
              // Blind round 25, cluster-operator: a Kubernetes operator's manager serves metrics,
              // health probes and admission webhooks to the cluster, no pages or browser-facing API.
              reason: `no web framework: the only HTTP server is a controller-runtime manager (${facts.servers[0]!.path}:${facts.servers[0]!.line}), which serves metrics, health probes and admission webhooks to the cluster, no pages or browser-facing API to harden`,
            }
          : facts.frameworks.some((f) => !GRPC.includes(f.id)) ||
              (facts.profile.id === 'service' &&
                facts.servers.some((s) => !/\bgrpc\.NewServer\(/.test(s.snippet ?? '')) &&
                (facts.findDependencies(PLAIN_SERVER_HARDENING).length > 0 || hardenedByHand(ctx)))
            ? true
            : facts.profile.id === 'service' && facts.servers.length
              ? {
                  // RULES: `security-middleware` (web framework). A service served by the standard
                  // library alone (Go net/http ServeMux, Node http.createServer, Python http.server)
                  // has no middleware stack to judge (blind round 30, sealed-secrets: a plain ServeMux
                  // controller API was failed with `frameworks: []`).
                  reason: `no web framework: the HTTP server${facts.servers.length > 1 ? 's' : ''} (${listing(facts.servers.slice(0, 3).map((m) => `${m.path}:${m.line}`))}${facts.servers.length > 3 ? ` and ${facts.servers.length - 3} more` : ''}) ${facts.servers.length > 1 ? 'are' : 'is'} the standard library's, with no hardening middleware declared for it; this rule judges a web framework's middleware`,
                }
              : facts.servers.length
                ? {
                    // A command-line tool's optional local listener (a web UI on localhost, pprof) or a
                    // maintainer script's OAuth callback serves the person who started it, not the public:
                    // hardening is expected of services.
                    reason: `profile is ${facts.profile.id}: its HTTP listener${facts.servers.length > 1 ? 's' : ''} (${listing(facts.servers.slice(0, 3).map((m) => `${m.path}:${m.line}`))}${facts.servers.length > 3 ? ` and ${facts.servers.length - 3} more` : ''}) ${facts.servers.length > 1 ? 'serve' : 'serves'} whoever runs the program or script locally, not a deployed service, and no web framework is used: HTTP hardening is expected of services`,
                  }
                : facts.profile.id === 'library'
                  ? { reason: libraryReason(ctx) }
                  : { reason: 'no web framework or HTTP server detected: HTTP middleware does not apply' };
  },
  check(ctx) {
    // Hardening set only in development (`if os.Getenv("ENVIRONMENT") == "dev"`, `if settings.DEBUG:`,
    // `if (app.Environment.IsDevelopment())`) or by a Django middleware class that only a development
    // settings module lists is not the production policy: set aside and named (round 8).
    const devOnly: { m: Match; why: string }[] = [];
    const guarded = new Set(ctx.matches('devGuard').map((m) => m.path));
    const refs = ctx.matches('middlewareRef').filter((r) => isProductionPath(r.path) && !COMMENT_LINE.test(r.snippet));
    // Only Django registers middleware by dotted path; Starlette's `add_middleware(XMiddleware)` does not.
    const django = ctx.facts.frameworks.some((f) => f.id === 'django');
    const classFiles = new Set(django ? ctx.matches('pyMiddlewareClass').map((m) => m.path) : []);
    const branchOf = (m: Match) => {
      if (!guarded.has(m.path)) return null;
      const lines = ctx.files.lines(m.path);
      return lines === undefined ? null : devOnlyBranch(lines, m.line);
    };
    // Per file, the top-level line found above each line walked so far (-1: none): a walk up stops
    // at a line already walked, so a file's lines are walked once however many matches it has.
    const topLines = new Map<string, Int32Array>();
    /** The Django middleware class (top-level `class XMiddleware`) whose body holds the line. */
    const middlewareClassOf = (m: Match): { name: string; line: number } | null => {
      if (!classFiles.has(m.path)) return null;
      const lines = ctx.files.lines(m.path);
      if (!lines || m.line < 1) return null;
      let top = topLines.get(m.path);
      if (!top) topLines.set(m.path, (top = new Int32Array(lines.count + 1)));
      const walked: number[] = [];
      let found = -1;
      for (let n = Math.min(m.line, lines.count); n >= 1; n--) {
        if (top[n] !== 0) {
          found = top[n]!;
          break;
        }
        walked.push(n);
        const l = lines.line(n);
        if (!/^\S/.test(l) || /^[#@)\]}]/.test(l)) continue;
        found = n;
        break;
      }
      for (const n of walked) top[n] = found;
      if (found < 0) return null;
      const c = /^class\s+(\w*Middleware)\b/.exec(lines.line(found));
      return c ? { name: c[1]!, line: found } : null;
    };
    const devReason = (m: Match): string | null => {
      if (django && DEV_SETTINGS.test(m.path)) return 'in a development settings module: not the production policy';
      // A Quarkus/MicroProfile property for named profiles (`%dev,staging.quarkus.http.cors.origins=/.*/`,
      // `%test.…`): the production profile does not read it unless it lists prod (blind round 42).
      const profiles = /\.properties$/.test(m.path) ? PROFILE_PREFIX.exec(m.snippet)?.[1] : undefined;
      if (profiles && !profiles.split(',').some((p) => p.trim() === 'prod'))
        return `set only for the ${profiles
          .split(',')
          .map((p) => `%${p.trim()}`)
          .join(', ')} profile${profiles.includes(',') ? 's' : ''}: not the production policy`;
      const branch = branchOf(m);
      if (branch) return `set only in development (line ${branch.line}: ${branch.snippet}): not the production policy`;
      const cls = middlewareClassOf(m);
      if (!cls) return null;
      const listed = refs.filter((r) => r.groups[0] === cls.name);
      const inProd = listed.filter((r) => !DEV_SETTINGS.test(r.path) && !branchOf(r));
      if (inProd.length > 0) return null;
      return listed.length
        ? `${cls.name} is listed only in development settings (${listed[0]!.path}:${listed[0]!.line}): not the production policy`
        : `${cls.name} is defined but no settings module lists it in MIDDLEWARE`;
    };
    const unregistered: Evidence[] = [];
    // Per key, once: each word of the lines that may register a middleware (not a class definition,
    // an import or a comment; production code) with the files it appears in — so a defined class is
    // looked up, not tested against every line (the review of round 21's fixes: 5,000 classes ×
    // 5,000 lines was 13 s for one key).
    const wordsByKey = new Map<string, Map<string, Set<string>>>();
    const registeredWords = (k: string) => {
      let words = wordsByKey.get(k);
      if (!words) {
        words = new Map();
        for (const r of ctx.matches(k)) {
          if (CLASS_DEF.test(r.snippet) || IMPORT_LINE.test(r.snippet) || COMMENT_LINE.test(r.snippet)) continue;
          if (!isProductionPath(r.path)) continue;
          for (const w of new Set(r.snippet.match(/\w+/g) ?? [])) {
            const paths = words.get(w) ?? new Set<string>();
            if (paths.size < 2) paths.add(r.path);
            words.set(w, paths);
          }
        }
        wordsByKey.set(k, words);
      }
      return words;
    };
    const unregisteredSeen = new Set<string>();
    // The service's own code only: an Electron window's CSP, a page's meta tags or a build
    // script's dev-server headers protect another component (src/facts/component.ts).
    const prod = (k: string, reject?: RegExp) =>
      ctx
        .matches(k)
        .filter(
          (m) =>
            isProductionPath(m.path) &&
            ctx.facts.componentOf(m.path) === 'server' &&
            !RAILS_DEV_ENV.test(m.path) &&
            // A lockfile names packages (a module's own dependency such as nuxt-csurf); it registers nothing.
            !LOCKFILE.test(m.path) &&
            !IMPORT_LINE.test(m.snippet) &&
            !COMMENT_LINE.test(m.snippet) &&
            !reject?.test(m.snippet),
        )
        // A middleware class defined (`class TrustHosts extends Middleware`) is no middleware in use:
        // it counts where a line that is not a comment registers it (the framework's middleware list),
        // not where the list names it only in a comment (round 21, roadmap Kernel.php:42
        // `// \App\Http\Middleware\TrustHosts::class,`).
        .filter((m) => {
          // Laravel and Rack take middleware from a list; Spring and ASP.NET find theirs by annotation.
          const cls = /\.(?:php|rb)$/.test(m.path) ? CLASS_DEF.exec(m.snippet)?.[1] : undefined;
          if (!cls) return true;
          const registered = [...(registeredWords(k).get(cls) ?? [])].some((path) => path !== m.path);
          const at = `${m.path}:${m.line}`;
          if (!registered && !unregisteredSeen.has(at)) {
            unregisteredSeen.add(at);
            unregistered.push(
              fromMatch(
                m,
                `${cls} is defined, but no middleware list registers it (only a comment names it, or nothing does)`,
              ),
            );
          }
          return registered;
        })
        .filter((m) => {
          const why = devReason(m);
          if (why && !devOnly.some((d) => d.m.path === m.path && d.m.line === m.line)) devOnly.push({ m, why });
          return !why;
        });
    // Spring Security on a Spring Boot classpath with no chain of the project's own: Boot's default
    // chain sends the hardening headers (X-Content-Type-Options, X-Frame-Options, Cache-Control,
    // HSTS on HTTPS) and checks CSRF (blind round 30: an OAuth2 resource server configured in
    // application.yml, Spring Security brought in by an organisation's starter, was "no headers").
    const springCode = prod('springSecurity');
    const springAuto = springCode.length > 0 ? [] : springSecurityAuto(ctx.facts, ctx.files);
    const spring = [...springCode, ...springAuto];
    const rails = prod('railsDefaults').filter((m) => Number(m.groups[0]) >= 5.2);
    // Sinatra::Base (and Sinatra::Application) set `protection: true`: Rack::Protection sends
    // X-Frame-Options, X-XSS-Protection and X-Content-Type-Options, rejects cross-origin form posts
    // (HttpOrigin) and JSON CSRF, and blocks path traversal — unless the class turns it off (blind
    // round 48: a Sinatra server was "no security headers … or CSRF protection").
    const sinatra = ctx.facts.frameworks.some((f) => f.id === 'sinatra')
      ? ctx
          .matches('sinatraApp')
          .filter(
            (m) =>
              isProductionPath(m.path) &&
              ctx.facts.componentOf(m.path) === 'server' &&
              !/^[ \t]*(?:set[ \t(]+:protection[ \t]*,[ \t]*false|disable[ \t(]+:protection)\b/m.test(
                (ctx.files.read(m.path) ?? '').slice(0, 200_000),
              ),
          )
          .slice(0, 1)
      : [];
    const laravelWebAt = ctx.facts.frameworks.some((f) => f.id === 'laravel') ? laravelWebGroup(ctx.files) : undefined;
    const laravelWeb = laravelWebAt !== undefined;
    // Rails sends X-Frame-Options, X-Content-Type-Options and friends by default (action_dispatch.default_headers).
    const railsApp = ctx.facts.frameworks.find((f) => f.id === 'rails');
    const appRb = railsApp ? (ctx.files.read('config/application.rb') ?? '').split(/\r?\n/) : [];
    // An API-only Rails app (`config.api_only = true`, controllers on ActionController::API) has no
    // CSRF protection: ActionController::API leaves RequestForgeryProtection out, so load_defaults
    // gives it the default headers only (blind round 39, sdr-api was credited with CSRF protection).
    const apiOnlyAt: Evidence | undefined = railsApp
      ? (() => {
          const i = appRb.findIndex((l) => /^\s*config\.api_only\s*=\s*true\b/.test(l));
          if (i >= 0) return { path: 'config/application.rb', line: i + 1, snippet: appRb[i]!.trim() };
          const ac = (ctx.files.read('app/controllers/application_controller.rb') ?? '').split(/\r?\n/, 200);
          const j = ac.findIndex((l) => /^\s*class\s+ApplicationController\s*<\s*ActionController::API\b/.test(l));
          return j >= 0
            ? { path: 'app/controllers/application_controller.rb', line: j + 1, snippet: ac[j]!.trim() }
            : undefined;
        })()
      : undefined;
    const appLine = appRb.findIndex((l) => /class\s+Application\b/.test(l));
    const railsHeaders: Match[] =
      appLine >= 0
        ? [{ path: 'config/application.rb', line: appLine + 1, snippet: appRb[appLine]!.trim(), groups: [] }]
        : [];
    // Headers an outbound client sends (reqwest `.default_headers(…)`, http.rb `HTTP.headers(…)`, a
    // fetch or axios call) are requests the service makes, not responses it hardens.
    // Plugin modules @fastify/autoload registers: `export default helmet` in plugins/external/helmet.ts
    // registers @fastify/helmet (cited at that line).
    const autoloaded = fastifyAutoloaded(
      ctx.files,
      ctx
        .matches('autoloadImport')
        .filter((m) => isProductionPath(m.path) && ctx.facts.componentOf(m.path) === 'server')
        .map((m) => m.path),
    ).filter((a) => isProductionPath(a.path));
    const plugin = (re: RegExp): Match[] =>
      autoloaded
        .filter((a) => a.pkg && re.test(a.pkg))
        .map((a) => ({ path: a.path, line: a.line, snippet: a.snippet, groups: [] }));
    const autoUsed = autoloaded.filter((a) => a.pkg && Object.values(FASTIFY_PLUGINS).some((re) => re.test(a.pkg!)));
    const autoHelmet = plugin(FASTIFY_PLUGINS.helmet);
    const autoCors = plugin(FASTIFY_PLUGINS.cors);
    // @fastify/cors allows any origin unless the module's options name one.
    const autoCorsAny = autoCors.filter((m) => !/\borigin\s*:/.test(ctx.files.read(m.path) ?? ''));
    // An API description (openapi.yaml, swagger.json) that names a header in its prose documents a
    // response; it sets nothing (round 12). Registered middleware is cited before a header set by hand.
    const apiDoc = (path: string) =>
      /\.(?:ya?ml|json)$/i.test(path) &&
      (/(?:^|\/)[^/]*(?:openapi|swagger)[^/]*$/i.test(path) ||
        /^\s*["']?(?:openapi|swagger)["']?\s*:/m.test((ctx.files.read(path) ?? '').slice(0, 400)));
    const HEADER_NAME = /X-Content-Type-Options|Content-Security-Policy|X-Frame-Options/;
    // A header set to a value that turns its protection off (`X-Frame-Options: ALLOWALL` lets any
    // site frame the page, `Cross-Origin-Resource-Policy: cross-origin` lets any site embed the
    // response) opens a response to other sites: no security header (blind round 38). Named aside.
    const loosened: Evidence[] = [];
    const loosening = (m: Match): boolean => {
      const hit = LOOSENING.exec(m.snippet);
      if (!hit) return false;
      if (loosened.length < 2)
        loosened.push(
          fromMatch(m, `${hit[0].replace(/["'\s]+/g, ' ').trim()}: loosens protection, not a security header`),
        );
      return true;
    };
    // A response's `.headers({ … })` set by hand (Fastify `reply.headers`) hardens only when the
    // object names a security header: `Access-Control-*` alone is CORS (a CORS interceptor), not
    // security headers (blind round 16, mx-space/core allow-all-cors.interceptor.ts).
    const SECURITY_HEADER = new RegExp(
      `${HEADER_NAME.source}|${POLICY_HEADER.source}|Strict-Transport-Security|X-XSS-Protection|X-Permitted-Cross-Domain-Policies`,
      'i',
    );
    const handSet = (m: Match): boolean => {
      if (!/\.headers\s*\(\s*\{/.test(m.snippet) || SECURITY_HEADER.test(m.snippet)) return true;
      const window = ctx.files.lines(m.path)?.range(m.line, m.line + 15) ?? [];
      const end = window.findIndex((l, i) => i > 0 && /^\s*\}\s*\)/.test(l));
      return SECURITY_HEADER.test(window.slice(0, end < 0 ? window.length : end + 1).join('\n'));
    };
    // A constant that only names a header (`StrictTransportSecurity = "Strict-Transport-Security"`)
    // sets nothing: credited at the call that sets the header through it, dropped when none does.
    const constSets = prod('headerConstSet');
    const declaredOnly: Evidence[] = [];
    const throughConst = (list: Match[]): Match[] =>
      list.flatMap((m) => {
        const decl = HEADER_CONST.exec(m.snippet);
        if (!decl) return [m];
        const set = constSets.find((c) => (c.groups[0] ?? '').split('.').pop() === decl[1]);
        if (set) return [set];
        if (!declaredOnly.some((e) => e.path === m.path && e.line === m.line))
          declaredOnly.push(fromMatch(m, `header name ${decl[2]} declared as a constant; no response sets it`));
        return [];
      });
    // Code that reads a header (`$response->header('X-Frame-Options')`, `res.headers.get('Content-Security-Policy')`,
    // `headers['X-Frame-Options'] ==`) inspects another response, it sets nothing (blind round 41: a
    // service checking whether a remote page may be framed was cited as the app's security headers).
    const readOnly: Evidence[] = [];
    const readsHeader = (m: Match): boolean => {
      if (!HEADER_READ.test(m.snippet) || HEADER_WRITE.test(m.snippet)) return false;
      if (readOnly.length < 2) readOnly.push(fromMatch(m, 'reads a header of another response; it sets none'));
      return true;
    };
    // Nuxt's nuxt-security module, loaded for production: headers and HSTS by default (framework module default).
    const nuxtSec = ctx.facts.frameworks.some((f) => f.id === 'nuxt') ? nuxtSecurity(ctx.files) : undefined;
    const nuxtHeaders = nuxtSec?.headers ? [nuxtSec.at] : [];
    const headers = [
      ...nuxtHeaders,
      ...throughConst(prod('headers', OUTBOUND_HEADERS))
        .filter((m) => !apiDoc(m.path) && handSet(m) && !loosening(m) && !readsHeader(m))
        .sort((a, b) => Number(HEADER_NAME.test(a.snippet)) - Number(HEADER_NAME.test(b.snippet))),
      ...autoHelmet,
      ...spring,
      ...(rails.length ? rails : railsHeaders),
      ...sinatra,
    ];
    // A reverse proxy in front of the app may do the work (nginx add_header, Traefik headers, Caddy).
    const proxy = ctx.facts.proxy;
    const proxyHttps = [...proxy.hsts, ...proxy.httpsRedirect];
    // NestJS: `NestFactory.create(AppModule, { cors: { origin: [...] } })` is the application's CORS
    // policy, cited at its `cors:` line; `cors: true` answers every origin (the cors package default).
    const nestCors: Match[] = [];
    const nestCorsAny: Match[] = [];
    for (const m of prod('nestFactory')) {
      const window = ctx.files.lines(m.path)?.range(m.line, m.line + 40) ?? [];
      const at = window.findIndex((l) => /\bcors\s*:\s*(?:\{|true\b)/.test(l));
      if (at < 0) continue;
      const hit = { path: m.path, line: m.line + at, snippet: window[at]!.trim(), groups: [] };
      if (/\bcors\s*:\s*true\b/.test(window[at]!)) nestCorsAny.push(hit);
      else if (/\borigin\s*:\s*(?!true\b|["'`]\*)\S/.test(window.slice(at).join('\n'))) nestCors.push(hit);
    }
    const cors = [...prod('cors'), ...autoCors, ...nestCors];
    // Django: a production settings module (settings/production.py, config/settings/prod.py,
    // settings_prod.py) that sets CORS_ALLOW_ALL_ORIGINS to anything but True overrides the
    // permissive value of the base or development module (round 5: a dev `= True` was reported
    // though production.py sets it False).
    const prodOverride = prod('djangoCorsAll').filter(
      (m) => PROD_SETTINGS.test(m.path) && !/^True\b/.test(m.groups[0] ?? ''),
    );
    const overridden = (m: Match) =>
      prodOverride.length > 0 &&
      /\.py$/.test(m.path) &&
      !PROD_SETTINGS.test(m.path) &&
      /CORS_(?:ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)\s*=\s*True/.test(m.snippet);
    // Origins from a setting whose default is ["*"] (Starlette/FastAPI `allow_origins=settings.allowed_hosts`
    // with `allowed_hosts: List[str] = ["*"]`): any origin unless the deployment sets it.
    const stars = prod('corsStarDefault');
    const settingDefault = new Map<Match, Match>();
    const fromSetting = prod('corsFromSetting').filter((m) => {
      const d = stars.find((x) => x.groups[0] === m.groups[0]);
      if (d) settingDefault.set(m, d);
      return !!d;
    });
    // Spring: a CORS mapping whose origins come from a property that is `*` in the application's
    // configuration (`.allowedOriginPatterns(props.allowedOrigins())` + `app.cors.allowed-origins=*`).
    const starSetting = prod('corsOriginsSetting');
    const fromConfig = starSetting.length ? prod('corsOriginsFromConfig') : [];
    // Echo's CORSWithConfig without AllowOrigins (or AllowOriginFunc) answers every origin: its
    // default is ["*"] (round 12).
    const echoDefault = prod('cors').filter((m) => {
      if (!/\bmiddleware\.CORSWithConfig\s*\(/.test(m.snippet)) return false;
      const lines = ctx.files.lines(m.path)?.range(m.line, m.line + 20) ?? [];
      const end = lines.findIndex((l, i) => i > 0 && /^\s*\}\s*\)\s*(?:\)\s*)?$/.test(l));
      const body = lines.slice(0, end < 0 ? 1 : end + 1).join('\n');
      return !/\bAllowOrigin(?:s|Func)\b/.test(body);
    });
    // rs/cors `cors.New(cors.Options{…})` without AllowedOrigins (or an AllowOrigin…Func) allows every
    // origin: its default is * (blind round 17, supabase auth api.go).
    const rsCorsDefault = prod('cors').filter((m) => {
      if (!/\.go$/.test(m.path) || !/\bcors\.New\s*\(\s*cors\.Options\s*\{/.test(m.snippet)) return false;
      const lines = ctx.files.lines(m.path)?.range(m.line, m.line + 30) ?? [];
      const end = lines.findIndex((l, i) => (i > 0 && /^\s*\}\s*\)/.test(l)) || /\}\s*\)\s*$/.test(l));
      const body = lines.slice(0, end < 0 ? 1 : end + 1).join('\n');
      return !/\bAllow(?:edOrigins|OriginFunc|OriginRequestFunc|OriginVaryRequestFunc)\b/.test(body);
    });
    // Flask-CORS `CORS()` / `CORS(app)` without `origins=` or `resources=`, and no CORS_ORIGINS or
    // CORS_RESOURCES setting, allows every origin (its default is *, echoed back when credentials are
    // supported) (blind round 17, microblog-api app.py + config.py).
    const flaskOrigins = prod('flaskCorsOrigins').length > 0;
    const flaskDefault = flaskOrigins
      ? []
      : prod('cors').filter((m) => {
          if (!/\.py$/.test(m.path)) return false;
          if (!/\bCORS\s*\(/.test(m.snippet)) return false;
          // The call's arguments, over the next lines when it spans several.
          const lines = ctx.files.lines(m.path)?.range(m.line, m.line + 8) ?? [m.snippet];
          const end = lines.findIndex((l) => /\)\s*(?:#.*)?$/.test(l));
          return !/\b(?:origins|resources)\s*=/.test(lines.slice(0, end < 0 ? 1 : end + 1).join('\n'));
        });
    // A header written into an OUTBOUND request's options (`axiosRef({ url, headers: {
    // 'Access-Control-Allow-Origin': '*' } })` to a payment API) is sent to another server, which
    // ignores it: it is no policy of this service's responses (blind round 25, podkrepi
    // paypal.service.ts:149). Read from the few lines above: a client call opens the object.
    const outbound = (m: Match) => {
      if (!/^\s*["']?Access-Control-Allow-Origin["']?\s*:/i.test(m.snippet)) return false;
      const above = ctx.files.lines(m.path)?.range(Math.max(1, m.line - 8), m.line - 1) ?? [];
      const call = above.findLastIndex((l) => OUTBOUND_CALL.test(l));
      return call >= 0 && !above.slice(call).some((l) => RESPONSE_SETTER.test(l));
    };
    // CORS written by hand (blind round 32, go-httpbin: a net/http wrapper that sends the request's
    // own Origin back with `Allow-Credentials: true` was "no CORS middleware"). The header's value
    // decides: `*` is any origin; the request's Origin sent back with no allow-list check between
    // its read and the header is any origin too; anything else (a configured or allow-listed origin)
    // is an explicit policy.
    const corsAt = new Set(prod('cors').map((m) => `${m.path}:${m.line}`));
    const anyAt = new Set(prod('corsAny').map((m) => `${m.path}:${m.line}`));
    const reflected: Match[] = [];
    const handCors: Match[] = [];
    const handStar: Match[] = [];
    for (const m of prod('corsByHand')) {
      if (outbound(m) || HEADER_LIST.test(m.snippet)) continue;
      const value = (m.groups[0] ?? '').trim();
      // Another header's name after this one is a list of header names (`['Access-Control-Allow-Origin', 'Content-Type']`).
      if (/^["'`][A-Za-z]+-[\w-]+["'`]/.test(value)) continue;
      const at = `${m.path}:${m.line}`;
      if (/^["'`]?\*(?:["'`]|[\s;]|$)/.test(value)) {
        if (!anyAt.has(at)) handStar.push(m);
      } else if (reflectsOrigin(ctx.files.lines(m.path), m.line, value)) reflected.push(m);
      else if (!corsAt.has(at)) handCors.push(m);
    }
    const reflectedAt = new Set(reflected.map((m) => `${m.path}:${m.line}`));
    cors.splice(0, cors.length, ...cors.filter((m) => !reflectedAt.has(`${m.path}:${m.line}`)), ...handCors);
    const anyRaw = [
      ...reflected,
      ...handStar,
      ...prod('corsAny').filter(
        (m) =>
          !overridden(m) &&
          !outbound(m) &&
          !(flaskOrigins && /\.py$/.test(m.path) && /\bCORS\(\s*app\s*\)/.test(m.snippet)),
      ),
      ...fromSetting,
      ...fromConfig,
      ...echoDefault,
      ...rsCorsDefault,
      ...flaskDefault.filter((m) => !/\bCORS\(\s*app\s*\)/.test(m.snippet)),
      ...autoCorsAny,
      ...nestCorsAny,
    ];
    // Any origin for static assets only, read-only (Rack::Cors `origins "*"` with `resource
    // "/vite/assets/*", methods: :get`; Express `app.use("/static", cors(), express.static(…))`;
    // Spring `addMapping("/assets/**").allowedOrigins("*")`): fonts and scripts a CDN or another
    // origin loads, no API opened (blind round 28, pupilfirst production.rb:143-153).
    const staticAny = anyRaw.filter((m) => staticAssetsOnly(ctx.files.lines(m.path), m.line));
    const any = anyRaw.filter((m) => !staticAny.includes(m));
    // helmet() and Spring Security send Strict-Transport-Security by default (helmet's hsts option,
    // Spring's HstsHeaderWriter on secure requests), unless the same line switches it off.
    // Switched off in the helmet call's options: on its line or the option lines under it.
    const offs = prod('hstsOff');
    const hstsOff = (m: Match) => offs.some((o) => o.path === m.path && o.line >= m.line && o.line <= m.line + 20);
    // An https:// URL built inside a redirect call (`http.Redirect(w, r, "https://"+r.Host…)`), not one
    // a check merely mentions (`IsRedirectURLValid(config, "https://"+domain)` validates a sign-in
    // message, blind round 17 supabase web3.go).
    const explicitHttps = [
      ...throughConst(prod('https')),
      ...prod('httpsRedirect').filter((m) =>
        /\b\w*redirect(?:_to|To|Permanent)?\s*\(.*["'`]https:\/\//i.test(m.snippet),
      ),
      // The scheme set to https counts where the same function redirects to that URL right after.
      ...prod('schemeRedirect').filter(
        (m) =>
          /https/i.test(m.groups[0] ?? '') &&
          (ctx.files.lines(m.path)?.range(m.line, m.line + 20) ?? []).some((l) => /\bhttp\.Redirect\s*\(/.test(l)),
      ),
    ];
    // Hono's `secureHeaders()` sends Strict-Transport-Security by default too (its strictTransportSecurity option).
    const helmetHsts = [
      ...prod('headers').filter((m) => /\bhelmet\s*\(|\bsecureHeaders\s*\(/.test(m.snippet) && !hstsOff(m)),
      ...autoHelmet.filter((m) => !/\bhsts\s*:\s*false/.test(ctx.files.read(m.path) ?? '')),
    ];
    const springHsts = spring.filter(
      (m) =>
        springAuto.includes(m) ||
        /@EnableWeb(?:Flux)?Security|SecurityFilterChain|SecurityWebFilterChain|WebSecurityConfigurerAdapter|ResourceServerConfigurerAdapter/.test(
          m.snippet,
        ),
    );
    // Flask-Talisman forces HTTPS and sends HSTS by default (force_https=True,
    // strict_transport_security=True): a `Talisman(app, …)` call that switches neither off
    // (blind round 34, cla_public: its production `Talisman(app, content_security_policy=csp)`).
    const talismanHsts = prod('headers').filter(
      (m) => /\bTalisman\s*\(/.test(m.snippet) && talismanKeepsHttps(ctx.files, m),
    );
    const nuxtHsts = nuxtSec?.hsts ? [nuxtSec.at] : [];
    const defaultHsts = [...helmetHsts, ...springHsts, ...talismanHsts, ...nuxtHsts];
    // Name the one that was found: "helmet" in a Spring repository misleads the reader.
    const honoHsts = helmetHsts.some((m) => /\bsecureHeaders\s*\(/.test(m.snippet));
    const hstsBy = listing(
      [
        helmetHsts.some((m) => !/\bsecureHeaders\s*\(/.test(m.snippet)) && 'helmet',
        honoHsts && "Hono's secureHeaders()",
        springHsts.length && 'Spring Security',
        talismanHsts.length && 'Flask-Talisman',
        nuxtHsts.length && 'the nuxt-security module',
      ].filter((x): x is string => !!x),
    );
    const https = [...explicitHttps, ...defaultHsts];
    // `http.csrf()` with `.disable()` on the same or the next line switches CSRF protection off, and so
    // do Kotlin's `.csrf {` / DSL `csrf {` and Java's `.csrf(csrf ->` with `disable()` on the next line.
    const disables = new Set(ctx.matches('chainDisable').map((m) => `${m.path}:${m.line}`));
    const offNext = (m: Match) => {
      if (/\.csrf\s*\(\s*\)\s*$/.test(m.snippet) && disables.has(`${m.path}:${m.line + 1}`)) return true;
      if (!/\bcsrf\s*(?:\{|\(\s*\w{1,40}\s*->)\s*$/.test(m.snippet)) return false;
      const next = ctx.files.lines(m.path)?.range(m.line + 1, m.line + 1)[0] ?? '';
      return /^\s*(?:\.|\w{1,40}\.)?disable\s*\(\s*\)/.test(next);
    };
    // A line that sets the protection to false, empty or null (`CsrfProtectionEnabled = false`,
    // `CsrfProtectionHeaders = []`) turns it off.
    const csrfDisabled = ctx.matches('csrf').filter(
      (m) =>
        isProductionPath(m.path) &&
        // A test or development configuration module (config/testing.py: `WTF_CSRF_ENABLED = False`
        // for the test client) is not the production policy (blind round 34, cla_public).
        !DEV_SETTINGS.test(m.path) &&
        !DEV_CONFIG_MODULE.test(m.path) &&
        (/disable|ignoringAntMatchers|csrf_exempt|[=:]\s*(?:false\b|\[\s*\])/i.test(m.snippet) || offNext(m)),
    );
    const csrf = [
      ...prod(
        'csrf',
        /disable|csrf_exempt|ignoring|\b(?:remove|without|except)\s*:|withoutMiddleware\(|[=:]\s*(?:false\b|\[\s*\])/i,
      ).filter((m) => !offNext(m)),
      ...plugin(FASTIFY_PLUGINS.csrf),
      ...(nuxtSec?.csrf ? [nuxtSec.at] : []),
      ...(csrfDisabled.length ? [] : [...spring, ...(apiOnlyAt ? [] : rails)]),
      ...sinatra,
      // Flask-WTF's older `Form` (`from flask_wtf import Form`) checks a CSRF token like FlaskForm:
      // the import counts where the module subclasses it.
      ...ctx
        .matches('csrf')
        .filter(
          (m) =>
            /^\s*from\s+flask_wtf\s+import\b/.test(m.snippet) &&
            isProductionPath(m.path) &&
            ctx.facts.componentOf(m.path) === 'server' &&
            /^[ \t]*class[ \t]+\w+[ \t]*\([^)\n]{0,200}\bForm[ \t]*\)/m.test(ctx.files.read(m.path) ?? ''),
        ),
    ];
    const hosts = prod('trustedHosts');
    // Any origin is a finding only where credentials are allowed in the same file: any site can then act as the user.
    const creds = prod('credentials');
    const credFiles = new Set(creds.map((m) => m.path));
    // Flask-CORS reads CORS_SUPPORTS_CREDENTIALS from the app's configuration module, not the file of the call.
    const flaskCreds = creds.some((m) => /\.py$/.test(m.path) && /CORS_SUPPORTS_CREDENTIALS/.test(m.snippet));
    // Two branches of one per-request callback (`if (private) return cb(null, {origin: allowed,
    // credentials: true}); return cb(null, {origin: '*'})`) are two policies: a block closed between
    // the any-origin line and every credentials line of the file (`}` alone, or `} else …`) parts
    // them (blind round 38, a Fastify API whose public ingest paths allow * without credentials).
    const sameBranch = (m: Match): boolean =>
      creds.some((c) => {
        if (c.path !== m.path) return false;
        if (c.line === m.line) return true;
        const [from, to] = c.line < m.line ? [c.line, m.line] : [m.line, c.line];
        if (to - from > 200) return true;
        const between = ctx.files.lines(m.path)?.range(from + 1, to - 1) ?? [];
        return !between.some((l) => /^\s*\}\s*(?:else\b.*)?$/.test(l));
      });
    const dangerous = any.filter(
      (m) =>
        (credFiles.has(m.path) && sameBranch(m)) ||
        (flaskCreds && /\.py$/.test(m.path) && /\bCORS\s*\(/.test(m.snippet)),
    );

    // Isolation and privacy headers set by hand (Cross-Origin-Opener-Policy, Referrer-Policy,
    // Permissions-Policy) without CSP, frame or sniffing protection are half of the headers' share:
    // the app hardens one thing, not its responses (round 13, CTFd: one COOP header beside CSRF passed).
    const onlyPolicyHeaders =
      proxy.headers.length === 0 &&
      headers.length > 0 &&
      headers.every((m) => POLICY_HEADER.test(m.snippet) && !HEADER_NAME.test(m.snippet) && !HARDENING.test(m.snippet));
    // An app-wide policy with explicit origins still holds when the only `*` is a header one
    // handler writes by hand for a public document (an OAuth metadata endpoint): that `*` is
    // cited as a finding, but it opens one response, not the application.
    // A `*` written by hand beside a configured or allow-listed origin in the same file (`*` sent only
    // when the configured origins are `*`, else the request's Origin when it is among them): a CORS
    // policy with configured origins, whose `*` is one configured choice (blind round 50).
    const configuredStar =
      any.length > 0 &&
      reflected.length === 0 &&
      any.every((m) => /Access-Control-Allow-Origin/i.test(m.snippet) && handCors.some((h) => h.path === m.path));
    const starByHand =
      any.length > 0 &&
      dangerous.length === 0 &&
      reflected.length === 0 &&
      any.every((m) => /Access-Control-Allow-Origin/i.test(m.snippet)) &&
      (cors.some((m) => !any.some((a) => a.path === m.path)) || configuredStar);
    // With no app-wide policy at all, `*` written by hand into handlers (not a wrapper every request
    // goes through) and no credentials opens those responses only: the rest stays same-origin.
    const starOnRoutes =
      !starByHand &&
      any.length > 0 &&
      dangerous.length === 0 &&
      reflected.length === 0 &&
      any.every(
        (m) => /Access-Control-Allow-Origin/i.test(m.snippet) && !inWrapper(m.path, ctx.files.lines(m.path), m.line),
      );
    // Security headers written by hand into one route handler (an index page's CSP) harden that
    // page, not the service: half the headers' share. Set in a wrapper every request goes through
    // (a net/http middleware, Express `app.use`, a servlet Filter, Flask `after_request`), in
    // configuration or by a library, they count in full (blind round 32, go-httpbin handlers.go:36).
    const oneRoute =
      !onlyPolicyHeaders &&
      proxy.headers.length === 0 &&
      headers.length > 0 &&
      headers.every(
        (m) =>
          SECURITY_HEADER.test(m.snippet) &&
          !HEADER_LIBRARY.test(m.snippet) &&
          !autoHelmet.includes(m) &&
          !nuxtHeaders.includes(m) &&
          !spring.includes(m) &&
          !rails.includes(m) &&
          !railsHeaders.includes(m) &&
          !sinatra.includes(m) &&
          !inWrapper(m.path, ctx.files.lines(m.path), m.line) &&
          inRouteHandler(ctx.files.lines(m.path), m.line),
      );
    const g = graded([
      ...(onlyPolicyHeaders
        ? [
            { name: 'isolation or privacy headers set by hand', found: true, weight: 0.5 },
            { name: 'hardening headers (CSP, X-Frame-Options, X-Content-Type-Options)', found: false, weight: 0.5 },
          ]
        : oneRoute
          ? [
              { name: 'security headers set by hand in a single route handler', found: true, weight: 0.5 },
              { name: 'security headers on every response (middleware)', found: false, weight: 0.5 },
            ]
          : [{ name: 'security headers', found: headers.length + proxy.headers.length > 0, weight: 1 }]),
      // RULES.md's categories, each its own share, so the same categories found score the same on
      // every repository (round 20: headers and CSRF without HTTPS scored 1.0 on tracks, HTTPS and
      // CSRF without headers 0.6 on OpenBudgeteer). No CORS middleware at all leaves the browser's
      // same-origin policy in force: nothing is opened.
      { name: 'CORS restricted to explicit origins', found: any.length === 0 || starByHand || starOnRoutes, weight: 1 },
      { name: 'HTTPS redirect/HSTS', found: https.length + proxyHttps.length > 0, weight: 1 },
      { name: 'CSRF protection or trusted hosts', found: csrf.length + hosts.length > 0 || laravelWeb, weight: 1 },
    ]);
    // Headers, restricted CORS and HTTPS are the hardening every web service needs; CSRF protection
    // (or trusted hosts) earns its share where one of them is missing, but its absence alone keeps
    // no service from passing: an API authenticated by a token on every call needs none.
    if (g.missing.length === 1 && g.missing[0] === 'CSRF protection or trusted hosts') {
      g.score = 1;
      g.missing = [];
    }
    const devEvidence: Evidence[] = firstPerFile(
      devOnly.map((d) => d.m),
      2,
    ).map((m) => fromMatch(m, devOnly.find((d) => d.m === m)!.why));
    const devNote = devOnly.length
      ? ` Set aside: ${devOnly.length} line(s) that apply only in development (${listing(
          [...new Set(devOnly.map((d) => `${d.m.path}:${d.m.line}`))].slice(0, 2),
        )}).`
      : '';
    // The auto-configured chain is explained once, at its first citation.
    let explained = false;
    const show = (ms: Match[], note: string) =>
      firstPerFile(ms, 2).map((m) => {
        if (!springAuto.includes(m)) return fromMatch(m, note);
        const first = !explained;
        explained = true;
        return fromMatch(
          m,
          first
            ? `${note}: Spring Security auto-configured by Spring Boot (its default chain sends X-Content-Type-Options, X-Frame-Options, Cache-Control, HSTS on HTTPS, and checks CSRF)`
            : `${note}: Spring Security's default chain`,
        );
      });
    const evidence: Evidence[] = [
      ...(nuxtSec && (nuxtSec.headers || nuxtSec.csrf)
        ? [
            fromMatch(
              nuxtSec.at,
              `nuxt-security module loaded in production: by default it sends CSP, ${nuxtSec.hsts ? 'Strict-Transport-Security, ' : ''}X-Frame-Options, X-Content-Type-Options and the other OWASP headers (framework module default)`,
            ),
          ]
        : []),
      ...dangerous
        .slice(0, 3)
        .map((m) =>
          fromMatch(
            m,
            reflected.includes(m)
              ? "CORS sends the request's own Origin back together with credentials: any website can send authenticated requests and read the answers"
              : 'CORS allows any origin together with credentials: any website can send authenticated requests and read the answers',
          ),
        ),
      ...dangerous.slice(0, 3).flatMap((m) => {
        const d = settingDefault.get(m);
        return d ? [fromMatch(d, `the setting ${d.groups[0]} defaults to any origin (["*"])`)] : [];
      }),
      ...dangerous.slice(0, 3).flatMap((m) =>
        creds
          .filter((c) => c.path === m.path || (flaskDefault.includes(m) && /CORS_SUPPORTS_CREDENTIALS/.test(c.snippet)))
          .slice(0, 1)
          .map((c) => fromMatch(c, 'credentials allowed for cross-origin requests')),
      ),
      ...show(
        headers.filter((m) => !nuxtHeaders.includes(m)),
        railsHeaders.length && !rails.length
          ? 'security headers (Rails default_headers)'
          : sinatra.length && headers.every((m) => sinatra.includes(m))
            ? 'security headers and CSRF origin checks: Rack::Protection, on by default in Sinatra::Base (X-Frame-Options, X-XSS-Protection, X-Content-Type-Options, HttpOrigin, JsonCsrf, PathTraversal)'
            : oneRoute
              ? 'security header set by hand in one route handler, not on every response'
              : 'security headers',
      ),
      ...show(
        // A policy block whose origins line allows any origin (Rack::Cors `allow do origins "*"`,
        // AddCors(… AllowAnyOrigin()), CorsConfiguration + setAllowedOrigins("*")) is no explicit
        // policy: its opening line is not cited as one (round 11, openstreetmap-website cors.rb).
        cors.filter((m) => !any.some((a) => a.path === m.path)),
        'CORS policy',
      ),
      ...firstPerFile(staticAny, 1).map((m) =>
        fromMatch(m, 'any origin only for static assets, read-only (GET): no API is opened to other sites'),
      ),
      ...firstPerFile(
        any.filter((m) => !dangerous.includes(m)),
        2,
      ).map((m) =>
        fromMatch(
          m,
          echoDefault.includes(m)
            ? "CORS allows any origin: Echo's CORSConfig without AllowOrigins defaults to *"
            : reflected.includes(m)
              ? "CORS sends the request's own Origin back with no allow-list check: any origin"
              : rsCorsDefault.includes(m)
                ? 'CORS allows any origin: rs/cors Options without AllowedOrigins defaults to *'
                : flaskDefault.includes(m)
                  ? 'CORS allows any origin: Flask-CORS without origins defaults to *'
                  : fromConfig.includes(m)
                    ? 'CORS allows any origin: the origins come from a property set to *'
                    : 'CORS allows any origin',
        ),
      ),
      ...fromConfig
        .filter((m) => !dangerous.includes(m))
        .slice(0, 1)
        .map(() => fromMatch(starSetting[0]!, 'the CORS origins property allows any origin (*)')),
      ...prodOverride
        .slice(0, 1)
        .map((m) => fromMatch(m, 'production settings override the development value: CORS is not open to any origin')),
      ...show(explicitHttps, 'HTTPS/HSTS'),
      ...show(
        defaultHsts.filter((m) => !nuxtHsts.includes(m)),
        'HSTS sent by default',
      ),
      ...show(
        csrf.filter((m) => m !== nuxtSec?.at),
        'CSRF protection',
      ),
      ...show(csrfDisabled, 'CSRF protection disabled'),
      ...show(hosts, 'trusted hosts'),
      // The autoload registration that makes those plugin modules count.
      ...[...new Map(autoUsed.map((a) => [`${a.via.path}:${a.via.line}`, a.via])).values()].slice(0, 1).map((v) => ({
        path: v.path,
        line: v.line,
        note: 'registers every plugin module of its folder (@fastify/autoload)',
      })),
      ...proxy.headers.slice(0, 2),
      ...proxyHttps.slice(0, 2),
      ...(laravelWebAt ? [{ ...laravelWebAt, note: "Laravel's web middleware group verifies CSRF tokens" }] : []),
      ...devEvidence,
      ...unregistered.slice(0, 2),
    ];
    const anyOrigin =
      reflected.length && any.every((m) => reflected.includes(m))
        ? "the request's own Origin sent back: any origin"
        : 'any origin';
    const found = [
      (headers.length || proxy.headers.length) &&
        `security headers${nuxtHeaders.length && !(nuxtHsts.length && !explicitHttps.length) ? ' (sent by default by the nuxt-security module)' : ''}${headers.length ? (oneRoute ? ' (set by hand in single route handlers only)' : '') : ' (reverse proxy)'}`,
      cors.length && !any.length && !staticAny.length && 'CORS',
      staticAny.length && !any.length && 'CORS (any origin for static assets only)',
      starByHand &&
        (configuredStar
          ? `CORS with configured origins, set by hand (${listing(
              firstPerFile(
                handCors.filter((h) => any.some((a) => a.path === h.path)),
                1,
              ).map((m) => `${m.path}:${m.line}`),
            )}; any origin only when configured as \`*\`)`
          : `CORS with explicit origins (any origin only on ${any.length} response header${any.length === 1 ? '' : 's'} set by hand)`),
      starOnRoutes &&
        `CORS any origin only on ${any.length} response header${any.length === 1 ? '' : 's'} a route handler sets by hand`,
      // Any origin together with credentials is a finding, not a protection: it is named as such
      // below, never listed among what was found (blind round 47).
      any.length && !starByHand && !starOnRoutes && !dangerous.length && `CORS (${anyOrigin})`,
      (https.length || proxyHttps.length) &&
        (explicitHttps.length
          ? 'HTTPS/HSTS'
          : defaultHsts.length
            ? nuxtHeaders.length && hstsBy === 'the nuxt-security module'
              ? 'HSTS (both sent by default by the nuxt-security module)'
              : `HSTS (sent by default by ${hstsBy})`
            : 'HTTPS/HSTS (reverse proxy)'),
      (csrf.length || laravelWeb) && 'CSRF protection',
      hosts.length && 'trusted hosts',
    ].filter((x): x is string => !!x);
    // A middleware class defined but registered nowhere (its list entry commented out) is named.
    const unregisteredNote = unregistered.length
      ? ` Not counted: ${listing(
          [...new Set(unregistered.map((e) => `${/^(\w+)/.exec(e.note ?? '')?.[1]} (${e.path}:${e.line})`))].slice(
            0,
            2,
          ),
        )}, defined but not registered in a middleware list.`
      : '';
    // HSTS first: the category a declared-only header most often fakes.
    declaredOnly.sort(
      (a, b) => Number(/Strict-Transport/.test(b.note ?? '')) - Number(/Strict-Transport/.test(a.note ?? '')),
    );
    const constNote = declaredOnly.length
      ? ` Not counted: ${listing(declaredOnly.slice(0, 2).map((e) => `${e.path}:${e.line}`))}, a header name declared as a constant that no response sets.`
      : '';
    const data = {
      headers: headers.length + proxy.headers.length > 0,
      cors: cors.length > 0,
      corsAnyOrigin: any.length > 0,
      corsWildcardWithCredentials: dangerous.length > 0,
      https: https.length + proxyHttps.length > 0,
      csrf: csrf.length > 0 || laravelWeb,
      trustedHosts: hosts.length > 0,
    };
    // Nothing but `Access-Control-Allow-Origin: *` written into route handlers: that opens those
    // responses to every site, it hardens nothing, so it earns no share on its own (blind round 50:
    // a wildcard on one image response was the whole "partial" of an unhardened aiohttp server).
    const onlyWildcard =
      starOnRoutes &&
      headers.length + proxy.headers.length === 0 &&
      https.length + proxyHttps.length === 0 &&
      csrf.length + hosts.length === 0 &&
      !laravelWeb &&
      // A configured or allow-listed origin written by hand beside the `*` (a `*` sent only when the
      // configured origins are `*`) is a policy with configured origins (blind round 50).
      cors.every((m) => any.some((a) => a.path === m.path) && !handCors.includes(m));
    if ((found.length === 0 || onlyWildcard) && dangerous.length === 0) {
      // Declared but never imported still tells the reader what was looked at.
      const deps = ctx.facts
        .findDependencies(ctx.catalogue('security-headers'), { includeUnused: true })
        .filter((d) => d.name.toLowerCase() !== 'django');
      const depNote: Evidence[] = deps.slice(0, 2).map((d) => ({
        path: d.path,
        ...(d.line ? { line: d.line } : {}),
        snippet: d.name,
        note: 'declared as a dependency, but never registered in code',
      }));
      const star = onlyWildcard ? firstPerFile(any, 2) : [];
      return fail(
        `No security headers, CORS policy, HTTPS enforcement or CSRF protection is registered${
          star.length
            ? `; only a CORS header allowing any origin is set by hand (${listing(star.map((m) => `${m.path}:${m.line}`))}), which opens those responses and hardens nothing`
            : ''
        }.${devNote}${unregisteredNote}${constNote}`,
        [
          ...star.map((m) => fromMatch(m, 'CORS allows any origin, set by hand on a response: not a hardening policy')),
          {
            path: '.',
            note: `no hardening middleware registration in ${ctx.searched('headers')} source and config files`,
          },
          ...depNote,
          ...devEvidence,
          ...unregistered.slice(0, 2),
          ...declaredOnly.slice(0, 2),
          ...loosened,
          ...readOnly,
        ],
        data,
      );
    }
    // CSRF switched off (and on nowhere else) is an off switch, not a default that protects: for a browser
    // session it leaves request forgery open; only an API that authenticates every call by token may skip it.
    const csrfOff = csrfDisabled.length > 0 && csrf.length === 0 && !laravelWeb;

    const offSites = firstPerFile(csrfDisabled, 3);
    const offFiles = new Set(csrfDisabled.map((m) => m.path)).size;
    const offNote = csrfOff
      ? ` CSRF protection is disabled (${offSites.map((m) => `${m.path}:${m.line}`).join(', ')}${
          offFiles > offSites.length ? ` and ${offFiles - offSites.length} more file(s)` : ''
        }): acceptable only if no route is authenticated by a session cookie.`
      : '';
    const missing = g.missing;
    const apiOnlyNote =
      apiOnlyAt && csrf.length === 0
        ? ` An API-only Rails app (${apiOnlyAt.path}:${apiOnlyAt.line}) has no CSRF protection; calls authenticated by a token need none.`
        : '';
    const warning = dangerous.length
      ? ` CORS allows any origin with credentials at ${dangerous[0]!.path}:${dangerous[0]!.line}${
          anyOrigin === 'any origin' ? '' : ` (${anyOrigin}, with credentials)`
        }: a finding, not a protection; any website can send authenticated requests and read the answers.`
      : '';
    // A CORS middleware mounted with no origins allowed outside development (django-cors-headers in
    // MIDDLEWARE, its allow-all only under DEBUG) lets no other origin in: said so, not "no CORS
    // middleware" (blind round 46, doccano).
    const mounted = cors.length === 0 && any.length === 0 ? prod('corsMounted')[0] : undefined;
    const sameOrigin =
      cors.length === 0 && any.length === 0
        ? mounted
          ? ` (CORS middleware mounted at ${mounted.path}:${mounted.line}, but no origin is allowed outside development: browsers keep requests same-origin)`
          : ' (no CORS middleware: browsers keep requests same-origin)'
        : '';
    const msg = `${
      g.missing.length === 0
        ? `${listing(found)} in place${sameOrigin}.`
        : found.length
          ? `${listing(found)} found${sameOrigin}; no ${missing.join(', no ')}.${warning}`
          : `No hardening in place: no ${missing.join(', no ')}.${warning}`
    }${offNote}${apiOnlyNote}${devNote}${unregisteredNote}${constNote}`;
    // A credentialed wildcard undoes much of the rest: cap the score.
    const score = dangerous.length ? Math.min(g.score, 0.4) : csrfOff ? Math.min(g.score, 0.7) : g.score;
    const shown = [...evidence, ...declaredOnly.slice(0, 2), ...loosened, ...readOnly];
    if (score >= 1) return pass(msg, shown, data);
    return partial(score, msg, shown, data);
  },
});
export default rule;

/**
 * Whether a service served by the standard library sets any hardening itself (headers written by
 * hand, a CORS policy, Go's CrossOriginProtection, a fronting proxy's headers) or a finding such as
 * any origin with credentials: then there is a policy to judge. Nothing at all: not applicable.
 */
/**
 * Why a library without a detected web framework is not judged: where its own code registers
 * middleware (an ASP.NET Core extension method calling AddCors/UseCors, referenced as packages
 * rather than through the Web SDK), it builds on a web framework for the applications that host it,
 * and the reason says so instead of "no web framework" (blind round 40, a .NET building-block library).
 */
function libraryReason(ctx: RuleContext): string {
  const found = rule.check(ctx).evidence.filter((e) => e.path !== '.' && e.line !== undefined);
  if (!found.length)
    return 'profile is library and no web framework or HTTP server detected: HTTP middleware does not apply';
  const at = listing(found.slice(0, 3).map((e) => `${e.path}:${e.line}`));
  return `profile is library: its code registers HTTP middleware for the applications that host it (${at}${found.length > 3 ? ` and ${found.length - 3} more` : ''}), but serves nothing itself; HTTP hardening is configured by the application that uses it`;
}

function hardenedByHand(ctx: RuleContext): boolean {
  const r = rule.check(ctx);
  return r.outcome !== 'fail' || r.evidence.some((e) => e.path !== '.');
}
