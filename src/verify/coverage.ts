/**
 * "All API routes use Zod schemas", "Rate limiting on all user routes", "every endpoint calls
 * requireAuth()": a line that says a thing holds for EVERY route says more than that the thing is in
 * the code. Its name found somewhere (a definition, one call, the declared package) is one route at
 * most. Such a line is settled by counting: of the route files in the scope the line gives, how many
 * name the thing — all of them confirm, some confirm in part (the ones without it are cited), and
 * none, or no route files to count, leave the line open.
 */
import { isProductionPath } from '../facts/paths.js';
import type { VerifiedClaim } from './schema.js';
import type { LookupContext } from './lookup.js';
import { namesOf } from './needles.js';
import type { Claim } from './extract.js';
import { plain } from './status.js';
import { escapeRe } from '../util/regex.js';

type Evidence = VerifiedClaim['evidence'][number];

/**
 * "all (the) [qualifier…] routes", "every endpoint", "each controller", "todas as rotas", "todos los
 * endpoints", "toutes les routes", "alle Routen": up to three words of scope between the quantifier and
 * the noun.
 */
const EVERY_ROUTE =
  /\b(?:all|every|each|todas?|todos|toutes?|tous|alle[nrs]?)\s+(?:(?:of\s+)?(?:the|as|os|los|las|les|die|der|den)\s+)?((?:[\p{L}-]{2,30}\s+){0,3}?)(routes?|endpoints?|controllers?|handlers?|api\s+calls?|rotas?|rutas?|controladores?|routen)\b/iu;

/** Files that each serve routes: Next.js route handlers and API pages, and modules in routing folders. */
const NEXT_ROUTE = /^route\.[cm]?[jt]sx?$/;
const SCRIPT = /\.[cm]?[jt]sx?$/;
const ROUTE_FOLDER = /^(?:routes|routers|controllers|handlers|endpoints|api)$/i;
const HANDLER_SOURCE = /\.(?:[cm]?[jt]sx?|py|go|php|rb|java|kt|cs|rs)$/i;

/** A Next.js route handler (app/…/route.ts) or API page (pages/api/…), read segment by segment. */
function nextRoute(path: string): boolean {
  const segs = path.split('/');
  const base = segs.pop()!;
  if (NEXT_ROUTE.test(base) && segs.includes('app')) return true;
  const at = segs.indexOf('pages');
  return at !== -1 && segs[at + 1] === 'api' && SCRIPT.test(base);
}

/** A source file under a routing folder (routes/, controllers/, handlers/, api/…). */
function inRouteFolder(path: string): boolean {
  const segs = path.split('/');
  const base = segs.pop()!;
  return HANDLER_SOURCE.test(base) && segs.some((s) => ROUTE_FOLDER.test(s));
}

/** What a routing folder holds besides routes: package markers, base classes, type declarations. */
const NOT_A_ROUTE =
  /(?:^|\/)(?:__init__\.py|(?:base_?)?controller\.\w+|basecontroller\.\w+|[^/]+\.d\.ts|types?\.[jt]s)$/i;

/** Scope words that narrow nothing a path shows: the line is about every route of the app. */
const SCOPE_STOP =
  /^(?:api|apis|http|rest|the|our|other|remaining|existing|relevant|main|new|de|da|do|das|dos|la|le|les|los|las|der|die|das)$/i;

/** Code never counted as a use: statements and keywords that precede "(" in a snippet. */
const KEYWORD =
  /^(?:if|for|while|switch|catch|return|function|await|async|typeof|new|super|this|require|import|export|console|log|error|warn|info|json|then|map|get|set|use)$/i;

const MAX_ROUTE_FILES = 400;

/** A folder of copies or of what others wrote: an archive, old or legacy code, backups, vendored or built files. */
const COPY_DIR = /^(?:_?archive[sd]?|old|backups?|deprecated|legacy|node_modules|vendor|dist|build|out|target)$/i;
/** The path lies in a folder of copies: its code is not the code that runs. */
export const inCopy = (path: string): boolean =>
  path
    .split('/')
    .slice(0, -1)
    .some((seg) => COPY_DIR.test(seg));

export interface RouteCoverage {
  verdict: VerifiedClaim['verdict'];
  reason: string;
  evidence: Evidence[];
}

/** The scope words and noun of a line about every route, or null. */
export function everyRoute(text: string): { scope: string[]; noun: string } | null {
  const t = plain(text);
  const m = EVERY_ROUTE.exec(t);
  // "Not all routes are throttled", "nicht alle Routen": a line that says the opposite of "every".
  if (!m || /\b(?:not|nicht|pas|não|nao|no)\s+$/i.test(t.slice(Math.max(0, m.index - 8), m.index))) return null;
  const scope = (m[1] ?? '')
    .trim()
    .split(/\s+/)
    .filter((w) => w && !SCOPE_STOP.test(w));
  return { scope, noun: m[2]!.toLowerCase() };
}

const singular = (w: string) => w.toLowerCase().replace(/(?:es|s)$/, '');

/**
 * What a file that serves requests holds: a Next.js method export, a router call, a decorator or
 * annotation of a route, a controller class, a Go handler's signature.
 */
const HANDLES =
  /export\s+(?:async\s+)?(?:function|const)\s+(?:GET|POST|PUT|PATCH|DELETE)\b|\b(?:router|app|api|route|r|e|g|mux|group|blueprint|bp)\.(?:get|post|put|patch|delete|all|route|api_route|handle|handlefunc|GET|POST|PUT|PATCH|DELETE|Handle|HandleFunc)\s*\(|@(?:\w+\.)?(?:get|post|put|patch|delete|route|api_view)\s*\(|@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b|@RestController\b|\[Http(?:Get|Post|Put|Patch|Delete)\b|\bclass\s+\w+Controller\b|\bRoute::|http\.ResponseWriter|\*gin\.Context|echo\.Context|\*fiber\.Ctx|\(req,\s*res\b|\bAPIRouter\s*\(|\bAPIView\b/;

const routesOf = new WeakMap<object, string[]>();

/**
 * Bytes of route and wiring files one document may have counted: each "every route" line reads the
 * route files again with its own names, so a document of thousands of such lines against hundreds of
 * route files ran for minutes. Past the budget a line is left open, which is deterministic (bytes, not time).
 */
const ROUTE_SCAN_BUDGET = 64 * 1024 * 1024;
const scanned = new WeakMap<object, { bytes: number }>();
function spend(ctx: LookupContext, text: string): boolean {
  let used = scanned.get(ctx.files);
  if (!used) scanned.set(ctx.files, (used = { bytes: 0 }));
  used.bytes += text.length;
  return used.bytes <= ROUTE_SCAN_BUDGET;
}
const spent = (ctx: LookupContext) => (scanned.get(ctx.files)?.bytes ?? 0) > ROUTE_SCAN_BUDGET;

/** Files that serve requests, read once per repository. */
function allRouteFiles(ctx: LookupContext): string[] {
  const known = routesOf.get(ctx.files);
  if (known) return known;
  let files = ctx.files.paths
    .filter((p) => (nextRoute(p) || inRouteFolder(p)) && !NOT_A_ROUTE.test(p) && isProductionPath(p) && !inCopy(p))
    .slice(0, MAX_ROUTE_FILES * 2)
    .filter((p) => HANDLES.test(ctx.files.read(p) ?? ''));
  // Next.js route handlers, when there are any, are the routes: helpers under lib/api are not.
  const next = files.filter(nextRoute);
  if (next.length >= 2) files = next;
  routesOf.set(ctx.files, files);
  return files;
}

/** The route files of the repository, narrowed by the scope words a path segment shows ("user", "admin"). */
function routeFiles(ctx: LookupContext, scope: string[]): { files: string[]; narrowed: string[] } {
  let files = allRouteFiles(ctx);
  const narrowed: string[] = [];
  for (const word of scope) {
    const w = singular(word);
    if (w.length < 3) continue;
    const within = files.filter((p) =>
      p
        .split('/')
        .slice(0, -1)
        .some((seg) => singular(seg) === w),
    );
    if (within.length) {
      files = within;
      narrowed.push(word);
    }
  }
  return { files: files.slice(0, MAX_ROUTE_FILES), narrowed };
}

/**
 * What shows that a route file uses the thing: the code names the line gives (`requireAuth()`), a
 * declared package it names (zod, imported), and the calls the evidence found in route files or named
 * in its notes ("checkRateLimit used here").
 */
function usesOf(ctx: LookupContext, claim: Claim, evidence: readonly Evidence[], routes: Set<string>) {
  const raw = claim.raw ?? claim.text;
  const ids = new Set(namesOf(claim).identifiers.filter((x) => /^[A-Za-z_$][\w$]{3,}$/.test(x)));
  for (const e of evidence) {
    // "hand-written rate limiting: checkRateLimit defined here": the word before the verb.
    const words = (e.note ?? '').split(' ');
    words.forEach((w, i) => {
      if (
        i > 0 &&
        words[i + 1] === 'here' &&
        /^(?:used|defined|called)$/.test(w) &&
        /^[A-Za-z_$][\w$]{3,}$/.test(words[i - 1]!)
      )
        ids.add(words[i - 1]!);
    });
    if (e.snippet && routes.has(e.path))
      for (const c of e.snippet.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]{3,})\s?\(/g))
        if (!KEYWORD.test(c[1]!)) ids.add(c[1]!);
  }
  const words = new Set(
    plain(raw)
      .toLowerCase()
      .split(/[^\w@/.-]+/)
      .filter((w) => w.length >= 3),
  );
  const packages = ctx.facts.dependencies
    .map((d) => d.name.toLowerCase())
    .filter((n, i, all) => words.has(n) && all.indexOf(n) === i);
  return { ids: [...ids].slice(0, 12), packages: packages.slice(0, 4) };
}

/** Where a use of the thing sits in a file's text (the first line), or null. */
function useIn(text: string, ids: RegExp | null, pkgs: RegExp | null): { line: number; snippet: string } | null {
  const m = ids?.exec(text) ?? pkgs?.exec(text);
  if (!m) return null;
  const start = text.lastIndexOf('\n', m.index) + 1;
  const end = text.indexOf('\n', m.index);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
  return {
    line,
    snippet: text
      .slice(start, end === -1 ? undefined : end)
      .trim()
      .slice(0, 160),
  };
}

/** Files where an app wires its middleware: the entry points, routers, kernels and middleware files. */
const WIRING =
  /(?:^|\/)(?:(?:app|server|main|index|router|routes|routing|kernel|bootstrap|startup|program|middleware|urls|settings)\.\w+|middlewares?\/[^/]+)$/i;
/** A line that registers middleware for a router or app. */
const REGISTERS = /\.use\s*\(|\.Use\w*\s*\(|->middleware\s*\(|\bmiddleware\s*[:=(]|\bMIDDLEWARE\b|add_middleware\s*\(/;

/** The first line that registers as middleware something the claim's names name (a part of its name will do). */
function appliedToAll(ctx: LookupContext, routes: readonly string[], ids: readonly string[]): Evidence | null {
  if (!ids.length) return null;
  const needles = ids.map((x) => x.toLowerCase());
  const candidates = [
    ...routes,
    ...ctx.files.paths.filter((p) => WIRING.test(p) && isProductionPath(p)).slice(0, MAX_ROUTE_FILES),
  ];
  for (const p of new Set(candidates)) {
    const text = ctx.files.read(p);
    if (!text) continue;
    if (!spend(ctx, text)) return null;
    let line = 0;
    for (const l of text.split('\n', 20_000)) {
      line++;
      if (l.length > 400 || !REGISTERS.test(l)) continue;
      const low = l.toLowerCase();
      if (needles.some((n) => low.includes(n))) return { path: p, line, snippet: l.trim().slice(0, 160) };
    }
  }
  return null;
}

/**
 * The line's "every route" counted: null when the line says no such thing. The verdict counts route
 * files that name the thing among those in scope.
 */
export function routeCoverage(ctx: LookupContext, claim: Claim, v: VerifiedClaim): RouteCoverage | null {
  if (claim.number) return null;
  const every = everyRoute(claim.raw ?? claim.text);
  if (!every) return null;
  const { files, narrowed } = routeFiles(ctx, every.scope);
  const scopeName = `${narrowed.length ? `${narrowed.join(' ')} ` : ''}route files`;
  const open = (why: string): RouteCoverage => ({
    verdict: 'unverifiable',
    reason: `${v.reason}; but the line says it of every ${every.noun.replace(/s$/, '')}, and ${why}`,
    evidence: v.evidence,
  });
  if (files.length < 2) return open('fewer than two route files were found to count');
  if (spent(ctx)) return open('the budget for counting route files in one document is spent');
  const { ids, packages } = usesOf(ctx, claim, v.evidence, new Set(files));
  if (!ids.length && !packages.length) return open('no code name of the thing was found to count route files by');
  const idRe = ids.length ? new RegExp(`(?<![\\w$])(?:${ids.map(escapeRe).join('|')})(?![\\w$])`) : null;
  const pkgs = packages.map(escapeRe).join('|');
  const pkgRe = packages.length
    ? new RegExp(
        `(?:from|import|require\\()\\s*(?:\\(\\s*)?['"](?:${pkgs})['"/]|^[ \\t]*(?:from|import)[ \\t]+(?:${pkgs})(?![\\w-])`,
        'm',
      )
    : null;
  const using: Evidence[] = [];
  const without: string[] = [];
  for (const p of files) {
    const text = ctx.files.read(p);
    if (text === undefined) continue;
    if (!spend(ctx, text)) return open('the budget for counting route files in one document is spent');
    const at = useIn(text, idRe, pkgRe);
    if (at) using.push({ path: p, line: at.line, snippet: at.snippet });
    else without.push(p);
  }
  const total = using.length + without.length;
  const what = [...ids, ...packages].slice(0, 4).join(', ');
  const counted = `${using.length} of ${total} ${scopeName} name ${what}`;
  if (total < 2) return open('fewer than two route files could be read');
  if (!without.length) return { verdict: 'confirmed', reason: `counted: ${counted}`, evidence: using.slice(0, 4) };
  // Registered as middleware (`r.Use(RateLimitMiddleware(…))`, `app.use(limiter)`, a Next.js
  // middleware.ts that calls it): it may reach every route of the router, which the files do not show.
  const applied = appliedToAll(ctx, files, ids);
  if (applied) {
    if (v.verdict === 'confirmed')
      return {
        verdict: 'confirmed',
        reason: `${v.reason}; applied as middleware at ${applied.path}:${applied.line} (${counted} themselves)`,
        evidence: [applied, ...v.evidence].slice(0, 4),
      };
    return null;
  }
  if (!using.length) return open(`none of the ${total} ${scopeName} names ${what}`);
  return {
    verdict: 'partially-confirmed',
    reason: `only in part: ${counted}; not: ${without.slice(0, 3).join(', ')}${without.length > 3 ? ` and ${without.length - 3} more` : ''}`,
    evidence: [...using.slice(0, 2), ...without.slice(0, 2).map((path) => ({ path, note: `names none of ${what}` }))],
  };
}
