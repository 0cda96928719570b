import { describe, expect, it } from 'vitest';
import redundancy from './reliability/redundancy.js';
import apiContract from './architecture/api-contract.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import coverageGate from './quality/coverage-gate.js';
import formatting from './quality/formatting.js';
import securityScanning from './security/security-scanning.js';
import securityMiddleware from './security/security-middleware.js';
import authorization from './security/authorization.js';
import metrics from './observability/metrics.js';
import { matrixExcludes } from '../src/facts/ci.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const notes = (run: { evidence: { note?: string }[] }) => run.evidence.map((e) => e.note ?? '').join('\n');

describe('redundancy: a --min-instances flag is Cloud Run only inside a Cloud Run command (blind round 36)', () => {
  it('Passenger --min-instances in a start script is not Cloud Run autoscaling', async () => {
    const run = await runRuleOn(
      redundancy,
      {
        Gemfile: "gem 'rails'\n",
        'start.sh': '#!/bin/bash\nbundle exec passenger start --max-pool-size 16 --min-instances 16 -p 4000\n',
      },
      { profile: 'service' },
    );
    expect(notes(run)).not.toContain('Cloud Run');
  });

  it('gcloud run deploy continued over lines with --min-instances 2 is redundant', async () => {
    const run = await runRuleOn(
      redundancy,
      {
        'deploy.sh':
          '#!/bin/sh\ngcloud run deploy api \\\n  --image gcr.io/acme/api \\\n  --region europe-west1 \\\n  --min-instances 2\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(notes(run)).toContain('Cloud Run --min-instances 2');
  });

  it('the deploy-cloudrun action step with flags counts; a later unrelated step does not', async () => {
    const wf = [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: google-github-actions/deploy-cloudrun@v2',
      '        with:',
      '          service: api',
      "          flags: '--min-instances=3'",
      '      - name: warm',
      '        run: ./server --min-instances 1',
      '',
    ].join('\n');
    const run = await runRuleOn(redundancy, { '.github/workflows/deploy.yml': wf }, { profile: 'service' });
    expect(notes(run)).toContain('Cloud Run --min-instances 3');
    expect(notes(run)).not.toContain('Cloud Run --min-instances 1');
  });
});

describe('api-contract: catalogue names are matched in their own ecosystem (blind round 36)', () => {
  it("Ruby's paperclip gem (file attachments) is not an API-doc generator", async () => {
    const run = await runRuleOn(
      apiContract,
      {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'paperclip'\n",
        'config/routes.rb': 'Rails.application.routes.draw do\n  resources :notes\nend\n',
        'app/models/note.rb': 'class Note < ApplicationRecord\n  has_attached_file :image\nend\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.message).not.toContain('paperclip');
  });

  it("Rust's paperclip crate still counts as generated API docs", async () => {
    const run = await runRuleOn(
      apiContract,
      {
        'Cargo.toml':
          '[package]\nname = "svc"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\npaperclip = { version = "0.8", features = ["actix4"] }\n',
        'src/main.rs':
          'use paperclip::actix::{OpenApiExt, api_v2_operation};\nuse actix_web::{App, HttpServer};\nfn main() {}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('paperclip');
  });
});

describe('graceful-shutdown: a drain the signal never reaches is not credited (blind round 36)', () => {
  const tree = (line: string) => ({
    'requirements.txt': 'django==5.0\ngunicorn==22.0\n',
    'start.sh': `#!/bin/bash\npython manage.py migrate --noinput\n${line}\n`,
    Dockerfile: 'FROM python:3.12-slim\nCOPY start.sh /app/start.sh\nCMD ["bash", "-l", "/app/start.sh"]\n',
    'app/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
  });
  it('a start script that runs the server without exec fails, saying the signal does not reach it', async () => {
    const run = await runRuleOn(gracefulShutdown, tree('gunicorn app.wsgi:application --bind 0.0.0.0:8000'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('does not reach it');
  });
  it('the same script with exec gets the server default', async () => {
    const run = await runRuleOn(gracefulShutdown, tree('exec gunicorn app.wsgi:application --bind 0.0.0.0:8000'), {
      profile: 'service',
    });
    expect(run.outcome).not.toBe('fail');
  });
});

describe('CI: a step whose if: asks for a matrix value the matrix never gives never runs (blind round 36)', () => {
  const wf = (cond: string) =>
    [
      'on: [push, pull_request]',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    strategy:',
      '      matrix:',
      '        node: [18, 20, 22]',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm test',
      '      - name: Upload coverage',
      `        if: ${cond}`,
      '        uses: codecov/codecov-action@v4',
      '',
    ].join('\n');
  const tree = (cond: string) => ({
    'package.json': JSON.stringify({ name: 'lib', version: '1.0.0', scripts: { test: 'node --test' } }),
    'index.js': 'module.exports = 1;\n',
    'test/index.test.js': "require('node:test')('x', () => {});\n",
    '.github/workflows/ci.yml': wf(cond),
  });
  it("a Codecov upload under `if: matrix.node == '16'` does not measure coverage", async () => {
    const run = await runRuleOn(coverageGate, tree("matrix.node == '16'"), { profile: 'library' });
    expect(run.outcome).toBe('fail');
    expect(run.message).not.toContain('Codecov');
  });
  it("the same upload under `if: matrix.node == '20'` does", async () => {
    const run = await runRuleOn(coverageGate, tree("matrix.node == '20'"), { profile: 'library' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Codecov');
  });
  it('reads GitHub comparisons: numbers, ${{ }}, conjunctions; unknown matrices and || are left alone', () => {
    const m = { java: [17, 21, 25], os: ['ubuntu-latest'] };
    expect(matrixExcludes("matrix.java == '8'", m)).toBe(true);
    expect(matrixExcludes("${{ matrix.java == '21' }}", m)).toBe(false);
    expect(matrixExcludes("github.event_name == 'push' && matrix.os == 'windows-latest'", m)).toBe(true);
    expect(matrixExcludes("matrix.java == '8' || matrix.java == '17'", m)).toBe(false);
    expect(matrixExcludes("matrix.java == '8'", { java: '${{ fromJSON(needs.setup.outputs.v) }}' })).toBe(false);
    expect(matrixExcludes("matrix.python == '3.10'", { python: [3.1] })).toBe(false);
  });
});

describe("formatting: a bundled project's .editorconfig is not this project's (blind round 36)", () => {
  const base = {
    'pom.xml':
      '<project><modelVersion>4.0.0</modelVersion><groupId>org.acme</groupId><artifactId>lib</artifactId><version>1</version></project>\n',
    'src/main/java/org/acme/Lib.java': 'package org.acme;\npublic class Lib {}\n',
    'src/test/java/org/acme/LibTest.java':
      'package org.acme;\nclass LibTest { @org.junit.jupiter.api.Test void t() {} }\n',
  };
  const suite = {
    'src/test/suite/.editorconfig': 'root = true\n[*]\ninsert_final_newline = true\n',
    'src/test/suite/README.md': '# A conformance suite\n',
    'src/test/suite/LICENSE': 'MIT License\n',
    'src/test/suite/package.json': '{"name":"suite","version":"1.0.0"}\n',
    'src/test/suite/tests/draft7/type.json': '[]\n',
  };
  it('an .editorconfig only inside a vendored test suite with its own README and LICENSE earns nothing', async () => {
    const run = await runRuleOn(formatting, { ...base, ...suite }, { profile: 'library' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence.map((e) => e.path)).not.toContain('src/test/suite/.editorconfig');
  });
  it("the project's own .editorconfig still earns the whitespace partial", async () => {
    const run = await runRuleOn(
      formatting,
      { ...base, ...suite, '.editorconfig': 'root = true\n[*]\nindent_style = space\n' },
      { profile: 'library' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence.map((e) => e.path)).toContain('.editorconfig');
  });
});

describe('security-scanning: security engines of the hosted Code Climate service count (blind round 36)', () => {
  const tree = (cc: string) => ({
    Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
    'Gemfile.lock': 'GEM\n  specs:\n    rails (7.1.0)\n',
    '.github/workflows/tests.yml':
      'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bundle exec rails test\n',
    '.codeclimate.yml': cc,
  });
  it('brakeman and bundler-audit engines enabled: partial, naming the hosted service', async () => {
    const run = await runRuleOn(
      securityScanning,
      tree(
        '---\nengines:\n  brakeman:\n    enabled: true\n  bundler-audit:\n    enabled: true\n  rubocop:\n    enabled: true\n',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Code Climate');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: '.codeclimate.yml', line: 3, snippet: 'brakeman' }),
    );
  });
  it('version 2 plugins read the same; only maintainability plugins (or brakeman switched off) earn nothing', async () => {
    const v2 = await runRuleOn(
      securityScanning,
      tree('version: "2"\nplugins:\n  bundler-audit:\n    enabled: true\n'),
      {
        profile: 'service',
      },
    );
    expect(v2.outcome).toBe('partial');
    const off = await runRuleOn(
      securityScanning,
      tree('engines:\n  brakeman:\n    enabled: false\n  rubocop:\n    enabled: true\n'),
      { profile: 'service' },
    );
    expect(off.outcome).toBe('fail');
  });
});

describe('ASP.NET: the global antiforgery filter is CSRF protection; a role helper is no access check (blind round 36)', () => {
  const csproj =
    '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n';
  const program = (extra: string) =>
    [
      'var builder = WebApplication.CreateBuilder(args);',
      `builder.Services.AddControllersWithViews(options => { ${extra} });`,
      'var app = builder.Build();',
      'app.UseHsts();',
      'app.UseHttpsRedirection();',
      'app.MapControllers();',
      'app.Run();',
      '',
    ].join('\n');
  it('options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()) counts as CSRF protection', async () => {
    const run = await runRuleOn(
      securityMiddleware,
      {
        'Web/Web.csproj': csproj,
        'Web/Program.cs': program('options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());'),
      },
      { profile: 'service' },
    );
    expect(run.data).toMatchObject({ csrf: true });
    expect(run.message).toContain('CSRF protection found');
  });
  it('without it no CSRF protection is found', async () => {
    const run = await runRuleOn(
      securityMiddleware,
      { 'Web/Web.csproj': csproj, 'Web/Program.cs': program('') },
      { profile: 'service' },
    );
    expect(run.data).toMatchObject({ csrf: false });
  });

  const helper = [
    'public class AspNetUser : IAspNetUser',
    '{',
    '    private readonly IHttpContextAccessor _accessor;',
    '    public bool IsInRole(string role)',
    '    {',
    '        return _accessor.HttpContext.User.IsInRole(role);',
    '    }',
    '}',
    '',
  ].join('\n');
  const controller = (attr: string) =>
    `[Authorize]\npublic class CustomerController : Controller\n{\n    ${attr}\n    public IActionResult Create() => View();\n}\n`;
  it("custom authorize attributes are cited, not the helper's IsInRole declaration", async () => {
    const run = await runRuleOn(
      authorization,
      {
        'Web/Web.csproj': csproj,
        'Web/Program.cs': program(''),
        'Web/AspNetUser.cs': helper,
        'Web/Controllers/CustomerController.cs': controller('[CustomAuthorize("Customers", "Write")]'),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => e.path)).toContain('Web/Controllers/CustomerController.cs');
    expect(run.evidence.map((e) => e.path)).not.toContain('Web/AspNetUser.cs');
  });
  it('a role helper that nothing calls with a role is not an access check', async () => {
    const run = await runRuleOn(
      authorization,
      {
        'Web/Web.csproj': csproj,
        'Web/Program.cs': program(''),
        'Web/AspNetUser.cs': helper,
        'Web/Controllers/CustomerController.cs': controller(''),
      },
      { profile: 'service' },
    );
    expect(run.evidence.map((e) => e.path)).not.toContain('Web/AspNetUser.cs');
    expect(run.outcome).not.toBe('pass');
  });
});

describe('metrics: a published wrapper whose own dependencies are a metrics SDK counts as metrics (blind round 36)', () => {
  const lock = (deps: Record<string, string>) =>
    JSON.stringify({
      name: 'app',
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', dependencies: { express: '^5.0.0', '@vendor/metrics': '0.2.0' } },
        'node_modules/@vendor/metrics': { version: '0.2.0', dependencies: deps },
        'node_modules/express': { version: '5.0.0' },
      },
    });
  const tree = (deps: Record<string, string>) => ({
    'package.json': JSON.stringify({ name: 'app', dependencies: { express: '^5.0.0', '@vendor/metrics': '0.2.0' } }),
    'package-lock.json': lock(deps),
    'server.ts':
      "import express from 'express'\nimport { recordMetric } from './lib/metrics'\nconst app = express()\napp.get('/', (_q, r) => { recordMetric('home'); r.send('ok') })\napp.listen(3000)\n",
    'lib/metrics.ts':
      "import { initializeMetrics, incrementCounter } from '@vendor/metrics'\n\ninitializeMetrics({ name: 'app' })\n\nexport const recordMetric = (name: string) => incrementCounter({ meter: 'app', name })\n",
  });
  it('a wrapper of @opentelemetry/sdk-metrics, initialised in code, is partial credit naming it', async () => {
    const run = await runRuleOn(
      metrics,
      tree({ '@opentelemetry/api': '1.9.0', '@opentelemetry/sdk-metrics': '2.5.1' }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('@vendor/metrics');
    expect(run.evidence[0]).toMatchObject({ path: 'lib/metrics.ts', line: 3 });
  });
  it('the same package whose dependencies are no metrics SDK earns nothing', async () => {
    const run = await runRuleOn(metrics, tree({ lodash: '4.17.21' }), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
});
