/**
 * Glob matching with fast paths. Most rule globs are `**\/*.ext` or `**\/name`; those are answered
 * from an extension or basename test instead of a full glob match, which keeps listing-wide
 * queries linear and cheap on 100k-file trees. Every other glob whose last segment fixes the
 * file's extension (`**\/docs/**\/*.{md,rst}`, `**\/*Test.php`) is tried only on paths with one of
 * those extensions: the extension test is a string compare, the full matcher a long regex.
 */
import picomatch from 'picomatch';
import { expandBraces, GLOB_LIMITS, globShape } from './glob-guard.js';

export { expandBraces } from './glob-guard.js';

export type PathTest = (path: string) => boolean;

const cache = new Map<string, PathTest>();
const SPECIAL = /[*?[\]{}()!+@]/;

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? path : path.slice(i + 1);
}

/** The text after the last dot of the base name ('' when there is none): `a/b.test.ts` → `ts`. */
export function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 || dot < path.lastIndexOf('/') ? '' : path.slice(dot + 1);
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
      if (!SPECIAL.test(rest)) return (p) => p === rest || p.endsWith(`/${rest}`);
      // **/*.ext
      const ext = /^\*(\.[A-Za-z0-9_.-]+)$/.exec(rest);
      if (ext) {
        const suffix = ext[1]!;
        return (p) => p.endsWith(suffix) && basename(p).length > suffix.length;
      }
      // **/*.{a,b,c}
      const exts = /^\*\.\{([A-Za-z0-9_.,-]+)\}$/.exec(rest);
      if (exts) {
        const suffixes = exts[1]!.split(',').map((e) => `.${e}`);
        return (p) => suffixes.some((s) => p.endsWith(s) && basename(p).length > s.length);
      }
    }
  }
  if (!SPECIAL.test(glob)) return (p) => p === glob;
  // Parsed on first use: most of ~500 rule globs never see a path that passes the cheap tests
  // below (a small tree has a few extensions), and picomatch's parse was a small audit's cost.
  let matcher: PathTest | undefined;
  const m = prefiltered(glob, (p) => (matcher ??= globMatcher(glob, true))(p));
  const exts = globExtensions(glob);
  if (!exts) return m;
  // `.ext` suffix tests: no string is cut per call (this runs once per path per glob).
  const suffixes = [...exts].filter((e) => e !== '').map((e) => `.${e}`);
  const bare = exts.has('');
  return (p) => {
    for (let i = 0; i < suffixes.length; i++) if (p.endsWith(suffixes[i]!)) return m(p);
    return bare && p.lastIndexOf('.') < p.lastIndexOf('/') + 1 && m(p);
  };
}

/**
 * A glob's matcher behind the literal text every match contains (requiredLiteral:
 * `**\/docs/**\/*-design.{md,rst}` → `-design.`), for globs that fix the extension as for the
 * others: the extension test alone let every Markdown file of a tree reach the matcher of each
 * architecture-document glob (a long regex, or segment by segment), ~0.1 s at 100k files. A glob
 * without `**` gets no such test: its regex is anchored and fails at once where the path differs.
 */
function prefiltered(glob: string, m: PathTest): PathTest {
  // picomatch drops a leading `./`, which requiredLiteral keeps: such a glob's literal was only
  // ever tested on globs that do not fix the extension, and stays so.
  const lit = !glob.startsWith('./') || !globExtensions(glob) ? requiredLiteral(glob) : undefined;
  return lit ? (p) => p.includes(lit) && m(p) : m;
}

const matchers = new Map<string, PathTest>();
const NEVER: PathTest = () => false;

/**
 * picomatch's test as a bare regex, compiled once per glob. picomatch's own matcher builds a
 * result object on every call (hundreds of MB of garbage over a 100k-file tree); on POSIX paths
 * its answer is the regex's, or true when the path is the glob itself. Globs come from
 * repositories too (glob-guard.ts): one whose shape is unsafe matches nothing but itself, and one
 * whose wildcards would multiply in a backtracking regex is matched segment by segment.
 */
export function globMatcher(glob: string, dot: boolean): PathTest {
  const key = (dot ? '1' : '0') + glob;
  let m = matchers.get(key);
  if (!m) {
    const test = compileMatcher(glob, dot);
    matchers.set(key, (m = (p) => p === glob || test(p)));
  }
  return m;
}

function compileMatcher(glob: string, dot: boolean): PathTest {
  const shape = globShape(glob);
  if (shape.problem) return NEVER;
  if (shape.ambiguity < 2) {
    const re = makeRe(glob, dot);
    return (p) => re.test(p);
  }
  let negated = false;
  let body = glob;
  while (body.startsWith('!') && body[1] !== '(') {
    negated = !negated;
    body = body.slice(1);
  }
  let test: PathTest;
  if (shape.slashInBraces) {
    const alternatives = expandBraces(body, GLOB_LIMITS.alternatives);
    if (!alternatives) return NEVER;
    const tests = alternatives.map((a) => segmentMatcher(a, dot));
    test = (p) => tests.some((t) => t(p));
  } else test = segmentMatcher(body, dot);
  return negated ? (p) => !test(p) : test;
}

const GLOBSTAR = null;

/** picomatch's regex; an empty glob (which picomatch refuses) matches only the empty string. */
function makeRe(glob: string, dot: boolean): RegExp {
  return glob === '' ? /^$/ : picomatch.makeRe(glob, { dot });
}

/**
 * A glob matched one path segment at a time: each segment by picomatch's regex of that segment
 * (its wildcards bounded by glob-guard.ts), `**` by a table over (glob segment, path segment), so
 * the work is at most their product — never a product over the wildcards, as in one regex.
 * picomatch's own rules are kept (a property test compares the two).
 */
function segmentMatcher(glob: string, dot: boolean): PathTest {
  // picomatch ignores a leading `./` and reads `**/**` as one `**`.
  const parts = glob.split('/').filter((s, i, all) => !(s === '**' && all[i - 1] === '**'));
  while (parts.length > 1 && parts[0] === '.') parts.shift();
  const table = segmentTable(parts, dot);
  // picomatch lets an inner `/**/` match the end of the path too: `a/**/*(b)` matches `a` when what
  // follows that `**` can match nothing there (a segment's own regex refuses the empty string, so
  // picomatch is asked about `x/**/rest` and `x`).
  const ends: PathTest[] = [];
  for (let k = 1; k < parts.length - 1; k++) {
    if (parts[k] === '**' && makeRe(`x/**/${parts.slice(k + 1).join('/')}`, dot).test('x'))
      ends.push(segmentTable(parts.slice(0, k), dot));
  }
  if (ends.length > 0) return (path) => table(path) || ends.some((t) => t(path));
  return table;
}

/**
 * The path tested last, its base name, first segment and segments, each made when a test first needs
 * it: the scan's plan tests every path against many globs in a row (targetsFor), and each test sliced
 * and split it again (with the table below, ~100 MB of garbage on the main thread at 100k files).
 */
const lastPath: { path?: string; base?: string; head?: string; segs?: string[] } = {};

function firstSegment(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(0, slash);
}

/** The table of segmentTable's matchers, reused (a test runs no other test before it returns). */
let scratch = new Uint8Array(256);

/** The table matcher over already split glob segments. */
function segmentTable(parts: string[], dot: boolean): PathTest {
  // picomatch lets a trailing `/**` match nothing (`a/**` matches `a`), but not after a segment
  // that ends in a wildcard (`*a*/**` needs one more segment).
  const last = parts.length - 1;
  const plus = last > 0 && parts[last] === '**' && /(^|[^\\])\*$/.test(parts[last - 1]!);
  const pats = parts.map((s) => (s === '**' ? GLOBSTAR : makeRe(s, dot)));
  const fixed = pats.filter((x) => x !== GLOBSTAR).length + (plus ? 1 : 0);
  // `**` never takes `.` or `..`, and without `dot` no segment that starts with a dot.
  const starTakes = (seg: string) => (dot ? seg !== '.' && seg !== '..' : !seg.startsWith('.'));
  const P = pats.length;
  // A glob segment at either end that is not `**` must match the path's segment there: most paths
  // fail one of those two tests, answered without the split, the table and the inner segments.
  const head = P > 0 ? pats[0] : GLOBSTAR;
  const tail = P > 1 && !plus ? pats[P - 1] : GLOBSTAR;
  return (path) => {
    if (path !== lastPath.path) {
      lastPath.path = path;
      lastPath.base = lastPath.head = lastPath.segs = undefined;
    }
    if (tail && !tail.test((lastPath.base ??= path.slice(path.lastIndexOf('/') + 1)))) return false;
    if (head && !head.test((lastPath.head ??= firstSegment(path)))) return false;
    const segs = (lastPath.segs ??= path.split('/'));
    const n = segs.length;
    if (n < fixed) return false;
    // can[i * (n + 1) + j]: glob segments i.. match path segments j..; filled from the end. Every
    // cell of rows 0..P-1 is written before it is read; row P is cleared, then its last cell set.
    const size = (P + 1) * (n + 1);
    if (scratch.length < size) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
    const can = scratch;
    can.fill(0, P * (n + 1), size);
    can[P * (n + 1) + n] = 1;
    for (let i = P - 1; i >= 0; i--) {
      const pat = pats[i]!;
      const row = i * (n + 1);
      const next = (i + 1) * (n + 1);
      for (let j = n; j >= 0; j--) {
        let ok: boolean;
        if (pat !== GLOBSTAR) ok = j < n && can[next + j + 1] === 1 && pat.test(segs[j]!);
        else {
          const more = j < n && can[row + j + 1] === 1 && starTakes(segs[j]!);
          const none = can[next + j] === 1 && !(plus && i === last);
          ok = more || none || (plus && i === last && j === n - 1 && starTakes(segs[j]!));
        }
        can[row + j] = ok ? 1 : 0;
      }
    }
    return can[0] === 1;
  };
}

/** A test that passes when any of the globs matches. */
export function anyGlob(globs: readonly string[]): PathTest {
  const tests = globs.map(globTest);
  if (tests.length === 1) return tests[0]!;
  return (p) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(p)) return true;
    return false;
  };
}

/**
 * The extensions (see `extensionOf`) a path must have to match the glob, or null when the glob
 * does not fix them (`**\/Dockerfile.*`, `.semgrep/**`, `*rc`, negations, extglobs). Exact: a path
 * whose extension is not in the set can never match.
 */
export function globExtensions(glob: string): Set<string> | null {
  if (glob.startsWith('!') || glob.includes('(') || globShape(glob).problem) return null;
  const alternatives = expandBraces(glob, 256);
  if (!alternatives) return null;
  const out = new Set<string>();
  for (const alt of alternatives) {
    const last = alt.slice(alt.lastIndexOf('/') + 1);
    if (last.includes('**')) return null;
    const dot = last.lastIndexOf('.');
    if (dot === -1) {
      // A literal base name without a dot has no extension; a wildcard one may have any.
      if (SPECIAL.test(last)) return null;
      out.add('');
      continue;
    }
    const ext = last.slice(dot + 1);
    if (ext === '' || SPECIAL.test(ext) || last.slice(0, dot).endsWith('\\')) return null;
    out.add(ext);
  }
  return out;
}

/**
 * The longest run of literal characters every matching path contains (`**\/Dockerfile.*` →
 * `Dockerfile.`), or undefined. `**\/` and `/**` may match nothing, so they split runs, as do
 * wildcards and groups; a glob with escapes or negation gets none.
 */
export function requiredLiteral(glob: string): string | undefined {
  if (glob.startsWith('!') || glob.includes('\\')) return undefined;
  let best = '';
  for (const run of glob.split(/\*\*\/|\/\*\*|[*?]|\[[^\]]*\]|\{[^}]*\}|[@!+]?\([^)]*\)/)) {
    if (/[[\]{}()]/.test(run)) return undefined; // nested or unbalanced groups: no claim
    if (run.length > best.length) best = run;
  }
  return best.length >= 3 ? best : undefined;
}

/**
 * The literal text every path a glob matches starts with (`docs/**\/*.md` → `docs/`), or '' when
 * none is certain (a leading wildcard, negation or escape).
 */
export function literalPrefix(glob: string): string {
  if (glob.startsWith('!') || glob.includes('\\')) return '';
  const cut = glob.search(/[*?[\]{}()!+@]/);
  return cut === -1 ? glob : glob.slice(0, cut);
}
