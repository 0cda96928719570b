/**
 * Blind round 28, class "keyword matches not checked against what the code does": a page named
 * "metrics" in a project that produces no metrics is no /metrics endpoint; `@EnableHystrix` switches
 * breakers on but applies none; a CI job that starts a database with `docker compose up` for its
 * Cypress suite runs the end-to-end tests, not integration tests.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import metrics from './observability/metrics.js';
import circuitBreakers from './reliability/circuit-breakers.js';
import testTypes from './quality/test-types.js';

const DJANGO = (deps: string[], urls: string): Tree => ({
  'pyproject.toml': `[project]\nname = "forum"\ndependencies = [${['django>=5.0', ...deps].map((d) => `"${d}"`).join(', ')}]\n`,
  'manage.py': 'import django\n',
  'forum/settings.py': 'INSTALLED_APPS = ["forum.community"]\n',
  'forum/community/urls.py': urls,
  'forum/community/views.py':
    'from django.shortcuts import render\n\ndef metrics(request):\n    return render(request, "community/metrics.html", {})\n',
});

const PAGE_URLS = [
  'from django.urls import re_path',
  'from forum.community import views',
  '',
  'urlpatterns = [',
  '    re_path(r"^metrics$", views.metrics, name="community.metrics"),', // 5
  ']',
  '',
].join('\n');

describe('round 28: a page named metrics', () => {
  it('is set aside when nothing produces metrics', async () => {
    const run = await runRuleOn(metrics, DJANGO([], PAGE_URLS), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain(
      'Set aside: a route named /metrics (forum/community/urls.py:5) where nothing produces metrics',
    );
  });

  it('still counts as the metrics route where the project produces metrics', async () => {
    const run = await runRuleOn(
      metrics,
      {
        ...DJANGO(['prometheus-client>=0.20'], PAGE_URLS),
        'forum/instrumentation.py':
          'from prometheus_client import Counter\n\nPOSTS = Counter("forum_posts_total", "Posts written")\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'forum/community/urls.py', line: 5, note: 'metrics route /metrics' }),
    );
  });
});

const SPRING = (extra: Tree): Tree => ({
  'build.gradle':
    "plugins { id 'org.springframework.boot' version '3.4.1' }\ndependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-web'\n  implementation 'org.springframework.cloud:spring-cloud-starter-netflix-hystrix:2.2.10.RELEASE'\n}\n",
  'src/main/java/org/example/letters/Application.java':
    'package org.example.letters;\n\n@SpringBootApplication\n@EnableHystrix\npublic class Application {}\n',
  'src/main/java/org/example/letters/PrintClient.java':
    'package org.example.letters;\n\npublic class PrintClient {\n  private final RestTemplate rest = new RestTemplate();\n  public String send(String id) { return rest.getForObject("https://print.example.org/letters/" + id, String.class); }\n}\n',
  ...extra,
});

describe('round 28: @EnableHystrix is a switch, not a breaker', () => {
  it('alone it applies no breaker: the declared library earns partial credit only', async () => {
    const run = await runRuleOn(circuitBreakers, SPRING({}), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/no call that applies it was found/);
    expect(run.evidence.some((e) => e.path.endsWith('Application.java'))).toBe(false);
  });

  it('with a @HystrixCommand the breaker is applied and the switch is cited with it', async () => {
    const run = await runRuleOn(
      circuitBreakers,
      SPRING({
        'src/main/java/org/example/letters/PrintClient.java':
          'package org.example.letters;\n\npublic class PrintClient {\n  private final RestTemplate rest = new RestTemplate();\n  @HystrixCommand(fallbackMethod = "queued")\n  public String send(String id) { return rest.getForObject("https://print.example.org/letters/" + id, String.class); }\n}\n',
      }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/java/org/example/letters/PrintClient.java', line: 5 }),
    );
  });
});

const REMIX = (job: string[]): Tree => ({
  'package.json': JSON.stringify({
    name: 'notes',
    scripts: { test: 'vitest', 'test:e2e:run': 'cypress run' },
    devDependencies: { vitest: '^1.6.0', cypress: '^13.10.0' },
  }),
  'app/utils.ts': 'export const isEmail = (s: string) => s.includes("@");\n',
  'app/utils.test.ts':
    'import { test, expect } from "vitest";\nimport { isEmail } from "./utils";\ntest("email", () => expect(isEmail("a@b")).toBe(true));\n',
  'cypress/e2e/smoke.cy.ts': 'describe("smoke", () => {\n  it("logs in", () => {\n    cy.visit("/");\n  });\n});\n',
  'docker-compose.yml': 'services:\n  postgres:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
  '.github/workflows/ci.yml': [
    'name: CI',
    'on: [push]',
    'jobs:',
    '  cypress:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: docker compose up -d && sleep 3',
    ...job,
    '',
  ].join('\n'),
});

describe('round 28: services started for a browser suite', () => {
  it('a Cypress job given a database is the end-to-end suite, not integration tests', async () => {
    const run = await runRuleOn(testTypes, REMIX(['      - run: npm run test:e2e:run']), { profile: 'service' });
    expect(run.message).toBe('unit tests and end-to-end tests found; no integration and load tests.');
  });

  it('a unit runner run against the started services is an integration run', async () => {
    const run = await runRuleOn(testTypes, REMIX(['      - run: npx vitest run']), { profile: 'service' });
    expect(run.message).toMatch(/^unit tests, integration tests and end-to-end tests found/);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/ci.yml',
        note: expect.stringContaining('starts live services'),
      }),
    );
  });
});
