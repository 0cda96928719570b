/**
 * Is a practice the code defines ever used? A rate limiter, a role guard or a backoff helper the
 * project wrote itself has no library name to find: its definition is found by the shape of its
 * name, and it counts only when something else refers to it (blind round 4: umami's `rateLimit()`
 * in src/lib/redis.ts was defined and never called, yet passed rate limiting).
 *
 * The check is cheap and rides on the one scan: a rule declares a reference pattern that records
 * every identifier of its vocabulary (`\w*RateLimit\w*`, `is_admin`-style guards), so the lines
 * that mention a defined name are already among its matches — no file is read again and nothing is
 * parsed. A use is a production line, not a comment, that names the identifier as a word and is
 * neither a definition of it nor an import (an import alone runs nothing).
 */
import type { Evidence, FileView, Match } from '../types.js';
import { fromMatch, isCommentLine, isProductionPath } from './paths.js';

/** Modifiers that may precede a definition, in the languages the rules read. */
const MODS = String.raw`(?:(?:export|default|pub(?:\([\w:]+\))?|public|private|protected|internal|static|async|abstract|final|sealed|override|virtual|unsafe|extern|open|suspend|synchronized|fileprivate|nonisolated|mutating)\s+)*`;
/** `def x`, `fn x`, `func (r *T) x`, `function x`, `class X`, `struct X`, `impl X`, `impl T for X`… */
const DEF_KEYWORD = new RegExp(
  String.raw`^\s*${MODS}(?:def|fn|func(?:\s*\([^)]*\))?|function\*?|class|struct|enum|trait|interface|type|module|object|impl(?:<[^>]*>)?(?:\s+[\w:]+(?:<[^>]*>)?\s+for)?)\s+(?:self\.)?([A-Za-z_$][\w$]*)`,
);
/** `const x = (…) =>`, `export const x = async function`, `x = lambda`. */
const DEF_BINDING =
  /^\s*(?:export\s+)?(?:const|let|var|val)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]{1,80})?=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]{1,80})?=>|[A-Za-z_$][\w$]*\s*=>)/;
/**
 * A Kotlin function, an extension's receiver type before its name (`internal fun
 * ApplicationCall.checkAdminKey(secret: String) {`, `fun <T> List<T>.second(): T =`).
 */
const DEF_KOTLIN = new RegExp(
  String.raw`^\s*${MODS}(?:(?:inline|operator|infix|tailrec)\s+)*fun\s+(?:<[^>]*>\s*)?(?:[\w.]+(?:<[^>]*>)?\??\.)?([A-Za-z_]\w*)\s*\(`,
);
/**
 * A method: optional modifiers and a return type, the name, the parameters, then only a return
 * annotation and an opening brace (`async rateLimit(key: string): Promise<boolean> {`,
 * `public boolean isAdmin(User u) {`). A call never ends in `{` after its arguments, save a
 * control statement, whose keyword is refused below.
 */
const DEF_METHOD = new RegExp(
  String.raw`^\s*${MODS}(?:[\w<>[\],.?]+\s+)?([A-Za-z_$][\w$]*)\s*(?:<[^>(]*>)?\([^()]*(?:\([^()]*\)[^()]*)*\)\s*(?::\s*[^{;=]{1,80}?|\s+throws\s+[\w., ]+)?\s*\{\s*$`,
);
const CONTROL = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'with',
  'return',
  'else',
  'match',
  'using',
  'lock',
  'foreach',
  'elif',
  'until',
  'unless',
  'do',
  'try',
  'function',
  'new',
]);

/** The identifier a line defines (a function, method, type or implementation), or undefined. */
export function definedName(snippet: string): string | undefined {
  const m =
    DEF_KEYWORD.exec(snippet) ?? DEF_KOTLIN.exec(snippet) ?? DEF_BINDING.exec(snippet) ?? DEF_METHOD.exec(snippet);
  const name = m?.[1];
  return name && !CONTROL.has(name) ? name : undefined;
}

/**
 * An import or an item of a multi-line import list: `use crate::rate_limit::RateLimit;`,
 * `import { rateLimit } from`, `from x import is_admin`, `  rate_limit::RateLimit,`, `  rateLimit,`.
 */
const IMPORT =
  /^\s*(?:import\b|from\s+\S+\s+import\b|(?:pub\s+)?use\s|require\b|using\s|#include\b|export\s*(?:\{|\*)|\}\s*from\b)|^\s*[\w$:]+(?:\s+as\s+\w+)?\s*,?\s*\}?\s*;?\s*$|=\s*require\(/;

export function isImportLine(snippet: string): boolean {
  return IMPORT.test(snippet);
}

function escapeName(s: string): string {
  return s.replace(/[$]/g, '\\$');
}

/**
 * The first use of `name` (defined at `def`) among `refs`, a rule's reference matches: another
 * file's first, else a later or earlier line of the same file. Undefined when nothing uses it.
 */
export function findUse(name: string, def: Pick<Match, 'path' | 'line'>, refs: readonly Match[]): Match | undefined {
  const n = escapeName(name);
  const word = new RegExp(String.raw`(?<![\w$])${n}(?![\w$])`);
  // Called, constructed or handed on (`RateLimit::new(`, `rateLimit(req)`, `.wrap(limiter)`), not
  // only named in a type annotation: preferred as the use to cite.
  const active = new RegExp(String.raw`(?<![\w$])${n}\s*(?:\(|::|\.|!)|(?:\bnew\s+|[(,]\s*)${n}(?![\w$])`);
  let other: Match | undefined;
  let local: Match | undefined;
  for (const r of refs) {
    if (r.path === def.path && r.line === def.line) continue;
    if (!isProductionPath(r.path) || isCommentLine(r.snippet) || !word.test(r.snippet)) continue;
    const defines = definedName(r.snippet);
    if (defines === name || isImportLine(r.snippet)) continue;
    if (r.path !== def.path) {
      // In another definition's signature it is a type, not a call.
      if (!defines && active.test(r.snippet)) return r;
      other ??= r;
    } else local ??= r;
  }
  return other ?? local;
}

export interface Definition {
  def: Match;
  name: string;
  use?: Match;
}

/**
 * Splits code matches into what runs and what is only defined: a match on a line that defines a
 * name counts when the name is used elsewhere (`use` gives where), otherwise it is `unused`.
 * Matches that are not definitions (calls, registrations) pass through as `used`.
 */
export function splitByUse(
  matches: readonly Match[],
  refs: readonly Match[],
  covered?: RegExp,
  files?: Pick<FileView, 'lines'>,
): { used: Match[]; definitions: Definition[]; unused: Definition[] } {
  const used: Match[] = [];
  const definitions: Definition[] = [];
  const unused: Definition[] = [];
  for (const m of matches) {
    const name = definedName(m.snippet);
    // A name the reference pattern does not record cannot be looked up: it stands as found.
    if (!name || (covered && !covered.test(name))) {
      used.push(m);
      continue;
    }
    // A route handler is called by its framework, not by the project's code.
    const use = findUse(name, m, refs) ?? (files ? routeAnnotation(files, m) : undefined);
    if (use) {
      used.push(m);
      definitions.push({ def: m, name, use });
    } else unused.push({ def: m, name });
  }
  return { used, definitions, unused };
}

/**
 * A routing annotation on the lines above a definition (blind round 39, mokey: a Kotlin
 * `@GetMapping("/{namespace}") suspend fun checkPermissions(…)` was "defined but never used"):
 * Spring's and JAX-RS's mappings, NestJS/Micronaut method decorators, ASP.NET's `[HttpGet]`/`[Route]`,
 * Flask/FastAPI `@app.get(…)`. The framework routes requests to it. Up to four lines up, through
 * other annotations and blank lines; bounded per line.
 */
const ROUTE_ANNOTATION =
  /^\s*(?:@(?:(?:Get|Post|Put|Patch|Delete|Request)Mapping|GET|POST|PUT|PATCH|DELETE|Path)\b|@(?:Get|Post|Put|Patch|Delete|All)\(|\[(?:Http(?:Get|Post|Put|Patch|Delete)|Route)\b|@(?:app|router|bp|blueprint|api|api_router)\.(?:get|post|put|patch|delete|route|api_route)\()/;
export function routeAnnotation(files: Pick<FileView, 'lines'>, def: Match): Match | undefined {
  const lines = files.lines(def.path);
  if (!lines) return undefined;
  for (let i = def.line - 1; i >= Math.max(1, def.line - 4); i--) {
    const text = (lines.line(i) ?? '').slice(0, 400);
    if (ROUTE_ANNOTATION.test(text)) return { path: def.path, line: i, snippet: text.trim(), groups: [] };
    if (text.trim() !== '' && !/^\s*(?:@|\[)/.test(text)) return undefined;
  }
  return undefined;
}

/** Evidence for a hand-written practice: where it is defined, and one place that uses it. */
export function definitionEvidence(d: Definition, what: string): Evidence[] {
  const out: Evidence[] = [fromMatch(d.def, `${what}: ${d.name} defined here`)];
  if (d.use)
    out.push(
      fromMatch(
        d.use,
        d.use.path === d.def.path && d.use.line < d.def.line && ROUTE_ANNOTATION.test(d.use.snippet)
          ? `${d.name} is a route handler: the framework calls it for this mapping`
          : `${d.name} used here`,
      ),
    );
  return out;
}

/** "rateLimit is defined at src/lib/redis.ts:72 but never used" (the first few). */
export function unusedNote(unused: readonly Definition[]): string {
  const shown = unused.slice(0, 3).map((u) => `${u.name} is defined at ${u.def.path}:${u.def.line}`);
  const more = unused.length > 3 ? ` (and ${unused.length - 3} more)` : '';
  return `${shown.join('; ')}${more}, but never used`;
}
