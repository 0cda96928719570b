/**
 * pytest tables built by listing fixture files: `list(FIXTURES.glob("albums/*.json"))`,
 * `sorted(Path(__file__).parent.rglob("*.yaml"))`, `glob.glob(os.path.join(HERE, "cases", "*.json"))`.
 * pytest runs one case per listed path, so the table's size is the number of paths the glob
 * matches in the repository (blind round 50: three tables over 1, 3 and 3 fixture files counted one
 * case each). Read without running anything: the base folder is followed through `__file__`,
 * `Path(…)`, `.parent`/`.parents[n]`, `os.path.dirname/join/abspath`, `/` joins, `str(…)` and the
 * module's own assignments; a glob whose folder is not resolved, that climbs out of the
 * repository, or that matches nothing listed (test-data folders — fixtures/, testdata/ — are left
 * out of the listing) is not sized: the table then counts one case, as before.
 */
import { globMatch } from '../../util/glob-match.js';
import { dirOf } from '../paths.js';
import type { PyExpr } from './python-values.js';
import { normalise } from './digest.js';

/** Paths under a glob's literal folder that are read (a bound for huge trees). */
const MAX_SCANNED = 5000;
/**
 * Paths read for all the globs of one module: a module of 4000 tables over `glob("**\/*")` scanned
 * the listing once per table (2 minutes at 5000 paths). A glob seen before is answered from memory.
 */
const MAX_SCANNED_PER_MODULE = 20_000;
const MAX_DEPTH = 8;
const STRING = /^[rRuU]?(['"])([^'"\\\n]{0,300})\1$/;

/** `s` split at a top-level `sep` (outside brackets and quotes). */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && c === sep) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out.map((x) => x.trim());
}

const join = (a: string, b: string) => normalise(a ? `${a}/${b}` : b);
const parent = (p: string): string | null => (p === '' ? null : dirOf(p) === '.' ? '' : dirOf(p));

export function pythonGlobCounter(
  paths: readonly string[],
  path: string,
  text: string,
): (e: PyExpr) => number | undefined {
  let assigned: Map<string, string> | undefined;
  const counted = new Map<string, number | undefined>();
  const budget = { left: MAX_SCANNED_PER_MODULE };
  const count = (pattern: string) => {
    if (!counted.has(pattern)) counted.set(pattern, countMatches(paths, pattern, budget));
    return counted.get(pattern);
  };
  const assignment = (name: string) => {
    if (!assigned) {
      assigned = new Map();
      let n = 0;
      for (const m of text.matchAll(/^([A-Za-z_]\w*)[ \t]*(?::[^=\n]{0,100})?=[ \t]*([^\n]{1,300})$/gm)) {
        if (++n > 2000) break;
        assigned.set(m[1]!, m[2]!.replace(/\s+#.*$/, '').trim());
      }
    }
    return assigned.get(name);
  };
  /** The repository-relative path an expression names ('' is the root), null outside it, undefined unknown. */
  const pathOf = (src: string, depth: number): string | null | undefined => {
    const s = src.trim();
    if (depth > MAX_DEPTH || !s) return undefined;
    const at = (x: string) => pathOf(x, depth + 1);
    if (s === '__file__') return path;
    const str = STRING.exec(s);
    if (str) return str[2]!.startsWith('/') ? undefined : normalise(str[2]!);
    const parts = splitTop(s, '/');
    if (parts.length > 1) {
      let p = at(parts[0]!);
      for (const x of parts.slice(1)) {
        if (typeof p !== 'string') return p;
        const lit = STRING.exec(x);
        if (!lit) return undefined;
        p = join(p, lit[2]!);
      }
      return p;
    }
    const method = /^([\s\S]+)\.(?:resolve|absolute|expanduser)\(\s*\)$/.exec(s);
    if (method) return at(method[1]!);
    const up = /^([\s\S]+)\.parent$/.exec(s);
    if (up) {
      const p = at(up[1]!);
      return typeof p === 'string' ? parent(p) : p;
    }
    const ups = /^([\s\S]+)\.parents\[\s*(\d)\s*\]$/.exec(s);
    if (ups) {
      let p = at(ups[1]!);
      for (let k = 0; k <= Number(ups[2]) && typeof p === 'string'; k++) p = parent(p);
      return p;
    }
    const call = /^((?:[A-Za-z_]\w*\.){0,2}[A-Za-z_]\w*)\(([\s\S]*)\)$/.exec(s);
    if (call) {
      const args = splitTop(call[2]!, ',').filter(Boolean);
      if (/^(?:pathlib\.)?(?:Pure)?(?:Posix)?Path$/.test(call[1]!)) {
        if (args.length === 0) return '';
        let p = at(args[0]!);
        for (const x of args.slice(1)) p = typeof p === 'string' ? at(`${JSON.stringify(p)} / ${x}`) : p;
        return p;
      }
      if (/^(?:os\.path\.(?:abspath|realpath|normpath)|str|os\.fspath)$/.test(call[1]!) && args.length === 1)
        return at(args[0]!);
      if (call[1] === 'os.path.dirname' && args.length === 1) {
        const p = at(args[0]!);
        return typeof p === 'string' ? parent(p) : p;
      }
      if (call[1] === 'os.path.join' && args.length >= 1) {
        let p = at(args[0]!);
        for (const x of args.slice(1)) {
          if (typeof p !== 'string') return p;
          const lit = STRING.exec(x);
          if (!lit) return undefined;
          p = join(p, lit[2]!);
        }
        return p;
      }
      return undefined;
    }
    if (/^[A-Za-z_]\w*$/.test(s)) {
      const rhs = assignment(s);
      return rhs === undefined ? undefined : at(rhs);
    }
    return undefined;
  };
  return (e) => {
    const s = e.orig.trim();
    const method = /^([\s\S]+)\.(r?glob)\(\s*[rRuU]?(['"])([^'"\\\n]{1,200})\3\s*\)$/.exec(s);
    let pattern: string | null | undefined;
    if (method) {
      const base = pathOf(method[1]!, 0);
      pattern = typeof base === 'string' ? join(base, method[2] === 'rglob' ? `**/${method[4]}` : method[4]!) : base;
    } else {
      const fn = /^(?:glob\s*\.\s*)?i?glob\(([\s\S]+)\)$/.exec(s);
      if (!fn) return undefined;
      const args = splitTop(fn[1]!, ',');
      const recursive = args.slice(1).some((a) => /^recursive\s*=\s*True$/.test(a));
      pattern = pathOf(args[0]!, 0);
      if (typeof pattern === 'string' && pattern.includes('**') && !recursive) pattern = pattern.replace(/\*\*/g, '*');
    }
    return typeof pattern === 'string' ? count(pattern) : undefined;
  };
}

/** Files and folders of the listing that `pattern` matches (Python's glob: hidden entries aside). */
function countMatches(paths: readonly string[], pattern: string, budget: { left: number }): number | undefined {
  const segs = pattern.split('/');
  const wild = segs.findIndex((x) => /[*?[]/.test(x));
  if (wild < 0) return undefined;
  const prefix = segs.slice(0, wild).join('/');
  const deep = segs.indexOf('**');
  // `base/**/name`: any depth below base; other uses of ** are not sized.
  if (deep >= 0 && (deep !== segs.length - 2 || segs.lastIndexOf('**') !== deep)) return undefined;
  const last = segs[segs.length - 1]!;
  const start = prefix ? `${prefix}/` : '';
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paths[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  const found = new Set<string>();
  const opts = { question: true, classes: true, segments: true };
  for (let i = lo, seen = 0; i < paths.length && paths[i]!.startsWith(start); i++) {
    if (++seen > MAX_SCANNED || --budget.left < 0) return undefined;
    const rest = paths[i]!.slice(start.length).split('/');
    for (let k = 1; k <= rest.length; k++) {
      const cand = rest.slice(0, k);
      if (cand.some((x) => x.startsWith('.'))) break;
      const full = `${start}${cand.join('/')}`;
      const ok =
        deep >= 0
          ? globMatch(last, cand[cand.length - 1]!, opts) === true
          : cand.length === segs.length - wild && globMatch(pattern, full, opts) === true;
      if (ok) found.add(full);
    }
  }
  // None listed: the folder may be one the listing leaves out (test-data folders such as fixtures/
  // and testdata/ are not listed), so nothing is known of its size.
  return found.size || undefined;
}
