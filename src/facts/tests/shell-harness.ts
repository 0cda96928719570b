/**
 * Shell test suites with a home-made harness: a script in a test/ or tests/ folder that calls a
 * case-starting function once per case (`test_start "name"` … `test_stop`, sharness'
 * `test_expect_success 'name' '…'`, `begin_test "name"`), the function defined in the same script
 * or in a file it sources. They test the built program from outside, as its users run it.
 * Counted only for scripts a CI command runs (the command graph has a hop in the script): a script
 * nothing runs is no suite. One pass per file; a script's sourced files are read one level deep.
 */
import { commandGraph } from '../commands/index.js';
import type { FileView } from '../../types.js';
import type { TestFileCount } from './types.js';
import { snippetAt } from './types.js';

/** Case starters of shell harnesses, by their conventional names (never a teardown like `test_stop`). */
const CASE_NAME =
  /^(?:test_?(?:start|begin|case|name|expect_(?:success|failure))|(?:begin|start)_?test(?:_?case)?|it|scenario)$/;
/** A function definition: `name() {`, `function name {`, `function name() {`. */
const DEFINITION = /^[ \t]*(?:function[ \t]+([\w-]+)[ \t]*(?:\([ \t]*\))?|([\w-]+)[ \t]*\([ \t]*\))[ \t]*\{?/gm;
/** A command at the start of a line with an argument: `test_start base`, `  test_name "x"`. */
const CALL = /^[ \t]*([A-Za-z_][\w-]*)[ \t]+\S/gm;
/** `source path` / `. path`: the last literal path segment run after any `$(dirname "$0")/`, `$DIR/`. */
const SOURCE = /^[ \t]*(?:source|\.)[ \t]+([^\n]{1,300})/gm;
const TEST_DIR = /(^|\/)tests?\//;
const SHELL = /\.(?:sh|bash|zsh)$/;
const MAX_SOURCED = 8;

function defined(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(DEFINITION)) {
    const name = m[1] ?? m[2]!;
    if (CASE_NAME.test(name)) names.add(name);
  }
  return names;
}

/** The files a script sources that exist, resolved from its folder then from the root. */
function sourcedFiles(files: FileView, path: string, text: string): string[] {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const m of text.matchAll(SOURCE)) {
    if (out.length >= MAX_SOURCED) break;
    const raw = m[1]!.replace(/["']/g, '');
    // What follows the last expansion: `$(dirname "$0")/common.sh` → `common.sh`.
    const cut = Math.max(raw.lastIndexOf(')'), raw.lastIndexOf('}'));
    const rel = (cut >= 0 ? raw.slice(cut + 1) : raw)
      .trimStart()
      .split(/[\s;&|]/, 1)[0]!
      .replace(/^\/+/, '')
      .replace(/^\.\//, '');
    if (!rel || rel.includes('$')) continue;
    if (cut < 0 && raw.startsWith('$')) continue;
    for (const cand of [`${dir}${rel}`, rel]) {
      const norm = cand.replace(/(^|\/)\.\//g, '$1');
      if (files.exists(norm)) {
        out.push(norm);
        break;
      }
    }
  }
  return out;
}

/** Cases of the harness functions `names` called in `text`, with the first call's line. */
function countCalls(text: string, names: Set<string>): { cases: number; firstLine?: number } {
  let cases = 0;
  let first = -1;
  for (const m of text.matchAll(CALL)) {
    if (!names.has(m[1]!)) continue;
    cases++;
    if (first < 0) first = m.index;
  }
  if (first < 0) return { cases };
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) line++;
  return { cases, firstLine: line };
}

/**
 * Shell harness suites that CI runs: one entry per file holding case calls (a common file
 * sourced by several per-shell scripts counts once).
 */
export function shellHarnessTests(files: FileView, vendored: RegExp): TestFileCount[] {
  const scripts = files.match(['**/test/**/*.{sh,bash,zsh}', '**/tests/**/*.{sh,bash,zsh}']);
  if (!scripts.some((p) => !vendored.test(p))) return [];
  const run = new Set<string>();
  for (const r of commandGraph(files).runs) {
    if (r.origin.kind !== 'ci') continue;
    for (const h of r.chain) if (SHELL.test(h.path) && TEST_DIR.test(h.path) && !vendored.test(h.path)) run.add(h.path);
  }
  const out: TestFileCount[] = [];
  const counted = new Set<string>();
  for (const path of [...run].sort()) {
    const text = files.read(path);
    if (!text) continue;
    const sourced = sourcedFiles(files, path, text);
    const texts = new Map<string, string>([[path, text]]);
    for (const s of sourced) texts.set(s, files.read(s) ?? '');
    const names = new Set<string>();
    for (const t of texts.values()) for (const n of defined(t)) names.add(n);
    if (!names.size) continue;
    for (const [p, t] of texts) {
      if (counted.has(p)) continue;
      const c = countCalls(t, names);
      if (!c.cases) continue;
      counted.add(p);
      const lines = files.lines(p);
      out.push({
        path: p,
        language: 'Shell',
        framework: 'shell harness',
        cases: c.cases,
        skipped: 0,
        parametrized: 0,
        expanded: c.cases,
        ...(c.firstLine ? { first: { line: c.firstLine, snippet: lines ? snippetAt(lines, c.firstLine) : '' } } : {}),
      });
    }
  }
  return out;
}
