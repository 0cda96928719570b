/**
 * Routes a file composes from prefixes, where no string in it writes the route whole:
 * - Go routers' groups: `api := router.Group("/api")`, `users := api.Group("/users")`,
 *   `users.GET("/:id", h)` serve /api/users/:id (gin, echo, fiber, iris);
 * - Django's nested URL lists: `path('api/v1/', include([ path('customers/', …) ]))` serves
 *   /api/v1/customers/, and `path('rosetta/', include('rosetta.urls'))` mounts /rosetta/.
 *
 * A route named by a document and composed so is there. One whose last segment the code routes
 * under prefixes this reading cannot put together (another file's mount, a prefix set at runtime) is
 * not known to be missing: the endpoint lookup leaves it open rather than contradict it.
 */
import type { Finding, LookupContext } from './lookup.js';
import type { Hit } from './search.js';

export interface Composed {
  route: string;
  /** The lines (1-based) whose strings make the route, outermost prefix first. */
  lines: number[];
  /** The HTTP method the route serves, where the code says it (GET, POST…). */
  method?: string;
}

const GROUP = /^\s*(\w{1,60})\s*:?=\s*(\w{1,60})\s*\.\s*(?:Group|Party)\(\s*"([^"\n]{0,200})"/;
const GO_ROUTE =
  /\b(\w{1,60})\s*\.\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Any|Get|Post|Put|Patch|Delete|Handle|HandleFunc)\(\s*"([^"\n]{0,200})"/g;
const DJANGO_PATH = /\b(?:re_)?path\(\s*r?(['"])([^'"\n]{0,200})\1/g;
const OPENS_LIST = /\binclude\(\s*\[\s*$/;
const MAX_LINES = 5000;

/** Two parts of a route joined by one slash (a loop, not a regex anchored at the end, which rescans). */
const join = (a: string, b: string) => {
  let end = a.length;
  while (end > 0 && a[end - 1] === '/') end--;
  return `${a.slice(0, end)}/${b.replace(/^\/+/, '')}`;
};

/** A route as compared: lower case, no slashes at the ends, every parameter the same. */
export function routeKey(route: string): string {
  return route
    .toLowerCase()
    .replace(/\^|\$/g, '')
    .replace(/\{[^{}/]*\}|<[^<>/]*>|:\w+|\(\?P<\w+>[^()/]*\)/g, ':p')
    .split('/')
    .filter(Boolean)
    .join('/');
}

/** The routes a file composes from group prefixes or nested URL lists, with the lines that compose them. */
export function composedRoutes(text: string): Composed[] {
  const lines = text.split('\n').slice(0, MAX_LINES);
  const out: Composed[] = [];
  const groups = new Map<string, Composed>();
  /** Django's open `include([` lists: the indentation of the opening line and its prefix. */
  const open: { indent: number; prefix: Composed }[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    const trimmed = line.trim();
    if (!trimmed || /^(?:\/\/|#)/.test(trimmed)) return;
    const g = GROUP.exec(line);
    if (g) {
      const parent = groups.get(g[2]!);
      groups.set(g[1]!, {
        route: parent ? join(parent.route, g[3]!) : g[3]!,
        lines: [...(parent?.lines ?? []), n],
      });
    }
    for (const m of line.matchAll(GO_ROUTE)) {
      const parent = groups.get(m[1]!);
      if (parent)
        out.push({ route: join(parent.route, m[3]!), lines: [...parent.lines, n], method: m[2]!.toUpperCase() });
    }
    const indent = line.length - line.trimStart().length;
    // A line of closing brackets ends its list; any other line at the opener's depth or less too.
    while (open.length && (indent < open.at(-1)!.indent || (indent === open.at(-1)!.indent && !/^[\])]/.test(trimmed))))
      open.pop();
    if (/^[\])]/.test(trimmed) && open.length && indent === open.at(-1)!.indent) open.pop();
    for (const m of line.matchAll(DJANGO_PATH)) {
      const outer = open.at(-1)?.prefix;
      const here = { route: outer ? join(outer.route, m[2]!) : m[2]!, lines: [...(outer?.lines ?? []), n] };
      if (outer || /\binclude\(/.test(line)) out.push(here);
      if (OPENS_LIST.test(line)) open.push({ indent, prefix: here });
    }
  });
  return out;
}

/**
 * The endpoint as a file among `hits` composes it, or, where the code routes its last segment in a
 * way not put together here, a finding that leaves it open; null where neither holds.
 */
export function composedRouteFinding(
  ctx: LookupContext,
  endpoint: string,
  hits: Hit[],
  method?: string,
): Finding | null {
  const key = routeKey(endpoint);
  if (!key) return null;
  const tail = key
    .split('/')
    .filter((p) => p !== ':p')
    .at(-1);
  const paths = [...new Set(hits.filter((h) => !h.test).map((h) => h.path))].slice(0, 6);
  /** Routes ending in the endpoint's last fixed segment, composed under other prefixes. */
  const elsewhere: { path: string; c: Composed; lines: string[] }[] = [];
  let unresolved = false;
  for (const path of paths) {
    const text = ctx.readText ? ctx.readText(path, 512 * 1024) : ctx.files.read(path);
    if (!text) continue;
    const all = composedRoutes(text);
    const same = all.filter((r) => routeKey(r.route) === key);
    // "DELETE /api/users/:id": the route of that method, where the code says which.
    const c = same.find((r) => method && r.method === method.toUpperCase()) ?? same[0];
    const lines = text.split('\n');
    if (!c) {
      const ending = all.filter((r) => routeKey(r.route).split('/').at(-1) === tail);
      // Every line of the file that routes the segment is read as part of a composed route.
      const routing = hits.filter((h) => h.path === path && !h.test).map((h) => h.line);
      if (ending.length && routing.every((l) => all.some((r) => r.lines.includes(l))))
        for (const r of ending) elsewhere.push({ path, c: r, lines });
      else unresolved = true;
      continue;
    }
    return {
      subject: `endpoint ${endpoint}`,
      basis: 'search',
      present: 'yes',
      detail: `${endpoint} is routed as ${path} composes it from its prefixes (line${c.lines.length > 1 ? 's' : ''} ${c.lines.join(', ')})`,
      evidence: c.lines.map((line) => ({ path, line, snippet: (lines[line - 1] ?? '').trim().slice(0, 160) })),
    };
  }
  const other = elsewhere[0];
  if (other && !unresolved) {
    return {
      subject: `endpoint ${endpoint}`,
      basis: 'search',
      present: 'no',
      detail: `${endpoint} is not routed: ${other.path} composes ${other.c.route.replace(/\/+/g, '/')} instead`,
      evidence: other.c.lines.map((line) => ({
        path: other.path,
        line,
        snippet: (other.lines[line - 1] ?? '').trim().slice(0, 160),
      })),
    };
  }
  const routed = hits.filter(
    (h) => !h.test && /\b(?:Group|Party|path|include|route|Route|router|mount|prefix)\b/.test(h.snippet),
  );
  if (!routed.length) return null;
  return {
    subject: `endpoint ${endpoint}`,
    basis: 'search',
    present: 'unknown',
    detail: `the code routes ${endpoint.split('/').filter(Boolean).pop()} under prefixes set elsewhere; whether it composes ${endpoint} is not settled`,
    evidence: routed.slice(0, 2).map((h) => ({ path: h.path, line: h.line, snippet: h.snippet })),
  };
}
