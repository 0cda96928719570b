import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { collectFacts, completeFacts } from './index.js';
import { PROFILE_PATTERNS } from './profile.js';

const dep = (facts: ReturnType<typeof collectFacts>, name: string) => facts.dependencies.find((d) => d.name === name);

describe('manifests → one dependency list with paths and lines', () => {
  const files = memoryIndex({
    'package.json':
      '{\n  "name": "web",\n  "dependencies": {\n    "express": "^4.19.0"\n  },\n  "devDependencies": {\n    "vitest": "^1.0.0"\n  }\n}\n',
    'api/requirements.txt':
      '# pinned\nFastAPI==0.110.0\nrequests[security]>=2.31 ; python_version > "3.8"\n-r base.txt\n',
    'api/requirements-dev.txt': 'pytest==8.0.0\n',
    'svc/pyproject.toml':
      '[project]\nname = "svc"\ndependencies = [\n  "Django>=5.0",\n]\n\n[tool.poetry.group.dev.dependencies]\nblack = "^24.0"\n',
    'go.mod':
      'module example.com/shop\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgolang.org/x/sys v0.20.0 // indirect\n)\n',
    'java/pom.xml':
      '<project>\n  <artifactId>shop</artifactId>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n    <dependency>\n      <groupId>org.junit.jupiter</groupId>\n      <artifactId>junit-jupiter</artifactId>\n      <scope>test</scope>\n    </dependency>\n  </dependencies>\n</project>\n',
    'kt/build.gradle.kts':
      'plugins {\n  id("org.springframework.boot") version "3.2.0"\n}\ndependencies {\n  implementation("io.micrometer:micrometer-registry-prometheus:1.12.0")\n  testImplementation("io.mockk:mockk:1.13.8")\n}\n',
    'net/Api.csproj':
      '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Serilog.AspNetCore" Version="8.0.0" />\n  </ItemGroup>\n</Project>\n',
    'rs/Cargo.toml':
      '[package]\nname = "tool"\n\n[dependencies]\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\n\n[dev-dependencies]\nproptest = "1"\n',
    'php/composer.json': '{\n  "require": {\n    "php": ">=8.2",\n    "laravel/framework": "^11.0"\n  }\n}\n',
    'rb/Gemfile':
      "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n\ngroup :development, :test do\n  gem 'rspec-rails'\nend\n",
  });
  const facts = collectFacts(files);

  it('npm', () => {
    expect(dep(facts, 'express')).toMatchObject({ ecosystem: 'npm', path: 'package.json', line: 4, dev: false });
    expect(dep(facts, 'vitest')).toMatchObject({ line: 7, dev: true });
  });
  it('npm: a key is found after strings full of escaped quotes and backslashes (a quote after a backslash starts none)', () => {
    const escaped = collectFacts(
      memoryIndex({
        'package.json': `{\n  "description": "say ${'\\"hi\\": '.repeat(500)}",\n  "scripts": { "win": "C:\\\\" },\n  "dependencies": {\n    "koa": "^2.15.0"\n  }\n}\n`,
      }),
    );
    expect(dep(escaped, 'koa')).toMatchObject({ path: 'package.json', line: 5 });
  });

  it('pip: requirements (normalised names, extras, markers), dev files, pyproject and poetry groups', () => {
    expect(dep(facts, 'fastapi')).toMatchObject({
      ecosystem: 'pip',
      path: 'api/requirements.txt',
      line: 2,
      version: '==0.110.0',
      dev: false,
    });
    expect(dep(facts, 'requests')).toMatchObject({ line: 3 });
    expect(dep(facts, 'pytest')).toMatchObject({ dev: true });
    expect(dep(facts, 'django')).toMatchObject({ path: 'svc/pyproject.toml', line: 4, dev: false });
    expect(dep(facts, 'black')).toMatchObject({ path: 'svc/pyproject.toml', line: 8, dev: true });
  });
  it('go modules, with indirect ones marked', () => {
    expect(dep(facts, 'github.com/gin-gonic/gin')).toMatchObject({
      ecosystem: 'go',
      line: 6,
      dev: false,
      direct: true,
    });
    expect(dep(facts, 'golang.org/x/sys')).toMatchObject({ direct: false, via: '// indirect' });
  });
  it('maven and gradle as group:artifact, test scope as dev', () => {
    expect(dep(facts, 'org.springframework.boot:spring-boot-starter-web')).toMatchObject({
      ecosystem: 'maven',
      line: 6,
      dev: false,
    });
    expect(dep(facts, 'org.junit.jupiter:junit-jupiter')).toMatchObject({ dev: true });
    expect(dep(facts, 'io.micrometer:micrometer-registry-prometheus')).toMatchObject({
      ecosystem: 'gradle',
      line: 5,
      dev: false,
    });
    expect(dep(facts, 'io.mockk:mockk')).toMatchObject({ dev: true });
    expect(dep(facts, 'plugin:org.springframework.boot')).toMatchObject({ line: 2 });
  });
  it('gradle map notation (Groovy group:/name:/version:, Kotlin group = …), with lines', () => {
    const map = collectFacts(
      memoryIndex({
        'build.gradle':
          "// see https://docs.gradle.org/current/userguide/dependency_management.html for the notations in use\ndependencies {\n  implementation group: 'org.springframework.boot', name: 'spring-boot-starter-web' // the web starter\n  implementation(group: 'org.springdoc', name: 'springdoc-openapi-starter-webmvc-ui', version: '2.8.0')\n  implementation group: 'ch.qos.logback', name: 'logback-classic', version: logbackVersion\n  testImplementation group: 'io.rest-assured', name: 'rest-assured', version: '5.5.0'\n}\n",
        'lib/build.gradle.kts':
          'dependencies {\n  implementation(group = "io.ktor", name = "ktor-server-core", version = "3.0.0")\n}\n',
      }),
    );
    expect(dep(map, 'org.springframework.boot:spring-boot-starter-web')).toMatchObject({
      ecosystem: 'gradle',
      path: 'build.gradle',
      line: 3,
      dev: false,
    });
    // Lines stay right after `//` comments (they are blanked, not cut).
    expect(dep(map, 'org.springdoc:springdoc-openapi-starter-webmvc-ui')).toMatchObject({ line: 4, version: '2.8.0' });
    expect(dep(map, 'ch.qos.logback:logback-classic')).toMatchObject({ line: 5, dev: false });
    expect(dep(map, 'ch.qos.logback:logback-classic')?.version).toBeUndefined();
    expect(dep(map, 'io.rest-assured:rest-assured')).toMatchObject({ line: 6, dev: true });
    expect(dep(map, 'io.ktor:ktor-server-core')).toMatchObject({
      path: 'lib/build.gradle.kts',
      line: 2,
      version: '3.0.0',
    });
  });
  it('nuget, cargo, composer, bundler', () => {
    expect(dep(facts, 'Serilog.AspNetCore')).toMatchObject({ ecosystem: 'nuget', line: 3 });
    expect(dep(facts, 'axum')).toMatchObject({ ecosystem: 'cargo', line: 5, dev: false });
    expect(dep(facts, 'tokio')).toMatchObject({ line: 6 });
    expect(dep(facts, 'proptest')).toMatchObject({ dev: true, line: 9 });
    expect(dep(facts, 'laravel/framework')).toMatchObject({ ecosystem: 'composer', line: 4 });
    expect(dep(facts, 'php')).toBeUndefined();
    expect(dep(facts, 'rails')).toMatchObject({ ecosystem: 'bundler', line: 2, dev: false });
    expect(dep(facts, 'rspec-rails')).toMatchObject({ dev: true, line: 5 });
  });
  it('web frameworks from every ecosystem, including the ASP.NET Web SDK', () => {
    expect(facts.frameworks.map((f) => f.id)).toEqual([
      'aspnetcore',
      'axum',
      'django',
      'express',
      'fastapi',
      'gin',
      'laravel',
      'rails',
      'spring-boot',
    ]);
  });
  it('findDependencies matches prefixes and case-insensitively', () => {
    expect(facts.findDependencies(['serilog*']).map((d) => d.name)).toEqual(['Serilog.AspNetCore']);
    expect(facts.findDependencies(['rspec-rails'])).toEqual([]);
    expect(facts.findDependencies(['rspec-rails'], { includeDev: true })).toHaveLength(1);
  });
});

describe('malformed manifests are noted, not fatal', () => {
  it('keeps going and marks the manifest', () => {
    const files = memoryIndex({
      'package.json': '{ "name": ',
      'Cargo.toml': '[package\nname=',
      'go.mod': 'module x\n',
    });
    const facts = collectFacts(files);
    expect(facts.manifests.find((m) => m.path === 'package.json')).toMatchObject({ ok: false });
    expect(facts.manifests.find((m) => m.path === 'Cargo.toml')).toMatchObject({ ok: false });
    expect(facts.manifests.find((m) => m.path === 'go.mod')).toMatchObject({ ok: true, name: 'x' });
  });
});

describe('profile', () => {
  const profile = (tree: Record<string, string>, servers = false) => {
    const files = memoryIndex(tree);
    const server = { path: 'main.go', line: 9, snippet: 'http.ListenAndServe(":8080", mux)', groups: [] };
    return completeFacts(files, collectFacts(files), {
      matches: (k) => (servers && k === 'facts:server' ? [server] : []),
    }).profile;
  };
  it('a web framework makes a service, with the reason', () => {
    const p = profile({ 'package.json': '{"dependencies":{"fastify":"4"}}' });
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toContain('Fastify');
  });
  it('a server in the code makes a service', () => {
    expect(profile({ 'go.mod': 'module x\n', 'main.go': 'package main\n' }, true)).toMatchObject({ id: 'service' });
  });
  it('Terraform with little code is infrastructure', () => {
    expect(profile({ 'main.tf': 'resource "x" "y" {}\n', 'scripts/a.py': '' }).id).toBe('infrastructure');
  });
  it('a bin entry or a CLI library makes a cli', () => {
    expect(profile({ 'package.json': '{"name":"t","bin":{"t":"cli.js"}}', 'cli.js': '' }).id).toBe('cli');
    expect(profile({ 'go.mod': 'module x\n\nrequire github.com/spf13/cobra v1.8.0\n', 'main.go': '' }).id).toBe('cli');
  });
  it('a Go module whose root or cmd/<name> package is main is a cli; example mains leave a library', () => {
    const main = 'package main\n\nimport "os"\n\n// main runs the fuzzer.\nfunc main() {\n\tos.Exit(run())\n}\n';
    const fuzzer = {
      'go.mod': 'module example.com/fuzz/v2\n\ngo 1.22\n',
      'main.go': main,
      'help.go': 'package main\n\nfunc usage() {}\n',
      'pkg/fuzz/job.go': 'package fuzz\n\ntype Job struct{}\n',
      '.goreleaser.yml': 'version: 2\nbuilds:\n  - id: fuzz\n    binary: fuzz\n',
    };
    expect(profile(fuzzer)).toEqual({
      id: 'cli',
      detected: true,
      reasons: [
        'Go module go.mod is a program: package main with func main() at main.go:6; .goreleaser.yml builds its binary',
      ],
    });
    const { 'main.go': _m, 'help.go': _h, ...rest } = fuzzer;
    const cmd = profile({ ...rest, '.goreleaser.yml': '', 'cmd/fuzz/main.go': main });
    expect(cmd.id).toBe('cli');
    expect(cmd.reasons[0]).toBe(
      'Go module go.mod builds a command: package main with func main() at cmd/fuzz/main.go:6, and no package of its own at the module root',
    );
    // A library: its package at the root, mains only in examples and _example.
    const lib = profile({
      'go.mod': 'module example.com/retry\n\ngo 1.22\n',
      'retry.go': 'package retry\n\nfunc Do() {}\n',
      'cmd/gen/main.go': main,
      'examples/basic/main.go': main,
      '_example/main.go': main,
    });
    expect(lib.id).toBe('library');
    expect(profile({ 'go.mod': 'module example.com/x\n', 'examples/demo/main.go': main }).id).toBe('library');
  });
  it("a Python package's own console script makes a CLI, cited at its line; a helper script leaves a library", () => {
    const formatter = {
      'pyproject.toml': [
        '[build-system]',
        'requires = ["setuptools"]',
        '',
        '[project]',
        'name = "tidy-py"',
        "classifiers = ['Topic :: Software Development']",
        '',
        '[project.scripts]',
        'tidy-py = "tidy:run_main"',
        '',
      ].join('\n'),
      'tidy/__init__.py': 'def run_main():\n    return 0\n',
    };
    const p = profile(formatter);
    expect(p.id).toBe('cli');
    expect(p.reasons[0]).toBe(
      'Python package tidy-py installs the command tidy-py (pyproject.toml:9: tidy-py = "tidy:run_main")',
    );
    // Named otherwise, but the package says it is a terminal program.
    const console = profile({
      'setup.cfg':
        '[metadata]\nname = pip-helpers\nclassifiers =\n    Environment :: Console\n\n[options.entry_points]\nconsole_scripts =\n    pip-squash = piphelpers.squash:cli\n',
      'piphelpers/squash.py': 'def cli():\n    pass\n',
    });
    expect(console.id).toBe('cli');
    expect(console.reasons[0]).toContain('pip-squash (setup.cfg:8: pip-squash = "piphelpers.squash:cli")');
    expect(console.reasons[0]).toContain('Environment :: Console (setup.cfg:4)');
    // A library whose only script is a maintainers' helper stays a library, and says so.
    const lib = profile({
      'setup.py':
        "from setuptools import setup\nsetup(\n    name='money-math',\n    entry_points={\n        'console_scripts': [\n            'money-math-gen-tables = money_math.gen:main',\n        ],\n    },\n)\n",
      'money_math/gen.py': 'def main():\n    pass\n',
    });
    expect(lib.id).toBe('library');
    expect(lib.reasons[0]).toContain(
      'console script money-math-gen-tables (setup.py:6) is a helper, not named for the package money-math',
    );
  });
  it("a Cargo package's binary target makes a cli (ripgrep's `[[bin]] path`); a library crate with a helper binary stays a library", () => {
    const manifest = (extra: string) =>
      `[package]\nname = "seeker"\nversion = "1.0.0"\n${extra}\n[dependencies]\nregex = "1"\n`;
    const rg = profile({
      'Cargo.toml': manifest(
        'autotests = false\n\n[[bin]]\nbench = false\npath = "crates/core/main.rs"\nname = "sk"\n',
      ),
      'crates/core/main.rs': 'fn main() {\n    std::process::exit(seek::run());\n}\n',
      'crates/search/src/lib.rs': 'pub fn find() {}\n',
    });
    expect(rg).toEqual({
      id: 'cli',
      detected: true,
      reasons: [
        'Cargo package seeker builds the binary sk from crates/core/main.rs (Cargo.toml:6), and no library target',
      ],
    });
    // The default src/main.rs beside src/lib.rs: the binary is named as the package.
    const both = profile({
      'Cargo.toml': manifest(''),
      'src/main.rs': 'fn main() {}\n',
      'src/lib.rs': 'pub fn run() {}\n',
    });
    expect(both.reasons[0]).toBe(
      'Cargo package seeker builds the binary seeker from src/main.rs (Cargo.toml), named as the package',
    );
    // A library whose one binary is a maintainers' generator stays a library.
    const lib = profile({
      'Cargo.toml': manifest('\n[[bin]]\nname = "gen-tables"\npath = "tools/gen.rs"\n'),
      'src/lib.rs': 'pub fn lookup() {}\n',
      'tools/gen.rs': 'fn main() {}\n',
    });
    expect(lib.id).toBe('library');
    // A declared binary whose file is absent builds nothing.
    expect(profile({ 'Cargo.toml': manifest('[[bin]]\nname = "x"\npath = "gone.rs"\n'), 'lib.rs': '' }).id).toBe(
      'library',
    );
  });
  it('examples, docs and comments do not make a library a service or a CLI', () => {
    expect(
      profile({
        'package.json': '{"name":"lib","main":"index.js"}',
        'index.js': '',
        'examples/web/package.json': '{"dependencies":{"express":"4"}}',
      }).id,
    ).toBe('library');
    expect(
      profile({
        'pyproject.toml': '[project]\nname="clicky"\n',
        'examples/tool/pyproject.toml': '[project]\nname="x"\ndependencies=["click"]\n',
      }).id,
    ).toBe('library');
    const files = memoryIndex({ 'package.json': '{"name":"web"}', 'lib/app.js': '' });
    const comment = completeFacts(files, collectFacts(files), {
      matches: (k) =>
        k === 'facts:server'
          ? [{ path: 'lib/app.js', line: 3, snippet: '*    http.createServer(app).listen(80);', groups: [] }]
          : [],
    }).profile;
    expect(comment.id).toBe('library');
  });

  describe('a library built on a web framework', () => {
    const starter = {
      'pom.xml':
        '<project>\n  <modules><module>acme-starter</module></modules>\n  <distributionManagement>\n    <repository><id>central</id></repository>\n  </distributionManagement>\n</project>\n',
      'acme-starter/pom.xml':
        '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
      'acme-starter/src/main/java/acme/AcmeAutoConfiguration.java':
        'package acme;\n@AutoConfiguration\npublic class AcmeAutoConfiguration {}\n',
      'acme-samples/acme-sample-web/src/main/java/demo/DemoApplication.java':
        '@SpringBootApplication\npublic class DemoApplication {\n  public static void main(String[] a) { SpringApplication.run(DemoApplication.class, a); }\n}\n',
      'acme-samples/acme-sample-web/src/main/docker/Dockerfile': 'FROM eclipse-temurin:21\n',
    };
    const withServer = (tree: Record<string, string>, path: string) => {
      const files = memoryIndex(tree);
      const server = { path, line: 3, snippet: 'SpringApplication.run(App.class, args);', groups: [] };
      return completeFacts(files, collectFacts(files), { matches: (k) => (k === 'facts:server' ? [server] : []) })
        .profile;
    };
    it('that publishes jars and starts a server only in its samples is a library', () => {
      const p = withServer(starter, 'acme-samples/acme-sample-web/src/main/java/demo/DemoApplication.java');
      expect(p.id).toBe('library');
      expect(p.reasons[0]).toContain('pom.xml:3: <distributionManagement>');
    });
    it('that starts a Spring Boot application in src/main is a service, published or not', () => {
      const app = {
        ...starter,
        'acme-starter/src/main/java/acme/App.java':
          '@SpringBootApplication\nclass App {\n  SpringApplication.run(App.class, args);\n}\n',
      };
      expect(withServer(app, 'acme-starter/src/main/java/acme/App.java').id).toBe('service');
    });
    it('with its own Dockerfile is a service even without a server start in the code', () => {
      expect(profile({ ...starter, Dockerfile: 'FROM eclipse-temurin:21\n' }).id).toBe('service');
    });
  });

  it("Kotlin's runApplication<App>() starts a server; a pattern's own source text naming it does not", () => {
    const server = PROFILE_PATTERNS.find((p) => p.key === 'facts:server')!.regex;
    expect(server.test('fun main(args: Array<String>) { runApplication<ShopApplication>(*args) }')).toBe(true);
    expect(server.test('regex: /(?:SpringApplication\\.run|runApplication<\\w|grpc\\.NewServer\\()/,')).toBe(false);
  });

  it('a Gradle application embedding Jetty and Jersey, shipped with its own Dockerfile, is a service', () => {
    const build =
      'plugins { id "java" }\ndependencies {\n  implementation "org.eclipse.jetty:jetty-server:12.1.8"\n  implementation "org.glassfish.jersey.containers:jersey-container-servlet:4.0.2"\n}\n';
    const p = profile({
      'build.gradle': build,
      'src/main/java/org/tracker/web/WebServer.java': 'class WebServer {}\n',
      'docker/Dockerfile.alpine': 'FROM eclipse-temurin:21-jre\nCOPY target/tracker.jar /opt/\nEXPOSE 8082\n',
    });
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toMatch(/Jetty|Jersey/);
    expect(
      profile({
        'build.gradle': 'plugins { id "java" }\ndependencies {\n  implementation "com.google.guava:guava:33.0"\n}\n',
      }).id,
    ).toBe('library');
  });

  describe('a server start that is not the product (blind round 23)', () => {
    const withServers = (t: Record<string, string>, servers: Array<[string, number, string]>) => {
      const files = memoryIndex(t);
      return completeFacts(files, collectFacts(files), {
        matches: (k) =>
          k === 'facts:server' ? servers.map(([path, line, snippet]) => ({ path, line, snippet, groups: [] })) : [],
      }).profile;
    };
    const main = 'package main\n\nfunc main() {\n\trun()\n}\n';
    const switcher = {
      'go.mod': 'module example.com/ctxswitch\n\ngo 1.22\n',
      '.goreleaser.yml': 'builds:\n  - id: ctxswitch\n    main: ./cmd/ctxswitch\n',
      'cmd/ctxswitch/main.go': main,
      'internal/guard/proxy.go':
        'package guard\n\nimport "net"\n\n// Start serves a read-only view for the child shell.\nfunc Start() (net.Listener, error) {\n\treturn net.Listen("tcp", "127.0.0.1:0")\n}\n',
    };
    it('a listener on port 0 or on a loopback address of a command is an in-process helper: cli', () => {
      const p = withServers(switcher, [['internal/guard/proxy.go', 7, 'return net.Listen("tcp", "127.0.0.1:0")']]);
      expect(p.id).toBe('cli');
      expect(p.reasons[0]).toContain('cmd/ctxswitch/main.go:3');
      expect(p.reasons[1]).toBe(
        'a server start that does not make a service: internal/guard/proxy.go:7 listens on port 0, a port the system picks',
      );
      const loopback = withServers(switcher, [
        ['internal/guard/proxy.go', 7, 'if err := http.ListenAndServe("localhost:8085", nil); err != nil {'],
      ]);
      expect(loopback.id).toBe('cli');
      expect(loopback.reasons[1]).toContain('internal/guard/proxy.go:7 listens on a loopback address only');
      // Every interface, a fixed port: a service.
      expect(withServers(switcher, [['internal/guard/proxy.go', 7, 'http.ListenAndServe(":8085", nil)']]).id).toBe(
        'service',
      );
    });
    const roots: Record<string, string> = {
      'README.md': '# Platform\n',
      'scripts/user-token/go.mod': 'module example.com/usertoken\n\ngo 1.22\n',
      'scripts/user-token/main.go': main,
      'lambda/notify.py': 'def handler(event, context):\n    return event\n',
    };
    for (let i = 0; i < 12; i++)
      roots[`terraform/layer${i}/main.tf`] =
        `terraform {\n  backend "s3" {\n    key = "layer${i}/terraform.tfstate"\n  }\n}\n\nresource "aws_s3_bucket" "b${i}" {}\n`;
    it('Terraform root configuration with a server only in scripts/ is infrastructure, the listener named', () => {
      const p = withServers(roots, [['scripts/user-token/main.go', 71, 'http.ListenAndServe(":"+port, nil)']]);
      expect(p.id).toBe('infrastructure');
      expect(p.reasons[1]).toBe(
        'a server start that does not make a service: scripts/user-token/main.go:71 sits in maintainer tooling (scripts/)',
      );
    });
    it('a bare listener in a small program beside many more infrastructure files is its helper; a larger program stays a service', () => {
      const { 'scripts/user-token/go.mod': _g, 'scripts/user-token/main.go': _m, ...rest } = roots;
      const helper = { ...rest, 'callback/go.mod': 'module example.com/cb\n', 'callback/main.go': main };
      const p = withServers(helper, [['callback/main.go', 4, 'http.ListenAndServe(":"+port, nil)']]);
      expect(p.id).toBe('infrastructure');
      expect(p.reasons[1]).toContain(
        'callback/main.go:4 is a helper program of 1 source file(s) in callback/ beside 12 infrastructure files',
      );
      const app: Record<string, string> = { ...helper };
      for (const f of ['api.go', 'store.go', 'auth.go']) app[`callback/${f}`] = 'package main\n';
      expect(withServers(app, [['callback/main.go', 4, 'http.ListenAndServe(":"+port, nil)']]).id).toBe('service');
      // A framework run (not a bare listener) is never taken for a helper.
      expect(withServers(helper, [['callback/main.go', 4, 'uvicorn.run(app, host="0.0.0.0")']]).id).toBe('service');
    });
  });

  describe("a terminal program with an optional listener (round 9: a fuzzy finder's --listen socket)", () => {
    const tree = {
      'go.mod':
        'module example.com/picker\n\nrequire (\n\tgithub.com/gdamore/tcell/v2 v2.9.0\n\tgolang.org/x/term v0.34.0\n)\n',
      'main.go':
        'package main\n\nimport picker "example.com/picker/src"\n\nfunc main() { picker.Run(picker.ParseOptions()) }\n',
      'src/remote.go':
        'package picker\n\nfunc startListener(addr string) {\n\tif addr == "" {\n\t\treturn\n\t}\n\tl, _ := net.Listen("tcp", addr)\n\t_ = l\n}\n',
    };
    const withListener = (t: Record<string, string>, path: string, line: number, snippet: string) => {
      const files = memoryIndex(t);
      return completeFacts(files, collectFacts(files), {
        matches: (k) => (k === 'facts:server' ? [{ path, line, snippet, groups: [] }] : []),
      }).profile;
    };
    it('is a cli: the listener sits outside the entry point of a terminal-UI program', () => {
      const p = withListener(tree, 'src/remote.go', 7, 'l, _ := net.Listen("tcp", addr)');
      expect(p.id).toBe('cli');
      expect(p.reasons[0]).toContain('github.com/gdamore/tcell/v2 at go.mod:4');
      expect(p.reasons[0]).toContain('src/remote.go:7');
    });
    it('stays a service when the main itself listens, or without a terminal UI library', () => {
      const serving = { ...tree, 'main.go': 'package main\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n' };
      expect(withListener(serving, 'main.go', 4, 'http.ListenAndServe(":8080", nil)').id).toBe('service');
      const plain = { ...tree, 'go.mod': 'module example.com/picker\n' };
      expect(withListener(plain, 'src/remote.go', 7, 'l, _ := net.Listen("tcp", addr)').id).toBe('service');
    });
  });

  describe('a published Java library with a CLI only in a test suite or a tool module (round 9)', () => {
    const lib = {
      'settings.gradle.kts': 'include("cache", "adapter", "simulator")\n',
      'build.gradle.kts': 'plugins { id("base") }\n',
      'buildSrc/src/main/kotlin/publish.conventions.gradle.kts': 'plugins {\n  `maven-publish`\n  signing\n}\n',
      'cache/build.gradle.kts':
        'plugins {\n  id("publish.conventions")\n}\ndependencies {\n  api("org.jspecify:jspecify:1.0.0")\n}\ntesting.suites {\n  named<JvmTestSuite>("test") {\n    dependencies {\n      implementation("info.picocli:picocli:4.7.7")\n    }\n  }\n}\n',
      'adapter/build.gradle.kts':
        'plugins {\n  id("publish.conventions")\n}\ndependencies {\n  api(project(":cache"))\n}\n',
    };
    it('a dependency inside testing.suites is a test dependency', () => {
      const facts = collectFacts(memoryIndex(lib));
      expect(dep(facts, 'info.picocli:picocli')).toMatchObject({ path: 'cache/build.gradle.kts', line: 10, dev: true });
      expect(dep(facts, 'org.jspecify:jspecify')).toMatchObject({ dev: false });
      expect(profile(lib).id).toBe('library');
    });
    it('a CLI in one tool module beside published library modules leaves the repository a library', () => {
      const p = profile({
        ...lib,
        'simulator/build.gradle.kts':
          'plugins {\n  id("application")\n}\ndependencies {\n  implementation("info.picocli:picocli:4.7.7")\n}\n',
      });
      expect(p.id).toBe('library');
      expect(p.reasons[0]).toContain('buildSrc/src/main/kotlin/publish.conventions.gradle.kts:2');
      expect(p.reasons[0]).toContain('simulator/build.gradle.kts:5');
    });
    it('a CLI module without any publishing stays a cli', () => {
      const p = profile({
        'settings.gradle.kts': 'include("core", "cli")\n',
        'core/build.gradle.kts': 'dependencies {\n  api("org.jspecify:jspecify:1.0.0")\n}\n',
        'cli/build.gradle.kts':
          'plugins {\n  id("application")\n}\ndependencies {\n  implementation("info.picocli:picocli:4.7.7")\n}\n',
      });
      expect(p.id).toBe('cli');
    });
  });

  it('a product image that EXPOSEs a port is a service even when no framework is named (plain PHP under Apache)', () => {
    const php = {
      'composer.json': '{"name":"acme/reader","type":"project","require":{"php":">=8.1"}}\n',
      'p/index.php': '<?php\nrequire __DIR__ . "/../app/boot.php";\n',
      'app/boot.php': '<?php\n',
    };
    const p = profile({
      ...php,
      'Docker/Dockerfile-Alpine':
        'FROM alpine:3.20\nRUN apk add apache2 php-apache2\nEXPOSE 80\nCMD ["httpd", "-D", "FOREGROUND"]\n',
    });
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toContain('Docker/Dockerfile-Alpine:3: EXPOSE 80');
    expect(profile({ ...php, 'Docker/Dockerfile': 'FROM alpine:3.20\nCMD ["php", "cli.php"]\n' }).id).toBe('library');
    expect(profile({ ...php, 'examples/web/Dockerfile': 'FROM php:8-apache\nEXPOSE 80\n' }).id).toBe('library');
    expect(profile({ ...php, '.devcontainer/Dockerfile': 'FROM php:8-apache\nEXPOSE 80\n' }).id).toBe('library');
  });

  it('a command-line library another package pulls in does not make a CLI', () => {
    expect(
      profile({
        'requirements.in': 'jinja2\n',
        'requirements.txt': 'click==8.1.7\n    # via flask-extras\njinja2==3.1.4\n    # via -r requirements.in\n',
        'lib/render.py': 'import jinja2\n',
      }).id,
    ).toBe('library');
  });

  it("a .NET test project's testing package is not the service's framework: the Web SDK is", () => {
    const p = profile({
      'Todo.Api/Todo.Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n</Project>\n',
      'Todo.Api.Tests/Todo.Api.Tests.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.AspNetCore.Mvc.Testing" Version="9.0.0" />\n  </ItemGroup>\n</Project>\n',
    });
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toContain('Todo.Api/Todo.Api.csproj:1');
  });

  describe('a .NET library whose only web project is a test app (blind round 14)', () => {
    const lib = {
      'Directory.Build.props':
        '<Project>\n  <PropertyGroup>\n    <IsPackable>true</IsPackable>\n  </PropertyGroup>\n</Project>\n',
      'src/Acme.Cache/Acme.Cache.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <PackageId>Acme.Cache</PackageId>\n  </PropertyGroup>\n</Project>\n',
      'src/Acme.Cache/Cache.cs': 'namespace Acme.Cache;\npublic sealed class Cache {}\n',
      'src/Acme.Cache.AspNetCore/Acme.Cache.AspNetCore.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <FrameworkReference Include="Microsoft.AspNetCore.App" />\n  </ItemGroup>\n</Project>\n',
      'tests/WebAppTest/WebAppTest.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n</Project>\n',
      'tests/WebAppTest/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Build().Run();\n',
      'samples/Acme.Cache.Demo/Acme.Cache.Demo.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="9.0.0" />\n  </ItemGroup>\n</Project>\n',
      'DemoWeb/DemoWeb.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n</Project>\n',
    };
    it('the Web SDK of a test, sample or demo project is not the framework of the product: a library', () => {
      const facts = collectFacts(memoryIndex(lib));
      expect(facts.frameworks).toEqual([]);
      const p = profile(lib);
      expect(p.id).toBe('library');
      expect(p.reasons[0]).toContain('(the ASP.NET Core host DemoWeb/DemoWeb.csproj:1 is one)');
    });
    it('a Web SDK host among the product projects stays the service, cited by its project file', () => {
      const p = profile({
        ...lib,
        'src/Acme.Api/Acme.Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n</Project>\n',
      });
      expect(p.id).toBe('service');
      expect(p.reasons[0]).toContain('src/Acme.Api/Acme.Api.csproj:1');
    });
  });

  describe('a .NET gateway library whose acceptance tests host it (blind round 22)', () => {
    const gateway = {
      'src/Gateway.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <PackageId>Gateway</PackageId>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Microsoft.AspNetCore.MiddlewareAnalysis" Version="8.0.0" />\n  </ItemGroup>\n</Project>\n',
      'src/Middleware/ProxyMiddleware.cs': 'namespace Gateway;\npublic sealed class ProxyMiddleware {}\n',
      'acceptance/Gateway.Acceptance.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.0.0" />\n    <PackageReference Include="Microsoft.AspNetCore.TestHost" Version="8.0.0" />\n  </ItemGroup>\n</Project>\n',
      'acceptance/Steps.cs':
        'namespace Gateway.Acceptance;\npublic class Steps {\n  public void Start() {\n    var builder = WebApplication.CreateBuilder();\n    builder.Build().Run();\n  }\n}\n',
    };
    it('a test project (by what it references) and a class library extending ASP.NET Core make no service', () => {
      const facts = collectFacts(memoryIndex(gateway));
      expect(facts.frameworks).toEqual([]);
      const p = profile(gateway);
      expect(p.id).toBe('library');
      expect(p.reasons[0]).toContain('package manifest src/Gateway.csproj');
    });
    it('an executable project that hosts ASP.NET Core is the service', () => {
      const p = profile({
        ...gateway,
        'host/Gateway.Host.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Microsoft.AspNetCore.Hosting" Version="2.2.0" />\n  </ItemGroup>\n</Project>\n',
        'host/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Build().Run();\n',
      });
      expect(p.id).toBe('service');
    });
  });

  it('a manifest without any of those is a library; docs only is docs', () => {
    expect(profile({ 'pyproject.toml': '[project]\nname="lib"\n', 'lib/__init__.py': '' }).id).toBe('library');
    expect(profile({ 'README.md': '# handbook\n', 'docs/a.md': 'x' }).id).toBe('docs');
  });
});

describe("a team's shared version catalogue published as an artefact", () => {
  const settings =
    'dependencyResolutionManagement {\n  versionCatalogs {\n    create("libs") {\n      from("org.example.payments:pay-version-catalog:20260101.1")\n    }\n  }\n}\n';
  const build = 'dependencies {\n  implementation(libs.kotlin.logging)\n  implementation(libs.ktor.server.netty)\n}\n';
  it("keeps its accessors as written instead of inventing coordinates in the catalogue's group", () => {
    const facts = collectFacts(memoryIndex({ 'settings.gradle.kts': settings, 'build.gradle.kts': build }));
    const names = facts.dependencies.filter((d) => d.path === 'build.gradle.kts').map((d) => d.name);
    expect(names).toEqual(['libs.kotlin.logging', 'libs.ktor.server.netty']);
    expect(names.some((n) => n.startsWith('org.example.payments:'))).toBe(false);
  });
});

describe('a Ktor service whose dependencies come from version catalogues (round 12)', () => {
  const settings =
    'rootProject.name = "conduit"\ndependencyResolutionManagement {\n  versionCatalogs {\n    create("ktorLibs").from("io.ktor:ktor-version-catalog:3.1.0")\n    create("tools") { from(files("gradle/tools.versions.toml")) }\n  }\n}\n';
  const toml =
    '[versions]\nktor = "3.1.0"\n\n[libraries]\nlogback-classic = { module = "ch.qos.logback:logback-classic", version = "1.5.0" }\ncohort-ktor = "com.sksamuel.cohort:cohort-ktor:2.5.0"\ncohort-hikari = "com.sksamuel.cohort:cohort-hikari:2.5.0"\n\n[bundles]\ncohort = ["cohort-ktor", "cohort-hikari"]\n\n[plugins]\nkover = { id = "org.jetbrains.kotlinx.kover", version = "0.9.1" }\nktor = { id = "io.ktor.plugin", version.ref = "ktor" }\n';
  const build =
    'plugins {\n  application\n  alias(libs.plugins.kover)\n  alias(libs.plugins.ktor)\n}\n\napplication {\n  mainClass = "org.example.conduit.MainKt"\n}\n\ndependencies {\n  implementation(libs.logback.classic)\n  implementation(libs.bundles.cohort)\n  implementation(ktorLibs.server.netty)\n  implementation(ktorLibs.server.contentNegotiation)\n  implementation(tools.slugify)\n  implementation(compose.runtime)\n  testImplementation(ktorLibs.server.testHost)\n}\n';
  const tree = {
    'settings.gradle.kts': settings,
    'gradle/libs.versions.toml': toml,
    'gradle/tools.versions.toml': '[libraries]\nslugify = "com.github.slugify:slugify:3.0.6"\n',
    'build.gradle.kts': build,
    'src/main/kotlin/org/example/conduit/Main.kt': 'package org.example.conduit\n\nfun main() {}\n',
  };

  it('accessors of every catalogue resolve to coordinates: toml entries, bundles, plugins, an external catalogue by its artefact', () => {
    const facts = collectFacts(memoryIndex(tree));
    const at = (name: string) => facts.dependencies.filter((d) => d.name === name && d.path === 'build.gradle.kts');
    expect(at('io.ktor:ktor-server-netty')).toMatchObject([{ line: 14, dev: false, direct: true }]);
    expect(at('io.ktor:ktor-server-content-negotiation')).toMatchObject([{ line: 15 }]);
    expect(at('io.ktor:ktor-server-test-host')).toMatchObject([{ line: 18, dev: true }]);
    expect(at('ch.qos.logback:logback-classic')).toMatchObject([{ line: 12 }]);
    expect(at('com.sksamuel.cohort:cohort-ktor')).toMatchObject([{ line: 13 }]);
    expect(at('com.sksamuel.cohort:cohort-hikari')).toMatchObject([{ line: 13 }]);
    expect(at('com.github.slugify:slugify')).toMatchObject([{ line: 16 }]);
    expect(at('plugin:org.jetbrains.kotlinx.kover')).toMatchObject([{ line: 3, dev: true }]);
    expect(at('plugin:io.ktor.plugin')).toMatchObject([{ line: 4 }]);
    // `compose.runtime` is no catalogue's accessor: not a dependency.
    expect(facts.dependencies.some((d) => d.name.startsWith('compose.'))).toBe(false);
    expect(facts.frameworks.map((f) => `${f.id} ${f.evidence.path}:${f.evidence.line}`)).toEqual([
      'ktor build.gradle.kts:14',
    ]);
    const files = memoryIndex(tree);
    const p = completeFacts(files, collectFacts(files), { matches: () => [] }).profile;
    expect(p).toMatchObject({ id: 'service', reasons: ['web framework Ktor (build.gradle.kts:14)'] });
  });

  it('Groovy build scripts reference catalogue entries without parentheses', () => {
    const facts = collectFacts(
      memoryIndex({
        'gradle/libs.versions.toml': '[libraries]\njavalin = "io.javalin:javalin:6.3.0"\n',
        'app/build.gradle':
          "plugins { id 'application' }\ndependencies {\n    implementation libs.javalin\n    testImplementation project(':core')\n}\n",
      }),
    );
    expect(
      facts.dependencies.filter((d) => d.path === 'app/build.gradle' && !d.name.startsWith('plugin:')),
    ).toMatchObject([{ name: 'io.javalin:javalin', line: 3, dev: false }]);
    expect(facts.frameworks.map((f) => f.id)).toEqual(['javalin']);
  });

  it('unresolved declarations: main code importing io.ktor.server plus an application main class make a service; without the main class, a library', () => {
    const unresolved = {
      'build.gradle.kts':
        'plugins {\n  application\n  id("org.jetbrains.kotlin.jvm") version "2.1.0"\n}\n\napplication {\n  mainClass.set("org.conduit.MainKt")\n}\n\ndependencies {\n  implementation(deps.ktorServer)\n}\n',
      'src/main/kotlin/org/conduit/Main.kt':
        'package org.conduit\n\nimport io.ktor.server.application.*\nimport io.ktor.server.routing.*\n\nfun main() {}\n',
      'src/test/kotlin/org/conduit/MainTest.kt': 'import io.ktor.server.testing.*\n',
    };
    const regex = PROFILE_PATTERNS.find((x) => x.key === 'facts:jvm-web-import')!.regex;
    const scan = (tree: Record<string, string>) => (k: string) =>
      k !== 'facts:jvm-web-import'
        ? []
        : Object.entries(tree).flatMap(([path, text]) => {
            const m = regex.exec(text);
            if (!m || !/\.kt$/.test(path)) return [];
            return [{ path, line: text.slice(0, m.index).split('\n').length, snippet: m[0].trim(), groups: [] }];
          });
    const profileOf = (t: Record<string, string>) => {
      const files = memoryIndex(t);
      return completeFacts(files, collectFacts(files), { matches: scan(t) }).profile;
    };
    expect(profileOf(unresolved)).toMatchObject({
      id: 'service',
      reasons: [
        'web framework Ktor imported by main code (src/main/kotlin/org/conduit/Main.kt:3: import io.ktor.server.) of an application with a main class (build.gradle.kts:7: mainClass.set("org.conduit.MainKt"))',
      ],
    });
    const library = {
      ...unresolved,
      'build.gradle.kts': 'plugins { `java-library` }\ndependencies {\n  api(deps.ktorServer)\n}\n',
    };
    expect(profileOf(library).id).toBe('library');
    // Only a test imports the framework: not the product's server.
    const testOnly = { ...unresolved, 'src/main/kotlin/org/conduit/Main.kt': 'package org.conduit\nfun main() {}\n' };
    expect(profileOf(testOnly).id).toBe('library');
  });

  it('embeddedServer(Netty, …) is a server start', () => {
    const server = PROFILE_PATTERNS.find((p) => p.key === 'facts:server')!.regex;
    expect(server.test('    embeddedServer(Netty, port = 8080, module = Application::module).start(wait = true)')).toBe(
      true,
    );
  });
});

describe('an npm package with a side command (round 12)', () => {
  const profile = (tree: Record<string, string>) => {
    const files = memoryIndex(tree);
    return completeFacts(files, collectFacts(files), { matches: () => [] }).profile;
  };
  const pkg = (extra: string) =>
    `{\n  "name": "tinyid",\n  "version": "2.0.0",\n${extra}  "bin": {\n    "tinyid": "./dist/bin/tinyid.js"\n  }\n}\n`;
  const readme =
    "# tinyid\n\nShort random ids.\n\n```js\nimport { tinyid } from 'tinyid';\ntinyid();\n```\n\n```js\nconst { parse } = require('tinyid');\n```\n\n## Command line\n\n```\n$ npx tinyid\n```\n";

  it('exports and types, a README that imports it more than it runs the command: a library, every signal cited', () => {
    const p = profile({
      'package.json': pkg('  "exports": {\n    ".": "./dist/index.js"\n  },\n  "types": "./dist/index.d.ts",\n'),
      'README.md': readme,
      'src/index.ts': 'export const tinyid = () => "x";\n',
    });
    expect(p).toMatchObject({
      id: 'library',
      reasons: [
        'an npm library: package.json:4 declares "exports" and README.md:6 shows it imported (2 import(s) of tinyid in the README against 1 run(s) of the command); "bin" (package.json:8: tinyid) is a side tool',
      ],
    });
  });

  it('a README and package.json of many blank lines are read in one pass, each signal cited at its own line', () => {
    const blanks = '\n'.repeat(300_000);
    const p = profile({
      'package.json': pkg('  "exports": {\n    ".": "./dist/index.js"\n  },\n').replace('{\n', `{\n${blanks}`),
      'README.md': readme.replace('# tinyid\n', `# tinyid\n${blanks}`),
      'src/index.ts': 'export const tinyid = () => "x";\n',
    });
    expect(p.reasons).toEqual([
      'an npm library: package.json:300004 declares "exports" and README.md:300006 shows it imported (2 import(s) of tinyid in the README against 1 run(s) of the command); "bin" (package.json:300007: tinyid) is a side tool',
    ]);
  });

  it('no declared API, or a README about running the command: a command-line tool', () => {
    expect(profile({ 'package.json': pkg(''), 'README.md': readme, 'src/cli.ts': '' }).id).toBe('cli');
    const cliReadme =
      '# tinyid\n\n```\n$ npx tinyid\n$ tinyid --count 3\n```\n\n```js\nimport { tinyid } from "tinyid";\n```\n';
    expect(
      profile({ 'package.json': pkg('  "types": "./dist/index.d.ts",\n'), 'README.md': cliReadme, 'src/cli.ts': '' })
        .id,
    ).toBe('cli');
  });
});
