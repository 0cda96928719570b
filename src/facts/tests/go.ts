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
import { lineIndex, mask, matchBracket, SYNTAX } from './mask.js';
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
    const re = new RegExp(`(?<![\\w.])${ginkgo.replace('.', '\\.')}([FPX]?)(It|Specify|Entry)\\s*\\(`, 'g');
    for (const m of code.matchAll(re)) count.add({ line: lineOf(m.index), skipped: m[1] === 'P' || m[1] === 'X' });
  }
  for (const m of code.matchAll(/^func\s+(Test|Benchmark|Fuzz|Example)(\w*)\s*\(([^)]*)\)/gm)) {
    const [, kind, rest, params] = m as unknown as [string, string, string, string];
    // `go test` wants an upper-case letter, digit or nothing after the prefix (TestMain is setup).
    if (rest && /^[a-z]/.test(rest)) continue;
    if (kind === 'Test' && rest !== 'Main' && /\*\s*testing\.T\s*$/.test(params)) {
      // A Ginkgo bootstrap (`RunSpecs(t, "…")`) runs the specs counted below: it is not one more test.
      if (ginkgo !== undefined && runsSpecs(code, m.index + m[0].length)) continue;
      count.add({ line: lineOf(m.index) });
    } else if (kind === 'Benchmark' && /\*\s*testing\.B\s*$/.test(params)) benchmarks++;
    else if (kind === 'Fuzz' && /\*\s*testing\.F\s*$/.test(params)) fuzz++;
    else if (kind === 'Example' && !params.trim()) {
      const open = code.indexOf('{', m.index + m[0].length);
      const end = open < 0 ? -1 : matchBracket(code, open);
      if (end > 0 && /\/\/\s*(?:Unordered output|Output):/i.test(text.slice(open, end))) examples++;
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

/** Whether the function whose signature ends at `from` calls Ginkgo's RunSpecs. */
function runsSpecs(code: string, from: number): boolean {
  const open = code.indexOf('{', from);
  const end = open < 0 ? -1 : matchBracket(code, open);
  return end > 0 && /\bRunSpecs\s*\(/.test(code.slice(open, end));
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
  for (const m of code.matchAll(/^func\s+Test\w*\s*\(\s*\w+\s+\*\s*testing\.T\s*\)\s*\{/gm)) {
    const open = m.index + m[0].length - 1;
    const end = matchBracket(code, open);
    if (end < 0) continue;
    const body = code.slice(open, end);
    const types: string[] = [];
    for (const r of body.matchAll(
      /\bsuite\s*\.\s*Run\s*\(\s*\w+\s*,\s*(?:new\s*\(\s*([\w.]+)\s*\)|&?\s*([\w.]+)\s*\{|(\w+)\s*\))/g,
    )) {
      let t = r[1] ?? r[2];
      // `s := &S{…}` / `s := new(S)` / `var s S` before the call.
      if (!t && r[3]) {
        const v = r[3];
        const decl = new RegExp(
          `\\b${v}\\s*:?=\\s*(?:new\\s*\\(\\s*([\\w.]+)|&?\\s*([\\w.]+)\\s*\\{)|\\bvar\\s+${v}\\s+\\*?([\\w.]+)`,
        ).exec(body);
        t = decl?.[1] ?? decl?.[2] ?? decl?.[3];
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
  for (const m of code.matchAll(/^type\s+(\w+)\s+struct\s*\{/gm)) {
    const open = m.index + m[0].length - 1;
    const end = matchBracket(code, open);
    if (end < 0) continue;
    const fields = code
      .slice(open + 1, end - 1)
      .split('\n')
      .map((l) => /^\s*\*?([\w.]+)\s*(?:`.*)?$/.exec(l)?.[1])
      .filter((f): f is string => !!f);
    embeds[m[1]!] = fields.map((f) => f.slice(f.lastIndexOf('.') + 1));
  }
  return { runners, methods, embeds };
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
