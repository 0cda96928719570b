/**
 * Glob matching with fast paths. Most rule globs are `**\/*.ext` or `**\/name`; those are answered
 * from an extension or basename test instead of a full glob match, which keeps listing-wide
 * queries linear and cheap on 100k-file trees.
 */
import picomatch from 'picomatch';

export type PathTest = (path: string) => boolean;

const cache = new Map<string, PathTest>();
const SPECIAL = /[*?[\]{}()!+@]/;

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? path : path.slice(i + 1);
}

/** Compile one glob (picomatch syntax, dot files included, case-sensitive) into a path test. */
export function globTest(glob: string): PathTest {
  let test = cache.get(glob);
  if (test) return test;
  test = compile(glob);
  cache.set(glob, test);
  return test;
}

function compile(glob: string): PathTest {
  if (glob === '**' || glob === '**/*') return () => true;
  if (glob.startsWith('**/')) {
    const rest = glob.slice(3);
    if (!rest.includes('/')) {
      // **/name
      if (!SPECIAL.test(rest)) return (p) => p === rest || p.endsWith('/' + rest);
      // **/*.ext
      const ext = /^\*(\.[A-Za-z0-9_.-]+)$/.exec(rest);
      if (ext) {
        const suffix = ext[1]!;
        return (p) => p.endsWith(suffix) && basename(p).length > suffix.length;
      }
      // **/*.{a,b,c}
      const exts = /^\*\.\{([A-Za-z0-9_.,-]+)\}$/.exec(rest);
      if (exts) {
        const suffixes = exts[1]!.split(',').map((e) => '.' + e);
        return (p) => suffixes.some((s) => p.endsWith(s) && basename(p).length > s.length);
      }
    }
  }
  if (!SPECIAL.test(glob)) return (p) => p === glob;
  const m = picomatch(glob, { dot: true });
  return (p) => m(p);
}

/** A test that passes when any of the globs matches. */
export function anyGlob(globs: readonly string[]): PathTest {
  const tests = globs.map(globTest);
  if (tests.length === 1) return tests[0]!;
  return (p) => tests.some((t) => t(p));
}
