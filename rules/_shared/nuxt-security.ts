/**
 * The nuxt-security module (a Nuxt module listed in `modules` of nuxt.config): by default it sends
 * the OWASP security headers (Content-Security-Policy, Strict-Transport-Security, X-Frame-Options,
 * X-Content-Type-Options, Referrer-Policy …) and limits request rates (its `rateLimiter`, 150 requests
 * per 5 minutes per IP); CSRF protection only with `csrf: true` (nuxt-csurf). Options in the
 * config's `security: { … }` block turn parts off (`headers: false`, `strictTransportSecurity: false`,
 * `rateLimiter: false`, `enabled: false`). Credited only where the module is loaded in production: a
 * ternary that loads it in development or tests only does not count.
 */
import type { Evidence, FileView, Match } from '../../src/types.js';
import { isProductionPath } from '../../src/facts/paths.js';
import { lineAt } from '../../src/util/lines.js';

export interface NuxtSecurity {
  /** The modules entry that loads it. */
  at: Match;
  headers: boolean;
  hsts: boolean;
  csrf: boolean;
  /** The rate limiter is on (its default) — or the line that turns it off. */
  rateLimiter: true | Evidence;
}

const MODULE = /["'`]nuxt-security["'`]/;
/** A condition naming development or tests (`isDevelopment`, `process.env.NODE_ENV === 'test'`, `isDev`). */
const DEV_CONDITION = /dev|test|local/i;
const PROD_CONDITION = /prod/i;

/** The nuxt-security module as this repository's production build loads it, or undefined. */
export function nuxtSecurity(files: FileView): NuxtSecurity | undefined {
  for (const path of files.match(['**/nuxt.config.{ts,js,mjs,mts}']).slice(0, 10)) {
    if (!isProductionPath(path)) continue;
    const text = (files.read(path) ?? '').slice(0, 300_000);
    const modulesAt = text.search(/\bmodules\s*:\s*\[/);
    if (modulesAt < 0) continue;
    const lines = text.split('\n');
    const first = lineAt(text, modulesAt);
    let hit: { line: number; text: string } | undefined;
    for (let i = first - 1; i < Math.min(lines.length, first + 80); i++) {
      const l = lines[i]!;
      if (/^\s*\/\//.test(l)) continue;
      if (MODULE.test(l)) {
        hit = { line: i + 1, text: l };
        break;
      }
      if (i > first - 1 && /^\s*\]/.test(l)) break;
    }
    if (!hit || !productionLoad(hit.text)) continue;
    const block = securityBlock(text);
    const off = (re: RegExp) => (block ? re.exec(block.body) : null);
    if (off(/\benabled\s*:\s*false\b/)) continue;
    const limiterOff = off(/\brateLimiter\s*:\s*false\b/);
    return {
      at: { path, line: hit.line, snippet: hit.text.trim().slice(0, 120), groups: [] },
      headers: !off(/\bheaders\s*:\s*false\b/),
      hsts: !off(/\bheaders\s*:\s*false\b/) && !off(/\bstrictTransportSecurity\s*:\s*false\b/),
      csrf: !!off(/\bcsrf\s*:\s*(?:true\b|\{)/),
      rateLimiter:
        limiterOff && block
          ? {
              path,
              line: lineAt(text, block.start + limiterOff.index),
              snippet: limiterOff[0],
              note: 'nuxt-security rate limiter turned off',
            }
          : true,
    };
  }
  return undefined;
}

/** Whether a modules entry loads the module in production: not only in a development/test branch. */
function productionLoad(line: string): boolean {
  const q = line.indexOf('?');
  if (q < 0) return true;
  const cond = line.slice(0, q);
  const rest = line.slice(q + 1);
  const colon = rest.indexOf(':');
  const inTrue = MODULE.test(colon < 0 ? rest : rest.slice(0, colon));
  const negated = /!\s*\(?\s*[\w.]*(?:dev|test|local)/i.test(cond);
  const dev = DEV_CONDITION.test(cond) && !negated;
  const prod = PROD_CONDITION.test(cond) && !/!\s*\(?\s*[\w.]*prod/i.test(cond);
  if (inTrue) return !dev || prod;
  // In the else branch: loaded unless the condition is production (`isProd ? [] : ['nuxt-security']`).
  return !prod || dev;
}

/** The `security: { … }` block of a nuxt.config (its body, brace-matched, at most 20,000 characters). */
function securityBlock(text: string): { start: number; body: string } | undefined {
  const m = /^[ \t]*security\s*:\s*\{/m.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  let depth = 1;
  const end = Math.min(text.length, start + 20_000);
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { start, body: text.slice(start, i) };
  }
  return { start, body: text.slice(start, end) };
}
