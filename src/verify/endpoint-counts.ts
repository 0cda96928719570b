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
/** "API Endpoints: 11", "| Endpoints | 60 |", "Total routes: 42": a label line that counts the whole API. */
const LABEL =
  /^(?:[-*•✅☑\s[\]xX]*)(?:total\s+)?(?:(?:rest(?:ful)?|api|http)[\s-]+){0,2}(?:endpoints?|routes)\s*(?:[:=]|\|)\s*(\d{1,4})\s*(?:\|\s*)?$/i;
/**
 * "全60エンドポイント実装完了", "合計60エンドポイント", "共 60 个接口": a total of the API's endpoints in
 * Japanese or Chinese, where a word for "all" or "in total" says it is the whole API.
 */
const CJK_TOTAL =
  /(?:全|合計|総計|総|共|总共|总计|合计)\s*(\d{1,4})\s*(?:(?:個の?|个|件の?)\s*)?(?:API\s*)?(?:エンドポイント|端点|接口)/i;
const AFTER =
  /^\s*(?:(?:fully\s+|vollständig\s+)?(?:implemented|defined|exposed|implementiert|implementados?|documented)\b.*)?$/i;

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

/** The route declarations of one file of the product's code: how many, and the first one's line. */
export function declaredIn(ctx: LookupContext, path: string): { found: number; first: number } | null {
  if (!SOURCE.test(path) || !isProductionPath(path) || isTestPath(path)) return null;
  const text = ctx.readText ? ctx.readText(path, MAX_FILE) : ctx.files.read(path);
  if (!text) return null;
  let found = 0;
  let first = 0;
  let line = 0;
  for (const l of text.split('\n')) {
    line++;
    if (l.length > 400 || !DECLARATION.some((re) => re.test(l))) continue;
    found++;
    if (!first) first = line;
  }
  return found ? { found, first } : null;
}

/** The application's endpoints a line counts, and the route declarations of its code; null when the line is not such a count. */
export function endpointCount(ctx: LookupContext | undefined, claim: Claim): EndpointCount | null {
  if (!ctx || claim.asserted === 'not-done') return null;
  const text = plain(claim.text);
  const claimed = countOf(text);
  if (claimed === null) return null;
  const d = declarations(ctx);
  if (!d) return null;
  return { claimed, ...d };
}

/** The one count of the whole API's endpoints a line gives, or null. */
function countOf(text: string): number | null {
  const label = LABEL.exec(text);
  if (label) return Number(label[1]);
  const cjk = CJK_TOTAL.exec(text);
  if (cjk) {
    // One figure only on the line: "全60エンドポイント（うち5個は管理者用）" counts more than one thing.
    const rest = text.slice(0, cjk.index) + text.slice(cjk.index + cjk[0].length);
    // "全2エンドポイントのドキュメント化完了" counts documented endpoints, not the API's.
    const documented = DOCUMENTED_CJK.test(text.slice(cjk.index + cjk[0].length, cjk.index + cjk[0].length + 12));
    return /\d/.test(rest) || documented ? null : Number(cjk[1]);
  }
  const m = ENDPOINT_COUNT.exec(text);
  if (!m) return null;
  // One figure only, and nothing before it but words that say it is the whole API.
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  if (/\d/.test(before) || /\d/.test(after) || !WHOLE.test(before) || !AFTER.test(after)) return null;
  return Number(m[1]);
}

/** More declarations than the document counts: out of date; as many: as said; fewer: not settled. */
export function endpointVerdict(c: EndpointCount): 'confirmed' | 'contradicted' | 'unverifiable' {
  return c.found === c.claimed ? 'confirmed' : c.found > c.claimed ? 'contradicted' : 'unverifiable';
}
