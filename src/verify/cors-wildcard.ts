/**
 * "CORS: WILDCARD ENABLED", "Wildcard CORS allows any origin": a line that says the API accepts
 * requests from any origin. A reader opens the CORS set-up: origins read from a list or a setting,
 * with no "*" anywhere they are set, says the line is out of date (the wildcard was fixed after the
 * document was written). A wildcard found anywhere a CORS origin is set — or a framework's CORS
 * switched on with no origins, which allows all (`CORS(app)`, `app.use(cors())`) — leaves the line to
 * the other checks; no CORS set-up found decides nothing.
 */
import { isCommentLine, isProductionPath, isTestPath } from '../facts/paths.js';
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import { plain } from './status.js';

const CORS = /\bcors\b|cross[- ]origin/i;
/** The line says any origin is let in. */
const ANY_ORIGIN =
  /\bwildcard\b|\bany origins?\b|\ball origins\b|\ballow(?:s|ing)? all\b|["'`]\*["'`]|\borigins?\s*[:=]\s*\*/i;
/** The line says the wildcard is gone, refused or never there. */
const NOT_THERE =
  /\b(?:no|not|without|never|removed|restricted|disabled|fixed|resolved|replaced|rejected|forbid\w*|prevent\w*)\b/i;

/** Where CORS origins are set: a setting's name, a header, a framework's call. */
const ORIGIN_SETTING =
  /allow_origins|allowed_?origins|cors_?origins?|CORS_ALLOW\w*|Access-Control-Allow-Origin|AllowAnyOrigin|WithOrigins|allowedOrigin\w*|addAllowedOrigin|["']?origins?["']?\s*[:=]/i;
/** An origin set to anything: "*" as the value, a default of "*", or CORS on with no origins. */
const WILDCARD = new RegExp(
  [
    String.raw`(?:allow_origins|allowed_?origins|cors_?origins?\w*|allowedOrigin\w*|Access-Control-Allow-Origin|["']?origins?["']?)["']?\s*[:=,]\s*(?:\[|\{|List\.of\(|Arrays\.asList\()?\s*["'\x60]?\*(?![\w*])`,
    String.raw`(?:WithOrigins|addAllowedOrigin\w*|allowedOrigin\w*|setAllowedOrigin\w*)\s*\(\s*(?:List\.of\(|Arrays\.asList\(|\[)?\s*["']\*["']`,
    String.raw`AllowAnyOrigin\s*\(|CORS_ALLOW_ALL_ORIGINS\s*=\s*True|CORS_ORIGIN_ALLOW_ALL\s*=\s*True|\borigin\s*:\s*true\b`,
    String.raw`\bcors\(\s*\)|\bCORS\(\s*app\s*\)`,
    String.raw`(?:getenv|environ\.get|env)\s*\([^()]*,\s*["']\*["']\s*\)|:-\*\}`,
  ].join('|'),
  'i',
);
const FILES =
  /\.(?:py|js|mjs|cjs|ts|java|kt|cs|go|rb|php|ya?ml|json|toml|properties|conf|ini|env|example)$|(?:^|\/)\.env[\w.-]*$/i;
const MAX_FILES = 3000;

export interface CorsOrigins {
  /** The lines that set CORS origins (first few). */
  settings: Evidence[];
  wildcard: Evidence | null;
}

/** Whether the line says the API lets any origin in, and does not say that was fixed. */
export function saysAnyOrigin(claim: Claim): boolean {
  if (claim.asserted === 'planned') return false;
  const t = plain(claim.text);
  return CORS.test(`${t} ${claim.section ?? ''}`) && ANY_ORIGIN.test(t) && !NOT_THERE.test(t);
}

const memo = new WeakMap<object, CorsOrigins>();

/** The CORS origin settings of the product's code and configuration, and a wildcard among them. */
export function corsOrigins(ctx: LookupContext): CorsOrigins {
  const known = memo.get(ctx.files);
  if (known) return known;
  const settings: Evidence[] = [];
  let wildcard: Evidence | null = null;
  const paths = ctx.files.paths.filter((p) => FILES.test(p) && isProductionPath(p) && !isTestPath(p));
  for (const path of paths.slice(0, MAX_FILES)) {
    const text = fileText(ctx, path);
    if (!text || !/origin|cors/i.test(text)) continue;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && !wildcard; i++) {
      const l = lines[i]!;
      if (l.length > 400 || isCommentLine(l) || !/origin|cors/i.test(l)) continue;
      if (WILDCARD.test(l)) wildcard = { path, line: i + 1, snippet: l.trim().slice(0, 160) };
      else if (ORIGIN_SETTING.test(l) && /allow|cors/i.test(l) && settings.length < 3)
        settings.push({ path, line: i + 1, snippet: l.trim().slice(0, 160) });
    }
    if (wildcard) break;
  }
  const out = { settings, wildcard };
  memo.set(ctx.files, out);
  return out;
}
