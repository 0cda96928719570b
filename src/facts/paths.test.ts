import { describe, expect, it } from 'vitest';
import {
  answersFor,
  isAgentDoc,
  isExamplePath,
  isHarnessPath,
  isProductionPath,
  isTestPath,
  NOT_THE_PRODUCT,
} from './paths.js';
import { memoryIndex } from '../testing/memory.js';

describe('test project folders are test code', () => {
  it('recognises dotted .NET test projects and CamelCase test folders, not look-alikes', () => {
    expect(isTestPath('Todo.Api.Tests/TokenService.cs')).toBe(true);
    expect(isTestPath('src/Shop.UnitTests/CartTests.cs')).toBe(true);
    expect(isTestPath('Billing.IntegrationTests/Fixtures/Db.cs')).toBe(true);
    expect(isTestPath('AcceptanceTests/steps.ts')).toBe(true);
    expect(isTestPath('Todo.Api/Authorization/CurrentUser.cs')).toBe(false);
    expect(isTestPath('app/contests/views.py')).toBe(false);
  });
});

describe('Gradle/Maven test source sets are test code', () => {
  it('src/<name>Test/ and src/test<Name>/ beside src/main are tests, src/jmh/ is benchmarks; not look-alikes', () => {
    expect(isTestPath('cache/src/jsr166Test/java/org/acme/jsr166/TckTestCase.java')).toBe(true);
    expect(isTestPath('cache/src/openjdkTest/java/org/acme/openjdk/Contract.java')).toBe(true);
    expect(isTestPath('lib/src/testFixtures/java/org/acme/Fixtures.java')).toBe(true);
    expect(isProductionPath('cache/src/jmh/java/org/acme/GetPutBenchmark.java')).toBe(false);
    expect(isProductionPath('cache/src/main/java/org/acme/BoundedCache.java')).toBe(true);
    expect(isTestPath('app/src/latest/java/org/acme/Contest.java')).toBe(false);
  });
});

describe('modules of test helpers are test code', () => {
  it('test-support, testsupport and test_helpers modules, even with a src/main layout; not look-alikes', () => {
    expect(isTestPath('test-support/src/main/java/io/acme/testsupport/TemporaryFiles.java')).toBe(true);
    expect(isTestPath('libs/testsupport/src/main/kotlin/Fixtures.kt')).toBe(true);
    expect(isTestPath('app/test_helpers/factories.py')).toBe(true);
    expect(isProductionPath('test-support/src/main/java/io/acme/testsupport/TemporaryFiles.java')).toBe(false);
    expect(isTestPath('src/main/java/io/acme/support/Shutdown.java')).toBe(false);
    expect(isTestPath('app/helpers/test_result_formatter.rb')).toBe(false);
  });
});

describe('samples and demos are not production, prefixed or not', () => {
  it('treats samples/, sample/, demo/ and acme-samples/ like examples/', () => {
    for (const p of [
      'samples/web/Dockerfile',
      'sample/docker-compose.yml',
      'demo/app/config.yml',
      'acme-samples/acme-sample-web/src/main/docker/Dockerfile',
      'spring-boot-admin-samples/sample-eureka/docker-compose.yml',
      'web_examples/server.js',
      'acme-admin-docs/src/site/tsconfig.json',
    ]) {
      expect(isProductionPath(p), p).toBe(false);
      expect(NOT_THE_PRODUCT.test(p), p).toBe(true);
    }
  });
  it('keeps product folders whose names only start with the word, and JVM packages named demo', () => {
    for (const p of ['demo-server/main.go', 'samplesheet/parse.py', 'src/main/java/com/example/demo/App.java']) {
      expect(isProductionPath(p), p).toBe(true);
    }
    expect(NOT_THE_PRODUCT.test('demo-server/main.go')).toBe(false);
  });
  it('a name that merely contains the word is a product package; a whole segment anywhere is examples', () => {
    for (const p of [
      'styleguide_example/users/models.py',
      'styleguide_example/blog_examples/oauth/raw/service.py',
      'my_sample_app/views.py',
      'pkg/acme_demo/server.go',
    ]) {
      expect(isProductionPath(p), p).toBe(true);
      expect(NOT_THE_PRODUCT.test(p), p).toBe(false);
    }
    for (const p of ['pkg/example/main.go', '_examples/basic/main.go', 'src/demos/app.ts', 'docs/guide/x.py']) {
      expect(isProductionPath(p), p).toBe(false);
      expect(NOT_THE_PRODUCT.test(p), p).toBe(true);
    }
  });
});

describe('remembered answers', () => {
  it('gives the same answers whichever question is asked first, asked again or not', () => {
    const paths = [
      'src/app.ts',
      'src/app.test.ts',
      'examples/web/app.js',
      'playwright/docker-compose.yml',
      'Shop.UnitTests/CartTests.cs',
      'docs/guide/conf.py',
      'src/main/java/com/example/demo/App.java',
    ];
    const expected = (p: string) =>
      [isTestPath(p), isExamplePath(p), !isTestPath(p) && !isExamplePath(p) && !isHarnessPath(p)] as const;
    // Asked first through isProductionPath (which records the other two on the way), then the others.
    for (const p of paths.map((x) => `first-production/${x}`)) {
      const production = isProductionPath(p);
      expect([isTestPath(p), isExamplePath(p), production], p).toEqual(expected(p));
      expect(isProductionPath(p), p).toBe(production);
    }
    for (const p of paths.map((x) => `first-test/${x}`)) {
      const test = isTestPath(p);
      expect([test, isExamplePath(p), isProductionPath(p)], p).toEqual(expected(p));
    }
    expect(isProductionPath('src/app.ts')).toBe(true);
    expect(isProductionPath('playwright/docker-compose.yml')).toBe(false);
    expect(isProductionPath('src/app.test.ts')).toBe(false);
  });
});

describe('isAgentDoc: instructions for AI assistants are not project documentation', () => {
  it.each([
    'AGENTS.md',
    'CLAUDE.md',
    'GEMINI.md',
    'services/api/AGENTS.md',
    '.github/copilot-instructions.md',
    '.github/copilot-csharp-security.md',
    '.github/instructions/tests.instructions.md',
    '.github/prompts/release.prompt.md',
    '.cursorrules',
    '.cursor/rules/architecture.mdc',
    '.windsurfrules',
    '.clinerules',
    // Round 21: Copilot skills and their fill-in templates, Claude skills.
    '.github/skills/nav-troubleshoot/SKILL.md',
    '.github/skills/nav-plan/references/documentation-templates.md',
    '.claude/skills/pest-testing/SKILL.md',
    'tools/skills/deploy/SKILL.md',
    'docs/review.prompt.md',
  ])('%s is an agent instruction file', (p) => expect(isAgentDoc(p)).toBe(true));
  it.each(['README.md', 'docs/architecture.md', 'CONTRIBUTING.md', '.github/CONTRIBUTING.md', 'docs/ai-assistants.md'])(
    '%s is documentation',
    (p) => expect(isAgentDoc(p)).toBe(false),
  );
});

describe('load-test scripts are not production code (round 18)', () => {
  it('by folder or by name', () => {
    for (const p of [
      'k8s/load-tests.js',
      'load-tests/orders.js',
      'perf-tests/checkout.ts',
      'k6/smoke.js',
      'locustfile.py',
      'tools/locust/locustfile_api.py',
      'gatling/src/BasicSimulation.scala',
      'scripts/orders.k6.js',
      'k6-spike.js',
    ])
      expect(isProductionPath(p), p).toBe(false);
  });
  it('a product file that merely mentions load or perf is production', () => {
    for (const p of ['src/loader.js', 'internal/perf/counters.go', 'app/workload.py', 'src/payload-test-data.ts'])
      expect(isProductionPath(p), p).toBe(true);
  });
});

describe('answers kept per listing position (answersFor)', () => {
  it('gives the same answers with the byte table as without, for listed and unlisted paths, and lets go only for its owner', () => {
    const paths = ['src/app.ts', 'src/app.test.ts', 'examples/demo/main.go', 'docs/guide.md', 'tests/e2e/run.py'];
    const asked = [...paths, 'lib/not-listed.ts', 'spec/not_listed_spec.rb'];
    const without = asked.map((p) => [isTestPath(p), isExamplePath(p), isProductionPath(p)]);
    const files = memoryIndex(Object.fromEntries(paths.map((p) => [p, 'x\n'])));
    answersFor(files, undefined, 0);
    try {
      // Asked twice: once computed into the table, once from it, in either order of the questions.
      expect(asked.map((p) => [isTestPath(p), isExamplePath(p), isProductionPath(p)])).toEqual(without);
      expect(asked.map((p) => [isTestPath(p), isExamplePath(p), isProductionPath(p)])).toEqual(without);
      const other = memoryIndex({ 'a.ts': 'x\n' });
      answersFor(undefined, other);
      expect(asked.map((p) => [isProductionPath(p), isExamplePath(p), isTestPath(p)])).toEqual(
        without.map(([t, e, p]) => [p, e, t]),
      );
    } finally {
      answersFor(undefined, files);
    }
    expect(asked.map((p) => [isTestPath(p), isExamplePath(p), isProductionPath(p)])).toEqual(without);
  });
});
