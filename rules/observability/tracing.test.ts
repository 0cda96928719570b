import { expect } from 'vitest';
import rule from './tracing.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>, scripts: Record<string, string> = {}) =>
  JSON.stringify({ name: 'svc', scripts, dependencies: deps }, null, 2);

ruleTester(rule, {
  valid: [
    {
      name: 'Ruby: Sentry with a traces_sampler (per-transaction rate) is performance tracing',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'sentry-rails'\n",
        'config/initializers/sentry.rb':
          'Sentry.init do |config|\n  config.breadcrumbs_logger = [:active_support_logger]\n\n  # enable tracing\n  config.traces_sampler = lambda do |context|\n    Rails.env.production? ? 0.05 : 1.0\n  end\nend\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'config/initializers/sentry.rb', line: 5, note: 'Sentry performance tracing' }],
      },
    },
    {
      name: 'Node: the OpenTelemetry NodeSDK started at boot passes',
      profile: 'service',
      tree: {
        'package.json': pkg({
          express: '^4.19.0',
          '@opentelemetry/sdk-node': '^0.52.0',
          '@opentelemetry/auto-instrumentations-node': '^0.47.0',
        }),
        'src/tracing.ts':
          "import { NodeSDK } from '@opentelemetry/sdk-node';\nconst sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });\nsdk.start();\n",
      },
      expect: {
        outcome: 'pass',
        message: 'tracer set-up in code',
        evidence: [{ path: 'src/tracing.ts', line: 2 }, { path: 'package.json' }],
      },
    },
    {
      name: 'Python: opentelemetry-instrument in the Dockerfile is auto-instrumentation',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\nopentelemetry-distro==0.46b0\n',
        'app/main.py': 'app = FastAPI()\n',
        Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["opentelemetry-instrument", "uvicorn", "app.main:app"]\n',
      },
      expect: {
        outcome: 'pass',
        message: 'auto-instrumentation launcher',
        evidence: [{ path: 'Dockerfile', line: 3 }],
      },
    },
    {
      name: 'Go: an SDK tracer provider and otelhttp pass',
      profile: 'service',
      tree: {
        'go.mod':
          'module example.com/svc\n\ngo 1.22\n\nrequire (\n\tgo.opentelemetry.io/otel v1.27.0\n\tgo.opentelemetry.io/otel/sdk v1.27.0\n)\n',
        'internal/telemetry/otel.go':
          'package telemetry\n\nfunc Init() {\n\ttp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))\n\totel.SetTracerProvider(tp)\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'internal/telemetry/otel.go', line: 4 }] },
    },
    {
      name: '.NET: AddOpenTelemetry().WithTracing passes',
      profile: 'service',
      tree: {
        'Program.cs':
          'builder.Services.AddOpenTelemetry()\n    .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter());\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Program.cs', line: 2 }] },
    },
    {
      name: 'Java: the OpenTelemetry agent on the JVM command line passes',
      profile: 'service',
      tree: {
        Dockerfile:
          'FROM eclipse-temurin:21-jre\nENTRYPOINT ["java", "-javaagent:/otel/opentelemetry-javaagent.jar", "-jar", "app.jar"]\n',
        'src/main/java/App.java': 'class App {}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Dockerfile', line: 2 }] },
    },
    {
      name: 'Java: the Application Insights agent attached with -javaagent passes',
      profile: 'service',
      tree: {
        Dockerfile:
          'FROM eclipse-temurin:21-jre\nCOPY applicationinsights-agent-3.7.0.jar /agent/\nENV JAVA_TOOL_OPTIONS="-javaagent:/agent/applicationinsights-agent-3.7.0.jar"\nCMD ["java", "-jar", "app.jar"]\n',
        'src/main/java/App.java': 'class App {}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Dockerfile', line: 3 }] },
    },
    {
      name: "Python: ddtrace's patch_all() patches the clients for tracing",
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nddtrace==2.8.0\n',
        'app/__init__.py': 'from ddtrace import patch_all\n\npatch_all()\napp = Flask(__name__)\n',
      },
      expect: { outcome: 'pass', message: 'tracer set-up in code', evidence: [{ path: 'app/__init__.py', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'Java: the Application Insights agent configuration shipped into the image, agent attached by the base image, is partial',
      profile: 'service',
      tree: {
        Dockerfile:
          'ARG AI_AGENT_VERSION=3.7.0\nFROM registry.example.org/base/java:21\n\nCOPY lib/applicationinsights.json /opt/app/\nCOPY build/libs/app.jar /opt/app/\nCMD ["app.jar"]\n',
        'lib/applicationinsights.json': '{\n  "role": { "name": "app" }\n}\n',
        'src/main/java/App.java': 'class App {}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.7,
        message: 'Application Insights',
        evidence: [
          { path: 'Dockerfile', line: 4, note: expect.stringContaining('configuration copied into the image') },
        ],
      },
    },
    {
      name: 'Ruby: Sentry with traces_sample_rate = 0.0 records no traces',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'sentry-rails'\n",
        'config/initializers/sentry.rb': 'Sentry.init do |config|\n  config.traces_sample_rate = 0.0\nend\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: "gevent's monkey.patch_all() (or a bare patch_all from gevent) makes I/O cooperative: no tracing",
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\ngevent==24.2.1\n',
        'serve.py': 'from gevent import monkey\n\nmonkey.patch_all()\nfrom app import create_app\n',
        'wsgi.py': 'from gevent.monkey import patch_all\npatch_all()\n',
        'app/__init__.py': 'def create_app():\n    return Flask(__name__)\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'dd-trace declared but never initialised is partial',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', 'dd-trace': '^5.0.0' }),
        'src/index.js': "// require('dd-trace').init() once we have an agent\napp.listen(3000);\n",
        'src/trace.js': "import tracer from 'dd-trace';\nexport default tracer;\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: 'dd-trace declared, but no code or launcher starts a tracer',
        evidence: [{ path: 'package.json', line: 6 }],
      },
    },
    {
      name: 'dd-trace loaded by a preload flag in the start script counts as used',
      profile: 'service',
      tree: {
        'package.json':
          '{\n  "name": "api",\n  "scripts": {\n    "start": "node -r dd-trace/init dist/main.js"\n  },\n  "dependencies": {\n    "express": "^4.19.0",\n    "dd-trace": "^5.0.0"\n  }\n}\n',
        'src/index.js': 'app.listen(3000);\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'package.json', line: 8 }] },
    },
    {
      name: 'an OpenTelemetry SDK only another package pulls in (go.mod // indirect) is not tracing',
      profile: 'service',
      tree: {
        'go.mod':
          'module x\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.0\n\tgo.opentelemetry.io/otel/sdk v1.24.0 // indirect\n)\n',
        'main.go': 'package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() { gin.Default().Run() }\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'go.mod', line: 5, note: expect.stringContaining('// indirect') }],
      },
    },
    {
      name: 'Elixir: AppSignal wired into Phoenix (`use Appsignal.Phoenix`) traces every request (round 28)',
      profile: 'service',
      tree: {
        'mix.exs':
          'defmodule Web.MixProject do\n  use Mix.Project\n  defp deps do\n    [\n      {:phoenix, "~> 1.7"},\n      {:appsignal_phoenix, "~> 2.0"}\n    ]\n  end\nend\n',
        'lib/web_web/endpoint.ex':
          'defmodule WebWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :web\n  use Appsignal.Phoenix\nend\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'lib/web_web/endpoint.ex', line: 3 }] },
    },
    {
      name: 'Ruby: the New Relic agent (newrelic_rpm) in the Gemfile traces transactions once loaded: partial, not fail (round 28)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'newrelic_rpm'\n",
        'app/controllers/home_controller.rb': 'class HomeController < ApplicationController; end\n',
      },
      expect: { outcome: 'partial', message: ['newrelic_rpm'] },
    },
    {
      name: 'a Ruby service without tracing fails',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n",
        'app/controllers/home_controller.rb': 'class HomeController < ApplicationController; end\n',
        'spec/tracing_spec.rb': 'OpenTelemetry::SDK.configure\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a CLI is not asked to trace requests',
      profile: 'cli',
      tree: { 'main.go': 'package main\n' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});

ruleTester(rule, {
  valid: [
    {
      name: 'Rust: tracing-opentelemetry layer with an OTLP exporter passes',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\ntracing-opentelemetry = "0.24"\n',
        'src/main.rs': 'fn main() {\n    let layer = tracing_opentelemetry::layer().with_tracer(tracer);\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main.rs', line: 2 }] },
    },
  ],
  invalid: [
    {
      name: 'Python: spans through the OpenTelemetry API without any SDK start-up are partial',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["django>=5", "opentelemetry-api>=1.30"]\n',
        'shop/telemetry.py': 'from opentelemetry.trace import get_tracer\ntracer = get_tracer(__name__)\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.7,
        message: 'nothing in the repository starts an SDK',
        evidence: [{ path: 'shop/telemetry.py', line: 2 }],
      },
    },
    {
      name: "Java: startActiveSpan on the project's own AuditTracer, with no OpenTelemetry anywhere, is named as that tracer",
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
        'src/main/java/app/audit/AuditLogApi.java':
          'package app.audit;\n\nimport app.audit.context.AuditTracer;\n\nclass AuditLogApi {\n  private final AuditTracer tracer;\n  AuditScope append(String type) {\n    AuditScope scope = tracer.startActiveSpan(type);\n    return scope;\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: "Spans are created through the project's own tracer (AuditTracer), not OpenTelemetry",
        evidence: [
          {
            path: 'src/main/java/app/audit/AuditLogApi.java',
            line: 8,
            note: "spans of the project's own tracer AuditTracer (no OpenTelemetry import)",
          },
        ],
      },
    },
  ],
});
