/**
 * Ruby (RSpec, Minitest, Rails `test "…"`) and PHP (PHPUnit, Pest) test definitions.
 */
import { lineIndex, literalSize, mask, matchBracket, matchBrackets, SYNTAX } from './mask.js';
import { type Counter, counter } from './types.js';

const RSPEC =
  /^[ \t]*(x?it|x?specify|x?example|x?scenario|its|fit|fspecify|fexample|fscenario|pending|skip)\b[ \t]*(?=\(|['"{]|do\b)/gm;
const SKIPPED_GROUP = /^[ \t]*(?:xdescribe|xcontext|xfeature)\b[^\n]*\bdo\b/gm;

/** Blank `=begin … =end` blocks, Ruby's block comments. */
function withoutBlockComments(text: string): string {
  return text.replace(/^=begin\b[\s\S]*?^=end\b.*$/gm, (s) => s.replace(/[^\n]/g, ' '));
}

/** Tests defined once and run where they are used: a Minitest module per including class, RSpec shared examples per use. */
export interface RubyShared {
  /** Module name (last segment) or shared-example name. */
  name: string;
  kind: 'module' | 'examples';
  cases: number;
  skipped: number;
  line: number;
  /** Shared examples this block itself includes (`include_context "x"` inside it): run wherever it runs. */
  uses?: string[];
}

/** A `class`/`module`/shared-example block, from its opening line to the `end` at its indentation. */
interface RubyBlock {
  kind: 'class' | 'module' | 'examples';
  name: string;
  start: number;
  end: number;
  superclass?: string;
}

/** `A::B::Name` → `Name`; a bare `Name` whole (the old `lastIndexOf + 2 || 0` cut its first letter). */
const lastSegment = (n: string) => n.slice(n.includes('::') ? n.lastIndexOf('::') + 2 : 0);

/** A shared-example name at the start of `s`: a whole quoted string (`"with WebMock"`) or a symbol (`:common`). */
function rubyName(s: string): string | undefined {
  const m = /^(?:"([^"\n]+)"|'([^'\n]+)'|:(\w+[?!]?))/.exec(s);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/**
 * Where the first `end` at exactly `indent` starts, at or after `from` (a line start, or `from`
 * itself), in the code `ends` was built from; undefined when none follows. The `end` lines are
 * found once per file: a pattern per opening scanning the rest of the file was quadratic (20,000
 * unclosed `xdescribe … do` lines, 340 KB, took 4 s).
 */
type EndsAt = (indent: string, from: number) => number | undefined;
function rubyEnds(code: string): EndsAt {
  const byIndent = new Map<string, number[]>();
  for (const m of code.matchAll(/^([ \t]*)end\b/gm)) {
    const list = byIndent.get(m[1]!) ?? [];
    list.push(m.index);
    byIndent.set(m[1]!, list);
  }
  return (indent, from) => {
    // The rest of a line counts as a line of its own, as `^` read it at the start of a slice.
    if (code.startsWith(`${indent}end`, from) && !/\w/.test(code[from + indent.length + 3] ?? '')) return from;
    const list = byIndent.get(indent);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
}

/** Blocks of the file by indentation (well-formed Ruby closes each with `end` at its own indent). */
function rubyBlocks(code: string, text: string, lineOf: (i: number) => number, endsAt: EndsAt): RubyBlock[] {
  const out: RubyBlock[] = [];
  const open =
    /^([ \t]*)(?:(class|module)[ \t]+([A-Z][\w:]*)(?:[ \t]*<[ \t]*([A-Z][\w:]*))?|(?:RSpec\.)?(shared_examples(?:_for)?|shared_context)[ \t]*\(?[ \t]*["':])/gm;
  for (const m of code.matchAll(open)) {
    const close = endsAt(m[1]!, m.index + m[0].length);
    const start = lineOf(m.index);
    const end = close === undefined ? Number.POSITIVE_INFINITY : lineOf(close);
    if (m[2]) {
      out.push({
        kind: m[2] as 'class' | 'module',
        name: lastSegment(m[3]!),
        start,
        end,
        ...(m[4] ? { superclass: lastSegment(m[4]) } : {}),
      });
    } else {
      // The name is a string or symbol: masked in `code`, read from the text at the same offset.
      const name = rubyName(text.slice(m.index + m[0].length - 1, m.index + m[0].length + 200));
      if (name) out.push({ kind: 'examples', name, start, end });
    }
  }
  return out;
}

/**
 * The innermost block around a line (the latest start among those with start < line < end; of
 * equal starts, the first listed), for lines asked in increasing order: one sweep over the blocks
 * sorted by start, with a heap of those begun, latest start on top, dropping the ended ones.
 */
function innermost(blocks: RubyBlock[]): (line: number) => RubyBlock | undefined {
  const order = blocks.map((b, i) => ({ b, i })).sort((x, y) => x.b.start - y.b.start || x.i - y.i);
  const heap: { b: RubyBlock; i: number }[] = [];
  const above = (x: { b: RubyBlock; i: number }, y: { b: RubyBlock; i: number }) =>
    x.b.start > y.b.start || (x.b.start === y.b.start && x.i < y.i);
  const push = (e: { b: RubyBlock; i: number }) => {
    let k = heap.push(e) - 1;
    while (k > 0 && above(heap[k]!, heap[(k - 1) >> 1]!)) {
      [heap[k], heap[(k - 1) >> 1]] = [heap[(k - 1) >> 1]!, heap[k]!];
      k = (k - 1) >> 1;
    }
  };
  const pop = () => {
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    for (let k = 0; ; ) {
      const l = 2 * k + 1;
      const r = l + 1;
      let top = k;
      if (l < heap.length && above(heap[l]!, heap[top]!)) top = l;
      if (r < heap.length && above(heap[r]!, heap[top]!)) top = r;
      if (top === k) return;
      [heap[k], heap[top]] = [heap[top]!, heap[k]!];
      k = top;
    }
  };
  let next = 0;
  return (line) => {
    while (next < order.length && order[next]!.b.start < line) push(order[next++]!);
    // Lines only increase: a block ended above this line is ended for every later one.
    while (heap.length > 0 && heap[0]!.b.end <= line) pop();
    return heap[0]?.b;
  };
}

/**
 * Where shared tests are used: `include A, B` in a class, `it_behaves_like "x"`, `include_examples "x"`.
 * A use inside shared examples belongs to them (`nested`): it runs wherever they are included.
 */
function rubyUses(
  code: string,
  text: string,
  blocks: RubyBlock[],
  lineOf: (i: number) => number,
): { uses: string[]; nested: Map<RubyBlock, string[]> } {
  const uses: string[] = [];
  const nested = new Map<RubyBlock, string[]>();
  const innerBlock = innermost(blocks);
  for (const m of code.matchAll(/^[ \t]*include[ \t]+([A-Z][\w:]*(?:[ \t]*,[ \t]*[A-Z][\w:]*)*)/gm)) {
    const line = lineOf(m.index);
    const inner = innerBlock(line);
    if (inner?.kind === 'class') uses.push(...m[1]!.split(',').map((n) => lastSegment(n.trim())));
  }
  const innerExamples = innermost(blocks.filter((b) => b.kind === 'examples'));
  for (const m of code.matchAll(
    /\b(?:it_behaves_like|it_should_behave_like|include_examples|include_context)[ \t]*\(?[ \t]*["':]/g,
  )) {
    const name = rubyName(text.slice(m.index + m[0].length - 1, m.index + m[0].length + 200));
    if (!name) continue;
    const owner = innerExamples(lineOf(m.index));
    const list = owner && nested.get(owner);
    if (list) list.push(name);
    else if (owner) nested.set(owner, [name]);
    else uses.push(name);
  }
  return { uses, nested };
}

export function countRuby(text: string, path: string) {
  const plain = withoutBlockComments(text);
  const code = mask(plain, SYNTAX.ruby);
  const lineOf = lineIndex(code);
  const endsAt = rubyEnds(code);
  const blocks = rubyBlocks(code, plain, lineOf, endsAt);
  // A test in a module (or shared examples) runs in what includes it, not here.
  // An RSpec example in a namespacing module is still the file's own; a Minitest test in a module is not.
  // One sweep per pass over the file's lines (innermost: lines asked in increasing order), not a filter
  // and sort of every block for each definition.
  const examples = blocks.filter((b) => b.kind === 'examples');
  const sharedSweep = (): ((line: number, minitest: boolean) => RubyBlock | undefined) => {
    const innerBlock = innermost(blocks);
    const innerExamples = innermost(examples);
    return (line, minitest) => {
      const inner = innerBlock(line);
      return innerExamples(line) ?? (minitest && inner?.kind === 'module' ? inner : undefined);
    };
  };
  let sharedOf = sharedSweep();
  const shared = new Map<RubyBlock, RubyShared>();
  const own = counter();
  const count = {
    add(def: { line: number; skipped?: boolean }, minitest = false) {
      const b = sharedOf(def.line, minitest);
      if (!b) return own.add(def);
      const s = shared.get(b) ?? {
        name: b.name,
        kind: b.kind === 'module' ? 'module' : 'examples',
        cases: 0,
        skipped: 0,
        line: def.line,
      };
      s.cases++;
      if (def.skipped) s.skipped++;
      shared.set(b, s);
    },
  };
  const spec = /_spec\.rb$/.test(path);
  // A skipped group runs to the `end` at its own indentation.
  const skippedLines: [number, number][] = [];
  for (const m of code.matchAll(SKIPPED_GROUP)) {
    const close = endsAt(/^[ \t]*/.exec(m[0])![0], m.index + m[0].length);
    skippedLines.push([lineOf(m.index), close === undefined ? Infinity : lineOf(close)]);
  }
  if (spec || /\bdescribe\b[^\n]*\bdo\b|\bMinitest::Spec\b|\bshared_(?:examples|context)/.test(code)) {
    sharedOf = sharedSweep();
    const loops = rubyLoops(code, plain, lineOf, endsAt);
    for (const m of code.matchAll(RSPEC)) {
      const w = m[1]!;
      const line = lineOf(m.index);
      // `pending`/`skip` without a block are statements inside an example, not examples.
      if ((w === 'pending' || w === 'skip') && !/^[^\n]*(?:\bdo\b|\{)/.test(code.slice(m.index))) continue;
      const runs = loopRuns(loops, line);
      count.add({
        line,
        skipped: /^x/.test(w) || w === 'pending' || w === 'skip' || skippedLines.some(([a, b]) => line > a && line < b),
        ...(runs > 1 ? { params: runs } : {}),
      });
    }
  }
  if (!spec) {
    sharedOf = sharedSweep();
    for (const m of code.matchAll(/^[ \t]*def[ \t]+(test_\w+[?!]?)/gm)) count.add({ line: lineOf(m.index) }, true);
    sharedOf = sharedSweep();
    for (const m of code.matchAll(/^[ \t]*test[ \t]*\(?[ \t]*['"]/gm)) count.add({ line: lineOf(m.index) }, true);
  }
  const shoulda = spec ? undefined : shouldaCount(code, plain, lineOf, sharedSweep());
  const framework = spec
    ? 'RSpec'
    : /\bActiveSupport::TestCase\b|^[ \t]*test\s*\(?\s*['"]/m.test(code)
      ? 'Rails/Minitest'
      : 'Minitest';
  const classes = blocks
    .filter((b) => b.kind === 'class' && b.superclass)
    .map((b) => ({ name: b.name, superclass: b.superclass! }));
  const { uses, nested } = rubyUses(code, plain, blocks, lineOf);
  // Shared examples that only include others (`shared_examples "with WebMock"` of include_context lines) still run theirs.
  for (const [b, names] of nested) {
    const s = shared.get(b) ?? { name: b.name, kind: 'examples' as const, cases: 0, skipped: 0, line: b.start };
    s.uses = names;
    shared.set(b, s);
  }
  return {
    ...own.result(),
    framework,
    shared: [...shared.values()],
    uses,
    classes,
    ...(shoulda ? { shoulda } : {}),
  };
}

interface RubyLoop {
  start: number;
  end: number;
  size: number;
}
/** Bounds on what a loop multiplies: elements of one literal, and the product of nested loops. */
const MAX_LOOP_SIZE = 1000;
const MAX_LOOP_RUNS = 10_000;
/** Loops sized per file: each example asks every one, so a hostile file of thousands stays linear. */
const MAX_LOOPS = 200;

/**
 * Loops over a literal array that define examples once per element: `%w[a b].each do |x|`,
 * `[Food, Tag].each { |m|`, `MODELS.each_with_index do` where the file assigns `MODELS = [Food, Tag]`
 * (or `%i[…]`, `.freeze` or not). A loop over anything else (a method's result, a range, a
 * constant from another file) is not sized, and its examples count once.
 */
function rubyLoops(code: string, text: string, lineOf: (i: number) => number, endsAt: EndsAt): RubyLoop[] {
  if (!/\.each\b/.test(code)) return [];
  const sizeAt = (at: number): number | undefined => {
    // `%w[…]`/`%i[…]`: words, read from the text (the mask may blank them).
    const words = /^%[wWiI]([[({<])/.exec(text.slice(at, at + 3));
    if (words) {
      const closer = { '[': ']', '(': ')', '{': '}', '<': '>' }[words[1]!]!;
      const end = text.indexOf(closer, at + 3);
      if (end < 0 || end - at > 4000) return undefined;
      return text
        .slice(at + 3, end)
        .split(/\s+/)
        .filter(Boolean).length;
    }
    return code[at] === '[' ? literalSize(code, at) : undefined;
  };
  const constants = new Map<string, number>();
  for (const m of code.matchAll(/^[ \t]*([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*(?=%[wWiI][[({<]|\[)/gm)) {
    const n = sizeAt(m.index + m[0].length);
    if (n !== undefined && !constants.has(m[1]!)) constants.set(m[1]!, n);
  }
  const out: RubyLoop[] = [];
  const LOOP =
    /^([ \t]*)(?:([A-Z][A-Z0-9_]*)|(?=%[wWiI][[({<]|\[))[^\n]{0,2000}?\.each(?:_with_index)?[ \t]*(?:(do)\b|\{)[ \t]*\|/gm;
  for (const m of code.matchAll(LOOP)) {
    if (out.length >= MAX_LOOPS) break;
    const at = m.index + m[1]!.length;
    let size = m[2] ? constants.get(m[2]) : sizeAt(at);
    // The receiver must be the literal (or constant) alone: `[a, b].map(&:x).each` is not sized here.
    if (size === undefined) continue;
    const receiverEnd = m[2] ? at + m[2].length : endOfLiteral(code, text, at);
    if (
      receiverEnd < 0 ||
      !/^(?:\.freeze)?\.each(?:_with_index)?[ \t]*(?:do\b|\{)/.test(code.slice(receiverEnd, receiverEnd + 40))
    )
      continue;
    size = Math.min(size, MAX_LOOP_SIZE);
    const start = lineOf(m.index);
    let end: number | undefined;
    if (m[3]) {
      const close = endsAt(m[1]!, m.index + m[0].length);
      end = close === undefined ? undefined : lineOf(close);
    } else {
      const brace = code.indexOf('{', receiverEnd);
      const close = matchBracket(code, brace);
      end = close < 0 ? undefined : lineOf(close - 1);
    }
    if (end !== undefined && size > 0) out.push({ start, end, size });
  }
  return out;
}

/** Where the literal starting at `at` ends (just past its closer), or -1. */
function endOfLiteral(code: string, text: string, at: number): number {
  const words = /^%[wWiI]([[({<])/.exec(text.slice(at, at + 3));
  if (!words) return matchBracket(code, at);
  const closer = { '[': ']', '(': ')', '{': '}', '<': '>' }[words[1]!]!;
  const end = text.indexOf(closer, at + 3);
  return end < 0 ? -1 : end + 1;
}

/** How many times an example on `line` runs: the product of the sized loops around it. */
function loopRuns(loops: RubyLoop[], line: number): number {
  let runs = 1;
  for (const l of loops) if (l.start < line && line < l.end) runs = Math.min(runs * l.size, MAX_LOOP_RUNS);
  return runs;
}

/**
 * shoulda-context definitions (`should "…" do`, a matcher one-liner `should validate_presence_of(:x)`,
 * `should_not allow_value(…)`, `should_eventually "…"`), counted apart from the file's own tests:
 * the inventory adds them only where shoulda is a dependency (a Gemfile or gemspec names it) or the
 * file requires it, because `should` at the start of a line means nothing to plain Minitest.
 * Each becomes one test method at runtime; `should "…"` without a block and `should_eventually`
 * are pending (skipped). Lines inside RSpec shared examples are not shoulda's.
 */
export interface ShouldaCount {
  cases: number;
  skipped: number;
  firstLine: number;
  /** The file itself requires shoulda (`require "shoulda/context"`, `require 'shoulda'`). */
  requires: boolean;
}

const SHOULDA_DEF = /^[ \t]*(should_eventually|should_not|should)\b[ \t]*\(?[ \t]*(?:(['"])|([a-z_]\w*[?!]?))/gm;

function shouldaCount(
  code: string,
  text: string,
  lineOf: (i: number) => number,
  sharedOf: (line: number, minitest: boolean) => RubyBlock | undefined,
): ShouldaCount | undefined {
  let cases = 0;
  let skipped = 0;
  let firstLine = 0;
  for (const m of code.matchAll(SHOULDA_DEF)) {
    const line = lineOf(m.index);
    if (sharedOf(line, false)) continue;
    const word = m[1]!;
    // `should be_valid` is a matcher; `should ==`, `should.equal` (old expectation syntax) are not definitions.
    if (m[3] && /^(?:do|end|and|or|not|if|unless|then)$/.test(m[3])) continue;
    if (word === 'should_not' && !m[3]) continue;
    // A named `should` without a block on its line is `should_eventually`: listed, never run.
    const eol = code.indexOf('\n', m.index + m[0].length);
    const rest = code.slice(m.index + m[0].length, eol < 0 ? undefined : eol);
    const pending = word === 'should_eventually' || (!!m[2] && !/\bdo\b|\{/.test(rest));
    cases++;
    if (pending) skipped++;
    if (!firstLine) firstLine = line;
  }
  if (!cases) return undefined;
  const requires = /^[ \t]*require[ \t(]*['"]shoulda(?:[/-]context)?['"]/m.test(text);
  return { cases, skipped, firstLine, requires };
}

/** A data provider of another class, `#[DataProviderExternal(Other::class, 'rows')]` / `@dataProvider Other::rows`. */
export interface PhpExternalProvider {
  cls: string;
  method: string;
}

/**
 * Rows a PHPUnit test runs: its `#[TestWith]` rows plus the rows of each data provider it names
 * (`@dataProvider name`, `#[DataProvider('name')]`) when that provider is a method of this file
 * whose rows are literal; null when one is not (a loop over outside data, a call). A provider of
 * another class counts 1 here and is pushed on `external`, for the inventory to size from that
 * class's file.
 */
function phpRows(
  tail: string,
  withs: number,
  rowsOf: (name: string) => number | null | undefined,
  external: PhpExternalProvider[],
): number | null {
  let total = withs;
  const named = [
    ...tail.matchAll(
      /@dataProvider\s+([\w\\:]+)|(?:#\[|,)\s*\\?(?:PHPUnit\\Framework\\Attributes\\)?(DataProvider\w*)\s*\(([^)]*)\)/g,
    ),
  ];
  const others: PhpExternalProvider[] = [];
  // A provider named twice (the `@dataProvider` annotation kept beside its `#[DataProvider]`
  // attribute for older PHPUnit) runs its rows once.
  const seen = new Set<string>();
  for (const n of named) {
    const key = (n[1] ?? n[3]!).replace(/[\s'"]/g, '').replace(/^\\/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    const ext =
      n[2] === 'DataProviderExternal'
        ? /^\s*\\?(?:[\w\\]*\\)?(\w+)::class\s*,\s*['"](\w+)['"]\s*$/.exec(n[3]!)
        : n[1]?.includes('::')
          ? /^\\?(?:[\w\\]*\\)?(\w+)::(\w+)$/.exec(n[1])
          : undefined;
    if (ext) {
      others.push({ cls: ext[1]!, method: ext[2]! });
      total += 1;
      continue;
    }
    if (n[2] !== undefined && n[2] !== 'DataProvider') return null;
    const name = n[1] ?? /^\s*['"](\w+)['"]\s*$/.exec(n[3]!)?.[1];
    const rows = name && !name.includes('::') ? rowsOf(name) : undefined;
    if (typeof rows !== 'number') return null;
    total += rows;
  }
  if (total && external.length < 500) external.push(...others);
  return total || null;
}

/** Rows of each data provider a PHP file declares, by method name (null: not sized statically). */
export function phpProviderRows(text: string): Map<string, number | null> {
  return phpProviders(mask(text, SYNTAX.php));
}

/**
 * Data providers of a PHP file by method name: the entries of a single `return [ … ]` /
 * `return array( … )`, or the count of `yield` statements outside loops; null otherwise. A provider
 * built from another provider of this class (`foreach (self::pairs() as $row) { yield …; }`,
 * `yield from $this->pairs()`) runs that provider's rows times the loop's own yields (blind round 43:
 * a generator over two providers of 15 rows each counted as 2). A loop that may skip rows (`if`,
 * `continue`, `break`), or a provider not resolved within 4 steps, leaves the count null.
 */
function phpProviders(code: string): Map<string, number | null> {
  const plain = new Map<string, number | null>();
  const derived = new Map<string, { own: number; from: [name: string, times: number][] }>();
  const ANY_LOOP = /\b(?:for|foreach|while|do)\b|\byield\s+from\b|\bfunction\b/;
  for (const m of code.matchAll(/\bfunction\s+(\w+)\s*\([^)]*\)[^{;]*\{/g)) {
    const open = m.index + m[0].length - 1;
    const end = matchBracket(code, open);
    if (end < 0) continue;
    // Closures inside the rows (`yield [static function () { … }]`) are values, not the provider's loops.
    // `yield from [ … ]` and `yield from array_map(…, range(a, b))` give their rows like literal yields.
    const [body, fromRows] = sizedYieldFroms(withoutClosures(code.slice(open + 1, end - 1)));
    let rows: number | null = null;
    const yields = (body.match(/\byield\b(?!\s+from\b)/g)?.length ?? 0) + fromRows;
    const returns = [...body.matchAll(/\breturn\b\s*(\[|array\s*\(|array_map\s*\()/g)];
    if (ANY_LOOP.test(body)) {
      const d = providerOverProviders(body);
      if (d) derived.set(m[1]!, d);
    } else if (yields > 0) rows = yields;
    else if (returns.length === 1 && (body.match(/\breturn\b/g)?.length ?? 0) === 1) {
      const r = returns[0]!;
      const at = open + 1 + r.index + r[0].length - 1;
      rows = (r[1]!.startsWith('array_map') ? mappedSize(code, at) : literalSize(code, at)) ?? null;
    }
    plain.set(m[1]!, rows);
  }
  const resolve = (name: string, depth: number): number | null => {
    const d = derived.get(name);
    if (!d) return plain.get(name) ?? null;
    if (depth >= 4) return null;
    let total = d.own;
    for (const [from, times] of d.from) {
      const rows = resolve(from, depth + 1);
      if (rows === null) return null;
      total += rows * times;
    }
    return Math.min(total, 1_000_000);
  };
  const out = new Map(plain);
  for (const name of derived.keys()) out.set(name, resolve(name, 0));
  return out;
}

/**
 * A provider body with the bodies of its closures blanked (same length): `function (…) use (…): T { … }`.
 * Arrow functions (`fn (…) => expr`) hold one expression, no statement, and stay. At most 200 closures.
 */
function withoutClosures(body: string): string {
  let out = body;
  let n = 0;
  for (const m of body.matchAll(/\bfunction\s*\(/g)) {
    if (++n > 200) break;
    const params = matchBracket(out, m.index + m[0].length - 1);
    if (params < 0) continue;
    const head = /^\s*(?:use\s*\([^)]*\))?\s*(?::\s*\??[\w\\|]+)?\s*\{/.exec(out.slice(params, params + 300));
    if (!head) continue;
    const close = matchBracket(out, params + head[0].length - 1);
    if (close < 0) continue;
    out = out.slice(0, m.index) + ' '.repeat(close - m.index) + out.slice(close);
  }
  return out;
}

/**
 * The body with each `yield from` of a sizable literal (`[ … ]`, `array_map(…, range(a, b))`) blanked,
 * and the rows those give. Any other `yield from` stays for the caller to judge. At most 100.
 */
function sizedYieldFroms(body: string): [string, number] {
  let out = body;
  let rows = 0;
  let n = 0;
  for (const m of body.matchAll(/\byield\s+from\s+(\[|array_map\s*\()/g)) {
    if (++n > 100) break;
    const at = m.index + m[0].length - 1;
    const size = m[1] === '[' ? literalSize(out, at) : mappedSize(out, at);
    const close = matchBracket(out, at);
    if (size === undefined || close < 0) continue;
    rows += size;
    out = out.slice(0, m.index) + ' '.repeat(close - m.index) + out.slice(close);
  }
  return [out, rows];
}

/**
 * Rows of `array_map(callback, rows)` whose paren is at `open`: the size of a literal `[…]` or of
 * `range(a, b)` / `range(a, b, step)` with integer bounds (at most 100,000); undefined for anything else.
 */
function mappedSize(code: string, open: number): number | undefined {
  const close = matchBracket(code, open);
  if (close < 0) return undefined;
  let depth = 0;
  let last = -1;
  let stop = close - 1;
  for (let j = open + 1; j < close - 1; j++) {
    const c = code[j]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      // A trailing comma (`array_map(fn, range(1, 3),)`) ends the last argument, it starts none.
      if (/^\s*$/.test(code.slice(j + 1, close - 1))) stop = j;
      else last = j;
    }
  }
  if (last < 0) return undefined;
  const arg = code.slice(last + 1, stop);
  const range = /^\s*range\s*\(\s*(-?\d{1,9})\s*,\s*(-?\d{1,9})\s*(?:,\s*(\d{1,9})\s*)?\)\s*$/.exec(arg);
  if (range) {
    const step = Number(range[3] ?? 1);
    if (step < 1) return undefined;
    return Math.min(Math.floor(Math.abs(Number(range[2]) - Number(range[1])) / step) + 1, 100_000);
  }
  const lead = /^\s*/.exec(arg)![0].length;
  if (code[last + 1 + lead] !== '[') return undefined;
  const end = matchBracket(code, last + 1 + lead);
  return end > 0 && /^\s*$/.test(code.slice(end, stop)) ? literalSize(code, last + 1 + lead) : undefined;
}

/** The call of another provider of this class: `self::name()`, `static::name()`, `$this->name()`. */
const OWN_CALL = /^\s*(?:self\s*::\s*|static\s*::\s*|\$this\s*->\s*)(\w+)\s*\(\s*\)/;

/**
 * A provider body made of loops over (and `yield from`s of) other providers of its class, plus literal
 * `yield`s: the yields outside them, and each provider with how many rows one of its rows gives. Null
 * for any other loop, a loop whose rows may be skipped, or more than 20 such loops.
 */
function providerOverProviders(body: string): { own: number; from: [string, number][] } | null {
  const from: [string, number][] = [];
  let rest = '';
  let at = 0;
  for (const m of body.matchAll(/\bforeach\s*\(|\byield\s+from\b/g)) {
    if (m.index < at) continue;
    if (from.length >= 20) return null;
    rest += body.slice(at, m.index);
    if (m[0].startsWith('yield')) {
      const call = OWN_CALL.exec(body.slice(m.index + m[0].length, m.index + m[0].length + 300));
      if (!call) return null;
      from.push([call[1]!, 1]);
      at = m.index + m[0].length + call[0].length;
      continue;
    }
    const paren = m.index + m[0].length - 1;
    const head = matchBracket(body, paren);
    if (head < 0) return null;
    const call = OWN_CALL.exec(body.slice(paren + 1, head - 1));
    if (!call || !/^\s+as\b/.test(body.slice(paren + 1 + call[0].length, head - 1))) return null;
    const brace = head + (/^\s*/.exec(body.slice(head, head + 200))?.[0].length ?? 0);
    if (body[brace] !== '{') return null;
    const close = matchBracket(body, brace);
    if (close < 0) return null;
    const inner = body.slice(brace + 1, close - 1);
    if (
      /\b(?:for|foreach|while|do|if|else|continue|break|match|switch|function)\b|\byield\s+from\b|\bfn\s*\(/.test(inner)
    )
      return null;
    const times = inner.match(/\byield\b/g)?.length ?? 0;
    if (times === 0) return null;
    from.push([call[1]!, times]);
    at = close;
  }
  rest += body.slice(at);
  if (from.length === 0 || /\b(?:for|foreach|while|do)\b|\byield\s+from\b|\bfunction\b|\bfn\s*\(/.test(rest))
    return null;
  return { own: rest.match(/\byield\b/g)?.length ?? 0, from };
}

/** The text of the quoted string whose opening quote is at `open` (masked code keeps the offsets). */
function quoted(text: string, open: number): string {
  const q = text[open]!;
  const close = text.indexOf(q, open + 1);
  return close > open && close - open <= 200 ? text.slice(open + 1, close) : '';
}

/**
 * The Pest datasets a file declares with a literal list (`dataset('emails', ['a@b', 'c@d'])`) by
 * name, with their row counts; a dataset built by a function is left out (its size is unknown).
 */
function pestDatasets(code: string, text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of code.matchAll(/\bdataset\s*\(\s*(['"])/g)) {
    if (out.size >= 200) break;
    const open = m.index + m[0].length - 1;
    const name = quoted(text, open);
    const after = /^\s*,\s*\[/.exec(code.slice(open + name.length + 2, open + name.length + 200));
    if (!name || !after) continue;
    const size = literalSize(code, open + name.length + 2 + after[0].length - 1);
    if (size !== undefined && !out.has(name)) out.set(name, size);
  }
  return out;
}

export interface PhpClass {
  name: string;
  abstract: boolean;
  /** The short name of the class it extends, '' for none. */
  parent: string;
}

export function countPhp(text: string): ReturnType<Counter['result']> & {
  framework: string;
  classes: PhpClass[];
  external?: PhpExternalProvider[];
} {
  const code = mask(text, SYNTAX.php);
  const lineOf = lineIndex(code);
  const count = counter();
  let framework = 'PHPUnit';
  let providers: Map<string, number | null> | undefined;
  const external: PhpExternalProvider[] = [];
  const method = /\bfunction\s+(\w+)\s*\(/g;
  const bounds = [...code.matchAll(/[{};]/g)].map((x) => x.index);
  let b = -1;
  for (const m of code.matchAll(method)) {
    // The docblock and attributes right before the method (the original text: `@test` lives in a comment).
    // Where the previous statement ends is read in the masked code, so a brace inside an attribute's
    // string (`#[TestWithJson('{"a": 1}')]`) does not cut the attributes short; long multi-line
    // `#[TestWith([…])]` groups are read whole (the tails of two methods never overlap).
    while (b + 1 < bounds.length && bounds[b + 1]! < m.index) b++;
    const last = b >= 0 && bounds[b]! < m.index ? bounds[b]! : -1;
    const tail = text.slice(Math.max(last + 1, m.index - 20_000), m.index);
    // An attribute opens a group (`#[Test]`) or follows another in it (`#[Test, DataProvider('x')]`).
    const isTest =
      /^test/.test(m[1]!) || /@test\b|(?:#\[|,)\s*(?:\\?PHPUnit\\Framework\\Attributes\\)?Test\b/.test(tail);
    if (!isTest || !/\bpublic\b|^\s*function/.test(`${code.slice(m.index - 40, m.index)} `)) continue;
    const provider =
      /@dataProvider\b|(?:#\[|,)\s*\\?(?:PHPUnit\\Framework\\Attributes\\)?(?:DataProvider\w*|TestWith)/.test(tail);
    const withs = (tail.match(/(?:#\[|,)\s*\\?(?:PHPUnit\\Framework\\Attributes\\)?TestWith(?:Json)?\s*\(/g) ?? [])
      .length;
    count.add({
      line: lineOf(m.index),
      ...(provider
        ? { params: phpRows(tail, withs, (name) => (providers ??= phpProviders(code)).get(name), external) }
        : {}),
    });
  }
  // Pest: it('…', fn) / test('…', fn) at the top level or inside `describe('…', function () { … })`
  // (nested describes too), with ->skip(), ->todo(), ->with([...]); a skipped describe skips its tests.
  const chainAt = (end: number) =>
    end > 0 ? /^(?:\s*->\s*\w+\s*\((?:[^()]|\([^()]*\))*\))*/.exec(code.slice(end))![0] : '';
  // Every opener's closer comes from one pass over the code (matchBrackets), and the describes
  // around a test from a stack swept in text order: a file of thousands of unclosed `describe(`
  // or of tests inside thousands of describes is not rescanned per call (it was quadratic).
  let datasets: Map<string, number> | undefined;
  const describeCalls = [...code.matchAll(/^[ \t]*describe\s*\(\s*['"]/gm)].map((d) => ({
    from: d.index,
    open: code.indexOf('(', d.index),
  }));
  const testCalls = [...code.matchAll(/^([ \t]*)(it|test)\s*\(\s*['"]/gm)];
  const testOpen = testCalls.map((m) => code.indexOf('(', m.index));
  const closes = matchBrackets(code, [...describeCalls.map((d) => d.open), ...testOpen]);
  // Bracket spans nest or are disjoint, so the enclosing describes form a stack; each entry
  // carries whether it or any describe around it is skipped.
  const describes: { from: number; to: number; skipped: boolean }[] = [];
  for (const d of describeCalls) {
    const end = closes.get(d.open) ?? -1;
    if (end > 0) describes.push({ from: d.from, to: end, skipped: /->\s*(?:skip|todo)\s*\(/.test(chainAt(end)) });
  }
  const around: { to: number; skipped: boolean }[] = [];
  let next = 0;
  for (const [i, m] of testCalls.entries()) {
    for (; next < describes.length && describes[next]!.from < m.index; next++) {
      const d = describes[next]!;
      while (around.length > 0 && around[around.length - 1]!.to <= d.from) around.pop();
      around.push({ to: d.to, skipped: d.skipped || (around[around.length - 1]?.skipped ?? false) });
    }
    while (around.length > 0 && around[around.length - 1]!.to <= m.index) around.pop();
    if (m[1] && around.length === 0) continue;
    framework = 'Pest';
    const end = closes.get(testOpen[i]!) ?? -1;
    const chain = chainAt(end);
    const withAt = chain.search(/->\s*with\s*\(\s*\[/);
    // `->with('name')`: a dataset this file declares (`dataset('name', [...])`) expands as an inline one.
    const named = /->\s*with\s*\(\s*(['"])/.exec(chain);
    const params =
      withAt >= 0
        ? (literalSize(code, end + chain.indexOf('[', withAt)) ?? null)
        : named
          ? ((datasets ??= pestDatasets(code, text)).get(quoted(text, end + named.index + named[0].length - 1)) ?? null)
          : /->\s*with\s*\(/.test(chain)
            ? null
            : undefined;
    count.add({
      line: lineOf(m.index),
      skipped: /->\s*(?:skip|todo)\s*\(/.test(chain) || (around[around.length - 1]?.skipped ?? false),
      ...(params !== undefined ? { params } : {}),
    });
  }
  // Classes and what they extend: an abstract base's tests run once per concrete subclass (the inventory resolves them).
  const classes = [
    ...code.matchAll(/^\s*((?:abstract|final|readonly)\s+)*class\s+(\w+)(?:\s+extends\s+\\?(?:[\w\\]*\\)?(\w+))?/gm),
  ].map((c) => ({ name: c[2]!, abstract: /\babstract\b/.test(c[0]), parent: c[3] ?? '' }));
  return { ...count.result(), framework, classes, ...(external.length ? { external } : {}) };
}
