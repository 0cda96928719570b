/**
 * The test inventory of a repository, computed once per audit: every file a test runner would
 * collect, with its static count of test definitions, and the files that look like tests but
 * that the runner would not collect (and why). Nothing is executed; each file is read once.
 */
import picomatch from 'picomatch';
import type { FileIndex } from '../../../src/walk/file-index.js';
import { memo } from '../memo.js';
import { countCSharp, countJvm, countRust } from './annotated.js';
import { countGo, goBuildTags } from './go.js';
import { importedHelpers } from './js-helpers.js';
import { countJavaScript, frameworkOf, importedArrays } from './javascript.js';
import { jsRunnerFor, jsRunnerSpecs } from './js-config.js';
import { pytestCollects, pytestConfig } from './pytest-config.js';
import { countPythonFile, pythonRegistry, type PyProject } from './python.js';
import { parsePython } from './python-parse.js';
import { countPhp, countRuby } from './scripting.js';
import { snippetAt, type TestFileCount } from './types.js';

const JS_EXT = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';
const JVM_EXT = '{java,kt,groovy,scala}';
/** Candidate test files per language: what the rule declares as `reads`, so each is read once. */
export const TEST_GLOBS = {
  python: ['**/test_*.py', '**/*_test.py', '**/conftest.py'],
  js: [`**/*.{test,spec,cy}.${JS_EXT}`, `**/__tests__/**/*.${JS_EXT}`, `**/{test,tests,spec,e2e}/**/*.${JS_EXT}`, `**/{test,*-test,*_test,test-*}.{js,mjs,cjs}`, '**/*[sS]pec.{js,mjs}'],
  go: ['**/*_test.go'],
  jvm: [`**/src/*{test,Test}*/**/*.${JVM_EXT}`, `**/{test,tests}/**/*{Test,Tests,Spec,IT}.${JVM_EXT}`],
  csharp: ['**/*{Test,Tests,test,tests,Spec,Specs}*/**/*.cs', '**/*{Test,Tests}.cs'],
  ruby: ['**/*_spec.rb', '**/test/**/*_test.rb', '**/test/**/test_*.rb', '**/test/**/spec_*.rb'],
  php: ['**/*Test.php'],
  rust: ['**/*.rs'],
};
export const TEST_READS = Object.values(TEST_GLOBS).flat();
/** JS modules the rule reads anyway (test files and what sits in test folders): where test helpers live. */
const isJsTestSide = picomatch(TEST_GLOBS.js);

export const LANGUAGE_NAMES: Record<keyof typeof TEST_GLOBS, string> = {
  python: 'Python', js: 'JavaScript/TypeScript', go: 'Go', jvm: 'Java/Kotlin', csharp: 'C#', ruby: 'Ruby', php: 'PHP', rust: 'Rust',
};

const VENDORED = /(^|\/)(node_modules|vendor|bower_components|third_party|\.venv|venv|target|\.git)\//;
const RUST_NOT_RUN = /(^|\/)(examples|benches)\//;

export interface TestInventory {
  files: TestFileCount[];
  notCollected: { path: string; reason: string }[];
  /** Where the collection rules came from (pytest config, runner configs). */
  sources: string[];
}

export function testInventory(files: FileIndex): TestInventory {
  return memo(files, 'tests:inventory', () => build(files));
}

function build(files: FileIndex): TestInventory {
  const out: TestFileCount[] = [];
  const notCollected: TestInventory['notCollected'] = [];
  const sources: string[] = [];
  const record = (path: string, text: string, language: string, r: ReturnType<typeof countGo> | (ReturnType<typeof countPythonFile>) | { cases: number; skipped: number; parametrized: number; expanded: number; firstLine?: number; framework?: string; benchmarks?: number; fuzz?: number; examples?: number }, framework: string) => {
    const { firstLine, ...rest } = r as { firstLine?: number; framework?: string } & Record<string, number>;
    if (rest.cases === 0 && !rest.benchmarks && !rest.fuzz && !rest.examples) return;
    out.push({
      path, language, framework, cases: rest.cases!, skipped: rest.skipped!, parametrized: rest.parametrized!, expanded: rest.expanded!,
      ...(rest.benchmarks ? { benchmarks: rest.benchmarks } : {}), ...(rest.fuzz ? { fuzz: rest.fuzz } : {}), ...(rest.examples ? { examples: rest.examples } : {}),
      ...(firstLine ? { first: { line: firstLine, snippet: snippetAt(text, firstLine) } } : {}),
    });
  };
  const candidates = (globs: string[]) => files.match(globs).filter((p) => !VENDORED.test(p));

  // Python: the files pytest would collect under its configuration.
  const py = pytestConfig(files);
  if (py.source) sources.push(py.source);
  const customPy = py.files.some((g) => !['test_*.py', '*_test.py'].includes(g));
  const pyFiles = customPy ? files.paths.filter((p) => p.endsWith('.py') && !VENDORED.test(p)) : candidates(TEST_GLOBS.python);
  const project: PyProject = { modules: new Map(), conftests: new Map(), cfg: py };
  const texts = new Map<string, string>();
  for (const path of pyFiles) {
    if (!pytestCollects(path, py)) {
      if (picomatch.isMatch(path.split('/').pop()!, ['test_*.py', '*_test.py'])) notCollected.push({ path, reason: py.source ? `outside what ${py.source} tells pytest to collect` : 'pytest does not recurse into this folder' });
      continue;
    }
    const text = files.read(path);
    if (text !== undefined) (project.modules.set(path, parsePython(text)), texts.set(path, text));
  }
  if (project.modules.size > 0) {
    for (const path of candidates(['**/conftest.py'])) {
      const text = files.read(path);
      if (text !== undefined) project.conftests.set(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '', parsePython(text));
    }
    const reg = pythonRegistry(project);
    for (const [path, text] of texts) {
      const r = countPythonFile(path, project, reg);
      record(path, text, 'Python', r, r.framework);
    }
  }

  // JavaScript/TypeScript: files some configured runner includes.
  const specs = jsRunnerSpecs(files);
  sources.push(...new Set(specs.map((s) => s.source)));
  const jsCandidates = new Set(candidates(TEST_GLOBS.js));
  for (const s of specs) for (const p of candidates(s.include)) if (/\.[cm]?[jt]sx?$/.test(p)) jsCandidates.add(p);
  for (const path of [...jsCandidates].sort()) {
    if (/\.d\.[cm]?ts$/.test(path)) continue;
    if (/\.(?:test|spec)-d\.[cm]?[jt]sx?$/.test(path) && !specs.some((s) => s.typecheck && jsRunnerFor(path, [s]))) continue;
    const runner = specs.length ? jsRunnerFor(path, specs) : /\.(test|spec)\.[cm]?[jt]sx?$|__tests__\//.test(path) ? 'unknown' : undefined;
    if (!runner) {
      if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(path)) notCollected.push({ path, reason: 'no configured JavaScript test runner includes it' });
      continue;
    }
    const text = files.read(path);
    if (text === undefined) continue;
    record(path, text, 'JavaScript/TypeScript', countJavaScript(text, importedArrays(files, path, text), importedHelpers(files, path, text, (body) => countJavaScript(body).expanded, isJsTestSide)), frameworkOf(text) ?? runner);
  }

  for (const path of candidates(TEST_GLOBS.go)) {
    if (path.split('/').some((d) => d.startsWith('_') || d.startsWith('.'))) continue;
    const text = files.read(path);
    if (text === undefined) continue;
    const tags = goBuildTags(text);
    if (tags.length) {
      notCollected.push({ path, reason: `needs build tag ${tags.join(', ')} (go test -tags ${tags[0]})` });
      continue;
    }
    record(path, text, 'Go', countGo(text), 'go test');
  }

  const simple: [keyof typeof TEST_GLOBS, (text: string, path: string) => { framework: string; cases: number; skipped: number; parametrized: number; expanded: number; firstLine?: number }][] = [
    ['jvm', (t, p) => countJvm(t, p.endsWith('.kt') ? 'kotlin' : p.endsWith('.groovy') ? 'groovy' : p.endsWith('.scala') ? 'scala' : 'java')],
    ['csharp', (t) => countCSharp(t)],
    ['ruby', (t, p) => countRuby(t, p)],
    ['php', (t) => countPhp(t)],
    ['rust', (t) => countRust(t)],
  ];
  for (const [lang, count] of simple) {
    for (const path of candidates(TEST_GLOBS[lang])) {
      if (lang === 'rust' && RUST_NOT_RUN.test(path)) continue;
      const text = files.read(path);
      if (text === undefined) continue;
      const r = count(text, path);
      record(path, text, LANGUAGE_NAMES[lang], r, r.framework);
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  notCollected.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files: out, notCollected, sources: [...new Set(sources)].sort() };
}
