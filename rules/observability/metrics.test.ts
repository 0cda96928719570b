import { expect } from 'vitest';
import rule from './metrics.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'svc', dependencies: deps }, null, 2);

ruleTester(rule, {
  valid: [
    {
      name: 'a metric plugin builds a DogStatsd client and sends through it; a logging skip list naming /metrics is no route (round 20)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0\ndatadog==0.49\n',
        'vault/app.py':
          'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/certs")\ndef certs():\n    return "[]"\n',
        'vault/default_conf.py': 'LOG_SKIP_ENDPOINTS = ["/metrics", "/healthcheck"]\n',
        'vault/plugins/statsd_metrics/plugin.py': [
          'from datadog import DogStatsd',
          '',
          'class StatsdMetricPlugin:',
          '    def __init__(self, host, port):',
          '        self.statsd = DogStatsd(host=host, port=port, namespace="vault")',
          '',
          '    def submit(self, name, value, tags):',
          '        self.statsd.increment(name, value, tags)',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'metrics instrumentation in code',
        evidence: [{ path: 'vault/plugins/statsd_metrics/plugin.py', line: 5, note: 'metrics set up in code' }],
        absent: ['metrics route /metrics', 'default_conf.py'],
      },
    },
    {
      name: 'Quarkus micrometer-opentelemetry exports HTTP and JVM metrics over OTLP with no code (round 11)',
      profile: 'service',
      tree: {
        'fights/pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>quarkus-micrometer-opentelemetry</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'fights/src/main/java/org/acme/FightResource.java':
          'package org.acme;\n@Path("/fights")\npublic class FightResource {}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'auto-configured registry io.quarkus:quarkus-micrometer-opentelemetry',
        evidence: [{ path: 'fights/pom.xml', line: 5, note: 'auto-configured metrics registry' }],
      },
    },
    {
      name: 'a Ruby APM agent in the Gemfile instruments Rails when Bundler loads it (Skylight)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'skylight'\n",
        'app/controllers/home_controller.rb': 'class HomeController < ApplicationController; end\n',
      },
      expect: {
        outcome: 'pass',
        message: 'auto-configured registry skylight',
        evidence: [{ path: 'Gemfile', line: 3 }],
      },
    },
    {
      name: 'Java: @Timed in a package named samples counts (src/main is production)',
      profile: 'service',
      tree: {
        'src/main/java/org/springframework/samples/shop/OwnerResource.java':
          'import io.micrometer.core.annotation.Timed;\n@Timed("shop.owner")\nclass OwnerResource {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/main/java/org/springframework/samples/shop/OwnerResource.java', line: 2 }],
      },
    },
    {
      name: 'Node: prom-client default metrics and a /metrics route pass',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', 'prom-client': '^15.1.0' }),
        'src/metrics.ts':
          "import client from 'prom-client';\nclient.collectDefaultMetrics();\napp.get('/metrics', async (_req, res) => res.end(await client.register.metrics()));\n",
      },
      expect: {
        outcome: 'pass',
        message: ['instrumentation in code', '/metrics'],
        evidence: [
          { path: 'src/metrics.ts', line: 2 },
          { path: 'package.json', line: 5 },
        ],
        data: { libraries: ['prom-client'] },
      },
    },
    {
      name: 'Python: prometheus-fastapi-instrumentator registered on the app passes',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\nprometheus-fastapi-instrumentator==7.0.0\n',
        'app/main.py':
          'from fastapi import FastAPI\nfrom prometheus_fastapi_instrumentator import Instrumentator\napp = FastAPI()\nInstrumentator().instrument(app).expose(app)\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'app/main.py', line: 4 },
          { path: 'requirements.txt', line: 2 },
        ],
      },
    },
    {
      name: 'Go: a fiber Prometheus middleware registers request metrics (fiberprometheus.New + RegisterAt)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/ansrivas/fiberprometheus/v2 v2.6.1\n',
        'internal/http/router.go':
          'package http\n\nfunc NewRouter(app *fiber.App) {\n\tif enabled {\n\t\tprom := fiberprometheus.New("svc")\n\t\tprom.RegisterAt(app, "/metrics")\n\t\tapp.Use(prom.Middleware)\n\t}\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'internal/http/router.go', line: 5 }] },
    },
    {
      name: 'Go: promhttp handler passes',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/prometheus/client_golang v1.19.0\n',
        'main.go':
          'package main\n\nfunc main() {\n\thttp.Handle("/metrics", promhttp.Handler())\n\thttp.ListenAndServe(":8080", nil)\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'main.go', line: 4 }] },
    },
    {
      name: 'Spring: a Micrometer Prometheus registry is auto-configured',
      profile: 'service',
      tree: {
        'build.gradle':
          "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-web:3.2.0'\n  runtimeOnly 'io.micrometer:micrometer-registry-prometheus:1.12.0'\n}\n",
        'src/main/java/App.java': 'public class App {}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'auto-configured registry io.micrometer:micrometer-registry-prometheus',
        evidence: [{ path: 'build.gradle', line: 3 }],
      },
    },
    {
      name: '.NET: prometheus-net middleware passes',
      profile: 'service',
      tree: {
        'Api/Api.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="prometheus-net.AspNetCore" Version="8.2.1" />\n  </ItemGroup>\n</Project>\n',
        'Api/Program.cs': 'var app = builder.Build();\napp.UseHttpMetrics();\napp.MapMetrics();\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Api/Program.cs', line: 2 }] },
    },
    {
      name: '.NET: an OpenTelemetry meter provider built in code (Sdk.CreateMeterProviderBuilder, AddMeter) passes',
      profile: 'service',
      tree: {
        'src/Shop/Shop.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.9.0" />\n  </ItemGroup>\n</Project>\n',
        'src/Shop/Config/Telemetry.cs':
          'using OpenTelemetry.Metrics;\n\npublic static class Telemetry\n{\n    public static void AddShopTelemetry(this IServiceCollection services)\n    {\n        services.AddSingleton(sp =>\n        {\n            var builder = Sdk.CreateMeterProviderBuilder();\n            builder.AddMeter("Shop");\n            return builder.Build();\n        });\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/Shop/Config/Telemetry.cs', line: 9, snippet: 'var builder = Sdk.CreateMeterProviderBuilder();' },
        ],
      },
    },
    {
      name: 'statsd counters emitted through the project wrapper module, and a Django metrics/ route (passes)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0.4\nstatsd==4.0.1\n',
        'hc/lib/statsd.py':
          'from statsd.client.udp import StatsClient\n\ndef get_client():\n    return StatsClient("localhost")\n\nstatsd = get_client()\n',
        'hc/api/commands/sendalerts.py':
          'from hc.lib.statsd import statsd\n\ndef notify(ch):\n    statsd.incr(f"hc.notifications.{ch.kind}.fail")\n    statsd.timing("hc.sendalerts.sendTime", 12)\n',
        'hc/api/urls.py': 'urlpatterns = [\n    path("metrics/", views.metrics),\n]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'hc/api/commands/sendalerts.py', line: 4, note: 'metrics emitted in code' },
          { path: 'hc/api/urls.py', line: 2, note: 'metrics route /metrics' },
        ],
        data: { routes: ['/metrics'] },
      },
    },
  ],
  invalid: [
    {
      name: 'a /metrics path only in a list of endpoints the request logger skips is no route (round 20)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0\n',
        'vault/app.py':
          'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/certs")\ndef certs():\n    return "[]"\n',
        'vault/default_conf.py': 'LOG_REQUEST_HEADERS_SKIP_ENDPOINT = ["/metrics", "/healthcheck"]\n',
      },
      expect: { outcome: 'fail', absent: ['default_conf.py', 'metrics route /metrics'] },
    },
    {
      name: 'Quarkus micrometer without any registry or exporter stays partial',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>quarkus-micrometer</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
      },
      expect: { outcome: 'partial', score: 0.4, evidence: [{ path: 'pom.xml', note: 'metrics library' }] },
    },
    {
      name: 'a logging filter that drops access lines containing "/metrics" is no /metrics endpoint',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110.0\nuvicorn==0.29.0\n',
        'api/app.py':
          'import logging\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\nclass MetricsCheckFilter(logging.Filter):\n    def filter(self, record: logging.LogRecord) -> bool:\n        return record.getMessage().find("/metrics") == -1\n\n\nclass ScrapeFilter(logging.Filter):\n    def filter(self, record):\n        return "/metrics" not in record.getMessage()\n\n\nlogging.getLogger("uvicorn.access").addFilter(MetricsCheckFilter())\n\n\n@app.get("/healthcheck")\ndef healthcheck():\n    return {"healthcheck": "HEALTHCHECK STATUS: EVERYTHING OK!"}\n',
      },
      expect: { outcome: 'fail', data: { routes: [] } },
    },
    {
      name: 'a counter in a Redis cache or a stats dict is not a metric',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.0.4\n',
        'app/views.py': 'def hit(request):\n    cache.incr("page-views")\n    stats["x"] += 1\n    stats.update(a=1)\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Java: a MeterRegistry import alone is not instrumentation; code under org/…/samples is production',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.micrometer</groupId>\n      <artifactId>micrometer-core</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/org/springframework/samples/shop/Metrics.java':
          'import io.micrometer.core.instrument.MeterRegistry;\nclass Metrics {}\n',
      },
      expect: { outcome: 'partial', score: 0.4, evidence: [{ path: 'pom.xml' }] },
    },
    {
      name: 'a library added to the `metrics` catalogue with `detect:` is recognised',
      profile: 'service',
      detect: { metrics: ['@acme/telemetry'] },
      tree: {
        'package.json': pkg({ express: '^4.19.0', '@acme/telemetry': '^2.0.0' }),
        'src/index.js': "const telemetry = require('@acme/telemetry');\napp.listen(3000);\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: '@acme/telemetry declared',
        data: { libraries: ['@acme/telemetry'] },
      },
    },
    {
      name: 'prom-client imported but never set up is partial and says so',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', 'prom-client': '^15.1.0' }),
        'src/index.js': "import client from 'prom-client';\n// TODO collectDefaultMetrics()\napp.listen(3000);\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: 'prom-client declared, but no code registers metrics',
        evidence: [{ path: 'package.json', line: 5 }, { path: '.' }],
      },
    },
    {
      name: 'prom-client declared but imported by no code fails, and says it was set aside',
      profile: 'service',
      tree: {
        'package.json': pkg({ express: '^4.19.0', 'prom-client': '^15.1.0' }),
        'src/index.js': '// TODO collectDefaultMetrics()\napp.listen(3000);\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'package.json', line: 5, note: expect.stringContaining('no code imports it') }],
      },
    },
    {
      name: 'Spring Actuator exposing prometheus without a registry is partial',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-actuator</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/resources/application.yml':
          'management:\n  endpoints:\n    web:\n      exposure:\n        include: health,prometheus\n',
      },
      expect: { outcome: 'partial', score: 0.6, evidence: [{ path: 'src/main/resources/application.yml', line: 5 }] },
    },
    {
      name: 'Spring Actuator exposure as a YAML list on the next line is partial',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-actuator</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/resources/application-k8s.yml':
          'management:\n  endpoints:\n    web:\n      exposure:\n        include:\n          - prometheus\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        evidence: [{ path: 'src/main/resources/application-k8s.yml', line: 5 }],
      },
    },
    {
      name: 'Spring Actuator exposure as a quoted list in properties is partial',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-actuator</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/resources/application.properties':
          'management.endpoints.web.exposure.include = "health, prometheus"\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        evidence: [{ path: 'src/main/resources/application.properties', line: 1 }],
      },
    },
    {
      name: 'a Python service without metrics fails, saying what was searched',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\n',
        'app.py': 'from collections import Counter\nwords = Counter("abc")\napp.run()\n',
        'tests/test_metrics.py': 'Counter("requests_total", "doc")\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }], data: { libraries: [] } },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not asked to export metrics',
      profile: 'library',
      tree: { 'package.json': pkg({ 'prom-client': '^15.0.0' }) },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
