/**
 * Blind round 47: redundancy read on what production runs. One service declared once per
 * environment is judged on its production manifest, the development, mock and staging copies set
 * aside and named; two compose services built from one image behind an nginx upstream that lists
 * both are two instances of one unit; a .NET Aspire app host that runs each project once is a
 * single instance (fail), not "nothing declares how it runs".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import redundancy from './redundancy.js';

function naisApp(name: string, min: number, max: number): string {
  return [
    'apiVersion: "nais.io/v1alpha1"',
    'kind: "Application"',
    'metadata:',
    `  name: "${name}"`,
    '  namespace: "ledger"',
    'spec:',
    '  image: "{{image}}"',
    '  port: 8080',
    '  replicas:',
    `    min: ${min}`,
    `    max: ${max}`,
    '',
  ].join('\n');
}

const JVM: Tree = {
  'settings.gradle.kts': 'rootProject.name = "ledger-api"\n',
  'build.gradle.kts':
    'plugins { kotlin("jvm") version "2.0.0"\n id("org.springframework.boot") version "3.3.0" }\ndependencies {\n  implementation("org.springframework.boot:spring-boot-starter-webflux")\n}\n',
  'src/main/kotlin/App.kt':
    '@SpringBootApplication\nclass App\nfun main(args: Array<String>) { runApplication<App>(*args) }\n',
  Dockerfile: 'FROM eclipse-temurin:21-jre\nCOPY build/libs/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
};

describe('redundancy on the production copy of a manifest declared per environment', () => {
  const tree: Tree = {
    ...JVM,
    'deploy/prod/prod-gcp.yaml': naisApp('ledger-api', 2, 5),
    'deploy/dev/dev.yaml': naisApp('ledger-api-dev', 1, 1),
    'deploy/dev/mock.yaml': naisApp('ledger-api-mock', 1, 1),
    'deploy/dev/preprod.yaml': naisApp('ledger-api', 1, 1),
  };

  it('passes on the production min 2 / max 5 and names the copies set aside', async () => {
    const r = await runRuleOn(redundancy, tree);
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Judged on the production manifests; 3 non-production copies set aside');
    expect(r.message).toContain('deploy/dev/dev.yaml');
    const ev = JSON.stringify(r.evidence);
    expect(ev).toContain('deploy/prod/prod-gcp.yaml');
    expect(ev).toContain('set aside: a development copy (min 1, max 1)');
  });

  it('still fails a production manifest that runs one instance', async () => {
    const r = await runRuleOn(redundancy, { ...tree, 'deploy/prod/prod-gcp.yaml': naisApp('ledger-api', 1, 1) });
    expect(r.outcome).toBe('fail');
    expect(JSON.stringify(r.evidence)).toContain('deploy/prod/prod-gcp.yaml');
  });

  it('judges every copy when none is named for production', async () => {
    const r = await runRuleOn(redundancy, {
      ...JVM,
      'deploy/main/app.yaml': naisApp('ledger-api', 2, 5),
      'deploy/dev/dev.yaml': naisApp('ledger-api-dev', 1, 1),
    });
    expect(r.outcome).toBe('partial');
    expect(r.message).not.toContain('set aside');
  });
});

const PY: Tree = {
  'pyproject.toml': '[project]\nname = "panforte"\ndependencies = ["fastapi", "uvicorn"]\n',
  'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
  Dockerfile: 'FROM python:3.13-slim\nCOPY . /app\nCMD ["uvicorn", "app.main:app"]\n',
  'proxy/Dockerfile': 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
};

function haCompose(second: string): string {
  return [
    'services:',
    '  web1:',
    '    build: .',
    '    ports: ["8081:8080"]',
    '  web2:',
    `    ${second}`,
    '    ports: ["8082:8080"]',
    '  lb:',
    '    build: ./proxy',
    '    ports: ["8080:80"]',
    '    depends_on: [web1, web2]',
    '',
  ].join('\n');
}

const UPSTREAM =
  'upstream pool {\n    server web1:8080 weight=1;\n    server web2:8080 weight=1;\n}\nserver {\n  listen 80;\n  location / { proxy_pass http://pool; }\n}\n';

describe('compose services built alike behind one nginx upstream', () => {
  it('counts them as two instances of one unit', async () => {
    const r = await runRuleOn(redundancy, {
      ...PY,
      'compose-ha.yml': haCompose('build: .'),
      'proxy/nginx.conf': UPSTREAM,
    });
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('1 of 2 deployed units are redundant');
    expect(JSON.stringify(r.evidence)).toContain(
      'compose services web1 and web2 (compose-ha.yml:2, compose-ha.yml:5) run the same build behind the nginx upstream pool (proxy/nginx.conf:1): 2 instances of one unit',
    );
  });

  it('groups them across the compose files of one folder (a base file that defines one of them)', async () => {
    const r = await runRuleOn(redundancy, {
      ...PY,
      'compose.yml': 'services:\n  web1:\n    build: .\n    ports: ["8081:8080"]\n',
      'compose-ha.yml': haCompose('build: .'),
      'proxy/nginx.conf': UPSTREAM,
    });
    expect(r.outcome).toBe('partial');
    expect(JSON.stringify(r.evidence)).toContain('compose services web1 and web2 (compose.yml:2, compose-ha.yml:5)');
  });

  it('does not group services built from different sources', async () => {
    const r = await runRuleOn(redundancy, {
      ...PY,
      'worker/Dockerfile': 'FROM python:3.13-slim\nCMD ["python", "-m", "worker"]\n',
      'compose-ha.yml': haCompose('build: ./worker'),
      'proxy/nginx.conf': UPSTREAM,
    });
    expect(r.outcome).toBe('fail');
  });

  it('does not group them without an upstream that lists both', async () => {
    const r = await runRuleOn(redundancy, {
      ...PY,
      'compose-ha.yml': haCompose('build: .'),
      'proxy/nginx.conf': UPSTREAM.replace('    server web2:8080 weight=1;\n', ''),
    });
    expect(r.outcome).toBe('fail');
  });
});

const HOST = [
  'var builder = DistributedApplication.CreateBuilder(args);', // 1
  '', // 2
  'var api = builder.AddProject<Projects.Ledger_Api>("ledger-api");', // 3
  '', // 4
  'builder.AddProject<Projects.Ledger_Web>("ledger-web")', // 5
  '       .WithReference(api);', // 6
  '', // 7
  'builder.AddProject<Projects.Ledger_Tools>("tools").ExcludeFromManifest();', // 8
  '', // 9
  'builder.Build().Run();', // 10
  '',
].join('\n');

const DOTNET: Tree = {
  'Ledger.Api/Ledger.Api.csproj':
    '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>\n',
  'Ledger.Api/Program.cs':
    'var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet("/", () => "ok");\napp.Run();\n',
  'Ledger.AppHost/Ledger.AppHost.csproj':
    '<Project Sdk="Aspire.AppHost.Sdk/9.0.0"><PropertyGroup><IsAspireHost>true</IsAspireHost></PropertyGroup></Project>\n',
};

describe('a .NET Aspire app host declares how the service runs', () => {
  it('fails projects it runs once, naming them', async () => {
    const r = await runRuleOn(redundancy, { ...DOTNET, 'Ledger.AppHost/Program.cs': HOST });
    expect(r.outcome).toBe('fail');
    const ev = JSON.stringify(r.evidence);
    expect(ev).toContain('"path":"Ledger.AppHost/Program.cs","line":3');
    expect(ev).toContain('runs project ledger-api as one instance (no WithReplicas)');
    expect(ev).toContain('ledger-web');
    expect(ev).not.toContain('tools');
  });

  it('credits WithReplicas, on the call or later on its variable', async () => {
    const r = await runRuleOn(redundancy, {
      ...DOTNET,
      'Ledger.AppHost/Program.cs': HOST.replace('.WithReference(api);', '.WithReference(api).WithReplicas(2);').replace(
        'builder.Build().Run();',
        'api.WithReplicas(3);\nbuilder.Build().Run();',
      ),
    });
    expect(r.outcome).toBe('pass');
    expect(JSON.stringify(r.evidence)).toContain('runs project ledger-api with WithReplicas(3)');
  });

  it('is still not applicable without an app host or any other deployment', async () => {
    const r = await runRuleOn(redundancy, DOTNET);
    expect(r.outcome).toBe('not-applicable');
  });
});

describe('bounded reading of hostile app hosts and nginx files', () => {
  it('reads a 200 KB app host full of its variable name quickly', async () => {
    const many = Array.from({ length: 20 }, (_, i) => `var api = builder.AddProject<Projects.P${i}>("p${i}");`).join(
      '\n',
    );
    const host = `var builder = DistributedApplication.CreateBuilder(args);\n${many}\n${'api.'.repeat(50_000)}\napi.WithReplicas(2);\n`;
    const nginx = `${'upstream u { server a:1; server b:1;\n'.repeat(2000)}}\n`;
    const start = performance.now();
    const r = await runRuleOn(redundancy, { ...DOTNET, 'Ledger.AppHost/Program.cs': host, 'nginx/nginx.conf': nginx });
    expect(performance.now() - start).toBeLessThan(3000);
    expect(['fail', 'partial', 'pass']).toContain(r.outcome);
  });
});
