/**
 * What the test inventory needs of one candidate test file, taken while the scanner holds its
 * text (DESIGN §9: nothing is kept after a file is scanned). Counts that need only the file are
 * made here; Python keeps its parsed module, because pytest's collection of one file depends on
 * classes and fixtures of others (base classes, conftest.py). A snippet is kept for each line a
 * count may cite, never the text.
 */
import picomatch from 'picomatch';
import { detachDeep } from '../../util/detach.js';
import type { Digest } from '../../walk/file-index.js';
import {
  countCSharp,
  countJvm,
  countRust,
  type CsCustom,
  type JvmAnnotated,
  type JvmClass,
  type JvmEnumSource,
  type JvmJunit3,
  type JvmMetaTest,
  type KotlinCall,
  type RustAttrMacro,
} from './annotated.js';
import { countGo, goBuildTags, type GoSuites, goSuites } from './go.js';
import { helpersOfModule, importedHelpers, resolveModule, type ModuleHelper } from './js-helpers.js';
import { scopeOf } from './js-scope.js';
import { fromJson, type Value } from './js-values.js';
import { countJavaScript, frameworkOf, type Modules } from './javascript.js';
import { LineIndex } from '../../util/lines.js';
import { mask, maskComments, matchBracket, SYNTAX } from './mask.js';
import { parsePython, type PyClass, type PyImporter, type PyModule } from './python-parse.js';
import { type Items, withGlobCount } from './python-values.js';
import { pythonGlobCounter } from './python-globs.js';
import { countHelm, HELM_TEST_GLOBS } from './helm.js';
import { countExUnit, EXUNIT_TEST_GLOBS } from './exunit.js';
import { countTerraformTest, TFTEST_GLOBS } from './terraform-test.js';
import { countGherkin, GHERKIN_GLOBS } from './gherkin.js';
import {
  ANSIBLE_TARGET_FILE,
  ANSIBLE_TARGET_GLOBS,
  countAnsibleTarget,
  countMolecule,
  MOLECULE_FILE,
  MOLECULE_GLOBS,
} from './molecule.js';
import { countSwift, SWIFT_TEST_GLOBS } from './swift.js';
import { BATS_TEST_GLOBS, countBats } from './bats.js';
import { C_TEST_GLOBS, countCTests } from './c-tests.js';
import {
  countPhp,
  countRuby,
  type PhpClass,
  type PhpExternalProvider,
  type RubyShared,
  type ShouldaCount,
} from './scripting.js';
import { snippetAt } from './types.js';
import { dirOf } from '../paths.js';
import type { FileView } from '../../types.js';
import { table } from '../../util/table.js';
import { parseJson } from '../../util/parsers.js';

/** A `macro_rules!` whose body emits a test function, with its line. */
export interface RustMacroDef {
  name: string;
  line: number;
  snippet: string;
  /** Tests one invocation makes when more than one. */
  tests?: number;
}

export interface FileCount {
  framework?: string;
  cases: number;
  skipped: number;
  parametrized: number;
  expanded: number;
  fromTables?: number;
  firstLine?: number;
  benchmarks?: number;
  fuzz?: number;
  examples?: number;
}

export type TestDigest =
  | { kind: 'python'; module: PyModule; snippets: Map<number, string> }
  | { kind: 'go'; tags: string[]; count: FileCount; snippet?: string; suites?: GoSuites }
  /** `tables`: the arrays it exports (case tables), as values. Its helpers: HELPERS_DIGEST. */
  | { kind: 'js'; count: FileCount; snippet?: string; tables: Record<string, Value> }
  | {
      kind: 'helm' | 'terraform' | 'gherkin' | 'molecule' | 'elixir' | 'swift' | 'bats' | 'c';
      count: FileCount;
      snippet?: string;
    }
  /**
   * Rust: also the test-generating macros it defines, the invocations of its own ones (counted),
   * and invocations of macros it does not define (`name! {`, by name), counted when another
   * file of the repository defines a test macro of that name.
   */
  | {
      kind: 'rust';
      count: FileCount;
      snippet?: string;
      macros?: RustMacroDef[];
      macroVia?: { name: string; line: number; cases: number; perRepetition?: true }[];
      macroCalls?: { name: string; line: number; cases: number; snippet: string }[];
      /** Attribute macros this proc-macro file defines whose output holds test attributes. */
      attrMacros?: RustAttrMacro[];
      /** Functions marked by attributes that are no known test attribute, by attribute name (resolved against attrMacros). */
      attrUses?: { name: string; line: number; cases: number; snippet: string }[];
    }
  /** JVM: also the test meta-annotations it declares, and methods annotated without a test marker (maybe with one). */
  | {
      kind: 'jvm';
      count: FileCount;
      snippet?: string;
      metaTests?: JvmMetaTest[];
      annotated?: JvmAnnotated[];
      junit3?: JvmJunit3;
      /** Kotlin: functions declared here that register a test (TestBalloon/Kotest wrappers). */
      dslWrappers?: { framework: string; names: string[] };
      /** Kotlin: calls shaped like a test registration, resolved against every file's wrappers. */
      dslCalls?: KotlinCall[];
      /** `@EnumSource` tests whose enum another file declares (each counted once until resolved). */
      enumSources?: JvmEnumSource[];
      /** Java/Kotlin: the classes declared here, so an abstract base's tests count once per concrete subclass. */
      classes?: JvmClass[];
    }
  /** C#: custom test attributes declared here and methods marked by attributes to resolve (with their snippets). */
  | { kind: 'csharp'; count: FileCount; snippet?: string; custom?: CsCustom; customSnippets?: Record<number, string> }
  /** PHP: its classes, so an abstract base's tests count once per concrete subclass. */
  | { kind: 'php'; count: FileCount; snippet?: string; classes: PhpClass[]; external?: PhpExternalProvider[] }
  /** Ruby: tests defined here to run elsewhere, and the shared tests this file runs. */
  | {
      kind: 'ruby';
      count: FileCount;
      snippet?: string;
      shared: RubyShared[];
      uses: string[];
      classes: { name: string; superclass: string }[];
      /** shoulda-context definitions, counted by the inventory where shoulda is in use (see ShouldaCount). */
      shoulda?: ShouldaCount & { snippet: string };
    };

const JS = /\.(?:[cm]?[jt]sx?)$/;
const EXPORTS_VALUES =
  /\bexport\s+(?:const|let|var|default)\b|\bexport\s*\{|\bexports\s*\.\s*[\w$]+\s*=|\bmodule\s*\.\s*exports\s*=/;
const JVM: Record<string, 'java' | 'kotlin' | 'groovy' | 'scala'> = table({
  java: 'java',
  kt: 'kotlin',
  groovy: 'groovy',
  scala: 'scala',
});

type Files = Parameters<Digest<unknown>['of']>[2];

export function digestTestFile(path: string, text: string, files: Files): TestDigest | undefined {
  // Kept until the rules run: no string in it may be a view into the text (see detach).
  return detachDeep(digest(path, text, files));
}

const perCall = (body: string) => countJavaScript(body).expanded;

function digest(path: string, text: string, files: Files): TestDigest | undefined {
  const ext = path.slice(path.lastIndexOf('.') + 1);
  // Kinds add their fields to this fresh object with Object.assign: a literal that starts with a
  // spread of objects of many shapes (`{ ...base, tables }`) gets a hidden class of its own per
  // object in V8 (~400 bytes each: 3.7k of them at 100k files); assigned, they share them.
  const withSnippet = <K extends TestDigest['kind']>(kind: K, count: FileCount) =>
    ({ kind, count, ...(count.firstLine ? { snippet: snippetAt(text, count.firstLine) } : {}) }) as TestDigest;
  if (/\.tftest\.(?:hcl|json)$/.test(path)) return withSnippet('terraform', countTerraformTest(path, text));
  if (ext === 'py') {
    // A table built by globbing fixture files is sized by the files the glob matches here.
    const module = /\bglob\s*\(/.test(text)
      ? withGlobCount(pythonGlobCounter(files.paths, path, text), () =>
          parsePython(text, pythonImports(files, path, 0)),
        )
      : parsePython(text, pythonImports(files, path, 0));
    return { kind: 'python', module, snippets: snippetsAt(text, pythonLines(module)) };
  }
  if (ext === 'go') {
    const suites = goSuites(text);
    return Object.assign(
      withSnippet('go', countGo(text)) as Extract<TestDigest, { kind: 'go' }>,
      { tags: goBuildTags(text) },
      suites.runners.length || suites.methods.length ? { suites } : {},
    );
  }
  if (JS.test(path)) {
    // Helpers of an imported test-side module come from its own digest (read once, by the scan).
    const helpersOf = (p: string) => files.digest(p, HELPERS_DIGEST) ?? [];
    const imported = importedHelpers(files, path, text, perCall, isJsTestSide, helpersOf);
    const modules = moduleTables(files, path, 0);
    const count: FileCount = Object.assign(
      {},
      countJavaScript(text, modules, imported, listedFixtures(files, path, text)),
    );
    const fw = frameworkOf(text);
    const exporting = /\bexports?\b/.test(text);
    // Tables are values: a module that exports only functions has none to offer (and evaluating
    // its whole scope was the most expensive step for such files).
    const tables =
      exporting && EXPORTS_VALUES.test(text) ? scopeOf(mask(text, SYNTAX.js), text, modules).exports() : {};
    return Object.assign(
      withSnippet('js', fw ? Object.assign(count, { framework: fw }) : count) as Extract<TestDigest, { kind: 'js' }>,
      { tables },
    );
  }
  if (JVM[ext]) {
    const { metaTests, annotated, junit3, dslWrappers, dslCalls, enumSources, classes, ...count } = countJvm(
      text,
      JVM[ext]!,
    );
    return Object.assign(
      withSnippet('jvm', count) as Extract<TestDigest, { kind: 'jvm' }>,
      metaTests ? { metaTests } : {},
      annotated ? { annotated } : {},
      junit3 ? { junit3 } : {},
      dslWrappers ? { dslWrappers } : {},
      dslCalls ? { dslCalls } : {},
      enumSources ? { enumSources } : {},
      classes?.length ? { classes } : {},
    );
  }
  if (ext === 'cs' || ext === 'razor') {
    const { custom, ...count } = countCSharp(ext === 'razor' ? razorCode(text) : text);
    const d = withSnippet('csharp', count);
    if (!custom) return d;
    const lines = new LineIndex(text);
    const customSnippets = Object.fromEntries(custom.uses.map((u) => [u.line, snippetAt(lines, u.line)]));
    return Object.assign(d, { custom, customSnippets }) as TestDigest;
  }
  if (ext === 'rb') {
    const { shared, uses, classes, shoulda, ...count } = countRuby(text, path);
    return Object.assign(
      withSnippet('ruby', count) as Extract<TestDigest, { kind: 'ruby' }>,
      { shared, uses, classes },
      shoulda ? { shoulda: { ...shoulda, snippet: snippetAt(text, shoulda.firstLine) } } : {},
    );
  }
  if (ext === 'php') {
    const { classes, external, ...count } = countPhp(text);
    return Object.assign(
      withSnippet('php', count) as Extract<TestDigest, { kind: 'php' }>,
      { classes },
      external ? { external } : {},
    );
  }
  if (ext === 'rs') {
    const { macros, macroVia, macroCalls, attrMacros, attrUses, ...count } = countRust(text);
    const d = withSnippet('rust', count) as Extract<TestDigest, { kind: 'rust' }>;
    if (!macros && !macroVia && !macroCalls && !attrMacros && !attrUses) return d;
    const lines = new LineIndex(text);
    const at = (l: number) => ({ line: l, snippet: snippetAt(lines, l) });
    return {
      ...d,
      ...(macros
        ? { macros: macros.map((m) => ({ name: m.name, ...at(m.line), ...(m.tests ? { tests: m.tests } : {}) })) }
        : {}),
      ...(macroVia ? { macroVia } : {}),
      ...(macroCalls ? { macroCalls: macroCalls.map((c) => ({ ...c, snippet: snippetAt(lines, c.line) })) } : {}),
      ...(attrMacros ? { attrMacros } : {}),
      ...(attrUses ? { attrUses: attrUses.map((u) => ({ ...u, snippet: snippetAt(lines, u.line) })) } : {}),
    };
  }
  if (ext === 'swift') return withSnippet('swift', countSwift(text));
  if (ext === 'feature') return withSnippet('gherkin', countGherkin(text));
  if (MOLECULE_FILE.test(path)) return withSnippet('molecule', countMolecule(text));
  if (ANSIBLE_TARGET_FILE.test(path)) return withSnippet('molecule', countAnsibleTarget(text, path));
  if (ext === 'exs') return withSnippet('elixir', countExUnit(text));
  if (ext === 'bats') return withSnippet('bats', countBats(text));
  if (ext === 'c' || ext === 'cc' || ext === 'cpp' || ext === 'cxx') return withSnippet('c', countCTests(text));
  if (ext === 'yaml' || ext === 'yml') return withSnippet('helm', countHelm(text, path));
  return undefined;
}

/**
 * The tables relative modules export, for `import { CASES } from './cases'` and
 * `require('../lib/utils').methods`: a test-side module's from its digest (the scan reads it
 * once); any other module is small source read here, up to two modules deep.
 */
function moduleTables(files: Files, from: string, depth: number): Modules {
  return (spec) => {
    // A bare specifier is a package or a tsconfig path alias, never a file beside the importer.
    const target = spec.startsWith('.') ? resolveModule(files, from, spec) : aliasModule(files, spec);
    if (target?.endsWith('.json')) return jsonModule(files, target);
    if (!target || target === from || !JS.test(target)) return undefined;
    if (isJsTestSide(target)) {
      const d = files.digest(target, TEST_DIGEST);
      return d?.kind === 'js' ? d.tables : undefined;
    }
    if (depth >= 2) return undefined;
    let byPath = sourceTables.get(files);
    if (!byPath) sourceTables.set(files, (byPath = new Map()));
    return once(byPath, target, () => {
      const text = files.read(target);
      return text === undefined
        ? undefined
        : detachDeep(scopeOf(mask(text, SYNTAX.js), text, moduleTables(files, target, depth + 1)).exports());
    });
  };
}
const sourceTables = new WeakMap<object, Map<string, Record<string, Value> | undefined>>();

/**
 * A module imported through the root tsconfig's path aliases (`"@acme/common/*":
 * ["./libs/common/src/lib/*"]` in tsconfig.base.json or tsconfig.json, under its baseUrl): the
 * file it names, as TypeScript resolves it (blind round 44: an `it.each(CONSTANT)` whose constant
 * came from `@acme/common/config` counted once). At most 200 aliases and 4 targets each are read.
 */
function aliasModule(files: Files, spec: string): string | undefined {
  let aliases = rootAliases.get(files);
  if (!aliases) rootAliases.set(files, (aliases = readAliases(files)));
  for (const [key, targets, base] of aliases) {
    const star = key.indexOf('*');
    let rest: string | undefined;
    if (star < 0) rest = spec === key ? '' : undefined;
    else {
      const head = key.slice(0, star);
      const tail = key.slice(star + 1);
      if (spec.length >= head.length + tail.length && spec.startsWith(head) && spec.endsWith(tail))
        rest = spec.slice(head.length, spec.length - tail.length);
    }
    if (rest === undefined) continue;
    for (const t of targets) {
      const path = `./${base ? `${base}/` : ''}${t.replace(/^\.\//, '').replace('*', rest)}`;
      const found = resolveModule(files, 'tsconfig.json', path);
      if (found) return found;
    }
  }
  return undefined;
}
const rootAliases = new WeakMap<object, [string, string[], string][]>();

function readAliases(files: Files): [string, string[], string][] {
  for (const name of ['tsconfig.base.json', 'tsconfig.json']) {
    const text = files.read(name);
    if (text === undefined || text.length > MAX_IMPORTED || !text.includes('"paths"')) continue;
    try {
      const config = parseJson(maskComments(text, SYNTAX.js).replace(/,(\s*[}\]])/g, '$1')) as {
        compilerOptions?: { baseUrl?: unknown; paths?: unknown };
      };
      const paths = config.compilerOptions?.paths;
      if (!paths || typeof paths !== 'object') continue;
      const baseUrl = typeof config.compilerOptions?.baseUrl === 'string' ? config.compilerOptions.baseUrl : '.';
      const base = baseUrl.replace(/^\.\/?/, '').replace(/\/+$/, '');
      return Object.entries(paths as Record<string, unknown>)
        .slice(0, 200)
        .flatMap(([k, v]) =>
          Array.isArray(v) ? [[k, v.filter((x): x is string => typeof x === 'string').slice(0, 4), base]] : [],
        ) as [string, string[], string][];
    } catch {
      // Not plain JSON (a comment form the mask does not read): no aliases.
    }
  }
  return [];
}

/**
 * An imported JSON file (`import cases from './fixture/cases.json'`), as its `default` export: a
 * case table like any other. Read when a count needs it; 256 KB at most.
 */
function jsonModule(files: Files, target: string): Record<string, Value> | undefined {
  let byPath = sourceTables.get(files);
  if (!byPath) sourceTables.set(files, (byPath = new Map()));
  return once(byPath, target, () => {
    const text = files.read(target);
    if (text === undefined || text.length > MAX_IMPORTED) return undefined;
    try {
      return { default: fromJson(parseJson(text)) };
    } catch {
      // Not JSON after all: its rows are not evident.
      return undefined;
    }
  });
}

/**
 * The tables of the modules a Python test file imports from (`from .failing_examples import
 * CASES`, `from helpers import CASES` beside it or at the root), asked only when an imported name
 * sizes a table: a test-side module's from its digest, any other small module (256 KB at most)
 * parsed here, up to two modules deep.
 */
function pythonImports(files: Files, from: string, depth: number): PyImporter {
  return (spec) => {
    const target = pythonModulePath(files, from, spec);
    if (!target) return undefined;
    if (isPyTestSide(target)) {
      const d = files.digest(target, TEST_DIGEST);
      return d?.kind === 'python' ? d.module.tables : undefined;
    }
    if (depth >= 2) return undefined;
    let byPath = pyTables.get(files);
    if (!byPath) pyTables.set(files, (byPath = new Map()));
    return once(byPath, target, () => {
      const text = files.read(target);
      return text !== undefined && text.length <= MAX_IMPORTED
        ? detachDeep(parsePython(text, pythonImports(files, target, depth + 1)).tables)
        : undefined;
    });
  };
}

/**
 * An imported module's tables, computed once per view; `undefined` while they are computed, so an
 * import cycle reads as nothing. When the computation throws (the scan's listing-only view refuses
 * another file's content: the digest is taken again later with every file at hand), no entry is
 * left: the next file importing the same module must be refused too. The `undefined` left behind
 * before gave that file no tables, so a count depended on which importer the scan read first
 * (marshmallow: 1121 or 1143 expanded cases, by whether the page cache was judged warm).
 */
function once<T>(byPath: Map<string, T | undefined>, target: string, compute: () => T | undefined): T | undefined {
  if (!byPath.has(target)) {
    byPath.set(target, undefined);
    try {
      byPath.set(target, compute());
    } catch (err) {
      byPath.delete(target);
      throw err;
    }
  }
  return byPath.get(target);
}
const pyTables = new WeakMap<object, Map<string, Record<string, Items> | undefined>>();
const MAX_IMPORTED = 256 * 1024;
const isPyTestSide = picomatch([
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
  'test_*.py',
  '*_test.py',
  'conftest.py',
]);

/**
 * The file a Python module spec names from `from`: relative specs (`.cases`, `..helpers`) from the
 * file's package; absolute ones from the file's folder and each folder above it (the import roots
 * pytest and unittest put on sys.path are the package roots above a test file), then `src/`.
 */
export function pythonModulePath(files: Pick<FileView, 'exists'>, from: string, spec: string): string | undefined {
  const dots = /^\.*/.exec(spec)![0].length;
  const rel = spec.slice(dots).replace(/\./g, '/');
  const roots: string[] = [];
  if (dots > 0) {
    let base = dirOf(from);
    for (let n = 1; n < dots; n++) base = dirOf(base);
    roots.push(base);
  } else {
    for (let d = dirOf(from); ; d = dirOf(d)) {
      roots.push(d);
      if (d === '') break;
    }
    roots.push('src');
  }
  for (const r of roots) {
    const p = rel ? (r ? `${r}/${rel}` : rel) : r;
    for (const c of rel ? [`${p}.py`, `${p}/__init__.py`] : [p ? `${p}/__init__.py` : '__init__.py'])
      if (c !== from && files.exists(c)) return c;
  }
  return undefined;
}

/** Every line a Python count can cite: functions, classes (nested too), methods, imports. */
function pythonLines(mod: PyModule): number[] {
  const lines = [...mod.functions.map((f) => f.line), ...mod.imports.map((i) => i.line)];
  const visit = (c: PyClass) => {
    lines.push(c.line, ...c.methods.map((m) => m.line));
    c.nested.forEach(visit);
  };
  mod.classes.forEach(visit);
  return lines;
}

function snippetsAt(text: string, lines: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (lines.length === 0) return out;
  const all = text.split('\n');
  for (const l of lines) out.set(l, snippetAt(all[l - 1] ?? '', 1));
  return out;
}

const JS_EXT = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';
const JVM_EXT = '{java,kt,groovy,scala}';
/** Candidate test files per language: what the rule declares as `reads`, so each is read once. */
export const TEST_GLOBS = {
  // `test*.py` is unittest's and Django's discovery pattern (tests.py, tests_models.py); it includes pytest's `test_*.py`.
  python: ['**/test*.py', '**/*_test.py', '**/conftest.py'],
  js: [
    `**/*.{test,spec,cy}.${JS_EXT}`,
    `**/__tests__/**/*.${JS_EXT}`,
    `**/{test,tests,spec,e2e}/**/*.${JS_EXT}`,
    `**/{test,*-test,*_test,test-*}.{js,mjs,cjs}`,
    // Deno's default test files: `{*_,*.,}test.{ts,tsx,mts,js,mjs,jsx}`.
    '**/{test,*_test}.{ts,tsx,mts,jsx}',
    '**/*[sS]pec.{js,mjs}',
  ],
  go: ['**/*_test.go'],
  jvm: [`**/src/*{test,Test}*/**/*.${JVM_EXT}`, `**/{test,tests}/**/*{Test,Tests,Spec,IT}.${JVM_EXT}`],
  // bUnit tests may be Razor components (`@code { [Fact] public void … }`) in the test project.
  csharp: [
    '**/*{Test,Tests,test,tests,Spec,Specs}*/**/*.cs',
    '**/*{Test,Tests}.cs',
    '**/*{Test,Tests,test,tests,Spec,Specs}*/**/*.razor',
  ],
  ruby: [
    '**/*_spec.rb',
    '**/test/**/*_test.rb',
    '**/test/**/test_*.rb',
    '**/test/**/spec_*.rb',
    // Where shared examples and test modules live: counted where they are used.
    '**/spec/support/**/*.rb',
    '**/spec/**/shared*/**/*.rb',
    '**/spec/**/*shared*.rb',
    '**/test/support/**/*.rb',
  ],
  // `*TestCase.php`: abstract PHPUnit bases whose tests run in each concrete subclass.
  php: ['**/*Test.php', '**/*TestCase.php'],
  rust: ['**/*.rs'],
  helm: HELM_TEST_GLOBS,
  terraform: TFTEST_GLOBS,
  // Gherkin scenarios (Cucumber, behave): collected under features/ or the runner's configured paths.
  gherkin: GHERKIN_GLOBS,
  // Molecule scenarios of Ansible roles and collections: one test case each.
  // and the integration targets `ansible-test integration` runs: one case per task file that asserts.
  molecule: [...MOLECULE_GLOBS, ...ANSIBLE_TARGET_GLOBS],
  // ExUnit: `*_test.exs` under a Mix project's test/ folder.
  elixir: EXUNIT_TEST_GLOBS,
  // XCTest and swift-testing: SwiftPM's Tests/<Target>/, an Xcode project's …Tests/ folders.
  swift: SWIFT_TEST_GLOBS,
  // Bats: `@test` blocks of the `*.bats` files a `bats` command runs.
  bats: BATS_TEST_GLOBS,
  // C: CUnit, Unity, Check and cmocka registrations in the C files of test folders.
  c: C_TEST_GLOBS,
};
export const TEST_READS = Object.values(TEST_GLOBS).flat();
/** JS modules the rule reads anyway (test files and what sits in test folders): where test helpers live. */
const isJsTestSide = picomatch(TEST_GLOBS.js);

/**
 * The functions a test-side JS module exports that define tests (`helpersOfModule`), for the test
 * files that import it. Taken only when a test file imports the module, never by the scan: most
 * test files are imported by none, and this analysis was a tenth of the scan's CPU at 100k files
 * when every exporting test file went through it. The importer asks for it from the listing-only
 * view, so its own digest is replayed after the scan, where this one reads the module (held by the
 * replay when it has the text, or read once more).
 */
export const HELPERS_DIGEST: Digest<ModuleHelper[]> = {
  key: 'tests:helpers',
  files: TEST_GLOBS.js,
  of: (_path, text) => (/\bexports?\b/.test(text) ? detachDeep(helpersOfModule(text, perCall)) : []),
};

/** Rules that use the inventory declare this digest: each candidate is counted as it is read. */
export const TEST_DIGEST: Digest<TestDigest | undefined> = {
  key: 'tests:file',
  files: TEST_READS,
  of: (path, text, files) => digestTestFile(path, text, files),
};

/**
 * The folder a JavaScript test lists to define one test per fixture, by a literal path:
 * `fs.readdirSync(resolve(__dirname, 'fixtures'))`, `path.join(__dirname, 'cases', 'valid')`,
 * `new URL('./fixtures/', import.meta.url)`, `readdirSync('./test/fixtures')`. How many entries it
 * holds (dot files aside); with a second listing in the file and only folders at the top, the
 * entries one level down (`validation/<kind>/<case>.ts`). Undefined when no folder resolves.
 */
const FOLDER_LITERAL =
  /\b(?:resolve|join)\(\s*(?:__dirname|import\.meta\.dirname)\s*,\s*((?:['"][^'"\n]{1,100}['"]\s*(?:,\s*)?){1,4})\)|\bnew\s+URL\(\s*['"](\.\.?\/[^'"\n]{0,100})['"]\s*,\s*import\.meta\.url|\breaddirSync\(\s*['"]([^'"\n]{1,100})['"]/g;
function listedFixtures(files: Files, path: string, text: string): number | undefined {
  if (!/\b(?:readdirSync|readdir)\s*\(/.test(text)) return undefined;
  const here = dirOf(path);
  const listings = text.match(/\b(?:readdirSync|readdir)\s*\(/g)?.length ?? 0;
  let best: number | undefined;
  let n = 0;
  for (const m of text.matchAll(FOLDER_LITERAL)) {
    if (++n > 20) break;
    const rel = m[1] ? [...m[1].matchAll(/['"]([^'"\n]+)['"]/g)].map((x) => x[1]!).join('/') : (m[2] ?? m[3] ?? '');
    for (const base of m[3] ? [here, ''] : [here]) {
      const dir = normalise(base ? `${base}/${rel}` : rel);
      if (dir === null) continue;
      const rows = folderRows(files, dir, listings >= 2);
      if (rows > 0 && (best === undefined || rows > best)) best = rows;
    }
  }
  return best;
}

/** `a/b/../c/./d/` → `a/c/d`; null when it climbs out of the repository. */
export function normalise(p: string): string | null {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** Entries of a folder from the sorted listing (at most 5,000 paths read). */
function folderRows(files: Files, dir: string, nested: boolean): number {
  const prefix = dir ? `${dir}/` : '';
  if (!prefix) return 0;
  const paths = files.paths;
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paths[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const top = new Set<string>();
  const second = new Set<string>();
  let folders = true;
  for (let i = lo, seen = 0; i < paths.length && seen < 5000 && paths[i]!.startsWith(prefix); i++, seen++) {
    const rest = paths[i]!.slice(prefix.length).split('/');
    if (rest.some((s) => s.startsWith('.'))) continue;
    top.add(rest[0]!);
    if (rest.length === 1) folders = false;
    else second.add(`${rest[0]}/${rest[1]}`);
  }
  return nested && folders ? second.size : top.size;
}

/** The most `@code`/`@functions` blocks of one Razor file that are read (a bound for hostile files). */
const MAX_RAZOR_BLOCKS = 50;

/**
 * The C# of a Razor component: its `@code { … }` and `@functions { … }` blocks, everything else
 * blanked (newlines kept, so lines stay). A bUnit test written as a component (`LoadingTests.razor`
 * with `@code { [Fact] public void Renders() … }`) is counted like a `.cs` test.
 */
export function razorCode(text: string): string {
  const out: string[] = [];
  let last = 0;
  let blocks = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  for (const m of text.matchAll(/@(?:code|functions)\s*\{/g)) {
    if (m.index < last) continue;
    if (++blocks > MAX_RAZOR_BLOCKS) break;
    const open = m.index + m[0].length - 1;
    // Brackets paired in the C# (strings and comments masked), from the block's own brace.
    const close = matchBracket(mask(text.slice(open), SYNTAX.cs), 0);
    if (close < 0) break;
    out.push(blank(text.slice(last, open + 1)), text.slice(open + 1, open + close - 1));
    last = open + close - 1;
  }
  if (last === 0) return blank(text);
  out.push(blank(text.slice(last)));
  return out.join('');
}
