/**
 * Task files: Makefile targets (prerequisites first, variables substituted, `include`d files,
 * the first target by default), justfile recipes (with dependencies), Taskfile tasks (`deps`,
 * `task:` calls) and Rake tasks (RSpec/RuboCop/Minitest task classes). Each recipe line is followed
 * as shell where it is written.
 */
import type { FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import { parseYamlWithLines } from '../../util/yaml-lines.js';
import { type Block, dirOf, type Expansion, findIn, flagValue, joinPath, positionals, type Resolver } from './types.js';

interface Target {
  name: string;
  path: string;
  line: number;
  deps: string[];
  /** Recipe lines with their numbers, variables substituted (a line of a `define` cites its own file). */
  recipe: RecipeLine[];
  /** `$(eval NAME=value)` in the recipe: variables set for the recipes make expands after it. */
  evals?: [string, string][];
  /** The recipe with its macros expanded, computed when a resolution first reads the target (recipeOf). */
  expand?: () => RecipeLine[];
}

interface RecipeLine {
  text: string;
  line: number;
  /** Where the line is written, when not in the target's file (a `define` of an included file). */
  path?: string;
  /** `$(call NAME,args)` or `$(NAME)` alone on the line: a macro, expanded once the whole file is read. */
  call?: { name: string; args: string[] };
}

/** A `define NAME … endef` body: its recipe lines as written, with their numbers. */
interface Define {
  path: string;
  body: { text: string; line: number }[];
}

/** Bounds of macro expansion: nesting, and lines one recipe line may become. */
const CALL_DEPTH = 4;
const CALL_LINES = 200;
/** How many lines one `define` may hold (a longer body is read to its first 400 lines). */
const DEFINE_LINES = 400;
/** Body lines macro expansion may produce in one parse of a Makefile, over all its targets. */
const EXPANDED_LINES = CALL_LINES * 50;

/** A recipe line that is one macro: `$(call test_core)`, `$(call run,unit)`, `$(test_core)`, `${call x}`. */
const CALL_LINE = /^\$[({](?:call\s+)?([A-Za-z_][\w.-]*)\s*(?:,([^(){}]*))?[)}]$/;

interface Makefile {
  targets: Map<string, Target>;
  /** Pattern rules (`test-%:`), tried when no target has the name. */
  patterns: Target[];
  first?: string;
}

const MAKE_NAMES = ['GNUmakefile', 'makefile', 'Makefile'];

function parseMakefile(
  files: FileView,
  path: string,
  depth = 0,
  vars = new Map<string, string>(),
  fixed: ReadonlySet<string> = new Set(),
  defines = new Map<string, Define>(),
  late: { r: RecipeLine; raw: string }[] = [],
): Makefile {
  const out: Makefile = { targets: new Map(), patterns: [] };
  const text = files.read(path);
  if (text === undefined) return out;
  const lines = text.split(/\r?\n/);
  let cur: Target | undefined;
  const subst = (s: string) => {
    for (let pass = 0; pass < 4 && /\$[({]\w+[)}]/.test(s); pass++)
      s = s.replace(/\$[({](\w+)[)}]/g, (m, k: string) => (k === 'MAKE' ? 'make' : (vars.get(k) ?? m)));
    // What is left is a variable of the environment or of make itself: a shell variable to sh, `$$` a literal `$`.
    return s.replace(/\$[({](\w+)[)}]/g, '$$$1').replace(/\$\$/g, '$');
  };
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    while (/\\$/.test(l) && i + 1 < lines.length) l = `${l.slice(0, -1)} ${lines[++i]!.trim()}`;
    // `define NAME … endef`: a macro that recipes run with `$(call NAME)` (GNU make's canned recipes,
    // blind round 29: mCaptcha's `test:` target is five `$(call test_…)` lines whose bodies run
    // `yarn test` and `cargo test`). Its body is no target and no recipe of the target above it.
    const def = /^(?:override\s+|export\s+)?define\s+([A-Za-z_][\w.-]*)/.exec(l);
    if (def) {
      const body: Define['body'] = [];
      for (i++; i < lines.length && !/^\s*endef\b/.test(lines[i]!); i++) {
        const at = i + 1;
        let b = lines[i]!;
        while (/\\$/.test(b) && i + 1 < lines.length && !/^\s*endef\b/.test(lines[i + 1]!))
          b = `${b.slice(0, -1)} ${lines[++i]!.trim()}`;
        const t = b
          .trim()
          .replace(/^[@+-]+/, '')
          .trim();
        if (t && !t.startsWith('#') && body.length < DEFINE_LINES) body.push({ text: t, line: at });
      }
      defines.set(def[1]!, { path, body });
      cur = undefined;
      continue;
    }
    if (l.startsWith('\t')) {
      const t = l.trim().replace(/^[@+-]+/, '');
      // `$(shell gofmt -l .)` in a recipe: make runs the command while expanding the line, as sh runs `$(…)`.
      if (!cur || !t || t.startsWith('#')) continue;
      // `$(eval ENGINERUN= )` is make's, not the shell's: it sets a variable for the recipes expanded after
      // this one (`make local build`, where `local` empties a `docker run … image` prefix).
      let rest = t;
      for (const e of t.matchAll(/\$\(eval\s+([A-Za-z_]\w*)\s*[:?]?=([^()]*)\)/g)) {
        (cur.evals ??= []).push([e[1]!, subst(e[2]!).trim()]);
        rest = rest.replace(e[0], '');
      }
      rest = rest.trim().replace(/^[@+-]+/, '');
      const call = CALL_LINE.exec(rest);
      if (call && !vars.has(call[1]!))
        cur.recipe.push({
          text: shellSubst(subst(rest)),
          line: i + 1 - countBack(lines, i),
          call: { name: call[1]!, args: (call[2] ?? '').split(',').map((a) => subst(a.trim())) },
        });
      else if (rest) {
        const r: RecipeLine = { text: shellSubst(subst(rest)), line: i + 1 - countBack(lines, i) };
        cur.recipe.push(r);
        // Read again once the whole file is: make expands a recipe when it runs it, with every
        // definition of the file, also those written below the target.
        if (/\$[({]\w+[)}]/.test(rest)) late.push({ r, raw: rest });
      }
      continue;
    }
    const v = /^(?:export\s+|override\s+)?([A-Za-z_]\w*)\s*(?:\?|:|::|\+)?=\s*(.*)$/.exec(l);
    if (v) {
      // A variable given on make's command line (`make test TEST_FLAGS=-cover`) overrides the file's.
      if (!fixed.has(v[1]!) && (!vars.has(v[1]!) || !/\?=/.test(l)))
        vars.set(v[1]!, programOf(v[2]!.replace(/\s+#.*$/, '').trim()));
      cur = undefined;
      continue;
    }
    const inc = /^-?include\s+(.+)$/.exec(l);
    if (inc && depth < 3) {
      for (const rel of subst(inc[1]!).split(/\s+/)) {
        const glob = joinPath(dirOf(path), rel);
        for (const p of /[*?]/.test(glob) ? files.match(glob) : files.exists(glob) ? [glob] : []) {
          const sub = parseMakefile(files, p, depth + 1, vars, fixed, defines, late);
          for (const [k, t] of sub.targets) if (!out.targets.has(k)) out.targets.set(k, t);
          out.patterns.push(...sub.patterns);
        }
      }
      continue;
    }
    // A comment after the prerequisites (`lint: ## Run golangci-lint`, self-documenting help) is no prerequisite.
    const t = /^([^\s:#=][^:#=]*?)\s*::?(?!=)\s*([^=;#]*)(?:;(.*)|#.*)?$/.exec(l);
    if (t && !l.startsWith(' ')) {
      const deps = subst(t[2]!)
        .split(/\s+/)
        .filter((d) => d && !d.startsWith('|') && !d.includes('%'));
      cur = undefined;
      for (const name of subst(t[1]!).split(/\s+/)) {
        if (!name || name.startsWith('.')) continue;
        if (name.includes('%')) {
          // A pattern rule of phony-like targets (`test-%:`); file patterns (`%.o: %.c`) match no task name.
          if (!/[/.]/.test(name)) out.patterns.push((cur = { name, path, line: i + 1, deps, recipe: [] }));
          continue;
        }
        const prev = out.targets.get(name);
        const target = prev ?? { name, path, line: i + 1, deps: [], recipe: [] };
        target.deps.push(...deps);
        if (t[3]?.trim()) target.recipe.push({ text: subst(t[3].trim()), line: i + 1 });
        out.targets.set(name, target);
        out.first ??= name;
        cur = target;
      }
      continue;
    }
    if (l.trim() && !l.startsWith('#')) cur = undefined;
  }
  // Macros are expanded where a recipe runs them, with the definitions of the whole file (a `define`
  // may follow its use); an undefined one stays a line for the shell to fail on, as make leaves it empty.
  // Only the targets a resolution reads are expanded, from one budget for the whole file: expanding
  // every target up front multiplied each by its macros (3,200 targets of ten calls: 6.4 s, 620 MB).
  if (depth === 0) {
    // A variable defined below the recipe that uses it (`GOTESTSUM ?= $(LOCALBIN)/gotestsum` after
    // `test:`, blind round 48): recipe lines are substituted again with the file's final variables.
    for (const { r, raw } of late) r.text = shellSubst(subst(raw));
    const budget = { left: EXPANDED_LINES };
    for (const t of [...out.targets.values(), ...out.patterns])
      if (t.recipe.some((r) => r.call)) {
        const raw = t.recipe;
        t.expand = () => {
          const start = Math.min(CALL_LINES * 10, budget.left);
          const perTarget = { left: start };
          const lines = raw.flatMap((r) => expandCall(r, defines, subst, 0, perTarget));
          budget.left -= start - Math.max(0, perTarget.left);
          return lines;
        };
      }
  }
  return out;
}

/**
 * A recipe line that calls a macro, replaced by the macro's body: `$(1)`…`$(9)` are the call's
 * arguments, the file's variables substituted; a body line that calls another macro is expanded in
 * turn, at most CALL_DEPTH deep, CALL_LINES lines per call and a budget of body lines read per
 * target (macros that each call others many times would multiply). A name no `define` gives is left
 * as written (`$(MAKE)` alone on a line is make itself).
 */
function expandCall(
  r: RecipeLine,
  defines: ReadonlyMap<string, Define>,
  subst: (s: string) => string,
  depth: number,
  budget: { left: number },
): RecipeLine[] {
  if (!r.call) return [r];
  const d = defines.get(r.call.name);
  if (!d) return [{ text: r.text, line: r.line, ...(r.path ? { path: r.path } : {}) }];
  if (depth >= CALL_DEPTH) return [];
  const args = r.call.args;
  const out: RecipeLine[] = [];
  for (const b of d.body) {
    if (budget.left-- <= 0) return out;
    const text = b.text.replace(/\$[({]([1-9])[)}]/g, (_m, n: string) => args[Number(n) - 1] ?? '');
    const call = CALL_LINE.exec(text);
    const line: RecipeLine = call
      ? {
          text: shellSubst(subst(text)),
          line: b.line,
          call: { name: call[1]!, args: (call[2] ?? '').split(',').map((a) => subst(a.trim())) },
        }
      : { text: shellSubst(subst(text)), line: b.line };
    line.path = d.path;
    for (const x of expandCall(line, defines, subst, depth + 1, budget)) {
      if (out.length >= CALL_LINES) return out;
      out.push(x);
    }
  }
  return out;
}

/** A target's recipe lines, its macros expanded the first time it is read. */
function recipeOf(t: Target): RecipeLine[] {
  if (t.expand) {
    t.recipe = t.expand();
    delete t.expand;
  }
  return t.recipe;
}

/** The pattern rule a name matches, its recipe with `$*` (the stem) and `$@` (the name) filled in. */
function patternTarget(mk: Makefile, name: string): Target | undefined {
  for (const p of mk.patterns) {
    const [pre, post] = p.name.split('%') as [string, string];
    if (!name.startsWith(pre) || !name.endsWith(post) || name.length <= pre.length + post.length) continue;
    const stem = name.slice(pre.length, name.length - post.length);
    const fill = (s: string) => s.replace(/\$\*|\$\{\*\}|\$\(\*\)/g, stem).replace(/\$@/g, name);
    const { expand: _expand, ...rule } = p;
    return { ...rule, name, deps: p.deps, recipe: recipeOf(p).map((r) => ({ ...r, text: fill(r.text) })) };
  }
  return undefined;
}

/** A continued recipe line is cited at its first line. */
function countBack(lines: string[], i: number): number {
  let n = 0;
  while (i - n - 1 >= 0 && /\\$/.test(lines[i - n - 1]!) && lines[i - n - 1]!.startsWith('\t')) n++;
  return n;
}

function makefile(files: FileView, path: string, overrides: [string, string][] = []): Makefile {
  const key = `commands:make:${path}:${JSON.stringify(overrides)}`;
  return memo(files, key, () => parseMakefile(files, path, 0, new Map(overrides), new Set(overrides.map(([k]) => k))));
}

/**
 * The recipe lines of one target of a Makefile (`run:` ⏎ `\tpython -m manage runserver`), its
 * variables substituted and pattern rules tried: the same parse the command graph follows.
 */
export function makeRecipe(files: FileView, path: string, target: string): string[] {
  const mk = makefile(files, path);
  const t = mk.targets.get(target) ?? patternTarget(mk, target);
  return t ? recipeOf(t).map((r) => r.text) : [];
}

/** The targets a Makefile declares (its includes' too), each where it is first written: the memoised parse. */
export function makeTargetLines(files: FileView, path: string): { name: string; path: string; line: number }[] {
  return [...makefile(files, path).targets.values()].map((t) => ({ name: t.name, path: t.path, line: t.line }));
}

/** `make [-C dir] [-f file] targets…` (and `$(MAKE)`): the recipes of the targets and their prerequisites. */
export const makeTargets: Resolver = (argv, { files, cwd }) => {
  if (!['make', 'gmake', 'mingw32-make'].includes(argv[0]!)) return undefined;
  const dir = joinPath(cwd, flagValue(argv, ['-C', '--directory']) ?? '');
  const file = flagValue(argv, ['-f', '--file', '--makefile']);
  // make reads the Makefile of the directory it runs in, never one further up.
  const path = file ? joinPath(dir, file) : MAKE_NAMES.map((n) => joinPath(dir, n)).find((p) => files.exists(p));
  if (!path || !files.exists(path))
    return { unresolved: `no Makefile in ${dir || 'the root'} (generated at build time?)`, absent: true };
  const overrides = argv
    .slice(1)
    .filter((w) => /^[A-Za-z_]\w*=/.test(w))
    .slice(0, 8)
    .map((w): [string, string] => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
  let mk = makefile(files, path, overrides);
  const wanted = positionals(argv.slice(1), [
    '-C',
    '--directory',
    '-f',
    '--file',
    '-j',
    '--jobs',
    '-l',
    '-o',
    '-W',
  ]).filter((w) => !w.includes('='));
  const names = wanted.length ? wanted : mk.first ? [mk.first] : [];
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const visit = (name: string, depth: number) => {
    const t = mk.targets.get(name) ?? patternTarget(mk, name);
    if (!t || seen.has(name) || depth > 6) return;
    seen.add(name);
    for (const d of t.deps) visit(d, depth + 1);
    for (const r of recipeOf(t))
      blocks.push({ path: r.path ?? t.path, line: r.line, text: r.text, via: `make ${name}`, cwd: dirOf(path) });
    // The targets make runs after this one see the variables its `$(eval …)` set (a prefix target
    // `local` emptying a container wrapper): the file is read again with them fixed, as command-line ones are.
    // At most four re-reads per resolution, and only when an eval changes a value: a Makefile of
    // thousands of targets each with an eval was read once per target (6,400: 4.1 s, 162 MB).
    const changes = t.evals?.some(
      ([k, v]) => !overrides.some(([o]) => o === k) && evals.find(([e]) => e === k)?.[1] !== v,
    );
    if (changes && reparses++ < 4) {
      const fixedNow = new Map([...overrides, ...evals]);
      for (const [k, v] of t.evals!) if (!overrides.some(([o]) => o === k)) fixedNow.set(k, v);
      evals.splice(0, evals.length, ...[...fixedNow].filter(([k]) => !overrides.some(([o]) => o === k)));
      mk = makefile(files, path, [...fixedNow].slice(0, 16));
    }
  };
  const evals: [string, string][] = [];
  let reparses = 0;
  const missing = names.filter((n) => !mk.targets.has(n) && !patternTarget(mk, n));
  for (const n of names) visit(n, 0);
  if (blocks.length === 0 && missing.length) return { unresolved: `${path} has no target ${missing.join(', ')}` };
  return { blocks };
};

interface Recipe {
  name: string;
  line: number;
  deps: string[];
  body: { text: string; line: number }[];
}

/**
 * A recipe line with just's `{{ … }}` interpolations read: a variable the justfile assigns a
 * string, or a conditional of strings, is its value (`{{ test_docker }}` → the command it holds;
 * `{{ setup-msvc }} cargo clippy` → `cargo clippy` where the value is empty on Linux); any other
 * `{{args}}` is a value (`$args`); a conditional inside a line (`uv run {{ if python != '' {
 * '-p ' + python } else { '' } }} pytest`) adds options or nothing, so it is dropped; a line that
 * is one conditional runs the command its first branch names (`{{ if cleanup == "true" { "uv run
 * coverage combine" } else { "" } }}`).
 */
function justInterpolated(line: string, vars: ReadonlyMap<string, string> = new Map()): string {
  if (!line.includes('{{')) return line;
  const whole = /^\{\{\s*if\b[^{]*\{\s*(["'])(.*?)\1\s*\}/.exec(line);
  if (whole && /\}\}\s*$/.test(line)) return whole[2]!;
  const named = line.replace(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, (_, name: string) => vars.get(name) ?? `$${name}`);
  return withoutInterpolations(named)
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * A line with each `{{ … }}` left out, up to the first `}}` after its `{{` (what
 * `/\{\{(?:[^}]|\}(?!\}))*\}\}/g` removed). Found by indexOf: that pattern scanned from every `{{` to the
 * end of a line whose braces never close, quadratic (a 300 KB line of `{{ ` took 90 s).
 */
function withoutInterpolations(line: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = line.indexOf('{{', from);
    const close = open < 0 ? -1 : line.indexOf('}}', open + 2);
    if (close < 0) return out + line.slice(from);
    out += line.slice(from, open);
    from = close + 2;
  }
}

/**
 * The value of a justfile assignment (`name := …`) as CI on Linux sees it: a string literal; or a
 * conditional `if COND { "a" } else { "b" }` — on the operating system when COND tests it
 * (`os_family() == "windows"` is false, `os() == "linux"` true), else its first branch, as a
 * whole-line conditional is read. Undefined for anything else (a backtick command, a concatenation).
 */
function justValue(expr: string): string | undefined {
  const e = expr.trim().slice(0, 1000);
  const lit = /^(?:"([^"\n]*)"|'([^'\n]*)')$/.exec(e);
  if (lit) return lit[1] ?? lit[2]!;
  const cond =
    /^if\s+([^{}]{1,200})\{\s*(?:"([^"\n]*)"|'([^'\n]*)')\s*\}\s*else\s*\{\s*(?:"([^"\n]*)"|'([^'\n]*)')\s*\}$/.exec(e);
  if (!cond) return undefined;
  const then = cond[2] ?? cond[3]!;
  const otherwise = cond[4] ?? cond[5]!;
  const os = /^(os_family|os)\(\)\s*(==|!=)\s*["'](\w+)["']\s*$/.exec(cond[1]!.trim());
  if (!os) return then;
  const here = os[1] === 'os' ? 'linux' : 'unix';
  const holds = (os[3] === here) === (os[2] === '==');
  return holds ? then : otherwise;
}

/** Recipe attributes that keep a recipe off Linux (`[windows]`, `[macos]`): CI on Linux runs the other definition. */
const NOT_LINUX = /^\[\s*(?:windows|macos)\s*\]\s*$/;

function parseJustfile(text: string): { recipes: Map<string, Recipe>; first?: string } {
  const recipes = new Map<string, Recipe>();
  const offLinux = new Set<Recipe>();
  const vars = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (const l of lines) {
    const a = /^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.+)$/.exec(l);
    if (!a || vars.size >= 200) continue;
    const v = justValue(a[2]!);
    if (v !== undefined) vars.set(a[1]!, v);
  }
  let first: string | undefined;
  let cur: Recipe | undefined;
  let attrOffLinux = false;
  lines.forEach((l, i) => {
    if (/^\s+\S/.test(l)) {
      const t = justInterpolated(l.trim(), vars).replace(/^[@-]+/, '');
      if (cur && t && !t.startsWith('#')) cur.body.push({ text: t, line: i + 1 });
      return;
    }
    cur = undefined;
    if (/^\[/.test(l)) {
      if (NOT_LINUX.test(l)) attrOffLinux = true;
      return;
    }
    const offHere = attrOffLinux;
    if (/\S/.test(l) && !/^#/.test(l)) attrOffLinux = false;
    const h = /^@?([A-Za-z_][\w-]*)((?:\s+[+*$]?[\w-]+(?:=(?:"[^"]*"|'[^']*'|\S+))?)*)\s*:(?!=)(.*)$/.exec(l);
    if (!h) return;
    const deps = [...h[3]!.matchAll(/\(?\s*([A-Za-z_][\w-]*)/g)].map((m) => m[1]!).filter((d) => d !== '&&');
    cur = { name: h[1]!, line: i + 1, deps, body: [] };
    // A recipe defined per operating system: the Linux one is what CI runs, whichever comes last.
    const had = recipes.get(cur.name);
    if (had && offHere && !offLinux.has(had)) return;
    if (offHere) offLinux.add(cur);
    recipes.set(cur.name, cur);
    first ??= cur.name;
  });
  return { recipes, ...(first ? { first } : {}) };
}

/** `just [recipe…]`: the recipes and their dependencies. */
export const justRecipes: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'just') return undefined;
  const path = findIn(files, cwd, ['justfile', 'Justfile', '.justfile']);
  if (!path) return { unresolved: 'no justfile', absent: true };
  const jf = memo(files, `commands:just:${path}`, () => parseJustfile(files.read(path) ?? ''));
  // Variable overrides come before the recipe: `just python=3.12 test`, `just --set python 3.12 test`
  // (two values); without a recipe named, just runs the first one.
  const args = argv.slice(1);
  const setAt = args.indexOf('--set');
  if (setAt >= 0) args.splice(setAt, 3);
  const pos = positionals(args, ['-f', '--justfile', '-d', '--working-directory']).filter(
    (p) => !/^[A-Za-z_][\w-]*=/.test(p),
  );
  const names = pos.length ? pos.filter((p) => jf.recipes.has(p)).slice(0, 4) : jf.first ? [jf.first] : [];
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const visit = (n: string, d: number) => {
    const r = jf.recipes.get(n);
    if (!r || seen.has(n) || d > 6) return;
    seen.add(n);
    for (const dep of r.deps) visit(dep, d + 1);
    for (const b of r.body) blocks.push({ path, line: b.line, text: b.text, via: `just ${n}`, cwd: dirOf(path) });
  };
  for (const n of names) visit(n, 0);
  return blocks.length ? { blocks } : { unresolved: `${path} has no recipe ${pos.join(' ')}` };
};

/** `task [name…]` (go-task): cmds, deps and `task:` calls of Taskfile.yml. */
export const taskfileTasks: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'task' && argv[0] !== 'go-task') return undefined;
  const path = findIn(files, cwd, [
    'Taskfile.yml',
    'Taskfile.yaml',
    'taskfile.yml',
    'taskfile.yaml',
    'Taskfile.dist.yml',
  ]);
  if (!path) return undefined;
  const parsed = memo(files, `commands:task:${path}`, () => parseYamlWithLines(files.read(path) ?? ''));
  const doc = parsed.docs[0];
  const tasks = (doc?.value as { tasks?: Record<string, unknown> } | undefined)?.tasks ?? {};
  const names = positionals(argv.slice(1), ['-d', '--dir', '-t', '--taskfile']);
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const visit = (n: string, d: number) => {
    if (seen.has(n) || d > 6 || !(n in tasks)) return;
    seen.add(n);
    const t = tasks[n] as { deps?: unknown[]; dir?: string } | undefined;
    for (const dep of Array.isArray(t?.deps) ? t.deps : []) {
      const dn = typeof dep === 'string' ? dep : (dep as { task?: string })?.task;
      if (dn) visit(dn, d + 1);
    }
    const taskDir = typeof t?.dir === 'string' ? joinPath(dirOf(path), t.dir) : dirOf(path);
    for (const s of doc!.scalars) {
      if (s.path[0] !== 'tasks' || s.path[1] !== n) continue;
      const key = s.path[s.path.length - 1];
      const inCmds = s.path[2] === 'cmds' || (typeof t === 'string' && s.path.length === 2);
      if (inCmds && key === 'task') visit(s.value, d + 1);
      else if (inCmds && (key === 'cmd' || /^\d+$/.test(key!) || s.path.length === 2))
        blocks.push({ path, line: s.block ? s.line + 1 : s.line, text: s.value, via: `task ${n}`, cwd: taskDir });
    }
  };
  for (const n of names.length ? names : ['default']) visit(n, 0);
  return blocks.length ? { blocks } : { unresolved: `${path} has no task ${names.join(' ') || 'default'}` };
};

/** Rake task classes that run a tool, and plain `task :x do sh "…" end` bodies. */
const RAKE_CLASSES: [RegExp, string, string[]][] = [
  [/Minitest::TestTask\.create(?:\(\s*:?["']?([\w:.-]*\w))?/, 'test', ['ruby', '-Itest']],
  [/RSpec::Core::RakeTask\.new(?:\(\s*:?["']?([\w:.-]*\w))?/, 'spec', ['rspec']],
  [/RuboCop::RakeTask\.new(?:\(\s*:?["']?([\w:.-]*\w))?/, 'rubocop', ['rubocop']],
  [/Rake::TestTask\.new(?:\(\s*:?["']?([\w:.-]*\w))?/, 'test', ['ruby', '-Itest']],
  [/StandardRB::RakeTask|Standard::RakeTask|require\s*\(?\s*['"]standard\/rake['"]/, 'standard', ['standardrb']],
  [/Cucumber::Rake::Task\.new(?:\(\s*:?["']?([\w:.-]*\w))?/, 'features', ['cucumber']],
  // rake-compiler's extension tasks and the gem tasks of Bundler and RubyGems.
  [/Rake::(?:Java)?ExtensionTask\.new/, 'compile', ['rake-compiler', 'compile']],
  [/require\s*\(?\s*['"]bundler\/gem_tasks['"]/, 'build', ['gem', 'build']],
  [/require\s*\(?\s*['"]bundler\/gem_tasks['"]/, 'release', ['gem', 'push']],
  [/Gem::PackageTask\.new/, 'gem', ['gem', 'build']],
];

/** The .rake files a Rakefile loads or imports, and rake's default rakelib/*.rake (at most 40). */
function rakeImports(files: FileView, rakefile: string, lines: string[]): string[] {
  const dir = dirOf(rakefile);
  const at = (p: string) => (dir ? joinPath(dir, p.replace(/^\.\//, '')) : p.replace(/^\.\//, ''));
  const globs = [at('rakelib/*.rake')];
  for (const l of lines) {
    if (/^\s*#/.test(l) || !/\b(?:Dir\.glob|Dir\[|FileList|import|load|add_rakelib)\b/.test(l)) continue;
    for (const q of l.matchAll(/["']([\w./*{},-]+)["']/g)) {
      const v = q[1]!;
      if (/\.rake$/.test(v)) globs.push(at(v));
      else if (/\badd_rakelib\b/.test(l)) globs.push(at(`${v.replace(/\/$/, '')}/*.rake`));
    }
  }
  return [...new Set(files.match(globs))].filter((p) => p !== rakefile).slice(0, 40);
}

/** `rake [task…]` / `bundle exec rake`: the Rakefile's tasks (default: `task default: […]`). */
export const rakeTasks: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'rake') return undefined;
  const path = findIn(files, cwd, ['Rakefile', 'rakefile', 'Rakefile.rb']);
  if (!path) return undefined;
  const text = files.read(path) ?? '';
  const lines = text.split(/\r?\n/);
  const tasks = new Map<
    string,
    { path: string; line: number; deps: string[]; argv?: string[]; body: { text: string; line: number }[] }
  >();
  const textOf = new Map<string, string[]>([[path, lines]]);
  const parse = (file: string, lines: string[]) => {
    // `namespace :spec do … end` prefixes the tasks defined inside it (`spec:unit`), closed by the
    // `end` at the namespace's own indentation (blind round 8, factory_bot's `task all_specs:
    // %w[spec:unit spec:acceptance features]`).
    const spaces: { name: string; indent: number }[] = [];
    const scoped = (n: string) =>
      spaces.length && !n.includes(':') ? `${spaces.map((x) => x.name).join(':')}:${n}` : n;
    lines.forEach((l, i) => {
      const indent = /^\s*/.exec(l)![0].length;
      if (spaces.length && /^\s*end\b/.test(l) && indent === spaces[spaces.length - 1]!.indent) {
        spaces.pop();
        return;
      }
      const ns = /^\s*namespace\s*\(?\s*:?["']?([\w-]+)["']?\s*\)?\s*(?:do\b|\{)/.exec(l);
      if (ns) {
        spaces.push({ name: ns[1]!, indent });
        return;
      }
      for (const [re, def, run] of RAKE_CLASSES) {
        const m = re.exec(l);
        const name = scoped(m?.[1] ?? def);
        if (m && !tasks.has(name)) tasks.set(name, { path: file, line: i + 1, deps: [], argv: run, body: [] });
      }
      // Names may be namespaced when quoted (`task "spec:isolation" => ["spec:core"]`), symbols otherwise (`task ci: %w[…]`).
      const t =
        /^\s*task\s*(?:\(\s*)?(?::?["']([\w:.-]+)["']|:?(\w+))\s*(?:=>|:)?\s*(?:\[([^\]]*)\]|%[iw]\[([^\]]*)\]|:(\w+)|["']([\w:.-]+)["'])?/.exec(
          l,
        );
      if (t && !/^\s*task\s*(?:\(\s*)?$/.test(l)) {
        const name = scoped((t[1] ?? t[2])!);
        const deps = (t[3] ?? t[4] ?? t[5] ?? t[6] ?? '')
          .split(/[\s,]+/)
          .map((d) => d.replace(/^:|["']/g, ''))
          .filter(Boolean)
          .map(scoped);
        const body: { text: string; line: number }[] = [];
        if (/\bdo\b|\{/.test(l))
          for (let j = i + 1; j < lines.length && !/^\s*end\b/.test(lines[j]!) && !/^\s*task\b/.test(lines[j]!); j++) {
            const sh = /^\s*(?:sh|system)\s*\(?\s*["'](.+?)["']/.exec(lines[j]!);
            if (sh) body.push({ text: sh[1]!, line: j + 1 });
            // `Rake::Task[:spec].invoke` runs that task from this one's body.
            const inv = /\bRake::Task\[\s*:?["']?([\w:.-]+)["']?\s*\]\.(?:invoke|execute)\b/.exec(lines[j]!);
            if (inv) deps.push(inv[1]!);
          }
        const prev = tasks.get(name);
        tasks.set(name, {
          path: prev?.path ?? file,
          line: prev?.line ?? i + 1,
          deps: [...(prev?.deps ?? []), ...deps],
          ...(prev?.argv ? { argv: prev.argv } : {}),
          body: [...(prev?.body ?? []), ...body],
        });
      }
    });
  };
  parse(path, lines);
  // Task files the Rakefile loads (`Dir.glob("tasks/*.rake").each { |f| load f }`,
  // `FileList['tasks/**/*.rake'].each(&method(:import))`, `import "tasks/spec.rake"`,
  // `Rake.add_rakelib "tasks"`) and rake's own rakelib/*.rake add their tasks (blind round 10,
  // tty-prompt's `task ci: %w[ spec ]` whose spec task lives in tasks/spec.rake).
  for (const file of rakeImports(files, path, lines)) {
    const ls = (files.read(file) ?? '').split(/\r?\n/);
    textOf.set(file, ls);
    parse(file, ls);
  }
  // A Rails application's Rakefile only loads its tasks: with rspec-rails in the Gemfile, bare
  // `rake` runs the specs (rspec-rails makes `spec` the default), otherwise `rails test`.
  // `Rails.application.load_tasks` (Rails 6+) and `<App>::Application.load_tasks` both load Rails' tasks.
  const rails = lines.findIndex((l) => /^\s*\w+(?:::\w+)*(?:::Application|\.application)\.load_tasks\b/.test(l));
  const railsTask = (argv: string[]) => ({ path, line: rails + 1, deps: [], argv, body: [] });
  if (rails >= 0) {
    const gemfile = files.read(`${dirOf(path) ? `${dirOf(path)}/` : ''}Gemfile`) ?? '';
    const rspec = /^\s*gem\s+["']rspec-rails["']/m.test(gemfile);
    if (!tasks.has('default')) tasks.set('default', railsTask(rspec ? ['rspec'] : ['rails', 'test']));
    // Rails defines `test` (and `test:models`, …); rspec-rails defines `spec` (and `spec:models`, …): they
    // run the suite (blind round 19, link-checker-api ci.yml `bundle exec rake spec`).
    if (!tasks.has('test')) tasks.set('test', railsTask(['rails', 'test']));
    if (rspec && !tasks.has('spec')) tasks.set('spec', railsTask(['rspec']));
  }
  const names = positionals(argv.slice(1), ['-f', '-I']).filter((w) => !w.includes('='));
  const out: Expansion = { blocks: [], commands: [] };
  const seen = new Set<string>();
  const visit = (n: string, d: number) => {
    // A name inside a namespace is looked up there first, then at the top (as rake does).
    const bare = n.replace(/\[.*$/, '');
    const t =
      tasks.get(bare) ??
      tasks.get(bare.replace(/^.*:/, '')) ??
      (rails >= 0 && /^(?:spec|test):[\w:]+$/.test(bare) ? tasks.get(bare.replace(/:.*$/, '')) : undefined);
    if (!t || seen.has(n) || d > 6) return;
    seen.add(n);
    for (const dep of t.deps) visit(dep, d + 1);
    if (t.argv)
      out.commands!.push({
        argv: t.argv,
        hop: { path: t.path, line: t.line, text: textOf.get(t.path)![t.line - 1]!.trim(), via: `rake ${n}` },
        cwd: dirOf(path),
      });
    for (const b of t.body)
      out.blocks!.push({ path: t.path, line: b.line, text: b.text, via: `rake ${n}`, cwd: dirOf(path) });
  };
  for (const n of names.length ? names : ['default']) visit(n, 0);
  return out.blocks!.length || out.commands!.length
    ? out
    : { unresolved: `${path}: task ${names.join(' ') || 'default'} not found` };
};

/**
 * make's `$(shell …)` in an expanded recipe line, the recipe's own or one a variable brings
 * (`GINKGO_CLI ?= $(LOCALBIN)/ginkgo` with `LOCALBIN ?= $(shell pwd)/bin`; blind round 25,
 * cluster-operator Makefile:46,228): make runs the command while expanding the line, as sh runs
 * `$(…)`; `$(shell pwd)` is the directory make runs in, its CURDIR, so the program is the
 * tool under it (`$CURDIR/bin/ginkgo`), not a command substitution.
 */
function shellSubst(s: string): string {
  return s.replace(/\$\(shell\s+pwd\s*\)/g, '$$CURDIR').replace(/\$\(shell\s+/g, '$$(');
}

/**
 * `BASH ?= $(shell command -v bash 2> /dev/null)` (or `which`, `type -p`): the variable names the
 * program found on PATH, so a recipe `$(BASH) -xe ./scripts/test.sh` runs that program.
 */
function programOf(value: string): string {
  const m = /^\$\(shell\s+(?:command\s+-v|which|type\s+-p)\s+([\w.+-]+)(?:\s+[^)]*)?\)$/.exec(value);
  return m ? m[1]! : value;
}
