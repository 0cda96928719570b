/**
 * Figures in a claim: the document's readiness ("85% production-ready", "9.1/10", "Grade: A"), a
 * sub-score ("Observability: 7/10"), test counts ("412/415 tests passing", "PaymentServiceTest: 4
 * tests", test-runner output), coverage ("Coverage: 71%"). A target ("goal: 80% coverage",
 * "> 80%") is not an achieved value: where a line gives both, the achieved one is read.
 */

export interface ClaimNumber {
  kind: 'percent' | 'count' | 'ratio' | 'score10' | 'grade';
  value: number | string;
  total?: number;
  /** What is counted or measured: "tests", "endpoints", "coverage", … */
  unit?: string;
}

/**
 * The figure a pattern finds within the 60 characters after a word ("Readiness score: 7.5/10"):
 * each occurrence of the word is tried on its own short slice, so no search runs over the line
 * from every position.
 */
function after(text: string, word: RegExp, figure: RegExp): string | undefined {
  for (const m of text.matchAll(word)) {
    const s = figure.exec(text.slice(m.index! + m[0].length, m.index! + m[0].length + 60));
    if (s) return s[1];
  }
  return undefined;
}
const READY_WORD = /production[- ]?ready|readiness|produktionsreife|preparaci[oó]n/gi;
const PERCENT_WITHIN = /^[^\n|]{0,40}?\b(\d{1,3}(?:\.\d+)?)\s*%/;
const READINESS: ((t: string) => string | undefined)[] = [
  (t) =>
    /(\d{1,3}(?:\.\d+)?)\s*%\s*(?:production[- ]?ready|ready\b|readiness|complete\b|produktionsreif|listo)/i.exec(
      t,
    )?.[1],
  (t) => after(t, READY_WORD, PERCENT_WITHIN),
  (t) => /(?:readiness|overall|gesamt)(?: score)?[ \t:=*]*(\d{1,3}(?:\.\d)?) ?\/ ?100\b/i.exec(t)?.[1],
];
/** "Readiness score: 7.5/10": a word of scoring, then within 40 characters a figure out of 10. */
const SCORE_WORD = /readiness|score|rating|overall|bewertung|produktionsreife|puntuaci[oó]n/gi;
const OUT_OF_10 = /^[^\n|]{0,40}?\b(\d(?:\.\d+)?|10)\s*\/\s*10\b/;
function score10(text: string): number | null {
  const s = after(text, SCORE_WORD, OUT_OF_10);
  return s === undefined ? null : Number(s);
}
const GRADE = /\b(?:grade|rating|note)\b[:\s*]*([A-F][+-]?)(?![\w])/;
/** Words that make a figure a goal, not a result. */
export const GOAL =
  /\b(goal|target|aim|objective|expected|should reach|to reach|path to|towards|road to|plan to|would|will be|ziel|objetivo|meta|objectif)\b|\b(result|outcome|after)\s*:/i;
/** A figure right after these is a threshold or target, not what was achieved. */
const TARGET_BEFORE =
  /(?:[>≥<≤]=?|\bat least|\bmin(?:imum)?\.?|\btarget:?|\bgoal:?|\bthreshold:?|\bup to|\bziel:?)\s*$/i;
/** A figure right after these is the achieved one. */
const ACHIEVED_BEFORE =
  /(?:\bcurrent(?:ly)?:?|\bactual:?|\bachieved:?|\bnow:?|\bmeasured:?|\baktuell:?|\bactual:?)\s*$/i;

const num = (s: string) => Number(s.replace(/,/g, ''));

/** The first percentage in text that is not a target; an explicitly achieved one wins. */
export function achievedPercent(text: string): number | null {
  let first: number | null = null;
  for (const m of text.matchAll(/(\d{1,3}(?:\.\d+)?)\s*%/g)) {
    const before = text.slice(Math.max(0, m.index! - 24), m.index);
    if (ACHIEVED_BEFORE.test(before)) return Number(m[1]);
    if (TARGET_BEFORE.test(before)) continue;
    first ??= Number(m[1]);
  }
  return first;
}

const TEST_UNIT =
  /(tests?|test cases|unit[- ]tests?|integration tests?|e2e tests?|specs?|scenarios|tests? passing|pruebas|testfälle|unit-tests|tests unitaires)/i;
/** A number and the (up to) two words after it: "412 tests", "12 integration tests", "3 endpoints". */
const COUNTED = /(?<![\d,.])(\d[\d,]*)\+? ([a-zà-ÿ][\w-]*)(?: ([a-zà-ÿ][\w-]*))?/gi;
/** What such a count counts, as the whole of one or two words. */
const COUNT_UNIT =
  /^(?:test files|test suites|tests?|test cases|unit[- ]tests?|integration[- ]tests?|e2e[- ]tests?|smoke[- ]tests?|scenarios|specs|endpoints|metrics|services|pages|dashboards|alerts|rules|microservices|pruebas|testfälle)$/i;
/** "12 integration tests", "7 smoke tests": a count with its unit, the qualifier kept; the first one found. */
function countIn(text: string): { index: number; length: number; value: string; unit: string } | null {
  for (const m of text.matchAll(COUNTED)) {
    const [w1, w2] = [m[2]!, m[3]];
    const pair = w2 ? `${w1} ${w2}` : '';
    let unit: string | null = null;
    if (pair && COUNT_UNIT.test(pair)) unit = pair;
    else if (COUNT_UNIT.test(w1)) unit = w1;
    // "5 flaky tests": a word that is not itself a test word qualifies the unit after it.
    else if (w2 && COUNT_UNIT.test(w2) && !/^tests?$/i.test(w1) && w1.length >= 2 && w1.length <= 21) unit = pair;
    if (!unit) continue;
    const length = m[0].length - (unit === w1 && w2 ? w2.length + 1 : 0);
    return { index: m.index!, length, value: m[1]!, unit };
  }
  return null;
}

export function numberIn(text: string): { number: ClaimNumber | null; readiness: boolean } {
  if (!GOAL.test(text)) {
    for (const find of READINESS) {
      const m = find(text);
      if (m !== undefined) return { number: { kind: 'percent', value: Number(m) }, readiness: true };
    }
    const s = score10(text);
    if (s !== null) return { number: { kind: 'score10', value: s }, readiness: true };
    const g = GRADE.exec(text);
    if (g) return { number: { kind: 'grade', value: g[1]! }, readiness: true };
  }
  return { number: plainNumber(text), readiness: false };
}

/** A figure that is not a readiness statement: tests, counts, a sub-score, a percentage. */
export function plainNumber(text: string, unitHint?: string): ClaimNumber | null {
  const runner = testOutput(text);
  if (runner) return runner;
  const ratio =
    /(?<![\d,.])(\d[\d,]*(?:\.\d+)?) ?\/ ?(\d[\d,]*)\b(?! ?\/) ?([a-zà-ÿ][\w-]*(?: [a-zà-ÿ][\w-]*)?)?/i.exec(text);
  if (ratio) {
    const [value, total] = [num(ratio[1]!), num(ratio[2]!)];
    const said = (ratio[3] ?? '').toLowerCase();
    const unit = unitHint && !TEST_UNIT.test(said) ? unitHint : said;
    if (total === 10 && value <= 10 && !TEST_UNIT.test(unit)) return { kind: 'score10', value };
    // "| Test Coverage | 0/25 |": out of 5, 20, 25 or 50 with no unit written is a score, not a count of tests.
    if (!said && [5, 20, 25, 50].includes(total) && value <= total)
      return { kind: 'percent', value: Math.round((100 * value) / total), unit: 'score' };
    // "| Documentation | 45/100 |": a score out of 100, the author's weighting like one out of 10.
    if (total === 100 && !TEST_UNIT.test(unit) && !/passing|passed/.test(unit))
      return { kind: 'percent', value, ...(unit ? {} : { unit: 'score' }) };
    return { kind: 'ratio', value, total, ...(unit ? { unit } : {}) };
  }
  const count = countIn(text);
  if (count) {
    // "1 test skipped", "2 tests failing": a run's outcome, not how many tests there are.
    const after = text.slice(count.index + count.length, count.index + count.length + 16);
    const outcome =
      /^\s*(?:skipped|failed|failing|failures|broken|flaky|errored|fehlgeschlagen|fallidas?|omitidos?)/i.test(after);
    return {
      kind: 'count',
      value: num(count.value),
      unit: `${count.unit.toLowerCase()}${outcome ? ' (outcome)' : ''}`,
    };
  }
  const pct = achievedPercent(text);
  if (pct !== null)
    return {
      kind: 'percent',
      value: pct,
      ...(unitHint === 'coverage' || /cover|abdeckung|cobertura/i.test(text) ? { unit: 'coverage' } : {}),
    };
  if (unitHint) {
    const bare = /(?:^|[\s:*(])(\d[\d,]*)(?=$|[\s*)(.;])/.exec(text);
    if (bare) return { kind: 'count', value: num(bare[1]!), unit: unitHint };
  }
  return null;
}

/**
 * Test-runner summaries as they are pasted into documents: pytest ("412 passed, 3 skipped"),
 * Jest/Vitest ("Tests: 412 passed, 415 total"), JUnit/Gradle ("12 tests completed"), unittest
 * ("Ran 96 tests"), Go ("ok  pkg"), cargo ("test result: ok. 31 passed").
 */
export function testOutput(text: string): ClaimNumber | null {
  // Vitest: "Tests  189 passed | 5 skipped (194)".
  const vitest = /\bTests?\s+(\d[\d,]*)\s+passed\b[^(\n]{0,60}\((\d[\d,]*)\)/.exec(text);
  if (vitest) return { kind: 'ratio', value: num(vitest[1]!), total: num(vitest[2]!), unit: 'tests passing' };
  // Maven Surefire: "Tests run: 10, Failures: 0, Errors: 0, Skipped: 0".
  const surefire = /\bTests run:\s*(\d[\d,]*),\s*Failures:/.exec(text);
  if (surefire) return { kind: 'count', value: num(surefire[1]!), unit: 'tests' };
  const stated = /(?<![\d,.])(\d[\d,]*)\s*\/\s*(\d[\d,]*)\s+tests?\s+(?:passing|passed|pass)\b/i.exec(text);
  if (stated) return { kind: 'ratio', value: num(stated[1]!), total: num(stated[2]!), unit: 'tests passing' };
  const total = /(?<![\d,.])(\d[\d,]*)\s+total\b/i.exec(text);
  const passed = /(?<![\d,.])(\d[\d,]*)\s+(?:tests?\s+)?passed\b/i.exec(text);
  if (total && passed) return { kind: 'ratio', value: num(passed[1]!), total: num(total[1]!), unit: 'tests passing' };
  const ran =
    /\bRan\s+(\d[\d,]*)\s+tests?\b/.exec(text) ??
    /(?<![\d,.])(\d[\d,]*)\s+tests?\s+(?:completed|run|executed)\b/i.exec(text);
  if (ran) return { kind: 'count', value: num(ran[1]!), unit: 'tests' };
  if (passed && /\b(?:failed|skipped|error|warnings?|in \d|test result)\b/i.test(text))
    return { kind: 'count', value: num(passed[1]!), unit: 'tests passing' };
  return null;
}

/** "95/100", "7/10", "66.5/100 (D+)": a self-assessed score (not "7/10 tests"). */
export function scoreIn(text: string): ClaimNumber | null {
  const m =
    /(?<![\d.,/])(\d{1,3}(?:\.\d+)?)\s*\/\s*(10|100)(?![\d.,/])(?!\s*(?:tests?|specs?|passing|passed|files?|cases|checks?|items?|endpoints?)\b)/i.exec(
      text,
    );
  if (!m) return null;
  const value = Number(m[1]);
  if (value > Number(m[2])) return null;
  return m[2] === '10' ? { kind: 'score10', value, unit: 'score' } : { kind: 'percent', value, unit: 'score' };
}

/** Whether a number counts tests. */
export function isTestCount(n: ClaimNumber | null): boolean {
  return (
    !!n &&
    (n.kind === 'count' || n.kind === 'ratio') &&
    TEST_UNIT.test(n.unit ?? '') &&
    !/\(outcome\)/.test(n.unit ?? '')
  );
}

export function claimedScore(n: ClaimNumber | null): number | null {
  if (!n) return null;
  if (n.kind === 'percent') return Number(n.value);
  if (n.kind === 'score10') return Number(n.value) * 10;
  return null;
}

/** Words after which a number is a version, a place or a name, not a count: "Laravel 12", "line 40", "Step 3". */
const NOT_A_COUNT_BEFORE =
  /(?:\b(?:v|ver|version|versão|versión|port|porta|puerto|line|lines|linha|línea|zeile|step|phase|fase|stage|sprint|week|day|item|issue|pr|bug|task|tc|php|java|jdk|node|python|go|golang|rust|ruby|rails|laravel|symfony|django|spring|boot|react|vue|angular|next|nuxt|net|dotnet|core|ubuntu|debian|alpine|postgres|postgresql|mysql|mariadb|redis|mongodb|es|ecmascript|http|tls|ssl|oauth|sha|md5|utf|iso|rfc|cve|cwe|owasp|top|level|tier|priority|p|gen|round|nível|etapa|passo)\s*|[#№$€£:=@/\\.-])$/i;

/**
 * A count the claim gives that no lookup compared ("requirements.txt (23 dependencies)",
 * "`mlock.rs` (4 blocks)", "| React components | 16 |"): the claim holds only if the count does.
 * Versions ("Laravel 12"), places ("line 40", "Step 3"), years and percentages are not counts.
 */
export function countFigure(text: string): string | null {
  const t = text.replace(/[*_`]/g, '');
  // "| Containers | 8 |": a cell that is only a number.
  const cells = t.split('|').map((c) => c.trim());
  if (cells.length >= 3) {
    const cell = cells.slice(1).find((c) => /^\d[\d,]*\+?$/.test(c));
    if (cell && !/^(?:19|20)\d\d$/.test(cell)) return cell;
  }
  for (const m of t.matchAll(/(?<![\w.,/])(\d[\d,]*)\+?\s+(?=\p{L})/gu)) {
    const n = m[1]!;
    if (/^(?:19|20)\d\d$/.test(n)) continue;
    if (NOT_A_COUNT_BEFORE.test(t.slice(Math.max(0, m.index! - 12), m.index).trimEnd())) continue;
    return n;
  }
  return null;
}

/**
 * "Policies (40 Classes)", "Total Tests: 131", "API Routes (app/api/ — 122 route files)": a count a
 * heading gives — a figure standing alone (not in a name, a version, a path or a date), with the word after it.
 */
export function standaloneCount(text: string): ClaimNumber | null {
  const m = /(?<![\w./:-])(\d{1,3}(?:,\d{3})*|\d{1,6})\+?(?![\w./:-]*\w)(?:\s+([\p{L}][\p{L}-]*))?/u.exec(text);
  if (!m) return null;
  const unit = m[2]?.toLowerCase();
  return { kind: 'count', value: Number(m[1]!.replace(/,/g, '')), ...(unit ? { unit } : {}) };
}
