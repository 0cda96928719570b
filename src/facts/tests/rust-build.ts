/**
 * Tests a Cargo build script writes (blind round 18, tokei: build.rs:126 emits one `#[test]` per
 * file of tests/data into `$OUT_DIR/tests.rs`, which tests/accuracy.rs pulls in with
 * `include!(concat!(env!("OUT_DIR"), "/tests.rs"))`: ~205 tests the sources never spell out).
 *
 * Read statically, never run: a `#[test]` the script emits in the same function as a walk over a
 * folder (`fs::read_dir("DIR")`, `Walk::new`/`WalkDir::new`/`WalkBuilder::new`, `glob("DIR/*.x")`)
 * is one test per file the file index lists there (`read_dir` lists the folder itself, the walkers
 * recurse). The folder is a literal, a `let`/`const` bound to one, or a parameter of the function
 * given literals at its calls. Counted only when a test target includes the generated file: a
 * file under the crate's tests/, or an `include!` under `#[cfg(test)]`.
 */
import type { FileView } from '../../types.js';
import { lineAt } from '../../util/lines.js';
import { mask, SYNTAX } from './mask.js';

export interface BuildScriptTests {
  /** The `#[test]` the script emits. */
  line: number;
  /** Tests generated: one per file of the walked folders. */
  cases: number;
  /**
   * The `#[test]` templates (not tests of the script itself) that the file's own count includes, to
   * be taken off it: one inside a raw or one-line string is masked there and never counted.
   */
  templates: number;
  dirs: { dir: string; files: number }[];
  /** Where a test target includes the generated file. */
  includedBy: { path: string; line: number };
}

const WALK = /\b(read_dir|Walk(?:Dir|Builder)?::new|glob(?:::glob)?)\(\s*&?\s*(?:"([^"\n]*)"|([A-Za-z_]\w*))/g;
const TEST_ATTR = /#\[test\]/g;
// Generics and parameters are bounded: a file of `fn a(` with no `)` made each match read to its end.
const FN = /(?:^|\n)[ \t]*(?:pub(?:\([\w:]+\))?\s+)?fn\s+(\w+)\s*(?:<[^>]{0,200}>)?\(([^)]{0,500})\)/g;
/** Walks read per script: a build script walks a few folders; a hostile one thousands. */
const MAX_WALKS = 200;

/** Cargo build scripts: `build.rs` beside a Cargo.toml. */
export function isBuildScript(files: FileView, path: string): boolean {
  if (!/(^|\/)build\.rs$/.test(path)) return false;
  return files.exists(path.replace(/build\.rs$/, 'Cargo.toml'));
}

export function buildScriptTests(files: FileView, path: string): BuildScriptTests | undefined {
  const text = files.read(path);
  if (!text?.includes('#[test]') || !text.includes('OUT_DIR')) return undefined;
  const crate = path.replace(/build\.rs$/, '');
  const fns = [...text.matchAll(FN)].map((m) => ({
    index: m.index! + m[0].indexOf('fn'),
    name: m[1]!,
    params: m[2]!.split(',').map((p) =>
      p
        .split(':')[0]!
        .trim()
        .replace(/^mut\s+/, ''),
    ),
  }));
  // The function a position is in: the last one that starts before it (fns are in text order).
  const fnAt = (i: number) => {
    let lo = 0;
    let hi = fns.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (fns[mid]!.index < i) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? fns[lo - 1] : undefined;
  };
  // One pass over the tests and one over the walks, each placed in its function; a test counts as a
  // template when a walk of its function comes before it (tests × walks × functions took 13 s on a
  // 17 KB build.rs).
  const walks = [...text.matchAll(WALK)].slice(0, MAX_WALKS).map((w) => ({ w, f: fnAt(w.index!) }));
  const byFn = new Map<(typeof fns)[number], { tests: number[]; walks: RegExpMatchArray[] }>();
  for (const t of text.matchAll(TEST_ATTR)) {
    const f = fnAt(t.index!);
    if (!f) continue;
    const e = byFn.get(f);
    if (e) e.tests.push(t.index!);
    else byFn.set(f, { tests: [t.index!], walks: [] });
  }
  for (const { w, f } of walks) if (f) byFn.get(f)?.walks.push(w);
  const dirs = new Map<string, number>();
  const counts = new Map<string, number | undefined>();
  const resolved = new Map<string, string[]>();
  let first: number | undefined;
  let templates = 0;
  /** The file with strings and comments masked: worked out once, not per test (a file of many tests). */
  let masked: string | undefined;
  // Functions in text order, as their tests are: a later function's count of a folder is the one kept.
  for (const [f, { tests, walks: inFn }] of byFn) {
    if (!inFn.length) continue;
    const last = tests[tests.length - 1]!;
    for (const t of tests)
      if (t > inFn[0]!.index!) {
        // Only a template the file's own count saw is taken off it: one in a raw string is masked.
        if ((masked ??= mask(text, SYNTAX.rust)).startsWith('#[test]', t)) templates++;
        first ??= t;
      }
    for (const w of inFn) {
      if (w.index! >= last) break;
      const recursive = w[1] !== 'read_dir';
      const key = `${f.index}\0${w[3]}`;
      let literals = w[2] !== undefined ? [w[2]] : resolved.get(key);
      if (!literals) resolved.set(key, (literals = resolve(text, w[3]!, f, fns)));
      for (const lit of literals) {
        const ck = `${recursive}\0${lit}`;
        if (!counts.has(ck)) counts.set(ck, countFiles(files, crate, lit, recursive));
        const n = counts.get(ck);
        if (n !== undefined) dirs.set(displayDir(crate, lit), n);
      }
    }
  }
  if (first === undefined || dirs.size === 0) return undefined;
  const includedBy = includer(files, crate, text);
  if (!includedBy) return undefined;
  const list = [...dirs].map(([dir, n]) => ({ dir, files: n }));
  return {
    line: lineAt(text, first),
    cases: list.reduce((s, d) => s + d.files, 0),
    templates,
    dirs: list,
    includedBy,
  };
}

/** The literals an identifier stands for: a `let`/`const` binding, or the arguments given to the function's parameter. */
function resolve(
  text: string,
  ident: string,
  f: { name: string; params: string[] },
  fns: { index: number; name: string }[],
): string[] {
  const bound = new RegExp(`\\b(?:let|const|static)\\s+(?:mut\\s+)?${ident}\\b[^=;]{0,200}=\\s*"([^"\\n]*)"`).exec(
    text,
  );
  if (bound) return [bound[1]!];
  const k = f.params.indexOf(ident);
  if (k < 0) return [];
  const out: string[] = [];
  const defs = new Set(fns.filter((x) => x.name === f.name).map((x) => x.index));
  for (const m of text.matchAll(new RegExp(`\\b${f.name}\\s*\\(`, 'g'))) {
    if (defs.has(m.index!)) continue;
    const args = splitArgs(text, m.index! + m[0].length);
    const lit = /^&?\s*"([^"\n]*)"$/.exec(args[k]?.trim() ?? '');
    if (lit) out.push(lit[1]!);
  }
  return out;
}

/** Top-level comma-separated arguments from just after `(` to the matching `)`. */
function splitArgs(text: string, from: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let inStr = false;
  for (let i = from; i < text.length && i < from + 2000; i++) {
    const c = text[i]!;
    if (inStr) {
      cur += c;
      if (c === '\\') cur += text[++i] ?? '';
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

const clean = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
const displayDir = (crate: string, lit: string) => `${crate}${clean(lit)}`;

/** Files the index lists for a walked folder or glob (relative to the crate, where a build script runs). */
function countFiles(files: FileView, crate: string, lit: string, recursive: boolean): number | undefined {
  const rel = clean(lit);
  if (!rel || rel.startsWith('/') || rel.includes('..')) return undefined;
  if (/[*?[{]/.test(rel)) {
    const n = files.match(`${crate}${rel}`).length;
    return n || undefined;
  }
  const prefix = `${crate}${rel}/`;
  const n = files.match(recursive ? `${prefix}**` : `${prefix}*`).length;
  return n || undefined;
}

/** The test target that includes a file the script writes under OUT_DIR. */
function includer(files: FileView, crate: string, script: string): { path: string; line: number } | undefined {
  const written = new Set([...script.matchAll(/"\/?([\w.-]+\.rs)"/g)].map((m) => m[1]!));
  if (!written.size) return undefined;
  const INCLUDE = /include!\s*\(\s*concat!\s*\(\s*env!\s*\(\s*"OUT_DIR"\s*\)\s*,\s*"\/?([\w.-]+\.rs)"\s*\)\s*\)/g;
  for (const p of files.match(`${crate}{tests,src}/**/*.rs`)) {
    const text = files.read(p);
    if (!text?.includes('OUT_DIR')) continue;
    for (const m of text.matchAll(INCLUDE)) {
      if (!written.has(m[1]!)) continue;
      const before = text.slice(Math.max(0, m.index! - 200), m.index!);
      const testTarget =
        p.startsWith(`${crate}tests/`) || /#\[cfg\(test\)\][^;{}]*(?:mod\s+\w+\s*\{[^}]*)?$/.test(before);
      if (testTarget) return { path: p, line: lineAt(text, m.index!) };
    }
  }
  return undefined;
}
