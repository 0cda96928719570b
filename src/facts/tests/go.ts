/**
 * Go: what `go test` registers from a `_test.go` file. `func TestXxx(t *testing.T)` are tests
 * (TestMain is not); benchmarks, fuzz targets and examples with an `// Output:` comment are
 * reported apart. A file behind a custom build tag (`//go:build integration`) is not built by a
 * plain `go test`, so it is reported as not collected rather than counted.
 */
import { lineIndex, mask, matchBracket, SYNTAX } from './mask.js';
import { counter } from './types.js';

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
  for (const m of code.matchAll(/^func\s+(Test|Benchmark|Fuzz|Example)(\w*)\s*\(([^)]*)\)/gm)) {
    const [, kind, rest, params] = m as unknown as [string, string, string, string];
    // `go test` wants an upper-case letter, digit or nothing after the prefix (TestMain is setup).
    if (rest && /^[a-z]/.test(rest)) continue;
    if (kind === 'Test' && rest !== 'Main' && /\*\s*testing\.T\s*$/.test(params)) count.add({ line: lineOf(m.index) });
    else if (kind === 'Benchmark' && /\*\s*testing\.B\s*$/.test(params)) benchmarks++;
    else if (kind === 'Fuzz' && /\*\s*testing\.F\s*$/.test(params)) fuzz++;
    else if (kind === 'Example' && !params.trim()) {
      const open = code.indexOf('{', m.index + m[0].length);
      const end = open < 0 ? -1 : matchBracket(code, open);
      if (end > 0 && /\/\/\s*(?:Unordered output|Output):/i.test(text.slice(open, end))) examples++;
    }
  }
  return { ...count.result(), benchmarks, fuzz, examples };
}
