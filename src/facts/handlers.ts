/**
 * Which route handlers do a given kind of work (check a dependency, count requests…), read the way
 * a reviewer reads them: the handler is written under the route (an inline callback, a decorated
 * controller method) or named by it (`path("status/", views.status)`, `mux.HandleFunc("/health",
 * h.health)`) and defined elsewhere. The scan finds the work; this joins it to the routes.
 */
import type { FileView, Match } from '../types.js';
import { pushTo } from '../util/push-to.js';

/** How far below a route its inline handler or controller methods reach. */
const BELOW = 15;
/** How far above a line of work its enclosing function definition may be. */
const ABOVE = 20;

/** A function or method definition, with its name (Python, Go, JS/TS, Ruby, JVM, C#, PHP, Rust). */
const DEFINITION =
  /^\s*(?:(?:export|public|private|protected|internal|static|async|override|virtual|final|pub(?:\(crate\))?|suspend)\s+)*(?:def|func(?:\s*\([^)]*\))?|function|fn|fun)\s+(\w+)|^\s*(?:(?:public|private|protected|internal|static|async|override|virtual|final)\s+)+(?:[\w<>[\],.?]+\s+)?(\w+)\s*\(|^\s*(?:async\s+)?(\w+)\s*\([^)]*\)\s*(?::\s*[\w<>[\], |]+)?\s*\{\s*$|^\s*(?:export\s+)?(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*=>/;

const KEYWORDS = new Set([
  'if',
  'for',
  'foreach',
  'while',
  'switch',
  'catch',
  'using',
  'lock',
  'return',
  'function',
  'synchronized',
]);

/** The handler a route line names last: `views.status`, `h.health`, `HealthController.check`, `health`. */
const HANDLER_REF = /[\s,(]&?(?:[\w$]+\.)*([A-Za-z_]\w*)\s*(?:\)\s*)*[,;]?\s*(?:\)\s*)*(?:#.*|\/\/.*)?$/;

export interface Joined {
  route: Match;
  work: Match;
}

/**
 * Routes whose handler contains one of the `work` matches: written under the route in the same
 * file, or defined (in any file holding work) under the name the route line gives.
 */
export function routesDoing(files: FileView, routes: readonly Match[], work: readonly Match[]): Joined[] {
  const byFile = new Map<string, Match[]>();
  for (const w of work) pushTo(byFile, w.path, w);
  const enclosing = new Map<Match, string>();
  const nameOf = (w: Match): string | undefined => {
    if (!enclosing.has(w)) enclosing.set(w, enclosingFunction(files.read(w.path), w.line) ?? '');
    return enclosing.get(w) || undefined;
  };
  // Work written past the next route of the same file is that route's (a `/live` route over a
  // `/health` route whose handler opens a database session: round 18, fastapi-min).
  const routeLines = new Map<string, number[]>();
  for (const r of routes) pushTo(routeLines, r.path, r.line);
  const out: Joined[] = [];
  for (const route of routes) {
    const next = Math.min(
      ...(routeLines.get(route.path) ?? []).filter((l) => l > route.line),
      Number.POSITIVE_INFINITY,
    );
    const below = (byFile.get(route.path) ?? []).find(
      (w) => w.line >= route.line && w.line - route.line <= BELOW && w.line < next,
    );
    if (below) {
      out.push({ route, work: below });
      continue;
    }
    const refs = handlerNames(route.snippet);
    if (refs.size === 0) continue;
    // Read the route's file for import aliases only when no handler goes by a name the line gives.
    let named = work.find((w) => refs.has(nameOf(w) ?? ''));
    if (!named && work.length > 0) {
      const aliases = aliasesOf(refs, files.read(route.path));
      if (aliases.size > 0) named = work.find((w) => aliases.has(nameOf(w) ?? ''));
    }
    if (named) out.push({ route, work: named });
  }
  return out;
}

const NOT_A_HANDLER = /^(?:true|false|null|None|nil|get|post|put|delete|name)$/;
/** A bare argument after the first (`path("health", health_view, name="health")`): keyword arguments are not handlers. */
const ARGUMENT = /,\s*&?(?:[\w$]+\.)*([A-Za-z_]\w*)\s*(?=[,)])/g;

/** The names a route line may hand its request to: the last one it names and each bare argument after the path. */
function handlerNames(snippet: string): Set<string> {
  const names = new Set<string>();
  const last = HANDLER_REF.exec(snippet)?.[1];
  if (last) names.add(last);
  for (const m of snippet.matchAll(ARGUMENT)) names.add(m[1]!);
  for (const n of names) if (NOT_A_HANDLER.test(n)) names.delete(n);
  return names;
}

/** What those names are imported as in the route's file (`from .views.health import health as health_view`). */
function aliasesOf(names: Set<string>, text: string | undefined): Set<string> {
  const originals = new Set<string>();
  for (const n of names) {
    if (!text?.includes(` as ${n}`)) continue;
    const original = new RegExp(`\\b(\\w+)\\s+as\\s+${n}\\b`).exec(text)?.[1];
    if (original) originals.add(original);
  }
  return originals;
}

/** The name of the function whose body holds line `line` (1-based), looking a few lines up. */
export function enclosingFunction(text: string | undefined, line: number): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = line - 1; i >= 0 && line - 1 - i <= ABOVE; i--) {
    const name = DEFINITION.exec(lines[i] ?? '')
      ?.slice(1)
      .find(Boolean);
    if (name && !KEYWORDS.has(name)) return name;
  }
  return undefined;
}
