/**
 * Blind round 28, practices present through a tool or format the catalogues did not map: a request
 * metrics middleware republished under a scope, a platform's official deploy action, a committed
 * GraphQL introspection result, a Grafana dashboard JSON outside a provisioning folder, a type
 * checker run only as a pre-commit hook.
 */
import { describe, expect, it } from 'vitest';
import metrics from './observability/metrics.js';
import continuousDeployment from './operations/continuous-deployment.js';
import apiContract from './architecture/api-contract.js';
import dashboards from './observability/dashboards.js';
import typeSafety from './architecture/type-safety.js';
import { nameMatches } from '../src/facts/frameworks.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'svc', dependencies: deps }, null, 2);

const SERVER = [
  "import prom from '@isaacs/express-prometheus-middleware';",
  "import express from 'express';",
  '',
  'const app = express();',
  'const metricsApp = express();',
  "app.use(prom({ metricsPath: '/metrics', collectDefaultMetrics: true, metricsApp }));",
  'app.listen(3000);',
  '',
].join('\n');

describe('metrics: a request-metrics middleware mounted on the app is the setup', () => {
  it('a scoped fork of express-prometheus-middleware imported by the server passes', async () => {
    const run = await runRuleOn(
      metrics,
      {
        'package.json': pkg({
          express: '^4.21.0',
          '@isaacs/express-prometheus-middleware': '^1.2.1',
          'prom-client': '^15.1.3',
        }),
        'server.ts': SERVER,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('request-metrics middleware @isaacs/express-prometheus-middleware');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'server.ts', line: 1 }));
  });

  it('the same middleware declared but imported by no production code is not the setup', async () => {
    const run = await runRuleOn(
      metrics,
      {
        'package.json': pkg({ express: '^4.21.0', 'express-prom-bundle': '^8.0.0', 'prom-client': '^15.1.3' }),
        'server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
        'test/metrics.test.ts': "import promBundle from 'express-prom-bundle';\n",
      },
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('pass');
  });

  it('`@*/name` matches the package under any scope, not a longer name nor an unscoped one', () => {
    expect(nameMatches('@isaacs/express-prometheus-middleware', '@*/express-prometheus-middleware')).toBe(true);
    expect(nameMatches('express-prometheus-middleware', '@*/express-prometheus-middleware')).toBe(false);
    expect(nameMatches('@x/express-prometheus-middleware-lite', '@*/express-prometheus-middleware')).toBe(false);
    expect(nameMatches('@/express-prometheus-middleware', '@*/express-prometheus-middleware')).toBe(false);
  });
});

const workflow = (uses: string, extra = '') =>
  [
    'name: ci',
    'on:',
    '  push:',
    '    branches: [main]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: bundle exec rspec',
    '  ship:',
    '    needs: test',
    '    runs-on: ubuntu-latest',
    '    steps:',
    `      - uses: ${uses}`,
    '        with:',
    '          app_name: web',
    '          token: ${{ secrets.DIGITALOCEAN_ACCESS_TOKEN }}',
    extra,
  ].join('\n');

const RAILS = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'puma'\n",
  'config.ru': 'run Rails.application\n',
};

describe('continuous-deployment: a PaaS platform’s own deploy action is a deploy step', () => {
  for (const uses of [
    'digitalocean/app_action@v1.1.7',
    'digitalocean/app_action/deploy@v2',
    'awslabs/amazon-app-runner-deploy@main',
    'Azure/webapps-deploy@v3',
    'nwtgck/actions-netlify@v3',
  ]) {
    it(`${uses} in a job on the main branch passes`, async () => {
      const run = await runRuleOn(
        continuousDeployment,
        { ...RAILS, '.github/workflows/ci.yml': workflow(uses) },
        { profile: 'service' },
      );
      expect(run.outcome, run.message).toBe('pass');
      expect(JSON.stringify(run.evidence)).toContain(uses.replace(/@.*$/, ''));
    });
  }

  it('the App Platform action told to delete an app, or only installing doctl, deploys nothing', async () => {
    for (const uses of ['digitalocean/app_action/delete@v2', 'digitalocean/action-doctl@v2']) {
      const run = await runRuleOn(
        continuousDeployment,
        { ...RAILS, '.github/workflows/ci.yml': workflow(uses) },
        { profile: 'service' },
      );
      expect(run.outcome, uses).not.toBe('pass');
    }
  });
});

const INTROSPECTION = JSON.stringify(
  {
    data: {
      __schema: { queryType: { name: 'Query' }, mutationType: null, types: [{ kind: 'OBJECT', name: 'Query' }] },
    },
  },
  null,
  2,
);

describe('api-contract: a GraphQL schema committed as its introspection result is the contract', () => {
  it('graphql_schema.json holding {"data":{"__schema":…}} passes, and so does a bare {"__schema":…}', async () => {
    for (const body of [INTROSPECTION, INTROSPECTION.replace(/^\{\s*"data":/, '').replace(/\}\s*$/, '')]) {
      const run = await runRuleOn(
        apiContract,
        { ...RAILS, 'app/graphql/schema.rb': 'class Schema < GraphQL::Schema; end\n', 'graphql_schema.json': body },
        { profile: 'service' },
      );
      expect(run.outcome, body.slice(0, 40)).toBe('pass');
      expect(run.evidence[0]).toMatchObject({ path: 'graphql_schema.json' });
    }
  });

  it('a JSON document that only mentions __schema inside, or a test fixture of one, is no contract', async () => {
    const run = await runRuleOn(
      apiContract,
      {
        ...RAILS,
        'config/notes.json': '{"topics": [{"__schema": "see the docs"}]}\n',
        'spec/fixtures/graphql_schema.json': INTROSPECTION,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});

const DASHBOARD = JSON.stringify(
  { title: 'pinger', schemaVersion: 16, rows: [{ panels: [{ id: 1, type: 'graph' }] }] },
  null,
  2,
);

describe('dashboards: a dashboard JSON the README points its users to is shipped as code', () => {
  it('extras/pinger-dashboard.json named by the README passes, citing the README line', async () => {
    const run = await runRuleOn(
      dashboards,
      {
        'README.md': '# pinger\n\n## Grafana\n\nImport [the dashboard](./extras/pinger-dashboard.json) into Grafana.\n',
        'extras/pinger-dashboard.json': DASHBOARD,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 5 }));
  });

  it('the same file that no document names, nothing provisioning it, stays partial', async () => {
    const run = await runRuleOn(
      dashboards,
      { 'README.md': '# pinger\n\nA pinger.\n', 'extras/pinger-dashboard.json': DASHBOARD },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('nothing provisions them');
  });

  it('a long README full of other .json names still finds the one it names, at its first mention', async () => {
    const noise = '- see [config](./other/settings.json) and ./x.json\n'.repeat(20_000);
    const run = await runRuleOn(
      dashboards,
      {
        'README.md': `# pinger\n\n${noise}Import ./extras/pinger-dashboard.json.\nAgain: pinger-dashboard.json\n`,
        'extras/pinger-dashboard.json': DASHBOARD,
        'extras/not-named-dashboard.json': DASHBOARD,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 20_003 }));
  });
});

const PRE_COMMIT = [
  'repos:',
  '  - repo: https://github.com/astral-sh/ruff-pre-commit',
  '    rev: v0.6.0',
  '    hooks:',
  '      - id: ruff',
  '  - repo: https://github.com/pre-commit/mirrors-mypy',
  '    rev: v1.11.0',
  '    hooks:',
  '      - id: mypy',
  '        additional_dependencies: [types-requests]',
  '',
].join('\n');

const CI_PRE_COMMIT = [
  'name: lint',
  'on: [push, pull_request]',
  'jobs:',
  '  lint:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: pip install pre-commit',
  '      - run: pre-commit run --all-files',
  '',
].join('\n');

const DJANGO = {
  'requirements.txt': 'django==5.0\n',
  'app/views.py': 'def index(request) -> str:\n    return "ok"\n',
  'app/models.py': 'class Thing:\n    name: str\n',
};

describe('type-safety: mypy run as a pre-commit hook that CI runs is a type checker', () => {
  it('the mypy hook with no config file, run by `pre-commit run --all-files` in CI, is partial credit', async () => {
    const run = await runRuleOn(
      typeSafety,
      { ...DJANGO, '.pre-commit-config.yaml': PRE_COMMIT, '.github/workflows/lint.yml': CI_PRE_COMMIT },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('run in CI');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: '.pre-commit-config.yaml' }));
  });

  it('the same hook that no CI job runs leaves Python unchecked', async () => {
    const run = await runRuleOn(
      typeSafety,
      { ...DJANGO, '.pre-commit-config.yaml': PRE_COMMIT },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});
