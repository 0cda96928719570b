/**
 * Whether the code that defines an endpoint is reachable: an Express router file
 * (`const router = express.Router(); router.get('/count', …)`) that no other file requires or
 * imports is never mounted, so its routes are written but not served.
 */
import type { Finding, LookupContext } from './lookup.js';
import { lineAt } from '../util/lines.js';

const JS = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i;
const SKIP = /(?:^|\/)(?:node_modules|vendor|dist|build|coverage)\//;
const TEST = /(?:^|\/)(?:__tests__|tests?|spec)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/i;
/** `require('./routes/x')`, `from '../routes/x'`, `import('./x')`, `import './x'`: the module named. */
const SPEC = /(?:\brequire\s*\(\s*|\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"\n]{1,200})['"]/g;
const ROUTER = /\b(?:express\s*\.\s*)?Router\s*\(\s*\)/;
const MAX_FILES = 20000;

interface Imports {
  /** Repository paths, without extension, that some non-test file imports by a relative path. */
  resolved: Set<string>;
  /** The last segment (without extension) of every module a non-test file names another way ("@/routes/x"). */
  tails: Set<string>;
  complete: boolean;
}

const memo = new WeakMap<object, Imports>();

const noExt = (p: string) => p.replace(/\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i, '');

function normalize(dir: string, spec: string): string {
  const out = dir ? dir.split('/') : [];
  for (const seg of spec.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** What the repository's JavaScript and TypeScript files import, read once per repository. */
function imports(ctx: LookupContext): Imports {
  const cached = memo.get(ctx.files);
  if (cached) return cached;
  const found: Imports = { resolved: new Set(), tails: new Set(), complete: true };
  let n = 0;
  for (const path of ctx.files.paths) {
    if (!JS.test(path) || SKIP.test(path) || TEST.test(path)) continue;
    if (++n > MAX_FILES) {
      found.complete = false;
      break;
    }
    const text = ctx.readText ? ctx.readText(path, 256 * 1024) : ctx.files.read(path);
    if (!text) continue;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    for (const m of text.matchAll(SPEC)) {
      // A line commented out ("// const x = require('./routes/x'); // disabled") mounts nothing.
      const start = text.lastIndexOf('\n', m.index!) + 1;
      const before = text.slice(start, m.index!).trimStart();
      if (before.startsWith('//') || before.startsWith('*')) continue;
      const spec = m[1]!;
      if (spec.startsWith('.')) found.resolved.add(noExt(normalize(dir, spec)));
      else found.tails.add(noExt(spec.split('/').pop() ?? spec));
    }
  }
  memo.set(ctx.files, found);
  return found;
}

/** Whether some non-test file imports the file at `path`. */
export function isImported(ctx: LookupContext, path: string): boolean {
  const seen = imports(ctx);
  if (!seen.complete) return true;
  const bare = noExt(path);
  const last = bare.split('/').pop()!;
  if (seen.resolved.has(bare) || seen.tails.has(last)) return true;
  // "./routes" resolves to routes/index.js.
  return last === 'index' && seen.resolved.has(bare.slice(0, bare.lastIndexOf('/')));
}

/**
 * An endpoint found only in Express router files that nothing imports: written there, not served.
 * Null when any file that names it is mounted, is no router, or is the server itself, or when no
 * router beside it is imported either (a project that mounts none of its routers is not told apart).
 */
export function unmountedRouter(ctx: LookupContext, found: Finding): Finding | null {
  if (found.present !== 'yes' || found.testsOnly || !found.evidence.length) return null;
  const files = [...new Set(found.evidence.map((e) => e.path))];
  if (!files.every((p) => JS.test(p) && !TEST.test(p))) return null;
  for (const p of files) {
    const text = ctx.readText ? ctx.readText(p, 256 * 1024) : ctx.files.read(p);
    if (!text || !ROUTER.test(text) || /\bapp\s*\.\s*listen\s*\(/.test(text)) return null;
    if (isImported(ctx, p)) return null;
    // Only where the server mounts routers at all: a sibling router file is imported.
    const dir = p.slice(0, p.lastIndexOf('/') + 1);
    const sibling = ctx.files.paths.some(
      (q) =>
        q !== p &&
        q.startsWith(dir) &&
        !q.slice(dir.length).includes('/') &&
        JS.test(q) &&
        !TEST.test(q) &&
        isImported(ctx, q),
    );
    if (!sibling) return null;
  }
  const at = found.evidence[0]!;
  return {
    ...found,
    present: 'partly',
    detail: `defined in ${at.path}${at.line ? `:${at.line}` : ''}, but the router is not mounted (no file requires or imports ${files.join(', ')})`,
  };
}

/**
 * A route registration with its comment marker taken away: `r.POST("/upload", h.Upload)`,
 * `router.get('/x', …)`, `@app.post("/x")`, `@GetMapping("/x")`, `Route::get('/x', …)`.
 */
const REGISTRATION =
  /^(?:@?\w+(?:\.\w+)*\.(?:get|post|put|patch|delete|head|options|any|all|route|handle\w*|add_url_rule|api_route|GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete|Handle\w*)\s*\(\s*["'`]|@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b|@(?:Get|Post|Put|Patch|Delete)\(\s*["'`]|\[Http(?:Get|Post|Put|Patch|Delete)\b|Route::\w+\(\s*["'`])/;
const COMMENT_MARK = /^\s*(?:\/\/+|#+|\/\*+|\*+|--)\s*/;
const extOf = (p: string) => p.slice(p.lastIndexOf('.') + 1).toLowerCase();

/**
 * "POST /upload - Upload file": the route is written in the product's code only on a comment line
 * (`// fileRoutes.POST("/upload", filesHandler.Upload)`), and no uncommented line of that language
 * names it — a client's call (`apiClient.post('/api/v1/files/upload')`), generated API docs and tests
 * do not serve it. Commented out, the endpoint is not there: the document is out of date.
 */
export function commentedOutRoute(
  endpoint: string,
  commented: { path: string; line: number; snippet: string; test: boolean }[],
  uncommented: { path: string; test: boolean }[],
): Finding | null {
  const routes = commented.filter((h) => !h.test && REGISTRATION.test(h.snippet.replace(COMMENT_MARK, '')));
  if (!routes.length) return null;
  const langs = new Set(routes.map((h) => extOf(h.path)));
  if (uncommented.some((h) => !h.test && langs.has(extOf(h.path)))) return null;
  const at = routes[0]!;
  return {
    subject: `endpoint ${endpoint}`,
    basis: 'search',
    present: 'no',
    detail: `the route ${endpoint} is commented out at ${at.path}:${at.line}, and no other ${[...langs].join('/')} code declares it`,
    evidence: routes.slice(0, 2).map((h) => ({ path: h.path, line: h.line, snippet: h.snippet })),
  };
}

/** `app.use('/api/users', …)`, `router.use("/admin", …)`: a prefix and what is mounted at it. */
const MOUNT = /\.\s*use\s*\(\s*(['"`])(\/[^'"`\s]{0,200})\1\s*,([^\n]{1,300})/g;
/** `router.get('/:id', …)`: a method and the route it registers. */
const VERB_ROUTE = /\.\s*(get|post|put|patch|delete|all)\s*\(\s*(['"`])(\/[^'"`\s]{0,200}|)\2/gi;
/** `router.route('/:id').get(…).put(…)`: one route, its methods chained after it. */
const CHAINED_ROUTE = /\.\s*route\s*\(\s*(['"`])(\/[^'"`\s]{0,200})\1\s*\)/g;
const CHAINED_VERB = /^\s*\.\s*(get|post|put|patch|delete|all)\s*\(/i;
const JS_EXTS = ['', '.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '/index.js', '/index.ts'];
const IDENT = /[A-Za-z_$][\w$]{0,80}/g;

/** A route placeholder, as a document or code writes it: ":id", "{id}", "<id>", "${id}". */
const isParam = (seg: string) => /^(?::\w+\??|\{[^{}]*\}|<[^<>]*>|\$\{[^{}]*\})$/.test(seg);
const segsOf = (route: string) => route.split('/').filter(Boolean);

/** The repository file a module specifier names from `fromPath`, or null (a package, an alias). */
function resolveModule(ctx: LookupContext, fromPath: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const dir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
  const bare = normalize(dir, spec);
  const known = new Set(ctx.files.paths);
  for (const ext of JS_EXTS) if (known.has(bare + ext)) return bare + ext;
  const stripped = noExt(bare);
  for (const ext of JS_EXTS) if (known.has(stripped + ext)) return stripped + ext;
  return null;
}

/** The module a mount's argument list names: `require('./routes/x')`, or a name imported from one. */
function mountTarget(ctx: LookupContext, path: string, text: string, args: string): string | null {
  const req = /\brequire\s*\(\s*['"]([^'"\n]{1,200})['"]\s*\)/.exec(args);
  if (req) return resolveModule(ctx, path, req[1]!);
  for (const m of args.matchAll(IDENT)) {
    const id = escapeId(m[0]);
    const bound =
      new RegExp(`\\b(?:const|let|var)\\s+${id}\\s*=\\s*require\\s*\\(\\s*['"]([^'"\\n]{1,200})['"]`).exec(text) ??
      new RegExp(`\\bimport\\s+${id}\\s+from\\s+['"]([^'"\\n]{1,200})['"]`).exec(text) ??
      new RegExp(`\\bimport\\s*\\{[^}]{0,300}\\b${id}\\b[^}]{0,300}\\}\\s*from\\s+['"]([^'"\\n]{1,200})['"]`).exec(
        text,
      );
    if (bound) {
      const target = resolveModule(ctx, path, bound[1]!);
      if (target) return target;
    }
  }
  return null;
}
const escapeId = (s: string) => s.replace(/\$/g, '\\$');

/** The segments of a document's route and of the code's agree: literals equal, placeholders both. */
function sameRoute(doc: string[], code: string[]): boolean {
  return (
    doc.length === code.length &&
    doc.every((d, k) =>
      isParam(d) ? isParam(code[k]!) : !isParam(code[k]!) && d.toLowerCase() === code[k]!.toLowerCase(),
    )
  );
}

interface RouteHit {
  path: string;
  line: number;
  snippet: string;
  methods: Set<string>;
}

/** The routes a file registers for `rest` (segments below the file's mount point), by method. */
function routesIn(text: string, path: string, rest: string[]): RouteHit[] {
  const out: RouteHit[] = [];
  const lines = text.split('\n');
  for (const m of text.matchAll(VERB_ROUTE)) {
    if (!sameRoute(rest, segsOf(m[3]!))) continue;
    const line = lineAt(text, m.index!);
    // `// router.get('/:id', …)`: commented out, not registered.
    if (/^\s*(?:\/\/|\/\*|\*)/.test(lines[line - 1]!)) continue;
    out.push({ path, line, snippet: lines[line - 1]!.trim(), methods: new Set([m[1]!.toLowerCase()]) });
  }
  for (const m of text.matchAll(CHAINED_ROUTE)) {
    if (!sameRoute(rest, segsOf(m[2]!))) continue;
    const line = lineAt(text, m.index!);
    if (/^\s*(?:\/\/|\/\*|\*)/.test(lines[line - 1]!)) continue;
    const methods = new Set<string>();
    // The chain: the same line after the route, then following lines that start with a call.
    let tail = text.slice(m.index! + m[0].length, m.index! + m[0].length + 2000);
    for (let k = 0; k < 40 && tail; k++) {
      const verb = CHAINED_VERB.exec(tail);
      if (!verb) break;
      methods.add(verb[1]!.toLowerCase());
      // Past this call: to the next line that continues the chain.
      tail = tail.slice(verb.index + verb[0].length);
      const next = tail.search(/\n[^\S\n]*\./);
      // A statement's end closes the chain.
      if (next < 0 || tail.slice(0, next).includes(';')) break;
      tail = tail.slice(next);
    }
    out.push({ path, line, snippet: lines[line - 1]!.trim(), methods });
  }
  return out;
}

const mounters = new WeakMap<object, string[]>();
/** The non-test JavaScript and TypeScript files that mount something (`.use('/prefix', …)`), read once. */
function mounting(ctx: LookupContext): string[] {
  const cached = mounters.get(ctx.files);
  if (cached) return cached;
  const out: string[] = [];
  let n = 0;
  for (const path of ctx.files.paths) {
    if (!JS.test(path) || SKIP.test(path) || TEST.test(path)) continue;
    if (++n > 2000) break;
    const text = ctx.readText ? ctx.readText(path, 256 * 1024) : ctx.files.read(path);
    if (text && /\.\s*use\s*\(\s*['"`]\//.test(text)) out.push(path);
  }
  mounters.set(ctx.files, out);
  return out;
}

interface Mounted {
  route: RouteHit;
  mounts: { path: string; line: number; snippet: string }[];
}

/** Routes for `segs` in `path`, directly or through the routers it mounts (three levels at most). */
function routedIn(ctx: LookupContext, path: string, segs: string[], depth: number, method?: string): Mounted | null {
  const text = ctx.readText ? ctx.readText(path, 256 * 1024) : ctx.files.read(path);
  if (!text) return null;
  const direct = routesIn(text, path, segs);
  if (direct.length) {
    // The registration of the method asked for, else the first, with every method the path is routed for.
    const chosen = direct.find((r) => !method || r.methods.has(method) || r.methods.has('all')) ?? direct[0]!;
    return { route: { ...chosen, methods: new Set(direct.flatMap((r) => [...r.methods])) }, mounts: [] };
  }
  if (depth >= 3) return null;
  for (const m of text.matchAll(MOUNT)) {
    const prefix = segsOf(m[2]!);
    if (!prefix.length || prefix.length > segs.length) continue;
    if (!prefix.every((p, k) => p.toLowerCase() === segs[k]!.toLowerCase())) continue;
    const target = mountTarget(ctx, path, text, m[3]!);
    if (!target || target === path) continue;
    const below = routedIn(ctx, target, segs.slice(prefix.length), depth + 1, method);
    if (!below) continue;
    const line = lineAt(text, m.index!);
    return {
      route: below.route,
      mounts: [{ path, line, snippet: text.split('\n')[line - 1]!.trim() }, ...below.mounts],
    };
  }
  return null;
}

/**
 * "GET /api/users/:id" where the server mounts a router at /api/users (`app.use('/api/users',
 * require('./routes/users'))`) and the router registers `router.get('/:id', …)`: the route as the code
 * composes it, with the mount and the route as evidence. A method the line names must be the method
 * routed: the path routed for other methods only is partly there. Null when no mount leads to it.
 */
export function mountedRoute(ctx: LookupContext, endpoint: string, method?: string): Finding | null {
  const segs = segsOf(endpoint);
  if (segs.length < 2) return null;
  for (const path of mounting(ctx)) {
    // Only mounts here: a route registered whole in one file is what the plain search finds.
    const found = routedIn(ctx, path, segs, 0, method?.toLowerCase());
    if (!found?.mounts.length) continue;
    const { route, mounts } = found;
    const routed = [...route.methods].map((x) => x.toUpperCase()).join(', ') || 'a method not read';
    const wanted = method?.toLowerCase();
    const served = !wanted || route.methods.has(wanted) || route.methods.has('all');
    const where = `${route.path}:${route.line}`;
    const at = mounts.map((x) => `${x.path}:${x.line}`).join(', ');
    return {
      subject: `endpoint ${endpoint}`,
      basis: 'search',
      present: served ? 'yes' : 'partly',
      detail: served
        ? `${endpoint} is routed in ${where} under the prefix mounted at ${at}`
        : `${endpoint} is routed (${routed}) in ${where} under the prefix mounted at ${at}, but not for ${method!.toUpperCase()}`,
      evidence: [route, ...mounts].map((x) => ({ path: x.path, line: x.line, snippet: x.snippet })),
    };
  }
  return null;
}

/**
 * The router mounted at exactly `prefix` (`app.use('/api/users', require('./routes/users'))`) and the
 * routes it registers itself, one per method and path, commented lines left out. `nested`: the router
 * mounts routers of its own, whose routes are not counted here. Null when no mount names the prefix.
 */
export function routerAt(
  ctx: LookupContext,
  prefix: string[],
): { mount: RouteLine; routes: RouteLine[]; nested: boolean } | null {
  for (const path of mounting(ctx)) {
    const text = ctx.readText ? ctx.readText(path, 256 * 1024) : ctx.files.read(path);
    if (!text) continue;
    for (const m of text.matchAll(MOUNT)) {
      const segs = segsOf(m[2]!);
      if (segs.length !== prefix.length || !segs.every((p, k) => p.toLowerCase() === prefix[k]!.toLowerCase()))
        continue;
      const target = mountTarget(ctx, path, text, m[3]!);
      if (!target || target === path) continue;
      const body = ctx.readText ? ctx.readText(target, 256 * 1024) : ctx.files.read(target);
      if (!body) continue;
      const line = lineAt(text, m.index!);
      const routes: RouteLine[] = [];
      const lines = body.split('\n');
      lines.forEach((l, k) => {
        const t = l.trim();
        if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) return;
        for (const _ of l.matchAll(VERB_ROUTE)) routes.push({ path: target, line: k + 1, snippet: t.slice(0, 160) });
        // router.route('/x') with its methods chained on the lines below.
        if (/\.\s*route\s*\(\s*['"`]\//.test(l))
          for (let j = k + 1; j < Math.min(lines.length, k + 20); j++) {
            if (!CHAINED_VERB.test(lines[j]!)) break;
            routes.push({ path: target, line: j + 1, snippet: lines[j]!.trim().slice(0, 160) });
          }
      });
      const nested = /\.\s*use\s*\(\s*['"`]\//.test(body);
      return { mount: { path, line, snippet: text.split('\n')[line - 1]!.trim() }, routes, nested };
    }
  }
  return null;
}

export interface RouteLine {
  path: string;
  line: number;
  snippet: string;
}
