/**
 * Go: what `go test` registers from a `_test.go` file. `func TestXxx(t *testing.T)` are tests
 * (TestMain is not); benchmarks, fuzz targets and examples with an `// Output:` comment are
 * reported apart. A file behind a custom build tag (`//go:build integration`) is not built by a
 * plain `go test`, so it is reported as not collected rather than counted. testify suites are
 * gathered per file (runners, `Test*` methods, embedded suites) and resolved per package by the
 * inventory: `suite.Run(t, new(S))` runs every `func (s *S) TestX()` of the package. Ginkgo specs
 * (`It`, `Specify`, each `Entry` of a table) are the tests of a file that imports Ginkgo; its
 * `RunSpecs` bootstrap is not one more.
 */
import { LineIndex } from '../../util/lines.js';
import { lineIndex, mask, matchBrackets, SYNTAX } from './mask.js';
import { counter, snippetAt } from './types.js';

const PLATFORM = new Set([
  'linux',
  'darwin',
  'windows',
  'freebsd',
  'netbsd',
  'openbsd',
  'dragonfly',
  'solaris',
  'illumos',
  'aix',
  'plan9',
  'android',
  'ios',
  'js',
  'wasip1',
  'hurd',
  'zos',
  'unix',
  'amd64',
  '386',
  'arm',
  'arm64',
  'wasm',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'ppc64',
  'ppc64le',
  'riscv64',
  's390x',
  'loong64',
  'cgo',
  'gc',
  'gccgo',
]);

/** The custom build tags a file needs, or [] when a plain `go test` on some platform builds it. */
export function goBuildTags(text: string): string[] {
  const head = text.slice(0, text.search(/^package\s/m) >>> 0);
  const m = /^\/\/go:build\s+(.+)$/m.exec(head) ?? /^\/\/\s*\+build\s+(.+)$/m.exec(head);
  if (!m) return [];
  // Tags required positively (not behind `!`) that are neither platforms nor go versions.
  return [...m[1]!.matchAll(/(!?)([\w.]+)/g)]
    .filter((t) => !t[1] && !PLATFORM.has(t[2]!) && !/^go1\.\d+$/.test(t[2]!))
    .map((t) => t[2]!);
}

export function countGo(text: string) {
  const code = mask(text, SYNTAX.go);
  const lineOf = lineIndex(code);
  const count = counter();
  let benchmarks = 0;
  let fuzz = 0;
  let examples = 0;
  const ginkgo = ginkgoPrefix(text);
  if (ginkgo !== undefined) {
    // Ginkgo specs: each It/Specify, and each Entry of a DescribeTable; P/X prefixes are pending (skipped).
    const re = new RegExp(`(?<![\\w.])${ginkgo.replace(/\./g, '\\.')}([FPX]?)(It|Specify|Entry)\\s*\\(`, 'g');
    for (const m of code.matchAll(re)) count.add({ line: lineOf(m.index), skipped: m[1] === 'P' || m[1] === 'X' });
  }
  const funcs = [...code.matchAll(/^func\s+(Test|Benchmark|Fuzz|Example)(\w*)\s*\(([^)]*)\)/gm)];
  // The bodies this loop reads (examples, Ginkgo bootstraps), closed in one pass over the code.
  const brace = nextIndex(code, '{');
  const opens = funcs.map((m) =>
    m[1] === 'Example' || (m[1] === 'Test' && ginkgo !== undefined) ? brace(m.index + m[0].length) : -1,
  );
  const bodies = topLevelBodies(code, opens);
  for (const [i, m] of funcs.entries()) {
    const [, kind, rest, params] = m as unknown as [string, string, string, string];
    // `go test` wants an upper-case letter, digit or nothing after the prefix (TestMain is setup).
    if (rest && /^[a-z]/.test(rest)) continue;
    if (kind === 'Test' && rest !== 'Main' && /\*\s*testing\.T\s*$/.test(params)) {
      // A Ginkgo bootstrap (`RunSpecs(t, "…")`) runs the specs counted below: it is not one more test.
      if (ginkgo !== undefined && /\bRunSpecs\s*\(/.test(bodies[i] ?? '')) continue;
      count.add({ line: lineOf(m.index) });
    } else if (kind === 'Benchmark' && /\*\s*testing\.B\s*$/.test(params)) benchmarks++;
    else if (kind === 'Fuzz' && /\*\s*testing\.F\s*$/.test(params)) fuzz++;
    else if (kind === 'Example' && !params.trim()) {
      const body = bodies[i] === undefined ? undefined : text.slice(opens[i], opens[i]! + bodies[i]!.length);
      if (body && /\/\/\s*(?:Unordered output|Output):/i.test(body)) examples++;
    }
  }
  return { ...count.result(), benchmarks, fuzz, examples };
}

/**
 * How a file that imports Ginkgo calls its DSL: `''` for a dot import (`It(…)`), `ginkgo.` or
 * `g.` for a named one; undefined when the file does not import Ginkgo.
 */
function ginkgoPrefix(text: string): string | undefined {
  const m = /^\s*(?:import\s+)?([\w.]+\s+)?"github\.com\/onsi\/ginkgo(?:\/v2)?"/m.exec(text);
  if (!m) return undefined;
  const alias = m[1]?.trim();
  return alias === '.' ? '' : `${alias && alias !== '_' ? alias : 'ginkgo'}.`;
}

/**
 * `indexOf(c, from)` for calls with rising `from`, in one pass over `text` in all: a file of
 * thousands of signatures with no `{` after them is not searched to its end per signature.
 */
function nextIndex(text: string, c: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf(c, from);
    return found;
  };
}

/**
 * The text from each opener (-1: none) to its closing bracket, or undefined when it is not
 * closed or lies inside a body read before it: top-level Go declarations do not nest (gofmt
 * puts them at column 0), and reading every nested one again would make a file of thousands of
 * nested `func Test…(…) {` quadratic. The closers come from one pass over the code.
 */
function topLevelBodies(code: string, opens: readonly number[]): (string | undefined)[] {
  const closes = matchBrackets(
    code,
    opens.filter((o) => o >= 0),
  );
  let readTo = -1;
  return opens.map((open) => {
    const end = open < 0 ? -1 : (closes.get(open) ?? -1);
    if (end < 0 || open < readTo) return undefined;
    readTo = end;
    return code.slice(open, end);
  });
}

/** What a file contributes to the testify suites of its package. */
export interface GoSuites {
  /** `func TestX(t *testing.T) { suite.Run(t, new(S)) }`: the suite types a test function runs. */
  runners: { line: number; types: string[] }[];
  /** `func (s *S) TestY()`: suite methods, by receiver type. */
  methods: { recv: string; line: number; snippet: string }[];
  /** Struct types and the types they embed (a suite embedding a base suite runs its methods too). */
  embeds: Record<string, string[]>;
}

export function goSuites(text: string): GoSuites {
  const code = mask(text, SYNTAX.go);
  const lineOf = lineIndex(code);
  const runners: GoSuites['runners'] = [];
  const tests = [...code.matchAll(/^func\s+Test\w*\s*\(\s*\w+\s+\*\s*testing\.T\s*\)\s*\{/gm)];
  const testBodies = topLevelBodies(
    code,
    tests.map((m) => m.index + m[0].length - 1),
  );
  for (const [i, m] of tests.entries()) {
    const body = testBodies[i];
    if (body === undefined) continue;
    const types: string[] = [];
    // `s := &S{…}` / `s := new(S)` / `var s S`: the first declaration of each variable, found in one pass.
    let decls: Map<string, string | undefined> | undefined;
    for (const r of body.matchAll(
      /\bsuite\s*\.\s*Run\s*\(\s*\w+\s*,\s*(?:new\s*\(\s*([\w.]+)\s*\)|&?\s*([\w.]+)\s*\{|(\w+)\s*\))/g,
    )) {
      let t = r[1] ?? r[2];
      // `s := &S{…}` / `s := new(S)` / `var s S` before the call.
      if (!t && r[3]) {
        decls ??= goDeclarations(body);
        t = decls.get(r[3]);
      }
      if (t) types.push(t.slice(t.lastIndexOf('.') + 1));
    }
    if (types.length) runners.push({ line: lineOf(m.index), types });
  }
  const methods: GoSuites['methods'] = [];
  // testify runs exported methods whose name starts with Test and that take no arguments.
  let lines: LineIndex | undefined;
  for (const m of code.matchAll(/^func\s*\(\s*\w*\s*\*?\s*(\w+)\s*\)\s*Test\w*\s*\(\s*\)/gm))
    methods.push({
      recv: m[1]!,
      line: lineOf(m.index),
      snippet: snippetAt((lines ??= new LineIndex(text)), lineOf(m.index)),
    });
  const embeds: Record<string, string[]> = {};
  const structs = [...code.matchAll(/^type\s+(\w+)\s+struct\s*\{/gm)];
  const structBodies = topLevelBodies(
    code,
    structs.map((m) => m.index + m[0].length - 1),
  );
  for (const [i, m] of structs.entries()) {
    const body = structBodies[i];
    if (body === undefined) continue;
    const fields = body
      .slice(1, -1)
      .split('\n')
      .map((l) => /^\s*\*?([\w.]+)\s*(?:`.*)?$/.exec(l)?.[1])
      .filter((f): f is string => !!f);
    embeds[m[1]!] = fields.map((f) => f.slice(f.lastIndexOf('.') + 1));
  }
  return { runners, methods, embeds };
}

/** The type of each variable's first `v := new(T)` / `v := &T{` / `var v T` in a function body. */
function goDeclarations(body: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const d of body.matchAll(
    /\b(\w+)\s*:?=\s*(?:new\s*\(\s*([\w.]+)|&?\s*([\w.]+)\s*\{)|\bvar\s+(\w+)\s+\*?([\w.]+)/g,
  )) {
    const name = d[1] ?? d[4]!;
    if (!out.has(name)) out.set(name, d[2] ?? d[3] ?? d[5]);
  }
  return out;
}

/**
 * Build tags that CI (or the Makefile it runs) sets for `go test`: `-tags a,b` / `-tags=a` /
 * `--tags "a b"`, and `GOEXPERIMENT=x` or a job's `GOEXPERIMENT: x`, which sets `goexperiment.x`
 * (round 5: samber/lo's exp/simd tests behind `//go:build goexperiment.simd` were left out though
 * its CI job sets GOEXPERIMENT: simd). Read from the CI files and Makefiles only: a few small files.
 */
export function goTagsSet(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    if (!/-tags|GOEXPERIMENT/.test(text)) continue;
    for (const m of text.matchAll(/(?:^|[\s'"])--?tags(?:=|\s+)(?:"([^"\n]*)"|'([^'\n]*)'|([\w.,-]+))/gm))
      for (const t of (m[1] ?? m[2] ?? m[3] ?? '').split(/[\s,]+/)) if (/^[\w.]+$/.test(t)) out.add(t);
    for (const m of text.matchAll(/\bGOEXPERIMENT\s*[:=]\s*["']?([\w,]+)/g))
      for (const x of m[1]!.split(',')) if (x) out.add(`goexperiment.${x}`);
  }
  return out;
}
