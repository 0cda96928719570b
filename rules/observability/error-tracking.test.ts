import { expect } from 'vitest';
import rule from './error-tracking.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'svc', dependencies: deps }, null, 2);

ruleTester(rule, {
  valid: [
    {
      name: 'Node: Sentry.init passes with the SDK as dependency evidence',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', '@sentry/node': '^8.0.0' }),
        'src/instrument.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN });\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/instrument.ts', line: 2 },
          { path: 'package.json', line: 5 },
        ],
        data: { libraries: ['@sentry/node'] },
      },
    },
    {
      name: '.NET: Google Cloud Error Reporting (ContextExceptionLogger.Create from Google.Cloud.Diagnostics) passes',
      profile: 'service',
      tree: {
        'src/Shop/Shop.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Google.Cloud.Diagnostics.Common" Version="5.3.0" />\n  </ItemGroup>\n</Project>\n',
        'src/Shop/Apm/GoogleCloudPlugin.cs':
          'using Google.Cloud.Diagnostics.Common;\n\npublic sealed class GoogleCloudPlugin\n{\n    public void ConfigureServices(IServiceCollection services, string projectId)\n    {\n        services.AddSingleton(c => ContextExceptionLogger.Create(projectId, "shop", "1.0", null));\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/Shop/Apm/GoogleCloudPlugin.cs', line: 7, note: 'error tracker initialised' },
          {
            path: 'src/Shop/Shop.csproj',
            line: 3,
            snippet: 'Google.Cloud.Diagnostics.Common 5.3.0',
            note: 'error-tracking SDK',
          },
        ],
        data: { libraries: ['Google.Cloud.Diagnostics.Common'] },
      },
    },
    {
      name: '.NET: Application Insights telemetry registered on the host reports exceptions (passes)',
      profile: 'service',
      tree: {
        'Api/Api.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.ApplicationInsights.AspNetCore" Version="2.22.0" />\n  </ItemGroup>\n</Project>\n',
        'Api/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddApplicationInsightsTelemetry();\nvar app = builder.Build();\napp.Run();\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Api/Program.cs', line: 2 }] },
    },
    {
      name: 'Python: sentry_sdk.init passes',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi>=0.110", "sentry-sdk[fastapi]>=2.0"]\n',
        'app/main.py': 'import sentry_sdk\nsentry_sdk.init(dsn=settings.sentry_dsn, traces_sample_rate=0.1)\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/main.py', line: 2 }] },
    },
    {
      name: 'Go: sentry.Init passes',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/getsentry/sentry-go v0.28.0\n',
        'main.go':
          'package main\n\nfunc main() {\n\terr := sentry.Init(sentry.ClientOptions{Dsn: os.Getenv("SENTRY_DSN")})\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'main.go', line: 4 }] },
    },
    {
      name: 'Laravel: sentry-laravel with a DSN in .env.example is auto-configured',
      profile: 'service',
      tree: {
        'composer.json': JSON.stringify(
          { require: { 'laravel/framework': '^11.0', 'sentry/sentry-laravel': '^4.0' } },
          null,
          2,
        ),
        '.env.example': 'APP_NAME=shop\nSENTRY_LARAVEL_DSN=\n',
      },
      expect: { outcome: 'pass', message: 'auto-configured', evidence: [{ path: '.env.example', line: 2 }] },
    },
    {
      name: 'Symfony: sentry-symfony with its dsn in the production config is auto-configured',
      profile: 'service',
      tree: {
        'composer.json': '{"require": {"symfony/framework-bundle": "^6.4", "sentry/sentry-symfony": "^5.0"}}',
        'app/config/config_prod.yml':
          'imports:\n    - { resource: config.yml }\n\nsentry:\n    dsn: "%env(SENTRY_DSN)%"\n',
      },
      expect: {
        outcome: 'pass',
        message: 'auto-configured',
        evidence: [{ path: 'app/config/config_prod.yml', line: 4 }],
      },
    },
    {
      name: 'Elixir: AppSignal wired into Phoenix by `use Appsignal.Phoenix`, key from the environment, reports errors (round 28)',
      profile: 'service',
      tree: {
        'mix.exs':
          'defmodule Web.MixProject do\n  use Mix.Project\n  defp deps do\n    [\n      {:phoenix, "~> 1.7"},\n      {:appsignal_phoenix, "~> 2.0"}\n    ]\n  end\nend\n',
        'lib/web_web/endpoint.ex':
          'defmodule WebWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :web\n  use Appsignal.Phoenix\nend\n',
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'Elixir: appsignal_phoenix declared and never wired stays partial',
      profile: 'service',
      tree: {
        'mix.exs':
          'defmodule Web.MixProject do\n  use Mix.Project\n  defp deps do\n    [\n      {:phoenix, "~> 1.7"},\n      {:appsignal_phoenix, "~> 2.0"}\n    ]\n  end\nend\n',
        'lib/web_web/endpoint.ex': 'defmodule WebWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :web\nend\n',
      },
      expect: { outcome: 'partial' },
    },
    {
      name: 'Symfony: sentry-symfony whose config never names it is partial',
      profile: 'service',
      tree: {
        'composer.json': '{"require": {"symfony/framework-bundle": "^6.4", "sentry/sentry-symfony": "^5.0"}}',
        'app/config/config_prod.yml': 'monolog:\n    handlers:\n        main:\n            type: stream\n',
      },
      expect: { outcome: 'partial', message: 'no DSN or key is configured' },
    },
    {
      name: 'Ruby: a Sentry initializer passes',
      profile: 'service',
      tree: {
        Gemfile: "gem 'rails'\ngem 'sentry-rails'\n",
        'config/initializers/sentry.rb': "Sentry.init do |config|\n  config.dsn = ENV['SENTRY_DSN']\nend\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'config/initializers/sentry.rb', line: 1 }] },
    },
    {
      name: 'Laravel Nightwatch, auto-discovered, with its token in .env.example is error tracking',
      profile: 'service',
      tree: {
        'composer.json': JSON.stringify(
          { require: { 'laravel/framework': '^11.0', 'laravel/nightwatch': '^1.5' } },
          null,
          2,
        ),
        '.env.example': 'APP_NAME=forum\nNIGHTWATCH_TOKEN=\n',
      },
      expect: {
        outcome: 'pass',
        message: 'laravel/nightwatch is auto-configured',
        evidence: [{ path: '.env.example', line: 2 }],
      },
    },
    {
      name: 'Node: AppSignal started in code is error tracking',
      profile: 'service',
      tree: {
        'package.json': pkg({ fastify: '^4.0.0', '@appsignal/nodejs': '^3.0.0' }),
        'src/appsignal.ts':
          "import { Appsignal } from '@appsignal/nodejs';\nnew Appsignal({ active: true, name: 'api' });\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/appsignal.ts', line: 2 }] },
    },
  ],
  invalid: [
    {
      name: 'a Sentry SDK nobody initialises is partial',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', '@sentry/node': '^8.0.0' }),
        'src/index.js':
          "import * as Sentry from '@sentry/node';\n// Sentry.init({ dsn }) -- disabled\napp.listen(3000);\n",
        'test/setup.js': 'Sentry.init({});\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: 'nothing initialises it',
        evidence: [{ path: 'package.json', line: 5 }],
      },
    },
    {
      name: 'a Sentry SDK imported only by the tests is not error tracking',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', '@sentry/node': '^8.0.0' }),
        'src/index.js': 'app.listen(3000);\n',
        'test/setup.js': "import * as Sentry from '@sentry/node';\n",
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'package.json', line: 5, note: expect.stringContaining('test/setup.js:1') }],
      },
    },
    {
      name: 'a .NET service without an error tracker fails',
      profile: 'service',
      tree: { 'Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'Laravel Nightwatch declared without a token anywhere is partial, not "no SDK"',
      profile: 'service',
      tree: {
        'composer.json': JSON.stringify(
          { require: { 'laravel/framework': '^11.0', 'laravel/nightwatch': '^1.5' } },
          null,
          2,
        ),
        '.env.example': 'APP_NAME=forum\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: 'laravel/nightwatch declared, but no DSN or key is configured in the repository',
      },
    },
  ],
  notApplicable: [
    {
      name: 'a library does not report its own errors',
      profile: 'library',
      tree: { 'package.json': pkg({}) },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
