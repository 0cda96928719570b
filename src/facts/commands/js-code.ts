/**
 * What a JavaScript build file's functions run, read as text (never loaded): the child processes
 * they start (`spawn('pipenv', ['run', 'coverage', …])`, `execSync('npm test')`, execa, zx,
 * gulp-shell) with their arguments worked out from literals, local arrays and the arguments a
 * local helper is called with (`run(['black', '--check', '.'])` into `spawn('pipenv', cmd)` after
 * `cmd.unshift('run')`), and the tool plugins they call (gulp-eslint, gulp-stylelint, gulp-mocha).
 * Shared by the gulp and Grunt resolvers.
 */
import type { CommandTool } from '../../types.js';
import { lineIndex, mask, matchBracket, SYNTAX } from '../tests/mask.js';
import { type NamedFunction, namedFunctions } from '../tests/js-helpers.js';
import { splitTop } from '../tests/js-values.js';
import { classify } from './tools.js';

/** A command a function runs: shell text (`argv` already joined) at a line of the file. */
export interface JsCommand {
  line: number;
  text: string;
  /** A plugin run in-process: its tools instead of a command line. */
  tools?: CommandTool[];
}

export interface JsProgram {
  text: string;
  code: string;
  fns: NamedFunction[];
  lineAt: (offset: number) => number;
  /** Local name → module it is imported from (`import lint from 'gulp-eslint'`). */
  imports: Map<string, string>;
  /** Local name → child-process API it stands for (`const es = child_process.execSync`). */
  apis: Map<string, Api>;
}

/** `argv`: program and argument list (spawn, execFile, execa); `shell`: one command line (exec, execSync). */
type Api = 'argv' | 'shell' | 'shell-task';
type Arg = string | string[] | undefined;

const ARGV_APIS = ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'execa', 'execaSync', 'crossSpawn'];
const SHELL_APIS = ['exec', 'execSync', 'execaCommand', 'execaCommandSync'];
const PROCESS_MODULES = /^(?:node:)?child_process$|^execa$|^cross-spawn$/;

/** Gulp and Grunt plugins that run a tool in-process, by package. */
const PLUGINS: [RegExp, string[] | CommandTool][] = [
  [/^gulp-eslint(?:-new|\d*)$|^grunt-eslint$/, ['eslint']],
  [/stylelint/, ['stylelint']],
  [/^gulp-tslint$|^grunt-tslint$/, ['tslint']],
  [/^gulp-(?:jshint|jscs)$|^grunt-contrib-jshint$/, { name: 'JSHint', kinds: ['lint'] }],
  [/^gulp-sass-lint$|^gulp-sass-lint$/, { name: 'sass-lint', kinds: ['lint'] }],
  [/^gulp-mocha$|^grunt-mocha(?:-test|-cli)?$|^grunt-simple-mocha$/, ['mocha']],
  [/^gulp-jasmine$|^grunt-contrib-jasmine$/, ['jasmine']],
  [/^gulp-jest$|^grunt-jest$/, ['jest']],
  [/^gulp-ava$/, ['ava']],
  [/^gulp-karma$|^karma$|^grunt-karma$/, ['karma']],
  [/^gulp-(?:qunit|protractor)$|^grunt-contrib-qunit$|^grunt-protractor-runner$/, { name: 'QUnit', kinds: ['test'] }],
  [/^gulp-istanbul$|^grunt-istanbul$|^grunt-mocha-istanbul$/, { name: 'Istanbul', kinds: ['coverage'] }],
  [/^gulp-typescript$|^grunt-ts$/, ['tsc']],
];

export function pluginTools(module: string, implied: string): CommandTool[] | undefined {
  const hit = PLUGINS.find(([re]) => re.test(module));
  if (!hit) return undefined;
  const tools = Array.isArray(hit[1]) ? classify(hit[1]) : [{ ...hit[1], kinds: [...hit[1].kinds] }];
  return tools.map((t) => ({ ...t, implied }));
}

export function jsProgram(text: string): JsProgram {
  const code = mask(text, SYNTAX.js);
  const imports = new Map<string, string>();
  const apis = new Map<string, Api>();
  const api = (name: string): Api | undefined =>
    ARGV_APIS.includes(name) ? 'argv' : SHELL_APIS.includes(name) ? 'shell' : undefined;
  const str = (from: number) => stringAt(code, text, from)?.value;
  // `import x from 'm'`, `import * as x from 'm'`, `const x = require('m')`.
  for (const m of code.matchAll(
    /\bimport\s+(?:\*\s+as\s+)?([\w$]+)\s*(?:,\s*\{[^}]*\}\s*)?from\s*(?=['"])|\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(\s*(?=['"])/g,
  )) {
    const spec = str(m.index + m[0].length);
    if (spec) imports.set((m[1] ?? m[2])!, spec);
  }
  // `import { exec as run } from 'child_process'`, `const { spawn } = require('child_process')`.
  for (const m of code.matchAll(
    /\bimport\s+(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*(?=['"])|\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(\s*(?=['"])/g,
  )) {
    const spec = str(m.index + m[0].length);
    if (!spec || !PROCESS_MODULES.test(spec)) continue;
    for (const part of (m[1] ?? m[2])!.split(',')) {
      const [orig, local] = part
        .trim()
        .split(/\s+as\s+|\s*:\s*/)
        .map((s) => s.trim());
      const a = orig ? api(orig) : undefined;
      if (a) apis.set(local || orig!, a);
    }
  }
  for (const [local, spec] of imports) {
    if (/^cross-spawn$/.test(spec)) apis.set(local, 'argv');
    else if (/^gulp-(?:run|exec|run-command)$/.test(spec)) apis.set(local, 'shell');
    else if (spec === 'gulp-shell') apis.set(local, 'shell-task');
  }
  // `const es = child_process.execSync`, `const run = promisify(exec)`.
  for (const m of code.matchAll(
    /\b(?:const|let|var)\s+([\w$]+)\s*=\s*(?:(?:util\s*\.\s*)?promisify\s*\(\s*)?(?:[\w$]+\s*\.\s*)?([\w$]+)\s*\)?\s*[;\n]/g,
  )) {
    const a = api(m[2]!) ?? apis.get(m[2]!);
    if (a) apis.set(m[1]!, a);
  }
  for (const n of [...ARGV_APIS, ...SHELL_APIS]) if (!apis.has(n)) apis.set(n, api(n)!);
  return { text, code, fns: namedFunctions(code), lineAt: lineIndex(text), imports, apis };
}

/** The string literal (or template) starting at `at` in masked code: its text, `${…}` as `$X`. */
export function stringAt(code: string, text: string, at: number): { value: string; end: number } | undefined {
  const q = code[at];
  if (q !== '"' && q !== "'" && q !== '`') return undefined;
  const end = code.indexOf(q, at + 1);
  if (end < 0) return undefined;
  let value = text.slice(at + 1, end);
  if (q === '`') value = value.replace(/\$\{[^}]*\}/g, '$X');
  else value = value.replace(/\\(.)/g, '$1');
  return { value, end: end + 1 };
}

const MAX_DEPTH = 5;
const MAX_COMMANDS = 200;

/**
 * The commands a function body (or any range of code) runs, following the local functions it
 * calls with the arguments it passes them. `env` maps a function's parameters to what they hold.
 */
export function commandsIn(
  p: JsProgram,
  from: number,
  to: number,
  label: string,
  env: Map<string, Arg> = new Map(),
  depth = 0,
  out: JsCommand[] = [],
  site?: number,
): JsCommand[] {
  if (depth > MAX_DEPTH) return out;
  const { code } = p;
  const call = /(?<![\w$.])((?:[\w$]+\s*\.\s*)*)([\w$]+)\s*\(/g;
  call.lastIndex = from;
  for (let m = call.exec(code); m && m.index < to && out.length < MAX_COMMANDS; m = call.exec(code)) {
    const name = m[2]!;
    const owner = m[1]!.replace(/\s/g, '').replace(/\.$/, '');
    const open = m.index + m[0].length - 1;
    const close = matchBracket(code, open);
    if (close < 0) continue;
    const args = splitTop(code, open + 1, close - 1);
    const arg = (i: number): Arg => (args[i] ? value(p, args[i]![0], args[i]![1], env, m!.index) : undefined);
    // A command started inside a called helper is cited where the task calls it.
    const line = site ?? p.lineAt(m.index);
    // `child_process.spawn(…)`, `cp.execSync(…)`, `shell.exec(…)` (shelljs), or a name bound to one.
    const ownerSpec = owner ? p.imports.get(owner.split('.')[0]!) : undefined;
    const viaModule = owner && (PROCESS_MODULES.test(ownerSpec ?? '') || /^(?:child_?process|cp)$/i.test(owner));
    const api = owner
      ? viaModule
        ? p.apis.get(name)
        : ownerSpec === 'shelljs' && name === 'exec'
          ? 'shell'
          : ownerSpec === 'gulp-shell' && name === 'task'
            ? 'shell-task'
            : undefined
      : p.apis.get(name);
    if (api === 'argv') {
      const prog = arg(0);
      const rest = arg(1);
      if (typeof prog === 'string')
        out.push({ line, text: [prog, ...(Array.isArray(rest) ? rest : [])].map(shellWord).join(' ') });
      continue;
    }
    if (api === 'shell' || api === 'shell-task') {
      const v = arg(0);
      for (const t of typeof v === 'string' ? [v] : (v ?? [])) out.push({ line, text: t });
      continue;
    }
    const plugin = owner ? undefined : p.imports.get(name);
    const tools = plugin ? pluginTools(plugin, `${plugin} runs it inside ${label}`) : undefined;
    if (tools?.length) {
      out.push({ line, text: code.slice(m.index, open).trim(), tools });
      continue;
    }
    // `new karma.Server({…}).start()` / `new Server(…)` from karma.
    if (name === 'Server' && /\bnew\s*$/.test(code.slice(Math.max(0, m.index - 8), m.index))) {
      const spec = p.imports.get(owner || name);
      const karma = spec ? pluginTools(spec, `${spec} runs it inside ${label}`) : undefined;
      if (karma?.length) out.push({ line, text: 'new Server(…)', tools: karma });
      continue;
    }
    if (owner) continue;
    // A local function: followed with the values of its arguments.
    const fn = p.fns.find((f) => f.name === name && !(m!.index >= f.from && m!.index < f.to));
    if (!fn) continue;
    const inner = new Map<string, Arg>();
    fn.params.forEach((param, i) => inner.set(param, arg(i)));
    commandsIn(p, fn.open, fn.to, label, inner, depth + 1, out, line);
  }
  return out;
}

/**
 * What an argument holds: a string (literals and templates joined by `+`, an unknown part as
 * `$X`), a list of strings (an array literal, a local array, a parameter), or unknown.
 */
function value(p: JsProgram, from: number, to: number, env: Map<string, Arg>, at: number, depth = 0): Arg {
  const { code, text } = p;
  const src = code.slice(from, to).trim();
  const start = from + code.slice(from, to).indexOf(src[0] ?? '');
  if (depth > 3 || !src) return undefined;
  if (src.startsWith('[')) {
    const end = matchBracket(code, start);
    if (end < 0) return undefined;
    const items: string[] = [];
    for (const [a, b] of splitTop(code, start + 1, end - 1)) {
      const piece = code.slice(a, b).trim();
      const v = piece.startsWith('...')
        ? value(p, a + code.slice(a, b).indexOf('...') + 3, b, env, at, depth + 1)
        : value(p, a, b, env, at, depth + 1);
      if (typeof v === 'string') items.push(v);
      else if (Array.isArray(v) && piece.startsWith('...')) items.push(...v);
    }
    return items;
  }
  // `name.concat(…)`, `name.slice()`: what name holds (the additions come from the command line).
  const ident = /^([\w$]+)(?:\s*\.\s*(?:concat|slice)\s*\([\s\S]*\))?$/.exec(src);
  if (ident) {
    const name = ident[1]!;
    if (env.has(name)) return withUnshift(p, env.get(name), name, at);
    return withUnshift(p, localValue(p, name, at, env, depth), name, at);
  }
  // `"a " + b + `c``: literal parts kept, the rest stands for an unknown word.
  const parts = splitPlus(code, start, from + code.slice(from, to).trimEnd().length);
  if (!parts) return undefined;
  let s = '';
  let literal = false;
  for (const [a, b] of parts) {
    const lit = stringAt(code, text, a);
    if (lit && lit.end === b) {
      s += lit.value;
      literal = true;
    } else {
      const v = value(p, a, b, env, at, depth + 1);
      s += typeof v === 'string' ? v : '$X';
    }
  }
  return literal ? s : undefined;
}

/** `cmd.unshift('run')` before `at` (in the function that declares `name`): prepended. */
function withUnshift(p: JsProgram, v: Arg, name: string, at: number): Arg {
  if (!Array.isArray(v)) return v;
  const scope = enclosing(p, at);
  const body = p.code.slice(scope.from, at);
  const pre: string[] = [];
  for (const m of body.matchAll(
    new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\.\\s*unshift\\s*\\(`, 'g'),
  )) {
    const open = scope.from + m.index + m[0].length - 1;
    const close = matchBracket(p.code, open);
    if (close < 0) continue;
    const items = splitTop(p.code, open + 1, close - 1).map(
      ([a]) => stringAt(p.code, p.text, skipSpace(p.code, a))?.value,
    );
    // Each unshift goes in front of what is there already.
    pre.unshift(...items.filter((x): x is string => x !== undefined));
  }
  return [...pre, ...v];
}

function enclosing(p: JsProgram, at: number): { from: number; to: number } {
  const f = p.fns.filter((x) => at > x.open && at < x.to).sort((a, b) => b.open - a.open)[0];
  return f ? { from: f.open, to: f.to } : { from: 0, to: p.code.length };
}

/** The last `name = …` (declared or assigned) before `at` in the enclosing function, else at top level. */
function localValue(p: JsProgram, name: string, at: number, env: Map<string, Arg>, depth: number): Arg {
  const scope = enclosing(p, at);
  const re = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*=(?![=>])`, 'g');
  for (const range of [scope, { from: 0, to: at }]) {
    let last: RegExpMatchArray | undefined;
    for (const m of p.code.slice(range.from, Math.min(range.to, at)).matchAll(re)) last = m;
    if (!last) continue;
    // The value is read as of the assignment: `cmd = cmd.concat(…)` looks further back for cmd.
    const start = range.from + last.index!;
    const after = start + last[0].length;
    const v = value(p, after, statementEnd(p.code, after), env, start, depth + 1);
    if (v !== undefined) return v;
  }
  return undefined;
}

function statementEnd(code: string, from: number): number {
  let depth = 0;
  for (let k = from; k < code.length; k++) {
    const c = code[k]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (--depth < 0) return k;
    } else if (depth === 0 && (c === ';' || c === '\n') && !/[+,([]\s*$/.test(code.slice(from, k))) return k;
  }
  return code.length;
}

/** Top-level `+` operands of `code[from, to)`, or undefined when it holds anything but `+`. */
function splitPlus(code: string, from: number, to: number): [number, number][] | undefined {
  const out: [number, number][] = [];
  let depth = 0;
  let last = from;
  for (let i = from; i < to; i++) {
    const c = code[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && (c === '"' || c === "'" || c === '`')) {
      const end = code.indexOf(c, i + 1);
      if (end < 0) return undefined;
      i = end;
    } else if (depth === 0 && c === '+') out.push([last, i]), (last = i + 1);
    else if (depth === 0 && /[?:;=]/.test(c)) return undefined;
  }
  out.push([last, to]);
  return out.map(([a, b]) => {
    const s = code.slice(a, b);
    const lead = s.length - s.trimStart().length;
    return [a + lead, a + s.trimEnd().length] as [number, number];
  });
}

const skipSpace = (code: string, i: number) => {
  while (/\s/.test(code[i] ?? '')) i++;
  return i;
};

/** One argv word as shell text: quoted when it holds what sh would split or expand. */
function shellWord(w: string): string {
  if (w === '$X') return w;
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
