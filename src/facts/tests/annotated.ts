/**
 * Languages whose tests are marked by annotations or attributes: JUnit 3/4/5, TestNG, Kotlin and
 * Spock (JVM), xUnit/NUnit/MSTest (C#) and Rust. Annotations in a row form one group that
 * belongs to the declaration after it; a group with a test marker is one definition, its data
 * rows (`@ValueSource`, `[InlineData]`, `[TestCase]`, `#[test_case]`) its parameter table.
 */
import { countScala } from './scala.js';
import { closerOf, lineIndex, literalSize, mask, matchBracket, matchBrackets, SYNTAX, type Syntax } from './mask.js';
import { counter } from './types.js';
import {
  bodyRepetitions,
  type RepetitionCount,
  repetitionCount,
  repetitionsIn,
  tallyArguments,
} from './rust-repetitions.js';
import { lowerBound } from '../../util/bisect.js';
import { table } from '../../util/table.js';

interface Annotation {
  name: string;
  args: string;
  /** Where `args` starts (JVM style), to read a text block the mask blanked. */
  from?: number;
}
interface Group {
  at: number;
  annotations: Annotation[];
  /** The code that follows the group (the start of the declaration). */
  after: string;
  /** Where `after` starts. */
  end?: number;
}

/** Groups of `@Name(args)` (JVM) / `[Name(args), …]` (C#) / `#[name(args)]` (Rust) in masked code. */
function groups(code: string, style: 'at' | 'bracket' | 'hash'): Group[] {
  const out: Group[] = [];
  const start = style === 'at' ? /@([\w.]+)/y : style === 'hash' ? /#\[/y : /\[/y;
  let i = 0;
  const lead = style === 'at' ? /@[A-Za-z]/g : style === 'hash' ? /#\[/g : /(?<=^|[\n;{}\]])\s*\[(?=\s*[A-Za-z])/g;
  for (const m of code.matchAll(lead)) {
    if (m.index < i) continue;
    const g: Group = { at: m.index + (m[0].length - m[0].trimStart().length), annotations: [], after: '' };
    let j = g.at;
    for (;;) {
      while (/\s/.test(code[j] ?? '')) j++;
      start.lastIndex = j;
      const s = start.exec(code);
      if (!s) break;
      if (style === 'at') {
        j = s.index + s[0].length;
        let args = '';
        if (code[j] === '(') {
          const e = closerOf(code, j);
          if (e < 0) break;
          args = code.slice(j + 1, e - 1);
          j = e;
        }
        g.annotations.push({ name: s[1]!.split('.').pop()!, args, ...(args ? { from: j - args.length - 1 } : {}) });
      } else {
        const open = s.index + s[0].length - 1;
        const e = closerOf(code, open);
        if (e < 0) break;
        for (const part of topLevel(code.slice(open + 1, e - 1))) {
          const n = /^\s*([\w:.]+)\s*(?:\(([\s\S]*)\))?\s*$/.exec(part);
          if (n)
            g.annotations.push({
              name: n[1]!
                .split(/[.:]+/)
                .pop()!
                .replace(/Attribute$/, ''),
              args: n[2] ?? '',
            });
          if (n && style === 'hash') g.annotations[g.annotations.length - 1]!.name = n[1]!; // keep `tokio::test`
        }
        j = e;
      }
    }
    g.after = code.slice(j, j + 300);
    g.end = j;
    i = j;
    if (g.annotations.length) out.push(g);
  }
  return out;
}

function topLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) out.push(s.slice(last, k)), (last = k + 1);
  }
  out.push(s.slice(last));
  return out.filter((p) => p.trim());
}

/** A collection built from its elements: `Stream.of(`, `List.of(`, `Arrays.asList(`, Kotlin `listOf(`, `arrayOf(`. */
const ROWS_CALL =
  /\b(?:(?:Stream|List|Set|IntStream|LongStream|DoubleStream)\s*\.\s*of|Arrays\s*\.\s*asList|(?:listOf|setOf|arrayOf|sequenceOf|mutableListOf|streamOf)(?:<[\w<>, ?.]{0,80}>)?)\s*\(/y;

/**
 * Rows of a JUnit 5 `@MethodSource("provider")` (blind round 43 counted each as one case): the
 * provider method of the same file (`fun provider() = listOf(…)`, `static Stream<Arguments>
 * provider() { return Stream.of(…); }`) that returns one collection built from its elements, each a
 * row (`Arguments.of(…)`, `arguments(…)`, a value). With no name the provider is named as the test;
 * at most 100 providers a file are looked up.
 * Null (counted once) for several providers, a provider in another class (`Other#rows`), or a body
 * that builds its rows some other way (a loop, `.flatMap`, reflection).
 */
function methodSourceRows(code: string, raw: string, g: Group, memo: Map<string, number | null>): number | null {
  const names = [...raw.matchAll(/"([^"]{0,200})"/g)].map((x) => x[1]!);
  const name =
    names.length === 0 && !/\S/.test(raw.replace(/^\s*\(?|\)?\s*$/g, ''))
      ? /\b(\w+)\s*\(/.exec(g.after)?.[1]
      : names[0];
  if (names.length > 1 || !name || !/^\w{1,120}$/.test(name)) return null;
  if (memo.has(name)) return memo.get(name)!;
  // Each provider looked up reads the file once: at most 100 per file (a hostile file of thousands).
  if (memo.size >= 100) return null;
  let rows: number | null = null;
  // The declaration: `fun name(`, or a Java return type before `name(` — not a call (`.name(`, `= name(`).
  const decl = new RegExp(String.raw`(?:\bfun\s+|[\w>\]]\s+)${name}\s*\(\s*\)`, 'g');
  for (let m = decl.exec(code), n = 0; m && n < 20 && rows === null; m = decl.exec(code), n++) {
    let k = m.index + m[0].length;
    const stop = Math.min(code.length, k + 300);
    while (k < stop && /[\s:\w<>?,.[\]]/.test(code[k]!)) k++;
    if (code[k] !== '=' && code[k] !== '{') continue;
    const block = code[k] === '{';
    // closerOf gives the index after the closing bracket.
    const bodyEnd = block ? closerOf(code, k) - 1 : code.length;
    if (bodyEnd < 0) continue;
    let at = k + 1;
    while (at < bodyEnd && /\s/.test(code[at]!)) at++;
    if (block && code.startsWith('return', at)) for (at += 6; at < bodyEnd && /\s/.test(code[at]!); at++);
    ROWS_CALL.lastIndex = at;
    const call = ROWS_CALL.exec(code);
    if (!call) continue;
    const open = at + call[0].length - 1;
    const close = closerOf(code, open);
    if (close < 0 || close > bodyEnd) continue;
    // The collection is the whole result: nothing chained after it but a conversion to a stream.
    const rest = code
      .slice(close, Math.min(bodyEnd, close + 200))
      .replace(/^\s*(?:\.\s*(?:stream|asStream)\s*\(\s*\))?/, '');
    if (block ? !/^\s*;?\s*$/.test(rest) : /^\s*[.+\-*?:]/.test(rest)) continue;
    rows = literalSize(code, open) ?? null;
  }
  memo.set(name, rows);
  return rows;
}

/**
 * Element count of the first `{…}`/`[…]` array in annotation arguments, else null. Without an
 * array, each positional argument is an element: Kotlin passes a vararg `value` as
 * `@CsvSource("a, 1", "b, 2")` (blind round 43 counted such a list of rows as 1); named arguments
 * (`delimiter = '|'`) are none, `value = "a, 1"` is one.
 */
function arraySize(args: string): number | null {
  const k = args.search(/[{[]/);
  if (k < 0) {
    if (!args.trim()) return null;
    const parts = topLevel(args).filter((p) => !/^\s*\w+\s*=/.test(p) || /^\s*value\s*=/.test(p));
    return Math.max(1, parts.length);
  }
  return literalSize(args.replace(/\{/g, '[').replace(/\}/g, ']'), k) ?? null;
}

/**
 * Rows of `@CsvSource(textBlock = """ … """)`: the CSV records of the block as JUnit reads it,
 * less a header record when `useHeadersInDisplayName = true`. Java first joins a line ending in
 * `\` to the next (a continuation), and a quoted value (JUnit's quote is `'` unless
 * `quoteCharacter` says otherwise) may span lines; blank lines and `#` comment lines are no
 * records (blind round 42 counted a 16-record block written on 32 lines as 32).
 */
function textBlockRows(text: string, a: Annotation): number | null {
  const raw = a.from === undefined ? '' : text.slice(a.from, a.from + a.args.length);
  const block = /"""([\s\S]*?)"""/.exec(raw);
  if (!block) return null;
  const quote = /\bquoteCharacter\s*=\s*'(\\?.)'/.exec(raw)?.[1]?.replace(/^\\/, '') ?? "'";
  const rows = csvRecords(javaTextBlock(block[1]!), quote);
  return Math.max(0, rows - (/\buseHeadersInDisplayName\s*=\s*true\b/.test(a.args) ? 1 : 0));
}

/**
 * A Java text block's content with its escapes read: `\<newline>` (after any blanks, which Java
 * strips from line ends) joins two lines, `\n` is a newline, other escapes stand for one character.
 */
export function javaTextBlock(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    let j = i + 1;
    while (raw[j] === ' ' || raw[j] === '\t') j++;
    if (raw[j] === '\n' || raw[j] === '\r') {
      // A continuation: the line break (\r\n as one) is dropped.
      i = raw[j] === '\r' && raw[j + 1] === '\n' ? j + 1 : j;
      continue;
    }
    out += raw[i + 1] === 'n' ? '\n' : 'x';
    i++;
  }
  return out;
}

/**
 * How many CSV records `text` holds: a record ends at a line break outside a quoted value; blank
 * records and lines whose first non-blank character is `#` are none. One pass, linear.
 */
export function csvRecords(text: string, quote = "'"): number {
  let count = 0;
  let quoted = false;
  let content = false;
  let comment = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text[i]! : '\n';
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (quoted) {
      if (c === quote) quoted = false;
      continue;
    }
    if (c === '\n') {
      if (content) count++;
      content = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (!content && c === '#') {
      comment = true;
      continue;
    }
    content = true;
    if (c === quote) quoted = true;
  }
  return count;
}

/**
 * Test markers: JUnit/TestNG's own, jqwik's `@Property`, and the libraries' annotations that are
 * themselves meta-annotated with `@Test`/`@TestTemplate` outside the repository (Jazzer `@FuzzTest`,
 * Fray `@FrayTest`, JUnit Pioneer `@CartesianTest`/`@RetryingTest`, junit5-rerunner `@RepeatedIfExceptionsTest`).
 */
const JVM_TESTS = new Set([
  'Test',
  'ParameterizedTest',
  'RepeatedTest',
  'TestFactory',
  'TestTemplate',
  'Property',
  'FuzzTest',
  'FrayTest',
  'CartesianTest',
  'RetryingTest',
  'RepeatedIfExceptionsTest',
]);
const JVM_SOURCES = new Set([
  'ValueSource',
  'CsvSource',
  'EnumSource',
  'MethodSource',
  'CsvFileSource',
  'ArgumentsSource',
  'NullAndEmptySource',
  'FieldSource',
]);

/** A JUnit 5 meta-annotation: an annotation type annotated with a test marker (`@ParameterizedTest @interface MultiLocaleTest`). */
export interface JvmMetaTest {
  name: string;
  parametrized: boolean;
}

/**
 * JUnit 3 through a base class of the project: the classes this file declares with their superclass,
 * and its `public void test*()` methods when no class of it extends `TestCase` directly (they count
 * once the chain of superclasses, across files, reaches `TestCase`).
 */
export interface JvmJunit3 {
  classes: [name: string, superclass: string][];
  tests: { line: number; snippet: string }[];
  /** Spock: feature methods of a spec whose chain reaches `Specification` (not `TestCase`). */
  root?: 'Specification';
}

/** A method annotated without any test marker: a test where one of its annotations is a meta-annotation. */
/**
 * Kotlin test DSLs (TestBalloon `testSuite { test("…") {} }`, Kotest specs): the project's own
 * functions that register a test (`@TestRegistering fun TestSuite.testServer(name, …) = test(name) {…}`,
 * or any function whose body calls `test(…)`), and the calls here of the shape a registration takes
 * (`name("…") {` at the start of a line), resolved against every file's wrappers by the inventory.
 */
export interface KotlinDsl {
  framework: string;
  /** Functions declared here that register a test when called. */
  wrappers: string[];
}
export interface KotlinCall {
  name: string;
  line: number;
  snippet: string;
}

const KOTEST_LEAVES = [
  'test',
  'it',
  'should',
  'then',
  'Then',
  'expect',
  'scenario',
  'xtest',
  'xit',
  'xshould',
  'xscenario',
];
const DSL_LEAF: Record<string, RegExp> = table({
  TestBalloon: /(?<![\w.])(test)\s*\(\s*"/g,
  Kotest: new RegExp(`(?<![\\w.])(${KOTEST_LEAVES.join('|')})\\s*\\(\\s*"`, 'g'),
});
/** `fun name(`, `fun <T> Receiver.name(`, `fun Receiver<A>.name(`, with an optional @TestRegistering before it. */
const DSL_FUN = /(@TestRegistering\b[\s\S]{0,200}?)?\bfun\s+(?:<[^>\n]*>\s*)?(?:[\w.]+(?:<[^>\n]*>)?\.)?(\w+)\s*\(/g;
/** A call with a string first argument and a trailing lambda that ends the line: a test registration's shape. */
const DSL_CALL = /^[ \t]*([a-z]\w*)\s*\(\s*"[^"\n]*"\s*(?:,[^\n{}]*)?\)\s*\{[ \t]*$/gm;

/** A class extending one of Kotest's spec styles (`class X : FunSpec({ … })`, `: StringSpec()`). */
const KOTEST_SPEC =
  /:\s*(?:io\.kotest\.core\.spec\.style\.)?(?:FunSpec|StringSpec|DescribeSpec|BehaviorSpec|ShouldSpec|WordSpec|FreeSpec|FeatureSpec|ExpectSpec|AnnotationSpec)\s*[({]/;

function kotlinDsl(
  code: string,
  text: string,
  lineOf: (at: number) => number,
): { dsl?: KotlinDsl; calls: KotlinCall[]; leaves: Array<{ line: number; skipped: boolean }> } {
  // Kotest is the runner where the file uses its framework (io.kotest.core: specs, config) or extends
  // a spec style; its assertion and property libraries (io.kotest.matchers, io.kotest.assertions,
  // io.kotest.property) are used from JUnit 5 `@Test` methods too, which stay JUnit (blind round 46).
  const framework = /\bde\.infix\.testBalloon\b/.test(code)
    ? 'TestBalloon'
    : /\bio\.kotest\.core\b/.test(code) || KOTEST_SPEC.test(code)
      ? 'Kotest'
      : undefined;
  const leaves: Array<{ line: number; skipped: boolean }> = [];
  const wrappers: string[] = [];
  if (framework) {
    for (const m of code.matchAll(DSL_LEAF[framework]!))
      leaves.push({ line: lineOf(m.index), skipped: m[1]!.startsWith('x') });
    // Kotest StringSpec: `"name" { … }` at the start of a line.
    if (framework === 'Kotest' && /:\s*StringSpec\b/.test(code))
      for (const m of code.matchAll(/^[ \t]*"[^"\n]*"\s*(?:\.config\s*\([^)\n]*\)\s*)?\{/gm))
        leaves.push({ line: lineOf(m.index + m[0].length - m[0].trimStart().length), skipped: false });
    const decls = [...code.matchAll(DSL_FUN)];
    decls.forEach((m, i) => {
      const name = m[2]!;
      if (KOTEST_LEAVES.includes(name)) return;
      const body = code.slice(m.index + m[0].length, decls[i + 1]?.index ?? code.length);
      if (m[1] || /(?<![\w.])test\s*\(/.test(body)) wrappers.push(name);
    });
  }
  const calls: KotlinCall[] = [];
  let lines: string[] | undefined;
  for (const m of code.matchAll(DSL_CALL)) {
    const name = m[1]!;
    if (KOTEST_LEAVES.includes(name) || calls.length >= 2000) continue;
    const line = lineOf(m.index + m[0].length - m[0].trimStart().length);
    lines ??= text.split('\n');
    calls.push({ name, line, snippet: (lines[line - 1] ?? '').trim().slice(0, 160) });
  }
  return { ...(framework ? { dsl: { framework, wrappers } } : {}), calls, leaves };
}

export interface JvmAnnotated {
  names: string[];
  line: number;
  skipped: boolean;
  snippet: string;
}

const DECLARES_ANNOTATION =
  /^\s*(?:(?:public|private|protected|static|internal)\s+)*(?:@interface|annotation\s+class)\s+(\w+)/;
const METHOD =
  /^\s*(?:(?:public|protected|private|static|final|abstract|synchronized|default|suspend|override|open|internal)\s+)*(?:<[^>]*>\s*)?(?:fun\s+(?:`[^`]+`|\w+)|[\w.<>[\], ?]+\s+\w+)\s*\(/;
/** Annotations of methods that are never tests: not worth keeping for the meta-annotation lookup. */
const NEVER_TESTS = new Set([
  'Override',
  'BeforeEach',
  'AfterEach',
  'BeforeAll',
  'AfterAll',
  'Before',
  'After',
  'BeforeClass',
  'AfterClass',
  'SuppressWarnings',
  'Deprecated',
  'Nullable',
  'NonNull',
]);
/** TestNG configuration and data methods: public, yet never tests under a class-level `@Test`. */
const TESTNG_NOT_TESTS = /^(?:Before\w*|After\w*|DataProvider|Factory|Ignore|Disabled)$/;
/** A public instance method returning void: a test when its class carries TestNG's `@Test`. */
const PUBLIC_VOID = /^[ \t]*public\s+(?:(?:final|synchronized)\s+)*void\s+\w+\s*\(/gm;
/**
 * A class, interface, enum or record declaration up to its body's brace, or an anonymous class's
 * (`new Runnable() {`), in masked code; each header read at most 300 characters far.
 */
const CLASS_BODY =
  /\b(?:(?:class|interface|enum|record)\s+\w+[^{};=]{0,300}|new\s+[\w.]+(?:<[^(){};]{0,200}>)?\s*\([^(){};]{0,200}\)\s*)\{/g;

/**
 * Constants of `enum Name` (Java) or `enum class Name` (Kotlin) in masked code: the entries before
 * the first top-level `;` or the closing brace, each an identifier (with arguments or a body of its
 * own). Undefined when the file declares no such enum. Bounded: 2,000 entries.
 */
export function enumConstants(code: string, name: string): number | undefined {
  if (!/^\w{1,120}$/.test(name)) return undefined;
  const decl = new RegExp(String.raw`\benum\s+(?:class\s+)?${name}\b[^{};]{0,300}\{`, 'g');
  const m = decl.exec(code);
  if (!m) return undefined;
  let n = 0;
  let depth = 0;
  let entry = false;
  for (let i = m.index + m[0].length; i < code.length && n < 2000; i++) {
    const c = code[i]!;
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && c === ';') break;
    else if (depth === 0 && c === ',') entry = false;
    else if (depth === 0 && !entry && c === '@') {
      // An annotation before a constant (`@Deprecated A`): its name is no entry.
      while (i + 1 < code.length && /[\w.]/.test(code[i + 1]!)) i++;
    } else if (depth === 0 && !entry && /[A-Za-z_$]/.test(c)) {
      entry = true;
      n++;
    }
  }
  return n;
}

/**
 * What a JUnit 5 `@EnumSource` expands to: the `names` it lists (mode INCLUDE), else every constant of
 * its enum — `@EnumSource(Kind.class)`, `value = Kind.class`, Kotlin `Kind::class`, or with no class the
 * type of the test's parameter (`void parses(Serde.Target target)`) — less the names an EXCLUDE mode
 * lists. Resolved here when the file declares the enum, else left to the inventory (`type`).
 */
function enumSourceParams(
  code: string,
  raw: string,
  after: string,
): { params: number | null; type?: string; exclude?: number } {
  const mode = /\bmode\s*=\s*(?:[\w.]+\.)?(\w+)/.exec(raw)?.[1];
  const namesArg = /\bnames\s*=\s*(\{[^}]{0,4000}\}|\[[^\]]{0,4000}\]|"[^"]{0,200}")/.exec(raw)?.[1];
  const names = namesArg ? [...namesArg.matchAll(/"[^"]{0,200}"/g)].length : 0;
  if (mode && mode !== 'INCLUDE' && mode !== 'EXCLUDE') return { params: null };
  if (namesArg && mode !== 'EXCLUDE') return { params: Math.max(1, names) };
  const cls =
    /(?:\bvalue\s*=\s*|^\s*\(?\s*)([\w.]{1,200})(?:\.class|::class)\b/.exec(raw)?.[1] ??
    // Java `name(Type param`, Kotlin `name(param: Type`, with annotations or `final` before it.
    /^[^(]{0,300}\(\s*(?:(?:final\s+|@[\w.]+(?:\([^)]{0,200}\))?\s+)*([\w.]{1,200})\s+\w+\s*[,)]|\w+\s*:\s*([\w.]{1,200})\??\s*[,)])/
      .exec(after)
      ?.slice(1)
      .find(Boolean);
  if (!cls) return { params: null };
  const type = cls.slice(cls.lastIndexOf('.') + 1);
  const exclude = mode === 'EXCLUDE' ? names : 0;
  const here = enumConstants(code, type);
  if (here !== undefined) return { params: Math.max(1, here - exclude) };
  return { params: null, type: cls, ...(exclude ? { exclude } : {}) };
}

/** A bare `@EnumSource` whose enum another file declares: resolved by the inventory. */
export interface JvmEnumSource {
  line: number;
  /** The enum as the test names it (`Serde.Target`, `Kind`). */
  type: string;
  exclude?: number;
}

/** A class of a JVM test file, for tests inherited from an abstract base. */
export interface JvmClass {
  name: string;
  parent: string;
  abstract: boolean;
}

/** `[abstract] class Name [<…>] extends Base` (Java) or `[abstract|open] class Name … : Base(` (Kotlin). */
const JVM_CLASS =
  /^[ \t]*(?:(?:public|protected|private|internal|final|open|static|abstract|sealed|data)\s+)*class\s+(\w+)(?:\s*<(?:[^<>]|<[^<>]*>){0,200}>)?(?:\s*\([^(){}]{0,400}\))?\s*(?:extends\s+([\w.]+)|:\s*([\w.]+)(?:<(?:[^<>]|<[^<>]*>){0,200}>)?\s*\()?/gm;

function jvmClasses(code: string): JvmClass[] {
  const out: JvmClass[] = [];
  for (const m of code.matchAll(JVM_CLASS)) {
    if (out.length >= 50) break;
    const parent = m[2] ?? m[3] ?? '';
    out.push({
      name: m[1]!,
      parent: parent.slice(parent.lastIndexOf('.') + 1),
      abstract: /\babstract\s/.test(m[0].slice(0, m[0].indexOf('class'))),
    });
  }
  return out;
}

export function countJvm(text: string, language: 'java' | 'kotlin' | 'groovy' | 'scala') {
  const syn: Syntax = language === 'kotlin' || language === 'scala' ? SYNTAX.kotlin : SYNTAX.java;
  const code = mask(text, language === 'groovy' ? { ...syn, single: 'string' } : syn);
  const lineOf = lineIndex(code);
  const count = counter();
  let framework = /\borg\.testng\b/.test(code)
    ? 'TestNG'
    : /\borg\.junit\.jupiter\b/.test(code)
      ? 'JUnit 5'
      : /\borg\.junit\b|\bjunit\.framework\b/.test(code)
        ? 'JUnit 4'
        : 'JUnit';
  const classDisabled = groups(code, 'at').some(
    (g) =>
      /^\s*(?:(?:public|abstract|final|internal|open|private)\s+)*class\b/.test(g.after) &&
      g.annotations.some((a) => a.name === 'Disabled' || a.name === 'Ignore'),
  );
  const kt = language === 'kotlin' ? kotlinDsl(code, text, lineOf) : undefined;
  if (kt?.dsl) {
    framework = kt.dsl.framework;
    for (const l of kt.leaves) count.add(l);
  }
  // ScalaTest, MUnit, specs2, ZIO Test, Weaver: tests registered by calls (scala.ts).
  const sc = language === 'scala' ? countScala(code, lineOf) : undefined;
  if (sc) {
    framework = sc.framework;
    for (const l of sc.leaves) count.add(l);
  }
  const metaTests: JvmMetaTest[] = [];
  const annotated: JvmAnnotated[] = [];
  let textLines: string[] | undefined;
  const all = groups(code, 'at');
  /** TestNG `@Test` on a class: every public void method of it is a test (the class's skip applies to all). */
  const classTests: { end: number; skipped: boolean }[] = [];
  // TestNG `@DataProvider`s of this file whose rows are a literal `new Object[][] { {…}, {…} }`:
  // a `@Test(dataProvider = "name")` expands to that many cases, like a JUnit literal source.
  const providers = new Map<string, number>();
  const rawArgs = (a: Annotation) => (a.from === undefined ? '' : text.slice(a.from, a.from + a.args.length));
  if (framework === 'TestNG' && /@DataProvider\b/.test(code)) {
    // The file's `new Object[][] {` found once, each provider's own by binary search: reading each
    // provider's body again re-read nested ones (20,000 nested providers took 2.5 s, 40,000 9.3 s).
    const tables = [...code.matchAll(/\bnew\s+Object\s*\[\s*\]\s*\[\s*\]\s*\{/g)].map((t) => t.index + t[0].length - 1);
    const firstFrom = (at: number) => {
      let lo = 0;
      let hi = tables.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tables[mid]! < at) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    for (const g of all) {
      const dp = g.annotations.find((a) => a.name === 'DataProvider');
      if (!dp || g.end === undefined) continue;
      const name = /\bname\s*=\s*"([^"]*)"/.exec(rawArgs(dp))?.[1] ?? /(\w+)\s*\(/.exec(g.after)?.[1];
      const open = code.indexOf('{', g.end);
      const close = open < 0 ? -1 : closerOf(code, open);
      if (!name || close < 0) continue;
      // Exactly one table inside the body (its brace at or after `open`, before `close`).
      const i = firstFrom(open + 1);
      const one = i < tables.length && tables[i]! < close && !(i + 1 < tables.length && tables[i + 1]! < close);
      const rows = one ? literalSize(code, tables[i]!) : undefined;
      if (rows !== undefined) providers.set(name, rows);
    }
  }
  const sources = new Map<string, number | null>();
  const enumSources: JvmEnumSource[] = [];
  for (const g of all) {
    const marker = g.annotations.find((a) => JVM_TESTS.has(a.name));
    const skipped =
      classDisabled ||
      g.annotations.some(
        (a) =>
          a.name === 'Disabled' || a.name === 'Ignore' || (a.name === 'Test' && /\benabled\s*=\s*false\b/.test(a.args)),
      );
    // `@ParameterizedTest … public @interface MultiLocaleTest {}` declares a test annotation: each
    // method it annotates is a test (counted where used), the declaration itself is none.
    const declared = DECLARES_ANNOTATION.exec(g.after)?.[1];
    if (declared) {
      if (marker) metaTests.push({ name: declared, parametrized: marker.name !== 'Test' });
      continue;
    }
    if (!marker) {
      const names = g.annotations.map((a) => a.name).filter((n) => !NEVER_TESTS.has(n));
      if (names.length && annotated.length < 200 && METHOD.test(g.after)) {
        const line = lineOf(g.at);
        textLines ??= text.split('\n');
        annotated.push({ names, line, skipped, snippet: (textLines[line - 1] ?? '').trim().slice(0, 160) });
      }
      continue;
    }
    if (/^\s*(?:(?:public|abstract|final|open)\s+)*class\b/.test(g.after)) {
      if (marker.name === 'Test' && framework === 'TestNG' && g.end !== undefined)
        classTests.push({ end: g.end, skipped });
      continue;
    }
    let params: number | null | undefined;
    if (marker.name === 'RepeatedTest') params = Number(/\d+/.exec(marker.args)?.[0] ?? NaN) || null;
    else if (marker.name === 'ParameterizedTest') {
      const src = g.annotations.filter((a) => JVM_SOURCES.has(a.name));
      const e =
        src.length === 1 && src[0]!.name === 'EnumSource'
          ? enumSourceParams(code, rawArgs(src[0]!), g.after)
          : undefined;
      if (e?.type && enumSources.length < 500)
        enumSources.push({ line: lineOf(g.at), type: e.type, ...(e.exclude ? { exclude: e.exclude } : {}) });
      params = e
        ? e.params
        : src.length === 1 && src[0]!.name === 'MethodSource'
          ? methodSourceRows(code, rawArgs(src[0]!), g, sources)
          : src.length !== 1 || !['ValueSource', 'CsvSource'].includes(src[0]!.name)
            ? null
            : /\btextBlock\s*=/.test(src[0]!.args)
              ? textBlockRows(text, src[0]!)
              : arraySize(src[0]!.args);
    } else if (marker.name === 'Test' && /\bdataProvider\s*=/.test(marker.args))
      params = providers.get(/\bdataProvider\s*=\s*"([^"]*)"/.exec(rawArgs(marker))?.[1] ?? '') ?? null;
    count.add({ line: lineOf(g.at), skipped, ...(params !== undefined ? { params } : {}) });
  }
  if (classTests.length) {
    // The group that annotates a declaration, by where the declaration starts.
    const byDecl = new Map<number, Group>();
    for (const g of all) if (g.end !== undefined) byDecl.set(g.end + (/^\s*/.exec(g.after)?.[0].length ?? 0), g);
    // A method belongs to the innermost class around it: a nested class is a class of its own, under
    // its own annotation or none (each enclosing class's body was read again, counting a nested
    // class's method once per enclosing @Test class, and 40,000 nested classes took seconds).
    const annotatedBody = new Map<number, boolean>();
    for (const c of classTests) {
      const open = code.indexOf('{', c.end);
      if (open >= 0 && closerOf(code, open) >= 0) annotatedBody.set(open, c.skipped);
    }
    const bodies: { open: number; close: number }[] = [];
    for (const m of code.matchAll(CLASS_BODY)) {
      const open = m.index + m[0].length - 1;
      const close = closerOf(code, open);
      if (close >= 0) bodies.push({ open, close });
    }
    const methods = [...code.matchAll(PUBLIC_VOID)].map((m) => m.index + (m[0].length - m[0].trimStart().length));
    // One sweep in source order: bodies open in order and nest, so the innermost open one is on top.
    const stack: { open: number; close: number }[] = [];
    let b = 0;
    for (const at of methods) {
      while (b < bodies.length && bodies[b]!.open < at) {
        while (stack.length && stack[stack.length - 1]!.close < bodies[b]!.open) stack.pop();
        stack.push(bodies[b++]!);
      }
      while (stack.length && stack[stack.length - 1]!.close < at) stack.pop();
      const inner = stack[stack.length - 1];
      const skipped = inner && annotatedBody.get(inner.open);
      if (skipped === undefined) continue;
      const g = byDecl.get(at);
      // Annotated methods: a test marker was counted above; configuration methods are none.
      if (g?.annotations.some((a) => JVM_TESTS.has(a.name) || TESTNG_NOT_TESTS.test(a.name))) continue;
      count.add({ line: lineOf(at), skipped });
    }
  }
  // JUnit 3: public void testXxx() in a TestCase subclass; Spock: def "feature"() in a Specification.
  let junit3: JvmJunit3 | undefined;
  const direct = /\bextends\s+(?:junit\.framework\.)?TestCase\b/.test(code);
  if (direct) {
    framework = 'JUnit 3';
    for (const m of code.matchAll(JUNIT3_TEST)) count.add({ line: lineOf(m.index) });
  }
  if (language === 'java' && /\bextends\b/.test(code)) {
    const classes: [string, string][] = [];
    for (const m of code.matchAll(EXTENDS)) classes.push([m[1]!, m[2]!.slice(m[2]!.lastIndexOf('.') + 1)]);
    const lines = direct ? [] : text.split('\n');
    const tests = direct
      ? []
      : [...code.matchAll(JUNIT3_TEST)].slice(0, 2000).map((m) => {
          const line = lineOf(m.index);
          return { line, snippet: (lines[line - 1] ?? '').trim().slice(0, 160) };
        });
    if (classes.length) junit3 = { classes, tests };
  }
  const spock = language === 'groovy' && /\bextends\s+(?:spock\.lang\.)?Specification\b/.test(code);
  if (spock) {
    framework = 'Spock';
    for (const m of code.matchAll(SPOCK_FEATURE))
      count.add({ line: lineOf(m.index + m[0].length - m[0].trimStart().length) });
  }
  if (language === 'groovy' && /\bextends\b/.test(code)) {
    // A spec under the project's own base (`class FooSpec extends SingleProjectSpec`, which
    // extends `Specification` in another file): its features count once the chain reaches it.
    const classes: [string, string][] = [];
    for (const m of code.matchAll(EXTENDS)) classes.push([m[1]!, m[2]!.slice(m[2]!.lastIndexOf('.') + 1)]);
    const lines = spock ? [] : text.split('\n');
    const tests = spock
      ? []
      : [...code.matchAll(SPOCK_FEATURE)].slice(0, 2000).map((m) => {
          const line = lineOf(m.index + m[0].length - m[0].trimStart().length);
          return { line, snippet: (lines[line - 1] ?? '').trim().slice(0, 160) };
        });
    if (classes.length) junit3 = { classes, tests, root: 'Specification' };
  }
  return {
    ...count.result(),
    framework,
    ...(metaTests.length ? { metaTests } : {}),
    ...(annotated.length ? { annotated } : {}),
    ...(junit3 ? { junit3 } : {}),
    ...(kt?.dsl?.wrappers.length ? { dslWrappers: { framework: kt.dsl.framework, names: kt.dsl.wrappers } } : {}),
    ...(kt?.calls.length ? { dslCalls: kt.calls } : {}),
    ...(enumSources.length ? { enumSources } : {}),
    ...(language === 'java' || language === 'kotlin' ? { classes: jvmClasses(code) } : {}),
  };
}

const JUNIT3_TEST = /\bpublic\s+void\s+(test\w*)\s*\(\s*\)/g;
/** A Spock feature method: `def "does a thing"()` at the start of a line. */
const SPOCK_FEATURE = /^[ \t]*def\s+["'][^\n]*["']\s*\(\s*\)/gm;
/** `class X extends Base`, `class X<T> extends pkg.Base<T>` (generics up to one nesting level). */
const EXTENDS = /\bclass\s+(\w+)\s*(?:<(?:[^<>]|<[^<>]*>){0,200}>\s*)?extends\s+([\w.]+)/g;

const CS_TESTS = new Set([
  'Fact',
  'Theory',
  'SkippableFact',
  'SkippableTheory',
  'Test',
  'TestCase',
  'TestCaseSource',
  'TestMethod',
  'DataTestMethod',
]);
const CS_ROWS = new Set(['InlineData', 'TestCase', 'DataRow']);
const CS_SOURCES = new Set(['MemberData', 'ClassData', 'TestCaseSource', 'DynamicData', 'ValueSource']);

/** Blank `#if false` / `#if 0` regions (disabled code). */
function withoutDisabled(code: string): string {
  return code.replace(/^[ \t]*#if\s+(?:false|0)\b[\s\S]*?^[ \t]*#endif\b/gm, (s) => s.replace(/[^\n]/g, ' '));
}

/**
 * What `csSourceRows` reads of a file, gathered in one pass each: the first declaration of every
 * member name, and where each counted construct starts. A source's body is a range of the file and
 * its counts come from binary searches, so a file of thousands of sources (each body unclosed, to
 * the end of the file, or nested in the one before) is not read again per source (20,000 unclosed
 * `[MemberData(nameof(Dn))]` sources took minutes, 5,000 4.7 s).
 */
interface CsSources {
  decls: Map<string, { at: number; kind: string }>;
  semis: number[];
  data: number[];
  yields: number[];
  adds: number[];
  loops: number[];
  theory: number[];
  rows: Map<string, number | null>;
}

const starts = (code: string, re: RegExp) => Array.from(code.matchAll(re), (m) => m.index);

function csSources(code: string): CsSources {
  const decls = new Map<string, { at: number; kind: string }>();
  // Leftmost declaration per name, as `[\w>\]]\s+NAME\s*(\(\s*\)\s*)?(\{|=>|=)` would find it for
  // each name: no match can start inside another but at its last character (the `>` of `=>`).
  const decl = /[\w>\]]\s+(\w+)\s*(\(\s*\)\s*)?(\{|=>|=)/g;
  for (let m = decl.exec(code); m; m = decl.exec(code)) {
    if (!decls.has(m[1]!)) decls.set(m[1]!, { at: m.index + m[0].length - m[3]!.length, kind: m[3]! });
    decl.lastIndex = m.index + m[0].length - 1;
  }
  return {
    decls,
    semis: starts(code, /;/g),
    data: starts(code, /\bnew\s+TestCaseData\s*\(/g),
    yields: starts(code, /\byield\s+return\b/g),
    adds: starts(code, /\bAdd\s*\(/g),
    loops: starts(code, /\b(?:for|foreach|while|Select|Range)\b/g),
    theory: starts(code, /\bTheoryData\b/g),
    rows: new Map(),
  };
}

/** How many of the sorted offsets fall in [from, to). */
const within = (offsets: number[], from: number, to: number) =>
  lowerBound(offsets.length, (i) => offsets[i]! < to) - lowerBound(offsets.length, (i) => offsets[i]! < from);

// A plain initializer's opening brace, read at the `=` / `=>` of the declaration (it never crosses a `;`).
const INITIALIZER = /=>?\s*(?:new\s+[\w<>,\s]*(?:\[\s*\]\s*)*(?:\(\s*\)\s*)?)?\{/y;
// The same initializer as a method body's only statement, read at its opening brace: `{ return new[] {`.
const RETURNED = /\{\s*return\s+new(?:\s+[\w<>,\s]*)?(?:\[\s*\]\s*)*(?:\(\s*\)\s*)?\{/y;
// A member projected row by row, read after `=>` / `return`: `Other().Select(` / `Other.Select(`.
const PROJECTION = /\s*(\w+)\s*(?:\(\s*\)\s*)?\.\s*Select\s*\(/y;

/**
 * Rows of a `[TestCaseSource(nameof(X))]` / `[MemberData(nameof(X))]` / `[DynamicData("X")]`
 * source declared in this file: `new TestCaseData(` rows, else `yield return` statements
 * outside loops, else the entries of the array or TheoryData initializer it is set to; null
 * when the member is elsewhere or its rows are computed.
 */
function csSourceRows(code: string, args: string, src: CsSources, depth = 0): number | null {
  const first = topLevel(args).find((p) => !/^\s*typeof\s*\(/.test(p) && !/^\s*\w+\s*=/.test(p));
  // The mask blanks string contents, so a member named by a string (`"Cases"`) stays unknown.
  const name = first && /^\s*nameof\s*\(\s*(?:[\w.]+\.)?(\w+)\s*\)\s*$/.exec(first);
  const member = name?.[1];
  if (!member) return null;
  if (src.rows.has(member)) return src.rows.get(member)!;
  let rows: number | null = null;
  const decl = src.decls.get(member);
  if (decl) {
    const { at } = decl;
    // The body: the braces of `X { … }`, else up to the `;` ending `X = …` / `X => …` (a `;`
    // inside an initializer's lambdas ends it early; only plain initializers are read).
    let to: number;
    if (decl.kind === '{') {
      const end = closerOf(code, at);
      to = end < 0 ? at : end;
    } else {
      const k = lowerBound(src.semis.length, (i) => src.semis[i]! < at);
      to = k < src.semis.length ? src.semis[k]! : code.length;
    }
    const data = within(src.data, at, to);
    const yields = within(src.yields, at, to);
    const adds = within(src.adds, at, to);
    // `{ return new[] { … }; }`: a method whose one statement returns the initializer (blind round 45).
    RETURNED.lastIndex = at;
    const returned = decl.kind === '{' ? RETURNED.exec(code) : null;
    const expr = decl.kind === '{' ? (returned ? RETURNED.lastIndex : -1) : at + decl.kind.length;
    // `=> Other().Select(r => …).ToArray()`: one row per row of the member it projects.
    PROJECTION.lastIndex = Math.max(0, expr);
    const projected = expr >= 0 && within(src.loops, at, to) === 1 ? PROJECTION.exec(code) : null;
    src.rows.set(member, null);
    if (projected && projected[1] !== member && depth < 4)
      rows = csSourceRows(code, `nameof(${projected[1]})`, src, depth + 1);
    else if (within(src.loops, at, to) > 0) rows = null;
    else if (data > 0) rows = data;
    else if (yields > 0) rows = yields;
    else if (within(src.theory, at, to) > 0 && adds > 0) rows = adds;
    else if (decl.kind !== '{' || returned) {
      const init = returned ?? ((INITIALIZER.lastIndex = at), INITIALIZER.exec(code));
      if (init) rows = literalSize(code, init.index + init[0].length - 1) ?? null;
    }
  }
  src.rows.set(member, rows);
  return rows;
}

/**
 * Custom test attributes (`class FactLongRunningAttribute : FactAttribute`): the attribute
 * classes a file declares, and the methods it marks with attributes that are no built-in test
 * marker — the inventory resolves them across files (`csharpCustomTests`), since an attribute is
 * usually declared in a helper file and used in every test class.
 */
export interface CsCustom {
  /** Attribute classes declared here: name and base, both without the `Attribute` suffix. */
  attrs: { name: string; base: string }[];
  /** Methods marked only by other attributes: their names, data rows, and whether one says Skip. */
  uses: { names: string[]; line: number; rows: number; skipped: boolean }[];
}

const CS_METHOD =
  /^\s*(?:(?:public|private|protected|internal|static|async|virtual|override|sealed|unsafe|new)\s+)*[\w<>[\],.?]+(?:\s*<[^>()]*>)?\s+\w+\s*(?:<[^>()]*>)?\s*\(/;

/** True for an attribute name that marks a test by itself ([Fact], [Test], [TestMethod], …). */
export const isCsTestMarker = (name: string) => CS_TESTS.has(name);

function csCustom(code: string, gs: Group[], lineOf: (i: number) => number): CsCustom | undefined {
  const attrs = [
    ...code.matchAll(
      /\bclass\s+(\w+?)(?:Attribute)?\s*(?:<[^>{]*>)?\s*:\s*(?:global::)?(?:[\w]+\.)*(\w+?)(?:Attribute)?\b/g,
    ),
  ]
    .filter((m) => m[1] !== m[2] || !CS_TESTS.has(m[1]!))
    .map((m) => ({ name: m[1]!, base: m[2]! }));
  const uses: CsCustom['uses'] = [];
  for (const g of gs) {
    if (g.annotations.some((a) => CS_TESTS.has(a.name)) || !CS_METHOD.test(g.after)) continue;
    uses.push({
      names: g.annotations.map((a) => a.name),
      line: lineOf(g.at),
      rows: g.annotations.filter((a) => CS_ROWS.has(a.name)).length,
      skipped: g.annotations.some((a) => /\bSkip\s*=/.test(a.args)),
    });
  }
  return attrs.length || uses.length ? { attrs, uses } : undefined;
}

export function countCSharp(text: string) {
  const code = withoutDisabled(mask(text, SYNTAX.cs));
  const lineOf = lineIndex(code);
  const count = counter();
  const names = new Set<string>();
  let members: CsSources | undefined;
  const all = groups(code, 'bracket');
  const custom = csCustom(code, all, lineOf);
  for (const g of all) {
    if (!g.annotations.some((a) => CS_TESTS.has(a.name))) continue;
    g.annotations.forEach((a) => names.add(a.name));
    const skipped = g.annotations.some(
      (a) =>
        a.name === 'Ignore' ||
        (/^(?:Fact|Theory|Test|TestCase)$/.test(a.name) && /\b(?:Skip|Ignore(?:Reason)?)\s*=/.test(a.args)),
    );
    const rows = g.annotations.filter((a) => CS_ROWS.has(a.name)).length;
    const sources = g.annotations.filter((a) => CS_SOURCES.has(a.name));
    const parametrized = rows > 0 || sources.length > 0 || g.annotations.some((a) => a.name === 'Theory');
    let params: number | null = rows;
    for (const a of sources) {
      const n = a.name === 'ClassData' ? null : csSourceRows(code, a.args, (members ??= csSources(code)));
      params = n === null || params === null ? null : params + n;
    }
    count.add({ line: lineOf(g.at), skipped, ...(parametrized ? { params: params || null } : {}) });
  }
  const framework =
    names.has('Fact') || names.has('Theory')
      ? 'xUnit'
      : names.has('TestMethod') || names.has('DataTestMethod')
        ? 'MSTest'
        : 'NUnit';
  return { ...count.result(), framework, ...(custom ? { custom } : {}) };
}

/**
 * rstest's `#[values(a, b)]` parameters make a matrix: the product of their sizes, for the
 * function whose declaration starts at `fnAt`; undefined when no parameter has values.
 */
function rstestMatrix(code: string, fnAt: number): number | undefined {
  const open = code.indexOf('(', fnAt);
  const end = open < 0 ? -1 : closerOf(code, open);
  if (end < 0) return undefined;
  let product: number | undefined;
  for (const v of code.slice(open + 1, end - 1).matchAll(/#\[\s*(?:rstest::)?values\s*\(/g)) {
    const at = open + 1 + v.index + v[0].length - 1;
    const close = closerOf(code, at);
    if (close < 0) continue;
    product = (product ?? 1) * topLevel(code.slice(at + 1, close - 1)).length;
  }
  return product;
}

/**
 * rstest_reuse: a `#[template] #[rstest] fn t(…)` is not a test, only the cases/values it lends;
 * each `#[apply(t)] fn x` is one declared test that runs the template's combinations. Returns
 * the templates of a file by name with their expansion (`null`: not literal).
 */
function rustTemplates(code: string, gs: Group[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const g of gs) {
    const names = g.annotations.map((a) => a.name);
    if (!names.some((n) => /^(?:rstest_reuse::)?template$/.test(n))) continue;
    const fn = /^\s*(?:pub(?:\([^)]*\))?\s+)?fn\s+(\w+)/.exec(g.after);
    if (!fn) continue;
    const cases = names.filter((n) => /^(?:rstest::)?case(?:::\w+)?$/.test(n)).length;
    const matrix = rstestMatrix(code, code.indexOf(g.after, g.at));
    out.set(fn[1]!, (cases || 1) * (matrix ?? 1));
  }
  return out;
}

/** A `macro_rules!` whose body emits a test function: each invocation of it is one test. */
export interface RustTestMacro {
  name: string;
  line: number;
  /** Tests one invocation makes when more than one: the most of any arm (absent: one). */
  tests?: number;
}

/**
 * The macro invocations of an arm body at item position: not inside a function body, where a call
 * (`serialize_as!(@ $data => $expected)` in a test's body) runs code and defines no test. One pass
 * over the body; each `{` is a function body when the text since the previous `;`, `{` or `}`
 * (at most 300 characters back) declares a `fn`.
 */
function itemCalls(code: string, a: number, b: number): { name: string; at: number }[] {
  const found = [...code.slice(a, b).matchAll(/\b(\w+)!\s*[{([]/g)];
  const out: { name: string; at: number }[] = [];
  if (found.length === 0) return out;
  const stack: boolean[] = [];
  let fnDepth = 0;
  let boundary = a;
  let k = 0;
  for (let j = a + 1; j < b && k < found.length; j++) {
    while (k < found.length && a + found[k]!.index <= j) {
      if (fnDepth === 0) out.push({ name: found[k]![1]!, at: a + found[k]!.index });
      k++;
    }
    const c = code.charCodeAt(j);
    if (c === 0x7b) {
      const isFn = /\bfn\b/.test(code.slice(Math.max(boundary, j - 300), j));
      stack.push(isFn);
      if (isFn) fnDepth++;
      boundary = j + 1;
    } else if (c === 0x7d) {
      if (stack.pop()) fnDepth--;
      boundary = j + 1;
    } else if (c === 0x3b) boundary = j + 1;
  }
  return out;
}

/**
 * The test attributes a macro body may write: `#[test]`, a runtime's or a crate's own `test`
 * attribute by any path (`#[tokio::test]`, `#[crate::test]`, a re-export of the runtime's macro),
 * `#[rstest]`, `#[test_case]`.
 */
const TEST_ATTR_IN_MACRO = /#\[\s*(?:(?:(?:::)?\w+::){0,4}test|rstest|test_case)\b/g;

/**
 * One arm of a test macro: the test attributes and item-position invocations its body writes once
 * (`direct`, `calls`), and, when they sit in a `$( … )*` group, those it writes per repetition
 * with how to count the repetitions in an invocation (`rep`).
 */
interface Arm {
  direct: number;
  calls: { name: string; at: number }[];
  rep?: RepetitionCount;
  repeated?: number;
  repCalls?: { name: string; at: number }[];
}

/** The most arms with repeated tests an invocation is weighed against (a bound for hostile macros). */
const MAX_REPEATING_ARMS = 16;

/** The most tests one invocation of a macro is credited with (a bound on nested expansion). */
const MAX_TESTS_PER_INVOCATION = 1000;

/**
 * The bodies of a macro's arms (`(pattern) => { body }`, separated by `;`): every second group at
 * the top level of the macro's body, found in one pass over it; each with its pattern's brackets.
 */
function armBodies(code: string, open: number, end: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let depth = 0;
  let group = 0;
  let start = -1;
  let pattern: [number, number] = [-1, -1];
  for (let j = open + 1; j < end; j++) {
    const c = code.charCodeAt(j);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      if (depth === 0) start = j;
      depth++;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) {
        if (group % 2 === 1) out.push([start, j, pattern[0], pattern[1]]);
        else pattern = [start, j];
        group++;
      }
      if (depth < 0) break;
    }
  }
  return out;
}

/**
 * Test-generating macros (casey/just: `macro_rules! test { … => { #[test] fn $name() … } }`, then
 * `test! { name: x, … }` hundreds of times): the macros of a file whose body holds a test
 * attribute, the spans of all macro bodies (a `#[test]` there is a template, not a test), and the
 * item-position invocations `name! {` / `name!(` at a line start outside macro bodies. An
 * invocation matches one arm, so it makes one test however many arms the macro has.
 */
function rustMacros(code: string, lineOf: (at: number) => number) {
  const macros: RustTestMacro[] = [];
  // Bodies in order and disjoint: a macro defined inside another's body is part of that body.
  const starts: number[] = [];
  const ends: number[] = [];
  const found = [...code.matchAll(/\bmacro_rules!\s*(\w+)\s*([{([])/g)];
  const close = matchBrackets(
    code,
    found.map((m) => m.index + m[0].length - 1),
  );
  // Each definition's arms: the test attributes each holds and the macros each invokes.
  const defs: {
    name: string;
    line: number;
    at: number;
    arms: Arm[];
    tests: number;
  }[] = [];
  for (const m of found) {
    const open = m.index + m[0].length - 1;
    if (starts.length > 0 && open < ends[ends.length - 1]!) continue;
    const end = close.get(open) ?? -1;
    if (end < 0) continue;
    starts.push(open);
    ends.push(end);
    const arms = armBodies(code, open, end).map(([a, b, pa, pb]): Arm => {
      const attrs = [...code.slice(a, b).matchAll(TEST_ATTR_IN_MACRO)].map((x) => a + x.index);
      const calls = itemCalls(code, a, b);
      // Test attributes and invocations inside a `$( … )*` group of the body are written once per
      // repetition of the pattern's group that binds its variables (`$($name:ident,)+`).
      const reps = attrs.length || calls.length ? bodyRepetitions(code, a, b) : [];
      // The group holding `at`, by binary search (the groups are in order and disjoint).
      const inRep = (at: number) => {
        const i = lowerBound(reps.length, (k) => reps[k]!.open < at) - 1;
        return i >= 0 && at < reps[i]!.close ? reps[i] : undefined;
      };
      const counted = new Set([...attrs, ...calls.map((c) => c.at)].map(inRep).filter((r) => r !== undefined));
      // One repeating group counted by its pattern; tests in several groups: each once, as before.
      const only = counted.size === 1 ? [...counted][0]! : undefined;
      const rep = only && pa >= 0 ? repetitionCount(code, pa, pb, code.slice(only.open, only.close)) : null;
      const repeated = (at: number) => rep !== null && inRep(at) === only;
      return {
        direct: attrs.filter((x) => !repeated(x)).length,
        calls: calls.filter((c) => !repeated(c.at)),
        ...(rep
          ? { rep, repeated: attrs.filter((x) => repeated(x)).length, repCalls: calls.filter((c) => repeated(c.at)) }
          : {}),
      };
    });
    if (arms.length === 0)
      arms.push({
        direct: /#\[\s*(?:(?:(?:::)?\w+::){0,4}test|rstest|test_case)\b/.test(code.slice(open, end)) ? 1 : 0,
        calls: [],
      });
    defs.push({ name: m[1]!, line: lineOf(m.index), at: m.index, arms, tests: 0 });
  }
  // The definition an invocation at `at` refers to: the last one of that name before it (a
  // `macro_rules!` is in scope after its definition; modules of one file often reuse a name).
  const byName = new Map<string, typeof defs>();
  for (const d of defs) {
    const list = byName.get(d.name);
    if (list) list.push(d);
    else byName.set(d.name, [d]);
  }
  const definitionAt = (name: string, at: number) => {
    const list = byName.get(name);
    if (!list) return undefined;
    // By binary search (the list is in file order): a walk was definitions × invocations.
    const i = lowerBound(list.length, (k) => list[k]!.at <= at);
    return list[i > 0 ? i - 1 : 0];
  };
  // Tests per invocation: the most of any arm, counting the test attributes an arm holds and
  // the tests of the macros it invokes (ripgrep's `literal!` → `extract!`; quick-xml's `text!` →
  // `serialize_as!`; a macro whose arm writes several `#[test] fn` makes that many). Followed up to
  // three levels of nesting: each level a pass over the arms' recorded calls, never the text again.
  // Reduced, not spread: `Math.max(...arms)` throws past ~120k arguments, and one macro of a
  // hostile file may have more arms than that.
  const most = (ns: number[]) => ns.reduce((x, y) => (y > x ? y : x), 0);
  for (const d of defs) d.tests = most(d.arms.map((a) => a.direct + (a.repeated ?? 0)));
  for (let depth = 0; depth < 3; depth++) {
    let changed = false;
    const next = defs.map((d) =>
      Math.min(
        MAX_TESTS_PER_INVOCATION,
        most(
          d.arms.map((a) => {
            let n = a.direct;
            // A macro invoking itself dispatches to another of its arms (a tt-muncher's
            // `eof!($v) => { eof!(i8_: i8 = $v); … }`): that arm is already in the maximum, and
            // multiplying through the recursion would credit every invocation with the widest arm.
            for (const c of a.calls) if (c.name !== d.name) n += definitionAt(c.name, c.at)?.tests ?? 0;
            // Once, at one repetition (a nested invocation's arguments are the caller's variables).
            n += a.repeated ?? 0;
            for (const c of a.repCalls ?? []) if (c.name !== d.name) n += definitionAt(c.name, c.at)?.tests ?? 0;
            return n;
          }),
        ),
      ),
    );
    defs.forEach((d, i) => {
      if (next[i] !== d.tests) changed = true;
      d.tests = next[i]!;
    });
    if (!changed) break;
  }
  for (const d of defs)
    if (d.tests > 0)
      macros.push(d.tests > 1 ? { name: d.name, line: d.line, tests: d.tests } : { name: d.name, line: d.line });
  const testMacro = new Set(macros.map((m) => m.name));
  /** Whether `at` lies inside a macro body: the last body opening before it, by binary search. */
  const inBody = (at: number) => {
    const lo = lowerBound(starts.length, (i) => starts[i]! < at);
    return lo > 0 && at < ends[lo - 1]!;
  };
  const calls: { name: string; line: number; at: number; open: number }[] = [];
  if (code.includes('!')) {
    for (const m of code.matchAll(/^[ \t]*(\w+)!\s*[{(]/gm)) {
      // A std name (`matches!`) the file redefines as a test macro is that macro.
      if ((RUST_STD_MACROS.has(m[1]!) && !testMacro.has(m[1]!)) || inBody(m.index)) continue;
      const at = m.index + m[0].length - m[0].trimStart().length;
      calls.push({ name: m[1]!, line: lineOf(at), at, open: m.index + m[0].length - 1 });
    }
  }
  /**
   * The arms of a definition that repeat tests, each with the tests it writes once and per
   * repetition; worked out once per definition, at most MAX_REPEATING_ARMS of them (an invocation
   * weighs these, never every arm of a hostile macro).
   */
  const repeating = new Map<(typeof defs)[number], { rep: RepetitionCount; once: number; each: number }[]>();
  const repeatingArms = (d: (typeof defs)[number]) => {
    let got = repeating.get(d);
    if (got) return got;
    got = [];
    for (const a of d.arms) {
      if (!a.rep) continue;
      if (got.length >= MAX_REPEATING_ARMS) break;
      let once = a.direct;
      for (const c of a.calls) if (c.name !== d.name) once += definitionAt(c.name, c.at)?.tests ?? 0;
      let each = a.repeated ?? 0;
      // A macro invoking itself per repetition (`$( m!(@one $x); )*`) makes its one-test arm's each time.
      for (const c of a.repCalls ?? []) each += c.name === d.name ? d.tests : (definitionAt(c.name, c.at)?.tests ?? 0);
      got.push({ rep: a.rep, once, each });
    }
    repeating.set(d, got);
    return got;
  };
  // An invocation inside another's arguments is tallied with none of its own (each character is
  // read by one tally: linear however deep hostile invocations nest).
  let tallied = -1;
  /**
   * Tests one invocation makes, and whether by repetitions: for each arm whose body repeats its
   * tests, those written once plus those of one repetition times the repetitions of the pattern's
   * group in the arguments; the most of any arm, as for a macro without repetitions.
   */
  const testsAt = (name: string, at: number, open: number): { tests: number; repeated: boolean } => {
    const d = definitionAt(name, at);
    if (!d) return { tests: 0, repeated: false };
    if (!d.arms.some((a) => a.rep) || open < tallied) return { tests: d.tests, repeated: false };
    const t = tallyArguments(code, open);
    if (!t) return { tests: d.tests, repeated: false };
    tallied = closerOf(code, open);
    let best = d.tests;
    let repeated = false;
    for (const { rep, once, each } of repeatingArms(d)) {
      const n = Math.min(MAX_TESTS_PER_INVOCATION, once + each * repetitionsIn(rep, t));
      if (n > best || (n === best && each > 0)) {
        best = n;
        repeated = each > 0;
      }
    }
    return { tests: best, repeated };
  };
  return { macros, inBody, calls, testsAt };
}

/** Macros of std and common crates that never define tests; not kept as invocations. */
const RUST_STD_MACROS = new Set(
  'assert assert_eq assert_ne debug_assert debug_assert_eq debug_assert_ne println print eprintln eprint write writeln format format_args panic unreachable unimplemented todo vec matches dbg include include_str include_bytes env concat stringify cfg line file column module_path compile_error json macro_rules thread_local lazy_static'.split(
    ' ',
  ),
);

/**
 * An attribute macro of a proc-macro crate (`#[proc_macro_attribute] pub fn db_test(…)`) whose
 * output holds test attributes: each function it marks becomes `tests` tests (kellnr's `#[db_test]`
 * writes a `sqlite_` and a `postgres_` `#[tokio::test]` per function). `unread`: the output was not
 * read (built elsewhere or from a variable), but it names a test attribute: counted once a use.
 */
export interface RustAttrMacro {
  name: string;
  line: number;
  tests: number;
  unread?: true;
}

/** A test attribute written in a proc macro's output (`quote! { #[tokio::test] … }`). */
const TEST_ATTR_IN_OUTPUT = /#\[\s*(?:::)?(?:(?:tokio|async_std|actix_rt|actix_web|sqlx|test_log)::)?test\s*[\](]/g;

/** The most proc-macro attributes of one file that are read (a bound for hostile files). */
const MAX_ATTR_MACROS = 50;

/**
 * The test-writing attribute macros a proc-macro file defines, and the spans of their bodies (a
 * `#[tokio::test]` there is output, not a test of this file). A body that only hands its input to
 * another function of the file (`expand(attr, item).into()`) is read through that function, one level.
 */
function rustAttrMacros(code: string, gs: Group[], lineOf: (at: number) => number) {
  const macros: RustAttrMacro[] = [];
  const bodies: [number, number][] = [];
  const fnBody = (from: number): [number, number] | undefined => {
    const open = code.indexOf('{', from);
    if (open < 0 || open - from > 2000) return undefined;
    const close = matchBracket(code, open);
    return close < 0 ? undefined : [open, close];
  };
  for (const g of gs) {
    if (macros.length >= MAX_ATTR_MACROS) break;
    if (!g.annotations.some((a) => a.name === 'proc_macro_attribute')) continue;
    const fn = /^\s*pub\s+fn\s+(\w+)/.exec(g.after);
    if (!fn) continue;
    const body = fnBody(g.end ?? g.at);
    if (!body) continue;
    bodies.push(body);
    let text = code.slice(body[0], body[1]);
    let tests = text.match(TEST_ATTR_IN_OUTPUT)?.length ?? 0;
    if (tests === 0) {
      // A thin entry point: the function of this file it calls with the macro's input.
      const call = /\b([a-z_]\w*)\s*\(\s*(?:\w+\s*(?:\.into\(\)\s*)?,\s*)*\w+(?:\.into\(\))?\s*\)/.exec(text);
      const def = call ? new RegExp(String.raw`\bfn\s+${call[1]}\s*[<(]`).exec(code) : null;
      const helper = def ? fnBody(def.index) : undefined;
      if (helper) {
        text = code.slice(helper[0], helper[1]);
        tests = text.match(TEST_ATTR_IN_OUTPUT)?.length ?? 0;
      }
    }
    if (tests > 0) macros.push({ name: fn[1]!, line: lineOf(g.at), tests: Math.min(tests, MAX_TESTS_PER_INVOCATION) });
    // A runtime chosen by a variable (`#[#runtime::test]`): a test attribute the text does not spell out.
    else if (/#\[\s*#\w+\s*::\s*test\b|\bparse_quote!\s*[({[]\s*#\[\s*(?:\w+::)?test\b/.test(text))
      macros.push({ name: fn[1]!, line: lineOf(g.at), tests: 1, unread: true });
  }
  bodies.sort((a, b) => a[0] - b[0]);
  const inBody = (at: number) => {
    const i = lowerBound(bodies.length, (k) => bodies[k]![0] < at) - 1;
    return i >= 0 && at < bodies[i]![1];
  };
  return { macros, inBody };
}

/**
 * A test function's attribute: `#[test]`, `#[rstest]`, and any path ending in `::test` — the async
 * runtimes' (`tokio::test`, `async_std::test`, `actix_web::test`), the wrappers' (`test_log::test`,
 * `sqlx::test`) and a crate's own re-export of one (`#[crate::test]`, `#[super::test]`,
 * `use some_macros::private_test as test;`), which the runner runs as it runs the others.
 */
const RUST_TEST_ATTRIBUTE = /^(?:(?:::)?(?:\w+::){0,4}test|rstest)$/;

/** Attributes on functions that are never tests: not kept as uses of a possible test attribute macro. */
const NOT_TEST_ATTRIBUTES = new Set(
  'allow deny warn forbid expect inline cold must_use doc cfg cfg_attr deprecated track_caller no_mangle export_name link_section instrument async_trait main debug_handler handler get post put patch delete head options route path tracing::instrument utoipa::path tokio::main actix_web::main actix_rt::main async_std::main rocket::main launch proc_macro proc_macro_attribute proc_macro_derive automatically_derived rustfmt::skip clippy::too_many_arguments ignore should_panic bench derive repr serde'.split(
    ' ',
  ),
);

/** The most distinct attribute names of one file kept as possible test attribute macros. */
const MAX_ATTR_USES = 100;

export function countRust(text: string) {
  const code = mask(text, SYNTAX.rust);
  const lineOf = lineIndex(code);
  const count = counter();
  const macroFacts = code.includes('macro_rules!') ? rustMacros(code, lineOf) : undefined;
  const grouped = groups(code, 'hash').filter((g) => !macroFacts?.inBody(g.at));
  const attrFacts = code.includes('proc_macro_attribute') ? rustAttrMacros(code, grouped, lineOf) : undefined;
  const all = attrFacts ? grouped.filter((g) => !attrFacts.inBody(g.at)) : grouped;
  // Functions marked by an attribute that is no known test attribute (`#[db_test] async fn x(db: &Database)`):
  // tests when another file of the repository defines that attribute macro to write tests (testInventory).
  const attrUsesBy = new Map<string, { name: string; line: number; cases: number }>();
  const templates = /#\[\s*(?:rstest_reuse::)?template\b/.test(code) ? rustTemplates(code, all) : new Map();
  for (const g of all) {
    const names = g.annotations.map((a) => a.name);
    if (templates.size && names.some((n) => /^(?:rstest_reuse::)?template$/.test(n))) continue;
    const apply = g.annotations.find((a) => /^(?:rstest_reuse::)?apply$/.test(a.name));
    if (apply) {
      if (!/^\s*(?:pub\s+)?(?:async\s+)?fn\b/.test(g.after)) continue;
      // A template from another module (`#[apply(crate::t)]` or imported) is a table of unknown size.
      const size = templates.get(apply.args.trim().split(':').pop()!) ?? null;
      count.add({ line: lineOf(g.at), skipped: names.includes('ignore'), params: size });
      continue;
    }
    // test-case's #[test_case(…)] and rstest's #[case(…)] / #[case::name(…)] are one run each.
    const cases = names.filter((n) => n === 'test_case' || /^(?:rstest::)?case(?:::\w+)?$/.test(n)).length;
    if (!names.some((n) => RUST_TEST_ATTRIBUTE.test(n)) && cases === 0) {
      if (/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\b/.test(g.after))
        for (const n of names) {
          const short = n.split('::').pop()!;
          if (NOT_TEST_ATTRIBUTES.has(n) || NOT_TEST_ATTRIBUTES.has(short) || !/^\w+$/.test(short)) continue;
          const u = attrUsesBy.get(short);
          if (u) u.cases++;
          else if (attrUsesBy.size < MAX_ATTR_USES)
            attrUsesBy.set(short, { name: short, line: lineOf(g.at), cases: 1 });
        }
      continue;
    }
    if (!/^\s*(?:pub\s+)?(?:async\s+)?(?:unsafe\s+)?fn\b/.test(g.after)) continue;
    // rstest runs each case for every combination of its `#[values]` parameters.
    const matrix = names.some((n) => /^(?:rstest::)?rstest$/.test(n))
      ? rstestMatrix(code, code.indexOf(g.after, g.at))
      : undefined;
    const runs = cases > 0 || matrix !== undefined ? (cases || 1) * (matrix ?? 1) : undefined;
    count.add({
      line: lineOf(g.at),
      skipped: names.includes('ignore'),
      ...(runs !== undefined ? { params: runs } : {}),
    });
  }
  // Invocations of this file's own test macros; those of other files' macros: testInventory.
  const calls = macroFacts?.calls ?? (code.includes('!') ? rustMacros(code, lineOf).calls : []);
  const local = new Map((macroFacts?.macros ?? []).map((m) => [m.name, m]));
  const defined = new Set<string>();
  for (const m of code.matchAll(/\bmacro_rules!\s*(\w+)/g)) defined.add(m[1]!);
  // Keyed by name (in order of first call): a file of thousands of distinct calls stays linear.
  const viaBy = new Map<string, { name: string; line: number; cases: number; perRepetition?: true }>();
  const foreignBy = new Map<string, { name: string; line: number; cases: number }>();
  for (const c of calls) {
    const m = local.get(c.name);
    if (m) {
      // One invocation makes as many tests as the definition in scope there writes (at least one).
      const got = macroFacts?.testsAt(c.name, c.at, c.open);
      const tests = Math.max(1, got?.tests ?? 1);
      for (let i = 0; i < tests; i++) count.add({ line: c.line });
      const v = viaBy.get(m.name);
      if (v) {
        v.cases += tests;
        if (got?.repeated) v.perRepetition = true;
      } else
        viaBy.set(m.name, {
          name: `${m.name}!`,
          line: m.line,
          cases: tests,
          ...(got?.repeated ? { perRepetition: true as const } : {}),
        });
    } else if (!defined.has(c.name)) {
      const f = foreignBy.get(c.name);
      if (f) f.cases++;
      else foreignBy.set(c.name, { name: c.name, line: c.line, cases: 1 });
    }
  }
  const via = [...viaBy.values()];
  const foreign = [...foreignBy.values()];
  const attrUses = [...attrUsesBy.values()];
  return {
    ...count.result(),
    framework: 'cargo test',
    ...(macroFacts?.macros.length ? { macros: macroFacts.macros } : {}),
    ...(attrFacts?.macros.length ? { attrMacros: attrFacts.macros } : {}),
    ...(attrUses.length ? { attrUses } : {}),
    ...(via.length ? { macroVia: via } : {}),
    ...(foreign.length ? { macroCalls: foreign } : {}),
  };
}
