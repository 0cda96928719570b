/**
 * "Complete REST API with 6 endpoints", "13 RESTful API Endpoints", "51 API Endpoints implemented": the
 * number of endpoints of the whole application. A reader counts the route declarations of the product's
 * code (`@GetMapping`, `[HttpPost]`, `@router.get(`, `router.post('/`, `Route::get(`, `r.Get("/`), one a
 * line. The count is compared one way only: more declarations than the document says is a document
 * written before the code grew (contradicted); exactly as many confirms; fewer is left open, since a
 * style of declaring routes this reader does not know would be missed, not invented.
 */
import { isProductionPath, isTestPath } from '../facts/paths.js';
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { inCopy } from './coverage.js';
import { plain } from './status.js';

/**
 * "6 endpoints", "13 RESTful API Endpoints", "51 API-Endpoints": the count, then at most the words that
 * say they are the API's. (A qualifier that narrows them — "web routes", "post endpoints", "admin
 * endpoints" — is a part of the API this reader does not scope.)
 */
const ENDPOINT_COUNT =
  /(?<![\w.,/+-])(\d{1,4})\s+(?:(?:rest(?:ful)?|api|http|json)[\s-]+){0,3}(?:endpoints?|routes)\b(?!\s*(?:\+|per\b|for\b|in\b|of\b|across\b|each\b))/i;
/** The line is about the whole API: it says so, or names nothing else ("13 RESTful API Endpoints"). */
const WHOLE = /^(?:[-*•✅☑\s[\]xX]*)(?:(?:complete|full|total)\s+)?(?:rest(?:ful)?\s+)?(?:api\s+)?(?:with\s+)?$/i;
const AFTER =
  /^\s*(?:(?:fully\s+|vollständig\s+)?(?:implemented|defined|exposed|implementiert|implementados?|documented)\b.*)?$/i;

/**
 * "実装済みAPI（合計60エンドポイント）", "全60個のエンドポイント", "共 60 个接口": the total of the API's
 * endpoints in Japanese or Chinese — a word for "total" or "all" before the figure says it is the whole.
 */
const WHOLE_CJK = /(?:合計|全|総|总|共)\s*(\d{1,4})\s*(?:個の?|个)?\s*(?:エンドポイント|API|接口|端点)/;
/** "全60エンドポイントのドキュメント化完了": a count of what the documentation describes, not of the code. */
const DOCUMENTED_CJK = /ドキュメント|文書化|文档|ドキュメンテーション/;

/** One route declaration on a line, by framework. */
const DECLARATION = [
  /^\s*@(?:Get|Post|Put|Delete|Patch)Mapping\b/, // Spring
  /^\s*\[Http(?:Get|Post|Put|Delete|Patch)\b/, // ASP.NET Core
  /^\s*@\w+\.(?:get|post|put|delete|patch|api_route)\(/, // FastAPI, Flask 2
  /^\s*@(?:Get|Post|Put|Delete|Patch)\(/, // NestJS
  /^\s*(?:app|router|api|\w+Router|routes)\.(?:get|post|put|delete|patch)\(\s*['"`]\//, // Express, Koa
  /^\s*Route::(?:get|post|put|delete|patch)\(/, // Laravel
  /^\s*\w+\.(?:GET|POST|PUT|DELETE|PATCH|Get|Post|Put|Delete|Patch)\(\s*"\//, // Go: gin, echo, chi
];
const SOURCE = /\.(?:java|kt|cs|py|ts|js|mjs|cjs|php|go)$/i;
const MAX_FILES = 2000;
const MAX_FILE = 512 * 1024;

export interface EndpointCount {
  claimed: number;
  found: number;
  files: number;
  evidence: Evidence[];
}

const counted = new WeakMap<object, { found: number; files: number; evidence: Evidence[] } | null>();

function declarations(ctx: LookupContext): { found: number; files: number; evidence: Evidence[] } | null {
  const known = counted.get(ctx.files);
  if (known !== undefined) return known;
  const paths = ctx.files.paths.filter(
    (p) => SOURCE.test(p) && isProductionPath(p) && !isTestPath(p) && !inCopy(p) && !p.endsWith('.d.ts'),
  );
  let result: { found: number; files: number; evidence: Evidence[] } | null = null;
  if (paths.length <= MAX_FILES) {
    let found = 0;
    let files = 0;
    const evidence: Evidence[] = [];
    for (const path of paths) {
      const text = ctx.readText ? ctx.readText(path, MAX_FILE) : ctx.files.read(path);
      if (!text) continue;
      let here = 0;
      let first = 0;
      let line = 0;
      for (const l of text.split('\n')) {
        line++;
        if (l.length > 400) continue;
        if (DECLARATION.some((re) => re.test(l))) {
          here++;
          if (!first) first = line;
        }
      }
      if (!here) continue;
      found += here;
      files++;
      if (evidence.length < 4) evidence.push({ path, line: first, note: `${here} routes` });
    }
    result = found ? { found, files, evidence } : null;
  }
  counted.set(ctx.files, result);
  return result;
}

/** The application's endpoints a line counts, and the route declarations of its code; null when the line is not such a count. */
export function endpointCount(ctx: LookupContext | undefined, claim: Claim): EndpointCount | null {
  if (!ctx || claim.asserted === 'not-done') return null;
  const text = plain(claim.text);
  const cjk = WHOLE_CJK.exec(text);
  if (cjk && !/\d/.test(text.replace(cjk[0], '')) && !DOCUMENTED_CJK.test(text)) {
    const d = declarations(ctx);
    return d ? { claimed: Number(cjk[1]), ...d } : null;
  }
  const m = ENDPOINT_COUNT.exec(text);
  if (!m) return null;
  // One figure only, and nothing before it but words that say it is the whole API.
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  if (/\d/.test(before) || /\d/.test(after) || !WHOLE.test(before) || !AFTER.test(after)) return null;
  const d = declarations(ctx);
  if (!d) return null;
  return { claimed: Number(m[1]), ...d };
}

/** More declarations than the document counts: out of date; as many: as said; fewer: not settled. */
export function endpointVerdict(c: EndpointCount): 'confirmed' | 'contradicted' | 'unverifiable' {
  return c.found === c.claimed ? 'confirmed' : c.found > c.claimed ? 'contradicted' : 'unverifiable';
}
