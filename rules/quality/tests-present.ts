import { defineRule, type Evidence } from '../../src/engine/types.js';
import { fail, partial, pass } from '../../src/engine/results.js';
import { isTestPath } from '../_shared/paths.js';

/** Test files per language: the files each ecosystem's runner collects by default. */
const TEST_FILES: Record<string, string[]> = {
  js: ['**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}', '**/__tests__/**/*.{js,jsx,ts,tsx,mjs,cjs}'],
  python: ['**/test_*.py', '**/*_test.py'],
  go: ['**/*_test.go'],
  jvm: ['**/src/test/**/*.{java,kt,scala,groovy}', '**/*Test.{java,kt}', '**/*Tests.{java,kt}', '**/*IT.{java,kt}'],
  dotnet: ['**/*Tests.cs', '**/*Test.cs', '**/*.Tests/**/*.cs', '**/*.Test/**/*.cs', '**/*.UnitTests/**/*.cs', '**/*.IntegrationTests/**/*.cs'],
  ruby: ['**/*_spec.rb', '**/test_*.rb', '**/*_test.rb'],
  php: ['**/*Test.php'],
  rust: ['**/*.rs'],
};

const LANGUAGE: Record<string, string> = { js: 'JavaScript/TypeScript', python: 'Python', go: 'Go', jvm: 'Java/Kotlin', dotnet: 'C#', ruby: 'Ruby', php: 'PHP', rust: 'Rust' };

export default defineRule({
  meta: {
    id: 'tests-present',
    title: 'Tests exist in proportion to the code',
    failureTitle: 'No automated tests',
    description:
      'Automated tests are what make every other change safe: without them, a refactor, a dependency update or a hotfix is a guess. The ratio of test files to source files shows whether testing keeps pace with the code.',
    remediation:
      'Add automated tests beside the code (pytest, Jest/Vitest, go test, JUnit, xUnit, RSpec, PHPUnit, cargo test), starting with the modules that change most, until there is about one test file for every three source files.',
    severity: 'high',
    effort: 'high',
    detection:
      'Test files by each runner\'s default naming (test_*.py, *_test.go, *.test.ts, src/test/**, *Tests.cs, *_spec.rb, *Test.php) and test cases in them: pytest functions and methods, Jest/Vitest/Mocha it/test, Go func TestX, JUnit @Test, xUnit [Fact]/[Theory], NUnit [Test], RSpec it, PHPUnit test*, Rust #[test]. Score: test files ÷ source files against `options.minRatio` (default 0.3).',
    patterns: {
      js: { regex: /^\s*(?:it|test|specify)(?:\.(?:only|each\s*\([^)]*\)|concurrent|failing|todo))*\s*\(\s*[`'"]/m, files: TEST_FILES.js!, literals: ['it', 'test', 'specify'], maxPerFile: 100000 },
      python: { regex: /^\s*(?:async\s+)?def\s+test\w*\s*\(/m, files: TEST_FILES.python!, literals: ['def test'], maxPerFile: 100000 },
      go: { regex: /^func\s+Test[A-Z_0-9]\w*\s*\(\s*\w+\s+\*testing\.T\s*\)/m, files: TEST_FILES.go!, literals: ['func Test'], maxPerFile: 100000 },
      jvm: { regex: /^\s*@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|org\.junit\.(?:jupiter\.api\.)?Test)\b/m, files: TEST_FILES.jvm!, literals: ['@'], maxPerFile: 100000 },
      dotnet: { regex: /^\s*\[(?:Fact|Theory|Test|TestMethod|TestCase)\b/m, files: ['**/*.cs'], literals: ['Fact', 'Theory', 'Test'], maxPerFile: 100000 },
      ruby: { regex: /^\s*(?:it|specify|scenario)\s*(?:\(?\s*["']|\{|do\b)|^\s*def\s+test_\w+/m, files: TEST_FILES.ruby!, literals: ['it', 'specify', 'scenario', 'def test_'], maxPerFile: 100000 },
      php: { regex: /^\s*(?:public\s+)?function\s+test\w+\s*\(|@test\b|#\[Test\]/m, files: TEST_FILES.php!, literals: ['test', 'Test'], maxPerFile: 100000 },
      rust: { regex: /^\s*#\[(?:tokio::|async_std::)?test\b/m, files: TEST_FILES.rust!, literals: ['test]', 'test('], maxPerFile: 100000 },
    },
  },
  check(ctx) {
    const byLanguage: Record<string, { testFiles: number; testCases: number }> = {};
    const evidence: Evidence[] = [];
    const testFileSet = new Set<string>();
    let testCases = 0;
    for (const key of Object.keys(TEST_FILES)) {
      const ms = ctx.matches(key);
      if (ms.length === 0) continue;
      const filesHere = new Set(ms.map((m) => m.path));
      for (const f of filesHere) testFileSet.add(f);
      byLanguage[LANGUAGE[key]!] = { testFiles: filesHere.size, testCases: ms.length };
      testCases += ms.length;
      const first = ms[0]!;
      evidence.push({ path: first.path, line: first.line, snippet: first.snippet, note: `${ms.length} ${LANGUAGE[key]} test case${ms.length === 1 ? '' : 's'} in ${filesHere.size} file${filesHere.size === 1 ? '' : 's'}` });
    }
    const sources = ctx.facts.sourceFiles.filter((p) => !testFileSet.has(p) && !isTestPath(p));
    const testFiles = testFileSet.size;
    const minRatio = typeof ctx.options.minRatio === 'number' && ctx.options.minRatio > 0 ? ctx.options.minRatio : 0.3;
    const ratio = sources.length === 0 ? (testFiles > 0 ? 1 : 0) : testFiles / sources.length;
    const data = { testFiles, testCases, sourceFiles: sources.length, ratio: Math.round(ratio * 1000) / 1000, minRatio, byLanguage };
    if (testCases === 0) {
      return fail('No test cases found.', [{ path: '.', note: `no test case in ${ctx.facts.sourceFiles.length} source files (looked for test files named as pytest, Jest/Vitest, go test, JUnit, xUnit, RSpec, PHPUnit and cargo test collect them)` }], data);
    }
    const summary = `${testCases} test case${testCases === 1 ? '' : 's'} in ${testFiles} test file${testFiles === 1 ? '' : 's'} for ${sources.length} source file${sources.length === 1 ? '' : 's'} (ratio ${data.ratio}, target ${minRatio})`;
    if (ratio >= minRatio) return pass(`${summary}.`, evidence, data);
    // Scoring curve: any tests earn 0.3; the rest grows linearly with the ratio up to the target.
    return partial(0.3 + 0.7 * (ratio / minRatio), `${summary}: fewer tests than code.`, evidence, data);
  },
});
