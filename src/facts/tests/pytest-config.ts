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
  /** The config's folder (pytest's rootdir) when it is not the repository root: paths are relative to it. */
  root?: string;
  /** Files named on a command line, which pytest collects whatever their name. */
  explicit?: string[];
  /**
   * Further selections that CI or hook commands run with their own options
   * (`pytest e2e -o python_files=e2e_*.py`): a file any of them collects is collected.
   */
  runs?: { cfg: PytestConfig; at: string }[];
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
  const base = raw ? fromRaw(raw, source) : DEFAULTS;
  const runs = [...commandRuns(files, base), ...nestedConfigs(files)];
  return runs.length ? { ...base, runs } : base;
}

const CONFIG_ORDER = ['pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'];

/**
 * pytest configs in sub-folders (`back/pytest.ini` of a repository whose CI runs `cd back && pytest`):
 * pytest run from that folder uses it, so whatever it collects there is collected. The first config
 * of each folder in pytest's own order wins; a pyproject.toml, tox.ini or setup.cfg only counts with its pytest section.
 */
function nestedConfigs(files: FileView): { cfg: PytestConfig; at: string }[] {
  const byDir = new Map<string, { file: string; raw: Record<string, unknown> }>();
  const found = files.paths
    .filter((p) => p.includes('/') && CONFIG_ORDER.includes(p.slice(p.lastIndexOf('/') + 1)))
    .filter((p) => !/(?:^|\/)(?:node_modules|\.[^/]*|site-packages|vendor|third_party)\//.test(p))
    .sort(
      (a, b) =>
        CONFIG_ORDER.indexOf(a.slice(a.lastIndexOf('/') + 1)) - CONFIG_ORDER.indexOf(b.slice(b.lastIndexOf('/') + 1)),
    );
  for (const path of found) {
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (byDir.has(dir) || byDir.size >= 50) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    let raw: Record<string, unknown> | undefined;
    if (name === 'pyproject.toml') {
      const p = files.readToml(path);
      raw = p.ok
        ? (p.value as { tool?: { pytest?: { ini_options?: Record<string, unknown> } } }).tool?.pytest?.ini_options
        : undefined;
    } else {
      const t = files.read(path) ?? '';
      raw =
        name === 'pytest.ini'
          ? (iniSection(t, 'pytest') ?? iniSection(t, 'tool:pytest') ?? {})
          : iniSection(t, name === 'tox.ini' ? 'pytest' : 'tool:pytest');
    }
    if (raw) byDir.set(dir, { file: path, raw });
  }
  return [...byDir.entries()].map(([dir, { file, raw }]) => ({ cfg: { ...fromRaw(raw, file), root: dir }, at: file }));
}

const clean = (p: string) => p.replace(/^\.?\/+/, '').replace(/\/$/, '');

/**
 * pytest commands of the command graph whose options change what is collected: `-o`/
 * `--override-ini` of python_files, python_classes, python_functions or testpaths, `--ignore`,
 * and paths given as arguments (they replace testpaths; a named file is collected whatever its name).
 */
function commandRuns(files: FileView, base: PytestConfig): { cfg: PytestConfig; at: string }[] {
  const out: { cfg: PytestConfig; at: string }[] = [];
  const seen = new Set<string>();
  for (const r of commandGraph(files).runs) {
    const head = r.argv[0] ?? '';
    if (!/^(?:py\.test|pytest)$/.test(head.slice(head.lastIndexOf('/') + 1))) continue;
    const argv = r.argv.slice(1);
    const over: Record<string, string> = {};
    const ignore: string[] = [];
    const paths: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const w = argv[i]!;
      const valued =
        /^(-o|--override-ini|--ignore|--ignore-glob|-c|--config-file|-p|--rootdir|-k|-m|-n|--numprocesses|--dist|--maxfail|--tb|--junitxml|--junit-xml|--cov|--cov-report|--cov-config|--durations|--reruns|-W|--basetemp|--deselect|--ds|--log-level)$/.exec(
          w,
        );
      const v = valued ? argv[++i] : w.includes('=') && w.startsWith('-') ? w.slice(w.indexOf('=') + 1) : undefined;
      const flag = valued ? w : w.startsWith('-') ? w.split('=')[0]! : '';
      if (flag === '-o' || flag === '--override-ini') {
        const kv = /^(\w+)\s*=\s*(.*)$/.exec(v ?? (w.startsWith('-o') && w.length > 2 ? w.slice(2) : ''));
        if (kv) over[kv[1]!] = kv[2]!;
      } else if (flag === '--ignore' || flag === '--ignore-glob') v && ignore.push(clean(v));
      else if (!w.startsWith('-') && !valued && !w.includes('$')) paths.push(clean(w.split('::')[0]!));
    }
    const keys = ['python_files', 'python_classes', 'python_functions', 'testpaths'].filter((k) => k in over);
    const py = paths.filter((p) => p.endsWith('.py'));
    const dirs = paths.filter((p) => !p.endsWith('.py'));
    const outside =
      (base.testpaths.length > 0 &&
        dirs.some((d) => !base.testpaths.some((t) => t === '.' || d === t || d.startsWith(`${t}/`)))) ||
      // A folder pytest would not recurse into from the root (under norecursedirs), given by name.
      dirs.some((d) => d.split('/').some((part) => base.norecurse.some((g) => isMatch(part, g, true))));
    if (!keys.length && !ignore.length && !py.length && !outside) continue;
    const cfg: PytestConfig = {
      ...base,
      files: words(over.python_files) ?? base.files,
      classes: words(over.python_classes) ?? base.classes,
      functions: words(over.python_functions) ?? base.functions,
      testpaths: dirs.length ? dirs : (words(over.testpaths)?.map(clean) ?? base.testpaths),
      ignore: [...base.ignore, ...ignore],
      ...(py.length ? { explicit: py } : {}),
    };
    delete cfg.runs;
    const key = JSON.stringify(cfg);
    if (seen.has(key)) continue;
    seen.add(key);
    const hop = r.chain[r.chain.length - 1];
    out.push({ cfg, at: hop ? `${hop.path}:${hop.line}` : r.origin.path });
  }
  return out;
}

function fromRaw(raw: Record<string, unknown>, source: string | undefined): PytestConfig {
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

/**
 * The configuration under which `pytest` (as configured, or as a CI/hook command runs it)
 * collects this file as a test module, or undefined when none does.
 */
export function pytestCollectedBy(path: string, cfg: PytestConfig): PytestConfig | undefined {
  if (collects(path, cfg)) return cfg;
  return cfg.runs?.find((r) => collects(path, r.cfg))?.cfg;
}

/** Would `pytest` run from the root (or a CI/hook command's pytest) collect this file as a test module? */
export function pytestCollects(path: string, cfg: PytestConfig): boolean {
  return pytestCollectedBy(path, cfg) !== undefined;
}

function collects(full: string, cfg: PytestConfig): boolean {
  if (!full.endsWith('.py')) return false;
  if (cfg.explicit?.includes(full)) return true;
  if (cfg.root && !full.startsWith(`${cfg.root}/`)) return false;
  const path = cfg.root ? full.slice(cfg.root.length + 1) : full;
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  if (!cfg.files.some((g) => isMatch(base, g, true))) return false;
  const under = cfg.testpaths.find(
    (t) => t === '.' || path === t || path.startsWith(`${t}/`) || isMatch(path, `${t}/**`),
  );
  if (cfg.testpaths.length > 0 && under === undefined) return false;
  // norecursedirs is for the folders pytest recurses into: a folder it is given (a testpath, a
  // command's argument) is collected whatever its name (`pytest runtimes/x/tests` with `runtimes` in
  // norecursedirs; blind round 51).
  const given =
    under && under !== '.' && !under.includes('*') && path.startsWith(`${under}/`) ? under.split('/').length : 0;
  const dirs = parts.slice(given, -1);
  if (dirs.some((d) => cfg.norecurse.some((g) => isMatch(d, g, true)))) return false;
  if (cfg.ignore.some((g) => path === g || path.startsWith(`${g}/`) || isMatch(path, g))) return false;
  return true;
}
