/**
 * Blind round 48: what is the product, and what only serves its development or tests.
 * - An end-to-end suite kept in a folder named with more than one word (`e2e-playwright/`, Nx's
 *   `apps/shop-e2e/`, `playwright-tests/`) was read as the product: its logger passed
 *   structured-logging, its `.env.prod`/`.env.stage` passed environments, its Dockerfile was judged
 *   by container-user and container-image.
 * - A compose file kept for development (`.dev/dev.yaml`) was judged as the deployment by
 *   health-checks, redundancy and resource-limits.
 * - A library's only compose service, which runs the test suite once (`exec tox run -e py`), and the
 *   image it builds were judged as a deployed unit and a shipped image.
 * - A service nothing here runs failed health-checks while redundancy and resource-limits were not
 *   applicable on the same facts.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { commandTestRunner, isHarnessPath, isProductionPath, testRunnerOf } from '../src/facts/paths.js';
import structuredLogging from './observability/structured-logging.js';
import environments from './operations/environments.js';
import containerImage from './operations/container-image.js';
import containerUser from './security/container-user.js';
import healthChecks from './reliability/health-checks.js';
import redundancy from './reliability/redundancy.js';
import resourceLimits from './reliability/resource-limits.js';

const NODE_SERVICE = {
  'package.json': '{"name":"shop","dependencies":{"express":"4.19.0"}}',
  'src/server.js':
    "const express = require('express');\nconst app = express();\napp.listen(3000);\nconsole.log('up');\n",
};

describe('an end-to-end suite folder is not the product', () => {
  it('is told apart by its folder name, a tool package is not', () => {
    expect(isProductionPath('e2e-playwright/src/support/World.ts')).toBe(false);
    expect(isProductionPath('apps/shop-e2e/src/app.cy.ts')).toBe(false);
    expect(isProductionPath('playwright-tests/Dockerfile')).toBe(false);
    expect(isHarnessPath('ui_tests_selenium/conftest.py')).toBe(true);
    // The tool's own packages, and words that merely contain the letters, stay product code.
    expect(isProductionPath('packages/playwright-core/src/server.ts')).toBe(true);
    expect(isProductionPath('src/cypress-plugin/index.ts')).toBe(true);
    expect(isProductionPath('src/e2ee/crypto.ts')).toBe(true);
  });

  it('structured-logging: the suite runner logger is no evidence; the same logger in the service passes', async () => {
    const logger = "import { createLogger } from 'winston';\nexport const logger = createLogger({ level: 'info' });\n";
    const suite = await runRuleOn(
      structuredLogging,
      {
        ...NODE_SERVICE,
        'e2e-playwright/package.json': '{"dependencies":{"winston":"3.0.0"}}',
        'e2e-playwright/src/support/world.ts': logger,
      },
      { profile: 'service' },
    );
    expect(suite.outcome, suite.message).not.toBe('pass');
    // Seen and said, not counted.
    expect(suite.evidence.find((e) => e.path === 'e2e-playwright/package.json')?.note).toMatch(
      /^not counted: winston is declared, but only non-production code imports it/,
    );
    expect(suite.evidence.some((e) => e.path.endsWith('world.ts') && !/^not counted/.test(e.note ?? ''))).toBe(false);
    const own = await runRuleOn(
      structuredLogging,
      {
        ...NODE_SERVICE,
        'package.json': '{"name":"shop","dependencies":{"express":"4.19.0","winston":"3.0.0"}}',
        'src/logger.js': logger,
      },
      { profile: 'service' },
    );
    expect(own.outcome, own.message).toBe('pass');
    expect(own.evidence[0]!.path).toBe('src/logger.js');
  });

  it('environments: the runner .env.prod/.env.stage are no deployment environments; the service ones are', async () => {
    const envs = {
      'src/helper/env/.env.prod': 'BASEURL=http://localhost:8080/\n',
      'src/helper/env/.env.stage': 'BASEURL=http://localhost:8080/\n',
    };
    const suite = await runRuleOn(
      environments,
      { ...NODE_SERVICE, ...Object.fromEntries(Object.entries(envs).map(([k, v]) => [`e2e-playwright/${k}`, v])) },
      { profile: 'service' },
    );
    expect(suite.outcome, suite.message).toBe('fail');
    const own = await runRuleOn(environments, { ...NODE_SERVICE, ...envs }, { profile: 'service' });
    expect(own.outcome, own.message).toBe('pass');
  });

  it('container-user and container-image judge the image that ships, not the suite runner image', async () => {
    const tree = {
      ...NODE_SERVICE,
      'api/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nUSER node\nCMD ["node", "src/server.js"]\n',
      'e2e-playwright/Dockerfile':
        'FROM mcr.microsoft.com/playwright:v1.50.0\nCOPY . .\nRUN npm install\nCMD ["npm", "test"]\n',
    };
    const user = await runRuleOn(containerUser, tree, { profile: 'service' });
    expect(user.outcome, user.message).toBe('pass');
    const image = await runRuleOn(containerImage, tree, { profile: 'service' });
    expect(image.message).not.toContain('e2e-playwright');
    // The same root image in a product folder is judged.
    const web = await runRuleOn(
      containerUser,
      { ...tree, 'web/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "web.js"]\n' },
      { profile: 'service' },
    );
    expect(web.outcome).toBe('partial');
    expect(web.evidence.map((e) => e.path)).toContain('web/Dockerfile');
  });
});

describe('a compose file kept for development is not the deployment', () => {
  const DEV = {
    ...NODE_SERVICE,
    Dockerfile: 'FROM node:20-alpine\nCOPY . .\nUSER node\nEXPOSE 3000\nCMD ["node", "src/server.js"]\n',
    '.github/workflows/publish.yml':
      'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t ghcr.io/acme/shop:latest . && docker push ghcr.io/acme/shop:latest\n',
  };
  const STACK =
    'name: shop-dev\nservices:\n  shop:\n    image: ghcr.io/acme/shop:latest\n    ports:\n      - 3000:3000\n  api:\n    build: ..\n    ports:\n      - 3001:3000\n';

  for (const path of [
    '.dev/dev.yaml',
    '.dev/compose.yaml',
    'local/compose.yml',
    'docker/dev/compose.yml',
    'compose.local.yml',
  ]) {
    it(`${path}: redundancy and resource-limits are not applicable, the services named as set aside`, async () => {
      const tree = { ...DEV, [path]: path.startsWith('compose') ? STACK.replace('build: ..', 'build: .') : STACK };
      for (const rule of [redundancy, resourceLimits]) {
        const r = await runRuleOn(rule, tree, { profile: 'service' });
        expect(r.outcome, `${rule.meta.id}: ${r.message}`).toBe('not-applicable');
        expect(r.message).toContain(`compose service shop (${path}:3) set aside as local development`);
      }
      // health-checks judges the image that ships (no HEALTHCHECK), not the development stack.
      const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
      expect(h.outcome).toBe('fail');
      expect(h.evidence[0]).toMatchObject({ path: 'Dockerfile', note: 'final stage has no HEALTHCHECK' });
      expect(h.message).toContain('Set aside, not deployed units');
    });
  }

  it('the same stack as the root docker-compose.yml is judged as the deployment', async () => {
    const tree = {
      ...DEV,
      'docker-compose.yml': STACK.replace('name: shop-dev\n', '').replace('build: ..', 'build: .'),
    };
    const r = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(r.outcome, r.message).toBe('fail');
    expect(r.evidence[0]!.note).toMatch(/compose service (shop|api) runs one instance/);
    expect((await runRuleOn(resourceLimits, tree, { profile: 'service' })).outcome).toBe('fail');
  });
});

describe("a library's compose service that runs its test suite is no deployed unit", () => {
  const LIBRARY = {
    'pyproject.toml': '[project]\nname = "lockkit"\nversion = "1.0"\n',
    'src/lockkit/__init__.py': 'def lock():\n    return 1\n',
    'tasks/android/Dockerfile':
      'FROM termux/termux-docker:aarch64\nRUN ["/entrypoint.sh", "bash", "-lc", "pip install tox"]\n',
    'compose.yaml':
      'services:\n  android:\n    build:\n      context: tasks/android\n    volumes:\n      - .:/repo:ro\n    command: ["bash", "-lc", "cp -a /repo $$HOME/work && cd $$HOME/work && pip install -q . && exec tox run -e py"]\n',
  };

  it('health-checks, resource-limits and container-user are not applicable, and say why', async () => {
    const h = await runRuleOn(healthChecks, LIBRARY, { profile: 'library' });
    expect(h.outcome, h.message).toBe('not-applicable');
    expect(h.message).toContain('runs the test suite (`tox run -e py`) and exits');
    const l = await runRuleOn(resourceLimits, LIBRARY, { profile: 'library' });
    expect(l.outcome, l.message).toBe('not-applicable');
    expect(l.message).toContain('compose service android (compose.yaml:2) set aside: a one-shot job');
    const u = await runRuleOn(containerUser, LIBRARY, { profile: 'library' });
    expect(u.outcome, u.message).toBe('not-applicable');
    expect(u.message).toContain('tasks/android/Dockerfile');
  });

  it('a compose service that serves is still judged', async () => {
    const tree = {
      ...LIBRARY,
      'tasks/android/Dockerfile': 'FROM python:3.12-slim\nCOPY . .\nCMD ["gunicorn", "demo:app"]\n',
      'compose.yaml':
        'services:\n  android:\n    build:\n      context: tasks/android\n    ports:\n      - 8000:8000\n',
    };
    const h = await runRuleOn(healthChecks, tree, { profile: 'library' });
    expect(h.outcome, h.message).toBe('fail');
    expect((await runRuleOn(resourceLimits, tree, { profile: 'library' })).outcome).toBe('fail');
    expect((await runRuleOn(containerUser, tree, { profile: 'library' })).outcome).toBe('fail');
  });

  it('recognises the step that starts a test runner, not a word that merely names one', () => {
    expect(testRunnerOf('exec tox run -e py')).toBe('tox run -e py');
    expect(testRunnerOf('python -m pytest -x tests')).toBe('pytest -x tests');
    expect(testRunnerOf('npm run test:ci')).toBe('npm run test:ci');
    expect(testRunnerOf('./gradlew :api:test')).toBe('./gradlew :api:test');
    expect(testRunnerOf('bundle exec rspec')).toBe('rspec');
    expect(testRunnerOf('echo pytest')).toBeUndefined();
    expect(testRunnerOf('npm start')).toBeUndefined();
    expect(testRunnerOf('gunicorn app:app')).toBeUndefined();
    expect(commandTestRunner(['sh', '-c', 'pip install . && go test ./...'])).toBe('go test ./...');
    expect(commandTestRunner('node server.js')).toBeUndefined();
  });
});

describe('health-checks agrees with redundancy and resource-limits when nothing runs the service', () => {
  const GEM_SERVICE = {
    'mirror.gemspec':
      'Gem::Specification.new do |s|\n  s.name = "mirror"\n  s.add_dependency "sinatra", "~> 4.0"\n  s.add_dependency "puma", "~> 6.0"\nend\n',
    Gemfile: 'source "https://rubygems.org"\ngemspec\n',
    'lib/mirror/web.rb': 'require "sinatra/base"\nclass Web < Sinatra::Base\n  get "/" do\n    "ok"\n  end\nend\n',
  };

  it('not applicable, with the reason the other two give', async () => {
    const h = await runRuleOn(healthChecks, GEM_SERVICE, { profile: 'service' });
    const r = await runRuleOn(redundancy, GEM_SERVICE, { profile: 'service' });
    const l = await runRuleOn(resourceLimits, GEM_SERVICE, { profile: 'service' });
    expect([h.outcome, r.outcome, l.outcome]).toEqual(['not-applicable', 'not-applicable', 'not-applicable']);
    expect(h.message).toMatch(
      /^nothing here declares how the service runs \(.*\), so there are no health checks to judge; no Dockerfile here builds the service's image either$/,
    );
    expect(r.message.split(', so there')[0]).toBe(h.message.split(', so there')[0]);
  });

  it('an image that serves is judged for its HEALTHCHECK, a platform file for its checks', async () => {
    const image = await runRuleOn(
      healthChecks,
      { ...GEM_SERVICE, Dockerfile: 'FROM ruby:3.3\nCOPY . .\nEXPOSE 9292\nCMD ["puma"]\n' },
      { profile: 'service' },
    );
    expect(image.outcome).toBe('fail');
    expect(image.evidence[0]).toMatchObject({ path: 'Dockerfile', note: 'final stage has no HEALTHCHECK' });
    const fly = await runRuleOn(
      healthChecks,
      {
        ...GEM_SERVICE,
        'fly.toml':
          'app = "mirror"\n\n[http_service]\n  internal_port = 9292\n\n[[http_service.checks]]\n  path = "/health"\n  interval = "15s"\n',
      },
      { profile: 'service' },
    );
    expect(fly.outcome, fly.message).toBe('pass');
  });
});
