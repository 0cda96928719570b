/**
 * The test inventory of a repository, computed once per audit: every file a test runner would
 * collect, with its static count of test definitions, and the files that look like tests but
 * that the runner would not collect (and why). Nothing is executed; each file is read once.
 */
import type { DeclaredDependency, FileView } from '../../types.js';
import { parseGemfile } from '../manifests/others.js';
import { memo } from '../../util/memo.js';
import { CI_GLOBS } from '../ci.js';
import { buildScriptTests, isBuildScript } from './rust-build.js';
import { fixtureReason, rustFixtureCrates } from './rust-workspace.js';
import { TEST_DIGEST, TEST_GLOBS, type FileCount, type TestDigest } from './digest.js';
import { enumConstants, isCsTestMarker } from './annotated.js';
import { mask, SYNTAX } from './mask.js';
import { goTagsSet } from './go.js';
import { helmChartOf } from './helm.js';
import { jsRunnerFor, jsRunnerSpecs, type RunnerSpec } from './js-config.js';
import { pytestCollectedBy, pytestConfig } from './pytest-config.js';
import type { PyFunc } from './python-parse.js';
import { pythonBases } from './python-bases.js';
import { countPythonFile, pythonRegistry, type PyProject } from './python.js';
import { phpProviderRows, type RubyShared } from './scripting.js';
import type { JvmAnnotated } from './annotated.js';
import { countCollection, postmanCollections } from './postman.js';
import { counter, snippetAt, type TestFileCount } from './types.js';
import { unittestCollects, unittestSpecs } from './unittest-discovery.js';
import { escapeRe } from '../../util/regex.js';
import { isExamplePath, isTestPath } from '../paths.js';
import { cucumberRunnerOf } from './cucumber-jvm.js';
import { BATS_LIBRARY } from './bats.js';
import { C_TEST_LIBRARY } from './c-tests.js';
import { shellHarnessTests } from './shell-harness.js';

export { TEST_DIGEST, TEST_GLOBS, TEST_READS } from './digest.js';

// pytest's default python_files (`test_*.py`, `*_test.py`): a regex, not a glob compiled per file.
const DEFAULT_PY_TEST = /^(?:test_.*|(?!\.).*_test)\.py$/;

export const LANGUAGE_NAMES: Record<keyof typeof TEST_GLOBS, string> = {
  python: 'Python',
  js: 'JavaScript/TypeScript',
  go: 'Go',
  jvm: 'Java/Kotlin',
  csharp: 'C#',
  ruby: 'Ruby',
  php: 'PHP',
  rust: 'Rust',
  helm: 'Helm',
  terraform: 'Terraform',
  gherkin: 'Gherkin',
  molecule: 'Ansible',
  elixir: 'Elixir',
  swift: 'Swift',
  bats: 'Shell',
  c: 'C',
};

const joinChart = (dir: string) => (dir ? `${dir}/Chart.yaml` : 'Chart.yaml');

/** Installed, vendored or downloaded code (`.terraform/modules`: what `terraform init` fetched), not the project's tests. */
const VENDORED = /(^|\/)(node_modules|vendor|bower_components|third_party|\.venv|venv|target|\.git|\.terraform)\//;
const RUST_NOT_RUN = /(^|\/)(examples|benches)\//;

const RUBY_COLLECTED = /(?:_spec|_test)\.rb$|(^|\/)(?:test|spec)_[^/]*\.rb$/;

/**
 * Ruby: a file's own tests, plus the shared tests it runs — a Minitest module's tests once per
 * class that includes it, RSpec shared examples once per `it_behaves_like`/`include_examples`.
 * One policy with every framework (see `lendDeclared`): a shared body is declared once, so its
 * tests count in `cases` at their first use only, while `expanded` counts every use the runner
 * executes. Support files lend their shared tests and are not collected.
 */
/** Shared example bodies listed per test file (`via`); the counts take every one. */
const VIA_LIMIT = 100;

/** A Gemfile or gemspec that declares shoulda (the meta gem) or shoulda-context: the manifests' own parse. */
function declaresShoulda(files: FileView, path: string): boolean {
  const deps: DeclaredDependency[] = [];
  parseGemfile(files, path, deps);
  return deps.some((d) => d.name === 'shoulda' || d.name === 'shoulda-context');
}

/**
 * Folders whose Ruby tests may use shoulda-context: those of the Gemfiles and gemspecs that
 * depend on it (a test file counts when one of them is at or above it). Read only when a test
 * file has `should` definitions.
 */
function shouldaRoots(files: FileView): string[] {
  return files
    .match(['**/Gemfile', '**/gems.rb', '**/*.gemspec'])
    .filter((p) => !VENDORED.test(p) && declaresShoulda(files, p))
    .map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : ''));
}

function rubyFiles(
  paths: string[],
  digest: (p: string) => ReturnType<FileView['digest']>,
  record: Recorder,
  files: FileView,
): void {
  const digests = new Map<string, Extract<TestDigest, { kind: 'ruby' }>>();
  const shared = new Map<string, RubyShared & { path: string }>();
  const lent = new Set<object>();
  for (const path of paths) {
    const d = digest(path) as TestDigest | undefined;
    if (d?.kind !== 'ruby') continue;
    digests.set(path, d);
    for (const s of d.shared) if (!shared.has(`${s.kind}:${s.name}`)) shared.set(`${s.kind}:${s.name}`, { ...s, path });
  }
  const find = (name: string) => shared.get(`module:${name}`) ?? shared.get(`examples:${name}`);
  type Shared = RubyShared & { path: string };
  // Cases one inclusion runs: its own and, to any depth, those of the shared examples it includes
  // (worked out once per shared body; a cycle back to an including body runs nothing more). An
  // explicit stack, not recursion: a chain of thousands of bodies must not overflow the call stack.
  const runs = new Map<Shared, number>();
  const runsOf = (root: Shared): number => {
    const known = runs.get(root);
    if (known !== undefined) return known;
    const open = new Set<Shared>([root]);
    const frames = [{ s: root, n: root.cases, next: 0 }];
    for (;;) {
      const f = frames[frames.length - 1]!;
      const uses = f.s.uses ?? [];
      if (f.next < uses.length) {
        const t = find(uses[f.next++]!);
        if (!t || open.has(t)) continue;
        const done = runs.get(t);
        if (done !== undefined) f.n += done;
        else open.add(t), frames.push({ s: t, n: t.cases, next: 0 });
        continue;
      }
      frames.pop();
      open.delete(f.s);
      runs.set(f.s, f.n);
      const parent = frames[frames.length - 1];
      if (!parent) return f.n;
      parent.n += f.n;
    }
  };
  let roots: string[] | undefined;
  for (const [path, d] of digests) {
    if (!RUBY_COLLECTED.test(path)) continue;
    const count = { ...d.count };
    // shoulda-context's `should` blocks and matcher one-liners, where shoulda is in use.
    const sh = d.shoulda;
    const shoulda =
      sh && (sh.requires || (roots ??= shouldaRoots(files)).some((r) => path.startsWith(r))) ? sh : undefined;
    if (shoulda) {
      count.cases += shoulda.cases;
      count.skipped += shoulda.skipped;
      count.expanded += shoulda.cases;
      if (count.firstLine === undefined || shoulda.firstLine < count.firstLine) count.firstLine = shoulda.firstLine;
    }
    const via: NonNullable<TestFileCount['via']> = [];
    const reached = new Set<Shared>();
    // Each body reachable from this file is declared (at its first user) and listed once (the
    // first VIA_LIMIT of them), in depth-first order; an explicit stack, as in runsOf.
    const reach = (from: Shared) => {
      const todo = [from];
      while (todo.length > 0) {
        const s = todo.pop()!;
        if (reached.has(s)) continue;
        reached.add(s);
        lendDeclared(count, { cases: s.cases, skipped: s.skipped, parametrized: 0, expanded: 0 }, s, lent);
        if (s.kind === 'examples' && via.length < VIA_LIMIT)
          via.push({ name: s.name, path: s.path, line: s.line, cases: s.cases });
        const uses = s.uses ?? [];
        for (let k = uses.length - 1; k >= 0; k--) {
          const t = find(uses[k]!);
          if (t && !reached.has(t)) todo.push(t);
        }
      }
    };
    for (const name of d.uses) {
      const s = find(name);
      if (!s) continue;
      count.expanded += runsOf(s);
      reach(s);
    }
    record(
      path,
      'Ruby',
      via.length ? { ...count, via } : count,
      shoulda ? `${d.count.framework ?? 'Minitest'} + shoulda-context` : (d.count.framework ?? 'ruby'),
      (l) => (l === d.count.firstLine ? d.snippet : shoulda?.snippet),
    );
  }
}

type Lent = Pick<FileCount, 'cases' | 'skipped' | 'parametrized' | 'expanded'>;

/**
 * Declared vs expanded, one policy for every framework: tests written once and run in several
 * places (RSpec shared examples, a Minitest module, a PHPUnit abstract base's methods) are
 * *declared* once — `cases`, `skipped` and `parametrized` take them at their first user only —
 * and *expanded* per use: `expanded` takes them at every user, as the runner executes them.
 */
function lendDeclared(count: Lent, from: Lent, source: object, lent: Set<object>): void {
  count.expanded += from.expanded;
  if (lent.has(source)) return;
  lent.add(source);
  count.cases += from.cases;
  count.skipped += from.skipped;
  count.parametrized += from.parametrized;
}

type Recorder = (
  path: string,
  language: string,
  r: FileCount & Pick<TestFileCount, 'via'>,
  framework: string,
  snippet: (line: number) => string | undefined,
) => void;

/**
 * testify suites resolved per package (folder): a `TestX` function that calls `suite.Run(t,
 * new(S))` is replaced by the `Test*` methods of S (and of the suites S embeds) it runs, each
 * counted in the file that defines it. A suite whose methods are not found keeps its runner.
 */
function testifySuites(
  goFiles: [string, Extract<TestDigest, { kind: 'go' }>][],
): Map<string, { delta: number; runs: number; first?: number; snippet?: string }> {
  const out = new Map<string, { delta: number; runs: number; first?: number; snippet?: string }>();
  // A method of a suite embedded in several suites is declared once and run in each (`lendDeclared`).
  const declared = new Set<object>();
  const byDir = new Map<string, [string, Extract<TestDigest, { kind: 'go' }>][]>();
  for (const f of goFiles) {
    if (!f[1].suites) continue;
    const dir = f[0].includes('/') ? f[0].slice(0, f[0].lastIndexOf('/')) : '';
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  const bump = (path: string, n: number, at?: { line: number; snippet: string }, runOnly = false) => {
    const cur = out.get(path) ?? { delta: 0, runs: 0 };
    cur.runs += n;
    if (!runOnly) cur.delta += n;
    if (at && (cur.first === undefined || at.line < cur.first)) (cur.first = at.line), (cur.snippet = at.snippet);
    out.set(path, cur);
  };
  for (const files of byDir.values()) {
    const embeds: Record<string, string[]> = Object.assign({}, ...files.map(([, d]) => d.suites!.embeds));
    const methods = files.flatMap(([path, d]) => d.suites!.methods.map((m) => ({ ...m, path, src: m })));
    const family = (t: string, seen = new Set<string>()): string[] =>
      seen.has(t) ? [] : (seen.add(t), [t, ...(embeds[t] ?? []).flatMap((e) => family(e, seen))]);
    for (const [path, d] of files)
      for (const r of d.suites!.runners) {
        let ran = 0;
        for (const t of r.types) {
          const own = methods.filter((m) => family(t).includes(m.recv));
          for (const m of own) {
            bump(m.path, 1, m, declared.has(m.src));
            declared.add(m.src);
          }
          ran += own.length ? 1 : 0;
        }
        // The runner function is only the suite's entry point when the suite's tests were found.
        if (ran === r.types.length) bump(path, -1);
      }
  }
  return out;
}

export interface TestInventory {
  files: TestFileCount[];
  notCollected: { path: string; reason: string }[];
  /** Where the collection rules came from (pytest config, runner configs). */
  sources: string[];
}

/**
 * PHPUnit runs the concrete `*Test.php` classes. An abstract class is not run itself: its test
 * methods run once in every concrete class that extends it (directly or through another abstract
 * base): declared once at the first such class, expanded in each (`lendDeclared`); a
 * `*TestCase.php` file only lends its tests.
 */
function phpFiles(
  paths: string[],
  digest: (p: string) => ReturnType<FileView['digest']>,
  record: Recorder,
  files: FileView,
): void {
  // Providers of other classes (`#[DataProviderExternal(Rows::class, 'name')]`): read from the one
  // non-vendored `Rows.php` of the repository (PSR-4 names a class's file after it); a class found
  // in no file or in several, or a provider not sized statically, keeps the 1 the test counted.
  const rowsByClass = new Map<string, Map<string, number | null> | null>();
  const externalRows = (cls: string, method: string): number | undefined => {
    if (!rowsByClass.has(cls)) {
      const found = rowsByClass.size < 200 ? files.named(`${cls}.php`).filter((p) => !VENDORED.test(p)) : [];
      const text = found.length === 1 ? files.read(found[0]!) : undefined;
      rowsByClass.set(cls, text !== undefined && text.length <= 1_000_000 ? phpProviderRows(text) : null);
    }
    return rowsByClass.get(cls)?.get(method) ?? undefined;
  };
  const digests = new Map<string, Extract<TestDigest, { kind: 'php' }>>();
  const bases = new Map<string, { parent: string; count: FileCount }>();
  const lent = new Set<object>();
  for (const path of paths) {
    const d = digest(path) as TestDigest | undefined;
    if (d?.kind !== 'php') continue;
    digests.set(path, d);
    const own = d.classes.filter((c) => c.abstract);
    // A file with one abstract class lends all its tests (the usual one-class-per-file layout).
    if (own.length === 1 && d.classes.length === 1) bases.set(own[0]!.name, { parent: own[0]!.parent, count: d.count });
  }
  for (const [path, d] of digests) {
    if (!path.endsWith('Test.php') || d.classes.some((c) => c.abstract)) continue;
    const count = { ...d.count };
    for (const e of d.external ?? []) {
      const rows = externalRows(e.cls, e.method);
      if (rows !== undefined && rows >= 1) count.expanded += rows - 1;
    }
    const concrete = d.classes.length === 1 ? d.classes[0]! : undefined;
    const seen = new Set<string>();
    for (let parent = concrete?.parent; parent && !seen.has(parent) && bases.has(parent); ) {
      seen.add(parent);
      const b = bases.get(parent)!;
      lendDeclared(count, b.count, b, lent);
      parent = b.parent;
    }
    record(path, 'PHP', count, count.framework ?? 'php', () => d.snippet);
  }
}

type JvmDigest = Extract<TestDigest, { kind: 'jvm' }>;
interface JvmInherited {
  /** Files of abstract bases that a concrete test class extends: counted in their subclasses. */
  bases: Set<string>;
  /** Per subclass file, the bases whose tests it runs (nearest first). */
  lends: Map<string, { source: object; count: FileCount }[]>;
  lent: Set<object>;
}

/**
 * JUnit/TestNG tests declared in an abstract class run once per concrete subclass, not by
 * themselves (blind round 48: an abstract filter test of 3 cases extended by 4 classes is 12 runs,
 * counted 3). Like PHPUnit's abstract bases: a file whose one class is abstract lends its tests to
 * each concrete class, in any test file, whose chain of superclasses reaches it (12 levels at most);
 * declared once, expanded per subclass. A base nobody extends here keeps its own count.
 */
function jvmAbstractBases(paths: string[], digest: (p: string) => ReturnType<FileView['digest']>): JvmInherited {
  const out: JvmInherited = { bases: new Set(), lends: new Map(), lent: new Set() };
  const bases = new Map<string, { path: string; parent: string; count: FileCount; source: object }>();
  const concrete: [string, string][] = [];
  for (const path of paths) {
    const d = digest(path) as TestDigest | undefined;
    if (d?.kind !== 'jvm' || !d.classes?.length) continue;
    const only = d.classes.length === 1 ? d.classes[0]! : undefined;
    if (only?.abstract && d.count.cases > 0)
      bases.set(only.name, { path, parent: only.parent, count: d.count, source: d });
    for (const c of d.classes) if (!c.abstract && c.parent) concrete.push([path, c.parent]);
  }
  if (bases.size === 0) return out;
  for (const [path, first] of concrete) {
    const seen = new Set<string>();
    for (let parent: string | undefined = first; parent && !seen.has(parent) && seen.size < 12; ) {
      seen.add(parent);
      const b = bases.get(parent);
      if (!b) break;
      if (b.path !== path) {
        out.bases.add(b.path);
        const list = out.lends.get(path) ?? [];
        list.push({ source: b.source, count: b.count });
        out.lends.set(path, list);
      }
      parent = b.parent;
    }
  }
  return out;
}

/**
 * The number of constants of an enum a test names (`Serde.Target`, `Kind`), looked up in the Java
 * and Kotlin files named for one of the name's parts (`Serde.java` holding the nested enum,
 * `Kind.kt`): a public enum lives in the file of its own or its outer class's name. Undefined when
 * none is found. Each name is looked up once; at most 4 files read per name.
 */
function jvmEnumSizes(files: FileView): (type: string) => number | undefined {
  let byName: Map<string, string[]> | undefined;
  const memoed = new Map<string, number | undefined>();
  // A file's masked text, once: several enum types may name the same (outer class's) file.
  const masked = new Map<string, string>();
  const maskedText = (p: string, text: string) => {
    let m = masked.get(p);
    if (m === undefined) {
      m = mask(text.slice(0, 500_000), p.endsWith('.kt') ? SYNTAX.kotlin : SYNTAX.java);
      masked.set(p, m);
    }
    return m;
  };
  return (type) => {
    if (memoed.has(type)) return memoed.get(type);
    if (!byName) {
      byName = new Map();
      for (const p of files.paths) {
        const m = /(?:^|\/)(\w+)\.(?:java|kt)$/.exec(p);
        if (!m) continue;
        const list = byName.get(m[1]!) ?? [];
        if (list.length < 4) list.push(p);
        byName.set(m[1]!, list);
      }
    }
    const parts = type.split('.').filter(Boolean);
    const name = parts[parts.length - 1] ?? '';
    let n: number | undefined;
    for (const part of [...parts].reverse()) {
      for (const p of byName.get(part) ?? []) {
        const text = files.read(p);
        if (!text?.includes(name)) continue;
        n = enumConstants(maskedText(p, text), name);
        if (n !== undefined) break;
      }
      if (n !== undefined) break;
    }
    memoed.set(type, n);
    return n;
  };
}

/** A JVM file's count with its abstract bases' tests lent to it and its `@EnumSource` tests expanded. */
function jvmAdjusted(
  path: string,
  d: JvmDigest,
  inherited: JvmInherited,
  enumSize: (type: string) => number | undefined,
): FileCount {
  const count = { ...d.count };
  for (const e of d.enumSources ?? []) {
    const n = enumSize(e.type);
    // Counted once so far (an unresolved source): the other constants run too.
    if (n !== undefined) count.expanded += Math.max(1, n - (e.exclude ?? 0)) - 1;
  }
  for (const b of inherited.lends.get(path) ?? []) lendDeclared(count, b.count, b.source, inherited.lent);
  return count;
}

/**
 * C# custom test attributes, resolved across the test files: a class deriving (directly or
 * through another custom one) from a test marker — `FactLongRunningAttribute : FactAttribute`,
 * a `TestAttribute` subclass — marks a test at each use, counted like the marker it derives from
 * (a Theory-derived one with its `[InlineData]` rows). Returns what each file gains.
 */
function csharpCustomTests(
  paths: string[],
  digest: (p: string) => ReturnType<FileView['digest']>,
): Map<string, { count: FileCount; snippet: (line: number) => string | undefined }> {
  const out = new Map<string, { count: FileCount; snippet: (line: number) => string | undefined }>();
  const found: [string, Extract<TestDigest, { kind: 'csharp' }>][] = [];
  for (const path of paths) {
    const d = digest(path) as TestDigest | undefined;
    if (d?.kind === 'csharp' && d.custom) found.push([path, d]);
  }
  const bases = new Map<string, string>();
  for (const [, d] of found) for (const a of d.custom!.attrs) if (!isCsTestMarker(a.name)) bases.set(a.name, a.base);
  if (!bases.size) return out;
  // The marker each custom attribute derives from, through chains of custom attributes.
  const root = (name: string, seen = new Set<string>()): string | undefined =>
    isCsTestMarker(name)
      ? name
      : seen.has(name) || !bases.has(name)
        ? undefined
        : (seen.add(name), root(bases.get(name)!, seen));
  for (const [path, d] of found) {
    const c = counter();
    let framework = '';
    for (const u of d.custom!.uses) {
      const marker = u.names.map((n) => root(n)).find((r) => r !== undefined);
      if (!marker) continue;
      framework ||= /Fact|Theory/.test(marker) ? 'xUnit' : /TestMethod/.test(marker) ? 'MSTest' : 'NUnit';
      const theory = /Theory$/.test(marker) || u.rows > 0;
      c.add({ line: u.line, skipped: u.skipped, ...(theory ? { params: u.rows || null } : {}) });
    }
    const r = c.result();
    if (r.cases) out.set(path, { count: { ...r, framework }, snippet: (l) => d.customSnippets?.[l] });
  }
  return out;
}

/** Adds the custom-attribute tests of a C# file to its own count. */
function withCustom(own: FileCount, extra: FileCount): FileCount {
  const firstLine =
    own.firstLine === undefined ? extra.firstLine : Math.min(own.firstLine, extra.firstLine ?? own.firstLine);
  return {
    ...own,
    framework: own.cases ? own.framework : extra.framework,
    cases: own.cases + extra.cases,
    skipped: own.skipped + extra.skipped,
    parametrized: own.parametrized + extra.parametrized,
    expanded: own.expanded + extra.expanded,
    ...(firstLine !== undefined ? { firstLine } : {}),
  };
}

/** Where a Go project's CI sets build tags: CI configuration and Makefiles. */
const GO_TAG_SOURCES = [
  '.github/workflows/*.{yml,yaml}',
  '.gitlab-ci.yml',
  '.circleci/config.yml',
  'azure-pipelines.yml',
  '.travis.yml',
  '**/*.mk',
];

export function testInventory(files: FileView): TestInventory {
  return memo(files, 'tests:inventory', () => build(files));
}

function build(files: FileView): TestInventory {
  const out: TestFileCount[] = [];
  const notCollected: TestInventory['notCollected'] = [];
  const sources: string[] = [];
  const digest = (path: string) => files.digest(path, TEST_DIGEST);
  let tunitProjects: boolean | undefined;
  const nunitOrTUnit = (path: string): string => {
    const head = (files.read(path) ?? '').slice(0, 20_000);
    if (/^[ \t]*(?:global[ \t]+)?using[ \t]+NUnit\b/m.test(head)) return 'NUnit';
    if (/^[ \t]*(?:global[ \t]+)?using[ \t]+TUnit\b/m.test(head)) return 'TUnit';
    tunitProjects ??= referencesTUnitOnly(files);
    return tunitProjects ? 'TUnit' : 'NUnit';
  };
  const record = (
    path: string,
    language: string,
    r: FileCount & Pick<TestFileCount, 'via'>,
    framework: string,
    snippet: (line: number) => string | undefined,
  ) => {
    const { firstLine, ...rest } = r;
    if (rest.cases === 0 && rest.expanded === 0 && !rest.benchmarks && !rest.fuzz && !rest.examples) return;
    // `[Test]` is NUnit's and TUnit's: decided by the file's using directive, else by the package
    // the projects reference (blind round 33: refit's TUnit tests were reported as NUnit).
    if (language === 'C#' && framework === 'NUnit') framework = nunitOrTUnit(path);
    const cite = firstLine ? snippet(firstLine) : undefined;
    out.push({
      path,
      language,
      framework,
      cases: rest.cases,
      skipped: rest.skipped,
      parametrized: rest.parametrized,
      expanded: rest.expanded,
      ...(rest.fromTables ? { fromTables: rest.fromTables } : {}),
      ...(rest.benchmarks ? { benchmarks: rest.benchmarks } : {}),
      ...(rest.fuzz ? { fuzz: rest.fuzz } : {}),
      ...(rest.examples ? { examples: rest.examples } : {}),
      ...(rest.via ? { via: rest.via } : {}),
      ...(firstLine ? { first: { line: firstLine, snippet: cite ?? '' } } : {}),
    });
  };
  const JS_EXT = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';
  const candidates = (globs: string[]) => files.match(globs).filter((p) => !VENDORED.test(p));

  // Python: the files pytest would collect under its configuration.
  const py = pytestConfig(files);
  if (py.source) sources.push(py.source);
  for (const r of py.runs ?? []) sources.push(r.at.replace(/:\d+$/, ''));
  const customPy = [py, ...(py.runs ?? []).map((r) => r.cfg)].some(
    (c) => c.explicit?.length || c.files.some((g) => !['test_*.py', '*_test.py'].includes(g)),
  );
  const pyFiles = customPy
    ? files.paths.filter((p) => p.endsWith('.py') && !VENDORED.test(p))
    : candidates(TEST_GLOBS.python);
  const declared = new Set<PyFunc>();
  const project: PyProject = { modules: new Map(), conftests: new Map(), cfg: py, cfgOf: new Map(), declared };
  const snippets = new Map<string, Map<number, string>>();
  for (const path of pyFiles) {
    const by = pytestCollectedBy(path, py);
    if (by && by !== py) project.cfgOf!.set(path, by);
    if (!by) {
      if (DEFAULT_PY_TEST.test(path.split('/').pop()!))
        notCollected.push({
          path,
          reason: py.source
            ? `outside what ${py.source} tells pytest to collect`
            : 'pytest does not recurse into this folder',
        });
      continue;
    }
    const d = digest(path);
    if (d?.kind === 'python') project.modules.set(path, d.module), snippets.set(path, d.snippets);
  }
  if (project.modules.size > 0) {
    for (const path of candidates(['**/conftest.py'])) {
      const d = digest(path);
      if (d?.kind === 'python')
        project.conftests.set(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '', d.module);
    }
  }

  // unittest discovery (Django's manage.py test, `python -m unittest`): test*.py inside packages, TestCase classes.
  const unittest: PyProject = { modules: new Map(), conftests: new Map(), cfg: py, declared };
  for (const spec of unittestSpecs(files)) {
    sources.push(spec.source);
    const { paths, skipped } = unittestCollects(files, spec);
    for (const path of paths) {
      if (project.modules.has(path) || unittest.modules.has(path)) continue;
      const d = digest(path);
      if (d?.kind === 'python') unittest.modules.set(path, d.module), snippets.set(path, d.snippets);
    }
    for (const sk of skipped)
      if (!notCollected.some((n) => n.path === sk.path) && !project.modules.has(sk.path)) notCollected.push(sk);
  }
  // Base classes are resolved once, over every module either collector runs: to pytest's modules,
  // the unittest-only ones are helpers that may define their bases.
  const both = new Map([...project.modules, ...unittest.modules]);
  const bases = both.size > 0 ? pythonBases(files, both) : undefined;
  if (project.modules.size > 0) {
    project.bases = { ...bases!, helpers: new Map([...bases!.helpers, ...unittest.modules]) };
    const reg = pythonRegistry(project);
    for (const path of [...project.modules.keys()]) {
      const r = countPythonFile(path, project, reg);
      record(path, 'Python', r, r.framework, (l) => snippets.get(path)?.get(l));
    }
  }
  if (unittest.modules.size > 0) {
    unittest.bases = bases;
    const reg = pythonRegistry({ ...unittest, modules: both });
    for (const path of [...unittest.modules.keys()]) {
      const r = countPythonFile(path, unittest, reg, 'unittest');
      record(path, 'Python', r, r.framework, (l) => snippets.get(path)?.get(l));
    }
  }

  // JavaScript/TypeScript: files some configured runner includes.
  const specs = jsRunnerSpecs(files);
  sources.push(...new Set(specs.map((s) => s.source)));
  const jsCandidates = new Set(candidates(TEST_GLOBS.js));
  for (const s of specs) for (const p of candidates(s.include)) if (/\.[cm]?[jt]sx?$/.test(p)) jsCandidates.add(p);
  // A Playwright project's regex testMatch (`/.*\.setup\.ts/`) names files no glob does.
  for (const s of specs.filter((x) => x.also))
    for (const p of candidates([s.dir ? `${s.dir}/**/*.${JS_EXT}` : `**/*.${JS_EXT}`]))
      if (s.also!.some((re) => re.test(`/${p}`))) jsCandidates.add(p);
  // Test files a runner reaches through a linked folder inside its own (`frontend/src/common →
  // ../../common`): counted once, at their real path, with that runner.
  const viaLink = jsThroughLinks(files, specs);
  for (const p of viaLink.keys()) jsCandidates.add(p);
  for (const path of [...jsCandidates].sort()) {
    if (/\.d\.[cm]?ts$/.test(path)) continue;
    if (/\.(?:test|spec)-d\.[cm]?[jt]sx?$/.test(path) && !specs.some((s) => s.typecheck && jsRunnerFor(path, [s])))
      continue;
    const runner = specs.length
      ? (jsRunnerFor(path, specs) ?? viaLink.get(path))
      : /\.(test|spec)\.[cm]?[jt]sx?$|__tests__\//.test(path)
        ? 'unknown'
        : undefined;
    if (!runner) {
      if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(path))
        notCollected.push({ path, reason: 'no configured JavaScript test runner includes it' });
      continue;
    }
    const d = digest(path);
    if (d?.kind !== 'js') continue;
    record(path, 'JavaScript/TypeScript', d.count, d.count.framework ?? runner, () => d.snippet);
  }

  const goFiles: [string, Extract<TestDigest, { kind: 'go' }>][] = [];
  let ciTags: Set<string> | undefined;
  // Tags CI sets are read once, and only when some test file needs one.
  const setByCi = () =>
    (ciTags ??= goTagsSet(
      [...files.match(GO_TAG_SOURCES), ...files.named('Makefile')].flatMap((p) => files.read(p) ?? []),
    ));
  for (const path of candidates(TEST_GLOBS.go)) {
    if (path.split('/').some((dir) => dir.startsWith('_') || dir.startsWith('.'))) continue;
    const d = digest(path);
    if (d?.kind !== 'go') continue;
    if (d.tags.length && !d.tags.every((t) => setByCi().has(t))) {
      notCollected.push({ path, reason: `needs build tag ${d.tags.join(', ')} (go test -tags ${d.tags[0]})` });
      continue;
    }
    goFiles.push([path, d]);
  }
  const suiteCounts = testifySuites(goFiles);
  for (const [path, d] of goFiles) {
    const s = suiteCounts.get(path);
    const count = s
      ? {
          ...d.count,
          cases: d.count.cases + s.delta,
          expanded: d.count.expanded + s.runs,
          ...(s.first !== undefined && (d.count.firstLine === undefined || s.first < d.count.firstLine)
            ? { firstLine: s.first }
            : {}),
        }
      : d.count;
    record(path, 'Go', count, s ? 'go test (testify suites)' : 'go test', (l) =>
      l === d.count.firstLine ? d.snippet : s?.snippet,
    );
  }

  rubyFiles(candidates(TEST_GLOBS.ruby), digest, record, files);

  for (const c of postmanCollections(files)) {
    const text = files.read(c.path) ?? '';
    const r = countCollection(text);
    if (!r) continue;
    sources.push(c.source);
    const lines = files.lines(c.path) ?? text;
    record(c.path, 'Postman', r, r.framework, (l) => snippetAt(lines, l));
  }

  phpFiles(candidates(TEST_GLOBS.php), digest, record, files);

  // JUnit 5 meta-annotations declared by the test sources (`@ParameterizedTest @interface MultiLocaleTest`).
  const metaTests = new Map<string, boolean>();
  for (const path of candidates(TEST_GLOBS.jvm)) {
    const d = digest(path);
    if (d?.kind === 'jvm') for (const m of d.metaTests ?? []) metaTests.set(m.name, m.parametrized);
  }
  // Kotlin test DSL wrappers declared by the test sources (`@TestRegistering fun TestSuite.testServer(…)`).
  const dslWrappers = new Map<string, string>();
  for (const path of candidates(TEST_GLOBS.jvm)) {
    const d = digest(path);
    if (d?.kind === 'jvm' && d.dslWrappers)
      for (const n of d.dslWrappers.names) dslWrappers.set(n, d.dslWrappers.framework);
  }
  // JUnit 3 through the project's own base classes (`class MapTest extends JSR166TestCase`, which
  // `extends TestCase`): superclasses of the test sources, followed across files.
  const superOf = new Map<string, string>();
  for (const path of candidates(TEST_GLOBS.jvm)) {
    const d = digest(path);
    if (d?.kind === 'jvm') for (const [name, sup] of d.junit3?.classes ?? []) superOf.set(name, sup);
  }
  // Spock specs the same way: `class FooSpec extends ProjectSpec`, `ProjectSpec extends Specification`.
  const junit3Base = (name: string, root = 'TestCase') => {
    let at: string | undefined = name;
    for (let depth = 0; at !== undefined && depth < 12; depth++) {
      if (at === root) return depth > (root === 'TestCase' ? 1 : 0);
      at = superOf.get(at);
    }
    return false;
  };
  const jvmInherited = jvmAbstractBases(candidates(TEST_GLOBS.jvm), digest);
  const enumSize = jvmEnumSizes(files);
  const csCustom = csharpCustomTests(candidates(TEST_GLOBS.csharp), digest);
  gherkinFiles(files, candidates(TEST_GLOBS.gherkin), digest, record, notCollected, sources);
  const rustMacros = rustTestMacros(candidates(TEST_GLOBS.rust), digest);
  const rustAttrs = rustAttrMacros(candidates(TEST_GLOBS.rust), digest);
  const rustFixture = rustFixtureCrates(files);
  for (const lang of [
    'jvm',
    'csharp',
    'rust',
    'helm',
    'terraform',
    'molecule',
    'elixir',
    'swift',
    'bats',
    'c',
  ] as const) {
    for (const path of candidates(TEST_GLOBS[lang])) {
      if (lang === 'bats' && BATS_LIBRARY.test(path)) continue;
      if (lang === 'c' && C_TEST_LIBRARY.test(path)) continue;
      if (lang === 'rust' && RUST_NOT_RUN.test(path)) continue;
      if (lang === 'rust') {
        // A crate the tests compile (tests/crates/foo with a [workspace] of its own), not one they run.
        const fixture = rustFixture(path);
        if (fixture) {
          const d = digest(path);
          if (d?.kind === 'rust' && d.count.cases > 0) notCollected.push({ path, reason: fixtureReason(fixture) });
          continue;
        }
      }
      if (lang === 'rust' && isBuildScript(files, path)) {
        const g = buildScriptTests(files, path);
        if (g) {
          const own = digest(path);
          const ownCases = own?.kind === 'rust' ? Math.max(0, own.count.cases - g.templates) : 0;
          const cases = ownCases + g.cases;
          const lines = files.lines(path);
          out.push({
            path,
            language: 'Rust',
            framework: 'cargo test',
            cases,
            skipped: 0,
            parametrized: 0,
            expanded: cases,
            generated: { line: g.line, cases: g.cases, dirs: g.dirs, includedBy: g.includedBy },
            files: g.cases + (ownCases ? 1 : 0),
            first: { line: g.line, snippet: lines ? snippetAt(lines, g.line) : '#[test]' },
          });
          continue;
        }
      }
      // Helm test files count inside a chart only.
      if (lang === 'helm' && !files.exists(joinChart(helmChartOf(path)))) continue;
      const d0 = digest(path);
      if (d0?.kind !== lang) continue;
      // JVM: an abstract base with concrete subclasses is counted in them; `@EnumSource` tests whose
      // enum another file declares run once per constant; a subclass runs its abstract bases' tests.
      if (d0.kind === 'jvm' && jvmInherited.bases.has(path)) continue;
      const d = d0.kind === 'jvm' ? { ...d0, count: jvmAdjusted(path, d0, jvmInherited, enumSize) } : d0;
      const indirect =
        d.kind === 'jvm' &&
        d.junit3?.tests.length &&
        d.junit3.classes.some(([name]) => junit3Base(name, d.junit3!.root))
          ? d.junit3.tests
          : undefined;
      const wrapped =
        d.kind === 'jvm' && dslWrappers.size ? d.dslCalls?.filter((c) => dslWrappers.has(c.name)) : undefined;
      if (d.kind === 'jvm' && ((metaTests.size && d.annotated?.length) || indirect || wrapped?.length)) {
        const { count, snippets } = withMetaTests(d.count, d.annotated ?? [], metaTests);
        if (indirect) withJunit3(count, indirect, snippets, d.kind === 'jvm' && d.junit3?.root ? 'Spock' : 'JUnit 3');
        if (wrapped?.length) withDslWrappers(count, wrapped, dslWrappers, snippets);
        record(path, LANGUAGE_NAMES[lang], count, count.framework ?? lang, (l) =>
          l === d.count.firstLine ? d.snippet : snippets.get(l),
        );
        continue;
      }
      if (
        d.kind === 'rust' &&
        (d.macroVia || (d.macroCalls && rustMacros.size) || d.attrUses?.some((u) => rustAttrs.has(u.name)))
      ) {
        withRustMacros(path, d, rustMacros, record, rustAttrs);
        continue;
      }
      const custom = lang === 'csharp' ? csCustom.get(path) : undefined;
      if (custom) {
        const count = withCustom(d.count, custom.count);
        record(path, 'C#', count, count.framework ?? lang, (l) =>
          l === d.count.firstLine ? d.snippet : custom.snippet(l),
        );
        continue;
      }
      record(path, LANGUAGE_NAMES[lang], d.count, d.count.framework ?? lang, () => d.snippet);
    }
  }
  // Shell suites with a home-made harness that CI runs (`test_start "name"` per case).
  const listed = new Set(out.map((f) => f.path));
  for (const f of shellHarnessTests(files, VENDORED)) if (!listed.has(f.path)) out.push(f);
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  notCollected.sort((a, b) => (a.path < b.path ? -1 : 1));
  const sample = standaloneGradleSamples(files);
  const kept = withoutFixtures(out).filter((f) => !CORPUS_DIR.test(f.path) && !sample(f.path));
  return {
    files: kept,
    notCollected: notCollected.filter((n) => !FIXTURE_DIR.test(n.path)),
    sources: [...new Set(sources)].sort(),
  };
}

/**
 * A test-data folder: `tests/data/`, `testdata/`, `test/fixtures/`, `__fixtures__/`,
 * `tests/resources/`, `spec/fixtures/`, `src/test/resources/`. What lies there is input the tests
 * read (a sample source file per language a code counter knows, a feature file a parser parses).
 */
export const FIXTURE_DIR =
  /(^|\/)(?:(?:tests?|specs?|__tests__)\/(?:data|fixtures?|resources|samples)\/|(?:testdata|test[-_]data|__fixtures__)\/|src\/test\/resources\/)/i;

/**
 * A corpus of other projects' code kept as test input: a formatter's top-level `Snapshots/` of
 * third-party sources, a fuzzer's `corpus/`. Test methods there are those projects' tests, never
 * this one's, whatever language the project tests in (blind round 27, SwiftFormat: 1,700 XCTest
 * methods of the snapshotted projects counted beside its own 5,766).
 */
const CORPUS_DIR = /(^|\/)(?:corpus|corpora)\/|^snapshots\//i;

/**
 * Test files of a nested Gradle build that nothing runs: a directory with its own settings.gradle(.kts)
 * under the root build's, which the root does not `includeBuild`, and which no CI job enters
 * (`working-directory:`, `cd`, `-p`/`--project-dir`). Such a build holds sample projects (a test-report
 * tool's example specs that exist to produce reports), not the project's tests (blind round 37,
 * projektor example-data: 32 sample Spock specs counted). A composite build's `includeBuild('x')`, or a
 * CI job that runs it, keeps it counted. Only where the root has a settings file: a repository of
 * separate Gradle builds has no root build to leave them out of.
 */
function standaloneGradleSamples(files: FileView): (path: string) => boolean {
  const settings = [...files.named('settings.gradle'), ...files.named('settings.gradle.kts')];
  const rootText = ['settings.gradle', 'settings.gradle.kts'].map((p) => files.read(p) ?? '').join('\n');
  const nested = new Set(
    settings
      .filter((p) => p.includes('/'))
      .slice(0, 200)
      .map((p) => p.slice(0, p.lastIndexOf('/'))),
  );
  if (nested.size === 0 || !/\S/.test(rootText)) return () => false;
  const ci = files
    .match(CI_GLOBS)
    .slice(0, 200)
    .map((p) => (files.read(p) ?? '').slice(0, 200_000))
    .join('\n');
  const included = (dir: string) =>
    settings.some((p) => {
      const base = p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '';
      if (!dir.startsWith(base) || base === `${dir}/`) return false;
      const rel = dir.slice(base.length);
      return new RegExp(String.raw`\bincludeBuild\s*\(?\s*["'](?:\./)?${escapeRe(rel)}/?["']`).test(
        files.read(p) ?? '',
      );
    });
  // A subproject the build includes (`include("common")`, `include 'a', ':libs:core'`) is part of that
  // build even when it also carries its own settings file so it can be opened alone (blind round 43:
  // three included subprojects, each with a settings.gradle.kts, lost every test).
  // Only a build that runs makes its subprojects run: a subproject of a sample build stays a sample.
  const includes = new Map<string, Set<string>>();
  const includesOf = (p: string) => {
    let got = includes.get(p);
    if (!got) includes.set(p, (got = gradleIncludes(files.read(p) ?? '')));
    return got;
  };
  const runs = new Map<string, boolean>();
  const subproject = (dir: string): boolean => {
    const known = runs.get(dir);
    if (known !== undefined) return known;
    runs.set(dir, false); // a cycle of includes runs nothing
    const got = settings.some((p) => {
      const base = p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '';
      if (!dir.startsWith(base) || base === `${dir}/`) return false;
      if (!includesOf(p).has(dir.slice(base.length))) return false;
      const owner = base.slice(0, -1);
      return owner === '' || included(owner) || runByCi(owner) || subproject(owner);
    });
    runs.set(dir, got);
    return got;
  };
  const runByCi = (dir: string) =>
    new RegExp(
      String.raw`(?:working[-_]directory:|\bcd|--project-dir|\s-p)[ \t]+["']?(?:\./)?${escapeRe(dir)}/?["']?(?:[ \t;&|)]|$)`,
      'm',
    ).test(ci);
  const unrun = new Set([...nested].filter((d) => !included(d) && !subproject(d) && !runByCi(d)));
  if (unrun.size === 0) return () => false;
  return (path: string) => {
    // The nearest settings file above the test file decides which build it belongs to.
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      const dir = path.slice(0, at);
      if (unrun.has(dir)) return true;
      if (nested.has(dir)) return false;
    }
    return false;
  };
}

/**
 * The directories a Gradle settings file includes as subprojects: every quoted path of its `include`
 * calls (`include("a", ":b:c")`, Groovy `include 'a', 'b'`), as a directory (`:b:c` → `b/c`), and the
 * directory a `project(":x").projectDir = file("dir")` names. Bounded: the first 200 calls, 200
 * characters a path.
 */
export function gradleIncludes(text: string): Set<string> {
  const out = new Set<string>();
  const src = text.slice(0, 200_000);
  const call = /\binclude\b[ \t]*(\()?/g;
  let n = 0;
  for (let m = call.exec(src); m && n < 200; m = call.exec(src), n++) {
    const from = m.index + m[0].length;
    let to = m[1] ? src.indexOf(')', from) : src.indexOf('\n', from);
    // Groovy's `include 'a',` goes on to the next line after a trailing comma.
    while (!m[1] && to >= 0 && to - from < 5_000 && /,[ \t\r]*$/.test(src.slice(Math.max(from, to - 50), to)))
      to = src.indexOf('\n', to + 1);
    if (to < 0 || to - from > 5_000) to = Math.min(src.length, from + 5_000);
    for (const q of src.slice(from, to).matchAll(/["']([^"'\n]{1,200})["']/g)) {
      const dir = q[1]!.replace(/^:/, '').replace(/:/g, '/');
      if (dir) out.add(dir);
    }
  }
  for (const q of src.matchAll(/\.projectDir\s*=\s*(?:file|File)\s*\(\s*["'](?:\.\/)?([^"'\n]{1,200}?)\/?["']/g))
    out.add(q[1]!);
  return out;
}

/**
 * Files in a test-data folder are fixtures, not test cases, unless the project tests in their
 * language outside such folders (blind round 18, tokei: tests/data/csharp.cs with one `[Fact]`, a
 * sample for the C# line counter, was counted as a C# test beside the Rust suite).
 */
function withoutFixtures(out: TestFileCount[]): TestFileCount[] {
  if (!out.some((f) => FIXTURE_DIR.test(f.path))) return out;
  const tested = new Set(out.filter((f) => !FIXTURE_DIR.test(f.path)).map((f) => f.language));
  // Feature files a JUnit Cucumber runner runs live in src/test/resources by convention.
  return out.filter((f) => !FIXTURE_DIR.test(f.path) || tested.has(f.language) || f.framework === 'Cucumber');
}

type RustDigest = Extract<TestDigest, { kind: 'rust' }>;

/** The test-generating `macro_rules!` of the repository's Rust files, by name (the first definition). */
function rustTestMacros(paths: string[], digest: (p: string) => TestDigest | undefined) {
  const out = new Map<string, { path: string; line: number; tests?: number }>();
  for (const path of paths) {
    const d = digest(path);
    if (d?.kind !== 'rust') continue;
    for (const m of d.macros ?? [])
      if (!out.has(m.name)) out.set(m.name, { path, line: m.line, ...(m.tests ? { tests: m.tests } : {}) });
  }
  return out;
}

/** The repository's attribute macros that write tests (`#[proc_macro_attribute] fn db_test`), by name (the first definition). */
function rustAttrMacros(paths: string[], digest: (p: string) => TestDigest | undefined) {
  const out = new Map<string, { path: string; line: number; tests: number; unread?: true }>();
  for (const path of paths) {
    const d = digest(path);
    if (d?.kind !== 'rust') continue;
    for (const m of d.attrMacros ?? [])
      if (!out.has(m.name))
        out.set(m.name, { path, line: m.line, tests: m.tests, ...(m.unread ? { unread: true as const } : {}) });
  }
  return out;
}

/**
 * A Rust file with invocations of test macros: each `name! { … }` is one test (the file's own
 * macros are counted by its digest; another file's, e.g. a crate's `testing.rs`, here), and
 * `via` names each macro with the file and line of its `macro_rules!`.
 */
function withRustMacros(
  path: string,
  d: RustDigest,
  macros: Map<string, { path: string; line: number; tests?: number }>,
  record: (
    path: string,
    language: string,
    r: FileCount & Pick<TestFileCount, 'via'>,
    framework: string,
    snippet: (line: number) => string | undefined,
  ) => void,
  attrs: Map<string, { path: string; line: number; tests: number; unread?: true }> = new Map(),
) {
  const count = { ...d.count };
  const via: NonNullable<TestFileCount['via']> = (d.macroVia ?? []).map((v) => ({ ...v, path }));
  const snippets = new Map<number, string>();
  for (const c of d.macroCalls ?? []) {
    const m = macros.get(c.name);
    if (!m) continue;
    // Each invocation makes as many tests as the macro writes per invocation (its `tests`).
    const cases = c.cases * (m.tests ?? 1);
    count.cases += cases;
    count.expanded += cases;
    snippets.set(c.line, c.snippet);
    if (count.firstLine === undefined || c.line < count.firstLine) count.firstLine = c.line;
    via.push({ name: `${c.name}!`, path: m.path, line: m.line, cases });
  }
  // Functions marked by the repository's test-writing attribute macros: as many tests each as the
  // macro's output holds (`#[db_test]` → a sqlite_ and a postgres_ #[tokio::test]).
  for (const u of d.attrUses ?? []) {
    const m = attrs.get(u.name);
    if (!m) continue;
    const cases = u.cases * m.tests;
    count.cases += cases;
    count.expanded += cases;
    snippets.set(u.line, u.snippet);
    if (count.firstLine === undefined || u.line < count.firstLine) count.firstLine = u.line;
    via.push({
      name: `#[${u.name}]`,
      path: m.path,
      line: m.line,
      cases,
      attribute: { perFunction: m.tests, ...(m.unread ? { unread: true as const } : {}) },
    });
  }
  record(path, 'Rust', via.length ? { ...count, via } : count, count.framework ?? 'rust', (l) =>
    l === d.count.firstLine ? d.snippet : snippets.get(l),
  );
}

/** Runner configurations that name where the feature files are (`cucumber.yml` profiles, cucumber-js `paths`, behave.ini). */
const GHERKIN_CONFIGS = [
  'cucumber.{yml,yaml,js,cjs,mjs,json}',
  'config/cucumber.{yml,yaml}',
  '.cucumber.{yml,yaml}',
  'behave.ini',
  '.behaverc',
];

/**
 * Gherkin feature files the runner collects: Cucumber (Ruby, JS, JVM), behave, godog and
 * SpecFlow read `features/` by convention; a file elsewhere counts when a runner configuration
 * names its folder. Each scenario is a test, each outline a parametrised one (`gherkin.ts`).
 */
function gherkinFiles(
  files: FileView,
  paths: string[],
  digest: (p: string) => ReturnType<FileView['digest']>,
  record: Recorder,
  notCollected: TestInventory['notCollected'],
  sources: string[],
): void {
  if (paths.length === 0) return;
  const configs = files.match(GHERKIN_CONFIGS).map((p) => ({ path: p, text: files.read(p) ?? '' }));
  for (const path of paths) {
    const dirs = path.split('/').slice(0, -1);
    let by: string | undefined = dirs.includes('features') ? 'features/' : undefined;
    for (let n = dirs.length; !by && n > 0; n--) {
      const dir = dirs.slice(0, n).join('/');
      const cfg = configs.find((c) =>
        new RegExp(`(?:^|[\\s'"\\[,=:])(?:\\./)?${escapeRe(dir)}(?:/|[\\s'",\\]]|$)`, 'm').test(c.text),
      );
      if (cfg) (by = cfg.path), sources.push(cfg.path);
    }
    // A JUnit Cucumber runner class (`@RunWith(Cucumber.class)`, `@IncludeEngines("cucumber")`).
    const runner = by ? undefined : cucumberRunnerOf(files, path);
    if (runner) {
      sources.push(runner.path);
      const d = digest(path) as TestDigest | undefined;
      if (d?.kind === 'gherkin') record(path, 'Gherkin', d.count, 'Cucumber', () => d.snippet);
      continue;
    }
    if (!by) {
      notCollected.push({
        path,
        reason:
          'a feature file outside features/ and the paths a Cucumber configuration or JUnit Cucumber runner names',
      });
      continue;
    }
    const d = digest(path) as TestDigest | undefined;
    if (d?.kind !== 'gherkin') continue;
    record(path, 'Gherkin', d.count, d.count.framework ?? 'Gherkin', () => d.snippet);
  }
}

/** JUnit 3 `public void test*()` methods of a class whose base extends `TestCase`: each is one test. */
function withJunit3(
  count: FileCount,
  tests: { line: number; snippet: string }[],
  snippets: Map<number, string>,
  framework = 'JUnit 3',
) {
  for (const t of tests) {
    count.cases++;
    count.expanded++;
    if (count.firstLine === undefined || t.line < count.firstLine) count.firstLine = t.line;
    snippets.set(t.line, t.snippet);
  }
  // Its only tests are JUnit 3 ones (a `junit.framework` import alone reads as JUnit 4).
  if (tests.length && count.cases === tests.length) count.framework = framework;
}

/** Calls of the project's Kotlin test wrappers (`testServer("…") {`): each registers one test. */
function withDslWrappers(
  count: FileCount,
  calls: Array<{ name: string; line: number; snippet: string }>,
  wrappers: Map<string, string>,
  snippets: Map<number, string>,
) {
  for (const c of calls) {
    count.cases++;
    count.expanded++;
    if (count.firstLine === undefined || c.line < count.firstLine) count.firstLine = c.line;
    snippets.set(c.line, c.snippet);
  }
  if (!count.framework || count.framework === 'JUnit') count.framework = wrappers.get(calls[0]!.name);
}

/** A file's count with its methods annotated by a test meta-annotation added: each is one test. */
function withMetaTests(
  base: FileCount,
  annotated: JvmAnnotated[],
  metaTests: Map<string, boolean>,
): { count: FileCount; snippets: Map<number, string> } {
  const count = { ...base };
  const snippets = new Map<number, string>();
  for (const a of annotated) {
    const meta = a.names.find((n) => metaTests.has(n));
    if (meta === undefined) continue;
    count.cases++;
    count.expanded++;
    if (a.skipped) count.skipped++;
    if (metaTests.get(meta)) count.parametrized++;
    if (count.firstLine === undefined || a.line < count.firstLine) count.firstLine = a.line;
    snippets.set(a.line, a.snippet);
  }
  if (count.cases > base.cases && !count.framework) count.framework = 'JUnit 5';
  return { count, snippets };
}

/** Extensions of source languages whose tests the inventory counts (other kinds of test file are read by path; Elixir since blind round 27). */
const COUNTED_SOURCE = /\.(?:py|[cm]?[jt]sx?|go|java|kts?|groovy|scala|cs|rb|php|rs|swift|exs?)$/;
/** A base name that says "test" in any language: `test_x.c`, `x_test.dart`, `x-spec.lua`, `FooTests.m`. */
const TEST_NAME = /(^|\/)(?:test_[^/]*|[^/]*[_.-](?:test|spec)|[^/]*Tests?)\.[A-Za-z0-9]+$/;

/**
 * Source files that look like tests (by folder or name) in a language whose tests the inventory
 * does not count (C, Objective-C, Dart, Elixir, Lua …). When nothing is counted and such files
 * exist, the number of tests is unknown, not zero (round 27: 5,766 Swift XCTest cases were "no test
 * files" before Swift was counted).
 */
export function unrecognisedTestFiles(sourceFiles: readonly string[]): string[] {
  return sourceFiles.filter(
    (p) =>
      !COUNTED_SOURCE.test(p) &&
      !FIXTURE_DIR.test(p) &&
      !VENDORED.test(p) &&
      !isExamplePath(p) &&
      (isTestPath(p) || TEST_NAME.test(p)),
  );
}

/** Project files that reference test packages: csproj/fsproj/vbproj and central package props. */
const DOTNET_PACKAGE_FILES = ['**/*.csproj', '**/*.fsproj', '**/Directory.Packages.props', '**/Directory.Build.props'];

/** Whether the .NET projects reference the TUnit package and not NUnit (at most 300 files read). */
function referencesTUnitOnly(files: FileView): boolean {
  let tunit = false;
  for (const p of files.match(DOTNET_PACKAGE_FILES).slice(0, 300)) {
    const text = files.read(p) ?? '';
    if (/Include="NUnit"|Include="NUnit[."]/i.test(text)) return false;
    if (/Include="TUnit(?:\.Core|\.Engine)?"/.test(text)) tunit = true;
  }
  return tunit;
}

/** The most linked folders looked through for JavaScript tests (a bound for hostile trees). */
const MAX_JS_LINKS = 20;
/** The most paths without an extension asked whether they are links (each an lstat at most). */
const MAX_LINK_PROBES = 2_000;

/**
 * JavaScript test files a configured runner reaches through a symbolic link to a folder of the same
 * repository inside its own folder, by their real path: the runner globs the link's path
 * (`frontend/src/common/helpers/x.spec.js`) and runs the file at `common/helpers/x.spec.js`. Links
 * are listed paths without an extension that the scan skipped as links; a target outside the root
 * is never followed (linkedFolder).
 */
function jsThroughLinks(files: FileView, specs: RunnerSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!files.linkedFolder || specs.length === 0) return out;
  const dirs = [...new Set(specs.map((s) => s.dir))];
  const links = new Map<string, string>();
  let probes = 0;
  for (const dir of dirs) {
    for (const p of files.match(dir ? `${dir}/**` : '**')) {
      if (links.size >= MAX_JS_LINKS || probes >= MAX_LINK_PROBES) break;
      const base = p.slice(p.lastIndexOf('/') + 1);
      if (base.includes('.') || links.has(p) || p.includes('node_modules/')) continue;
      probes++;
      const target = files.linkedFolder(p);
      if (target) links.set(p, target);
    }
  }
  for (const [link, target] of links)
    for (const real of files.match(`${target}/**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}`)) {
      if (out.has(real) || VENDORED.test(real)) continue;
      const runner = jsRunnerFor(`${link}${real.slice(target.length)}`, specs);
      if (runner) out.set(real, runner);
    }
  return out;
}
