import { defineRule, type Evidence, type FileView, type Lines, type Match, type RuleContext } from '../../src/types.js';
import { CTRL_METRICS_AUTH, ctrlRuntime, metricsOnly } from './_lib/ctrl-metrics-auth.js';
import { codeOrDeps } from './_lib/code-or-deps.js';
import { jvmSecurityName } from './_lib/jvm-security-name.js';
import { fromMatch, isProductionPath } from '../../src/facts/paths.js';
import { escapeRe } from '../../src/util/regex.js';
import { partial } from '../../src/engine/results.js';

const JS = ['**/*.{js,ts,mjs,cjs,jsx,tsx}'];

/** A header that carries a client's key (`x-api-key`, `unstructured-api-key`, `X-Auth-Token`). */
// Or a header (or the constant naming it) that ends in `token`: `X-PROJEKTOR-TOKEN`, `AuthConfig.PUBLISH_TOKEN`,
// `X-Gitea-Token`; a CSRF token is no caller's credential (security-middleware's business).
const KEY_HEADER = /api[-_]?key|access[-_]?token|auth[-_]?token|(?<!csrf|xsrf)[-_]token$/i;

/**
 * The check a key header is handed to, on the line that reads it: `authService.isAuthValid(call.request.header(…))`,
 * `verifyApiKey(req.get('x-api-key'))`, `check_token(request.headers.get(…))`. Named for validating,
 * verifying, checking or authenticating — its definition compares the value with the configured key.
 */
const VALIDATOR_CALL =
  /\b(\w{0,40}(?:[Vv]alid|[Vv]erif|[Cc]heck|[Aa]uth)\w{0,40})\s*\(\s*(?:call\.|this\.|self\.)?(?:request|req|r|ctx|c|context|exchange|Request|HttpContext\.Request)\b/;

/** The text of lines `line - before` to `line + after` (1-based `line`), clipped to the file. */
function linesAround(lines: Lines | undefined, line: number, before: number, after: number): string {
  return (lines?.window(line, before, after, true) ?? ['']).join('\n');
}

/**
 * A request filter class (servlet `Filter`/`OncePerRequestFilter`, WebFlux `WebFilter`) is one unit:
 * the header may be read in a helper method below the `filter` method that compares it and answers
 * 401, so the class is judged whole — a key injected from configuration, a comparison, a 401.
 */
function filterRefusesWrongKey(text: string): boolean {
  return (
    /\b(?:implements|extends)\s+(?:WebFilter|OncePerRequestFilter|GenericFilterBean|Filter)\b|\)\s*:\s*(?:WebFilter|OncePerRequestFilter|GenericFilterBean|Filter)\b/.test(
      text,
    ) &&
    INJECTED.test(text) &&
    /\.(?:contains|equals)\s*\(|::contains\b|[!=]=/.test(text) &&
    /\bUNAUTHORIZED\b|\bSC_UNAUTHORIZED\b|\b401\b|\bFORBIDDEN\b/.test(text)
  );
}

/**
 * A PSR-15 middleware (`implements MiddlewareInterface`, its `process()` method) that reads a
 * credential header — a key or token header, or Authorization; named directly or by a constant of
 * the file (`const string API_KEY_HEADER = 'X-Api-Key'`) — checks the value (a comparison, or a
 * check/verify/validate call) and refuses the request: an authentication exception thrown, or a
 * 401/403 answered. The middleware is the framework's unit of request handling (Mezzio, Slim).
 */
const PSR_HEADER =
  /->getHeader(?:Line)?\(\s*(?:['"]([\w-]{1,80})['"]|(?:self|static|[A-Z]\w{0,60})::([A-Z][A-Z0-9_]{0,60}))\s*\)/;
function psr15RefusesWrongKey(text: string, m: Match): boolean {
  if (!/\bimplements\s[^{]{0,200}\bMiddlewareInterface\b/.test(text) || !/\bfunction\s+process\s*\(/.test(text))
    return false;
  const read = PSR_HEADER.exec(m.snippet);
  let header = read?.[1];
  if (!header && read?.[2]) {
    const constant = new RegExp(`\\bconst\\s+(?:\\w+\\s+)?${read[2]}\\s*=\\s*['"]([\\w-]{1,80})['"]`).exec(text);
    header = constant?.[1] ?? read[2];
  }
  if (!header || !(KEY_HEADER.test(header) || /^authorization$/i.test(header))) return false;
  return (
    /->(?:check|verify|validate|isValid|authenticate)\w{0,30}\s*\(|\bhash_equals\s*\(|[!=]==/.test(text) &&
    /\bthrow\b[^;]{0,160}(?:Authenticat|Unauthori[sz]ed|Forbidden|Credential|ApiKey)|\b(?:401|403)\b|STATUS_UNAUTHORIZED|STATUS_FORBIDDEN/.test(
      text,
    )
  );
}

/** A configured key read near the check (environment, settings). */
const CONFIGURED = /\b(?:environ|getenv|Getenv|process\.env|settings\.|config|Configuration|ENV\[|env\(|API_KEYS?\b)/i;
/**
 * A key injected into the class from configuration (a Spring `@Value("${security.apiKey…}")` constructor
 * parameter, `@ConfigurationProperties`, ASP.NET `IOptions<…>`/`IConfiguration`): the filter compares the
 * header with a field, the configuration is read where the class is built (blind round 33, a WebFlux
 * `WebFilter` checking `x-api-key`).
 */
const INJECTED =
  /@Value\s*\(\s*["']\\?\$\{|@ConfigurationProperties\b|\bIOptions(?:Monitor|Snapshot)?<|\bIConfiguration\b|\bSystem\.getenv\s*\(/;

/**
 * Around a key header read (line `line`, 1-based): the value compared with a configured key
 * (environment, settings) and a refusal with 401/403 — the definition and its use, not a header
 * merely passed on to another service.
 */
function refusesWrongKey(lines: Lines | undefined, line: number, text: () => string): boolean {
  const near = linesAround(lines, line, 3, 10);
  return (
    /!==?|==|\b\w{0,40}(?:[Vv]alid|[Vv]erif)\w{0,40}\s*\(|\bcompare_digest\s*\(|ConstantTimeCompare\s*\(|timingSafeEqual\s*\(|\.Equals\s*\(|\bnot\s+in\b|\.(?:contains|equals)\s*\(|\b(?:is|has)?[Vv]alid\w*\s*\(/.test(
      near,
    ) &&
    (CONFIGURED.test(near) || INJECTED.test(text()) || VALIDATOR_CALL.test(lines?.line(line) ?? '')) &&
    /\b(?:401|403)\b|UNAUTHORIZED|FORBIDDEN|\bUnauthorized|\bForbidden|PermissionDenied|AuthenticationFailed|NotAuthenticated/.test(
      near,
    )
  );
}

/**
 * A request hook (Fastify `addHook('onRequest', …)`, often in an autoloaded `autohooks.ts` that
 * guards every route below it) that looks for the caller's session user or token and refuses with
 * 401 when there is none: authentication written with the framework's hooks (round 11).
 */
function hookRefusesAnonymous(lines: Lines | undefined, line: number): boolean {
  const near = linesAround(lines, line, 0, 15);
  return (
    /\b(?:request|req)\.(?:session\??\.\w*[uU]ser|user\b|jwtVerify\s*\(|isAuthenticated\s*\()/.test(near) &&
    /\.unauthorized\s*\(|\b401\b|Unauthorized/.test(near)
  );
}

/** The line reads the Authorization header to redact or mask it (a request logger), refusing nothing. */
function redactedForLog(lines: Lines | undefined, line: number): boolean {
  const near = linesAround(lines, line, 8, 12);
  return (
    /redact|\*\*\*|\bmask|sanitiz/i.test(near) && !/\b40[13]\b|UNAUTHORIZED|Unauthorized|FORBIDDEN|Forbidden/.test(near)
  );
}

/**
 * A Rust middleware (it takes `Next`) whose body, at most 45 lines, answers 401 or 403 — or looks the
 * caller's session user up and sends a request without one to the login page (`see_other("/login")`,
 * `Redirect::to("/login")`): a guard wrapped around the routes that need a signed-in user (blind
 * round 43, an actix `reject_anonymous_users` around /admin).
 */
function rustMiddlewareRefuses(lines: Lines | undefined, line: number): boolean {
  const body = linesAround(lines, line, 0, 45);
  if (!/\bNext\b|\bServiceRequest\b/.test(body)) return false;
  if (/UNAUTHORIZED|FORBIDDEN|ErrorUnauthorized|ErrorForbidden|\b40[13]\b/.test(body)) return true;
  return (
    /\b(?:session|identity|Identity|Session)\w{0,40}\b[^\n]{0,80}\b(?:user|User|get|id)\w{0,40}/.test(body) &&
    /\b(?:see_other|Redirect::(?:to|temporary|see_other)|redirect)\s*\(\s*"\/(?:login|signin|sign_in|sign-in|auth)\b|LOCATION\s*,\s*"\/(?:login|signin|sign_in|sign-in|auth)\b/.test(
      body,
    )
  );
}

/**
 * The function around a token check (the nearest `func` line above `line`, at most 60 lines up) is a
 * handler named for validating a token (`tokenValidateHandler`, gRPC `TokenValidate`, `verifyToken`,
 * `introspect`): an endpoint that tells its caller whether a token is valid guards no route, it is
 * not authentication middleware (blind round 43, a demo server's /token/validate handlers).
 */
function tokenValidationEndpoint(lines: Lines | undefined, line: number): boolean {
  for (let n = line; n >= 1 && n > line - 60 && lines; n--) {
    const fn = /^func\s+(?:\([^)]{0,80}\)\s*)?(\w+)\s*\(([^\n]{0,200})/.exec(lines.line(n));
    if (!fn) continue;
    const name = fn[1] ?? '';
    return (
      /token\w{0,20}(?:valid|verif|check|introspect)|(?:valid|verif|check|introspect)\w{0,20}token|introspect/i.test(
        name,
      ) &&
      /http\.ResponseWriter|\*http\.Request|context\.Context|\*gin\.Context|echo\.Context|\*fiber\.Ctx/.test(
        fn[2] ?? '',
      )
    );
  }
  return false;
}

/**
 * A check asked of an object with nothing handed to it (`if not plex_auth.checkLogin():`,
 * `client.checkLoggedIn()`), not passed on as a handler: it reads the state of a login this process
 * made to another system (a PIN or OAuth login to a provider), not the credentials of a request
 * (blind round 50: a media server's outbound login to a provider was its "authentication"). A check
 * of a request is handed the request (`SsoHelper.loginCheckWithAttr(request)`) or registered as
 * middleware (`app.use(auth.checkLogin())`, `router.get('/x', checkLogin(), h)`).
 */
function outboundLoginPoll(snippet: string): boolean {
  const m = /([(,][ \t]*)?\b\w+\.(?:checkLogin|loginCheck|checkLoggedIn)\w{0,40}[ \t]*\([ \t]*\)/.exec(snippet);
  return !!m && m[1] === undefined;
}

/**
 * A Go middleware written by hand (`func logged(next Handler) Handler`, `func(next http.Handler)
 * http.Handler`) whose body refuses a request without a user, session or token (`if ctx.User ==
 * nil { return 401 }`, a redirect to the login page) before calling next: authentication
 * (round 12, an Echo app's own `logged`/`apiRequireAuth`).
 */
function goMiddlewareRefuses(lines: Lines | undefined, line: number, lastBrace: number): boolean {
  // The body ends at the next line that starts with `}` (at most 40 lines); with no such line
  // anywhere below (`lastBrace`, the file's last, is worked out once per file), 30 lines.
  let end = 0;
  for (let n = line + 1; n <= line + 40 && lines && n <= lines.count && !end; n++)
    if (lines.line(n).startsWith('}')) end = n;
  const stop = end > 0 ? end : lastBrace > line ? line + 40 : line + 30;
  const body = (lines?.range(line, stop, true) ?? ['']).join('\n');
  return (
    /\bnext\s*(?:\.ServeHTTP)?\(/.test(body) &&
    /\b\w*(?:[Uu]ser|[Ss]ession|[Tt]oken|[Cc]laims|[Ii]dentity|[Pp]rincipal|[Aa]ccount)\w*\s*[!=]=\s*nil\b|\bif\s+!\w*(?:[Ll]ogged|[Aa]uthenticated)\w*\b|\.Header\.Get\(\s*"Authorization"\s*\)/.test(
      body,
    ) &&
    /\b401\b|StatusUnauthorized|\bUnauthorized\b|\bRedirect\w*\s*\(|\bErrUnauthorized\b/.test(body)
  );
}

/** A file that computes an HMAC and speaks of a signature (or reads GitLab's token header). */
function signedWebhook(text: string): boolean {
  // Or the signature header handed to the project's verifier (`try verifyWebhookSignature(request:)`,
  // whose HMAC lives in another file: blind round 50, a GitHub webhook Lambda).
  return (
    /X-Gitlab-Token/i.test(text) ||
    (/hmac/i.test(text) && /signature/i.test(text)) ||
    /\bverify\w{0,30}Signature\s*\(/i.test(text)
  );
}

const CTRL_LABEL =
  'controller-runtime metrics filter: each request to the metrics endpoint authenticated by a TokenReview (filters.WithAuthenticationAndAuthorization)';

export default defineRule({
  meta: {
    id: 'authentication',
    title: 'Requests are authenticated',
    failureTitle: 'No request authentication',
    description:
      'A service that does not establish who is calling cannot protect anything else: authorization, auditing and rate limits per user all start with authentication.',
    remediation:
      'Authenticate every non-public route with the framework’s standard mechanism: passport/`@nestjs/passport` or JWT verification (jose) in Node, `OAuth2PasswordBearer`/`HTTPBearer` dependencies in FastAPI, DRF authentication classes, Spring Security (`oauth2ResourceServer`), ASP.NET `AddAuthentication().AddJwtBearer()` + `UseAuthentication()`, golang-jwt/go-oidc middleware, Devise, Laravel Sanctum.',
    severity: 'high',
    effort: 'medium',
    detection:
      "Code that installs or calls authentication (production code only): login checks named for what they do, called or annotated on request handlers (`SsoHelper.loginCheckWithAttr(request)`, `checkLogin(…)`, `@XxlSso`, `@LoginRequired`, `@RequiresAuthentication`; not `login = false`, not a definition); `passport.use/authenticate`, `AuthGuard`, `jwt.verify`/`jwtVerify`, `expressjwt(`, `NextAuth(`; `OAuth2PasswordBearer`, `HTTPBearer`, DRF `DEFAULT_AUTHENTICATION_CLASSES`, `@jwt_required`, `@login_required`, Django's `AuthenticationMiddleware` only where something requires a login (the admin or auth views routed, `login_required`, `LoginRequiredMixin`, `IsAuthenticated`); `jwt.Parse`, go-oidc verifiers, JWT/BasicAuth middleware; Spring `SecurityFilterChain`/`oauth2ResourceServer`/`httpBasic`; `AddAuthentication`/`AddJwtBearer`/`[Authorize]`; `devise_for`/`authenticate_user!`, gds-sso (`include GDS::SSO::ControllerMethods`, `authorise_user!`), a Rails filter that requires a login (`before_action :login_required`, `:require_login`, `:authenticate`); Laravel `auth:` middleware; actix/axum bearer auth, actix-identity's `IdentityService`/`CookieIdentityPolicy`/`IdentityMiddleware`; Elixir `plug :require_authenticated_user`/`plug :authenticate`, Guardian and Pow plugs, `plug Ueberauth`, Plug.BasicAuth, Joken/Phoenix.Token verification, `Bcrypt.verify_pass`; authentication written by hand (a password hash verified with bcrypt/argon2/check_password_hash/`.verify_password(`/`BCrypt::Password.new(…) ==`, the Basic or Authorization header of an incoming request read (Rust `headers().get(AUTHORIZATION)`, also the request's BasicAuth method handed to a checker, Flask `request.authorization`, Rack `Rack::Auth::Basic::Request.new(env)`/`env['HTTP_AUTHORIZATION']`; a check that runs only when credentials are configured, `if creds != nil && …`, or that an early return skips when its secret is empty — Go `if len(cfg.Secret) == 0 { return h }`, JS `if (!process.env.API_KEY) return next()`, Python `if not settings.API_KEY: return` —, is optional: partial 0.5, citing the early return), or an API-key header compared with the configured key and refused with 401/403 — also in a servlet `Filter`/`OncePerRequestFilter` or WebFlux `WebFilter` (`request.getHeader(…)`, `exchange.request.headers.getFirst(…)`) whose key is injected from configuration (`@Value('${…}')`, `@ConfigurationProperties`, `IOptions<…>`) —, or a Fastify `addHook('onRequest'|'preHandler', …)` — autohooks included —, or a Ktor plugin the project wrote (`createRouteScopedPlugin`/`createApplicationPlugin`) whose file reads the Authorization header and sets the principal or answers 401, credited at the `install(X)` that installs it, or a Go middleware (`func logged(next Handler) Handler`) that refuses a request without a session user or token with 401 or a redirect, or a Rust middleware (it takes `Next`) named for the token, session or anonymous callers it checks that refuses with 401/403 or sends a request without a session user to the login page). A Go handler named for validating a token (`tokenValidateHandler`, `TokenValidate`) answers whether a token is valid and guards no route: not counted as middleware. Libraries from the `authentication` catalogue alone earn partial credit; a JWT library production code uses only to sign tokens it sends (`JWT::encode(`, `jwt.sign(` whose token goes into the bearer Authorization header of an outbound request) earns none, and Laravel's stock `guest` middleware (RedirectIfAuthenticated) is no authentication. Not applicable when the only HTTP server serves operational routes (/metrics, health probes, pprof), as the listener of a Kubernetes controller or an agent does. controller-runtime's metrics filter (`Metrics.FilterProvider = filters.WithAuthenticationAndAuthorization`: TokenReview and SubjectAccessReview on each request to /metrics) counts as a pass where the manager is the only HTTP server (a Kubernetes operator), as partial credit (metrics only) beside a web framework or another server.",
    patterns: {
      // A value of the request compared with a configured secret (`if (key !== String(useRuntimeConfig().adminKey))`,
      // `if token != settings.ADMIN_TOKEN`): a shared key guarding a route, kept in check() where the
      // file reads that value from the request and the next lines refuse it.
      sharedKeyCompare: {
        regex:
          /\b([A-Za-z_]\w{0,40})\s*!==?\s*(?:String\(\s*)?(?:useRuntimeConfig\(\s*(?:event)?\s*\)|process\.env|config|settings|env|cfg|app\.config|current_app\.config)(?:\.|\[\s*["'])(?:[\w.]{0,60}[._])?\w*(?:[Kk]ey|KEY|[Ss]ecret|SECRET|[Tt]oken|TOKEN|[Pp]assword|PASSWORD)\b/,
        files: ['**/*.{js,ts,mjs,cjs,mts,cts,py}'],
        literals: ['!='],
        maxPerFile: 2,
      },
      ctrlMetricsAuth: CTRL_METRICS_AUTH,
      // The arguments of `@UseGuards(` and `auth({` stop at the next such call: scanning on from
      // each of many unclosed calls to the end of the file was quadratic.
      js: {
        regex:
          /\bpassport\.(?:use|authenticate)\s*\(|\bPassportStrategy\s*\(|\bAuthGuard\s*\(|@UseGuards\s*\((?:(?!@UseGuards\s*\()[^)])*Auth|\bjwt\.verify\s*\(|\bjwtVerify\s*\(|\bexpress[jJ]wt\s*\(|\bkoaJwt\s*\(|\bNextAuth\s*\(|\bbetterAuth\s*\(|\bgetServerSession\s*\(|\bclerkMiddleware\s*\(|\bverifyIdToken\s*\(|\bJwtModule\.register|request\.jwtVerify\s*\(|\bauth\s*\(\s*\{(?:(?!\bauth\s*\()[^}])*issuerBaseURL|register\(\s*(?:require\(\s*)?['"]?@?fastify[/-]?jwt|server\.auth\.strategy\s*\(|\bcreateRemoteJWKSet\s*\(|\b(?:bearerAuth|basicAuth)\s*\(\s*\{|(?<![\w.$])jwt\s*\(\s*\{\s*(?:secret|jwks_uri|alg|cookie)\b|(?<![\w.$])jwk\s*\(\s*\{/,
        files: JS,
        literals: [
          // Hono's auth middleware: hono/bearer-auth, hono/basic-auth, hono/jwt, hono/jwk.
          'bearerAuth',
          'basicAuth',
          'jwk',
          'passport',
          'Passport',
          'AuthGuard',
          'Auth',
          'jwt',
          'Jwt',
          'JWT',
          'NextAuth',
          'betterAuth',
          'getServerSession',
          'clerkMiddleware',
          'verifyIdToken',
          'issuerBaseURL',
          'auth.strategy',
          'JWKSet',
        ],
      },
      python: {
        regex:
          /\b(?:OAuth2PasswordBearer|OAuth2AuthorizationCodeBearer|HTTPBearer|HTTPBasic|APIKeyHeader|APIKeyCookie|OpenIdConnect)\s*\(|^[ \t]*class\s+\w+\((?:[\w.]+\s*,\s*)*(?:security\.)?(?:OAuth2PasswordBearer|OAuth2AuthorizationCodeBearer|OAuth2|HTTPBearer|HTTPBasic|APIKeyHeader|APIKeyCookie|OpenIdConnect)\b|DEFAULT_AUTHENTICATION_CLASSES|^[ \t]*authentication_classes\s*=|@(?:jwt_required|login_required|auth_required|token_required|auth\.login_required)\b|\bJWTManager\s*\(|\bLoginManager\s*\(|\bHTTP(?:Basic|Token)Auth\s*\(|\bjwt\.decode\s*\(|Depends\(\s*(?:get_current_(?:active_)?user|current_(?:active_)?user|verify_token|authenticate)\b|AuthenticationMiddleware|AUTHENTICATION_BACKENDS|\bFastAPIUsers\s*\(/m,
        files: ['**/*.py'],
        literals: [
          'OAuth2',
          'HTTPBearer',
          'HTTPBasic',
          'APIKey',
          'OpenIdConnect',
          'AUTHENTICATION',
          'authentication_classes',
          '_required',
          'JWTManager',
          'LoginManager',
          'Auth(',
          'jwt.decode',
          'Depends(',
          'AuthenticationMiddleware',
          'FastAPIUsers',
        ],
      },
      // Where Django authenticates someone: the admin or the auth views routed, a view that requires
      // a login. Its default AuthenticationMiddleware (in every new project's settings) only attaches
      // request.user; alone it authenticates no request (blind round 22, pokeapi: a public API).
      djangoLogin: {
        regex:
          /\badmin\.site\.urls\b|django\.contrib\.auth\.urls|\bLoginRequiredMixin\b|\bLoginView\b|\blogin_required\b|\bauthenticate\s*\(\s*request\b|\bIsAuthenticated\b|\bpermission_required\b/,
        files: ['**/*.py'],
        literals: [
          'admin.site',
          'auth.urls',
          'LoginRequired',
          'LoginView',
          'login_required',
          'authenticate',
          'IsAuthenticated',
          'permission_required',
        ],
        maxPerFile: 1,
      },
      go: {
        regex:
          /\bjwt\.(?:Parse|ParseWithClaims)\s*\(|\brequest\.ParseFromRequest(?:WithClaims)?\s*\(|\bjwt\.(?:MapClaims|RegisteredClaims)\)\s*;\s*ok\s*&&\s*\w+\.Valid|\bjwtmiddleware\.New\s*\(|\boidc\.NewProvider\s*\(|\.Verifier\s*\(\s*&oidc\.Config|\bechojwt\.(?:WithConfig|JWT)\s*\(|middleware\.JWT(?:WithConfig)?\s*\(|\bjwtauth\.(?:Verifier|Authenticator)\s*\(|\bjwtware\.New\s*\(|\bgin\.BasicAuth\s*\(|middleware\.BasicAuth\s*\(|GinJWTMiddleware|\bgrpc_?auth\.(?:Unary|Stream)ServerInterceptor|\bauth\.(?:Unary|Stream)ServerInterceptor\s*\(|\bjwt\.(?:Parse|Validate)\s*\(\s*\[\]byte/,
        files: ['**/*.go'],
        literals: ['jwt', 'oidc', 'JWT', 'BasicAuth', 'ServerInterceptor', 'ParseFromRequest'],
      },
      jvm: {
        regex:
          /@EnableWebSecurity|@EnableWebFluxSecurity|\bSecurityFilterChain\b|\bSecurityWebFilterChain\b|\.oauth2ResourceServer\s*\(|\.oauth2Login\s*\(|\.httpBasic\s*\(|\.formLogin\s*\(|\bJwtDecoder\b|\bJwts\.parser|\bJWT\.require\s*\(|@Authenticated\b|SecurityRule\.IS_AUTHENTICATED|install\s*\(\s*Authentication\s*\)|\bauthenticate\s*\(\s*"[\w-]+"\s*\)\s*\{|\bnew\s+AuthDynamicFeature\s*\(|\b(?:OAuth|Basic)CredentialAuthFilter\.Builder\b/,
        files: ['**/*.{java,kt,scala,groovy}'],
        literals: [
          'Security',
          'oauth2',
          'httpBasic',
          'formLogin',
          'JwtDecoder',
          'Jwts',
          'JWT.require',
          'Authenticated',
          'IS_AUTHENTICATED',
          'Authentication',
          'authenticate(',
          // dropwizard-auth: `register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<…>()…))`.
          'AuthDynamicFeature',
          'CredentialAuthFilter',
        ],
      },
      jvmConfig: {
        regex:
          /spring\.security\.oauth2\.|^[ \t]*(?:issuer-uri|jwk-set-uri)\s*:|quarkus\.oidc\.auth-server-url|mp\.jwt\.verify/m,
        files: ['**/application*.{yml,yaml,properties}', '**/bootstrap*.{yml,yaml,properties}'],
        literals: ['oauth2', 'issuer-uri', 'jwk-set-uri', 'quarkus.oidc', 'mp.jwt'],
      },
      dotnet: {
        regex:
          /\bAddAuthentication\s*\(|\bAddJwtBearer\s*\(|\bUseAuthentication\s*\(|\bAddMicrosoftIdentityWebApi\s*\(|\bAddMicrosoftIdentityWebApp\s*\(|\bAdd(?:Default)?Identity(?:Core|ApiEndpoints)?\s*<|\bAddOpenIdConnect\s*\(|\[Authorize\b|\.RequireAuthorization\s*\(/,
        files: ['**/*.{cs,fs,vb}'],
        literals: ['Authentication', 'JwtBearer', 'MicrosoftIdentity', 'Identity', 'OpenIdConnect', 'Authorize'],
      },
      ruby: {
        regex:
          /^[ \t]*devise_for\b|^[ \t]*devise\s+:|before_action\s+:authenticate_\w+|^[ \t]*(?:prepend_|append_)?before_(?:action|filter)\s+:(?:\w*login_required|require_(?:login|user|authentication|sign_?in|logged_in)|ensure_(?:logged_in|authenticated|signed_in)|logged_in_required|authenticate)\b|\bauthenticate_user!|\bauthori[sz]e_user!|^[ \t]*include\s+GDS::SSO::ControllerMethods\b|^[ \t]*has_secure_password\b|\bJWT\.decode\s*\(|^[ \t]*use_doorkeeper\b|\bdoorkeeper_authorize!|authenticate_or_request_with_http_(?:token|basic)|^[ \t]*http_basic_authenticate_with\b|^[ \t]*include\s+Rodauth|Warden::Manager/m,
        files: ['**/*.rb'],
        literals: [
          'devise',
          'authenticate',
          'authorise_user!',
          'authorize_user!',
          'GDS::SSO',
          'has_secure_password',
          'JWT',
          'doorkeeper',
          'Rodauth',
          'Warden',
          'login_required',
          'require_',
          'ensure_',
        ],
      },
      php: {
        regex:
          /['"]auth(?::[\w,-]+)?['"]|\bAuth::(?:guard|attempt|user|check)\s*\(|\bJWTAuth::|\bJWT::decode\s*\(|\bauth\(\)->(?:user|check|guard)\s*\(|#\[IsGranted\(\s*['"]IS_AUTHENTICATED/,
        files: ['**/*.php'],
        literals: ['auth', 'Auth::', 'JWT', 'IS_AUTHENTICATED'],
        maxPerFile: 10,
      },
      // A PSR-7 request's credential header read (`$request->getHeaderLine('X-Api-Key')`, through a
      // constant: `getHeaderLine(self::API_KEY_HEADER)`): credited in a PSR-15 middleware that checks
      // it and refuses the request (psr15RefusesWrongKey; blind round 50, a Mezzio API's X-Api-Key
      // middleware was "no code that checks requests").
      psrHeader: {
        regex: PSR_HEADER,
        files: ['**/*.php'],
        literals: ['getHeader'],
        maxPerFile: 4,
      },
      phpConfig: {
        regex:
          /^[ \t]+(?:form_login|json_login|jwt|http_basic|custom_authenticators?|access_token|oauth|login_throttling|entry_point|remember_me):/m,
        files: ['**/config/packages/security.{yaml,yml}', '**/security.{yaml,yml}'],
        literals: [
          'login',
          'jwt',
          'http_basic',
          'authenticator',
          'access_token',
          'oauth',
          'entry_point',
          'remember_me',
        ],
      },
      // Elixir: a Plug pipeline that requires a signed-in user (phx.gen.auth `plug
      // :require_authenticated_user`, a project's `plug :authenticate`), Guardian and Pow plugs,
      // Ueberauth, Plug.BasicAuth, token verification (Joken, Phoenix.Token) and password checks.
      elixir: {
        regex:
          /^[ \t]*plug[ \t]*(?:\([ \t]*)?:(?:require_authenticated_\w+|authenticate\w*|ensure_authenticated\w*|require_(?:login|user|auth\w*|logged_in\w*|signed_in\w*)|basic_auth)\b|\bGuardian\.Plug\.(?:EnsureAuthenticated|VerifyHeader|VerifySession|Pipeline)\b|^[ \t]*use[ \t]+Guardian(?:\.Plug\.Pipeline)?\b|\bPow\.Plug\.(?:RequireAuthenticated|Session)\b|^[ \t]*plug[ \t]*(?:\([ \t]*)?(?:Ueberauth|Plug\.BasicAuth|:?PowAssent)\b|\bPlug\.BasicAuth\.basic_auth\(|\bJoken\.verify(?:_and_validate)?\w*\(|\.verify_and_validate!?\(|\bPhoenix\.Token\.verify\(|\b(?:Bcrypt|Argon2|Pbkdf2)\.verify_pass\(/m,
        files: ['**/*.ex'],
        literals: [
          'plug',
          'Guardian',
          'Pow.Plug',
          'Ueberauth',
          'BasicAuth',
          'Joken',
          'verify_and_validate',
          'Phoenix.Token',
          'verify_pass',
        ],
      },
      // `decode::<Claims>(`: the type holds no `<` (a nested generic never matched: its first `>`
      // is followed by `>`), so many unclosed `decode::<` cost linear time.
      // Swift server code: a JWT verified with Vapor's or jwt-kit's signers (`req.jwt.verify(…)`,
      // `jwtKeys.verify(token, as: Payload.self)`), Vapor's authenticators and guards (blind round 50,
      // a Lambda verifying its OAuth state JWT was "jwt-kit declared, not wired").
      swift: {
        regex:
          /\b(?:jwt|jwtKeys|keys|signers|keyCollection)\.verify\s*\(|\.auth\.require\s*\(|\.guardMiddleware\s*\(|\.grouped\(\s*\w+\.(?:authenticator|sessionAuthenticator|credentialsAuthenticator)\s*\(\)/,
        files: ['**/*.swift'],
        literals: ['.verify(', 'auth.require', 'guardMiddleware', 'uthenticator()'],
      },
      rust: {
        regex:
          /\bHttpAuthentication::(?:bearer|basic|with_fn)\s*\(|\bjsonwebtoken::decode\b|\bdecode::<[^<>]+>\s*\(|ValidateRequestHeaderLayer::(?:bearer|basic)|RequireAuthorizationLayer::(?:bearer|basic)|\bAuthManagerLayer(?:Builder)?\b|\blogin_required!\s*\(|\.verify_with_key\s*\(|\bBearerAuth\b|\bTypedHeader<\s*Authorization<\s*Bearer|\b(?:IdentityService|CookieIdentityPolicy)::new\s*\(|\bIdentityMiddleware::(?:default|builder)\s*\(/,
        files: ['**/*.rs'],
        literals: [
          'HttpAuthentication',
          'jsonwebtoken',
          'decode::<',
          'RequestHeaderLayer',
          'AuthorizationLayer',
          'AuthManagerLayer',
          'login_required',
          'BearerAuth',
          'Bearer',
          'verify_with_key',
          // actix-identity: the identity middleware that keeps the signed-in user in a cookie
          // (blind round 29, mCaptcha `IdentityService::new(CookieIdentityPolicy::new(secret))`).
          'IdentityService',
          'CookieIdentityPolicy',
          'IdentityMiddleware',
        ],
      },
      // An API key checked by hand: a key-named header of the incoming request read
      // (`request.headers.get("x-api-key")`, `r.Header.Get("X-API-Key")`, `req.header('x-api-key')`);
      // credited only where it is compared with a configured key and refused with 401/403 (check()).
      apiKeyHeader: {
        regex:
          /\b(?:request|req|r|ctx|c|context|Request|HttpContext\.Request)\.(?:headers|Headers|Header|META)(?:\.(?:get|Get|getFirst|TryGetValue)\s*\(\s*|\s*\[\s*)["']([\w-]+)["']|\b(?:req|c|ctx)\.(?:get|header|GetHeader|get_header)\s*\(\s*["']([\w-]+)["']|\b(?:request|req|httpRequest|servletRequest|httpServletRequest)\.getHeader\s*\(\s*["']([\w-]+)["']|\bgetHeaders\(\)\.getFirst\s*\(\s*["']([\w-]+)["']|\bcall\.request\.(?:header\s*\(|headers\s*\[)\s*(?:["']([\w-]+)["']|([A-Za-z_][\w.]{0,80}))|@RequestHeader\s*\(\s*(?:(?:value|name)\s*=\s*)?["']([\w-]+)["']|\b(?:request|req|r|httpRequest|servletRequest)\.(?:getHeader|Header\.Get)\s*\(\s*([A-Z][\w.]{0,80})\s*\)/i,
        files: ['**/*.{go,js,ts,mjs,cjs,py,java,kt,cs,rb,php,rs}'],
        literals: [
          'api-key',
          'api_key',
          'apikey',
          'access-token',
          'access_token',
          'accesstoken',
          'auth-token',
          'auth_token',
          'authtoken',
          // A header named for a token (`X-PROJEKTOR-TOKEN`), read by Ktor (`call.request.header(NAME)`,
          // the name often a constant declared in another file) or through a constant.
          '-token',
          '_token',
          'call.request.header',
          'RequestHeader',
        ],
        ignoreCase: true,
        // Any header read matches; the key-named ones are kept in check(): room for the others.
        maxPerFile: 8,
      },
      // A check the project wrote that a key header is handed to (VALIDATOR_CALL): its definition, read
      // for a comparison skipped when the configured key is empty (optionalKeyCheck).
      keyValidatorDef: {
        regex:
          /\b(?:fun|def|func|function)[ \t]+(?:\([^)\n]{0,80}\)[ \t]*)?(\w{0,40}(?:[Vv]alid|[Vv]erif|[Cc]heck|[Aa]uth)\w{0,40})[ \t]*\(/,
        files: ['**/*.{go,js,ts,mjs,cjs,py,java,kt,cs,rb,php,rs}'],
        literals: ['valid', 'verif', 'check', 'auth'],
        ignoreCase: true,
        maxPerFile: 12,
      },
      // A webhook's signature checked: the signature header read (`headers.get("X-Hub-Signature-256")`)
      // or an HMAC compared in constant time (`mac.verify_slice(…)`, `hmac.compare_digest(…)`,
      // `crypto.timingSafeEqual(…)`). The sender proves it holds the shared secret: authentication
      // of the request (round 13, a GitHub bot). Credited where the file computes an HMAC over a signature.
      webhookSignature: {
        regex:
          /["'](?:X-Hub-Signature(?:-256)?|X-Slack-Signature|Stripe-Signature|X-Signature(?:-256)?|X-Gitlab-Token|X-Twilio-Signature)["']|\.verify_slice\s*\(|\bhmac\.(?:compare_digest|Equal)\s*\(|\btimingSafeEqual\s*\(|\bsecure_compare\s*\(|\bhash_equals\s*\(|\bFixedTimeEquals\s*\(|\bMessageDigest\.isEqual\s*\(/i,
        files: ['**/*.{go,js,ts,mjs,cjs,py,java,kt,cs,rb,php,rs,swift}'],
        literals: [
          'signature',
          'gitlab-token',
          'verify_slice',
          'compare_digest',
          'hmac.equal',
          'timingsafeequal',
          'secure_compare',
          'hash_equals',
          'fixedtimeequals',
          'messagedigest.isequal',
        ],
        ignoreCase: true,
        maxPerFile: 2,
      },
      // A Go middleware written by hand: credited where its body refuses a request without a user,
      // session or token (goMiddlewareRefuses).
      goMiddleware: {
        regex: /^func[ \t]+\w+\(next[ \t]+[\w.*]+\)[ \t]*[\w.*]+[ \t]*\{/m,
        files: ['**/*.go'],
        literals: ['(next '],
        maxPerFile: 12,
      },
      // What a JWT library is used for: signing tokens the service sends (`JWT::encode(`, `jwt.sign(`,
      // `Jwts.builder(`, `JWT.create(`) or checking tokens it receives (decode, verify, parse).
      jwtUse: {
        regex:
          /\bJWT::(encode|decode)\s*\(|\b(?:jwt|jsonwebtoken)\.(sign|verify|encode|decode)\s*\(|\bJwts\.(builder|parser|parserBuilder)\s*\(|\bJWT\.(create|require|decode)\s*\(/,
        files: ['**/*.{php,js,mjs,cjs,ts,py,java,kt}'],
        literals: ['JWT', 'jwt', 'jsonwebtoken', 'Jwts'],
        maxPerFile: 4,
      },
      // A bearer token put into the Authorization header of a request the service sends
      // (`'Authorization' => sprintf('Bearer %s', $token)`, `headers: { Authorization: \`Bearer ${t}\` }`).
      // Or the token handed to an API client that sends it as one (`GitHubBuilder().withJwtToken(jwt)` for a
      // GitHub App, Spring's `headers.setBearerAuth(t)`, Ktor client's `bearerAuth(t)`; blind round 37: a
      // server signing GitHub App JWTs with java-jwt verifies none).
      bearerOut: {
        regex:
          /['"]?(?:Authorization|AUTHORIZATION)['"]?\]?[ \t]*(?:=>|:|,|=(?!=))[^\n]{0,48}?(?:Bearer|bearer|BEARER)\b|\.(?:withJwtToken|withOAuthToken|withAppInstallationToken|setBearerAuth|bearerAuth)[ \t]*\(/,
        files: ['**/*.{php,js,mjs,cjs,ts,py,java,kt}'],
        literals: [
          'Authorization',
          'AUTHORIZATION',
          'withJwtToken',
          'withOAuthToken',
          'withAppInstallationToken',
          'BearerAuth',
          'bearerAuth',
        ],
        maxPerFile: 3,
      },
      // Ktor: a plugin the project wrote (`val BearerChecker = createRouteScopedPlugin("BearerChecker") {`)
      // and the `install(X)` lines that could install one; credited at the install of a plugin whose
      // file reads the request's Authorization header and sets the principal or refuses with 401
      // (blind round 23, kotlinconf-app plugins/Authenticate.kt, installed at PluginsModule.kt:84).
      ktorPluginDef: {
        regex:
          /^[ \t]*(?:(?:internal|private|public)[ \t]+)?val[ \t]+(\w+)[ \t]*(?::[^=\n]{1,80})?=[ \t]*create(?:RouteScoped|Application)Plugin\b/m,
        files: ['**/*.kt'],
        literals: ['Plugin'],
        maxPerFile: 6,
      },
      ktorInstall: {
        regex: /\binstall\s*\(\s*([A-Z]\w*)\s*\)/,
        files: ['**/*.kt'],
        literals: ['install('],
        maxPerFile: 30,
      },
      requestHook: {
        regex: /\baddHook\s*\(\s*['"](?:onRequest|preHandler|preValidation)['"]/,
        files: JS,
        literals: ['addHook'],
        maxPerFile: 3,
      },
      // A login check written by hand or given by an SSO client, named for what it does: a call
      // (`SsoHelper.loginCheckWithAttr(request)`, `checkLogin(…)`, `requireLogin(…)`) or an annotation
      // on controllers and handlers (`@XxlSso`, `@LoginRequired`, `@RequiresAuthentication`,
      // `@NeedLogin`); `login = false` opens the handler instead (blind round 32, xxl-job: every
      // controller went through an SSO client's login check, and authentication failed).
      loginCheck: {
        regex:
          /^[ \t]*@(?:\w*Sso|Login(?:Required|Check)?|RequiresAuth\w*|RequireLogin|NeedLogin|CheckLogin|LoginRequire)\b(?![ \t]*\([^)\n]{0,80}\blogin[ \t]*=[ \t]*false)|\b(?:loginCheck|checkLogin|requireLogin|ensureLogin|ensureLoggedIn|checkLoggedIn|requireLoggedIn)\w{0,40}[ \t]*\(/m,
        files: ['**/*.{java,kt,scala,groovy,go,js,ts,mjs,cjs,py,php,rb,cs}'],
        literals: [
          'Sso',
          'Login',
          'RequiresAuth',
          'RequireLogin',
          'NeedLogin',
          'CheckLogin',
          'loginCheck',
          'checkLogin',
          'requireLogin',
          'ensureLog',
          'checkLoggedIn',
          'requireLoggedIn',
        ],
        maxPerFile: 3,
      },
      // A Rust request middleware written by hand (axum `from_fn` with `next: Next`, actix
      // `wrap_fn`) named for the token or authentication it checks; counted where its body refuses
      // with 401/403 (blind round 31, unleash-edge validate_token.rs).
      rustAuthMiddleware: {
        regex: /^[ \t]*(?:pub(?:\([\w:]+\))?[ \t]+)?async[ \t]+fn[ \t]+(\w+)[ \t]*[(<]/m,
        files: ['**/*.rs'],
        literals: ['async fn'],
        maxPerFile: 3,
      },
      // Authentication written by hand: a stored password hash verified, or the credentials of an
      // incoming request read (`r.BasicAuth()`, `r.Header.Get("Authorization")`) to look the caller up;
      // the method handed to a checker (`AuthenticateUserinfo(req.BasicAuth, creds)`) reads them too
      // (round 21, spegel registry.go:174), as does Flask's `request.authorization`, and Rack's
      // `Rack::Auth::Basic::Request.new(env)` or `env["HTTP_AUTHORIZATION"]` (blind round 48, a Sinatra server's API keys).
      handWritten: {
        regex:
          /\bbcrypt\.(?:CompareHashAndPassword|compare|compareSync|checkpw|verify)\s*\(|\bcheck_password_hash\s*\(|\bargon2\w*\.(?:verify|Verify|ComparePasswordAndHash)\w*\s*\(|\.verify_password\s*\(|\bBCrypt(?:\.Net\.BCrypt)?\.Verify\s*\(|\bBCrypt::Password\.new\(\w{1,60}\)[ \t]{0,4}(?:==|\.is_password\?)|\bpasswordEncoder\.matches\s*\(|\b(?:r|req|request|httpReq)\.BasicAuth\b(?:\s*\(\s*\))?|\brequest\.authorization\b(?!\s*=)|\b(?:r|req|request)\.Header\.Get\s*\(\s*(?:"Authorization"|(?:\w+\.)?(?:Header)?Authorization)\s*\)|\.Request\(\)\.Header\.Get\s*\(\s*"Authorization"\s*\)|\b(?:c|ctx)\.GetHeader\s*\(\s*"Authorization"\s*\)|\brequest\.headers\.get\s*\(\s*["']Authorization["']|\breq\.headers\.authorization\b|\.get\(\s*(?:(?:actix_web::|axum::)?(?:http::)?header::)?AUTHORIZATION\s*\)|\bRack::Auth::Basic::Request\.new\s*\(|\[\s*["']HTTP_AUTHORIZATION["']\s*\]/,
        files: ['**/*.{go,js,ts,mjs,cjs,py,java,kt,cs,rb,php,rs}'],
        literals: [
          // Rack: the Basic credentials or the Authorization header of the incoming request's env.
          'Rack::Auth::Basic::Request',
          'HTTP_AUTHORIZATION',
          'bcrypt',
          'check_password_hash',
          'argon2',
          'verify_password',
          'BCrypt',
          'passwordEncoder',
          'BasicAuth',
          'Authorization',
          'authorization',
          'AUTHORIZATION',
        ],
        maxPerFile: 2,
      },
    },
  },
  appliesTo: ({ facts }) =>
    facts.opsOnlyHttp
      ? { reason: `${facts.opsOnlyHttp.reason}; no user or client requests to authenticate` }
      : facts.profile.id === 'service'
        ? true
        : { reason: `profile is ${facts.profile.id}: request authentication applies to services` },
  check(ctx) {
    // A Spring security configuration that lets every request through (`anyRequest().permitAll()`,
    // no login mechanism: a `DisableSecurityConfig`) switches authentication off; it is no evidence of it.
    const permitAllFiles = new Map<string, PermitAll | null>();
    const permitAllOf = (path: string) => {
      if (!permitAllFiles.has(path)) permitAllFiles.set(path, permitAll(ctx.files, path));
      return permitAllFiles.get(path)!;
    };
    // Facts of a whole file, worked out once per file, not once per match in it.
    const braces = new Map<string, number>();
    const lastBrace = (path: string) => {
      let last = braces.get(path);
      if (last === undefined) {
        const lines = ctx.files.lines(path);
        last = lines?.count ?? 0;
        while (last > 0 && !lines!.line(last).startsWith('}')) last--;
        braces.set(path, last);
      }
      return last;
    };
    const signed = new Map<string, boolean>();
    const signedFile = (path: string) => {
      if (!signed.has(path)) signed.set(path, signedWebhook(ctx.files.read(path) ?? ''));
      return signed.get(path)!;
    };
    let scheme: boolean | undefined;
    const dotnetScheme = () => {
      scheme ??= ctx.matches('dotnet').some((m) => isProductionPath(m.path) && !USE_AUTHN.test(m.snippet));
      return scheme;
    };
    const signedUrl = new Map<string, boolean>();
    const signedUrlFile = (path: string) => {
      if (!signedUrl.has(path)) signedUrl.set(path, SIGNED_URL.test(ctx.files.read(path) ?? ''));
      return signedUrl.get(path)!;
    };
    let login: boolean | undefined;
    const djangoLogin = () => {
      login ??= ctx.matches('djangoLogin').some((m) => isProductionPath(m.path));
      return login;
    };
    // Ktor plugins the project defines whose file checks the request's credentials: read the
    // Authorization header and set the principal, or answer 401 (names, worked out once).
    let ktorPlugins: Set<string> | undefined;
    const ktorAuthPlugins = () => {
      ktorPlugins ??= new Set(
        ctx
          .matches('ktorPluginDef')
          .filter((m) => isProductionPath(m.path) && ktorChecksCredentials(ctx.files.read(m.path) ?? ''))
          .map((m) => m.groups[0] ?? ''),
      );
      return ktorPlugins;
    };
    // A JWT library production code uses only to sign tokens (an outbound API's client assertion) checks
    // no request it receives: no credit (blind round 23, data-importer JWTManager.php:55).
    const jwtUses = ctx.matches('jwtUse').filter((m) => isProductionPath(m.path));
    const signs = jwtUses.filter((m) => /^(?:encode|sign|builder|create)$/.test(m.groups.find(Boolean) ?? ''));
    const signOnly = signs.length > 0 && signs.length === jwtUses.length && signsForOutbound(ctx, signs);
    const result0 = codeOrDeps(ctx, {
      ...(signOnly
        ? {
            otherUse: {
              test: (name: string) => /jwt|jose|jsonwebtoken/i.test(name),
              evidence: {
                ...fromMatch(signs[0]!),
                note: 'used only to sign tokens the service sends; no token it receives is decoded or verified',
              },
            },
          }
        : {}),
      what: 'authentication',
      catalogue: 'authentication',
      kinds: [
        { key: 'js', label: 'JavaScript/TypeScript authentication' },
        // An empty `authentication_classes = ()` / `[]` switches authentication off for its view
        // (a health check): no authentication (blind round 48).
        {
          key: 'python',
          label: 'Python authentication',
          matches: ctx.matches('python').filter((m) => !/AuthenticationMiddleware/.test(m.snippet)),
          rejectMatch: (m) => /^[ \t]*authentication_classes\s*=\s*(?:\(\s*\)|\[\s*\])/.test(m.snippet),
        },
        // Django's session middleware, only where something requires a login; cited after the API's
        // own authentication classes (DRF DEFAULT_AUTHENTICATION_CLASSES) of the same settings file.
        {
          key: 'python',
          label: 'Python authentication',
          rank: 1,
          matches: ctx.matches('python').filter((m) => /AuthenticationMiddleware/.test(m.snippet)),
          rejectMatch: () => !djangoLogin(),
        },
        {
          key: 'go',
          label: 'Go authentication middleware',
          rejectMatch: (m) => tokenValidationEndpoint(ctx.files.lines(m.path), m.line),
        },
        {
          key: 'jvm',
          label: `${jvmSecurityName(ctx.facts)} security configuration`,
          rejectMatch: (m) => !!permitAllOf(m.path),
        },
        { key: 'jvmConfig', label: 'OAuth2/OIDC resource server configuration' },
        // `app.UseAuthentication()` only runs the schemes registered with AddAuthentication/AddJwtBearer/
        // AddIdentity…; with none registered (and no `[Authorize]`) it authenticates nobody (blind round 24,
        // aspnet-cqrs Program.cs:138).
        {
          key: 'dotnet',
          label: 'ASP.NET authentication',
          rejectMatch: (m) => USE_AUTHN.test(m.snippet) && !dotnetScheme(),
        },
        { key: 'ruby', label: 'Ruby authentication' },
        {
          key: 'elixir',
          label: 'Elixir authentication (Plug pipeline, Guardian, Pow, Ueberauth, token or password verification)',
        },
        // A bare 'auth' string is only a route middleware when it is passed to middleware().
        // Laravel's stock `guest` middleware (RedirectIfAuthenticated) sends a signed-in user away from
        // the login pages: it asks whether someone is signed in, it authenticates no request (blind
        // round 23, data-importer RedirectIfAuthenticated.php:47, attached to no route).
        {
          key: 'php',
          label: 'PHP authentication',
          reject: /^(?!.*(?:middleware|Auth::|JWT|auth\(\)|IsGranted))/,
          rejectMatch: (m) => /(?:^|\/)RedirectIfAuthenticated\.php$/.test(m.path),
        },
        { key: 'phpConfig', label: 'Symfony firewall authenticator' },
        { key: 'swift', label: 'Swift authentication (JWT verification, Vapor authenticators and guards)' },
        { key: 'rust', label: 'Rust authentication' },
        // The Authorization header read to redact it for a request log checks nobody's credentials
        // (blind round 31, unleash-edge request-logger lib.rs:14 was cited as the authentication).
        {
          key: 'handWritten',
          label: HAND_LABEL,
          rejectMatch: (m) => redactedForLog(ctx.files.lines(m.path), m.line),
        },
        {
          key: 'rustAuthMiddleware',
          label:
            'authentication middleware written by hand (checks the request token or session user, refuses with 401/403 or a redirect to the login page)',
          rejectMatch: (m) =>
            !/token|auth|login|session|credential|api_?key|anonymous|signed_?in|logged_?in/i.test(m.groups[0] ?? '') ||
            !rustMiddlewareRefuses(ctx.files.lines(m.path), m.line),
        },
        // A definition (`public static Response loginCheck(…) {`, `function checkLogin(`) is no use of
        // the check, and a check in the browser's code refuses no request.
        {
          key: 'loginCheck',
          label: 'hand-written login check (a login or SSO check called or annotated on request handlers)',
          rejectMatch: (m) =>
            ctx.facts.componentOf(m.path) !== 'server' ||
            /\b(?:function|def|func|fun|public|private|protected|static|void)\b[^=(\n]{0,120}\b(?:loginCheck|checkLogin|requireLogin|ensureLogin|ensureLoggedIn|checkLoggedIn|requireLoggedIn)\w*[ \t]*\(/.test(
              m.snippet,
            ) ||
            /^[ \t]*@interface\b/.test(m.snippet) ||
            outboundLoginPoll(m.snippet),
        },
        {
          key: 'goMiddleware',
          label:
            'Go middleware written by hand that refuses requests without a user, session or token (401 or a redirect)',
          rejectMatch: (m) => !goMiddlewareRefuses(ctx.files.lines(m.path), m.line, lastBrace(m.path)),
        },
        {
          key: 'requestHook',
          label: 'request hook that refuses requests without a session user or token (401)',
          rejectMatch: (m) => !hookRefusesAnonymous(ctx.files.lines(m.path), m.line),
        },
        {
          key: 'ktorInstall',
          label:
            "Ktor authentication plugin written by hand, installed (reads the request's Authorization header, sets the principal or refuses with 401)",
          rejectMatch: (m) => !ktorAuthPlugins().has(m.groups[0] ?? ''),
        },
        {
          key: 'webhookSignature',
          label: 'webhook signature verified (an HMAC of the body with the shared secret, compared in constant time)',
          rejectMatch: (m) => !signedFile(m.path) || signedUrlFile(m.path),
        },
        // The same check over a URL's path (imgproxy-style signed URLs: `hmac.Equal(mac,
        // signatureFor(path, key, salt))`): the link proves it was issued by the key holder (blind
        // round 24, imgproxy security/signature.go; the regex held backspace characters for `\b`, so
        // no constant-time compare had matched).
        {
          key: 'webhookSignature',
          label: 'signed URLs verified (an HMAC of the path with the shared key, compared in constant time)',
          rejectMatch: (m) => !signedFile(m.path) || !signedUrlFile(m.path),
        },
        {
          key: 'apiKeyHeader',
          label: KEY_LABEL,
          rejectMatch: (m) =>
            !KEY_HEADER.test(m.groups.find(Boolean) ?? '') ||
            !(
              refusesWrongKey(ctx.files.lines(m.path), m.line, () => ctx.files.read(m.path) ?? '') ||
              filterRefusesWrongKey(ctx.files.read(m.path) ?? '')
            ),
        },
        {
          key: 'psrHeader',
          label: 'PSR-15 authentication middleware (a credential header checked, the request refused)',
          rejectMatch: (m) => !psr15RefusesWrongKey(ctx.files.read(m.path) ?? '', m),
        },
        {
          key: 'ctrlMetricsAuth',
          label: CTRL_LABEL,
          rejectMatch: () => !ctrlRuntime(ctx.facts),
        },
      ],
      searchedNote: `no authentication wiring in ${ctx.searched('js') + ctx.searched('python') + ctx.searched('go') + ctx.searched('jvm') + ctx.searched('dotnet') + ctx.searched('ruby') + ctx.searched('elixir') + ctx.searched('php') + ctx.searched('rust') + ctx.searched('swift')} source files`,
    });
    const result = metricsOnly(ctx.facts, result0, CTRL_LABEL, 'Authentication');
    const optional =
      optionalHandCheck(result) ?? switchedOffWhenUnset(result, ctx.files) ?? optionalKeyCheck(result, ctx);
    if (optional) return optional;
    if (result.outcome === 'fail') {
      const keyed = sharedKeyChecks(ctx);
      if (keyed.length > 0) {
        const k = keyed[0]!;
        return partial(
          0.3,
          `Only a shared key guards ${keyed.length === 1 ? 'one route' : `${keyed.length} routes`}: ${k.path}:${k.line} compares the request's \`${k.groups[0]}\` with a configured secret and refuses a wrong one; no other endpoint authenticates its callers (no authentication library or middleware).`,
          [
            ...keyed
              .slice(0, 3)
              .map((m) =>
                fromMatch(m, 'request value compared with a configured secret (a shared key), refused when wrong'),
              ),
            ...result.evidence,
          ],
          { ...(result.data ?? {}), sharedKeyChecks: keyed.length },
        );
      }
    }
    const bare = dotnetScheme() ? undefined : ctx.matches('dotnet').find((m) => isProductionPath(m.path));
    if (bare && result.outcome !== 'pass')
      return {
        ...result,
        message: `${result.message} ${bare.path}:${bare.line} calls UseAuthentication(), but no authentication scheme is registered (no AddAuthentication/AddJwtBearer/AddCookie/AddIdentity) and no endpoint requires [Authorize]: it authenticates nobody.`,
        evidence: [
          ...result.evidence,
          { ...fromMatch(bare), note: 'authentication middleware with no scheme registered: not authentication' },
        ],
      };
    const off = [...permitAllFiles.values()].filter((x): x is PermitAll => !!x);
    if (off.length === 0) return result;
    const byDefault = off.find((x) => x.byDefault);
    const ev: Evidence[] = off.slice(0, 2).map((x) => ({
      path: x.path,
      line: x.line,
      snippet: x.snippet,
      note: x.byDefault
        ? `permits every request and is active by default (${x.byDefault}): authentication is off unless switched on`
        : 'permits every request (security switched off when this configuration is active): not authentication',
    }));
    const note = byDefault
      ? ` Authentication is off by default: ${byDefault.path}:${byDefault.line} permits every request (${byDefault.byDefault}).`
      : ` ${off[0]!.path}:${off[0]!.line} permits every request when active (not counted as authentication).`;
    return { ...result, message: `${result.message}${note}`, evidence: [...result.evidence, ...ev] };
  },
});

/** Where a request's value is read: h3/Nitro, Express/Koa, Flask/FastAPI/Django. */
const REQUEST_READ =
  /\b(?:getQuery|getRouterParams?|getHeaders?|readBody|getCookie)\s*\(\s*event\b|\b(?:req|request|ctx)\.(?:query|body|params|headers|cookies|args|form|GET|POST)\b|\bHeader\s*\(|\bQuery\s*\(/;
/** The comparison is refused on its line or the next two: return, throw, abort, 401/403. */
const REFUSAL = /\breturn\b|\bthrow\b|\babort\s*\(|\braise\b|\b40[13]\b|createError|sendError/;

/** Shared-key checks: a request value compared with a configured secret, refused when wrong. */
function sharedKeyChecks(ctx: RuleContext): Match[] {
  return ctx.matches('sharedKeyCompare').filter((m) => {
    if (!isProductionPath(m.path) || ctx.facts.componentOf(m.path) !== 'server') return false;
    const text = ctx.files.read(m.path) ?? '';
    const name = m.groups[0] ?? '';
    if (!REQUEST_READ.test(text)) return false;
    // The compared name is read from the request in this file (`const { key } = getQuery(event)`).
    const read = new RegExp(
      `\\b${escapeRe(name)}\\b[^\\n]{0,120}?(?:${REQUEST_READ.source})|(?:${REQUEST_READ.source})[^\\n]{0,80}?\\b${escapeRe(name)}\\b`,
    );
    if (!read.test(text)) return false;
    const near =
      ctx.files
        .lines(m.path)
        ?.range(m.line, m.line + 2)
        .join('\n') ?? m.snippet;
    return REFUSAL.test(near);
  });
}

/** An HMAC computed over a URL's path or the URL (a signed URL), not a request body. */
const SIGNED_URL =
  /\bhmac\.New\b[^\n]{0,200}\n(?:[^\n]{0,200}\n){0,3}?[^\n]{0,200}\.Write\(\s*\[\]byte\(\s*(?:path|url|uri|str)\b|\bsignatureFor\s*\(\s*(?:path|url|uri)\b|\bcreateHmac\s*\([^)]{0,200}\)\s*\.update\(\s*(?:path|url|uri|pathname)\b/i;

/** `app.UseAuthentication()`: the ASP.NET middleware that runs the registered schemes. */
const USE_AUTHN = /\bUseAuthentication\s*\(/;

/**
 * A Ktor plugin's file that checks credentials: the Authorization header of the call read
 * (`call.request.header(HttpHeaders.Authorization)`, `parseAuthorizationHeader()`) and a principal set
 * (`call.authentication.principal(…)`) or the call refused (`HttpStatusCode.Unauthorized`).
 */
const KTOR_HEADER_READ =
  /request\.(?:header\s*\(|headers\s*\[)\s*(?:HttpHeaders\.Authorization|"Authorization")|parseAuthorizationHeader\s*\(/;
const KTOR_ACCEPTS_OR_REFUSES = /\.principal\s*\(|HttpStatusCode\.Unauthorized/;

/**
 * Whether a Ktor file checks credentials (KTOR_HEADER_READ, then KTOR_ACCEPTS_OR_REFUSES after it): the
 * first header read is found and what follows it searched once. One pattern `read[\s\S]*?(principal)`
 * ran to the end of the file from every header read (1 MB took 8.3 s).
 */
export function ktorChecksCredentials(text: string): boolean {
  const read = KTOR_HEADER_READ.exec(text);
  return read !== null && KTOR_ACCEPTS_OR_REFUSES.test(text.slice(read.index + read[0].length));
}

/**
 * Whether the tokens signed are sent out: a bearer Authorization header of an outbound request built
 * within 15 lines of the signing call, or of a call of the function that signs (`$token =
 * JWTManager::generateToken();` above `'Authorization' => sprintf('Bearer %s', $token)`). Only the
 * files holding such a header are read.
 */
function signsForOutbound(ctx: RuleContext, signs: readonly Match[]): boolean {
  const headers = ctx.matches('bearerOut').filter((m) => isProductionPath(m.path));
  if (headers.length === 0) return false;
  const near = (h: Match, test: (line: string) => boolean) =>
    (ctx.files.lines(h.path)?.range(h.line - 15, h.line) ?? []).some(test);
  return signs.every((s) => {
    const lines = ctx.files.lines(s.path);
    let fn: string | undefined;
    for (let at = s.line; lines && at >= Math.max(1, s.line - 40) && !fn; at--)
      fn = ENCLOSING_FN.exec(lines.line(at))?.slice(1).find(Boolean);
    // Compiled once per signing call, not once per line of every header's neighbourhood.
    const calls = fn === undefined ? undefined : new RegExp(String.raw`\b${fn}\s*\(`);
    return headers.some(
      (h) =>
        (h.path === s.path && h.line >= s.line && h.line <= s.line + 15) ||
        (calls !== undefined && near(h, (l) => calls.test(l))),
    );
  });
}

/**
 * The function a line opens: `function generateToken(`, `def sign(`, `const issue = (`, a class
 * method with a modifier (TypeScript `private generateJwtToken(`, Java `public String sign(`).
 */
const ENCLOSING_FN =
  /\bfunction\s+(\w+)\s*\(|\bdef\s+(\w+)\s*\(|\b(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s*)?(?:\(|function\b)|\bfun\s+(\w+)\s*\(|^[ \t]*(?:(?:public|private|protected|static|async|override)[ \t]+){1,4}(\w+)[ \t]*[(<]|^[ \t]*(?:public|private|protected)[ \t]+(?:static[ \t]+)?(?:final[ \t]+)?[\w.]{1,60}(?:<[\w.<>, ?]{0,80}>)?[ \t]+(\w+)[ \t]*\(/;

const HAND_LABEL = 'credentials checked by hand (password hash or Authorization header)';

/**
 * Authentication written by hand that runs only when credentials are configured (`if r.userinfo !=
 * nil && !check(req.BasicAuth, …)`, Go): optional, off unless the operator sets them (round 21,
 * spegel registry.go:174). Where that is the only authentication, a partial that says so.
 */
function optionalHandCheck(result: ReturnType<typeof codeOrDeps>): ReturnType<typeof codeOrDeps> | null {
  if (result.outcome !== 'pass') return null;
  const code = result.evidence.filter((e) => e.line !== undefined && e.snippet);
  if (code.length === 0 || !code.every((e) => e.note === HAND_LABEL)) return null;
  const guard = code.map((e) => ({ e, g: /\b([\w.]+)\s*!=\s*nil\s*&&/.exec(e.snippet ?? '') }));
  if (!guard.every((x) => x.g)) return null;
  const first = guard[0]!;
  return {
    ...result,
    outcome: 'partial',
    score: 0.5,
    message: `Authentication is written by hand and optional: credentials are checked only when they are configured (${first.e.path}:${first.e.line}, when ${first.g![1]} is set); unset, every request is served.`,
    evidence: result.evidence.map((e) =>
      e.note === HAND_LABEL
        ? {
            ...e,
            note: `${HAND_LABEL}, only when ${/\b([\w.]+)\s*!=\s*nil/.exec(e.snippet ?? '')?.[1] ?? 'configured'} is set`,
          }
        : e,
    ),
  };
}

/**
 * Where a check is skipped when its secret is not configured: an early return above it, in the same
 * function, that lets the request through when a configured secret is empty (Go `if
 * len(r.config.Secret) == 0 { return h }`, JS `if (!process.env.API_KEY) return next()`, Python `if
 * not settings.API_KEY: return`). Authentication is then off unless the operator sets the secret
 * (blind round 24, imgproxy server/middlewares.go:48 and security/signature.go:13).
 */
export interface SkippedCheck {
  /** The secret the guard tests (`r.config.Secret`, `process.env.API_KEY`). */
  name: string;
  /** The line of the early return that lets the request through. */
  line: number;
  snippet: string;
}

/** A guard on an empty or missing value: the name it tests, per language. */
const EMPTY_GUARD: Record<'go' | 'js' | 'py', RegExp> = {
  go: /^\s*(?:\}\s*else\s+)?if\s+(?:len\(\s*([\w.]+)\s*\)\s*==\s*0|([\w.]+)\s*==\s*(?:""|nil))\s*(?:\|\||\{)/,
  js: /^\s*(?:\}\s*else\s+)?if\s*\(\s*(?:!\s*([\w.$?]+)|([\w.$?]+)\s*={2,3}\s*(?:undefined|null|''|""))\s*(?:\|\||\))/,
  py: /^\s*(?:el)?if\s+(?:not\s+([\w.]+)|([\w.]+)\s+is\s+None|([\w.]+)\s*==\s*(?:''|""))\s*(?:or\b|:)/,
};

/** An early return that serves the request (the next handler, `nil`/`true`, a bare `return`). */
const PASS_THROUGH: Record<'go' | 'js' | 'py', RegExp> = {
  go: /\breturn\s+(?:h|next|handler|nil|true)\s*$|\bnext\.ServeHTTP\s*\(|\bc\.Next\s*\(\s*\)|\breturn\s+next\s*\(/,
  js: /\breturn\s+(?:await\s+)?next\s*\(\s*\)|\bnext\s*\(\s*\)\s*;?\s*return\b|\breturn\s+true\b/,
  py: /\breturn\s*$|\breturn\s+None\s*$|\breturn\s+True\s*$|\breturn\s+(?:await\s+)?(?:call_next|(?:self\.)?get_response|self\.app|app)\s*\(/,
};

/** A name that holds configuration: a settings object or the environment (any case). */
const CONFIG_NAME = /(?:^|\.)(?:config|cfg|conf|settings|options|opts|env|environ|app\.config)\.|\bprocess\.env\./i;
/** A constant's name (`API_KEY`, `settings.SECRET`): upper case only, so never `token` or `.authorization`. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]{2,}$|\.[A-Z][A-Z0-9_]{2,}$/;
/** What the request carries (`req.headers…`, `request.cookies`, `r.Header.Get(…)`): never configuration. */
const FROM_REQUEST =
  /\b(?:req|request|ctx\.request|c\.Request|r)\.(?:headers?|Header|query|body|params|cookies|args|form|GET|POST|META)\b|\bFormValue\s*\(|\bc\.(?:GetHeader|Query|Param|Cookie)\s*\(/;
/** A name of a secret (`Secret`, `apiKey`, `Keys`, `AUTH_TOKEN`, `password`). */
const SECRET_NAME = /secret|key|token|passw|credential|salt|auth/i;

/**
 * The early return above line `line` (1-based, within the same function: the scan stops at a
 * top-level line, or a Python `def`) that serves the request when a configured secret is empty; null
 * where the check always runs.
 */
export function skippedWhenUnset(lines: Lines | undefined, path: string, line: number): SkippedCheck | null {
  if (!lines) return null;
  const lang = /\.go$/.test(path) ? 'go' : /\.py$/.test(path) ? 'py' : /\.(?:[cm]?[jt]sx?)$/.test(path) ? 'js' : null;
  if (!lang) return null;
  // The guard at line n, with its early return before line `until`.
  const guardAt = (n: number, until: number): SkippedCheck | null => {
    const text = lines.bare(n);
    const g = EMPTY_GUARD[lang].exec(text);
    if (!g) return null;
    const name = (g[1] ?? g[2] ?? g[3] ?? '').replace(/\?/g, '');
    if (!SECRET_NAME.test(name.split('.').pop() ?? '')) return null;
    // A value the request carries (`const token = req.headers.authorization; if (!token) return next()`)
    // is missing from this request, not unset in configuration: no switch.
    if (FROM_REQUEST.test(name) || fromRequest(lines, name, n)) return null;
    if (!(CONFIG_NAME.test(name) || CONSTANT_NAME.test(name) || fromConfig(lines, name, n))) return null;
    // The return on the guard's line, or in the block below it (to the line that closes it: back at
    // the guard's indentation), at most 8 lines.
    const indent = /^\s*/.exec(text)![0].length;
    if (PASS_THROUGH[lang].test(text.slice(g[0].length).trim())) return { name, line: n, snippet: text.trim() };
    for (let k = n + 1; k <= Math.min(lines.count, n + 8, until); k++) {
      const body = lines.bare(k);
      if (body.trim() === '') continue;
      if (/^\s*/.exec(body)![0].length <= indent) break;
      if (PASS_THROUGH[lang].test(body.trim())) return { name, line: k, snippet: body.trim() };
    }
    return null;
  };
  // Above the check, in the same function: the scan stops at a top-level line (a Python `def`).
  for (let n = line - 1; n >= Math.max(1, line - 40); n--) {
    const found = guardAt(n, line - 1);
    if (found) return found;
    const text = lines.bare(n);
    if (lang === 'py' ? /^\s*(?:async\s+)?def\s|^\S/.test(text) : /^\S/.test(text) && !/^\/[/*]|^\*/.test(text)) break;
  }
  // The check cited at the function's header (a Go middleware `func auth(next http.Handler) http.Handler {`):
  // the first lines of its body.
  const head = lines.bare(line);
  if (lang === 'py' ? /^\s*(?:async\s+)?def\s.*:\s*$/.test(head) : /\{\s*$/.test(head)) {
    const indent = /^\s*/.exec(head)![0].length;
    for (let n = line + 1; n <= Math.min(lines.count, line + 10); n++) {
      const text = lines.bare(n);
      if (text.trim() !== '' && /^\s*/.exec(text)![0].length <= indent) break;
      const found = guardAt(n, n + 8);
      if (found) return found;
    }
  }
  return null;
}

/** Whether a local `name` is read from the request in the lines above `at` (`const token = req.headers.authorization`). */
function fromRequest(lines: Lines, name: string, at: number): boolean {
  if (!/^\w+$/.test(name)) return false;
  const assign = new RegExp(String.raw`\b${name}\s*(?::=|=)\s*([^=\n].*)$`);
  for (let n = at - 1; n >= Math.max(1, at - 30); n--) {
    const m = assign.exec(lines.bare(n));
    if (m) return FROM_REQUEST.test(m[1]!);
  }
  return false;
}

/** Whether a local `name` is read from configuration in the lines above `at` (`apiKey := cfg.APIKey`). */
function fromConfig(lines: Lines, name: string, at: number): boolean {
  if (!/^\w+$/.test(name)) return false;
  const assign = new RegExp(
    String.raw`\b${name}\s*(?::=|=)\s*[^=\n]*(?:config|cfg|[Ee]nv|Getenv|settings|options|opts)`,
    'i',
  );
  for (let n = at - 1; n >= Math.max(1, at - 30); n--) if (assign.test(lines.bare(n))) return true;
  return false;
}

/**
 * Hand-written authentication every check of which is skipped when its secret is unset
 * (skippedWhenUnset): optional, off unless configured, a partial that names the secret and the
 * early return. A library's wiring, or one check that always runs, keeps the pass.
 */
function switchedOffWhenUnset(
  result: ReturnType<typeof codeOrDeps>,
  files: FileView,
): ReturnType<typeof codeOrDeps> | null {
  if (result.outcome !== 'pass') return null;
  const data = result.data as { libraries?: unknown[] } | undefined;
  if ((data?.libraries?.length ?? 0) > 0) return null;
  const code = result.evidence.filter((e) => e.line !== undefined && e.snippet);
  if (code.length === 0) return null;
  const skips = code.map((e) => skippedWhenUnset(files.lines(e.path), e.path, e.line!));
  if (!skips.every(Boolean)) return null;
  const at = (i: number) => `${code[i]!.path}:${skips[i]!.line}`;
  const names = [...new Set(skips.map((s) => s!.name))];
  return {
    ...result,
    outcome: 'partial',
    score: 0.5,
    message:
      names.length === 1
        ? `Authentication is written by hand and optional: switched off when ${names[0]} is unset (${skips.map((_, i) => at(i)).join(', ')} return${skips.length === 1 ? 's' : ''} before the check); unset, every request is served.`
        : `Authentication is written by hand and optional: each check is switched off when its secret is unset (${skips.map((x, i) => `${x!.name}: ${at(i)}`).join('; ')} return before the check); with none set, every request is served.`,
    evidence: [
      ...result.evidence.map((e) => {
        const i = code.indexOf(e);
        return i < 0 ? e : { ...e, note: `${e.note}, only when ${skips[i]!.name} is set` };
      }),
      ...code.map((e, i) => ({
        path: e.path,
        line: skips[i]!.line,
        snippet: skips[i]!.snippet,
        note: `the request is served without the check when ${skips[i]!.name} is unset: authentication switched off`,
      })),
    ],
  };
}

const KEY_LABEL = 'API key checked by hand (a request header compared with the configured key, refused with 401/403)';

/**
 * A comparison that lets everyone through when the configured key is empty: Kotlin/Java
 * `publishToken.isNullOrEmpty() ||`, `key == null ||`, Go `cfg.Key == "" ||`, `len(key) == 0 ||`, JS
 * `!config.apiKey ||`, Python `not settings.API_KEY or`, or an early `return true` under such a test.
 * The name it tests is group 1-6.
 */
const EMPTY_OR =
  /\b([\w.]{1,80})\s*\.\s*(?:isNullOrEmpty|isNullOrBlank|isEmpty|isBlank)\s*\(\s*\)\s*(?:\|\||\)\s*return\s+true\b)|\b([\w.]{1,80})\s*===?\s*(?:null|nil|None|""|'')\s*\|\||\blen\(\s*([\w.]{1,80})\s*\)\s*==\s*0\s*\|\||(?:^|[(=\s])!\s*([\w.$]{1,80})\s*\|\||\bnot\s+([\w.]{1,80})\s+or\b|\b([\w.]{1,80})\s+is\s+None\s+or\b/;

/**
 * Key checks handed to a validator the project wrote (`authService.isAuthValid(call.request.header(…))`)
 * whose definition passes every request when the configured key is empty (`fun isAuthValid(t: String?) =
 * authConfig.publishToken.isNullOrEmpty() || authConfig.publishToken == t`): authentication off unless the
 * operator sets the key — partial, citing the definition (blind round 37, a Ktor server's publish token).
 */
function optionalKeyCheck(
  result: ReturnType<typeof codeOrDeps>,
  ctx: RuleContext,
): ReturnType<typeof codeOrDeps> | null {
  if (result.outcome !== 'pass') return null;
  const data = result.data as { libraries?: unknown[] } | undefined;
  if ((data?.libraries?.length ?? 0) > 0) return null;
  const code = result.evidence.filter((e) => e.line !== undefined && e.snippet);
  if (code.length === 0 || !code.every((e) => e.note === KEY_LABEL)) return null;
  const defs = ctx.matches('keyValidatorDef').filter((m) => isProductionPath(m.path));
  const skips = code.map((e) => {
    const name = VALIDATOR_CALL.exec(ctx.files.lines(e.path)?.line(e.line!) ?? '')?.[1];
    const def = name === undefined ? undefined : defs.find((d) => d.groups[0] === name);
    if (!def) return null;
    const lines = ctx.files.lines(def.path);
    const params = /\(([^)]{0,200})/.exec(lines?.line(def.line) ?? '')?.[1] ?? '';
    for (let n = def.line; lines && n <= Math.min(lines.count, def.line + 8); n++) {
      const g = EMPTY_OR.exec(lines.bare(n));
      const tested = g?.slice(1).find(Boolean);
      // A parameter (the request's token) missing is no switch; the configured key empty is.
      if (!g || !tested || !SECRET_NAME.test(tested.split('.').pop() ?? '')) continue;
      if (new RegExp(String.raw`\b${escapeRe(tested.split('.')[0]!)}\b`).test(params)) continue;
      return { name: tested, path: def.path, line: n, snippet: lines.bare(n).trim().slice(0, 160) };
    }
    return null;
  });
  if (!skips.every(Boolean)) return null;
  const first = skips[0]!;
  const names = [...new Set(skips.map((x) => x!.name))];
  return {
    ...result,
    outcome: 'partial',
    score: 0.5,
    message: `Authentication is written by hand and optional: the key check lets every request through when ${listOf(names)} is empty (${first.path}:${first.line}); unset, every request is served.`,
    evidence: [
      ...result.evidence.map((e) =>
        e.note === KEY_LABEL ? { ...e, note: `${KEY_LABEL}, only when the key is set` } : e,
      ),
      ...[...new Map(skips.map((x) => [`${x!.path}:${x!.line}`, x!])).values()].map((x) => ({
        path: x.path,
        line: x.line,
        snippet: x.snippet,
        note: `every request passes when ${x.name} is empty: authentication switched off unless configured`,
      })),
    ],
  };
}

const listOf = (names: string[]) =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

interface PermitAll {
  path: string;
  line: number;
  snippet: string;
  /** The setting that makes it the default (`petclinic.security.enable=false in application.properties`). */
  byDefault?: string;
}

/**
 * A Spring security configuration that permits every request (`anyRequest().permitAll()` or
 * `"/**").permitAll()`) and configures no login (httpBasic, formLogin, oauth2, `authenticated()`).
 * Active by default when its `@ConditionalOnProperty` value is what application.properties/yml sets
 * (or `matchIfMissing = true`).
 */
function permitAll(files: FileView, path: string): PermitAll | null {
  const text = files.read(path);
  if (!text || !/\.permitAll\s*\(/.test(text)) return null;
  const lines = text.split('\n');
  const i = lines.findIndex((l) =>
    /anyRequest\s*\(\s*\)\s*\.\s*permitAll\s*\(|["']\/\*\*["']\s*\)\s*\.\s*permitAll\s*\(/.test(l),
  );
  if (i < 0) return null;
  if (
    /\.(?:httpBasic|formLogin|oauth2ResourceServer|oauth2Login|x509|jee)\s*\(|\.authenticated\s*\(|\.hasRole\s*\(|\.hasAuthority\s*\(/.test(
      text,
    )
  )
    return null;
  const out: PermitAll = { path, line: i + 1, snippet: lines[i]!.trim().slice(0, 120) };
  const cond = /@ConditionalOnProperty\s*\(([^)]*)\)/.exec(text);
  if (cond) {
    const args = cond[1]!;
    const name = /(?:name|value)\s*=\s*"([^"]+)"/.exec(args)?.[1] ?? /^\s*"([^"]+)"/.exec(args)?.[1];
    const having = /havingValue\s*=\s*"([^"]*)"/.exec(args)?.[1];
    if (name) {
      const set = propertyValue(files, name);
      if (set && having !== undefined && set.value.toLowerCase() === having.toLowerCase())
        out.byDefault = `${name}=${set.value} in ${set.path}`;
      else if (!set && /matchIfMissing\s*=\s*true/.test(args)) out.byDefault = `${name} unset: matchIfMissing = true`;
    }
  }
  return out;
}

/** A property's value in the main application.properties (or application.yml, flat key only). */
function propertyValue(files: FileView, name: string): { path: string; value: string } | null {
  const esc = escapeRe(name);
  for (const p of files.match(['**/src/main/resources/application.properties'])) {
    const m = new RegExp(`^[ \\t]*${esc}[ \\t]*[=:][ \\t]*(\\S*)`, 'm').exec(files.read(p) ?? '');
    if (m) return { path: p, value: m[1]! };
  }
  return null;
}
