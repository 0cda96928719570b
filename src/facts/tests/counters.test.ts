import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { countCSharp, countJvm, countRust } from './annotated.js';
import { countGo, goBuildTags } from './go.js';
import { testInventory } from './inventory.js';
import { countJavaScript } from './javascript.js';
import { mask, SYNTAX } from './mask.js';
import { countPhp, countRuby } from './scripting.js';

const byPath = (tree: Record<string, string>) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f]));

describe('mask', () => {
  it('blanks comments and string contents but keeps offsets and lines', () => {
    const src = "it('a // b', () => {}) // it('c')\n/* it('d') */ x";
    const out = mask(src, SYNTAX.js);
    expect(out.length).toBe(src.length);
    expect(out).toBe("it('      ', () => {})           \n              x");
  });
  it('does not take a regex literal with a quote for a string', () => {
    expect(mask("const r = /'/; it('x')", SYNTAX.js)).toContain("it(' ')");
  });
  it('ends a template at its own backtick, past templates nested in its substitutions', () => {
    // A bracket in the nested template's text must not reach the code (it unbalanced the test's call).
    const src = "it(`a ${b ? `(${c}: x` : '}'} e`, () => {});\nit('f', () => {});";
    const out = mask(src, SYNTAX.js);
    expect(out.length).toBe(src.length);
    expect(out.split('\n')[0]).toBe(`it(\`${' '.repeat(27)}\`, () => {});`);
    expect(countJavaScript(src).cases).toBe(2);
  });
  it('keeps Rust lifetimes as code', () => {
    expect(mask("fn f<'a>(x: &'a str) { let c = '\\n'; }", SYNTAX.rust)).toBe("fn f<'a>(x: &'a str) { let c = '  '; }");
  });
});

describe('pytest collection', () => {
  it('counts functions, Test* methods incl. nested and inherited, unittest methods; not strings, comments or helpers', () => {
    const f = byPath({
      'tests/test_a.py': [
        'import pytest, unittest',
        'def test_one(): pass',
        '# def test_commented(): pass',
        'DOC = """',
        'def test_in_string(): pass',
        '"""',
        'def helper(): pass',
        'class TestThing:',
        '    def test_a(self): pass',
        '    def helper(self): pass',
        '    class TestNested:',
        '        def test_b(self): pass',
        'class TestChild(TestThing):',
        '    def test_c(self): pass',
        'class TestWithInit:',
        '    def __init__(self): pass',
        '    def test_never(self): pass',
        'class Cases(unittest.TestCase):',
        '    def test_u(self): pass',
        '    def not_a_test(self): pass',
        '    @unittest.skip("later")',
        '    def test_skipped(self): pass',
      ].join('\n'),
    })['tests/test_a.py']!;
    // Declared: test_one; TestThing: a + nested b; TestChild: c; Cases: u, skipped.
    // Run: TestChild also runs the inherited a and nested b (declared once, expanded per class).
    expect(f.cases).toBe(6);
    expect(f.expanded).toBe(8);
    expect(f.skipped).toBe(1);
  });

  it('counts parametrize once and expands literal tables, stacked decorators and fixture params', () => {
    const f = byPath({
      'tests/test_p.py': [
        'import pytest',
        'CASES = [1, 2, 3]',
        '@pytest.fixture(params=["a", "b"])',
        'def backend(request): return request.param',
        '@pytest.mark.parametrize("x", CASES)',
        '@pytest.mark.parametrize("y", [(1, 2), (3, 4)])',
        'def test_grid(x, y): pass',
        '@pytest.mark.parametrize("n", range(10))',
        'def test_range(n): pass',
        'def test_backend(backend): pass',
        '@pytest.mark.parametrize("z", make_cases())',
        'def test_dynamic(z): pass',
      ].join('\n'),
    })['tests/test_p.py']!;
    expect(f.cases).toBe(4);
    expect(f.parametrized).toBe(4);
    // 3×2 + 10 + 2 (fixture params) + 1 (table not literal)
    expect(f.expanded).toBe(19);
  });

  it('multiplies fixtures named by usefixtures, not the arguments Hypothesis @given supplies; sizes range() to a stdlib constant', () => {
    const f = byPath({
      'tests/conftest.py':
        'import pytest\n@pytest.fixture(name="slots", params=(True, False))\ndef _slots(request):\n    return request.param\n',
      'tests/test_q.py': [
        'import pickle',
        'import pytest',
        'from hypothesis import given',
        'from hypothesis.strategies import booleans',
        '@pytest.fixture(params=[True, False])',
        'def validating(request): return request.param',
        '@pytest.mark.usefixtures("validating")',
        'def test_pre_init(): pass',
        '@pytest.mark.usefixtures("validating")',
        'class TestHooks:',
        '    def test_post_init(self): pass',
        '@given(booleans(), booleans())',
        'def test_roundtrip(slots, frozen): pass',
        '@given(slots=booleans())',
        'def test_repr(slots): pass',
        '@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))',
        'def test_pickle(protocol, slots): pass',
      ].join('\n'),
    })['tests/test_q.py']!;
    expect(f.cases).toBe(5);
    // 2 (usefixtures) + 2 (class usefixtures) + 1 + 1 (@given binds slots) + 4 protocols × 2 slots
    expect(f.expanded).toBe(14);
  });

  it('expands what pytest_generate_tests parametrizes, for the tests that request it directly or through fixtures', () => {
    const f = byPath({
      'conftest.py': [
        'import pytest',
        "VERSIONS = '3.8', '3.9', '3.10'",
        'def pytest_generate_tests(metafunc):',
        "    if 'version' in metafunc.fixturenames:",
        '        metafunc.parametrize("version", VERSIONS)',
        "    elif 'pair' in metafunc.fixturenames:",
        '        rows = [(1, 2), (3, 4)]',
        "        metafunc.parametrize('pair,other', rows, indirect=True)",
        "    if 'case' in metafunc.fixturenames:",
        "        metafunc.parametrize('case', load_cases(metafunc.config))",
        '@pytest.fixture',
        'def newer(version):',
        '    return version',
      ].join('\n'),
      'tests/test_g.py': [
        'def test_version(version): pass',
        'def test_through_fixture(newer): pass',
        // Both names come from one table of 2 rows: 2 tests, not 4.
        'def test_pair(pair, other): pass',
        'def test_case(case): pass',
        'def test_plain(): pass',
        // A local `version` parameter shadows nothing here: no fixture of that name is asked for.
        'def helper(version): pass',
      ].join('\n'),
    })['tests/test_g.py']!;
    expect(f.cases).toBe(5);
    // 3 + 3 + 2 + 1 (cases loaded at runtime) + 1
    expect(f.expanded).toBe(10);
  });

  it('follows python_files and testpaths from the config and reports files it would not collect', () => {
    const inv = testInventory(
      memoryIndex({
        'pytest.ini': '[pytest]\npython_files = check_*.py\ntestpaths = tests\n',
        'tests/check_x.py': 'def test_x(): pass\n',
        'tests/test_not_matched.py': 'def test_y(): pass\n',
        'scripts/check_z.py': 'def test_z(): pass\n',
      }),
    );
    expect(inv.files.map((f) => f.path)).toEqual(['tests/check_x.py']);
    expect(inv.notCollected.map((n) => n.path)).toEqual(['tests/test_not_matched.py']);
  });
  it('also collects what a CI pytest command selects with -o python_files / python_functions and named files', () => {
    const inv = testInventory(
      memoryIndex({
        'pytest.ini': '[pytest]\npython_files = tests.py test_*.py\n',
        '.github/workflows/ci.yml': [
          'on: push',
          'jobs:',
          '  unit:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: uv run pytest -n auto',
          '  e2e:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: uv run pytest app/tests_e2e -n auto -o "python_files=e2e_test_*.py" -o python_functions=check_*',
          '      - run: python -m pytest smoke/run_smoke.py',
        ].join('\n'),
        'app/tests/test_models.py': 'def test_a(): pass\n',
        'app/tests_e2e/e2e_test_login.py':
          'def check_login(): pass\ndef check_logout(): pass\ndef test_not_this(): pass\n',
        'app/other/e2e_test_stray.py': 'def check_x(): pass\n',
        'smoke/run_smoke.py': 'def test_home(): pass\n',
      }),
    );
    const byPath = Object.fromEntries(inv.files.map((f) => [f.path, f.cases]));
    expect(byPath).toEqual({
      'app/tests/test_models.py': 1,
      'app/tests_e2e/e2e_test_login.py': 2,
      'smoke/run_smoke.py': 1,
    });
    expect(inv.sources).toContain('.github/workflows/ci.yml');
  });
  it('collects by the python_files of a pytest config in a sub-folder, relative to that folder', () => {
    const app = {
      'back/app/tests.py':
        'class TestA:\n    def test_a(self): pass\n    def test_b(self): pass\n    def test_c(self): pass\n',
      'back/app/test_views.py': 'def test_v(): pass\n',
      'back/app/models.py': 'def test_not_a_test_module(): pass\n',
    };
    const counts = (tree: Record<string, string>) =>
      Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f.cases]));
    expect(counts({ ...app, 'back/pytest.ini': '[pytest]\npython_files =\n    tests.py\n    test_*.py\n' })).toEqual({
      'back/app/tests.py': 3,
      'back/app/test_views.py': 1,
    });
    // Without the config pytest's default names apply: tests.py is no test module.
    expect(counts(app)).toEqual({ 'back/app/test_views.py': 1 });
    // testpaths are relative to the config's folder too.
    expect(
      counts({
        ...app,
        'back/other/tests.py': 'def test_o(): pass\n',
        'back/setup.cfg': '[tool:pytest]\npython_files = tests.py\ntestpaths = other\n',
      }),
    ).toEqual({ 'back/other/tests.py': 1, 'back/app/test_views.py': 1 });
  });
});

describe('JavaScript definitions', () => {
  it('finds calls a comment splits from their names, and nothing in a file that only mentions tests', () => {
    // The raw text is asked before the masked code: a comment between a name and its call must still count.
    expect(countJavaScript("it/* why */('a', () => {});\ntest // note\n('b', () => {});\n").cases).toBe(2);
    expect(countJavaScript("const t = require('tape');\nt/**/('a', (x) => { x.end(); });\n").cases).toBe(1);
    expect(
      countJavaScript("// it is tested elsewhere: test('x')\nconst s = 'it(\"a\", f)';\nsubmit(it2);\n").cases,
    ).toBe(0);
  });

  it('counts it/test with modifiers, skips, todo and each tables; ignores hooks, comments and strings', () => {
    const r = countJavaScript(
      [
        "import { describe, it, test } from 'vitest';",
        "describe('x', () => {",
        "  it('a', () => {});",
        "  it.only('b', async () => {});",
        "  it.skip('c', () => {});",
        "  xit('d', function () {});",
        "  test.todo('e');",
        "  it.concurrent('f', async () => {});",
        "  test.each([[1, 2], [3, 4], [5, 6]])('g %i', (a, b) => {});",
        '  test.each`',
        '    a | b',
        '    ${1} | ${2}',
        '    ${3} | ${4}',
        "  `('h', ({ a, b }) => {});",
        "  // it('commented', () => {});",
        '  const s = "it(\'in a string\', () => {})";',
        '  beforeEach(() => {});',
        "  test.describe('group', () => {});",
        '});',
        "describe.skip('off', () => { it('i', () => {}); });",
      ].join('\n'),
    );
    expect(r.cases).toBe(9);
    expect(r.skipped).toBe(4);
    expect(r.parametrized).toBe(2);
    expect(r.expanded).toBe(7 + 3 + 2);
  });

  it('a callback that a call returns: Angular inject/waitForAsync, a test-case factory', () => {
    const r = countJavaScript(
      [
        "describe('ActivateComponent', () => {",
        "  it('calls activate', inject([ActivateService], fakeAsync((service: ActivateService) => {",
        '    tick();',
        '  })));',
        "  it('renders', waitForAsync(() => {}));",
        "  it('server', createApp({ port: 8080 }));",
        "  test.skip(isMobile(), 'not on mobile');",
        '  it(title, setup());',
        '});',
      ].join('\n'),
    );
    // A title string first, then a call: 3 tests. A runtime skip and an untitled call are not definitions.
    expect(r.cases).toBe(3);
  });

  it("does not take Playwright's runtime test.skip(cond, reason) for a test", () => {
    const r = countJavaScript(
      "test('a', async ({ page }) => {\n  test.skip(browserName === 'webkit', 'no');\n  test.fixme();\n});",
    );
    expect(r.cases).toBe(1);
  });

  it('expands loops over literal arrays (with spreads) and repeated helper calls', () => {
    const r = countJavaScript(
      [
        'const base = [1, 2];',
        'const all = [...base, 3];',
        "for (const x of all) { it('x ' + x, () => {}); }",
        'base.forEach((b) => { test(`b ${b}`, () => {}); });',
        "function shared(app) { it('works', () => {}); }",
        'shared(1); shared(2);',
      ].join('\n'),
    );
    expect(r.cases).toBe(3);
    expect(r.expanded).toBe(3 + 2 + 2);
  });

  it('sizes tables imported from a sibling module and rows that carry their own case lists', () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({ devDependencies: { vitest: '3' } }),
        'src/cases.ts':
          'export const ROWS = [\n  { path: "/a", tests: [1, 2, 3] },\n  { path: "/b", tests: [4] },\n];\nexport const FLAT = [1, 2];\n',
        'src/x.spec.ts': [
          "import { describe, it } from 'vitest';",
          "import { ROWS, FLAT } from './cases.js';",
          "describe.each(ROWS)('$path', ({ path, tests }) => {",
          "  it.each(tests)('case %s', (t) => {});",
          "  it('parses', () => {});",
          '});',
          "it.each(FLAT)('flat %s', (n) => {});",
        ].join('\n'),
      }),
    );
    // 3 + 1 row cases, 2 rows × 'parses', 2 flat
    expect(inv.files[0]).toMatchObject({ path: 'src/x.spec.ts', cases: 3, expanded: 4 + 2 + 2 });
  });

  it('sizes loops over typed, literal, wrapped and filtered arrays', () => {
    const r = countJavaScript(
      [
        "import { describe, test } from 'vitest';",
        "describe('a', () => {",
        '  const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9];',
        "  for (const r of rows) test('a' + r, () => {});",
        '});',
        "describe('b', () => {",
        // The annotation holds `;` and brackets: the loop must use these 2 rows, not the 9 above.
        '  const rows: { input: [string, string, any?]; out: boolean }[] = [',
        "    { input: ['x', 'y'], out: true },",
        "    { input: ['x', 'z', { strict: true }], out: false },",
        '  ];',
        '  for (const r of rows) { test(`${r.input[0]}`, () => {}); }',
        '});',
        "[true, false, null].forEach((v) => { test('literal ' + v, () => {}); });",
        'const byName = { one: 1, two: 2 };',
        'Object.keys(byName).forEach((k) => test(k, () => {}));',
        'for (const [k, v] of Object.entries(byName)) { test(k, () => {}); }',
        'const ids = [1, 2, 3, 4];',
        "test.each(ids.map((r) => [r]))('mapped %s', () => {});",
        "test.each(ids.filter((r) => r > 2))('filtered %s', () => {});",
      ].join('\n'),
    );
    expect(r.cases).toBe(7);
    // `r > 2` keeps 3 and 4.
    expect(r.expanded).toBe(9 + 2 + 3 + 2 + 2 + 4 + 2);
  });

  it('counts tests a helper defines once per call, through loops, nesting and references', () => {
    const r = countJavaScript(
      [
        "const { describe, it } = require('mocha');",
        'function checks(opts) {',
        "  it('reads', () => {});",
        "  it('writes', () => {});",
        '}',
        'const both = (o) => { checks(o); checks({ ...o, strict: true }); };',
        "describe('plain', () => { checks({}); });",
        "describe('looped', () => { ['a', 'b', 'c'].forEach((m) => both({ m })); });",
        "function shared() { it('shared', () => {}); }",
        "describe('by reference', shared);",
        "describe('named callback', function suite() { it('runs where it stands', () => {}); });",
        'exports.unused = function (name) { it(name, () => {}); };',
      ].join('\n'),
    );
    // checks: 1 direct call + 2 per `both` × 3 = 7 runs of 2 tests; shared once; suite once; unused never.
    expect(r.cases).toBe(5);
    expect(r.expanded).toBe(7 * 2 + 1 + 1 + 0);
  });

  it("does not take calls of a file's own `function test(…)` for tests", () => {
    const own = countJavaScript(
      "function test(input, expected) { assert.equal(slug(input), expected); }\ntest('A b', 'a-b');\ntest(name, other);\n",
    );
    expect(own.cases).toBe(0);
    expect(countJavaScript("test(name, other);\ntest('x', () => {});\n").cases).toBe(2);
  });

  it('counts one branch of an if/else around tests, and a lone if as written', () => {
    const r = countJavaScript(
      [
        "for (const name of ['a', 'b']) {",
        "  if (name === 'a') { test('first way', () => {}); } else if (name === 'b') { test('second way', () => {}); } else { test('third', () => {}); test('fourth', () => {}); }",
        "  if (process.env.SLOW) { test('slow', () => {}); }",
        '}',
      ].join('\n'),
    );
    expect(r.cases).toBe(5);
    // The widest branch (2 tests) stands for the chain, per iteration; the lone `if` counts.
    expect(r.expanded).toBe(2 * 2 + 2);
  });

  it('counts calls of test-defining helpers imported from a sibling module', () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({ devDependencies: { jest: '29' } }),
        'test/helpers.js': [
          'exports.withClock = function (name, f) { test(`with a clock, ${name}`, f); };',
          'exports.twice = (name, f) => { test(name, f); test(name + " again", f); };',
          'exports.setUp = function (f) { return f(); };',
        ].join('\n'),
        'test/support.js':
          "export function inZones(name, f) { for (const z of ['UTC', 'CET']) test(`${name} in ${z}`, f); }\n",
        'test/a.test.js': [
          "const Helpers = require('./helpers');",
          "import { inZones as zoned } from './support.js';",
          "test('plain', () => {});",
          "Helpers.withClock('ticks', () => {});",
          "Helpers.twice('both', () => {});",
          'Helpers.setUp(() => {});',
          "for (const n of [1, 2, 3]) zoned('n' + n, () => {});",
        ].join('\n'),
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases, f.expanded])).toEqual([['test/a.test.js', 4, 1 + 1 + 2 + 3 * 2]]);
  });

  it('multiplies the tests of a suite matrix that runs its callback once per target', () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({ devDependencies: { vitest: '3' } }),
        'vitest.config.ts':
          "export default defineConfig({ test: { typecheck: { enabled: !process.argv.includes('bench') } } });",
        'test/_setup.ts': [
          'export function matrix(',
          '  title: string,',
          '  fn: (ctx: { target: string }, utils: { it: typeof it }) => void | Promise<void>,',
          '): void {',
          '  const run = (target: string) => fn({ target }, { it });',
          "  describe(title, () => { describe('web', () => run('web')); describe('node', () => run('node')); describe('bun', () => run('bun')); });",
          '}',
          'export const once = (title: string, fn: () => void) => describe(title, fn);',
        ].join('\n'),
        'test/app.test.ts': [
          "import { matrix, once } from './_setup';",
          "matrix('app', (t, { it }) => {",
          "  it('serves', () => {});",
          "  it.skipIf(t.target === 'web')('streams', () => {});",
          '});',
          "once('plain', () => { it('runs once', () => {}); });",
        ].join('\n'),
        'test/types.test-d.ts':
          "import { expectTypeOf, test } from 'vitest';\ntest('typed', () => { expectTypeOf(1).toBeNumber(); });\n",
      }),
    );
    // 2 tests × 3 targets + 1; the type test is collected because typecheck is on.
    expect(inv.files.map((f) => [f.path, f.expanded])).toEqual([
      ['test/app.test.ts', 2 * 3 + 1],
      ['test/types.test-d.ts', 1],
    ]);
  });

  it('leaves type tests out when typecheck is off, and counts a local matrix', () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({ devDependencies: { vitest: '3' } }),
        'src/types.test-d.ts': "import { test } from 'vitest';\ntest('typed', () => {});\n",
        'src/a.test.ts': [
          "import { describe, it } from 'vitest';",
          'function forEachDriver(fn) { for (const d of DRIVERS) fn(d); fn(null); fn(undefined); }',
          "forEachDriver((d) => { it('works with ' + d, () => {}); });",
        ].join('\n'),
      }),
    );
    // DRIVERS is unknown (one), plus two direct calls: the callback runs three times as far as we can see.
    expect(inv.files.map((f) => [f.path, f.expanded])).toEqual([['src/a.test.ts', 3]]);
  });

  it('only counts files a configured runner includes', () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({ devDependencies: { jest: '29' } }),
        'jest.config.js': "module.exports = { testMatch: ['**/unit/**/*.test.js'] };",
        'unit/a.test.js': "test('a', () => {});",
        'other/b.test.js': "test('b', () => {});",
      }),
    );
    expect(inv.files.map((f) => [f.path, f.framework])).toEqual([['unit/a.test.js', 'jest']]);
    expect(inv.notCollected.map((n) => n.path)).toEqual(['other/b.test.js']);
  });
});

describe('Go', () => {
  it('counts TestXxx and reports benchmarks, fuzz targets and examples with output apart', () => {
    const r = countGo(
      [
        'package x',
        'func TestMain(m *testing.M) {}',
        'func TestA(t *testing.T) {}',
        'func Testlower(t *testing.T) {}',
        'func TestB(t *testing.T) {}',
        '// func TestC(t *testing.T) {}',
        'func BenchmarkA(b *testing.B) {}',
        'func FuzzA(f *testing.F) {}',
        'func ExampleA() {\n\tfmt.Println(1)\n\t// Output: 1\n}',
        'func ExampleNoOutput() {}',
      ].join('\n'),
    );
    expect([r.cases, r.benchmarks, r.fuzz, r.examples]).toEqual([2, 1, 1, 1]);
  });
  it('counts a table-driven TestXxx once, as `go test -list` lists it (its t.Run rows are subtests)', () => {
    const r = countGo(
      [
        'package money',
        'func TestCents(t *testing.T) {',
        '\tfor _, tc := range []struct{ in, out int }{{1, 100}, {2, 200}, {3, 300}} {',
        '\t\tt.Run(fmt.Sprint(tc.in), func(t *testing.T) {})',
        '\t}',
        '}',
      ].join('\n'),
    );
    expect([r.cases, r.expanded]).toEqual([1, 1]);
  });
  it('counts tests behind a build constraint CI satisfies (GOEXPERIMENT, -tags), not others', () => {
    const test = (tag: string) =>
      `//go:build ${tag}\n\npackage simd\n\nfunc TestSum(t *testing.T) {}\nfunc TestMax(t *testing.T) {}\n`;
    const tree = {
      'go.mod': 'module example.org/lo\n',
      'exp/simd/sum_test.go': test('goexperiment.simd && amd64'),
      'db/store_test.go': test('integration'),
      'cloud/s3_test.go': test('cloud'),
      '.github/workflows/test.simd.yml':
        'on: push\njobs:\n  simd:\n    runs-on: ubuntu-latest\n    env:\n      GOEXPERIMENT: simd\n    steps:\n      - run: make test-simd\n',
      Makefile: 'test:\n\tgo test -race -tags=integration ./...\n',
    };
    const inv = testInventory(memoryIndex(tree));
    expect(inv.files.map((f) => [f.path, f.cases, f.first?.line])).toEqual([
      ['db/store_test.go', 2, 5],
      ['exp/simd/sum_test.go', 2, 5],
    ]);
    expect(inv.notCollected).toEqual([
      { path: 'cloud/s3_test.go', reason: 'needs build tag cloud (go test -tags cloud)' },
    ]);
  });
  it('names custom build tags but not platform constraints', () => {
    expect(goBuildTags('//go:build integration && !windows\n\npackage x')).toEqual(['integration']);
    expect(goBuildTags('//go:build linux || darwin\n\npackage x')).toEqual([]);
  });
});

describe('annotated languages', () => {
  it('JUnit 5: @Test, @ParameterizedTest with a literal source, @RepeatedTest, @Disabled', () => {
    const r = countJvm(
      [
        'import org.junit.jupiter.api.Test;',
        'class ATest {',
        '  @Test void a() {}',
        '  @ParameterizedTest',
        '  @ValueSource(strings = {"x", "y", "z"})',
        '  void b(String s) {}',
        '  @RepeatedTest(5) void c() {}',
        '  @Disabled("flaky") @Test void d() {}',
        '  // @Test void e() {}',
        '  void helper() {}',
        '}',
      ].join('\n'),
      'java',
    );
    expect([r.cases, r.skipped, r.parametrized, r.expanded, r.framework]).toEqual([4, 1, 2, 1 + 3 + 5 + 1, 'JUnit 5']);
  });
  it('TestNG: a method is under its innermost class — a nested class has its own @Test or none', () => {
    const r = countJvm(
      [
        'import org.testng.annotations.Test;',
        '@Test',
        'public class OuterTest {',
        '  public void a() {}',
        '  @Test',
        '  public static class InnerTest {',
        '    public void b() {}',
        '  }',
        '  public static class Plain {',
        '    public void notATest() {}',
        '  }',
        '  public void c() {',
        '    Runnable r = new Runnable() {',
        '      public void run() {}',
        '    };',
        '  }',
        '}',
      ].join('\n'),
      'java',
    );
    // a, b and c: b once (not once per enclosing @Test class), neither Plain's method nor run().
    expect([r.cases, r.framework]).toEqual([3, 'TestNG']);
  });
  it('TestNG: a class-level @Test makes every public void method of the class a test', () => {
    const r = countJvm(
      [
        'package dev.example;',
        'import org.testng.annotations.*;',
        '@Test',
        'public class RetryTest {',
        '  @BeforeMethod',
        '  public void setUp() {}',
        '  public void shouldRetry() {}',
        '  public void shouldGiveUp() throws Exception {}',
        '  @Test(expectedExceptions = IllegalStateException.class)',
        '  public void shouldThrow() {}',
        '  @DataProvider',
        '  public Object[][] rows() { return new Object[][] {{1}, {2}}; }',
        '  @Test(dataProvider = "rows")',
        '  public void withRows(int n) {}',
        '  private void helper() {}',
        '  public static void util() {}',
        '}',
      ].join('\n'),
      'java',
    );
    expect([r.cases, r.skipped, r.parametrized, r.expanded, r.framework]).toEqual([4, 0, 1, 3 + 2, 'TestNG']);
    expect(r.firstLine).toBe(7);
    const off = countJvm(
      [
        'import org.testng.annotations.Test;',
        '@Test(enabled = false)',
        'public class OffTest {',
        '  public void a() {}',
        '  public void b() {}',
        '}',
      ].join('\n'),
      'java',
    );
    expect([off.cases, off.skipped]).toEqual([2, 2]);
  });
  it('JUnit 5: an @interface annotated with @ParameterizedTest is a meta-annotation, not a test; its uses are kept', () => {
    const decl = countJvm(
      '@Documented\n@Target(ElementType.METHOD)\n@ParameterizedTest\npublic @interface MultiLocaleTest {}\n',
      'java',
    );
    expect([decl.cases, decl.metaTests]).toEqual([0, [{ name: 'MultiLocaleTest', parametrized: true }]]);
    const use = countJvm(
      'class T {\n  @Override public String toString() { return ""; }\n  @MultiLocaleTest\n  void a(Locale l) {}\n}\n',
      'java',
    );
    expect([use.cases, use.annotated]).toEqual([
      0,
      [{ names: ['MultiLocaleTest'], line: 3, skipped: false, snippet: '@MultiLocaleTest' }],
    ]);
  });
  it('JUnit 5: a @CsvSource text block has a row per line, less comments and a header', () => {
    const r = countJvm(
      [
        'class MoneyTest {',
        '  @ParameterizedTest',
        '  @CsvSource(textBlock = """',
        '    # amount, cents',
        '    1.00, 100',
        '',
        '    2.50, 250',
        '    """)',
        '  void cents(String a, int c) {}',
        '  @ParameterizedTest',
        '  @CsvSource(useHeadersInDisplayName = true, textBlock = """',
        '    amount, cents',
        '    1.00, 100',
        '    """)',
        '  void named(String a, int c) {}',
        '  @ParameterizedTest',
        '  @CsvSource({"1, 100", "2, 200"})',
        '  void inline(String a, int c) {}',
        '  @ParameterizedTest',
        '  @MethodSource("rows")',
        '  void fromMethod(int a) {}',
        '}',
      ].join('\n'),
      'java',
    );
    // A method source's rows are not evident: it counts once.
    expect([r.cases, r.parametrized, r.expanded]).toEqual([4, 4, 2 + 1 + 2 + 1]);
  });
  it('JUnit 5: a @CsvSource text block counts CSV records: `\\` continuations and quoted line breaks join lines', () => {
    const r = countJvm(
      [
        'class RenderTest {',
        '  @ParameterizedTest',
        '  @CsvSource(textBlock = """',
        '      Critical (updated 1970),\\',
        '      CRITICAL,Title one',
        '      Warning (updated 1970),\\   ',
        '      WARNING,Title two',
        '      """)',
        '  void summary(String e, String s, String t) {}',
        '  @ParameterizedTest',
        '  @CsvSource(textBlock = """',
        "      'first line",
        '      # not a comment inside quotes',
        "      last line',\\",
        "      'b'",
        '      # a comment',
        "      'one', 'two'",
        '      """)',
        '  void multi(String a, String b) {}',
        '  @ParameterizedTest',
        '  @CsvSource(quoteCharacter = \'"\', textBlock = """',
        '      "a,',
        '      b", 1',
        '      "it\'s", 2',
        '      """)',
        '  void dq(String a, int b) {}',
        '}',
      ].join('\n'),
      'java',
    );
    // 2 records on 4 lines, 2 records (one spanning 3 lines, with a `#` inside quotes) on 6, 2 with `"` quotes.
    expect([r.cases, r.expanded]).toEqual([3, 2 + 2 + 2]);
  });
  it('Kotlin @Test functions', () => {
    expect(countJvm('class T {\n  @Test\n  fun `adds numbers`() {}\n  @Test fun other() {}\n}', 'kotlin').cases).toBe(
      2,
    );
  });
  it('xUnit Fact/Theory with InlineData rows, Skip, and #if false code', () => {
    const r = countCSharp(
      [
        'public class CalcTests {',
        '  [Fact] public void A() {}',
        '  [Theory]',
        '  [InlineData(1)]',
        '  [InlineData(2)]',
        '  public void B(int x) {}',
        '  [Fact(Skip = "later")] public void C() {}',
        '#if false',
        '  [Fact] public void D() {}',
        '#endif',
        '}',
      ].join('\n'),
    );
    expect([r.cases, r.skipped, r.parametrized, r.expanded, r.framework]).toEqual([3, 1, 1, 4, 'xUnit']);
  });
  it('NUnit [Test] and [TestCase] rows, MSTest [TestMethod]', () => {
    expect(
      countCSharp(
        '[TestFixture] class T {\n [Test] public void A() {}\n [TestCase(1)]\n [TestCase(2)]\n public void B(int x) {}\n}',
      ).cases,
    ).toBe(2);
    expect(countCSharp('[TestClass] class T {\n [TestMethod] public void A() {}\n}').framework).toBe('MSTest');
  });
  it('Rust #[test], #[tokio::test], #[ignore], #[test_case]', () => {
    const r = countRust(
      [
        '#[cfg(test)]',
        'mod tests {',
        '    #[test]',
        '    fn a() {}',
        '    #[tokio::test(flavor = "multi_thread")]',
        '    async fn b() {}',
        '    #[test]',
        '    #[ignore]',
        '    fn c() {}',
        '    #[test_case(1)]',
        '    #[test_case(2)]',
        '    fn d(x: u8) {}',
        '    // #[test] fn e() {}',
        '}',
      ].join('\n'),
    );
    expect([r.cases, r.skipped, r.expanded]).toEqual([4, 1, 5]);
  });
});

describe('Ruby and PHP', () => {
  it('RSpec it/specify with xit and pending, not `it` in a comment', () => {
    const r = countRuby(
      [
        'RSpec.describe Calc do',
        '  it "adds" do',
        '  end',
        '  specify { expect(1).to eq 1 }',
        '  xit "later" do; end',
        '  # it "commented" do',
        'end',
      ].join('\n'),
      'spec/calc_spec.rb',
    );
    expect([r.cases, r.skipped, r.framework]).toEqual([3, 1, 'RSpec']);
  });
  it('a skipped group runs to the `end` at its own indent, found once per file: thousands of unclosed groups and classes', () => {
    // Each `xdescribe … do` and each `class` scanned the rest of the file for its `end` with a
    // pattern of its own: 20,000 of them (340 KB) took 4 s, a megabyte minutes.
    const r = countRuby(
      [
        'RSpec.describe Calc do', // 1
        '  xdescribe "later" do', // 2
        '    it "skipped" do; end', // 3
        '  end', // 4
        '  it "runs" do', // 5
        '  end', // 6
        ...Array.from({ length: 20_000 }, () => '  xdescribe "open" do\n  class Open'),
        'end',
      ].join('\n'),
      'spec/calc_spec.rb',
    );
    expect([r.cases, r.skipped]).toEqual([2, 1]);
  });
  it('Minitest test_ methods and Rails test blocks', () => {
    expect(
      countRuby('class CalcTest < Minitest::Test\n  def test_adds; end\n  def helper; end\nend', 'test/calc_test.rb')
        .cases,
    ).toBe(1);
    expect(countRuby('class T < ActiveSupport::TestCase\n  test "works" do\n  end\nend', 'test/t_test.rb').cases).toBe(
      1,
    );
  });
  it('tests in shared examples and Minitest modules go to them, in every pass over the lines (one sweep each)', () => {
    const r = countRuby(
      [
        'require "test_helper"', // 1
        'module Shared', // 2
        '  def test_in_module; end', // 3
        '  should "in module" do; end', // 4
        'end', // 5
        'class CalcTest < ActiveSupport::TestCase', // 6
        '  include Shared', // 7
        '  def test_own; end', // 8
        '  test "own block" do', // 9
        '  end', // 10
        ...Array.from({ length: 500 }, (_, k) => `  context "c${k}" do\n    should "work ${k}" do; end\n  end`),
        'end', // last
      ].join('\n'),
      'test/calc_test.rb',
    );
    expect(r.cases).toBe(2);
    expect(r.shared).toEqual([expect.objectContaining({ name: 'Shared', kind: 'module', cases: 1 })]);
    // The module's `should` is shoulda's too (not in shared examples); the 500 in contexts are the class's.
    expect(r.shoulda).toMatchObject({ cases: 501, skipped: 0, firstLine: 4 });
  });
  it('PHPUnit test* methods, @test docblocks and #[Test] attributes; Pest it() with ->skip()', () => {
    const r = countPhp(
      [
        '<?php',
        'class CalcTest extends TestCase {',
        '  public function testAdds(): void {}',
        '  /** @test */',
        '  public function it_subtracts(): void {}',
        '  #[Test]',
        '  public function multiplies(): void {}',
        '  private function helper() {}',
        '  // public function testCommented() {}',
        '}',
      ].join('\n'),
    );
    expect(r.cases).toBe(3);
    const pest = countPhp("<?php\nit('adds', function () {});\ntest('later', function () {})->skip();\n");
    expect([pest.cases, pest.skipped, pest.framework]).toEqual([2, 1, 'Pest']);
  });
  it('Pest tests nested in describe() blocks (nested describes, a skipped describe, datasets) are tests', () => {
    const pest = countPhp(
      [
        '<?php',
        '',
        'use App\\Models\\Result;',
        '',
        "describe('guest routes', function () {",
        "    test('home redirects to login', function () {",
        "        $this->get('/')->assertRedirect('/login');",
        '    });',
        '',
        "    it('serves the login page', fn () => $this->get('/login')->assertOk());",
        '',
        "    describe('api', function () {",
        "        it('rejects a missing token', function (string $path) {",
        '            $this->getJson($path)->assertUnauthorized();',
        "        })->with(['/api/v1/results', '/api/v1/stats']);",
        '    });',
        '});',
        '',
        "describe('later', function () {",
        "    it('exports results', function () {});",
        '})->skip();',
        '',
        "test('top level still counts', function () {});",
        '',
        'function helper() {',
        "    test('not a Pest test: inside a function, outside describe', fn () => null);",
        '}',
      ].join('\n'),
    );
    expect(pest.framework).toBe('Pest');
    expect([pest.cases, pest.skipped, pest.parametrized, pest.expanded]).toEqual([5, 1, 1, 6]);
  });
  it('PHPUnit data providers: rows of a returned array or of yields in this class; unknown when computed or elsewhere', () => {
    const r = countPhp(
      [
        '<?php',
        'use PHPUnit\\Framework\\Attributes\\DataProvider;',
        'final class SlugTest extends TestCase {',
        '  /** @return array<string, array{string,string}> */',
        '  public static function provideSlugs(): array {',
        '    return [',
        "      'plain' => ['Hello', 'hello'],",
        "      'spaces' => ['a b', 'a-b'],",
        "      'unicode' => ['Ünï', 'uni'],",
        '    ];',
        '  }',
        '  public static function edgeCases(): iterable {',
        "    yield ['', ''];",
        "    yield ['-', ''];",
        '  }',
        '  public static function generated(): iterable {',
        '    foreach (range(1, 9) as $i) { yield [$i]; }',
        '  }',
        "  #[DataProvider('provideSlugs')]",
        '  public function testSlug(string $in, string $out): void {}',
        '  /** @dataProvider edgeCases */',
        '  public function testEdges(string $in, string $out): void {}',
        '  /** @dataProvider generated */',
        '  public function testGenerated(int $i): void {}',
        "  #[DataProviderExternal(Other::class, 'rows')]",
        '  public function testElsewhere(int $i): void {}',
        '}',
      ].join('\n'),
    );
    expect([r.cases, r.parametrized, r.expanded]).toEqual([4, 4, 3 + 2 + 1 + 1]);
  });
  it('NUnit TestCaseSource and xUnit MemberData rows from a member of the same file', () => {
    const r = countCSharp(
      [
        'public class ParserTests {',
        '  [TestCaseSource(typeof(ParserData), nameof(ParserData.Titles))]',
        '  public string Parses(string title) => Parser.Parse(title);',
        '  [Test, TestCaseSource(nameof(Sizes))]',
        '  public void Sizes_are_read(long n) {}',
        '  [Theory]',
        '  [MemberData(nameof(Pairs))]',
        '  public void Pairs_match(int a, int b) {}',
        '  [TestCaseSource(nameof(Computed))]',
        '  public void Computed_cases(int i) {}',
        '  private static readonly object[] Sizes = { 1L, 1024L, 1048576L, 5L };',
        '  public static TheoryData<int, int> Pairs => new TheoryData<int, int> { { 1, 1 }, { 2, 2 } };',
        '  public static IEnumerable<int> Computed() { for (var i = 0; i < 5; i++) yield return i; }',
        '}',
        'public static class ParserData {',
        '  public static IEnumerable Titles {',
        '    get {',
        '      yield return new TestCaseData("Show S01").Returns("Show S1");',
        '      yield return new TestCaseData("Film 2020").Returns("Film");',
        '      yield return new TestCaseData("Other").Returns("Other");',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    expect([r.cases, r.parametrized, r.expanded]).toEqual([4, 4, 3 + 4 + 2 + 1]);
  });
  it('rstest #[case] and #[case::name] rows', () => {
    const r = countRust(
      [
        'use rstest::rstest;',
        '#[rstest]',
        '#[case(0, 0)]',
        '#[case::one(1, 1)]',
        '#[case::two(2, 1)]',
        'fn fib(#[case] n: u32, #[case] want: u32) {}',
        '#[test]',
        'fn plain() {}',
      ].join('\n'),
    );
    expect([r.cases, r.parametrized, r.expanded]).toEqual([2, 1, 4]);
  });
});

describe('JVM tests through indirect bases and library test annotations', () => {
  it('JUnit 3: test* methods of a class whose project base extends TestCase count (chain followed across files)', () => {
    const files = byPath({
      'core/src/tckTest/java/org/acme/tck/TckTestCase.java': [
        'package org.acme.tck;',
        'import junit.framework.TestCase;',
        'public class TckTestCase extends TestCase {',
        '  protected void assertEmpty(java.util.Map<?, ?> m) { assertTrue(m.isEmpty()); }',
        '}',
      ].join('\n'),
      'core/src/tckTest/java/org/acme/tck/MapContractTest.java': [
        'package org.acme.tck;',
        'public abstract class MapContractTest extends TckTestCase {',
        '  public void testClear() { }',
        '}',
      ].join('\n'),
      'core/src/tckTest/java/org/acme/tck/BoundedMapTest.java': [
        'package org.acme.tck;',
        'public class BoundedMapTest extends MapContractTest {',
        '  public void testPut() { }',
        '',
        '  public void testRemove() { }',
        '  private void testHelper() { }',
        '}',
      ].join('\n'),
      'core/src/test/java/org/acme/PlainTest.java': [
        'package org.acme;',
        'public class PlainTest extends Object {',
        '  public void testNotJunit3() { }',
        '}',
      ].join('\n'),
    });
    expect(files['core/src/tckTest/java/org/acme/tck/BoundedMapTest.java']).toMatchObject({
      cases: 2,
      framework: 'JUnit 3',
      first: { line: 3, snippet: 'public void testPut() { }' },
    });
    expect(files['core/src/tckTest/java/org/acme/tck/MapContractTest.java']).toMatchObject({ cases: 1 });
    expect(files['core/src/test/java/org/acme/PlainTest.java']?.cases ?? 0).toBe(0);
  });

  it('Jazzer @FuzzTest and Fray @FrayTest (meta-annotated outside the repository) are tests', () => {
    const r = countJvm(
      [
        'import com.code_intelligence.jazzer.junit.FuzzTest;',
        'import org.pastalab.fray.junit.junit5.annotations.FrayTest;',
        'class CacheFuzzer {',
        '  @FuzzTest(maxDuration = "5m")',
        '  void put(FuzzedDataProvider data) { }',
        '',
        '  @FrayTest(iterations = 100)',
        '  void racingPuts() { }',
        '}',
      ].join('\n'),
      'java',
    );
    expect([r.cases, r.firstLine]).toEqual([2, 4]);
  });
});

describe('round 45: xUnit MemberData rows returned by a method', () => {
  const theory = (source: string, members: string[]) =>
    countCSharp(
      [
        'public class UnitTests {',
        '  [Theory]',
        `  [MemberData(nameof(${source}))]`,
        '  public void Equal(object value, bool eq) {}',
        ...members,
        '}',
      ].join('\n'),
    );
  const valueData = [
    '  public static object[][] ValueData()',
    '  {',
    '    return new[]',
    '    {',
    '      new object[] { new object(), false },',
    '      new object[] { "", false },',
    '      new object[] { null!, false },',
    '    };',
    '  }',
  ];
  it('a method whose one statement returns an array literal: one case per row', () => {
    expect(theory('ValueData', valueData).expanded).toBe(3);
  });
  it('a member projecting another row by row (`Other().Select(…).ToArray()`) has its rows', () => {
    const projected = [
      ...valueData,
      '  public static object[][] FirstOnly() => ValueData().Select(o => new[] { o[0] }).ToArray();',
    ];
    expect(theory('FirstOnly', projected).expanded).toBe(3);
  });
  it('rows computed in the method (a loop, a filter) stay unknown: the theory counts once', () => {
    const loop = [
      '  public static IEnumerable<object[]> Computed()',
      '  {',
      '    var list = new List<object[]>();',
      '    for (var i = 0; i < 5; i++) list.Add(new object[] { i });',
      '    return list;',
      '  }',
    ];
    expect(theory('Computed', loop).expanded).toBe(1);
    const filtered = [
      ...valueData,
      '  public static object[][] Some() => ValueData().Where(o => o[1] is true).ToArray();',
    ];
    expect(theory('Some', filtered).expanded).toBe(1);
    // A member projecting itself is no source of rows.
    expect(theory('Self', ['  public static object[][] Self() => Self().Select(o => o).ToArray();']).expanded).toBe(1);
  });
});
