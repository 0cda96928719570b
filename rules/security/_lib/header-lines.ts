/**
 * Where a security header or CORS line in source applies (security-middleware): whether it is a
 * header list or a library's setting, whether it reflects the request's Origin unchecked, whether it
 * sits in a wrapper every request goes through or in one route handler, and whether an any-origin
 * line covers static assets only.
 */
import type { Lines } from '../../../src/types.js';

/** A list of header names (allowed or exposed headers), not a header set. */
export const HEADER_LIST =
  /allow_?headers|allowedHeaders|expose_?headers|exposedHeaders|AllowedHeaders|ExposedHeaders|AllowHeaders|ExposeHeaders/i;
/** A header line a library or framework setting writes, not one set by hand. */
export const HEADER_LIBRARY =
  /helmet|lusca|secure_?headers|SecureHeaders|Talisman|SecurityMiddleware|secure\.New|middleware\.Secure|default_headers|UseSecurityHeaders|AddSecurityHeaderPolicies|XFrameOptionsMiddleware|put_secure_browser_headers|PlugContentSecurityPolicy|CSPMiddleware|UseCsp|SetResponseHeaderLayer|x_frame_options|UseXContentTypeOptions/i;
/** Reading the request's Origin header. */
const ORIGIN_READ =
  /Header\.Get\(\s*["'`]Origin["'`]\s*\)|\bheaders?\s*(?:\.\s*origin\b|\.\s*get\(\s*["'`]origin["'`]|\[\s*["'`]origin["'`]\s*\])|get_?header(?:Line)?\(\s*["'`]origin["'`]|HTTP_ORIGIN|\$http_origin\b|\brequest\.origin\b|\bheader\(\s*["'`]origin["'`]\s*\)|GetHeader\(\s*["'`]Origin["'`]/i;
/** A check of the origin against a list or a fixed value. */
const ALLOW_CHECK =
  /allow|white_?list|trusted|permit|contains|includes|indexOf|in_array|\.has\(|\bin\s|match|\.test\(|[!=]==?\s*["'`][^"'`\s]|equals\(/i;

/**
 * Whether the value given to Access-Control-Allow-Origin is the request's own Origin, sent back with
 * no allow-list check: read directly in the value, or through a variable assigned from it at most
 * 20 lines above, with no line between that checks that variable against a list or a fixed origin.
 */
export function reflectsOrigin(lines: Lines | undefined, line: number, value: string): boolean {
  if (ORIGIN_READ.test(value)) return true;
  if (!lines) return false;
  const name = /^\$?\w+/.exec(value)?.[0];
  if (!name || /^(?:true|false|null|nil|None)$/.test(name)) return false;
  const esc = name.replace(/\$/g, '\\$');
  const assign = new RegExp(`(?:^|[^\\w$])${esc}\\s*(?::=|=(?!=))`);
  const mention = new RegExp(`(?:^|[^\\w$])${esc}(?![\\w$])`);
  const from = Math.max(1, line - 20);
  const window = lines.range(from, line - 1);
  const read = window.findLastIndex((l) => assign.test(l) && ORIGIN_READ.test(l));
  if (read < 0) return false;
  return !window.slice(read + 1).some((l) => mention.test(l) && ALLOW_CHECK.test(l));
}

/**
 * A wrapper every request goes through, around the line: a Go handler wrapper (`func(h http.Handler)
 * http.Handler`, `next.ServeHTTP`), Express/Koa/Echo/ASP.NET `next()`, `app.use`, a servlet Filter or
 * interceptor, Flask `after_request`, a Django/Starlette middleware, Rails callbacks, a Rack or Plug
 * `call`, Laravel `$next`, Tornado `set_default_headers`; read in the 40 lines above and 25 below.
 * Lines in configuration (nginx, YAML, properties) apply to every response.
 */
const WRAPPER =
  /http\.Handler\s*\)\s*http\.Handler|\bnext\s+http\.Handler|\b(?:next|h|handler|inner|wrapped)\.ServeHTTP\s*\(|(?<![.\w])next\s*(?:\.Invoke\s*)?\(|\bc\.Next\(\)|\b(?:app|router|server)\.use\s*\(|\baddHook\s*\(|\bafter_request\b|\bbefore_request\b|\bprocess_response\b|\bget_response\b|\bcall_next\b|def\s+__call__|@\w+\.middleware\b|\bdoFilter\b|\bHandlerInterceptor\b|\b(?:pre|post)Handle\b|ResponseFilter\b|\bWebFilter\b|ResponseBodyAdvice|NestMiddleware|NestInterceptor|\bintercept\s*\(|def\s+call\s*\(|\b(?:after|before|around)_action\b|\$next\s*\(|Closure\s+\$next|set_default_headers|Middleware\b/;
/**
 * A route handler: a check of the request's path or a route registration/annotation just above the
 * line (`if r.URL.Path != "/"`, `@app.route("/")`, `@GetMapping`, `router.get("/…"`, `HandleFunc("/…"`).
 */
const ROUTE =
  /URL\.Path\s*[!=]=\s*["'`]|\.(?:route|get|post|put|patch|delete)\s*\(\s*["'`]\/|@(?:Get|Post|Put|Delete|Patch|Request)Mapping\b|@(?:GET|POST|PUT|DELETE|Path)\b|\bHandle(?:Func)?\s*\(\s*["'`]\/|\b(?:re_)?path\s*\(\s*r?["'`]|Route::(?:get|post|put|patch|delete|any|match)\s*\(|\[(?:Http(?:Get|Post|Put|Delete)|Route)\b/;
/**
 * Or the line sits in a Go net/http handler function: the nearest `func` above (at most 60 lines)
 * takes an `http.ResponseWriter` and returns no `http.Handler` — one handler's response, registered
 * elsewhere (blind round 43: a header set inside a streaming handler was read as middleware).
 */
export function inRouteHandler(lines: Lines | undefined, line: number): boolean {
  if (!lines) return false;
  if (lines.range(Math.max(1, line - 15), line, true).some((l) => ROUTE.test(l))) return true;
  for (let n = line; n >= 1 && n > line - 60; n--) {
    const l = lines.line(n);
    if (!/^func\b/.test(l)) continue;
    return /\bhttp\.ResponseWriter\b/.test(l) && !/\)\s*http\.Handler(?:Func)?\s*(?:\{\s*)?$/.test(l);
  }
  return false;
}

export function inWrapper(path: string, lines: Lines | undefined, line: number): boolean {
  if (!/\.(?:js|ts|mjs|cjs|jsx|tsx|py|go|java|kt|cs|rb|php|rs|scala|groovy|ex|exs)$/.test(path)) return true;
  if (!lines) return false;
  // Go: the top-level function around the line decides — a wrapper takes or returns an http.Handler
  // or calls next; a handler or response helper beside wrappers in the same file is none (blind
  // round 43: a JSON response helper below two middlewares was read as one).
  if (path.endsWith('.go')) {
    for (let n = line; n >= 1 && n > line - 80; n--) {
      const l = lines.line(n);
      if (n < line && /^\}/.test(l)) break;
      if (!/^func\b/.test(l)) continue;
      if (WRAPPER.test(l)) return true;
      for (let k = n + 1; k <= Math.min(lines.count, n + 120); k++) {
        const b = lines.line(k);
        if (/^\}/.test(b)) break;
        if (WRAPPER.test(b)) return true;
      }
      return false;
    }
  }
  return lines.range(Math.max(1, line - 40), Math.min(lines.count, line + 25), true).some((l) => WRAPPER.test(l));
}

/** A call that sends a request to another server: an HTTP client's, with its options object. */
export const OUTBOUND_CALL =
  /\b(?:axios(?:Ref)?|fetch|got|ky|superagent|needle|request|\$http|httpService(?:\.axiosRef)?|this\.http|http\.request|https\.request|HttpClient)(?:\s*\.\s*(?:get|post|put|patch|delete|request))?(?:<[^>]*>)?\s*\(/;
/** Setting a header on this service's own response (`res.setHeader`, `reply.header`, `ctx.set`). */
export const RESPONSE_SETTER =
  /\b(?:res|resp|response|reply|ctx|c)\s*\.\s*(?:set|setHeader|header|headers|append|writeHead)\b/;

/** A path of static assets: `/assets/*`, `/vite/assets/**`, `/static`, `/packs/`, `/fonts/*`. */
const ASSET_PATH =
  /["'`]\/?(?:[\w.-]+\/){0,3}(?:assets|static|vite|packs|fonts|webfonts|images|img|media|dist|build|public)(?:\/[\w.*-]*){0,4}["'`]/;
/** A path that is not one: any other quoted route (`/api/*`, `*`, `/**`). */
const OTHER_PATH =
  /\bresource\s+["'`](?!\/?(?:[\w.-]+\/){0,3}(?:assets|static|vite|packs|fonts|webfonts|images|img|media|dist|build|public)\b)/;
/** Methods beyond reading. */
const WRITE_METHOD = /\b(?:post|put|patch|delete)\b|methods:\s*:any\b|methods:\s*\[?\s*["']\*["']/i;

/**
 * The any-origin line applies to static asset paths only, for reading: the asset path sits on
 * the same line (`app.use("/static", cors())`, `addMapping("/assets/**")…allowedOrigins("*")`) or
 * on the `resource` lines of the same Rack::Cors `allow` block, and no write method is allowed.
 */
export function staticAssetsOnly(lines: { count: number; bare(n: number): string } | undefined, line: number): boolean {
  if (!lines) return false;
  const own = lines.bare(line);
  if (ASSET_PATH.test(own) && !WRITE_METHOD.test(own)) return true;
  // The Rack::Cors block the `origins` line opens: its lines up to `end`, at most 8.
  if (!/\borigins\b/.test(own)) return false;
  let asset = false;
  for (let n = line + 1; n <= Math.min(lines.count, line + 8); n++) {
    const l = lines.bare(n);
    if (/^\s*end\b/.test(l) || /\ballow\s+do\b/.test(l)) break;
    if (OTHER_PATH.test(l) || WRITE_METHOD.test(l) || /\borigins\b/.test(l)) return false;
    if (/\bresource\b/.test(l)) {
      if (!ASSET_PATH.test(l)) return false;
      asset = true;
    }
  }
  return asset;
}
