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

const READINESS = [
  /(\d{1,3}(?:\.\d+)?)\s*%\s*(?:production[- ]?ready|ready\b|readiness|complete\b|produktionsreif|listo)/i,
  /(?:production[- ]?ready|readiness|produktionsreife|preparaci[oó]n)[^\n|]{0,40}?\b(\d{1,3}(?:\.\d+)?)\s*%/i,
  /(?:readiness|overall|gesamt)\s*(?:score)?\s*[:=]?\s*\**\s*(\d{1,3}(?:\.\d)?)\s*\/\s*100\b/i,
];
const SCORE10 =
  /(?:readiness|score|rating|overall|bewertung|produktionsreife|puntuaci[oó]n)[^\n|]{0,40}?\b(\d(?:\.\d+)?|10)\s*\/\s*10\b/i;
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
const COUNT_UNITS =
  /(?<![\d,.])(\d[\d,]*)\+?\s+((?:(?!tests?\b)[a-zà-ÿ][\w-]{1,20}\s+)?(?:test files|test suites|tests?|test cases|unit[- ]tests?|integration[- ]tests?|e2e[- ]tests?|smoke[- ]tests?|scenarios|specs|endpoints|metrics|services|pages|dashboards|alerts|rules|microservices|pruebas|testfälle))\b/i;

export function numberIn(text: string): { number: ClaimNumber | null; readiness: boolean } {
  if (!GOAL.test(text)) {
    for (const re of READINESS) {
      const m = re.exec(text);
      if (m) return { number: { kind: 'percent', value: Number(m[1]) }, readiness: true };
    }
    const s = SCORE10.exec(text);
    if (s) return { number: { kind: 'score10', value: Number(s[1]) }, readiness: true };
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
    /(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*\/\s*(\d[\d,]*)\b(?!\s*\/)\s*([a-zà-ÿ][\w-]*(?:\s[a-zà-ÿ][\w-]*)?)?/i.exec(text);
  if (ratio) {
    const [value, total] = [num(ratio[1]!), num(ratio[2]!)];
    const said = (ratio[3] ?? '').toLowerCase();
    const unit = unitHint && !TEST_UNIT.test(said) ? unitHint : said;
    if (total === 10 && value <= 10 && !TEST_UNIT.test(unit)) return { kind: 'score10', value };
    // "| Documentation | 45/100 |": a score out of 100, the author's weighting like one out of 10.
    if (total === 100 && !TEST_UNIT.test(unit) && !/passing|passed/.test(unit))
      return { kind: 'percent', value, ...(unit ? {} : { unit: 'score' }) };
    return { kind: 'ratio', value, total, ...(unit ? { unit } : {}) };
  }
  const count = COUNT_UNITS.exec(text);
  if (count) {
    // "1 test skipped", "2 tests failing": a run's outcome, not how many tests there are.
    const after = text.slice(count.index + count[0].length, count.index + count[0].length + 16);
    const outcome =
      /^\s*(?:skipped|failed|failing|failures|broken|flaky|errored|fehlgeschlagen|fallidas?|omitidos?)/i.test(after);
    return { kind: 'count', value: num(count[1]!), unit: `${count[2]!.toLowerCase()}${outcome ? ' (outcome)' : ''}` };
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
