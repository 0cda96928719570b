/**
 * A script of the repository written in another language than sh that starts a test framework:
 * `test/runner` (Ruby, `require 'minitest'` and the test files), `runtests.py` (`pytest.main(…)`),
 * `scripts/test.js` (`new Mocha()`). Read as text, never run: what it loads and calls says what it
 * does, not its name.
 */
import type { CommandTool, FileView } from '../../types.js';
import { consoleScripts as declaredConsoleScripts } from '../entry-points.js';
import { lineAt } from '../../util/lines.js';
import { joinPath, type Resolver } from './types.js';
import { own } from './own.js';
import { table } from '../../util/table.js';

const RUNNERS: { lang: RegExp; name: string; calls: RegExp }[] = [
  { lang: /ruby/, name: 'Minitest', calls: /^\s*require\s*\(?\s*['"]minitest(?:\/autorun)?['"]|\bMinitest\.run\b/m },
  { lang: /ruby/, name: 'RSpec', calls: /\bRSpec::Core::Runner\.run\b/ },
  { lang: /ruby/, name: 'test-unit', calls: /^\s*require\s*\(?\s*['"]test\/unit['"]/m },
  { lang: /python/, name: 'pytest', calls: /\bpytest\.main\s*\(/ },
  { lang: /python/, name: 'unittest', calls: /\bunittest\.(?:main|TextTestRunner)\s*\(/ },
  {
    lang: /python/,
    name: 'Django tests',
    calls: /\bget_runner\s*\(|\bDiscoverRunner\s*\(|call_command\(\s*['"]test['"]/,
  },
  { lang: /python/, name: 'nose', calls: /\bnose2?\.(?:main|run|run_exit)\s*\(/ },
  { lang: /node/, name: 'Mocha', calls: /\bnew\s+Mocha\s*\(/ },
  { lang: /node/, name: 'Jest', calls: /\brunCLI\s*\(/ },
  { lang: /node/, name: 'node:test', calls: /from\s+['"]node:test['"][\s\S]*\brun\s*\(/ },
];

const INTERPRETERS: Record<string, string> = table({
  ruby: 'ruby',
  node: 'node',
  tsx: 'node',
  'ts-node': 'node',
  bun: 'node',
  python: 'python',
  python3: 'python',
});

/** How many commands one script may start in the graph. */
const MAX_SPAWNS = 40;
/** A script longer than this is a program, not a CI helper: its spawned commands are not read. */
const MAX_SCRIPT = 200_000;

/** The words of a literal argv list (`["ruff", "check", "."]`, `[sys.executable, "-m", "pytest"]`) up to its first non-literal. */
function literalList(body: string): string[] {
  const out: string[] = [];
  for (const raw of body.split(',')) {
    const el = raw.trim();
    if (!el) continue;
    const lit = /^(?:f|r)?(["'`])([^"'`]*)\1$/.exec(el);
    if (lit && !lit[2]!.includes('${') && !/\{\w*\}/.test(lit[2]!)) out.push(lit[2]!);
    else if (el === 'sys.executable' || el === 'process.execPath')
      out.push(el === 'sys.executable' ? 'python' : 'node');
    else break;
  }
  return out;
}

/**
 * Commands a Python or JS script starts with literal words: `subprocess.run(["ruff", "check", "."])`,
 * `os.system("mypy src")`, `spawnSync('vitest', ['run'])`, `execSync('eslint .')`. Dynamic command lines
 * (built from variables) are out of reach and left out.
 */
function spawnedCommands(text: string, lang: string): { argv: string[]; at: number }[] {
  const out: { argv: string[]; at: number }[] = [];
  const add = (argv: string[], at: number) => {
    if (argv.length && argv[0] && out.length < MAX_SPAWNS) out.push({ argv, at });
  };
  if (/python/.test(lang)) {
    for (const m of text.matchAll(
      /\b(?:subprocess\.)?(?:run|call|check_call|check_output|Popen)\(\s*\[([^\]\n]{1,400})\]/g,
    ))
      add(literalList(m[1]!), m.index);
    for (const m of text.matchAll(
      /\b(?:os\.system|subprocess\.(?:run|call|check_call|check_output|Popen))\(\s*(["'])([^"'\n{}]{1,300})\1/g,
    ))
      add(m[2]!.trim().split(/\s+/), m.index);
  } else if (/node/.test(lang)) {
    for (const m of text.matchAll(
      /\b(?:spawn|spawnSync|execFile|execFileSync|execa|execaSync|crossSpawn)\(\s*(["'`])([\w@./:-]+)\1\s*(?:,\s*\[([^\]\n]{0,400})\])?/g,
    ))
      add([m[2]!, ...literalList(m[3] ?? '')], m.index);
    for (const m of text.matchAll(/\b(?:exec|execSync|execaCommand|execaCommandSync)\(\s*(["'`])([^"'`\n$]{1,300})\1/g))
      add(m[2]!.trim().split(/\s+/), m.index);
  }
  return out;
}

/** `test/runner`, `ruby test/runner.rb`, `./runtests.py` (python is already stripped by normalise). */
export const runnerScripts: Resolver = (argv, { files, cwd }) => {
  const viaInterpreter = own(INTERPRETERS, argv[0]);
  const target = viaInterpreter ? argv.slice(1).find((w) => !w.startsWith('-')) : argv[0];
  if (!target || target.includes('$') || (!viaInterpreter && !/[/.]/.test(target))) return undefined;
  // `python -m scripts.check` (normalised to `scripts.check`): the module's file, scripts/check.py
  // or scripts/check/__main__.py, as a script path is followed. Dotted names only: a single word
  // (`python -m mypy`) is the tool of that name.
  const module =
    !viaInterpreter && /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(target) ? target.replace(/\./g, '/') : undefined;
  const targets = module ? [target, `${module}.py`, `${module}/__main__.py`] : [target];
  const path = targets.flatMap((t) => [joinPath(cwd, t), joinPath('', t)]).find((p) => files.exists(p));
  if (!path) return undefined;
  const text = files.read(path) ?? '';
  const shebang = /^#!.*\b(ruby|node|python[\d.]*)\b/.exec(text)?.[1];
  const lang =
    viaInterpreter ??
    shebang ??
    (/\.rb$/.test(path) ? 'ruby' : /\.py$/.test(path) ? 'python' : /\.[cm]?[jt]s$/.test(path) ? 'node' : undefined);
  if (!lang) return undefined;
  const read = scriptReading(files, path, lang, text);
  if (read.runner) {
    const r = read.runner;
    const tool: CommandTool = { name: r.name, kinds: ['test'], implied: `${path} loads ${r.name} and runs the tests` };
    return { commands: [{ argv, hop: { path, line: r.line, text: r.text }, cwd, tools: [tool] }], script: path };
  }
  if (!read.spawned.length) return undefined;
  return {
    commands: read.spawned.map((c) => ({ argv: [...c.argv], hop: { path, line: c.line, text: c.text }, cwd })),
    script: path,
  };
};

interface ScriptReading {
  /** The framework the script starts, with the line that starts it. */
  runner?: { name: string; line: number; text: string };
  /** Otherwise the commands it starts with literal words, each with its line. */
  spawned: { argv: string[]; line: number; text: string }[];
}

const readings = new WeakMap<FileView, Map<string, ScriptReading>>();

/**
 * What a script runs, read once per path and language: the graph reaches one script from many
 * commands (40 spawned commands of a script that runs scripts, ten hops deep), and each reading
 * scans the whole text.
 */
function scriptReading(files: FileView, path: string, lang: string, text: string): ScriptReading {
  let byPath = readings.get(files);
  if (!byPath) readings.set(files, (byPath = new Map()));
  const key = `${lang}\0${path}`;
  const hit = byPath.get(key);
  if (hit) return hit;
  const lines = files.lines(path);
  const line = (at: number) => (lines ? lines.lineAt(at) : lineAt(text, at));
  const textOf = (n: number) => (lines ? lines.bare(n) : (text.split(/\r?\n/, n)[n - 1] ?? '')).trim();
  let out: ScriptReading = { spawned: [] };
  for (const r of RUNNERS) {
    if (!r.lang.test(lang)) continue;
    const m = r.calls.exec(text);
    if (!m) continue;
    // The line that starts the framework is the evidence: CI line → script line → framework.
    const n = line(m.index + m[0].length - 1);
    out = { runner: { name: r.name, line: n, text: textOf(n) }, spawned: [] };
    break;
  }
  // Otherwise the commands it starts with literal words are what it runs (a lint script calling ruff and mypy).
  if (!out.runner && text.length <= MAX_SCRIPT)
    for (const c of spawnedCommands(text, lang)) {
      const n = line(c.at);
      out.spawned.push({ argv: c.argv, line: n, text: textOf(n) });
    }
  byPath.set(key, out);
  return out;
}

interface Entry {
  command: string;
  /** The module file the entry runs (`bugsink/scripts/manage.py`), when it is in the repository. */
  module: string;
  lang: 'python' | 'node';
  /** Where the entry is declared (pyproject.toml:29, package.json `bin`). */
  path: string;
  line: number;
  text: string;
}

const entryCache = new WeakMap<FileView, Map<string, Entry>>();

/** Console scripts of the root manifests (pyproject/setup.cfg/setup.py, package.json `bin`), by command. */
function projectEntries(files: FileView): Map<string, Entry> {
  const cached = entryCache.get(files);
  if (cached) return cached;
  const out = new Map<string, Entry>();
  for (const e of declaredConsoleScripts(files)?.entries ?? []) {
    const mod = e.target.split(':')[0]!.trim().replace(/\./g, '/');
    const module = [`${mod}.py`, `${mod}/__init__.py`, `src/${mod}.py`, `src/${mod}/__init__.py`].find((p) =>
      files.exists(p),
    );
    const lines = files.lines(e.path);
    const text = lines && e.line >= 1 && e.line <= lines.count ? lines.bare(e.line).trim() : e.command;
    if (module) out.set(e.command, { command: e.command, module, lang: 'python', path: e.path, line: e.line, text });
  }
  const pkg = files.readJson<{ name?: unknown; bin?: unknown }>('package.json');
  const bin = pkg.ok ? pkg.value?.bin : undefined;
  const bins: [string, unknown][] =
    typeof bin === 'string' && pkg.ok && typeof pkg.value?.name === 'string'
      ? [[pkg.value.name.replace(/^@[^/]+\//, ''), bin]]
      : bin && typeof bin === 'object'
        ? Object.entries(bin)
        : [];
  const lines = bins.length ? (files.read('package.json') ?? '').split(/\r?\n/) : [];
  for (const [command, target] of bins) {
    if (typeof target !== 'string') continue;
    const module = joinPath('', target);
    if (!files.exists(module)) continue;
    const at = lines.findIndex((l) => l.includes(`"${target}"`));
    out.set(command, {
      command,
      module,
      lang: 'node',
      path: 'package.json',
      line: at + 1 || 1,
      text: (lines[at] ?? `"bin": "${target}"`).trim(),
    });
  }
  entryCache.set(files, out);
  return out;
}

/**
 * A console script of the project named in CI (`bugsink-manage test`, declared `bugsink-manage =
 * "bugsink.scripts.manage:main"`) runs what its entry module runs: Django's management command line
 * (`execute_from_command_line`) is `manage.py` with the same arguments; a module that starts a test
 * framework (`pytest.main`, `runCLI`) runs the tests. Any other entry (a click group of the project)
 * stays unknown.
 */
export const consoleScripts: Resolver = (argv, { files, cwd }) => {
  const head = argv[0]!;
  if (head.includes('/') || head.includes('$')) return undefined;
  const e = projectEntries(files).get(head);
  if (!e) return undefined;
  const text = files.read(e.module) ?? '';
  const hop = { path: e.path, line: e.line, text: e.text, via: `console script ${e.command} → ${e.module}` };
  if (e.lang === 'python' && /\bexecute_from_command_line\s*\(/.test(text))
    return { commands: [{ argv: ['manage.py', ...argv.slice(1)], hop, cwd }] };
  const r = RUNNERS.find((x) => x.lang.test(e.lang) && x.calls.test(text));
  if (!r) return undefined;
  return {
    commands: [
      {
        argv: [head, ...argv.slice(1)],
        hop,
        cwd,
        tools: [{ name: r.name, kinds: ['test'], implied: `${e.module} loads ${r.name} and runs the tests` }],
      },
    ],
  };
};
