/**
 * JavaScript/TypeScript test definitions in one file: `it`/`test`/`specify` calls of Jest,
 * Vitest, Mocha (BDD and TDD), Jasmine, node:test, AVA, Playwright and Cypress, with `.only`,
 * `.skip`/`xit`/`.todo` (skipped, also inside `describe.skip`/`xdescribe`), `.concurrent`, and
 * `.each`/`.for` tables (one definition; the literal table size goes to `expanded`).
 */
import { lineIndex, mask, matchBracket, SYNTAX } from './mask.js';
import { callbackRuns, escapeRe, namedFunctions, type Helper, type NamedFunction } from './js-helpers.js';
import { loopsIn, receiverStart, tableOf, tableRows, testerRows, testerRuns, type TableSpec } from './js-tables.js';
import { scopeOf } from './js-scope.js';
import {
  bind,
  evaluate,
  functionAt,
  member,
  parseBinder,
  truthy,
  type Binder,
  type Source,
  type Value,
} from './js-values.js';
import { counter } from './types.js';

// `it.each<Row>(rows)`: TypeScript type arguments (one level of nesting) may sit before the call.
const TYPE_ARGS = String.raw`(?:\s*<(?:[^<>()]|<[^<>()]*>)*>)?`;
const CALL = new RegExp(
  String.raw`(?<![\w$.])(x?it|x?test|x?specify|fit|ftest|fspecify)((?:\s*\.\s*[A-Za-z]\w*)*)${TYPE_ARGS}\s*(?=[(\`])`,
  'g',
);
/**
 * Test libraries whose default export is the test function, bound to a name of the file's choosing
 * (`var tape = require('tape')`, `import t from 'ava'`): calls of that name are tests too.
 */
const TEST_MODULE_BINDING =
  /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"](?:tape|tap|ava|node:test|uvu|brittle|zora|blue-tape|tape-promise\/tape)['"]\s*\)|\bimport\s+([A-Za-z_$][\w$]*)\s+from\s+['"](?:tape|tap|ava|node:test|uvu|brittle|zora|blue-tape)['"]/g;

/**
 * A test function imported under another name (`import { test as setup } from '@playwright/test'`,
 * the documented way to write a setup project's steps): calls of that name are tests too.
 */
const RENAMED_IMPORT = /\bimport\s*\{([^}]*)\}\s*from\s*['"][^'"\n]+['"]/g;
const RENAMED_TEST = /(?:^|,)\s*(?:test|it)\s+as\s+([A-Za-z_$][\w$]*)\s*(?=,|$)/g;

/**
 * A name bound to the test function, or to one of its modifiers picked at run time
 * (`const run = only ? it.only : skip ? it.skip : it`, the way a fixture-driven suite lets each
 * fixture mark itself): calls of that name are tests too (round 34, superstruct test/index.test.ts).
 */
const TEST_ALIAS = /\b(?:const|let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*([\w$.?:][\w$. \t?:]{0,159})(?:;|\n)/g;
const TEST_FN = /^x?(?:it|test)(?:\.(?:only|skip|concurrent|todo))?$/;
function testAliases(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TEST_ALIAS)) {
    // Every value the expression can take (the operand after `=`, `?` and `:`, conditions aside)
    // is the test function: `it`, `it.only`, `test.skip`.
    const rhs = m[2]!.trim();
    if (!/\b(?:it|test)\b/.test(rhs)) continue;
    const parts = rhs.split(/\s*[?:]\s*/);
    const values = rhs.includes('?') ? parts.filter((_, i) => i % 2 === 1 || i === parts.length - 1) : parts;
    if (values.length > 0 && values.every((v) => TEST_FN.test(v))) out.push(m[1]!);
  }
  return out;
}

function callPattern(text: string): RegExp {
  const renamed = [...text.matchAll(RENAMED_IMPORT)].flatMap((m) =>
    [...m[1]!.trim().matchAll(RENAMED_TEST)].map((r) => r[1]!),
  );
  const aliases = [
    ...[...text.matchAll(TEST_MODULE_BINDING)].map((m) => (m[1] ?? m[2])!),
    ...renamed,
    ...(text.includes('it') || text.includes('test') ? testAliases(text) : []),
  ]
    .filter((n) => !['it', 'test', 'specify'].includes(n))
    .map((n) => n.replace(/\$/g, '\\$'));
  if (aliases.length === 0) return CALL;
  return new RegExp(CALL.source.replace('(x?it|', `(${[...new Set(aliases)].join('|')}|x?it|`), 'g');
}
const MODIFIERS = new Set([
  'only',
  'skip',
  'todo',
  'concurrent',
  'each',
  'for',
  'failing',
  'fixme',
  'fails',
  'fail',
  'sequential',
  'skipIf',
  'runIf',
  'serial',
  'prop',
  // Deno.test.ignore(…): a declared test the run skips.
  'ignore',
]);
const TABLE = new Set(['each', 'for', 'prop']);
const CONDITION = new Set(['skipIf', 'runIf']);
const SKIPPED_SUITE =
  /(?<![\w$.])(?:xdescribe|xcontext|(?:describe|context|suite)\s*\.\s*(?:skip|todo)|test\s*\.\s*describe\s*\.\s*(?:skip|fixme))\s*\(/g;
const FN = /^(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|[\w$]+\s*=>|\(\s*\{)/;
const STR = /^['"`]/;
const CALLED = /^(?:await\s+)?[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*\s*(?:<[^>(]*>)?\s*\(/;

/**
 * Is this call a test definition? Its title comes first and a function follows (an options
 * object may sit between); a lone string title is a pending/todo test. `test.skip(cond, 'why')`
 * and `test.skip()` inside a Playwright test are runtime skips, not definitions.
 */
function isDefinition(args: string[], chain: string[], deno = false): boolean {
  if (args.length === 0) return false;
  // Deno's other two forms: `Deno.test({ name, fn })` and `Deno.test(function name() {…})`.
  if (deno && args.length === 1 && (args[0]!.startsWith('{') || /^(?:async\s+)?function\s*[\w$]/.test(args[0]!)))
    return true;
  // `it('t', fn)`, `test(name, f)` in a helper: a title, then a function or a name for one.
  if (args.slice(1).some((a) => FN.test(a) || (!FN.test(args[0]!) && /^[\w$.]+$/.test(a)))) return true;
  // `it('…', inject([A], (a) => …))`, `it('…', waitForAsync(() => …))`, `it('server', createApp(…))`:
  // the callback is what a call returns (Angular's wrappers, a test-case factory).
  if (STR.test(args[0]!) && args.length >= 2 && CALLED.test(args[1]!)) return true;
  return (
    args.length === 1 &&
    STR.test(args[0]!) &&
    !chain.includes('fixme') &&
    !chain.includes('fail') &&
    !chain.includes('slow')
  );
}

/** Loops and `describe.each` around tests: `for (const x of LIST)`, `LIST.forEach(…)`, with the list's evident size. */
export type Modules = (spec: string) => Record<string, Value> | undefined;
export interface Loops {
  spans: Span[];
  /** `it.each(rows)` inside `describe.each(TABLE)(…, ({ rows }) => …)`: the summed row tables, by the position of `(`. */
  rowTables: Map<number, { size: number | null; spanFrom: number }>;
  sizeOf: (from: number, to: number) => number | null;
}

const sizeOfValue = (v: Value): number | null =>
  v.t === 'arr' ? v.items.length : v.t === 'obj' && !v.open ? Object.keys(v.props).length : null;

/**
 * Rows of a loop that survive its leading guards: `if (method === 'connect') return;` in a
 * `forEach` callback, `continue` in a `for…of`. A guard not decidable for every row is ignored
 * (the rows count as written).
 */
function guarded(
  scope: Source,
  list: Value,
  binder: Binder | undefined,
  body: number,
  exit: 'return' | 'continue',
): number | null {
  const size = sizeOfValue(list);
  if (size === null || list.t !== 'arr' || !binder || scope.code[body] !== '{') return size;
  const code = scope.code;
  let rows = list.items;
  let i = body + 1;
  for (let n = 0; n < 8; n++) {
    const m = /^\s*if\s*\(/.exec(code.slice(i, i + 200));
    if (!m) break;
    const open = i + m[0].length - 1;
    const close = matchBracket(code, open);
    const then =
      close > 0 ? new RegExp(`^\\s*(?:\\{\\s*)?${exit}\\b\\s*;?\\s*(\\})?`).exec(code.slice(close, close + 60)) : null;
    if (!then || (then[0].includes('{') && !then[1])) break;
    const keep = rows.map((row) => {
      const env = Object.create(null) as Record<string, Value>;
      bind(binder, row, env);
      const t = truthy(evaluate(scope, open + 1, close - 1, env));
      return t === undefined ? undefined : !t;
    });
    if (keep.every((k) => k !== undefined)) rows = rows.filter((_, k) => keep[k]);
    i = close + then[0].length;
  }
  return rows.length;
}

function loopSpans(code: string, scope: Source): Loops {
  const valueAt = (from: number, to: number) => evaluate(scope, from, to);
  /**
   * Size of the expression `code[from, to)`: a literal array (or object, for `Object.keys`), a
   * declared or imported name, a known list (`http.METHODS`), through wrappers that keep or
   * filter rows (`Object.entries(x)`, `[...x]`, `x.map(f)`, `x.filter(pred)` when `pred` is
   * decidable for every row). Anything else: null.
   */
  const sizeOf = (from: number, to: number): number | null => sizeOfValue(valueAt(from, to));
  const rowTables: Loops['rowTables'] = new Map();
  const out: Span[] = [];
  /** Loops that walk a list, for a loop inside one whose list comes from the row (`for (const [k, ids] of …) for (const id of ids)`). */
  const walks: { span: Span; listFrom: number; listTo: number; list: Value; binder?: Binder }[] = [];
  for (const m of code.matchAll(
    /\bfor\s*(?=\(\s*(?:const|let|var)\s+(?:[\w$]+|\[[^\]]*\]|\{[^}]*\})\s+(?:of|in)\s)/g,
  )) {
    const head = m.index + m[0].length;
    const close = matchBracket(code, head);
    const of =
      close > 0
        ? /^\(\s*(?:const|let|var)\s+([\w$]+|\[[^\]]*\]|\{[^}]*\})\s+(of|in)\s/.exec(code.slice(head, close))
        : null;
    if (!of) continue;
    let at = close;
    while (/\s/.test(code[at] ?? '')) at++;
    const to = code[at] === '{' ? matchBracket(code, at) : code.indexOf(';', at) + 1;
    const list = valueAt(head + of[0].length, close - 1);
    const binder = parseBinder(of[1]!);
    const size = of[2] === 'of' ? guarded(scope, list, binder, at, 'continue') : sizeOfValue(list);
    if (to <= 0) continue;
    const span: Span = { from: m.index, to, size };
    out.push(span);
    if (of[2] === 'of')
      walks.push({ span, listFrom: head + of[0].length, listTo: close - 1, list, ...(binder ? { binder } : {}) });
  }
  // `LIST.forEach(…)`, `[a, b].forEach(…)`, `Object.keys(MAP).forEach(…)`: the receiver is read backwards.
  for (const m of code.matchAll(/\.\s*forEach\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const to = matchBracket(code, open);
    const from = receiverStart(code, m.index);
    if (to < 0) continue;
    const cb = functionAt(code, open + 1, to - 1);
    const list = valueAt(from, m.index);
    const span: Span = { from, to, size: guarded(scope, list, cb?.params[0], cb?.block ? cb.body : -1, 'return') };
    out.push(span);
    walks.push({ span, listFrom: from, listTo: m.index, list, ...(cb?.params[0] ? { binder: cb.params[0] } : {}) });
  }
  nestedWalks(scope, walks);
  for (const m of code.matchAll(
    new RegExp(String.raw`(?<![\w$.])(?:describe|context|suite)\s*\.\s*(?:each|for)${TYPE_ARGS}\s*(?=[(\`])`, 'g'),
  )) {
    const at = m.index + m[0].length;
    let size: number | null = null;
    let next: number;
    if (code[at] === '`') {
      next = code.indexOf('`', at + 1) + 1;
      size = Math.max(
        0,
        code
          .slice(at + 1, next - 1)
          .split('\n')
          .filter((l) => l.trim()).length - 1,
      );
    } else {
      next = matchBracket(code, at);
      size = sizeOf(at + 1, next - 1);
    }
    const open = code.indexOf('(', next);
    const to = open >= 0 ? matchBracket(code, open) : -1;
    if (next > 0 && to > 0) out.push({ from: m.index, to, size });
    // Rows that carry their own case lists: `({ path, tests }) => { it.each(tests)(…) }`.
    const rows = code[at] === '(' && next > 0 ? valueAt(at + 1, next - 1) : undefined;
    const cb = to > 0 ? /^\s*(?:async\s*)?\(\s*\{([^}]*)\}/.exec(callArgs(code, open)[1] ?? '') : null;
    if (rows?.t !== 'arr' || !cb) continue;
    for (const name of cb[1]!
      .split(',')
      .map((n) => n.trim().split(/\s*[:=]\s*/)[0]!)
      .filter((n) => /^[\w$]+$/.test(n))) {
      for (const e of code
        .slice(open, to)
        .matchAll(new RegExp(`\\.\\s*(?:each|for)\\s*\\(\\s*${name.replace(/\$/g, '\\$')}\\s*\\)`, 'g'))) {
        let sum: number | null = 0;
        for (const row of rows.items) {
          const n = sizeOfValue(member(row, name));
          sum = n === null || sum === null || member(row, name).t !== 'arr' ? null : sum + n;
        }
        rowTables.set(open + e.index! + e[0].indexOf('('), { size: sum, spanFrom: m.index });
      }
    }
  }
  return { spans: out, rowTables, sizeOf };
}

/**
 * A loop of unknown size inside a loop over known rows, whose list comes from the row: its size is
 * the sum over the rows (6 pillars with their own rule lists: 51, not 6 × 1), and it stands for the
 * outer loop for what it contains (`covers`). Outer rows that a guard drops are not summed.
 */
function nestedWalks(
  scope: Source,
  walks: { span: Span; listFrom: number; listTo: number; list: Value; binder?: Binder }[],
): void {
  for (const inner of walks) {
    if (inner.span.size !== null) continue;
    const outer = walks
      .filter((o) => o !== inner && o.span.from < inner.span.from && o.span.to >= inner.span.to)
      .sort((a, b) => b.span.from - a.span.from)[0];
    if (!outer?.binder || outer.list.t !== 'arr' || outer.span.size !== outer.list.items.length) continue;
    let sum: number | null = 0;
    for (const row of outer.list.items) {
      const env = Object.create(null) as Record<string, Value>;
      bind(outer.binder, row, env);
      const n = sizeOfValue(evaluate(scope, inner.listFrom, inner.listTo, env));
      if (n === null) {
        sum = null;
        break;
      }
      sum += n;
    }
    if (sum !== null) (inner.span.size = sum), (inner.span.covers = outer.span.from);
  }
}

function topLevelParts(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) out.push(inner.slice(last, i).trim()), (last = i + 1);
  }
  out.push(inner.slice(last).trim());
  return out.filter(Boolean);
}

/** Top-level arguments of the call whose `(` is at `open`. */
function callArgs(code: string, open: number): string[] {
  const end = matchBracket(code, open);
  return end < 0 ? [] : topLevelParts(code.slice(open + 1, end - 1));
}

// Each framework's import names it: a text without any of the names is not searched six times.
const FRAMEWORK_HINT = /@playwright\/test|vitest|test['"]|@jest\/globals|ava['"]|\bcy\s*\./;
export function frameworkOf(text: string): string | undefined {
  if (!FRAMEWORK_HINT.test(text)) return undefined;
  if (/from\s+['"]@playwright\/test['"]|require\(\s*['"]@playwright\/test['"]\s*\)/.test(text)) return 'playwright';
  if (/from\s+['"]vitest['"]|require\(\s*['"]vitest['"]\s*\)/.test(text)) return 'vitest';
  if (/from\s+['"](?:node:)?test['"]|require\(\s*['"](?:node:)?test['"]\s*\)/.test(text)) return 'node:test';
  if (/from\s+['"]@jest\/globals['"]/.test(text)) return 'jest';
  if (/from\s+['"]ava['"]|require\(\s*['"]ava['"]\s*\)/.test(text)) return 'ava';
  if (/\bcy\s*\.\s*(?:visit|get|request|mount)\s*\(/.test(text)) return 'cypress';
  return undefined;
}

/**
 * The file's names as values, built on first use: most files evaluate nothing (no loop around a
 * test), and building the scope reads every declaration.
 */
function lazyScope(code: string, text: string, modules?: Modules): Source {
  let scope: Source | undefined;
  const built = () => (scope ??= scopeOf(code, text, modules));
  return { code, text, lookup: (name, at) => built().lookup(name, at), module: (spec) => built().module(spec) };
}

/**
 * Whether the raw text may hold a test call or a tester's `.run(` in its masked code: masking
 * keeps code characters where they are and turns comments into spaces, keeps string quotes, so
 * a call name in the code stands in the raw text with, before it, what stood in the code or the
 * end of a comment (`/`), and after it what stood in the code or the start of a comment. False
 * here means false on the masked code; true means ask the masked code.
 */
function rawCandidates(text: string, calls: RegExp): boolean {
  if (RAW_RUN.test(text)) return true;
  if (calls === CALL) return RAW_CALL.test(text);
  const names = /^\(\?<!\[\\w\$\.\]\)\(([^)]*)\)/.exec(calls.source)![1]!;
  return new RegExp(String.raw`(?<![\w$.])(?:${names})[\s.<(\`/]`).test(text);
}
const RAW_CALL = /(?<![\w$.])(?:x?it|x?test|x?specify|fit|ftest|fspecify)[\s.<(`/]/;
const RAW_RUN = /[.\s/]run[\s(/]/;

/** CALL without its `g` flag, to ask whether there is any candidate at all. */
const ANY_CALL = new RegExp(CALL.source);
/** What every RuleTester run has (js-tables.ts testerRuns). */
const TESTER_RUN = /\.\s*run\s*\(/;

/** Identifiers bound to a folder listing: `const tests = fs.readdirSync(dir).filter(…)`, `= globSync(…)`. */
const LISTING_BINDING =
  /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?[^;=]{0,120}?\b(?:readdirSync|readdir|globSync|sync)\s*\(/g;
const LISTING_CALL = /\b(?:readdirSync|readdir|globSync|glob\.sync|fg\.sync|globby\.sync)\s*\(/;

/**
 * `fixtureRows`: how many fixtures the folder the file lists holds (`fs.readdirSync(resolve(__dirname,
 * 'fixtures'))`), read from the repository by the caller. A test inside a loop over such a listing is
 * defined once per fixture.
 */
/**
 * Deno's built-in runner: `Deno.test(…)` (and `Deno.test.only/ignore`) declares one test; its
 * `t.step(…)` sub-steps are part of it. The namespace is blanked to spaces of the same length
 * (offsets and lines stay), so the call reads as the `test(…)` every other runner has.
 */
const DENO_TEST = /\bDeno[ \t]*\.[ \t]*(?=test\b)/g;
export function countJavaScript(source: string, modules?: Modules, helpers: Helper[] = [], fixtureRows?: number) {
  const deno = source.includes('Deno');
  const text = deno ? source.replace(DENO_TEST, (m) => ' '.repeat(m.length)) : source;
  // No test call (with the file's own call pattern: a test function bound to another name, `var
  // tape = require('tape')`, counts), no imported helper that defines tests or takes a case table,
  // no tester's `.run(`: nothing to count. The loops are still sized when one could read a
  // relative module (a quoted spec starting with '.'): that read is part of the count's work
  // wherever it happens. The raw text is asked first (rawCandidates): most files of a large
  // suite of other tests (test262: 50k) are then never masked.
  const calls = callPattern(text);
  const helped = helpers.some((h) => h.perCall > 0 || h.table);
  if (!helped && !rawCandidates(text, calls)) {
    if (modules && /['"]\./.test(text)) {
      const code = mask(text, SYNTAX.js);
      loopSpans(code, lazyScope(code, text, modules));
    }
    return counter().result();
  }
  const code = mask(text, SYNTAX.js);
  const scope = lazyScope(code, text, modules);
  const anyCall = (calls === CALL ? ANY_CALL : new RegExp(calls.source)).test(code);
  if (!anyCall && !helped && !TESTER_RUN.test(code)) {
    if (modules && /['"]\./.test(text)) loopSpans(code, scope);
    return counter().result();
  }
  const lineOf = lineIndex(code);
  const skippedSpans: [number, number][] = [];
  for (const m of code.matchAll(SKIPPED_SUITE)) {
    const open = m.index + m[0].length - 1;
    const end = matchBracket(code, open);
    if (end > 0) skippedSpans.push([open, end]);
  }
  const { spans, rowTables, sizeOf } = loopSpans(code, scope);
  const defs: Def[] = [];
  // A file that declares its own `function test(…)` calls that, not a runner.
  const own = new Set(
    [
      ...code.matchAll(
        /\bfunction\s+(it|test|specify)\s*\(|\b(?:const|let|var)\s+(it|test|specify)\s*=\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/g,
      ),
    ].map((m) => (m[1] ?? m[2])!),
  );
  for (const m of code.matchAll(calls)) {
    const base = m[1]!;
    if (own.has(base)) continue;
    const chain = m[2]!
      .split('.')
      .map((s) => s.trim())
      .filter(Boolean);
    // node-tap, tape and brittle declare (sub)tests as `t.test(…)` on the imported binding.
    const sub = chain[0] === 'test' && !/^(?:x?it|x?test|x?specify|fit|ftest|fspecify)$/.test(base);
    if (!chain.slice(sub ? 1 : 0).every((c) => MODIFIERS.has(c))) continue;
    if (/\b(?:function|def|class|new)\s*$/.test(code.slice(Math.max(0, m.index - 12), m.index))) continue;
    let at = m.index + m[0].length;
    let params: number | null | undefined;
    let rowSpan = -1;
    const table = chain.find((c) => TABLE.has(c));
    if (table || chain.some((c) => CONDITION.has(c))) {
      // `.each([...])(title, fn)`, `.each\`table\`(title, fn)`, `.skipIf(cond)(title, fn)`.
      if (code[at] === '`') {
        const close = code.indexOf('`', at + 1);
        if (close < 0) continue;
        const rows = text
          .slice(at + 1, close)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        params = Math.max(0, rows.length - 1);
        at = close + 1;
      } else {
        const end = matchBracket(code, at);
        if (end < 0) continue;
        if (table) {
          const row = rowTables.get(at);
          if (row) (params = row.size), (rowSpan = row.spanFrom);
          else params = sizeOf(at + 1, end - 1);
        }
        at = end;
      }
      while (/\s/.test(code[at] ?? '')) at++;
      if (code[at] !== '(') continue;
    }
    if (code[at] !== '(' || !isDefinition(callArgs(code, at), chain, deno)) continue;
    const skipped = base.startsWith('x') || chain.some((c) => c === 'skip' || c === 'todo' || c === 'fixme');
    defs.push({ at: m.index, params, table: !!table, rowSpan, skipped });
  }
  // Suite matrices run the callback they are given several times: the tests inside multiply.
  const fns = namedFunctions(code);
  // Local table helpers: the tests in their table loops are defined per row, at each call.
  const local = localTables(code, text, fns, modules);
  if (local.length) {
    const inTable = (at: number) => local.some((t) => t.spans.some(([a, b]) => at > a && at < b));
    defs.splice(0, defs.length, ...defs.filter((d) => !inTable(d.at)));
  }
  const matrices: (Helper & { within?: [number, number] })[] = [
    ...helpers,
    ...local,
    ...fns
      .map((f) => ({ callee: f.name, perCall: 0, callbackRuns: callbackRuns(code, f, fns) }))
      .filter((h) => h.callbackRuns > 1),
  ];
  const row = (at: number): Def => ({ at, params: undefined, table: false, rowSpan: -1, skipped: false, row: true });
  for (const h of matrices) {
    const re = new RegExp(`(?<![\\w$.])${h.callee.split('.').map(escapeRe).join('\\s*\\.\\s*')}\\s*\\(`, 'g');
    for (const m of code.matchAll(re)) {
      if (/\bfunction\s*$/.test(code.slice(Math.max(0, m.index - 10), m.index))) continue;
      if (h.within && m.index >= h.within[0] && m.index < h.within[1]) continue;
      if (h.perCall > 0)
        defs.push({ at: m.index, params: h.perCall, table: false, rowSpan: -1, skipped: false, helper: true });
      const open = m.index + m[0].length - 1;
      if (h.table) for (let n = tableRows(scope, open, h.table, !!h.within); n > 0; n--) defs.push(row(m.index));
      const to = (h.callbackRuns ?? 0) > 1 ? matchBracket(code, open) : -1;
      if (to > 0) spans.push({ from: m.index, to, size: h.callbackRuns! });
    }
  }
  // ESLint's RuleTester (and its kin): one test per element of `valid` and `invalid`.
  for (const r of testerRuns(code)) {
    if (local.some((t) => t.spans.some(([a, b]) => r.at >= a && r.at < b))) continue;
    for (let n = testerRows(scope, r.open, r.bound) ?? 0; n > 0; n--) defs.push(row(r.at));
  }
  const loops = [
    ...spans,
    ...exclusiveBranches(
      code,
      defs.map((d) => d.at),
    ),
  ];
  const runs = helperRuns(
    code,
    defs.map((d) => d.at),
    loops,
    fns,
  );
  // Loops over a folder listing (`for (const name of tests)` where `tests = fs.readdirSync(dir)`,
  // `fs.readdirSync(dir).forEach(…)`): of unknown size here, one row per fixture of the folder.
  const listed = fixtureRows ? new Set([...code.matchAll(LISTING_BINDING)].map((m) => m[1]!)) : new Set<string>();
  const overListing = (l: Span) => {
    if (l.size !== null) return false;
    const head = code.slice(l.from, Math.min(l.to, l.from + 240));
    const end = head.search(/\{|=>/);
    const h = end >= 0 ? head.slice(0, end) : head;
    return LISTING_CALL.test(h) || [...h.matchAll(/[A-Za-z_$][\w$]*/g)].some((w) => listed.has(w[0]));
  };
  const fixtureLoops = fixtureRows ? loops.filter(overListing) : [];
  const count = counter();
  for (const d of defs) {
    const { owner, times } = runs(d.at, d.rowSpan);
    // A table whose size is not evident counts once; the evident loops around it still multiply.
    let params = times === 1 && !owner ? d.params : (d.params ?? 1) * times;
    if (fixtureRows && fixtureLoops.some((l) => d.at > l.from && d.at < l.to))
      params = (typeof params === 'number' ? params : 1) * fixtureRows;
    const skipped = d.skipped || skippedSpans.some(([a, b]) => d.at > a && d.at < b);
    const varies = d.table || d.helper || owner !== undefined || loops.some((l) => d.at > l.from && d.at < l.to);
    count.add({
      line: lineOf(d.at),
      skipped,
      ...(d.row ? { row: true } : {}),
      ...(varies ? { params: params === undefined ? null : params } : {}),
    });
  }
  return count.result();
}

interface Def {
  at: number;
  params: number | null | undefined;
  table: boolean;
  rowSpan: number;
  skipped: boolean;
  helper?: boolean;
  /** A row of a case table given to a helper or a RuleTester: a test of its own. */
  row?: boolean;
}

/**
 * The file's own functions that define one test per row of a parameter (`function check(cases) {
 * for (const c of cases) it(c.name, …) }`), with their table loops.
 */
function localTables(code: string, text: string, fns: NamedFunction[], modules?: Modules) {
  const out: { callee: string; perCall: 0; table: TableSpec; spans: [number, number][]; within: [number, number] }[] =
    [];
  const candidates = fns.filter((f) => f.rawParams.length > 0);
  if (candidates.length === 0) return out;
  const loops = loopsIn(code);
  const perCall = (body: string) => countJavaScript(body, modules).expanded;
  for (const f of candidates) {
    const t = tableOf(code, text, f, loops, perCall);
    if (t) out.push({ callee: f.name, perCall: 0, table: t.spec, spans: t.spans, within: [f.from, f.to] });
  }
  return out;
}
/** `covers`: the loop (by its start) this one's size already includes, for what is inside this one. */
type Span = { from: number; to: number; size: number | null; covers?: number };

/**
 * How many times the code at an offset runs: the product of the evident loop sizes around it,
 * and, inside a named function that defines tests, the number of times that function runs (its
 * call sites and bare references such as `describe('x', shared)`, each with its own loops). A
 * function nothing calls or names (an `exports.x = …` helper inside a test file) runs zero times.
 */
function helperRuns(code: string, defAt: number[], loops: Span[], fns: NamedFunction[]) {
  const inside = (f: NamedFunction, at: number) => at > f.open && at < f.to;
  const testing = new Set(fns.filter((f) => defAt.some((a) => inside(f, a))));
  const uses = new Map<NamedFunction, number[]>();
  for (let round = 0, grew = true; grew && round < 6; round++) {
    grew = false;
    for (const f of testing) {
      if (!uses.has(f))
        uses.set(
          f,
          [...code.matchAll(new RegExp(`(?<![\\w$.])${escapeRe(f.name)}\\b`, 'g'))]
            .map((m) => m.index)
            .filter((i) => i < f.from || i >= f.open),
        );
      for (const g of fns) if (!testing.has(g) && uses.get(f)!.some((a) => inside(g, a))) testing.add(g), (grew = true);
    }
  }
  const ownerOf = (at: number) => [...testing].filter((f) => inside(f, at)).sort((a, b) => b.open - a.open)[0];
  const loopTimes = (at: number, within: NamedFunction | undefined, rowSpan = -1) => {
    const around = loops.filter((l) => at > l.from && at < l.to);
    const covered = new Set(around.map((l) => l.covers));
    let n = 1;
    for (const l of around)
      if (l.from !== rowSpan && !covered.has(l.from) && (!within || l.from > within.open)) n *= l.size ?? 1;
    return n;
  };
  const memo = new Map<NamedFunction, number>();
  const timesOf = (f: NamedFunction, depth: number): number => {
    if (memo.has(f)) return memo.get(f)!;
    if (depth > 8) return 1;
    let n = 0;
    for (const a of uses.get(f) ?? []) {
      const o = ownerOf(a);
      n += loopTimes(a, o) * (o ? timesOf(o, depth + 1) : 1);
    }
    memo.set(f, n);
    return n;
  };
  return (at: number, rowSpan: number) => {
    const owner = ownerOf(at);
    return { owner, times: loopTimes(at, owner, rowSpan) * (owner ? timesOf(owner, 0) : 1) };
  };
}

/**
 * `if (…) { it(…) } else { it(…) }`: one branch runs, so every branch but the one defining the
 * most tests gets size 0. A lone `if` around tests depends on runtime and counts as written.
 */
function exclusiveBranches(code: string, defAt: number[]): Span[] {
  const out: Span[] = [];
  const seen = new Set<number>();
  for (const m of code.matchAll(/(?<![\w$.])if\s*\(/g)) {
    if (seen.has(m.index)) continue;
    const branches: [number, number][] = [];
    let at = m.index;
    for (;;) {
      seen.add(at);
      const cond = matchBracket(code, code.indexOf('(', at));
      let open = cond;
      while (/\s/.test(code[open] ?? '')) open++;
      if (cond < 0 || code[open] !== '{') break;
      const close = matchBracket(code, open);
      if (close < 0) break;
      branches.push([open, close]);
      const rest = /^\s*else\s*(if\s*\(|\{)/.exec(code.slice(close, close + 200));
      if (!rest) break;
      if (rest[1] === '{') {
        const o = close + rest[0].length - 1;
        const e = matchBracket(code, o);
        if (e > 0) branches.push([o, e]);
        break;
      }
      at = close + rest[0].length - rest[1]!.length;
    }
    const sizes = branches.map(([a, b]) => defAt.filter((d) => d > a && d < b).length);
    if (sizes.filter((n) => n > 0).length < 2) continue;
    const keep = sizes.indexOf(Math.max(...sizes));
    branches.forEach(([a, b], i) => i !== keep && out.push({ from: a, to: b, size: 0 }));
  }
  return out;
}
