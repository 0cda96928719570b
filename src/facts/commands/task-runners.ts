/**
 * Task runners of other ecosystems, read as text by their conventions: Invoke (`tasks.py`, `@task`
 * functions whose `c.run("…")` lines are shell, `pre=` tasks), Mage (`magefile.go` targets,
 * `sh.Run("go", "test", …)`, `mg.Deps(…)`) and cargo-make (`Makefile.toml` tasks: command/args,
 * script, dependencies, run_task, and its built-in test/format/clippy tasks).
 */
import type { FileView, Lines } from '../../types.js';
import { LineIndex } from '../../util/lines.js';
import { memo } from '../../util/memo.js';
import { mask, matchBracket, matchBrackets, SYNTAX } from '../tests/mask.js';
import {
  type Block,
  dirOf,
  type Expansion,
  findIn,
  flagValue,
  joinPath,
  lineOf,
  positionals,
  type Resolver,
} from './types.js';
import { escapeRe } from '../../util/regex.js';
import { classify } from './tools.js';
import { table } from '../../util/table.js';
import { DENO_CONFIGS, readDenoConfig } from '../deno.js';

interface PyTask {
  name: string;
  line: number;
  pre: string[];
  /** Shell lines of `c.run(…)` and tasks called from the body. */
  body: { text: string; line: number }[];
  calls: string[];
}

/** A Python string literal (f-strings' fields as `$X`) at the start of `s`. */
function pyString(s: string): string | undefined {
  const m = /^[rRbBuU]?([fF])?[rR]?("""|'''|"|')([\s\S]*?)\2/.exec(s.trim());
  if (!m) return undefined;
  return m[1] ? m[3]!.replace(/\{[^}]*\}/g, '$X') : m[3]!;
}

function parseInvoke(text: string): Map<string, PyTask> {
  const tasks = new Map<string, PyTask>();
  const lines = text.split(/\r?\n/);
  let decorator: { pre: string[]; name?: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const dec = /^@(?:invoke\.)?task\b(?:\((.*)\))?\s*$/.exec(l);
    if (dec) {
      const args = dec[1] ?? '';
      const pre = /\bpre\s*=\s*\[([^\]]*)\]/.exec(args)?.[1] ?? args.replace(/\w+\s*=.*$/, '');
      const name = /\bname\s*=\s*["']([\w-]+)["']/.exec(args)?.[1];
      decorator = {
        pre: pre
          .split(',')
          .map((x) => x.trim().replace(/^call\(\s*(\w+).*$/, '$1'))
          .filter((x) => /^\w+$/.test(x)),
        ...(name ? { name } : {}),
        line: i + 1,
      };
      continue;
    }
    const def = /^def\s+(\w+)\s*\(\s*(\w+)?/.exec(l);
    if (!def) {
      if (l.trim() && !l.startsWith('@') && !l.startsWith(' ')) decorator = undefined;
      continue;
    }
    if (!decorator) continue;
    const ctx = def[2] ?? 'c';
    const task: PyTask = { name: def[1]!, line: i + 1, pre: decorator.pre, body: [], calls: [] };
    for (let j = i + 1; j < lines.length && (/^\s/.test(lines[j]!) || !lines[j]!.trim()); j++) {
      const b = lines[j]!;
      const run = new RegExp(`\\b${escapeRe(ctx)}\\s*\\.\\s*(?:run|sudo)\\s*\\(([\\s\\S]*)`).exec(b);
      const s = run ? pyString(run[1]!) : undefined;
      if (s) task.body.push({ text: s, line: j + 1 });
      for (const call of b.matchAll(new RegExp(`\\b(\\w+)\\s*\\(\\s*${escapeRe(ctx)}\\b`, 'g')))
        task.calls.push(call[1]!);
    }
    tasks.set(task.name, task);
    if (decorator.name) tasks.set(decorator.name, task);
    decorator = undefined;
  }
  return tasks;
}

/** `invoke test` / `inv lint test`: the tasks of tasks.py (`test-all` is `def test_all`). */
export const invokeTasks: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'invoke' && argv[0] !== 'inv') return undefined;
  const collection = flagValue(argv, ['-c', '--collection']) ?? 'tasks';
  const path = findIn(files, cwd, [`${collection}.py`, `${collection}/__init__.py`]);
  if (!path) return { unresolved: `no ${collection}.py` };
  const tasks = memo(files, `commands:invoke:${path}`, () => parseInvoke(files.read(path) ?? ''));
  const names = positionals(argv.slice(1), ['-c', '--collection', '-r', '--search-root', '-f', '--config']).filter(
    (n) => tasks.has(n) || tasks.has(n.replace(/-/g, '_')),
  );
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const visit = (n: string, d: number) => {
    const t = tasks.get(n) ?? tasks.get(n.replace(/-/g, '_'));
    if (!t || seen.has(t.name) || d > 6) return;
    seen.add(t.name);
    for (const p of t.pre) visit(p, d + 1);
    for (const b of t.body)
      blocks.push({ path, line: b.line, text: b.text, via: `invoke ${t.name}`, cwd: dirOf(path) });
    for (const c of t.calls) visit(c, d + 1);
  };
  for (const n of names) visit(n, 0);
  return blocks.length ? { blocks } : { unresolved: `${path} has no task ${argv.slice(1).join(' ')}` };
};

/** Go string literals of a call's arguments, others as `$X`. */
function goArgs(code: string, text: string, open: number): string[] | undefined {
  const close = matchBracket(code, open);
  if (close < 0) return undefined;
  const out: string[] = [];
  let depth = 0;
  let last = open + 1;
  const push = (a: number, b: number) => {
    const raw = code.slice(a, b).trim();
    const start = a + code.slice(a, b).indexOf(raw[0] ?? '');
    if (!raw) return;
    if ((raw[0] === '"' || raw[0] === '`') && raw.endsWith(raw[0]) && raw.length >= 2)
      out.push(text.slice(start + 1, start + raw.length - 1));
    else out.push('$X');
  };
  for (let i = open + 1; i < close - 1; i++) {
    const c = code[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) push(last, i), (last = i + 1);
  }
  push(last, close - 1);
  return out;
}

const MAGE_RUN =
  /\b(?:sh\s*\.\s*(Run|RunV|RunWith|RunWithV|Exec|Output|OutCmd|RunCmd)|exec\s*\.\s*Command(?:Context)?)\s*\(/g;

/**
 * The mage invocation in argv, as `mage …` words: `mage`, a binary compiled from the magefile
 * (`mage -compile ./mage-static`, then `./mage-static test:feature`: named mage-*), or the
 * zero-install `go run mage.go target`. Undefined for anything else.
 */
function asMage(argv: string[], files?: FileView, cwd = ''): string[] | undefined {
  const head = argv[0] ?? '';
  const base = head.slice(head.lastIndexOf('/') + 1).replace(/\.exe$/i, '');
  if (base === 'mage' || /^mage[-_.][\w.-]+$/.test(base)) return ['mage', ...argv.slice(1)];
  if (base === 'go' && argv[1] === 'run' && /(?:^|\/)mage\.go$/.test(argv[2] ?? '')) {
    const dir = argv[2]!.includes('/') ? argv[2]!.slice(0, argv[2]!.lastIndexOf('/')) : '';
    return ['mage', ...(dir ? ['-d', dir] : []), ...argv.slice(3)];
  }
  // Mage as a library: `go run main.go -w ../ ci` of a main that calls `mage.Main()` runs the
  // targets of the magefiles beside it (blind round 42).
  if (base === 'go' && argv[1] === 'run' && files && /\.go$/.test(argv[2] ?? '')) {
    const path = joinPath(cwd, argv[2]!);
    const text = files.exists(path) ? (files.read(path) ?? '') : '';
    if (text.length < 50_000 && /\bmage\s*\.\s*Main\s*\(/.test(text)) {
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      return ['mage', ...(dir ? ['-d', dir] : []), ...argv.slice(3)];
    }
  }
  return undefined;
}

/**
 * The Dagger SDK's minor version (`dagger.io/dagger v0.9.7` → 9) from the go.mod of `path`'s module,
 * or undefined.
 */
function daggerMinor(files: FileView, path: string): number | undefined {
  for (let dir = dirOf(path), hops = 0; hops < 8; hops++) {
    const mod = files.read(dir ? `${dir}/go.mod` : 'go.mod');
    if (mod !== undefined) {
      const m = /^\s*(?:require\s+)?dagger\.io\/dagger\s+v0\.(\d{1,3})\./m.exec(mod.slice(0, 100_000));
      return m ? Number(m[1]) : undefined;
    }
    if (!dir) return undefined;
    dir = dirOf(dir);
  }
  return undefined;
}

/**
 * A container exec run through the image's entrypoint: before Dagger 0.10 `WithExec` prepended the
 * entrypoint, as `UseEntrypoint: true` does since. `WithExec([]string{"deploy", "--image", ref})` on
 * a container `From("flyio/flyctl:v…")` runs `flyctl deploy --image ref` (blind round 42: a Dagger
 * program's Fly deploy read as no deploy). The entrypoint is the one tool image the file names
 * (`"owner/<tool>:…"`), prepended only when the exec is no known command itself and becomes one
 * with it.
 */
function withEntrypoint(files: FileView, path: string, text: string, args: string[], call: string): string[] {
  const minor = daggerMinor(files, path);
  if (!(minor !== undefined && minor < 10) && !/\bUseEntrypoint\s*:\s*true\b/.test(call)) return args;
  if (classify(args).length) return args;
  const tools = new Set<string>();
  for (const m of text.slice(0, 200_000).matchAll(/"(?:[\w.-]{1,100}\/){1,4}([a-z][\w-]{1,30}):[^"\s]{0,100}"/g)) {
    tools.add(m[1]!);
    if (tools.size > 1) return args;
  }
  const tool = [...tools][0];
  return tool && classify([tool, ...args]).length ? [tool, ...args] : args;
}

const DAGGER_EXEC = /\b(?:WithExec|withExec|with_exec)\s*\(\s*(?:\[\]string\s*)?(?=[{[])/g;

/**
 * Functions and methods of the Go files under `dir` that build Dagger containers (`WithExec([]string{…})`),
 * by name, at most 60 files: a pipeline written as a program runs those argument lists.
 */
function daggerFuncs(
  files: FileView,
  dir: string,
): Map<string, { path: string; code: string; text: string; lines: Lines; open: number; to: number }[]> {
  const out = new Map<string, { path: string; code: string; text: string; lines: Lines; open: number; to: number }[]>();
  const paths = files.match([`${dir ? `${dir}/` : ''}**/*.go`]).slice(0, 60);
  // A package of which one file imports the SDK: its other files build the same containers.
  const packages = new Set(paths.filter((p) => /dagger\.io\/dagger/.test(files.read(p) ?? '')).map(dirOf));
  for (const path of paths) {
    const text = files.read(path) ?? '';
    if (text.length > 200_000 || !packages.has(dirOf(path))) continue;
    const code = mask(text, SYNTAX.go);
    const lines = files.lines(path) ?? new LineIndex(text);
    for (const { m, open, to } of goFuncs(
      code,
      /^func\s+(?:\([^)]{0,200}\)\s*)?([A-Za-z_]\w*)\s*\([^)]{0,1000}\)[^{\n]*\{/gm,
    )) {
      if (to < 0) continue;
      const list = out.get(m[1]!) ?? [];
      if (list.length < 4) list.push({ path, code, text, lines, open, to });
      out.set(m[1]!, list);
    }
  }
  return out;
}

/**
 * Helpers of a magefile that run a command given as their arguments
 * (`func run(ctx context.Context, cmd string, args ...string) error { exec.CommandContext(ctx, cmd, args...) }`):
 * by name, how many leading arguments of a call are not the command (the context).
 */
/** A Go function declaration: its match, name, parameter text and body span (`to` is -1 when never closed). */
interface GoFunc {
  m: RegExpExecArray;
  name: string;
  params: string;
  open: number;
  to: number;
}

/**
 * The functions `re` finds (its groups: name, parameters; its match ends at the body's `{`), their
 * bodies closed in ONE bracket pass: an unclosed `func a() {` is not scanned to the end once per function.
 */
function goFuncs(code: string, re: RegExp): GoFunc[] {
  const found = [...code.matchAll(re)].map((m) => ({
    m: m as RegExpExecArray,
    name: m[1]!,
    params: m[2] ?? '',
    open: m.index + m[0].length - 1,
    to: -1,
  }));
  const close = matchBrackets(
    code,
    found.map((f) => f.open),
  );
  for (const f of found) f.to = close.get(f.open) ?? -1;
  return found;
}

const MAGE_FUNC = /^func\s+([a-zA-Z]\w*)\s*\(([^)]{0,1000})\)[^{\n]*\{/gm;

function mageRunners(code: string, helpers: string[] = [], funcs = goFuncs(code, MAGE_FUNC)): Map<string, number> {
  const out = new Map<string, number>();
  for (const { name, params: paramText, open, to } of funcs) {
    if (to < 0 || to - open > 2000) continue;
    const decl = paramText.split(',').map((p) => p.trim().split(/\s+/));
    const params = decl.map((p) => p[0]!);
    const contexts = new Set(decl.filter((p) => /\bContext$/.test(p[1] ?? '')).map((p) => p[0]!));
    const body = code.slice(open, to);
    const call = new RegExp(
      `(?:\\b(?:sh\\s*\\.\\s*(?:Run|RunV|Exec|Output)|exec\\s*\\.\\s*Command(?:Context)?)${helpers.length ? `|(?<![\\w.])(?:${helpers.join('|')})` : ''})\\s*\\(([^)]*)\\)`,
    ).exec(body);
    // Only a helper that forwards a whole argument list (`args...`) runs the command its caller names.
    if (!call || !/\w\.\.\.\s*$/.test(call[1]!)) continue;
    const args = call[1]!.split(',').map((a) => a.trim().replace(/\.\.\.$/, ''));
    const first = args.find((a) => params.includes(a) && !contexts.has(a));
    const at = first ? params.indexOf(first) : -1;
    // The command and its arguments are the helper's own parameters, forwarded as given.
    if (at >= 0 && args.slice(args.indexOf(first!)).every((a) => params.includes(a))) out.set(name, at);
  }
  return out;
}

/** `mage [target…]`: exported functions of the magefile (`ns:target` for namespaces), their sh.Run calls and mg.Deps. */
export const mageTargets: Resolver = (raw, { files, cwd }) => {
  const argv = asMage(raw, files, cwd);
  if (!argv) return undefined;
  // `mage -compile out` builds a binary of the targets: it runs none.
  if (argv.includes('-compile')) return {};
  const dir = flagValue(argv, ['-d']) ?? cwd;
  const here = files.match([`${dir ? `${dir}/` : ''}*.go`, `${dir ? `${dir}/` : ''}magefiles/*.go`]);
  // A main calling `mage.Main()` makes every Go file of its package a magefile.
  const library = here.some((p) => !p.includes('magefiles/') && /\bmage\s*\.\s*Main\s*\(/.test(files.read(p) ?? ''));
  const candidates = here.filter(
    (p) =>
      /^\s*(?:\/\/go:build\s+mage\b|\/\/\s*\+build\s+mage\b)/m.test(files.read(p) ?? '') ||
      p.includes('magefiles/') ||
      (library && !p.slice(dir ? dir.length + 1 : 0).includes('/')),
  );
  if (candidates.length === 0) return { unresolved: 'no magefile' };
  const fns = new Map<
    string,
    { path: string; line: number; code: string; text: string; lines: Lines; open: number; to: number }
  >();
  const runners = new Map<string, number>();
  let def: string | undefined;
  for (const path of candidates) {
    const text = files.read(path) ?? '';
    const lines = files.lines(path) ?? new LineIndex('');
    const code = mask(text, SYNTAX.go);
    for (const [k, v] of mageRunners(code)) runners.set(k, v);
    def ??= /^var\s+Default\s*=\s*(\w+(?:\.\w+)?)/m.exec(code)?.[1];
    for (const { m, open, to } of goFuncs(
      code,
      /^func\s+(?:\(\s*(?:\w+\s+)?(\w+)\s*\)\s*)?([A-Z]\w*)\s*\([^)]{0,1000}\)[^{\n]*\{/gm,
    )) {
      if (to < 0) continue;
      const key = (m[1] ? `${m[1]}:${m[2]}` : m[2]!).toLowerCase();
      fns.set(key, { path, line: lines.lineAt(m.index), code, text, lines, open, to });
    }
  }
  const out: Expansion = { blocks: [] };
  const seen = new Set<string>();
  const visit = (name: string, d: number) => {
    const key = name.replace('.', ':').toLowerCase();
    const f = fns.get(key);
    if (!f || seen.has(key) || d > 6) return;
    seen.add(key);
    const body = f.code.slice(f.open, f.to);
    // mg.Deps(Build, Test.Unit) first, then the body's commands and the targets it calls.
    for (const m of body.matchAll(/\bmg\s*\.\s*(?:Serial)?(?:Ctx)?Deps\s*\(([^)]*)\)/g))
      for (const dep of m[1]!.split(',').map((x) => x.trim())) if (/^[A-Z]\w*(?:\.\w+)?$/.test(dep)) visit(dep, d + 1);
    const runner = runners.size
      ? new RegExp(`${MAGE_RUN.source}|(?<![\\w.])(${[...runners.keys()].join('|')})\\s*\\(`, 'g')
      : MAGE_RUN;
    for (const m of body.matchAll(runner)) {
      const at = f.open + m.index + m[0].length - 1;
      let args = goArgs(f.code, f.text, at) ?? [];
      if (m[2]) args = args.slice(runners.get(m[2])!);
      else if (m[1] === 'RunWith' || m[1] === 'RunWithV') args = args.slice(1);
      else if (m[1] === 'Exec') args = args.slice(3);
      else if (!m[1] && /Context/.test(m[0])) args = args.slice(1);
      if (!args[0] || args[0] === '$X') continue;
      const line = f.lines.lineAt(at);
      out.blocks!.push({ path: f.path, line, text: args.join(' '), via: `mage ${name}`, cwd: dirOf(f.path) });
    }
    for (const m of body.matchAll(/(?<![\w.])([A-Z]\w*)\s*\(\s*(?:ctx\s*)?\)/g)) visit(m[1]!, d + 1);
    // A target that drives Dagger (`image.New(ctx, dag).Test()`): the containers its methods build.
    if (/\bdagger\b|\bdag\s*\./.test(body)) {
      dagger ??= daggerFuncs(files, dir);
      daggerCalls(body, name, 0);
    }
  };
  let dagger: ReturnType<typeof daggerFuncs> | undefined;
  const daggerSeen = new Set<string>();
  const daggerCalls = (body: string, target: string, d: number) => {
    if (d > 6) return;
    for (const m of body.matchAll(/\.\s*([A-Za-z_]\w*)\s*\(/g)) {
      const name = m[1]!;
      if (daggerSeen.has(name) || daggerSeen.size > 200) continue;
      daggerSeen.add(name);
      for (const f of dagger!.get(name) ?? []) {
        const own = f.code.slice(f.open, f.to);
        for (const x of own.matchAll(DAGGER_EXEC)) {
          const at = f.open + x.index + x[0].length;
          let args = goArgs(f.code, f.text, at) ?? [];
          if (!args[0] || args[0] === '$X') continue;
          args = withEntrypoint(files, f.path, f.text, args, own.slice(x.index, x.index + 600));
          out.blocks!.push({
            path: f.path,
            line: f.lines.lineAt(at),
            text: args.map((a) => (a === '$X' || /^[\w./:=@-]+$/.test(a) ? a : `'${a.replace(/'/g, '')}'`)).join(' '),
            via: `mage ${target} (Dagger container exec)`,
            cwd: '',
          });
          if (out.blocks!.length > 400) return;
        }
        daggerCalls(own, target, d + 1);
      }
    }
  };
  const names = positionals(argv.slice(1), ['-d', '-w', '-t', '-gocmd', '-compile', '-goos', '-goarch', '-ldflags']);
  for (const n of names.length ? names : def ? [def] : []) visit(n, 0);
  return out.blocks!.length ? out : { unresolved: `magefile has no target ${names.join(' ') || 'Default'}` };
};

/**
 * `go run scripts/build.go test` (a Make catch-all `%:` recipe, a CI step): a Go build program that dispatches
 * on its argument. Read as text, never run: the name's entry (`case "test":`, a CLI command literal
 * `Name: "test"` / `Use: "test"` with its `Action:`/`Run:` function, a map entry `"test": fn`) and what the code
 * under it starts (`exec.Command("go", "test", …)`, a local helper that forwards `cmd, args...`), followed
 * into the local functions it calls.
 */
export const goBuildScript: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'go' || argv[1] !== 'run' || !/\.go$/.test(argv[2] ?? '') || asMage(argv)) return undefined;
  const path = [joinPath(cwd, argv[2]!), joinPath('', argv[2]!)].find((p) => files.exists(p));
  const names = argv.slice(3).filter((w) => /^[a-z][\w:-]*$/i.test(w));
  if (!path || names.length === 0) return undefined;
  const text = files.read(path) ?? '';
  const lines = files.lines(path) ?? new LineIndex(text);
  const code = mask(text, SYNTAX.go);
  // Helpers that forward a command: exec.Command's callers, then their callers (`topRunAction` → `runCmd`).
  // Function spans found once, shared by the three runner rounds.
  const funcs = goFuncs(code, MAGE_FUNC);
  const runners = mageRunners(code, [], funcs);
  for (let round = 0; round < 2; round++)
    for (const [k, v] of mageRunners(code, [...runners.keys()], funcs)) if (!runners.has(k)) runners.set(k, v);
  const fns = new Map<string, { open: number; to: number }>();
  for (const { name, open, to } of goFuncs(code, /^func\s+([A-Za-z_]\w*)\s*\([^)]{0,1000}\)[^{\n]*\{/gm))
    if (to > 0) fns.set(name, { open, to });
  const runner = new RegExp(
    `${MAGE_RUN.source}${runners.size ? `|(?<![\\w.])(${[...runners.keys()].join('|')})\\s*\\(` : ''}`,
    'g',
  );
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const via = (name: string) => `${argv[2]} ${name}`;
  const range = (from: number, to: number, name: string, d: number) => {
    const body = code.slice(from, to);
    for (const m of body.matchAll(runner)) {
      const at = from + m.index + m[0].length - 1;
      // A helper's own body forwards its parameters: what it runs is what its callers pass.
      if (m[2] === undefined && [...runners.keys()].some((r) => insideFn(fns.get(r), at))) continue;
      let args = goCallArgs(code, text, at, from) ?? [];
      if (m[2]) args = args.slice(runners.get(m[2])!);
      else if (m[1] === 'RunWith' || m[1] === 'RunWithV') args = args.slice(1);
      else if (m[1] === 'Exec') args = args.slice(3);
      else if (!m[1] && /Context/.test(m[0])) args = args.slice(1);
      if (!args[0] || args[0] === '$X') continue;
      blocks.push({ path, line: lines.lineAt(at), text: args.join(' '), via: via(name), cwd });
    }
    for (const m of body.matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*\(/g)) {
      const f = fns.get(m[1]!);
      if (!f || runners.has(m[1]!) || seen.has(m[1]!) || d > 4) continue;
      seen.add(m[1]!);
      range(f.open, f.to, name, d + 1);
    }
  };
  for (const name of names) {
    const entry = dispatchOf(code, text, name);
    if (!entry) continue;
    if (entry.fn) {
      const f = fns.get(entry.fn);
      if (f && !seen.has(entry.fn)) seen.add(entry.fn), range(f.open, f.to, name, 0);
    } else range(entry.from, entry.to, name, 0);
    break;
  }
  return blocks.length ? { blocks } : { unresolved: `${path}: no command found for ${names.join(' ')}` };
};

const insideFn = (f: { open: number; to: number } | undefined, at: number) => !!f && at > f.open && at < f.to;

/** Where a Go program handles the name: a `case` range, an action's code, or the function it names. */
function dispatchOf(code: string, text: string, name: string): { fn?: string; from: number; to: number } | undefined {
  const lit = `"${escapeRe(name)}"`;
  // `case "test":` / `case "test", "t":` — up to the next case of the switch.
  for (const m of text.matchAll(new RegExp(`\\bcase\\s+(?:"[\\w:-]*"\\s*,\\s*)*${lit}[^:\\n]*:`, 'g'))) {
    if (code.slice(m.index, m.index + 4) !== 'case') continue;
    const from = m.index + m[0].length;
    const window = code.slice(from, from + 4000);
    const next = /\n\s*(?:case\b|default\s*:)|\n\t?\}/.exec(window);
    // No next case nor end of the switch in reach: the window itself, not an empty body.
    return { from, to: from + (next?.index ?? window.length) };
  }
  // `Name: "test", … Action: TestFn` (urfave/cli), `Use: "test", … RunE: fn` (cobra), `"test": fn` (a map).
  for (const m of text.matchAll(new RegExp(`(?:\\b(?:Name|Use)\\s*:\\s*|[{,]\\s*)${lit}\\s*[,:]`, 'g'))) {
    if (code[m.index] !== text[m.index]) continue;
    const after = m.index + m[0].length;
    if (!/\b(?:Name|Use)\s*:/.test(m[0])) {
      // A map entry names the function: `"test": runTests,`.
      const map = m[0].endsWith(':') ? /^\s*([A-Za-z_]\w*)\s*[,}\n]/.exec(code.slice(after, after + 200)) : null;
      if (map) return { fn: map[1]!, from: 0, to: 0 };
      continue;
    }
    const rest = code.slice(after, after + 1500);
    const stop = /\b(?:Name|Use)\s*:/.exec(rest)?.index ?? rest.length;
    const act = /\b(?:Action|RunE|Run)\s*:\s*/.exec(rest.slice(0, stop));
    if (!act) continue;
    const v = after + act.index + act[0].length;
    const fn = /^([A-Za-z_]\w*)\s*(\(|[,}\n])/.exec(code.slice(v, v + 200));
    // A function value (`TestActionFunc`), or a helper called with the command (`topRunAction("go", "vet")`).
    if (fn && fn[2] !== '(') return { fn: fn[1]!, from: 0, to: 0 };
    const end = code.indexOf('\n', code.indexOf(fn?.[2] === '(' ? ')' : '{', v));
    const close = /^func\b/.test(code.slice(v)) ? matchBracket(code, code.indexOf('{', v)) : end;
    return { from: v, to: close > v ? close : v + 200 };
  }
  return undefined;
}

/**
 * The arguments of a Go call at `open` as words: string literals as their text, a spread slice
 * (`args...`) as the literals it was made from in the code before (`args := []string{"test"}`), else `$X`.
 */
function goCallArgs(code: string, text: string, open: number, from: number): string[] | undefined {
  const words = goArgs(code, text, open);
  if (!words) return undefined;
  const close = matchBracket(code, open);
  const spread = /([A-Za-z_]\w*)\s*\.\.\.\s*\)$/.exec(code.slice(open, close));
  if (!spread || words.at(-1) !== '$X') return words;
  const decl = [
    ...code.slice(from, open).matchAll(new RegExp(`\\b${spread[1]}\\s*:?=\\s*\\[\\]string\\s*\\{`, 'g')),
  ].at(-1);
  if (!decl) return words;
  const at = from + decl.index + decl[0].length - 1;
  const inner = goArgs(code, text, at);
  return inner ? [...words.slice(0, -1), ...inner.filter((w) => w !== '$X')] : words;
}

interface MakeTask {
  command?: string;
  args?: unknown[];
  script?: unknown;
  dependencies?: unknown[];
  run_task?: unknown;
  alias?: string;
}

/** cargo-make's predefined tasks (Makefile.stable.toml), used when Makefile.toml does not define them. */
const CARGO_MAKE_BUILTIN: Record<string, string[]> = table({
  test: ['cargo test'],
  build: ['cargo build'],
  format: ['cargo fmt'],
  'check-format': ['cargo fmt -- --check'],
  clippy: ['cargo clippy'],
  'ci-flow': ['cargo build', 'cargo test'],
  'dev-test-flow': ['cargo fmt', 'cargo build', 'cargo test'],
  default: ['cargo fmt', 'cargo build', 'cargo test'],
});

/** `cargo make [task]` / `makers [task]`: Makefile.toml tasks, their dependencies and run_task. */
export const cargoMakeTasks: Resolver = (argv, { files, cwd }) => {
  const made = argv[0] === 'makers' ? 1 : argv[0] === 'cargo' && argv[1] === 'make' ? 2 : 0;
  if (!made) return undefined;
  const file = flagValue(argv, ['--makefile']);
  const path = file ?? findIn(files, cwd, ['Makefile.toml']);
  const parsed = path ? files.readToml<{ tasks?: Record<string, MakeTask> }>(path) : undefined;
  const tasks = parsed?.ok ? (parsed.value?.tasks ?? {}) : {};
  const text = path ? (files.read(path) ?? '') : '';
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const visit = (name: string, d: number) => {
    if (seen.has(name) || d > 6) return;
    seen.add(name);
    const t = tasks[name];
    const line = (path && lineOf(text, new RegExp(`^\\s*\\[tasks\\.["']?${escapeRe(name)}["']?\\]`))) || 1;
    const at = path ?? 'Makefile.toml';
    if (!t) {
      for (const c of CARGO_MAKE_BUILTIN[name] ?? [])
        blocks.push({ path: at, line, text: c, via: `cargo make ${name} (built-in task)`, cwd });
      return;
    }
    if (t.alias) {
      visit(t.alias, d + 1);
      return;
    }
    for (const dep of t.dependencies ?? []) {
      const n = typeof dep === 'string' ? dep : (dep as { name?: string })?.name;
      if (n) visit(n, d + 1);
    }
    const via = `cargo make ${name}`;
    if (typeof t.command === 'string') {
      const args = (t.args ?? []).filter((a): a is string => typeof a === 'string');
      blocks.push({ path: at, line, text: [t.command, ...args].join(' '), via, cwd: dirOf(at) });
    }
    const script = Array.isArray(t.script) ? t.script.join('\n') : typeof t.script === 'string' ? t.script : undefined;
    if (script) blocks.push({ path: at, line, text: script, via, cwd: dirOf(at) });
    const rt = t.run_task;
    const next = typeof rt === 'string' ? [rt] : (rt as { name?: unknown })?.name;
    for (const n of typeof next === 'string' ? [next] : Array.isArray(next) ? next : [])
      if (typeof n === 'string') visit(n, d + 1);
  };
  const names = positionals(argv.slice(made), ['--makefile', '-p', '--profile', '-e', '--env', '-t', '--task']);
  visit(flagValue(argv, ['-t', '--task']) ?? names[0] ?? 'default', 0);
  return blocks.length ? { blocks } : { unresolved: `no cargo-make task ${names[0] ?? 'default'}` };
};

/**
 * `deno task NAME`: the task of the nearest deno.json/deno.jsonc (or `--config`), a command line
 * like a package.json script, or `{ command, dependencies }` (Deno 2: the dependencies run first).
 * A task that runs `deno task other` is followed by the graph like any command.
 */
export const denoTasks: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'deno' || argv[1] !== 'task') return undefined;
  const valued = ['--config', '-c', '--cwd', '-f', '--filter'];
  const name = positionals(argv.slice(2), valued)[0];
  if (!name) return undefined;
  const given = flagValue(argv, ['--config', '-c']);
  const path = given ? joinPath(cwd, given) : findIn(files, cwd, DENO_CONFIGS);
  if (!path) return { unresolved: `no deno.json in ${cwd || 'the root'}`, absent: true };
  const tasks = readDenoConfig(files, path)?.tasks ?? {};
  const text = files.read(path) ?? '';
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const visit = (task: string, d: number) => {
    if (seen.has(task) || d > 6 || !Object.hasOwn(tasks, task)) return;
    seen.add(task);
    const t = tasks[task];
    const def = typeof t === 'string' ? { command: t } : ((t as { command?: unknown; dependencies?: unknown }) ?? {});
    if (Array.isArray(def.dependencies))
      for (const dep of def.dependencies) if (typeof dep === 'string') visit(dep, d + 1);
    if (typeof def.command !== 'string') return;
    const line = lineOf(text, new RegExp(`^\\s*"${escapeRe(task)}"\\s*:`)) ?? 1;
    blocks.push({ path, line, text: def.command, via: `deno task ${task}`, cwd: dirOf(path) });
  };
  visit(name, 0);
  return blocks.length ? { blocks } : { unresolved: `${path} has no task "${name}"` };
};
