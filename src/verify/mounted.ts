/**
 * Whether the code that defines an endpoint is reachable: an Express router file
 * (`const router = express.Router(); router.get('/count', …)`) that no other file requires or
 * imports is never mounted, so its routes are written but not served.
 */
import type { Finding, LookupContext } from './lookup.js';

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
