/**
 * The pytest settings that decide what it collects, from the first root config file pytest
 * itself would use (pytest.ini, pyproject.toml [tool.pytest.ini_options], tox.ini [pytest],
 * setup.cfg [tool:pytest]): python_files, python_classes, python_functions, testpaths,
 * norecursedirs and `--ignore` in addopts.
 */
import { globMatcher } from '../../walk/glob.js';
import type { FileView } from '../../types.js';
import { commandGraph } from '../commands/index.js';

export interface PytestConfig {
  source?: string;
  files: string[];
  classes: string[];
  functions: string[];
  testpaths: string[];
  norecurse: string[];
  ignore: string[];
}

const DEFAULTS: PytestConfig = {
  files: ['test_*.py', '*_test.py'],
  classes: ['Test'],
  functions: ['test'],
  testpaths: [],
  norecurse: ['*.egg', '.*', '_darcs', 'build', 'CVS', 'dist', 'node_modules', 'venv', '{arch}'],
  ignore: [],
};

/** `[section]` of an INI file as key → raw value (continuation lines joined with spaces). */
export function iniSection(text: string, section: string): Record<string, string> | undefined {
  let inSection = false;
  let found = false;
  let key: string | undefined;
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      inSection = header[1]!.trim() === section;
      found ||= inSection;
      key = undefined;
      continue;
    }
    if (!inSection || /^\s*[#;]/.test(raw) || !raw.trim()) continue;
    const kv = /^(\w[\w.-]*)\s*[=:]\s*(.*)$/.exec(raw);
    if (kv && !/^\s/.test(raw)) {
      key = kv[1]!;
      out[key] = kv[2]!.trim();
    } else if (key && /^\s/.test(raw)) out[key] = `${out[key]} ${raw.trim()}`.trim();
  }
  return found ? out : undefined;
}

const words = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : undefined;

export function pytestConfig(files: FileView): PytestConfig {
  let raw: Record<string, unknown> | undefined;
  let source: string | undefined;
  // A config passed with `-c`/`--config-file` is the only one pytest reads.
  const passed = commandGraph(files).runnerConfigs.find((c) => c.runner === 'pytest')?.path;
  if (passed?.endsWith('.toml')) {
    const p = files.readToml(passed);
    const opts = p.ok
      ? (p.value as { tool?: { pytest?: { ini_options?: Record<string, unknown> } } }).tool?.pytest?.ini_options
      : undefined;
    if (opts) (raw = opts), (source = passed);
  } else if (passed) {
    const t = files.read(passed) ?? '';
    raw = iniSection(t, 'pytest') ?? iniSection(t, 'tool:pytest') ?? {};
    source = passed;
  }
  if (!raw && files.exists('pytest.ini')) {
    const t = files.read('pytest.ini') ?? '';
    raw = iniSection(t, 'pytest') ?? iniSection(t, 'tool:pytest') ?? {};
    source = 'pytest.ini';
  }
  if (!raw && files.exists('pyproject.toml')) {
    const p = files.readToml('pyproject.toml');
    const opts = p.ok
      ? (p.value as { tool?: { pytest?: { ini_options?: Record<string, unknown> } } }).tool?.pytest?.ini_options
      : undefined;
    if (opts) (raw = opts), (source = 'pyproject.toml');
  }
  for (const [file, section] of [
    ['tox.ini', 'pytest'],
    ['setup.cfg', 'tool:pytest'],
  ] as const) {
    if (raw || !files.exists(file)) continue;
    const s = iniSection(files.read(file) ?? '', section);
    if (s) (raw = s), (source = file);
  }
  if (!raw) return DEFAULTS;
  const addopts = words(raw.addopts) ?? [];
  const ignore: string[] = [];
  addopts.forEach((a, i) => {
    const m = /^--ignore(?:-glob)?=(.+)$/.exec(a);
    if (m) ignore.push(m[1]!);
    else if ((a === '--ignore' || a === '--ignore-glob') && addopts[i + 1]) ignore.push(addopts[i + 1]!);
  });
  return {
    ...(source ? { source } : {}),
    files: words(raw.python_files) ?? DEFAULTS.files,
    classes: words(raw.python_classes) ?? DEFAULTS.classes,
    functions: words(raw.python_functions) ?? DEFAULTS.functions,
    testpaths: (words(raw.testpaths) ?? []).map((p) => p.replace(/^\.\//, '').replace(/\/$/, '')),
    norecurse: words(raw.norecursedirs) ?? DEFAULTS.norecurse,
    ignore: ignore.map((p) => p.replace(/^\.\//, '').replace(/\/$/, '')),
  };
}

const isMatch = (s: string, glob: string, dot = false): boolean => globMatcher(glob, dot)(s);

/** Would `pytest` run from the root collect this file as a test module? */
export function pytestCollects(path: string, cfg: PytestConfig): boolean {
  if (!path.endsWith('.py')) return false;
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  if (!cfg.files.some((g) => isMatch(base, g, true))) return false;
  const dirs = parts.slice(0, -1);
  if (dirs.some((d) => cfg.norecurse.some((g) => isMatch(d, g, true)))) return false;
  if (
    cfg.testpaths.length > 0 &&
    !cfg.testpaths.some((t) => t === '.' || path === t || path.startsWith(`${t}/`) || isMatch(path, `${t}/**`))
  )
    return false;
  if (cfg.ignore.some((g) => path === g || path.startsWith(`${g}/`) || isMatch(path, g))) return false;
  return true;
}
