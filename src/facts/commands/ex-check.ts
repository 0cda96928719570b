/**
 * ex_check (`mix check`): one mix task that runs a list of tools — its curated defaults where their
 * dependency or file is present (compiler, formatter, ex_unit, credo, sobelow, dialyzer, doctor…),
 * less those a `.check.exs` turns off (`{:sobelow, false}`), with the commands it gives
 * (`{:sobelow, "mix sobelow --config"}`) and the custom tools it adds. CI running `mix check` ran
 * tests, linters and Sobelow that the graph did not see (blind round 45). The files are read as
 * text, never evaluated; the scan is bounded.
 */
import { dirOf, type Expansion, findIn, joinPath, type ResolveContext } from './types.js';

const MAX_FILE = 100_000;
const MAX_TOOLS = 100;

interface Curated {
  /** The command ex_check runs, and in fix mode, when it differs. */
  run: string;
  fix?: string;
  /** A dependency of mix.exs it needs, or a file it needs (relative to the project). */
  dep?: string;
  file?: string;
  cwd?: string;
}

/** ex_check's curated tools (its README's table). */
const CURATED: Record<string, Curated> = {
  compiler: { run: 'mix compile --warnings-as-errors --force' },
  unused_deps: { run: 'mix deps.unlock --check-unused', fix: 'mix deps.unlock --unused' },
  formatter: { run: 'mix format --check-formatted', fix: 'mix format', file: '.formatter.exs' },
  ex_unit: { run: 'mix test', file: 'test/' },
  credo: { run: 'mix credo', dep: 'credo' },
  doctor: { run: 'mix doctor', dep: 'doctor' },
  sobelow: { run: 'mix sobelow --exit', dep: 'sobelow' },
  mix_audit: { run: 'mix deps.audit', dep: 'mix_audit' },
  dialyzer: { run: 'mix dialyzer', dep: 'dialyxir' },
  gettext: { run: 'mix gettext.extract --check-up-to-date', dep: 'gettext' },
  ex_doc: { run: 'mix docs', dep: 'ex_doc' },
  npm_test: { run: 'npm test', file: 'assets/package.json', cwd: 'assets' },
};

interface Entry {
  name: string;
  line: number;
  /** `{:x, false}` or `enabled: false`. */
  off: boolean;
  command?: string;
  fix?: string;
}

/** The string, or a list of strings joined, that starts at `at` (`"mix x"` or `["mix", "x"]`). */
function commandAt(text: string, at: number): string | undefined {
  const s = /\s*"((?:[^"\\\n]|\\.){0,500})"/y;
  s.lastIndex = at;
  const one = s.exec(text);
  if (one) return one[1];
  const l = /\s*\[((?:\s*"(?:[^"\\\n]|\\.){0,200}",?){1,20})\s*\]/y;
  l.lastIndex = at;
  const many = l.exec(text);
  return many ? [...many[1]!.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)].map((m) => m[1]!).join(' ') : undefined;
}

/** One `{:name, …}` entry whose options run from `after` to `end` (its closing brace). */
function entry(code: string, open: { name: string; line: number; after: number }, end: number): Entry {
  const body = code.slice(open.after, end);
  const off = /^\s*false\s*$/.test(body) || /\benabled:\s*false\b/.test(body);
  const key = (k: string): string | undefined => {
    const m = new RegExp(`\\b${k}:`).exec(body);
    return m ? commandAt(body, m.index + k.length + 1) : undefined;
  };
  const command = commandAt(body, 0) ?? key('command');
  const fix = key('fix');
  return {
    name: open.name,
    line: open.line,
    off,
    ...(command !== undefined ? { command } : {}),
    ...(fix !== undefined ? { fix } : {}),
  };
}

/** The `tools:` entries of a .check.exs text, and whether it sets `fix: true`. */
export function checkConfig(text: string): { entries: Entry[]; fix: boolean } {
  const entries: Entry[] = [];
  if (text.length > MAX_FILE) return { entries, fix: false };
  // Comments out, keeping offsets and lines (a `#` inside a string is rare in these files and only cuts that line).
  const code = text.replace(/#[^\n]*/g, (m) => ' '.repeat(m.length));
  const fix = /(?:^|[\s,[])fix:\s*true\b/.test(code.slice(0, Math.max(0, code.search(/\btools:/))));
  const start = code.search(/\btools:\s*\[/);
  if (start < 0) return { entries, fix };
  let depth = 0;
  const first = code.indexOf('[', start);
  let line = code.slice(0, first).split('\n').length;
  let open: { name: string; line: number; after: number } | undefined;
  for (let i = first; i < code.length && entries.length < MAX_TOOLS; i++) {
    const c = code[i]!;
    if (c === '\n') line++;
    else if (c === '"') {
      const close = /"((?:[^"\\\n]|\\.)*)"/y;
      close.lastIndex = i;
      if (close.exec(code)) i = close.lastIndex - 1;
    } else if (c === '[' || c === '{') {
      depth++;
      if (c === '{' && depth === 2) {
        const head = /\{\s*:(\w+)\s*,?/y;
        head.lastIndex = i;
        const h = head.exec(code);
        open = h ? { name: h[1]!, line, after: head.lastIndex } : undefined;
      }
    } else if (c === ']' || c === '}') {
      if (--depth === 0) break;
      if (depth === 1 && c === '}' && open) {
        entries.push(entry(code, open, i));
        open = undefined;
      }
    }
  }
  return { entries, fix };
}

/** The value of `--flag V` / `--flag=V` in argv, every occurrence. */
function flag(argv: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === name && argv[i + 1]) out.push(argv[++i]!);
    else if (w.startsWith(`${name}=`)) out.push(w.slice(name.length + 1));
  }
  return out;
}

/** `mix check …` in a project with ex_check: the tools it runs, each a block at its .check.exs line or the dependency's. */
export function exCheck(argv: string[], { files, cwd }: ResolveContext): Expansion | undefined {
  if (argv[0] !== 'mix' || argv[1] !== 'check') return undefined;
  const mixPath = findIn(files, cwd, ['mix.exs']);
  const mix = mixPath ? files.read(mixPath) : undefined;
  if (!mixPath || !mix || mix.length > 200_000) return undefined;
  const depLine = (dep: string): number | undefined => {
    const at = mix.search(new RegExp(`\\{\\s*:${dep}\\s*,`));
    return at < 0 ? undefined : mix.slice(0, at).split('\n').length;
  };
  const own = depLine('ex_check');
  if (own === undefined) return undefined;
  const root = dirOf(mixPath);
  const config = flag(argv, '--config').pop();
  const configPath = config ? joinPath(root, config) : findIn(files, root, ['.check.exs']);
  const { entries, fix: fixConfig } = configPath
    ? checkConfig(files.read(configPath) ?? '')
    : { entries: [], fix: false };
  const fix = argv.includes('--fix') || (fixConfig && !argv.includes('--no-fix'));
  const only = flag(argv, '--only');
  const except = new Set(flag(argv, '--except'));
  const want = (name: string) => (!only.length || only.includes(name)) && !except.has(name);
  const out: Required<Pick<Expansion, 'blocks'>> = { blocks: [] };
  const configured = new Map(entries.map((e) => [e.name, e]));
  const present = (c: Curated): boolean =>
    c.dep
      ? depLine(c.dep) !== undefined
      : c.file?.endsWith('/')
        ? files.has(`${joinPath(root, c.file.slice(0, -1))}/**`)
        : c.file
          ? files.exists(joinPath(root, c.file))
          : true;
  for (const [name, c] of Object.entries(CURATED)) {
    const e = configured.get(name);
    if (e?.off || !want(name) || (!e?.command && !present(c))) continue;
    const text = (fix && (e?.fix ?? c.fix)) || e?.command || c.run;
    const at = e && configPath ? { path: configPath, line: e.line } : { path: mixPath, line: own };
    out.blocks.push({ ...at, text, via: `mix check tool ${name}`, cwd: c.cwd ? joinPath(root, c.cwd) : root });
  }
  for (const e of entries) {
    if (e.name in CURATED || e.off || !e.command || !want(e.name) || !configPath) continue;
    const text = (fix && e.fix) || e.command;
    out.blocks.push({ path: configPath, line: e.line, text, via: `mix check tool ${e.name}`, cwd: root });
  }
  return out;
}
