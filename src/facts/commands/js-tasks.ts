/**
 * JavaScript task runners: gulp tasks (`gulp.task('lint', lint)`, `export const test = series(…)`,
 * `exports.default = …`, gulp 3 dependency arrays) and Grunt aliases (`grunt.registerTask('test',
 * ['eslint', 'mochaTest'])`, plugin tasks, shell/exec targets), down to what their functions run
 * (js-code.ts). Each command is cited at the line of the file that starts it.
 */
import { memo } from '../../util/memo.js';
import { functionAt, splitTop } from '../tests/js-values.js';
import { matchBracket } from '../tests/mask.js';
import { commandsIn, type JsCommand, type JsProgram, jsProgram, pluginTools, stringAt } from './js-code.js';
import { dirOf, type Expansion, findIn, flagValue, joinPath, positionals, type Resolver } from './types.js';
import { escapeRe } from '../../util/regex.js';
import { table } from '../../util/table.js';

const GULPFILES = [
  'gulpfile.js',
  'gulpfile.mjs',
  'gulpfile.cjs',
  'gulpfile.ts',
  'gulpfile.mts',
  'gulpfile.babel.js',
  'gulpfile.esm.js',
  'Gulpfile.js',
  'gulpfile.js/index.js',
  'gulpfile.ts/index.ts',
];

/** A task: the code of its definition (a function, `series(…)`, a name) and gulp 3 dependencies. */
interface Task {
  deps: string[];
  expr?: [number, number];
}

function gulpTasks(p: JsProgram): Map<string, Task> {
  const { code, text } = p;
  const tasks = new Map<string, Task>();
  const str = (at: number) => stringAt(code, text, at)?.value;
  const exprTo = (from: number) => statementEnd(code, from);
  // gulp.task('name', fn) / task('name', series(…)) / gulp 3: task('name', ['dep'], fn).
  for (const m of code.matchAll(/(?<![\w$.])(?:[\w$]+\s*\.\s*)?task\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(code, open);
    if (close < 0) continue;
    const args = splitTop(code, open + 1, close - 1);
    const name = args[0] ? str(skipWs(code, args[0][0])) : undefined;
    if (!name || args.length < 2) continue;
    const second = skipWs(code, args[1]![0]);
    if (code[second] === '[') {
      const deps = strings(p, second);
      tasks.set(name, { deps, ...(args[2] ? { expr: args[2] } : {}) });
    } else tasks.set(name, { deps: [], expr: args[1]! });
  }
  // exports.lint = …, module.exports.lint = …, export const lint = …, export default …
  for (const m of code.matchAll(
    /(?<![\w$.])(?:module\s*\.\s*)?exports\s*\.\s*([\w$]+)\s*=(?!=)|\bexport\s+(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=|\bexport\s+(default)\s+(?!function\b|async\b)/g,
  )) {
    const from = m.index + m[0].length;
    tasks.set((m[1] ?? m[2] ?? m[3])!, { deps: [], expr: [from, exprTo(from)] });
  }
  for (const m of code.matchAll(/\bexport\s+(default\s+)?(?:async\s+)?function\s*\*?\s*([\w$]*)/g)) {
    const name = m[1] ? 'default' : m[2];
    const at = m.index + m[0].length - (m[2]?.length ?? 0);
    if (name && m[2]) tasks.set(name, { deps: [], expr: [at, at + m[2].length] });
  }
  // export { lint, test as ci }, module.exports = { lint, default: build }
  for (const m of code.matchAll(/\bexport\s*\{([^}]*)\}(?!\s*from)/g)) {
    for (const part of m[1]!.split(',')) {
      const [local, exported] = part.trim().split(/\s+as\s+/);
      if (!local) continue;
      const at = m.index + m[0].indexOf(local);
      tasks.set(exported ?? local, { deps: [], expr: [at, at + local.length] });
    }
  }
  for (const m of code.matchAll(/(?<![\w$.])module\s*\.\s*exports\s*=\s*\{/g)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(code, open);
    if (close < 0) continue;
    for (const [a, b] of splitTop(code, open + 1, close - 1)) {
      const kv = /^\s*([\w$]+)\s*(?::\s*)?/.exec(code.slice(a, b));
      if (!kv) continue;
      const shorthand = !code.slice(a, b).includes(':');
      tasks.set(kv[1]!, { deps: [], expr: shorthand ? [a, b] : [a + kv[0].length, b] });
    }
  }
  return tasks;
}

const skipWs = (code: string, i: number) => {
  while (/\s/.test(code[i] ?? '')) i++;
  return i;
};

function statementEnd(code: string, from: number): number {
  let depth = 0;
  for (let k = from; k < code.length; k++) {
    const c = code[k]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (--depth < 0) return k;
    } else if (depth === 0 && c === ';') return k;
    else if (depth === 0 && c === '\n' && !/[=(,[{.?:&|+]\s*$/.test(code.slice(from, k))) {
      const next = /^\s*(.)/.exec(code.slice(k, k + 200))?.[1] ?? '';
      if (!/[.?:&|+)]/.test(next)) return k;
    }
  }
  return code.length;
}

/** The string items of the array literal at `open`. */
function strings(p: JsProgram, open: number): string[] {
  const close = matchBracket(p.code, open);
  if (close < 0) return [];
  return splitTop(p.code, open + 1, close - 1)
    .map(([a]) => stringAt(p.code, p.text, skipWs(p.code, a))?.value)
    .filter((s): s is string => s !== undefined);
}

/** The commands of a task expression: a function, `series`/`parallel` of names and functions, a name. */
function exprCommands(
  p: JsProgram,
  tasks: Map<string, Task>,
  from: number,
  to: number,
  label: string,
  seen: Set<string>,
  out: (c: JsCommand, label: string) => void,
  depth = 0,
): void {
  if (depth > 8) return;
  const { code } = p;
  const at = skipWs(code, from);
  const src = code.slice(at, to).trimEnd();
  const lit = stringAt(code, p.text, at);
  if (lit && at + src.length === lit.end) {
    taskCommands(p, tasks, lit.value, seen, out, depth + 1);
    return;
  }
  const combinator = /^(?:[\w$]+\s*\.\s*)?(?:series|parallel)\s*\(/.exec(src);
  if (combinator) {
    const open = at + combinator[0].length - 1;
    const close = matchBracket(code, open);
    if (close < 0) return;
    for (const [a, b] of splitTop(code, open + 1, close - 1)) exprCommands(p, tasks, a, b, label, seen, out, depth + 1);
    return;
  }
  const ident = /^[\w$]+$/.exec(src)?.[0];
  if (ident) {
    const fn = p.fns.find((f) => f.name === ident);
    if (fn) {
      for (const c of commandsIn(p, fn.open, fn.to, label)) out(c, label);
      return;
    }
    const decl = new RegExp(`\\b(?:const|let|var)\\s+${ident.replace(/\$/g, '\\$')}\\s*=`).exec(code);
    if (decl) {
      const start = decl.index + decl[0].length;
      exprCommands(p, tasks, start, statementEnd(code, start), label, seen, out, depth + 1);
    } else if (tasks.has(ident) && !seen.has(ident)) taskCommands(p, tasks, ident, seen, out, depth + 1);
    return;
  }
  const fn = functionAt(code, at, at + src.length);
  const [a, b] = fn ? [fn.body, fn.bodyEnd] : [at, at + src.length];
  for (const c of commandsIn(p, a, b, label)) out(c, label);
}

function taskCommands(
  p: JsProgram,
  tasks: Map<string, Task>,
  name: string,
  seen: Set<string>,
  out: (c: JsCommand, label: string) => void,
  depth = 0,
): void {
  const t = tasks.get(name);
  if (!t || seen.has(name)) return;
  seen.add(name);
  for (const d of t.deps) taskCommands(p, tasks, d, seen, out, depth + 1);
  if (t.expr) exprCommands(p, tasks, t.expr[0], t.expr[1], `gulp ${name}`, seen, out, depth + 1);
}

function toExpansion(path: string, cmds: [JsCommand, string][]): Expansion {
  const cwd = dirOf(path).replace(/(?:^|\/)gulpfile\.[jt]s$/, '');
  const out: Expansion = { blocks: [], commands: [] };
  for (const [c, via] of cmds) {
    if (c.tools)
      out.commands!.push({ argv: [c.text], hop: { path, line: c.line, text: c.text, via }, cwd, tools: c.tools });
    else out.blocks!.push({ path, line: c.line, text: c.text, via, cwd });
  }
  return out;
}

/** `gulp [task…]` (also `npx gulp`, `pipenv run gulp`): the commands of the tasks in the gulpfile. */
export const gulpResolver: Resolver = (argv, { files, cwd }) => {
  if (argv[0]!.replace(/^.*\//, '') !== 'gulp') return undefined;
  const dir = joinPath(cwd, flagValue(argv, ['--cwd']) ?? '');
  const given = flagValue(argv, ['--gulpfile', '-f']);
  const path = given ? joinPath(dir, given) : findIn(files, dir, GULPFILES);
  if (!path || !files.exists(path)) return { unresolved: `no gulpfile in ${dir || 'the root'}` };
  const parsed = memo(files, `commands:gulp:${path}`, () => {
    const p = jsProgram(files.read(path) ?? '');
    return { p, tasks: gulpTasks(p) };
  });
  const wanted = positionals(argv.slice(1), ['--gulpfile', '-f', '--cwd', '--require', '--color', '--depth']);
  const names = wanted.length ? wanted.filter((n) => parsed.tasks.has(n)) : ['default'];
  const cmds: [JsCommand, string][] = [];
  const seen = new Set<string>();
  for (const n of names) taskCommands(parsed.p, parsed.tasks, n, seen, (c, via) => cmds.push([c, via]));
  if (names.length === 0 || !parsed.tasks.has(names[0]!))
    return { unresolved: `${path} has no task ${wanted.join(' ') || 'default'}` };
  return toExpansion(path, cmds);
};

/** Grunt tasks of the common plugins, by the task name they register. */
const GRUNT_TASKS: Record<string, string> = table({
  eslint: 'grunt-eslint',
  jshint: 'grunt-contrib-jshint',
  tslint: 'grunt-tslint',
  stylelint: 'grunt-stylelint',
  mochaTest: 'grunt-mocha-test',
  mocha: 'grunt-mocha',
  mocha_istanbul: 'grunt-mocha-istanbul',
  simplemocha: 'grunt-simple-mocha',
  mochacli: 'grunt-mocha-cli',
  karma: 'grunt-karma',
  jasmine: 'grunt-contrib-jasmine',
  jest: 'grunt-jest',
  qunit: 'grunt-contrib-qunit',
  protractor: 'grunt-protractor-runner',
  ts: 'grunt-ts',
});

/** `grunt [task[:target]…]`: aliases (`registerTask(name, [tasks])`), plugin tasks, shell/exec targets. */
export const gruntResolver: Resolver = (argv, { files, cwd }) => {
  if (argv[0]!.replace(/^.*\//, '') !== 'grunt') return undefined;
  const path = findIn(files, cwd, [
    'Gruntfile.js',
    'gruntfile.js',
    'Gruntfile.cjs',
    'Gruntfile.ts',
    'Gruntfile.coffee',
  ]);
  if (!path) return { unresolved: `no Gruntfile in ${cwd || 'the root'}` };
  const p = memo(files, `commands:grunt:${path}`, () => jsProgram(files.read(path) ?? ''));
  const { code } = p;
  const aliases = new Map<string, { list: string[]; fn?: [number, number] }>();
  for (const m of code.matchAll(/\bregisterTask\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(code, open);
    if (close < 0) continue;
    const args = splitTop(code, open + 1, close - 1);
    const name = args[0] ? stringAt(code, p.text, skipWs(code, args[0][0]))?.value : undefined;
    const last = args[args.length - 1];
    if (!name || !last || args.length < 2) continue;
    const at = skipWs(code, last[0]);
    if (code[at] === '[') aliases.set(name, { list: strings(p, at) });
    else aliases.set(name, { list: [], fn: last });
  }
  const out: [JsCommand, string][] = [];
  const seen = new Set<string>();
  const visit = (full: string, depth: number) => {
    const [name, target] = full.split(':') as [string, string | undefined];
    if (seen.has(full) || depth > 6) return;
    seen.add(full);
    const alias = aliases.get(name);
    if (alias) {
      alias.list.forEach((n) => visit(n, depth + 1));
      if (alias.fn) {
        // `grunt.task.run(['a', 'b'])` inside a task function runs those tasks.
        for (const m of code.slice(alias.fn[0], alias.fn[1]).matchAll(/\btask\s*\.\s*run\s*\(\s*/g)) {
          const at = alias.fn[0] + m.index + m[0].length;
          if (code[at] === '[') strings(p, at).forEach((n) => visit(n, depth + 1));
          else {
            const s = stringAt(code, p.text, at)?.value;
            if (s) visit(s, depth + 1);
          }
        }
        for (const c of commandsIn(p, alias.fn[0], alias.fn[1], `grunt ${name}`)) out.push([c, `grunt ${name}`]);
      }
      return;
    }
    const line = p.lineAt(configKey(code, name) ?? 0);
    if (name === 'shell' || name === 'exec' || name === 'run') {
      for (const c of gruntShell(p, name, target)) out.push([c, `grunt ${full}`]);
      return;
    }
    const plugin = GRUNT_TASKS[name];
    const tools = plugin ? pluginTools(plugin, `${plugin} runs it as grunt task ${name}`) : undefined;
    if (tools?.length) out.push([{ line, text: full, tools }, `grunt ${full}`]);
  };
  const wanted = positionals(argv.slice(1), ['--gruntfile', '--base']);
  for (const n of wanted.length ? wanted : ['default']) visit(n, 0);
  return out.length
    ? toExpansion(path, out)
    : { unresolved: `${path}: task ${wanted.join(' ') || 'default'} not followed` };
};

/**
 * Offset of `key:` in the config object (for the citation), if written. The key is a task name the
 * Gruntfile wrote (`registerTask('test', ['a(b'])`): matched literally, never as a pattern.
 */
function configKey(code: string, key: string): number | undefined {
  const m = new RegExp(`(?<![\\w$.])['"]?${escapeRe(key)}['"]?\\s*:\\s*\\{`).exec(code);
  return m?.index;
}

/** The commands of grunt-shell / grunt-exec targets: `shell: { lint: { command: 'eslint .' } }`. */
function gruntShell(p: JsProgram, task: string, target: string | undefined): JsCommand[] {
  const { code } = p;
  const at = configKey(code, task);
  if (at === undefined) return [];
  const open = code.indexOf('{', at);
  const close = matchBracket(code, open);
  if (close < 0) return [];
  const out: JsCommand[] = [];
  for (const [a, b] of splitTop(code, open + 1, close - 1)) {
    const kv = /^\s*['"]?([\w$-]+)['"]?\s*:\s*/.exec(code.slice(a, b));
    if (!kv || (target && kv[1] !== target) || kv[1] === 'options') continue;
    const v = a + kv[0].length;
    const body = code[v] === '{' ? /(?<![\w$])(?:command|cmd)\s*:\s*/.exec(code.slice(v, b)) : null;
    const from = body ? v + body.index + body[0].length : v;
    for (const s of code[from] === '[' ? strings(p, from) : [stringAt(code, p.text, from)?.value])
      if (s) out.push({ line: p.lineAt(from), text: s });
  }
  return out;
}
