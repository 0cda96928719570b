import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testTypes from './test-types.js';
import testsPresent from './tests-present.js';

const avaFile = (n: number) =>
  `import test from 'ava';\nimport {get} from '../source/index.js';\n\n${Array.from({ length: n }, (_, i) => `test('status ${i}', async t => {\n\tt.is(await get(${i}), 200);\n});\n`).join('\n')}`;

/** An HTTP client library tested with AVA in TypeScript (`ava.extensions` in package.json). */
const client = {
  'package.json': JSON.stringify({
    name: 'fetchy',
    type: 'module',
    scripts: { test: 'xo && npm run build && ava' },
    devDependencies: { ava: '^6.4.1', typescript: '^5.9.3', tsx: '^4' },
    ava: { extensions: { ts: 'module' }, nodeArguments: ['--import=tsx/esm'] },
  }),
  'source/index.ts': 'export const get = async (n: number) => 200 + n * 0;\n',
  'source/retry.ts': 'export const retry = (n: number) => n;\n',
  'test/main.ts': avaFile(3),
  'test/retry.ts': avaFile(2),
  'test/helpers/create-server.ts': 'export const createServer = () => ({});\n',
};

describe('AVA tests (round 21)', () => {
  it('tests-present counts AVA tests in test/*.ts configured by the package.json `ava` key', async () => {
    const run = await runRuleOn(testsPresent, client);
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/^5 test cases in 2 test files/);
    expect(run.evidence[0]).toMatchObject({ path: 'test/main.ts', line: 4 });
    expect(run.evidence[0]!.note).toMatch(/\(ava\)/);
  });

  it('test-types sees them as unit tests', async () => {
    const run = await runRuleOn(testTypes, client);
    expect((run.data as { types: string[] }).types).toContain('unit');
    expect(run.evidence.find((e) => e.path === 'test/main.ts')).toMatchObject({ line: 4 });
  });
});

describe('tests-present: what the ratio counts (round 21)', () => {
  const pest = (n: number) =>
    `<?php\n\n${Array.from({ length: n }, (_, i) => `test('page ${i} renders', function () {\n    $this->get('/p/${i}')->assertOk();\n});\n`).join('\n')}`;
  /** A Laravel app: 4 classes, 2 Pest files, translation arrays for 30 languages and Blade views. */
  const laravel = () => {
    const tree: Record<string, string> = {
      'composer.json': JSON.stringify({
        require: { 'laravel/framework': '^12.0' },
        'require-dev': { 'pestphp/pest': '^3' },
      }),
      'app/Models/Item.php': '<?php\nnamespace App\\Models;\nclass Item {}\n',
      'app/Models/Project.php': '<?php\nnamespace App\\Models;\nclass Project {}\n',
      'app/Http/Controllers/ItemController.php': '<?php\nnamespace App\\Http\\Controllers;\nclass ItemController {}\n',
      'app/Providers/AppServiceProvider.php': '<?php\nnamespace App\\Providers;\nclass AppServiceProvider {}\n',
      'tests/Pest.php': "<?php\nuses(Tests\\TestCase::class)->in('Feature');\n",
      'tests/Feature/ItemTest.php': pest(3),
      'tests/Feature/ProjectTest.php': pest(2),
    };
    for (const lang of ['de', 'fr', 'nl', 'es', 'it', 'pt', 'pl', 'sv', 'da', 'fi'])
      for (const f of ['auth', 'pagination', 'validation'])
        tree[`lang/${lang}/${f}.php`] = "<?php\n\nreturn [\n    'failed' => 'x',\n];\n";
    for (let i = 0; i < 12; i++) tree[`resources/views/page${i}.blade.php`] = '<div>{{ $title }}</div>\n';
    return tree;
  };

  it('leaves translation tables (lang/) and Blade views out of the source files', async () => {
    const run = await runRuleOn(testsPresent, laravel());
    expect(run.outcome).toBe('pass');
    expect((run.data as { sourceFiles: number }).sourceFiles).toBe(4);
    expect(run.message).toBe('5 test cases in 2 test files for 4 source files (ratio 0.5, target 0.3).');
    expect(run.evidence[0]).toMatchObject({ path: 'tests/Feature/ItemTest.php', line: 3 });
  });

  const kotlin = (cases: number) =>
    `package no.app\n\nimport org.junit.Test\n\nclass ApiTest {\n${Array.from({ length: cases }, (_, i) => `    @Test\n    fun \`case ${i}\`() {}\n`).join('')}}\n`;
  const service = (casesPerFile: number) => {
    const tree: Record<string, string> = {
      'build.gradle.kts': 'plugins { kotlin("jvm") }\ndependencies { testImplementation(kotlin("test")) }\n',
    };
    for (let i = 0; i < 19; i++)
      tree[`src/main/kotlin/no/app/Service${i}.kt`] = `package no.app\n\nclass Service${i}\n`;
    for (let i = 0; i < 4; i++) tree[`src/test/kotlin/no/app/Api${i}Test.kt`] = kotlin(casesPerFile);
    return tree;
  };

  it('counts a test file per three cases when a few large test classes hold the suite', async () => {
    const run = await runRuleOn(testsPresent, service(6));
    // 4 files / 20 sources (19 classes and build.gradle.kts) = 0.2; 24 cases ÷ 3 = 8 / 20 = 0.4.
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      '24 test cases in 4 test files for 20 source files (ratio 0.4 counting a test file per 3 cases, target 0.3).',
    );
    expect((run.data as { measuredBy?: string }).measuredBy).toBe('test cases');
    expect(run.evidence[0]).toMatchObject({ path: 'src/test/kotlin/no/app/Api0Test.kt', line: 6 });
  });

  it('stays partial when the cases are as thin as the files', async () => {
    const run = await runRuleOn(testsPresent, service(1));
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      '4 test cases in 4 test files for 20 source files (ratio 0.2, target 0.3): fewer tests than code.',
    );
  });
});

describe('test-types: Pest.php gives test folders a database (round 21)', () => {
  const app = (pestPhp: string) => ({
    'composer.json': JSON.stringify({
      require: { 'laravel/framework': '^12.0' },
      'require-dev': { 'pestphp/pest': '^3' },
    }),
    'app/Models/Item.php': '<?php\nnamespace App\\Models;\nclass Item {}\n',
    'tests/Pest.php': pestPhp,
    'tests/Feature/ItemPageTest.php':
      "<?php\n\ntest('the item page renders', function () {\n    $this->get('/items/1')->assertOk();\n});\n",
    'tests/Unit/SlugTest.php':
      "<?php\n\nit('slugs a title', function () {\n    expect(str('A B')->slug())->toBe('a-b');\n});\n",
  });

  it("`uses(TestCase::class, RefreshDatabase::class)->in('Feature', 'Unit')`: Feature tests are integration; Unit keeps its name", async () => {
    const run = await runRuleOn(
      testTypes,
      app(
        [
          '<?php', // 1
          '',
          'use Illuminate\\Foundation\\Testing\\RefreshDatabase;', // 3
          '',
          'uses(', // 5
          '    Tests\\TestCase::class,',
          '    RefreshDatabase::class',
          ')',
          "    ->in('Feature', 'Unit');",
          '',
        ].join('\n'),
      ),
    );
    expect(run.outcome).toBe('pass');
    expect((run.data as { types: string[] }).types).toEqual(['unit', 'integration']);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'tests/Feature/ItemPageTest.php',
        line: 3,
        note: expect.stringContaining('RefreshDatabase, a database for every test in Feature/, from tests/Pest.php:5'),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'tests/Unit/SlugTest.php', note: 'unit: Pest: 1 test case' }),
    );
  });

  it("Pest 3's `pest()->extend(TestCase::class)->use(RefreshDatabase::class)->in('Feature')` too; without a database trait, unit", async () => {
    const v3 = await runRuleOn(
      testTypes,
      app(
        "<?php\n\npest()->extend(Tests\\TestCase::class)\n    ->use(Illuminate\\Foundation\\Testing\\RefreshDatabase::class)\n    ->in('Feature');\n",
      ),
    );
    expect(v3.evidence).toContainEqual(
      expect.objectContaining({
        path: 'tests/Feature/ItemPageTest.php',
        note: expect.stringContaining('from tests/Pest.php:3'),
      }),
    );
    const plain = await runRuleOn(testTypes, app("<?php\n\nuses(Tests\\TestCase::class)->in('Feature');\n"));
    expect((plain.data as { types: string[] }).types).toEqual(['unit']);
  });
});

describe('test-types: Pest folders are looked up per file (round 20 review: folders × files)', () => {
  it('nested folders: the first folder Pest.php names for a file decides it; files outside every folder stay unit', async () => {
    const tree: Record<string, string> = {
      'composer.json': JSON.stringify({
        require: { 'laravel/framework': '^12.0' },
        'require-dev': { 'pestphp/pest': '^3' },
      }),
      'app/Models/Item.php': '<?php\nnamespace App\\Models;\nclass Item {}\n',
      'tests/Pest.php':
        "<?php\n\nuses(Tests\\TestCase::class, RefreshDatabase::class)->in('Feature/Api');\nuses(Tests\\TestCase::class, DatabaseTransactions::class)->in('Feature');\n",
      'tests/Feature/Api/ItemApiTest.php': "<?php\n\ntest('lists items', function () {\n    expect(1)->toBe(1);\n});\n",
      'tests/Feature/ItemPageTest.php': "<?php\n\ntest('renders', function () {\n    expect(1)->toBe(1);\n});\n",
      'tests/FeatureFlags/FlagTest.php': "<?php\n\ntest('flags', function () {\n    expect(1)->toBe(1);\n});\n",
    };
    const run = await runRuleOn(testTypes, tree);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'tests/Feature/Api/ItemApiTest.php',
        note: expect.stringContaining('RefreshDatabase, a database for every test in Feature/Api/'),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'tests/Feature/ItemPageTest.php',
        note: expect.stringContaining('DatabaseTransactions, a database for every test in Feature/'),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'tests/FeatureFlags/FlagTest.php', note: 'unit: Pest: 1 test case' }),
    );
  });
});

describe('test-types: tests that create a kind cluster and deploy into it (round 21)', () => {
  const goTest = (body: string) =>
    [
      'package kubernetes', // 1
      '',
      'import (',
      '\t"testing"',
      '',
      '\t"helm.sh/helm/v4/pkg/action"', // 6
      '\t"sigs.k8s.io/kind/pkg/cluster"', // 7
      ')',
      '',
      'func TestMirror(t *testing.T) {', // 10
      '\tprovider := cluster.NewProvider()',
      '\tif err := provider.Create("mirror-e2e"); err != nil {',
      '\t\tt.Fatal(err)',
      '\t}',
      body,
      '}',
      '',
    ].join('\n');
  const repo = (body: string) => ({
    'go.mod': 'module example.com/mirror\n\ngo 1.24\n',
    'main.go': 'package main\n\nfunc main() {}\n',
    'pkg/oci/oci.go': 'package oci\n\nfunc Pull() {}\n',
    'pkg/oci/oci_test.go': 'package oci\n\nimport "testing"\n\nfunc TestPull(t *testing.T) {}\n',
    'test/integration/kubernetes/go.mod': 'module example.com/mirror/test/kubernetes\n\ngo 1.24\n',
    'test/integration/kubernetes/kubernetes_test.go': goTest(body),
  });

  it('a Go test that creates a kind cluster and helm-installs the chart into it is end-to-end, cited at the kind import', async () => {
    const run = await runRuleOn(
      testTypes,
      repo('\tinstall := action.NewInstall(cfg)\n\tinstall.Wait = true\n\t_, _ = install.Run(chart, nil)'),
    );
    expect((run.data as { types: string[] }).types).toContain('end-to-end');
    expect(run.evidence).toContainEqual({
      path: 'test/integration/kubernetes/kubernetes_test.go',
      line: 7,
      snippet: '"sigs.k8s.io/kind/pkg/cluster"',
      note: 'end-to-end: go test: 1 test against a throwaway Kubernetes cluster the test creates (kind, then Helm action.NewInstall)',
    });
  });

  it('a kind cluster the test deploys nothing into stays where its folder puts it', async () => {
    const run = await runRuleOn(testTypes, repo('\t_ = provider'));
    expect((run.data as { types: string[] }).types).not.toContain('end-to-end');
  });
});
