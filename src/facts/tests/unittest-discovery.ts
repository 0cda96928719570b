/**
 * What unittest discovery collects, for the runners built on it: Django's `manage.py test`
 * (DiscoverRunner: pattern `test*.py` from the directory it runs in, or the labels given) and
 * `python -m unittest [discover -s DIR -p PATTERN]`. Discovery imports a file only inside packages
 * (every folder from the start down to it has `__init__.py`) and only when its name matches the
 * pattern and is a module name; then only `TestCase` classes count. Taken from what CI and hooks
 * run, else from a Django project's manage.py when no other Python runner is set up.
 */
import type { FileView } from '../../types.js';
import { globMatcher } from '../../walk/glob.js';
import { commandGraph } from '../commands/index.js';
import { dirOf, joinPath } from '../commands/types.js';

export interface UnittestSpec {
  /** Start directories (repo-relative, '' for the root) and module files named as labels. */
  starts: string[];
  modules: string[];
  pattern: string;
  /** Why this discovery applies: the command or the file that implies it. */
  source: string;
}

const VENDORED = /(^|\/)(node_modules|vendor|third_party|\.venv|venv|site-packages|\.tox)\//;
const DJANGO_VALUED = [
  '-p',
  '--pattern',
  '-t',
  '--top-level-directory',
  '--settings',
  '--pythonpath',
  '--testrunner',
  '--tag',
  '--exclude-tag',
  '-k',
  '-v',
  '--verbosity',
  '--parallel',
  '--shuffle',
];

function flagOf(argv: string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    for (const n of names) {
      if (w === n) return argv[i + 1];
      if (w.startsWith(`${n}=`)) return w.slice(n.length + 1);
    }
  }
  return undefined;
}

function positionalsOf(argv: string[], valued: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w.startsWith('-')) {
      // `--parallel` and `--shuffle` take an optional value: only a number is theirs.
      if (
        valued.includes(w) &&
        !w.includes('=') &&
        (!/^--(?:parallel|shuffle)$/.test(w) || /^\d+$/.test(argv[i + 1] ?? ''))
      )
        i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** A label (`api`, `core.tests`, `core/tests`, `babybuddy.tests.tests_views.ViewsTestCase`) as a folder or module file. */
function resolveLabel(files: FileView, base: string, label: string): { dir?: string; module?: string } | undefined {
  if (label.includes('$')) return undefined;
  const parts = label.includes('/') ? [label.replace(/\/$/, '')] : label.split('.');
  // A dotted label may end in a class or method: the longest prefix that is a module or package wins.
  for (let n = parts.length; n > 0; n--) {
    const rel = label.includes('/') ? parts[0]! : parts.slice(0, n).join('/');
    const path = joinPath(base, rel);
    if (files.exists(`${path}.py`)) return { module: `${path}.py` };
    if (files.exists(`${path}/__init__.py`) || (label.includes('/') && files.match(`${path}/**/*.py`).length))
      return { dir: path };
  }
  if (label === '.') return { dir: base };
  return undefined;
}

function manageDir(files: FileView, program: string): string {
  if (program.includes('/')) return dirOf(joinPath('', program));
  const all = files.named('manage.py').filter((p) => !VENDORED.test(p));
  return dirOf(all.sort((a, b) => a.split('/').length - b.split('/').length)[0] ?? 'manage.py');
}

export function unittestSpecs(files: FileView): UnittestSpec[] {
  const out: UnittestSpec[] = [];
  let pythonRunner = false;
  for (const r of commandGraph(files).runs) {
    const head = r.argv[0] ?? '';
    const base = head.slice(head.lastIndexOf('/') + 1);
    const hop = r.chain[r.chain.length - 1];
    const at = hop ? `${hop.path}:${hop.line}` : r.origin.path;
    if (r.tools.some((t) => t.name === 'pytest' || t.name === 'nose2')) pythonRunner = true;
    if ((base === 'manage.py' || base === 'django-admin') && r.argv[1] === 'test') {
      pythonRunner = true;
      const dir = base === 'manage.py' ? manageDir(files, head) : '';
      const args = r.argv.slice(2);
      const named = positionalsOf(args, DJANGO_VALUED);
      // A label computed when the job runs (`test $(… print the apps …) core`) could be any app:
      // the selection is not known, so discovery is not narrowed.
      const labels = named.some((l) => l.includes('$')) ? [] : named;
      add(files, out, dir, labels, flagOf(args, ['-p', '--pattern']) ?? 'test*.py', `${at} (${base} test)`);
    } else if (base === 'unittest') {
      pythonRunner = true;
      const args = r.argv.slice(1);
      const discover = args[0] === 'discover' || args.length === 0 || args.every((a) => a.startsWith('-'));
      const rest = discover && args[0] === 'discover' ? args.slice(1) : args;
      const pos = positionalsOf(rest, [
        '-s',
        '--start-directory',
        '-p',
        '--pattern',
        '-t',
        '--top-level-directory',
        '-k',
      ]);
      const start = flagOf(rest, ['-s', '--start-directory']) ?? (discover ? (pos[0] ?? '.') : undefined);
      const pattern = flagOf(rest, ['-p', '--pattern']) ?? (discover ? pos[1] : undefined) ?? 'test*.py';
      add(files, out, '', start !== undefined ? [start] : pos, pattern, `${at} (unittest)`);
    }
  }
  if (pythonRunner || out.length) return out;
  // No command names a Python runner: a Django project's own runner is manage.py test, unless pytest is set up.
  const manage = files
    .named('manage.py')
    .filter((p) => !VENDORED.test(p) && /execute_from_command_line|DJANGO_SETTINGS_MODULE/.test(files.read(p) ?? ''));
  const pytestSetUp =
    files.exists('pytest.ini') ||
    files.named('conftest.py').some((p) => !VENDORED.test(p)) ||
    /\[tool\.pytest|\[pytest\]|\[tool:pytest\]/.test(
      ['pyproject.toml', 'setup.cfg', 'tox.ini'].map((p) => files.read(p) ?? '').join('\n'),
    );
  if (manage.length && !pytestSetUp) {
    const first = manage.sort((a, b) => a.split('/').length - b.split('/').length)[0]!;
    add(files, out, dirOf(first), [], 'test*.py', `${first} (Django's runner: manage.py test)`);
  }
  return out;
}

function add(files: FileView, out: UnittestSpec[], base: string, labels: string[], pattern: string, source: string) {
  const starts: string[] = [];
  const modules: string[] = [];
  for (const l of labels) {
    const r = resolveLabel(files, base, l);
    if (r?.dir !== undefined) starts.push(r.dir);
    if (r?.module) modules.push(r.module);
  }
  // Labels that name nothing here (a flag's value, a variable) leave the default: the whole start directory.
  if (!starts.length && !modules.length) starts.push(base);
  out.push({ starts, modules, pattern, source });
}

const IDENTIFIER = /^[A-Za-z_]\w*\.py$/;

/** The files a discovery spec imports, and the test-looking files it skips (with why). */
export function unittestCollects(
  files: FileView,
  spec: UnittestSpec,
): { paths: string[]; skipped: { path: string; reason: string }[] } {
  const match = globMatcher(spec.pattern, true);
  const paths = new Set<string>(spec.modules);
  const skipped: { path: string; reason: string }[] = [];
  for (const start of spec.starts) {
    for (const p of files.match(start ? `${start}/**/*.py` : '**/*.py')) {
      if (VENDORED.test(p)) continue;
      const base = p.slice(p.lastIndexOf('/') + 1);
      if (!match(base) || !IDENTIFIER.test(base)) continue;
      const rel = start ? p.slice(start.length + 1) : p;
      const dirs = rel.split('/').slice(0, -1);
      const outside = dirs.findIndex(
        (_, i) => !files.exists(joinPath(start, `${dirs.slice(0, i + 1).join('/')}/__init__.py`)),
      );
      if (outside >= 0)
        skipped.push({
          path: p,
          reason: `${joinPath(start, dirs.slice(0, outside + 1).join('/'))} has no __init__.py: unittest discovery (${spec.source}) does not import it`,
        });
      else paths.add(p);
    }
  }
  return { paths: [...paths].sort(), skipped };
}
