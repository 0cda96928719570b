/** pip requirements, pyproject.toml (PEP 621, Poetry, PDM, uv, PEP 735), Pipfile, setup.cfg, setup.py. */
import type { FileView } from '../../types.js';
import type { DeclaredDependency, Manifest } from '../../types.js';
import { basename } from '../../walk/glob.js';
import { INI_KEY, QUOTED_NAME, firstOffsets, lineAt, linesOf } from './text.js';

/**
 * A requirement: its name, extras and the rest (`requests[socks] >= 2.0`). It was
 * `^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$`, cubic where it fails (`a`, 2000 blanks, then
 * `x\u2028y`, which `.` stops at: 3.5 s): every split of the blanks between the two `\s*` and `.*` was
 * tried. The same matches with one way through: the name whole, the blanks once, the rest starting
 * at a non-blank (the first way through is the only one that can match: any other must cross the
 * same line terminator).
 */
export const REQ_NAME = /^\s*([A-Za-z0-9][\w.-]*)(?![\w.-])\s*(?:(\[[^\]]*\])\s*)?((?:\S.*)?)$/;

/**
 * `line` without its trailing comment: what `line.replace(/\s+#.*$/, '')` returns, in one pass (that
 * regex tried every blank of a long run as a start: 1.3 s for 40k blanks, quadratic). The comment
 * starts at the first `#` that follows a blank and no line terminator follows (`.*$`), cut from the
 * start of the blanks before it.
 */
export function withoutComment(line: string): string {
  let from = 0;
  for (let i = line.length - 1; i >= 0; i--)
    if (TERMINATOR.test(line[i]!)) {
      from = i + 1;
      break;
    }
  for (let hash = line.indexOf('#', Math.max(from, 1)); hash > 0; hash = line.indexOf('#', hash + 1)) {
    if (!BLANK.test(line[hash - 1]!)) continue;
    let start = hash - 1;
    while (start > 0 && BLANK.test(line[start - 1]!)) start--;
    return line.slice(0, start);
  }
  return line;
}
/**
 * A setup.cfg key and its value. Was `^(…)\s*=\s*(.*)$`, quadratic where `.` stops at a line separator
 * (`a=`, 8000 blanks, `x\u2028`: 97 ms); the value now starts at a non-blank, the same groups.
 */
export const CFG_KEY = /^(install_requires|tests_require|[a-z_]+)\s*=\s*((?:\S.*)?)$/;
const TERMINATOR = /[\n\r\u2028\u2029]/;
const BLANK = /\s/;

/** PEP 503 normalised name: lower case, runs of -_. become one dash. */
export function normalisePyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function isDevFile(path: string): boolean {
  return /(^|[-_/.])(dev|test|tests|testing|lint|docs?|ci)([-_/.]|$)/i.test(path);
}

export function parseRequirements(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const text = files.read(path);
  if (text === undefined) return { ecosystem: 'pip', path, ok: false, error: 'unreadable' };
  const dev = isDevFile(basename(path)) || /(^|\/)requirements\/(dev|test)/.test(path);
  linesOf(text).forEach((raw, i) => {
    const line = withoutComment(raw).trim();
    if (!line || line.startsWith('#') || line.startsWith('-') || line.includes('://')) return;
    const m = REQ_NAME.exec(line);
    if (!m) return;
    const version = m[3]!.split(';')[0]!.trim();
    deps.push({
      ecosystem: 'pip',
      name: normalisePyName(m[1]!),
      ...(version ? { version } : {}),
      path,
      line: i + 1,
      dev,
    });
  });
  return { ecosystem: 'pip', path, ok: true };
}

function pushSpec(deps: DeclaredDependency[], text: string, path: string, spec: string, dev: boolean): void {
  const m = REQ_NAME.exec(spec);
  if (!m) return;
  const name = normalisePyName(m[1]!);
  const at = firstOffsets(text, QUOTED_NAME).get(m[1]!) ?? firstOffsets(text, INI_KEY).get(m[1]!);
  const version = m[3]!.split(';')[0]!.trim();
  deps.push({
    ecosystem: 'pip',
    name,
    ...(version ? { version } : {}),
    path,
    ...(at !== undefined ? { line: lineAt(text, at) } : {}),
    dev,
  });
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parsePyproject(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const parsed = files.readToml<Table>(path);
  if (!parsed.ok) return { ecosystem: 'pip', path, ok: false, error: parsed.error };
  const text = files.read(path) ?? '';
  const doc = parsed.value;
  const project = isTable(doc.project) ? doc.project : {};
  const tool = isTable(doc.tool) ? doc.tool : {};
  const specs = (list: unknown, dev: boolean) => {
    if (Array.isArray(list)) for (const s of list) if (typeof s === 'string') pushSpec(deps, text, path, s, dev);
  };
  specs(project.dependencies, false);
  if (isTable(project['optional-dependencies'])) {
    for (const [group, list] of Object.entries(project['optional-dependencies'])) specs(list, isDevFile(group));
  }
  if (isTable(doc['dependency-groups'])) dependencyGroups(doc['dependency-groups'], text, path, deps);
  if (isTable(tool.uv)) specs(tool.uv['dev-dependencies'], true);
  if (isTable(tool.pdm) && isTable(tool.pdm['dev-dependencies'])) {
    for (const list of Object.values(tool.pdm['dev-dependencies'])) specs(list, true);
  }
  const poetry = isTable(tool.poetry) ? tool.poetry : undefined;
  if (poetry) {
    const table = (t: unknown, dev: boolean) => {
      if (!isTable(t)) return;
      for (const [name, v] of Object.entries(t)) {
        if (name.toLowerCase() === 'python') continue;
        const version = typeof v === 'string' ? v : isTable(v) && typeof v.version === 'string' ? v.version : '';
        pushSpec(deps, text, path, `${name} ${version}`.trim(), dev);
      }
    };
    table(poetry.dependencies, false);
    table(poetry['dev-dependencies'], true);
    if (isTable(poetry.group)) for (const g of Object.values(poetry.group)) if (isTable(g)) table(g.dependencies, true);
  }
  const name = pyprojectName(doc);
  return { ecosystem: 'pip', path, ok: true, ...(name ? { name } : {}) };
}

/** A PEP 735 group named for tooling: its packages are development dependencies. */
const DEV_GROUP =
  /^(dev|develop|development|tests?|testing|lint|linting|linters?|docs?|documentation|typing|types|type-?check(ing)?|mypy|ci|format(ting)?|style|checks?|qa|bench(mark)?s?|coverage|pre-?commit|release|build)([-_.].*)?$|[-_.](dev|tests?|lint|docs?|typing|types)$/i;
/** Packages that are only ever tools: a group made of nothing else is a development group. */
const TOOL_PACKAGE =
  /^(pytest([-_.].*)?|coverage|ruff|mypy|black|isort|flake8([-_.].*)?|pylint([-_.].*)?|pyright|basedpyright|pre-commit|prek|tox|nox|hypothesis|faker|factory-boy|freezegun|responses|respx|fakeredis|mock|types-.*|.*-stubs|sphinx([-_.].*)?|mkdocs([-_.].*)?|furo|myst-parser|deptry|bandit|vulture|codespell|pip-audit|safety|build|twine|hatch|bump-my-version|commitizen|ipython|ipdb|debugpy|coverage-.*)$/i;

/**
 * PEP 735 `[dependency-groups]`. Uv, PDM and pip install them on request, and many applications keep
 * their runtime stack there (`web = ["fastapi", …]`, `production = ["gunicorn"]`), so a group is a
 * development group only when its name says tooling (dev, test, lint, docs, typing…) or every package
 * in it is a tool. `{ include-group = "base" }` brings another group's packages in: a package is a
 * runtime dependency when any group that holds it, directly or by inclusion, is a runtime group.
 * Each package is declared once, at the line that names it.
 */
function dependencyGroups(groups: Table, text: string, path: string, deps: DeclaredDependency[]): void {
  const expand = (name: string, seen: Set<string>): string[] => {
    const list = groups[name];
    if (!Array.isArray(list) || seen.has(name)) return [];
    seen.add(name);
    const out: string[] = [];
    for (const item of list) {
      if (typeof item === 'string') out.push(item);
      else if (isTable(item) && typeof item['include-group'] === 'string')
        out.push(...expand(item['include-group'], seen));
    }
    return out;
  };
  const chosen = new Map<string, { spec: string; dev: boolean }>();
  for (const group of Object.keys(groups)) {
    const list = expand(group, new Set());
    const names = list.map((s) => REQ_NAME.exec(s)?.[1] ?? '');
    const dev = DEV_GROUP.test(group) || (names.length > 0 && names.every((n) => TOOL_PACKAGE.test(n)));
    list.forEach((spec, i) => {
      const key = normalisePyName(names[i]!);
      if (!key) return;
      const had = chosen.get(key);
      if (!had || (had.dev && !dev)) chosen.set(key, { spec: had && !dev ? had.spec : spec, dev });
    });
  }
  for (const { spec, dev } of chosen.values()) pushSpec(deps, text, path, spec, dev);
}

/** The distribution name a parsed pyproject.toml gives: `[project] name`, else `[tool.poetry] name`. */
export function pyprojectName(doc: Table): string | undefined {
  const project = isTable(doc.project) ? doc.project : {};
  const poetry = isTable(doc.tool) && isTable(doc.tool.poetry) ? doc.tool.poetry : undefined;
  return typeof project.name === 'string'
    ? project.name
    : poetry && typeof poetry.name === 'string'
      ? poetry.name
      : undefined;
}

export function parsePipfile(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const parsed = files.readToml<Table>(path);
  if (!parsed.ok) return { ecosystem: 'pip', path, ok: false, error: parsed.error };
  const text = files.read(path) ?? '';
  for (const [section, dev] of [
    ['packages', false],
    ['dev-packages', true],
  ] as const) {
    const t = parsed.value[section];
    if (!isTable(t)) continue;
    for (const [name, v] of Object.entries(t))
      pushSpec(deps, text, path, `${name} ${typeof v === 'string' && v !== '*' ? v : ''}`.trim(), dev);
  }
  return { ecosystem: 'pip', path, ok: true };
}

/** setup.cfg `install_requires =` (indented continuation lines) and setup.py `install_requires=[…]`. */
export function parseSetup(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const text = files.read(path);
  if (text === undefined) return { ecosystem: 'pip', path, ok: false, error: 'unreadable' };
  const lines = linesOf(text);
  if (path.endsWith('.cfg')) {
    let inBlock: boolean | null = null; // null: outside; value: dev?
    lines.forEach((raw, i) => {
      const key = CFG_KEY.exec(raw);
      if (key && !raw.startsWith(' ') && !raw.startsWith('\t')) {
        inBlock = key[1] === 'install_requires' ? false : key[1] === 'tests_require' ? true : null;
        if (inBlock !== null && key[2]!.trim()) pushLine(key[2]!, i, inBlock);
        return;
      }
      if (inBlock !== null && /^\s+\S/.test(raw)) pushLine(raw, i, inBlock);
      else if (raw.trim() && !/^\s/.test(raw)) inBlock = null;
    });
  } else {
    // The first `install_requires=[` to the next `]` (as `install_requires\s*=\s*\[([\s\S]*?)\]` found it,
    // without that regex's scan to the end from each of many unclosed ones: 0.7 s for 144 KB).
    const head = /install_requires\s*=\s*\[/.exec(text);
    const end = head ? text.indexOf(']', head.index + head[0].length) : -1;
    if (head && end >= 0) {
      const base = head.index + head[0].length - 1;
      for (const m of text.slice(base + 1, end).matchAll(/["']([^"']+)["']/g)) {
        const spec = REQ_NAME.exec(m[1]!);
        if (spec)
          deps.push({
            ecosystem: 'pip',
            name: normalisePyName(spec[1]!),
            path,
            line: lineAt(text, base + 1 + m.index!),
            dev: false,
          });
      }
    }
  }
  function pushLine(spec: string, i: number, dev: boolean) {
    const m = REQ_NAME.exec(spec.trim());
    if (m) deps.push({ ecosystem: 'pip', name: normalisePyName(m[1]!), path, line: i + 1, dev });
  }
  return { ecosystem: 'pip', path, ok: true };
}
