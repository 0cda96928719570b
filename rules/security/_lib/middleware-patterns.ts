/** Content patterns of security-middleware: the line that registers each kind of HTTP hardening. */
import type { PatternSpec } from '../../../src/types.js';
import { DEV_CONDITION } from '../../../src/facts/dev-branch.js';
import { table } from '../../../src/util/table.js';
import { NGINX_FILES } from '../../../src/facts/proxy.js';

const CODE = [
  '**/*.{js,ts,mjs,cjs,jsx,tsx,py,go,java,kt,cs,rb,php,rs,scala,groovy,ex,exs}',
  '**/*.{yml,yaml,properties}',
  '**/web.config',
];

/** Import/using/require lines name a library; they do not install it. */
export const IMPORT_LINE =
  /^\s*(?:from\s+\S+\s+import\b|import\s|using\s+[\w.]+\s*;|require(?:_once)?\s*[('"]|use\s+[\w\\]+(?:\s+as\s+\w+)?\s*;|(?:const|let|var)\s+[\w{}\s,]+=\s*require\s*\()/;

export const MIDDLEWARE_PATTERNS: Record<string, PatternSpec> = table({
  // Files that import @fastify/autoload: the folders they autoload register every plugin module in them
  // (src/facts/fastify-autoload.ts).
  autoloadImport: {
    regex: /['"]@fastify\/autoload['"]/,
    files: ['**/*.{ts,js,mjs,cjs,mts,cts}'],
    literals: ['@fastify/autoload'],
    maxPerFile: 1,
  },
  headers: {
    regex:
      /\bhelmet\s*\(|\blusca\.(?:xframe|xssProtection|nosniff|csp|referrerPolicy)\s*\(|\blusca\s*\(\s*\{|\bhelmet\.(?:New|Default)\s*\(|register\(\s*(?:require\(\s*['"]@fastify\/helmet['"]\s*\)|fastifyHelmet|helmet)\b|\bsecureHeaders\s*\(|\bTalisman\s*\(|\bhelmet\.(?:contentSecurityPolicy|crossOrigin\w+Policy|dnsPrefetchControl|expectCt|frameguard|hidePoweredBy|ieNoOpen|noSniff|originAgentCluster|permittedCrossDomainPolicies|referrerPolicy|xssFilter|x[A-Z]\w+)\s*\(|middleware\.security\.SecurityMiddleware\b|middleware\.clickjacking\.XFrameOptionsMiddleware\b|secure\.New\s*\(|middleware\.Secure(?:WithConfig)?\s*\(|\bsecure_headers\b|SecureHeaders|\.headers\s*\(\s*(?:\w+\s*->|Customizer|\{)|UseSecurityHeaders|AddSecurityHeaderPolicies|X-Content-Type-Options|Content-Security-Policy|UseXContentTypeOptions|UseCsp\s*\(|CSPMiddleware|action_dispatch\.default_headers|SetResponseHeaderLayer|x_frame_options|X-Frame-Options|Cross-Origin-(?:Opener|Embedder|Resource)-Policy|Referrer-Policy|Permissions-Policy|\bput_secure_browser_headers\b|\bPlugContentSecurityPolicy\b|\.(?:insert|append|typed_insert)\s*\(\s*(?:(?:axum::)?(?:http::)?header::)?(?:X_FRAME_OPTIONS|X_CONTENT_TYPE_OPTIONS|CONTENT_SECURITY_POLICY|REFERRER_POLICY)\b|\b(?:SetResponseHeader(?:Layer)?|set_header::\w+)::(?:overriding|if_not_present|appending)\s*\(\s*(?:(?:axum::)?(?:http::)?header::)?(?:X_FRAME_OPTIONS|X_CONTENT_TYPE_OPTIONS|CONTENT_SECURITY_POLICY|REFERRER_POLICY)\b/,
    files: CODE,
    literals: [
      'lusca',
      'helmet',
      'Helmet',
      'ecureHeaders',
      'SecurityHeader',
      'Talisman',
      'SecurityMiddleware',
      // Django's clickjacking middleware sends X-Frame-Options on every response (round 22, pokeapi).
      'XFrameOptionsMiddleware',
      'secure.New',
      'Secure',
      'secure_headers',
      '.headers(',
      'X-Content-Type-Options',
      'Content-Security-Policy',
      'XContentTypeOptions',
      'UseCsp',
      'CSPMiddleware',
      'default_headers',
      'SetResponseHeader',
      'X-Frame-Options',
      'x_frame_options',
      // A security header set by hand (`response.headers["Cross-Origin-Opener-Policy"] = …`).
      'Cross-Origin-',
      'Referrer-Policy',
      'Permissions-Policy',
      // Phoenix: `plug :put_secure_browser_headers` in the browser pipeline; plug_content_security_policy.
      'put_secure_browser_headers',
      'PlugContentSecurityPolicy',
      // Rust http's header constants inserted by a hand-written axum/tower middleware
      // (`headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"))`; blind round 46).
      'X_FRAME_OPTIONS',
      'X_CONTENT_TYPE_OPTIONS',
      'CONTENT_SECURITY_POLICY',
      'REFERRER_POLICY',
    ],
  },
  // Symfony's NelmioCorsBundle is configured by its top-level `nelmio_cors:` key; Ktor's CORS plugin
  // by `install(CORS) { allowHost(…) }` (its origins lines are in the block, `anyHost()` is any origin).
  // A CORS middleware mounted without its origins on the same line: django-cors-headers in MIDDLEWARE
  // (its origins are settings of their own). What the message says of CORS when no policy is found.
  corsMounted: {
    regex: /['"]corsheaders\.middleware\.CorsMiddleware['"]/,
    files: ['**/*.py'],
    literals: ['corsheaders'],
    maxPerFile: 1,
  },
  cors: {
    regex:
      /\bcors\s*\(|CORSMiddleware|\bCORS\s*\(|CORS_ALLOWED_ORIGINS|CORS_ORIGIN_WHITELIST|cors\.(?:New|Default|AllowAll)\s*\(|handlers\.CORS|middleware\.CORS(?:WithConfig)?\s*\(|@CrossOrigin|CorsConfiguration|addCorsMappings|\.cors\s*\(\s*(?:\w+\s*->|Customizer)|AddCors\s*\(|UseCors\s*\(|Rack::Cors|CorsLayer|Cors::(?:default|permissive)\s*\(|enableCors\s*\(|['"]?allowed_origins['"]?\s*(?:=>|:)|register\(\s*(?:require\(\s*['"]@fastify\/cors['"]\s*\)|fastifyCors|cors)\b|\.(?:Header\(\)\.Set|set|setHeader|header)\(\s*(?:["']Access-Control-Allow-Origin["']|(?:\w+\.)*AccessControlAllowOrigin\b)\s*,|(?<![^\n])nelmio_cors[ \t]*:|\binstall\(\s*CORS\s*\)|\bplug[ \t]*(?:\([ \t]*)?(?:CORSPlug|Corsica)\b|(?<![^\n])[ \t]*(?:%[\w,-]{1,60}\.)?quarkus\.http\.cors\.origins[ \t]*=[ \t]*\S/,
    files: CODE,
    // A Go middleware that sets the header through a constant (`rw.Header().Set(httpheaders.AccessControlAllowOrigin,
    // cfg.AllowOrigin)`, blind round 24 imgproxy middlewares.go:38).
    literals: [
      'cors',
      'CORS',
      'Cors',
      'allowed_origins',
      'Access-Control-Allow-Origin',
      'AccessControlAllowOrigin',
      '@CrossOrigin',
      // Elixir: `plug CORSPlug, origin: [...]`, `plug Corsica, origins: [...]`.
      'CORSPlug',
      'Corsica',
    ],
  },
  // NestJS: the CORS policy given to the application factory (`NestFactory.create(AppModule, { cors: … })`);
  // its options are read from the lines under the call.
  nestFactory: {
    regex: /\bNestFactory\.create\b/,
    files: CODE,
    literals: ['NestFactory'],
  },
  // Rust: actix-cors and warp `.allow_any_origin()`, tower-http `.allow_origin(Any)` /
  // `AllowOrigin::any()`, rocket_cors `AllowedOrigins::all()`; Go: gin-contrib/cors
  // `AllowAllOrigins: true`, Fiber `AllowOrigins: "*"` (blind round 40, an actix app credited for
  // `Cors::default().allow_any_origin()`).
  // Blanks around an optional `[`, `(`, list call or lambda parameter belong to one part only
  // (`\s*\[?\s*` and `\s*_?\w*\s*` let two runs share them).
  corsAny: {
    regex:
      /allow_origins\s*=\s*\[\s*["']\*["']\s*\]|\borigins?\s*:\s*(?:["'`]\*["'`]|true\b)|AllowAnyOrigin\s*\(|Access-Control-Allow-Origin["']?\s*[,:]\s*["']\*|\bAccessControlAllowOrigin\s*,\s*["']\*|CORS_ORIGIN_ALLOW_ALL\s*=\s*True|CORS_ALLOW_ALL_ORIGINS\s*=\s*True|Allow(?:ed)?Origins:\s*\[\]string\{\s*"\*"|allowedOrigin(?:s|Patterns)\s*\(\s*"\*"|\borigins(?:\s*[=(]\s*|[ \t]+)(?:[[{]\s*)?["']\*["']|\bcors\.origins[ \t]*[=:][ \t]*(?:\*|\/\.\*\/)[ \t]*$|(?:\(\s*|,\s*)cors\(\s*\)|(?:setAllowedOrigin(?:s|Patterns)|addAllowedOrigin(?:Pattern)?)\s*\(\s*(?:(?:(?:Arrays\.)?asList|List\.of|Collections\.singletonList)\s*\(\s*)?"\*"|enableCors\(\s*\)|cors\.(?:Default|AllowAll)\(\s*\)|middleware\.CORS\(\s*\)|CorsLayer::(?:permissive|very_permissive)\(|Cors::permissive\(|\.allow_any_origin\(\s*\)|AllowOrigin::any\(\s*\)|\.allow_origin\(\s*(?:(?:tower_http::)?cors::)?Any\s*\)|\.allow_origin\(\s*"\*"\s*\)|AllowedOrigins::all\(\s*\)|\bAllowAllOrigins\s*:\s*true\b|\bAllowOrigins\s*:\s*"\*"|SetIsOriginAllowed\(\s*(?:\w+\s*)?=>\s*true|allow_origin_regex\s*=\s*["']\.\*|\bCORS\(\s*app\s*\)|['"]allowed_origins['"]\s*=>\s*\[\s*['"]\*['"]|@CrossOrigin(?:\s*\(\s*\))?\s*$|@CrossOrigin\(\s*(?:exposedHeaders|allowedHeaders|methods|maxAge|allowCredentials)\b(?![^)\n]{0,120}\borigin)|^[ \t]*allow_origin[ \t]*:[ \t]*\[[ \t]*['"]\*['"]|^[ \t]*anyHost\(\s*\)/m,
    files: CODE,
    // `@CrossOrigin` with no origins (or `origins = "*"`) answers every origin: Spring's default is `*`.
    literals: ['origin', 'Origin', 'cors', 'CORS', 'Cors', 'anyHost'],
  },
  // A Spring property that allows any origin (`app.cors.allowed-origins=*`, YAML
  // `allowed-origin-patterns: "*"`): read by a CORS mapping whose origins come from configuration
  // (`.allowedOriginPatterns(props.allowedOrigins())`), it opens the API to every site (round 12).
  corsOriginsSetting: {
    regex:
      /^[ \t]*(?:[\w-]+\.)*(?:allowed-origins|allowed-origin-patterns|allowedOrigins|allowedOriginPatterns)[ \t]*[=:][ \t]*["']?\*["']?[ \t]*$/m,
    files: ['**/application*.{properties,yml,yaml}', '**/bootstrap*.{properties,yml,yaml}'],
    literals: ['llowed-origin', 'llowedOrigin'],
    maxPerFile: 2,
  },
  // A CORS mapping whose origins come from code, not a literal (`.allowedOrigins(props.origins())`).
  corsOriginsFromConfig: {
    regex: /\.allowedOrigin(?:s|Patterns)\s*\(\s*(?!["\s)])[\w.]+\s*\(\s*\)\s*\)/,
    files: ['**/*.{java,kt}'],
    literals: ['allowedOrigin'],
    maxPerFile: 2,
  },
  // Origins taken from a setting (`allow_origins=settings.allowed_hosts`): any origin when the
  // setting's default is ["*"] (corsStarDefault), resolved by name in the rule.
  corsFromSetting: {
    regex: /\ballow_origins\s*=\s*(?:\w+\.)+(\w+)\s*(?:[,)]|$)/m,
    files: ['**/*.py'],
    literals: ['allow_origins'],
  },
  // A settings field or constant whose default is any origin: `allowed_hosts: List[str] = ["*"]`.
  corsStarDefault: {
    regex: /^[ \t]*(\w+)[ \t]*(?::[ \t]*[\w.]+(?:\[[\w., \t]*\])?[ \t]*)?=[ \t]*\[[ \t]*["']\*["'][ \t]*\]/m,
    files: ['**/*.py'],
    literals: ['"*"', "'*'"],
    maxPerFile: 4,
  },
  // Django settings that set CORS for any origin, whatever the value: a production settings module
  // that sets it to anything but True overrides the base module's permissive development value.
  djangoCorsAll: {
    regex: /^[ \t]*(?:CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL)[ \t]*=[ \t]*(\S[^\n]*)/m,
    files: ['**/*.py'],
    literals: ['CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL'],
  },
  // A line inside a development-only branch is not production policy (src/facts/dev-branch.ts):
  // files that name such a condition are read again to see what it encloses.
  devGuard: { regex: DEV_CONDITION, files: CODE, maxPerFile: 1 },
  // Django: a middleware class the project wrote counts where a settings module lists its dotted
  // path (`"djangoproject.middleware.CORSMiddleware"`), not where it is defined.
  pyMiddlewareClass: {
    regex: /^class[ \t]+(\w*Middleware)\b/m,
    files: ['**/*.py'],
    literals: ['Middleware'],
  },
  middlewareRef: {
    regex: /["'](?:\w+\.)+(\w*Middleware)["']/,
    files: ['**/*.py'],
    literals: ['Middleware'],
  },
  // Flask-CORS origins set in the app's configuration (`CORS_ORIGINS = [...]`, `CORS_RESOURCES`).
  flaskCorsOrigins: {
    regex: /^[ \t]*(?:[\w.]+\[['"])?CORS_(?:ORIGINS|RESOURCES)\b(?:['"]\])?[ \t]*=/m,
    files: ['**/*.py'],
    literals: ['CORS_ORIGINS', 'CORS_RESOURCES'],
  },
  // The credentials header set by hand counts in every spelling: a call's argument (`.Set("…", "true")`),
  // a PHP header line (`header('Access-Control-Allow-Credentials: true')`), an index assignment
  // (`response['Access-Control-Allow-Credentials'] = 'true'`) or an nginx `add_header … true`.
  credentials: {
    regex:
      /allow_credentials\s*=\s*True|\bcredentials\s*:\s*true|(?<!\w)AllowCredentials\s*\(\s*\)|AllowCredentials:\s*true|allowCredentials\s*(?:\(\s*true|[:=]\s*true)|setAllowCredentials\s*\(\s*true|CORS_ALLOW_CREDENTIALS\s*=\s*True|supports_credentials\s*=\s*True|CORS_SUPPORTS_CREDENTIALS\s*=\s*True|['"]supports_credentials['"]\s*=>\s*true|allow_credentials\s*\(\s*true|[Aa]ccess-[Cc]ontrol-[Aa]llow-[Cc]redentials["']?[ \t]*(?:\][ \t]*)?(?:(?:[,:]|=>?)[ \t]*)?["']?true\b|\bAccessControlAllowCredentials\s*,\s*["']true/,
    files: [...CODE, ...NGINX_FILES],
    literals: ['redentials', 'REDENTIALS'],
  },
  // Access-Control-Allow-Origin set on a response by hand, with the value it is given (group 1): a
  // header call's argument (Go `w.Header().Set`/`Add`, `res.setHeader`, `response.addHeader`,
  // `self.set_header`), an index assignment (`response['…'] = …`, `headers['…'] = …`), an object key
  // (`writeHead(200, {'…': …})`), a PHP header line (`header('…: …')`), nginx/Apache/Caddy header
  // directives. The rule reads what the value is: `*`, the request's own Origin sent back, or a
  // configured origin.
  corsByHand: {
    regex:
      /(?:["'`]Access-Control-Allow-Origin["'`][ \t]*(?:\][ \t]*)?(?:,|=>|=(?!=)|:)|\bAccessControlAllowOrigin[ \t]*,|["']Access-Control-Allow-Origin:|(?<![\w-])(?:add_header|more_set_headers|header|Header[ \t]+(?:always[ \t]+)?(?:set|add))[ \t]+["']?Access-Control-Allow-Origin\b:?["']?)[ \t]*([^\n]{0,160})/i,
    files: [...CODE, ...NGINX_FILES, '**/.htaccess', '**/*.{caddy,caddyfile}', '**/Caddyfile'],
    literals: ['Access-Control-Allow-Origin', 'AccessControlAllowOrigin'],
    ignoreCase: true,
    maxPerFile: 8,
  },
  // An option that switches HSTS off (`helmet({ hsts: false })`, `strictTransportSecurity: false`):
  // the option's name is not its presence (issue 15).
  hstsOff: {
    regex: /\b(?:hsts|strictTransportSecurity)\s*:\s*false\b/,
    files: CODE,
    literals: ['hsts', 'TransportSecurity'],
  },
  // Django settings read from the environment with a secure default are set: production gets the
  // default unless someone turns it off (`SECURE_SSL_REDIRECT = config("…", default=not DEBUG)`,
  // `env.bool("…", default=True)`, `SECURE_HSTS_SECONDS = env.int("…", default=31536000)`; blind
  // round 28, kitsune settings.py:624). A default of False or 0 leaves it off.
  // Rack: `use Rack::SSL` (rack-ssl) and `use Rack::SslEnforcer` (rack-ssl-enforcer) redirect to HTTPS and
  // send HSTS (blind round 37, a Sinatra config.ru).
  // Phoenix: `plug Plug.SSL` or `plug(Plug.SSL, …)` in the endpoint, `force_ssl: [hsts: true]` in the
  // endpoint's config (Plug.SSL redirects to HTTPS and sends HSTS by default), or the header put by hand.
  https: {
    regex:
      /\bUseHsts\s*\(|STSSeconds:\s*[1-9]|\blusca\.hsts\s*\(|UseHttpsRedirection\s*\(|HTTPSRedirectMiddleware|SECURE_SSL_REDIRECT\s*=\s*(?:True|not\s+DEBUG\b)|SECURE_HSTS_SECONDS\s*=\s*[1-9]|(?:SECURE_SSL_REDIRECT|SECURE_HSTS_SECONDS)\s*=\s*[\w.]{1,40}\(\s*["']\w{1,80}["']\s*,\s*(?:default\s*=\s*)?(?:True\b|not\s+DEBUG\b|["']?[1-9]|["'](?:true|True|on|yes)["'])|\bhsts\s*\(|strictTransportSecurity(?!\s*:\s*false\b)|Strict-Transport-Security|force_ssl\s*=\s*(?!false\b|nil\b)\S|requiresSecure\s*\(|requireHttps|force_https\s*[=:]\s*(?:True|true|1)\b|SSLRedirect\s*:\s*true|HttpsRedirection|express-sslify|enforceHTTPS|\.httpStrictTransportSecurity\s*\(|\bplug[ \t]*(?:\([ \t]*)?Plug\.SSL\b|\bforce_ssl:[ \t]*\[|\bput_resp_header\([^\n]{0,60}?["']strict-transport-security["']|\buse[ \t]+Rack::SSL\b|\buse[ \t]+Rack::SslEnforcer\b|\.(?:insert|append)\s*\(\s*(?:(?:axum::)?(?:http::)?header::)?STRICT_TRANSPORT_SECURITY\b|::(?:overriding|if_not_present|appending)\s*\(\s*(?:(?:axum::)?(?:http::)?header::)?STRICT_TRANSPORT_SECURITY\b/,
    // fly.toml `[http_service] force_https = true`: Fly's proxy redirects HTTP to HTTPS.
    files: [...CODE, '**/fly*.toml', '**/*.ru'],
    literals: [
      'STSSeconds',
      'Hsts',
      'Https',
      'HTTPS',
      'SSL',
      'hsts',
      'Strict',
      'strict',
      'force_ssl',
      'Secure',
      'sslify',
      'https',
      'Plug.SSL',
      'force_ssl',
      'strict-transport-security',
      'STRICT_TRANSPORT_SECURITY',
    ],
  },
  // A header set through a constant that names it (`w.Header().Set(httpheaders.ContentSecurityPolicy, csp)`):
  // where a header-name constant is declared (`StrictTransportSecurity = "Strict-Transport-Security"`),
  // only such a call sets the header (blind round 24, imgproxy headers.go:58 declared, never set).
  headerConstSet: {
    // The argument is judged in the rule (its last name holds a header word).
    regex: /\.(?:Set|Add|set|append|setHeader|header|Append|AddHeader|addHeader|put)\s*\(\s*([\w.]+)\s*,/,
    files: ['**/*.{js,ts,mjs,cjs,py,go,java,kt,cs,rb,php,rs,scala}'],
    literals: ['Security', 'Policy', 'Frame', 'Options', 'Hsts', 'HSTS', 'Csp', 'CSP'],
    maxPerFile: 10,
  },
  // A hand-written redirect to HTTPS builds the URL from the request's host: `"https://%s%s"`,
  // `` `https://${host}` ``, `"https://" + host`. Counted on a line that redirects.
  httpsRedirect: {
    regex: /["'`]https:\/\/(?:%s|\$\{|["'`]\s*[+.])/,
    files: CODE,
    literals: ['https://'],
    maxPerFile: 2,
  },
  // Go: the request's URL rewritten to https (`targetURL.Scheme = "https"`, `= httpsScheme`) and
  // sent back with http.Redirect a few lines below (round 22, oauth2-proxy redirect_to_https.go).
  schemeRedirect: {
    // The value is read in the rule (`"https"` or an identifier naming https): no two quantifiers share a character here.
    regex: /\.Scheme[ \t]*=[ \t]*("https"|\w+)[ \t]*$/m,
    files: ['**/*.go'],
    literals: ['Scheme'],
    maxPerFile: 1,
  },
  // Symfony: `framework: csrf_protection: ~` (or true) turns on CSRF tokens for its forms; a login
  // authenticator's `new CsrfTokenBadge(…)`, a controller's `isCsrfTokenValid(…)` or `#[IsCsrfTokenValid]`,
  // and `enable_csrf: true` on a firewall's form_login or logout check a token (blind round 35, davis).
  // ASP.NET: `[ValidateAntiForgeryToken]` and the global `AutoValidateAntiforgeryTokenAttribute`
  // filter (lower-case "forgery"; blind round 36, EquinoxProject's MvcConfig.cs).
  // Flask-WTF: every `FlaskForm` subclass checks a CSRF token on submit by default (blind round 27),
  // and so does its older `Form` (`from flask_wtf import Form`, blind round 34, cla_public);
  // `WTF_CSRF_ENABLED = False` turns that off (read as a disabling line by the rule).
  // Spring Security's Kotlin forms: `.csrf { it.disable() }` and the DSL's `csrf {` ⏎ `disable()` (blind
  // round 47: a WebFlux chain switching CSRF off was credited with Spring's default CSRF check).
  csrf: {
    regex:
      /(?<![^\n])[ \t]*class[ \t]+\w+[ \t]*\([ \t]*(?:flask_wtf\.)?FlaskForm\b|(?<![^\n])from[ \t]+flask_wtf[ \t]+import[ \t]+(?:[^\n]*,[ \t]*)?(?:Form|FlaskForm)\b|\bWTF_CSRF_ENABLED\b|\bhttp\.(?:NewCrossOriginProtection\s*\(|CrossOriginProtection\s*\{)|\bcsurf\b|\bcsrf\s*\(|lusca\.csrf|CsrfViewMiddleware|CSRFProtect\s*\(|csrf\.Protect\s*\(|\.csrf\s*\(|\.csrf[ \t]*\{|(?<![^\n])[ \t]*csrf[ \t]*\{|protect_from_forgery|ValidateAnti[Ff]orgeryToken|AddAntiforgery|UseAntiforgery|\bAntiforgeryOptions\b|VerifyCsrfToken|ValidateCsrfToken|@fastify\/csrf|csrf-csrf|doubleCsrf\s*\(|SeaSurf|CsrfProtect|middleware\.CSRF(?:WithConfig)?\s*\(|(?<![^\n])[ \t]+csrf_protection:[ \t]*(?:~|true|null)?(?=\r?\n|$)|\bnew\s+CsrfTokenBadge\s*\(|->isCsrfTokenValid\s*\(|#\[IsCsrfTokenValid\b|(?<![^\n])[ \t]+enable_csrf:[ \t]*true\b/,
    files: CODE,
    literals: ['csrf', 'Csrf', 'CSRF', 'forgery', 'Forgery', 'SeaSurf', 'CrossOriginProtection', 'FlaskForm'],
  },
  trustedHosts: {
    regex:
      /TrustedHostMiddleware|ALLOWED_HOSTS\s*=\s*\[\s*["'][^*"']|HostFilteringMiddleware|config\.hosts\s*<<|TrustHosts|->trustHosts\(/,
    files: CODE,
    literals: ['TrustedHost', 'ALLOWED_HOSTS', 'HostFiltering', 'config.hosts', 'TrustHosts', 'trustHosts'],
  },
  /** Frameworks whose defaults already send headers and check CSRF once enabled. */
  springSecurity: {
    regex:
      /@EnableWebSecurity|@EnableWebFluxSecurity|\bSecurityFilterChain\b|\bSecurityWebFilterChain\b|WebSecurityConfigurerAdapter/,
    files: ['**/*.{java,kt,groovy,scala}'],
    literals: ['Security'],
  },
  /** `.disable()` alone on a line: the end of a chain such as `http.csrf()` ⏎ `.disable()`. */
  chainDisable: {
    regex: /^[ \t]*\.disable\s*\(\s*\)/m,
    files: ['**/*.{java,kt,groovy,scala}'],
    literals: ['.disable('],
  },
  railsDefaults: {
    regex: /^[ \t]*config\.load_defaults\s+(\d+(?:\.\d+)?)/m,
    files: ['**/config/application.rb'],
    literals: ['load_defaults'],
  },
  // A Sinatra application class (modular style): Sinatra::Base turns Rack::Protection on by default.
  sinatraApp: {
    regex: /^[ \t]*class[ \t]+[\w:]+[ \t]*<[ \t]*(?:::)?Sinatra::(?:Base|Application)\b/m,
    files: ['**/*.rb'],
    literals: ['Sinatra::'],
    maxPerFile: 1,
  },
});
