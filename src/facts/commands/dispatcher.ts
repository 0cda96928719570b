/**
 * A task dispatcher script (`./run test`, `./tasks.sh lint`): a script whose first argument picks
 * what runs — a `case "$1"` arm, a task file built from it (`. "$TASK_DIR/$task.sh"`,
 * `exec scripts/$1`), or the function it names (`"$@"`). Read whole, its every function and arm
 * would count as run (blind round 24, imgproxy's run.sh: "1755 commands", none the tests). Read as a
 * dispatcher, only its top level runs, with the task its argument picks; a function runs where the
 * script calls it.
 */

/** A function a script defines: its body, from the line after its header. */
export interface ScriptFunction {
  path: string;
  line: number;
  text: string;
}

export interface DispatcherView {
  /** The script with every function body blanked (line numbers kept): what runs at its top level. */
  text: string;
  /** Its functions and those of the files it sources (`. ./scripts/lib.sh`), each with its own path. */
  functions: Map<string, ScriptFunction>;
  /** Variables that hold the script's own directory (`ROOT="$(cd "$(dirname "$0")" && pwd)"`), as a root-anchored path. */
  vars: Record<string, string>;
  /** The files it sources, by repository path, with their function bodies blanked: what runs where they are sourced. */
  sourced?: Map<string, string>;
}

/** A file's text by repository path, for files in the listing only. */
export type ScriptLoader = (path: string) => string | undefined;

/** How deep sourced files are followed (a library sourcing another), and how many at most. */
const MAX_SOURCE_DEPTH = 3;
const MAX_SOURCED = 12;

const HEADER =
  /^([ \t]*)(?:function[ \t]+([\w:.-]+)[ \t]*(?:\([ \t]*\))?|([\w:.-]+)[ \t]*\([ \t]*\))[ \t]*(\{?)[ \t]*(?:#.*)?$/;
const ONE_LINE = /^[ \t]*(?:function[ \t]+)?([\w:.-]+)[ \t]*\([ \t]*\)[ \t]*\{(.*)\}[ \t]*;?[ \t]*$/;
/** `$(dirname "$0")`, `${BASH_SOURCE%/*}`, `$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)`: the script's directory. */
const SELF_DIR =
  /^["']?\$\(\s*(?:cd\s+["']?\$\(\s*)?dirname\s+["']?\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?["']?\s*\)|^["']?\$\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\}/;

/**
 * The script read as a dispatcher of its first argument `first`, or undefined when it is not one
 * (no `case` on that argument, no path or call built from it): then it is read whole, as before.
 */
export function dispatcherView(
  text: string,
  path: string,
  first: string | undefined,
  load?: ScriptLoader,
): DispatcherView | undefined {
  if (!first || first.includes('$') || first.startsWith('-')) return undefined;
  if (!/\$\{?[1@]/.test(text)) return undefined;
  const lines = text.split('\n');
  const functions = new Map<string, ScriptFunction>();
  takeFunctions(lines, path, functions);
  blankErrorBranches(lines);
  for (const f of functions.values()) {
    const body = f.text.split('\n');
    blankErrorBranches(body);
    f.text = body.join('\n');
  }
  const top = lines.join('\n');
  const vars = selfDirVars(top, path);
  // The functions of the files it sources (`. ./scripts/lib.sh`, `source "$DIR/tasks.sh"`): a task
  // defined there is run by `"$@"` as one defined here.
  const sourced = load ? sourcedFunctions(top, path, vars, functions, load) : undefined;
  // Variables that hold the first argument: `task="$1"`, `cmd=${1:-help}`.
  const held = new Set(['1']);
  for (const m of top.matchAll(
    /^[ \t]*(?:local[ \t]+)?([A-Za-z_]\w*)=["']?\$\{?1(?::?[-=][^}"'\n]{0,100})?\}?["']?[ \t]*(?:[;&#]|$)/gm,
  ))
    held.add(m[1]!);
  const names = [...held].join('|');
  // A default (`${1:-help}`) of at most 100 characters on its line: unbounded, every `/$task-` of a
  // line backtracked to the line's end (40k on one line took 44 s).
  const ref = `\\$\\{?(?:${names})(?::?[-=][^}"'\\n]{0,100})?\\}?`;
  const dispatches =
    // `case "$1" in`, `case "${cmd}" in`
    new RegExp(`^[ \\t]*case[ \\t]+["']?${ref}["']?[ \\t]+in\\b`, 'm').test(top) ||
    // `. "$TASK_DIR/$task.sh"`, `exec scripts/$1 "$@"`
    new RegExp(`/${ref}(?:\\.\\w+)?(?=["'\\s;]|$)`, 'm').test(top) ||
    // `"$1" "${@:2}"`, `"$@"`, `"${@:-help}"`: the function the argument names.
    (/^[ \t]*["']?\$(?:\{?1\}?|\{?@\}?|\{[1@]:-[\w:.-]{1,40}\})["']?(?:[ \t]|$)/m.test(top) && functions.has(first));
  if (!dispatches) return undefined;
  return { text: top, functions, vars, ...(sourced && sourced.size > 0 ? { sourced } : {}) };
}

/** Variables of a script's top level that hold its own directory, as a root-anchored path. */
function selfDirVars(top: string, path: string): Record<string, string> {
  const dir = path.includes('/') ? `/${path.slice(0, path.lastIndexOf('/'))}` : '';
  const vars: Record<string, string> = Object.create(null);
  for (const m of top.matchAll(/^[ \t]*(?:readonly[ \t]+|export[ \t]+|declare[ \t]+-\w+[ \t]+)?([A-Za-z_]\w*)=(.+)$/gm))
    if (SELF_DIR.test(m[2]!.trim())) vars[m[1]!] = dir;
  return vars;
}

/**
 * `. ./scripts/lib.sh`, `source "$DIR/tasks.sh"` at the start of a command: the file sourced. The
 * argument is matched greedily and ends on a non-blank, so the blanks before the command's end are
 * crossed once: a lazy argument followed by `[ \t]*` retried them at every length (~300² steps a line).
 */
const SOURCE_LINE = /^[ \t]*(?:\.|source)[ \t]+([^\s;&|#](?:[^;&|#\n]{0,300}[^\s;&|#])?)[ \t]*(?:$|[;&|#])/gm;

/** The arguments of a script text's `source` / `.` commands, in order. */
export function sourcedArgs(top: string): string[] {
  return [...top.matchAll(SOURCE_LINE)].map((m) => m[1]!);
}

/** The script's directory written inline in a sourced path (quotes removed): `$(dirname $0)`, `${BASH_SOURCE%/*}`. */
const INLINE_SELF_DIR =
  /^\$\(\s*(?:cd\s+\$\(\s*)?dirname\s+\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?\s*\)(?:\s*(?:&&|;)\s*pwd\s*\))?|^\$\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\}/;

/**
 * The repository path a sourced file names, or undefined when it is built at run time: the script's
 * directory (a variable that holds it, or written inline) replaced, a relative path taken from the
 * script's directory first, then the repository root (where `./run` is started). Only paths the loader
 * knows (files in the listing).
 */
export function sourcedPath(
  arg: string,
  script: string,
  vars: Record<string, string>,
  load: ScriptLoader,
): { path: string; text: string } | undefined {
  let p = arg.replace(/["']/g, '');
  const dir = script.includes('/') ? script.slice(0, script.lastIndexOf('/')) : '';
  const inline = INLINE_SELF_DIR.exec(p);
  if (inline) p = `/${dir}${p.slice(inline[0].length)}`;
  else {
    const v = /^\$\{?([A-Za-z_]\w*)\}?/.exec(p);
    if (v) {
      if (vars[v[1]!] === undefined) return undefined;
      p = `${vars[v[1]!]}${p.slice(v[0].length)}`;
    }
  }
  if (p.includes('$') || p.includes('*') || p.includes('~')) return undefined;
  const candidates = p.startsWith('/') ? [p] : [dir ? `${dir}/${p}` : p, p];
  for (const c of candidates) {
    const norm = normalisePath(c);
    if (norm === undefined) continue;
    const text = load(norm);
    if (text !== undefined) return { path: norm, text };
  }
  return undefined;
}

/** `a/./b/../c` → `a/c`, without a leading slash; undefined when it climbs out of the repository. */
function normalisePath(p: string): string | undefined {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.length > 0 ? out.join('/') : undefined;
}

/**
 * The functions of the files a dispatcher's top level sources, added where the script defines no
 * function of that name, and each sourced file's top level (its function bodies blanked). Followed
 * into files those source, MAX_SOURCE_DEPTH deep, MAX_SOURCED files at most, each once.
 */
function sourcedFunctions(
  top: string,
  path: string,
  vars: Record<string, string>,
  functions: Map<string, ScriptFunction>,
  load: ScriptLoader,
): Map<string, string> {
  const sourced = new Map<string, string>();
  const queue: { top: string; path: string; vars: Record<string, string>; depth: number }[] = [
    { top, path, vars, depth: 0 },
  ];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at.depth >= MAX_SOURCE_DEPTH) continue;
    for (const arg of sourcedArgs(at.top)) {
      if (sourced.size >= MAX_SOURCED) return sourced;
      const file = sourcedPath(arg, at.path, at.vars, load);
      if (!file || file.path === path || sourced.has(file.path)) continue;
      const lines = file.text.split('\n');
      const own = new Map<string, ScriptFunction>();
      takeFunctions(lines, file.path, own);
      for (const [name, f] of own) {
        if (functions.has(name)) continue;
        const body = f.text.split('\n');
        blankErrorBranches(body);
        functions.set(name, { ...f, text: body.join('\n') });
      }
      const fileTop = lines.join('\n');
      sourced.set(file.path, fileTop);
      queue.push({
        top: fileTop,
        path: file.path,
        vars: { ...at.vars, ...selfDirVars(fileTop, file.path) },
        depth: at.depth + 1,
      });
    }
  }
  return sourced;
}

/** Every function of a script taken out into `functions` and its lines blanked (line numbers kept). */
function takeFunctions(lines: string[], path: string, functions: Map<string, ScriptFunction>): void {
  for (let i = 0; i < lines.length; i++) {
    const one = ONE_LINE.exec(lines[i]!);
    if (one) {
      functions.set(one[1]!, { path, line: i + 1, text: one[2]! });
      lines[i] = '';
      continue;
    }
    const h = HEADER.exec(lines[i]!);
    if (!h) continue;
    let open = i;
    if (!h[4]) {
      // `name()` then `{` on the next line.
      if (!/^[ \t]*\{[ \t]*$/.test(lines[i + 1] ?? '')) continue;
      open = i + 1;
    }
    const indent = h[1]!.length;
    let end = -1;
    let heredoc: string | undefined;
    for (let k = open + 1; k < lines.length; k++) {
      // A heredoc's text (a function written into an rc file) is not this function's end.
      if (heredoc !== undefined) {
        if (lines[k]!.trim() === heredoc) heredoc = undefined;
        continue;
      }
      heredoc = /(?<!<)<<-?[ \t]*(['"]?)([\w-]+)\1/.exec(lines[k]!)?.[2];
      const m = /^([ \t]*)\}/.exec(lines[k]!);
      if (m && m[1]!.length <= indent) {
        end = k;
        break;
      }
    }
    if (end < 0) break;
    functions.set(h[2] ?? h[3]!, { path, line: open + 2, text: lines.slice(open + 1, end).join('\n') });
    for (let k = i; k <= end; k++) lines[k] = '';
    i = end;
  }
}

/**
 * `if [ ! -f "$TASK_DIR/$task.sh" ]; then echo "unknown task"; list; exit 1; fi`: a branch that ends
 * the run with a failure (and has no `else`) is the dispatcher's error path, no task runs in it.
 */
export function blankErrorBranches(lines: string[]): void {
  // One forward pass with a stack of the open `if`s: an `if` left without its `fi` is not scanned
  // again from every later line (20k unclosed `if`s took 6.5 s).
  const open: { at: number; opener: boolean; other: boolean; fails: boolean }[] = [];
  // Where each blanked branch ends, by its first line: blanked in one sweep at the end, so nested
  // branches are not blanked once per enclosing one.
  const ends = new Map<number, number>();
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const t = line.trim();
    const top = open[open.length - 1];
    if (/^if\b/.test(t) && !/\bfi$/.test(t))
      open.push({ at: k, opener: /^[ \t]*if\b.*;[ \t]*then[ \t]*$/.test(line), other: false, fails: false });
    else if (/^fi\b/.test(t)) {
      open.pop();
      if (top?.opener && !top.other && top.fails) ends.set(top.at, k);
    } else if (top && /^(?:else|elif)\b/.test(t)) top.other = true;
    else if (top && /^(?:exit|return)[ \t]+[1-9]/.test(t)) top.fails = true;
  }
  for (let k = 0, until = -1; k < lines.length; k++) {
    until = Math.max(until, ends.get(k) ?? -1);
    if (k <= until) lines[k] = '';
  }
}
