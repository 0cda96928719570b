import { fixtureTree } from '../../src/testing/fixtures.js';
import { expect } from 'vitest';
import rule from './circuit-breakers.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Elixir: an Erlang fuse installed and asked before a call passes',
      profile: 'service',
      tree: {
        'mix.exs':
          'defmodule Car.MixProject do\n  use Mix.Project\n  defp deps do\n    [\n      {:phoenix, "~> 1.7"},\n      {:finch, "~> 0.18"},\n      {:fuse, "~> 2.4"}\n    ]\n  end\nend\n',
        'lib/car/geo.ex':
          'defmodule Car.Geo do\n  def init do\n    :fuse.install(:geo_api, {{:standard, 3, 10_000}, {:reset, 60_000}})\n  end\n\n  def lookup(q) do\n    case :fuse.ask(:geo_api, :sync) do\n      :ok -> Finch.request(q, Car.Finch)\n      :blown -> {:error, :unavailable}\n    end\n  end\nend\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'lib/car/geo.ex', line: 3 }] },
    },
    {
      name: 'Spring Cloud Feign clients with Hystrix fallbacks are circuit breakers',
      profile: 'service',
      tree: {
        'account-service/src/main/java/acct/client/StatisticsClient.java':
          '@FeignClient(name = "statistics-service", fallback = StatisticsFallback.class)\npublic interface StatisticsClient {}\n',
        'account-service/src/main/java/acct/App.java': '@EnableCircuitBreaker\n@SpringBootApplication\nclass App {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'account-service/src/main/java/acct/App.java', line: 1 }],
      },
    },
    {
      name: 'Node: an opossum breaker around a call passes',
      profile: 'service',
      tree: {
        'package.json': '{"name":"a","dependencies":{"opossum":"^8.0.0"}}',
        'src/client.ts':
          "import CircuitBreaker from 'opossum';\nconst breaker = new CircuitBreaker(callUpstream, { timeout: 3000 });\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/client.ts', line: 1 }] },
    },
    {
      name: 'Java: a Resilience4j annotation passes',
      profile: 'service',
      tree: {
        'src/main/java/shop/Client.java':
          'class Client {\n  @CircuitBreaker(name = "inventory", fallbackMethod = "cached")\n  Stock stock() { return null; }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/java/shop/Client.java', line: 2 }] },
    },
    {
      name: 'Go: sony/gobreaker passes',
      profile: 'service',
      tree: { 'pkg/up/up.go': 'package up\n\nvar cb = gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "up"})\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'pkg/up/up.go', line: 3 }] },
    },
    {
      name: 'Istio outlier detection counts',
      profile: 'service',
      tree: {
        'k8s/dr.yaml':
          'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api\n  trafficPolicy:\n    outlierDetection:\n      consecutive5xxErrors: 5\n',
      },
      expect: { outcome: 'pass', message: 'configuration', evidence: [{ path: 'k8s/dr.yaml', line: 2 }] },
    },
    {
      name: 'Spring Cloud: ReactiveCircuitBreakerFactory in code passes',
      profile: 'service',
      tree: {
        'gateway/src/main/java/a/Api.java':
          'class Api {\n  private final ReactiveCircuitBreakerFactory cbFactory;\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'gateway/src/main/java/a/Api.java', line: 2 }] },
    },
  ],
  invalid: [
    {
      name: 'Elixir: fuse declared but never installed or asked is partial',
      profile: 'service',
      tree: {
        'mix.exs':
          'defmodule Car.MixProject do\n  use Mix.Project\n  defp deps do\n    [\n      {:phoenix, "~> 1.7"},\n      {:finch, "~> 0.18"},\n      {:fuse, "~> 2.4"}\n    ]\n  end\nend\n',
        'lib/car/geo.ex':
          'defmodule Car.Geo do\n  # the fuse box of the car is read from the API\n  def lookup(q), do: Finch.request(q, Car.Finch)\n  def defuse(x), do: x\nend\n',
      },
      expect: { outcome: 'partial', message: 'fuse' },
    },
    {
      name: 'Spring Cloud: a declared starter earns partial credit until a factory or gateway filter uses it',
      profile: 'service',
      tree: {
        'gateway/pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.cloud</groupId>\n      <artifactId>spring-cloud-starter-circuitbreaker-reactor-resilience4j</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'gateway/src/main/java/a/App.java': 'class App {\n  private final WebClient client = WebClient.create();\n}\n',
      },
      expect: { outcome: 'partial', score: 0.4, message: 'spring-cloud-starter-circuitbreaker' },
    },
    {
      name: 'Python: pybreaker imported without a breaker found is partial',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask\npybreaker==1.0\nrequests\n',
        'app.py': 'from flask import Flask\nimport pybreaker\nimport requests\n',
      },
      expect: {
        outcome: 'partial',
        message: ['pybreaker', 'imported', 'no call that applies it'],
        evidence: [{ path: 'requirements.txt', line: 2, note: expect.stringContaining('imported at app.py:2') }],
      },
    },
    {
      name: 'Python: pybreaker declared but never imported fails',
      profile: 'service',
      tree: { 'requirements.txt': 'flask\npybreaker==1.0\nrequests\n', 'app.py': 'import requests\n' },
      expect: { outcome: 'fail', evidence: [{ path: 'requirements.txt', line: 2 }] },
    },
    {
      name: 'Go: a remote API client library (go-googletrans) is an outbound call with no breaker: fail, not "no outbound calls"',
      profile: 'service',
      tree: {
        'go.mod':
          'module example.com/svc\n\ngo 1.22\n\nrequire (\n\tgithub.com/gofiber/fiber/v2 v2.52.0\n\tgithub.com/acme/go-googletrans v0.0.0-20230101000000-abcdef123456\n)\n',
        'cmd/app/main.go': 'package main\n\nfunc main() {\n\tapp := fiber.New()\n\tapp.Listen(":8080")\n}\n',
        'internal/repo/webapi/translate.go':
          'package webapi\n\nimport (\n\t"context"\n\n\ttranslator "github.com/acme/go-googletrans"\n)\n\nfunc (t *API) Translate(ctx context.Context, s string) (string, error) {\n\tr, err := translator.New(t.conf).Translate(s, "auto", "en")\n\treturn r.Text, err\n}\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }, { path: 'internal/repo/webapi/translate.go', line: 6 }] },
    },
    {
      name: '.NET: no breaker fails with what was searched',
      profile: 'service',
      tree: {
        'Api/Program.cs':
          'var builder = WebApplication.CreateBuilder();\nbuilder.Services.AddHttpClient<Catalog>();\nvar app = builder.Build();\napp.Run();\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a Composer HTTP client that no PHP code names is declared only: no outbound calls (circuit-breakers)',
      profile: 'service',
      tree: fixtureTree('php-unused-http-client'),
      expect: { outcome: 'not-applicable', message: 'no outbound calls' },
    },
    {
      name: 'a CLI is not judged',
      profile: 'cli',
      tree: { 'main.go': 'package main\n' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
