/**
 * The command-line entry points a Python package declares for installers to create: `[project.scripts]`
 * (PEP 621), `[tool.poetry.scripts]`, setup.cfg `[options.entry_points] console_scripts =` and
 * setup.py `entry_points={'console_scripts': [...]}`, read from the repository root's manifests (the
 * product's), with the distribution name they belong to. Read as text, line by line, so each
 * entry point is cited at its own line.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { pyprojectName } from './manifests/python.js';
import { lineAt } from './manifests/text.js';

export interface EntryPoint {
  /** The command installed (`yapf`). */
  command: string;
  /** What it runs (`yapf:run_main`). */
  target: string;
  path: string;
  line: number;
}

export interface PythonScripts {
  /** The distribution name, when the manifest gives it literally. */
  dist?: string;
  entries: EntryPoint[];
  /** Where the package classifies itself `Environment :: Console` (a program for the terminal). */
  console?: { path: string; line: number };
}

const KV = /^\s*["']?([A-Za-z0-9][\w.-]*)["']?\s*=\s*["']([^"']+)["']/;

/** `key = "value"` lines of the TOML tables named (until the next table header). */
function tomlTable(lines: string[], names: string[], path: string): EntryPoint[] {
  const out: EntryPoint[] = [];
  let inside = false;
  lines.forEach((l, i) => {
    const header = /^\s*\[([^\]]+)\]\s*(?:#.*)?$/.exec(l);
    if (header) {
      inside = names.includes(header[1]!.trim());
      return;
    }
    const kv = inside ? KV.exec(l) : null;
    if (kv) out.push({ command: kv[1]!, target: kv[2]!.trim(), path, line: i + 1 });
  });
  return out;
}

/** The package's console scripts, read once per audit (the profile and several rules ask). */
export function consoleScripts(files: FileView): PythonScripts | undefined {
  return memo(files, 'consoleScripts', () => readScripts(files));
}

function readScripts(files: FileView): PythonScripts | undefined {
  const entries: EntryPoint[] = [];
  let dist: string | undefined;
  const pyproject = files.read('pyproject.toml');
  if (pyproject !== undefined) {
    const lines = pyproject.split(/\r?\n/);
    entries.push(...tomlTable(lines, ['project.scripts', 'tool.poetry.scripts'], 'pyproject.toml'));
    const parsed = files.readToml<Record<string, unknown>>('pyproject.toml');
    if (parsed.ok) dist = pyprojectName(parsed.value);
  }
  const cfg = files.read('setup.cfg');
  if (cfg !== undefined) {
    const lines = cfg.split(/\r?\n/);
    let section = '';
    let inScripts = false;
    lines.forEach((l, i) => {
      const header = /^\s*\[([^\]]+)\]/.exec(l);
      if (header) {
        section = header[1]!.trim();
        inScripts = false;
        return;
      }
      if (section === 'metadata' && !dist) dist = /^name\s*=\s*([\w.-]+)\s*$/.exec(l)?.[1];
      if (section !== 'options.entry_points') return;
      if (/^\S/.test(l)) inScripts = /^console_scripts\s*=/.test(l);
      const entry = inScripts
        ? /^(?:console_scripts\s*=)?\s*([A-Za-z0-9][\w.-]*)\s*=\s*([\w.]+(?::[\w.]+)?)/.exec(l)
        : null;
      if (entry) entries.push({ command: entry[1]!, target: entry[2]!, path: 'setup.cfg', line: i + 1 });
    });
  }
  const setup = files.read('setup.py');
  if (setup !== undefined) {
    const lines = setup.split(/\r?\n/);
    dist ??= /\bname\s*=\s*["']([\w.-]+)["']/.exec(setup)?.[1];
    const at = lines.findIndex((l) => /["']console_scripts["']/.test(l));
    // The strings of the console_scripts list: `'name = module:func'`, up to the list's end.
    for (let i = at; at >= 0 && i < lines.length && i < at + 50; i++) {
      for (const m of lines[i]!.matchAll(/["']\s*([A-Za-z0-9][\w.-]*)\s*=\s*([\w.]+(?::[\w.]+)?)\s*["']/g))
        entries.push({ command: m[1]!, target: m[2]!, path: 'setup.py', line: i + 1 });
      if (i > at && /\]/.test(lines[i]!.replace(/["'][^"']*["']/g, ''))) break;
    }
  }
  if (!entries.length) return undefined;
  let console: PythonScripts['console'];
  for (const [path, text] of [
    ['pyproject.toml', pyproject],
    ['setup.cfg', cfg],
    ['setup.py', setup],
  ] as const) {
    const at = text?.search(/Environment[ \t]*::[ \t]*Console\b/) ?? -1;
    if (at >= 0 && !console) console = { path, line: lineAt(text!, at) };
  }
  return { ...(dist ? { dist } : {}), entries, ...(console ? { console } : {}) };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[-_.]+/g, '-')
    .replace(/^(?:python|py)-/, '')
    .replace(/-(?:cli|cmd|command)$/, '');

/**
 * The entry point that is the package's own command: named as the distribution is (`yapf` for yapf,
 * `httpie`/`http` aside), so installing the package means installing the command. Other entry points
 * are helpers of a library (a maintenance script, a code generator).
 */
export function ownCommand(scripts: PythonScripts): EntryPoint | undefined {
  if (!scripts.dist) return undefined;
  const d = norm(scripts.dist);
  return scripts.entries.find((e) => norm(e.command) === d);
}
