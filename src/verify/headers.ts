/**
 * Lists of HTTP response headers a document says are set ("- X-Frame-Options: DENY", "- Strict-
 * Transport-Security (HSTS)   // Enabled via ENABLE_HSTS=true", "- HSTS: Configurable"): each header is
 * set in the code or configuration, with the value given. A header found names its file:line; one set
 * nowhere is contradicted, unless a library that sets such headers by default is declared.
 */
import type { Claim } from './extract.js';
import type { Out } from './judge.js';
import type { LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import type { VerifiedClaim } from './schema.js';
import { table } from '../util/table.js';
import { escapeRe } from '../util/regex.js';

/** Short names lists give headers. */
const ALIASES: Record<string, string> = table({
  hsts: 'Strict-Transport-Security',
  csp: 'Content-Security-Policy',
  'x-xss': 'X-XSS-Protection',
});
const HEADER_NAME =
  /^(?:X-[A-Za-z][\w-]*|Strict-Transport-Security|Content-Security-Policy(?:-Report-Only)?|Referrer-Policy|Permissions-Policy|Feature-Policy|Cache-Control|Cross-Origin-(?:Opener|Embedder|Resource)-Policy|Access-Control-[A-Za-z-]+|HSTS|CSP)$/i;
/** "X-Frame-Options: DENY", "Strict-Transport-Security (HSTS)", "`Referrer-Policy`": a list item's body, its note cut off. */
const HEADER_ITEM = /^(?:\*\*)?`?([A-Za-z][\w-]{1,60})`?(?:\*\*)?(?: ?\(([^()]{1,40})\))?(?::(.*))?$/;
/** Where an item's note starts: "// clickjacking", "# note", "— note", " - note". */
const NOTE_AT = /\/\/|\s#|—|–|\s-\s/;
const HEADER_HINT =
  /X-[A-Za-z]|Strict-Transport|Content-Security|Referrer-Policy|Permissions-Policy|Feature-Policy|Cache-Control|Cross-Origin|Access-Control|\bHSTS\b|\bCSP\b/i;
/** Values that say how the header is set, not what it is set to. */
const NO_VALUE =
  /^(?:configurable|configured|enabled|optional|on|yes|set|true|supported|added|present|implemented|active)\b/i;
/** Libraries that set security headers by default. */
const HEADER_LIBRARY =
  /^(?:helmet|koa-helmet|@fastify\/helmet|fastify-helmet|lusca|flask-talisman|talisman|secure|django|django-csp|spring-boot-starter-security|spring-security-web|nwebsec[\w.]*|secure_headers|secureheaders|@nestjs\/helmet)$/i;
/** Files that hold code or configuration (not documentation). */
const CODE_FILE =
  /\.(?:[cm]?[jt]sx?|py|go|rb|php|java|kts?|scala|cs|rs|swift|dart|ex|exs|ya?ml|json|toml|conf|ini|xml|properties|tf|hcl|env\w*|example|vue|svelte|html)$|(?:^|\/)(?:nginx\.conf|Caddyfile|\.htaccess|_headers|Dockerfile)$/i;

export interface Setting {
  name: string;
  value?: string;
}

/** The header a list item names and the value it gives, when the item is a header's. */
export function headerItem(raw: string): Setting | null {
  // (A cheap test first: most lines name no header, and the item's pattern is read only on short lines.)
  if (raw.length > 300 || !HEADER_HINT.test(raw)) return null;
  const body = raw.replace(/^\s*(?:>\s?)?(?:[-*+•] )?/, '');
  const cut = body.search(NOTE_AT);
  const m = HEADER_ITEM.exec((cut >= 0 ? body.slice(0, cut) : body).trim());
  if (!m || !HEADER_NAME.test(m[1]!)) return null;
  // "Strict-Transport-Security (HSTS)": the alias in parentheses says the same.
  const name = ALIASES[m[1]!.toLowerCase()] ?? m[1]!;
  if (!name.includes('-')) return null;
  // ("Configurable (optional)": what is in parentheses after the value is an aside.)
  const raw3 = m[3]?.trim().replace(/`/g, '') ?? '';
  const aside = raw3.search(/\s\(/);
  const value = (aside >= 0 ? raw3.slice(0, aside) : raw3).trim();
  return value && !NO_VALUE.test(value) && value.length <= 80 ? { name, value } : { name };
}

interface Hit {
  path: string;
  line: number;
  rows: string[];
}
const hitsMemo = new WeakMap<object, Map<string, Hit[]>>();

/** Where the code or configuration names a header, first 20 places. */
function headerHits(ctx: LookupContext, name: string): Hit[] {
  let memo = hitsMemo.get(ctx.files);
  if (!memo) hitsMemo.set(ctx.files, (memo = new Map()));
  const key = name.toLowerCase();
  const known = memo.get(key);
  if (known) return known;
  const out: Hit[] = [];
  const re = new RegExp(`(?<![\\w-])${name.replace(/-/g, '[-_]')}(?![\\w-])`, 'i');
  // Code first, then configuration and its examples: where the header is set, before where it is tuned.
  const config = (p: string) => /\.(?:env\w*|example|ya?ml|json|toml|ini|properties|conf)$|(?:^|\/)\.env/i.test(p);
  const paths = [...ctx.files.paths.filter((p) => !config(p)), ...ctx.files.paths.filter(config)];
  for (const path of paths) {
    if (!CODE_FILE.test(path) || /(?:^|\/)(?:node_modules|vendor|dist|build)\//.test(path)) continue;
    const text = fileText(ctx, path);
    if (!text || !re.test(text)) continue;
    const rows = text.split('\n');
    rows.forEach((r, k) => {
      if (out.length < 20 && re.test(r)) out.push({ path, line: k + 1, rows });
    });
    if (out.length >= 20) break;
  }
  memo.set(key, out);
  return out;
}

export function judgeHeader(claim: Claim, ctx: LookupContext, out: Out): VerifiedClaim {
  const { name, value } = claim.setting!;
  const absent = claim.asserted === 'not-done';
  const hits = headerHits(ctx, name);
  if (!hits.length) {
    const library = ctx.facts.dependencies.find((d) => HEADER_LIBRARY.test(d.name));
    if (library && !absent)
      return out(
        'search',
        'unverifiable',
        `no file names ${name}, but ${library.name} is declared, which may set it by default`,
        [{ path: library.path, ...(library.line ? { line: library.line } : {}), note: library.name }],
      );
    return out(
      'search',
      absent ? 'confirmed' : 'contradicted',
      absent ? `found: no file of code or configuration sets ${name}` : `no file of code or configuration sets ${name}`,
      [{ path: '.', note: `no ${name}` }],
    );
  }
  const first = hits[0]!;
  const cite = (h: Hit) => ({ path: h.path, line: h.line, snippet: h.rows[h.line - 1]!.trim().slice(0, 160) });
  if (absent)
    return out(
      'search',
      'contradicted',
      `the document says ${name} is not set, but ${first.path}:${first.line} sets it`,
      [cite(first)],
    );
  if (!value) return out('search', 'confirmed', `found: ${name} at ${first.path}:${first.line}`, [cite(first)]);
  // The value beside the name, a few lines around it (a header's value is often on the next line).
  // ("sniff" is not "nosniff": the value as a whole word.)
  const want = new RegExp(`(?<![\\w-])${escapeRe(value).replace(/\s+/g, '\\s*')}(?![\\w-])`, 'i');
  const valued = hits.find((h) => want.test(h.rows.slice(Math.max(0, h.line - 4), h.line + 3).join(' ')));
  if (valued)
    return out('search', 'confirmed', `found: ${name} ${value} at ${valued.path}:${valued.line}`, [cite(valued)]);
  return out(
    'search',
    'partially-confirmed',
    `${name} is set at ${first.path}:${first.line}, but the value ${value} is not written beside it`,
    [cite(first)],
  );
}
