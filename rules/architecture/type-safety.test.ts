import rule from './type-safety.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

/** A bundler's one-line output, as `php artisan filament:assets` publishes it. */
const minified = (name: string) =>
  `(()=>{var ${name}=({livewireId:e})=>({init(){window.addEventListener("sync-${name}",t=>{t.detail.id===e&&this.sync(t.detail)})},${'sync(t){this.state=t.state??null,this.open=!!t.open,this.items=Array.from(t.items??[]).map(i=>({...i,key:String(i.id)}))},'.repeat(6)}});document.addEventListener("alpine:init",()=>{window.Alpine.data("${name}",${name})});})();\n`;

/** A Django app of 20 modules in a package `shelf`, two of them in shelf/connectors/. */
const shelfApp = Object.fromEntries([
  ...Array.from({ length: 18 }, (_, i) => [`shelf/views/v${i}.py`, `def view${i}(request):\n    return None\n`]),
  ...Array.from({ length: 2 }, (_, i) => [
    `shelf/connectors/c${i}.py`,
    `def fetch${i}(url: str) -> str:\n    return url\n`,
  ]),
  ['manage.py', 'import sys\n'],
]);

const laravel = {
  'composer.json': '{"require": {"laravel/framework": "^12.0", "filament/filament": "^4.0"}}',
  artisan: '#!/usr/bin/env php\n<?php\n',
  'phpstan.neon': 'parameters:\n    level: 9\n    paths: [app]\n',
  ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`app/Models/M${i}.php`, '<?php\n\nclass M {}\n'])),
  ...Object.fromEntries(
    ['actions/actions', 'forms/components/select', 'forms/components/textarea', 'tables/tables'].map((n) => [
      `public/js/filament/${n}.js`,
      minified(n.replace(/\W/g, '_')),
    ]),
  ),
};

ruleTester(rule, {
  valid: [
    {
      name: 'mypy strict with errors ignored only in a module of generated code stays strict',
      tree: {
        ...shelfApp,
        'pyproject.toml':
          '[tool.mypy]\nstrict = true\n\n[[tool.mypy.overrides]]\nmodule = "shelf.migrations.*"\nignore_errors = true\n',
      },
      expect: { outcome: 'pass', message: 'Python (strict type checking)' },
    },
    {
      name: 'minified framework assets published into public/ (filament:assets) are not the project’s JavaScript',
      tree: laravel,
      expect: {
        outcome: 'pass',
        message: 'PHP',
        absent: ['JavaScript (untyped)', 'public/js/filament'],
        evidence: [{ path: 'phpstan.neon', line: 2 }],
      },
    },
    {
      name: 'plotting scripts in Python under scripts/ beside a Rust CLI are tooling: the product is judged',
      tree: {
        'Cargo.toml': '[package]\nname = "bench"\nversion = "1.0.0"\n',
        ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`src/m${i}.rs`, 'pub fn f() {}\n'])),
        ...Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`scripts/plot_${i}.py`, 'import json\nprint(1)\n'])),
      },
      expect: {
        outcome: 'pass',
        message: 'Type checked: Rust (statically typed). Python helper scripts (scripts/) are tooling, not judged.',
        data: { helperScripts: ['Python'] },
      },
    },
    {
      name: 'mypy strict = true under [tool.mypy], after a pytest section, passes',
      tree: {
        'pyproject.toml': '[tool.pytest.ini_options]\nxfail_strict = true\n\n[tool.mypy]\nstrict = true\n',
        'src/records/__init__.py': 'x = 1\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'pyproject.toml', line: 5, note: 'strict Python type checking' }] },
    },
    {
      name: 'a Terraform module with typed input variables is typed; its one Python helper is a sliver that does not decide',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "google_sql_database_instance" "default" {\n  name = var.name\n}\n',
        'variables.tf':
          'variable "name" {\n  type = string\n}\n\nvariable "tier" {\n  type = string\n  validation {\n    condition = length(var.tier) > 0\n    error_message = "tier"\n  }\n}\n',
        'outputs.tf': 'output "name" {\n  value = google_sql_database_instance.default.name\n}\n',
        'modules/replica/main.tf': 'variable "zones" {\n  type = list(string)\n}\n',
        ...Object.fromEntries(
          Array.from({ length: 20 }, (_, i) => [`modules/m${i}/outputs.tf`, 'output "x" {\n  value = 1\n}\n']),
        ),
        'helpers/migrate.py': 'print("migrate")\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Terraform (3 of 3 input variables typed)',
        evidence: [{ path: 'variables.tf', note: 'Terraform: 3 of 3 input variables declare a type' }],
      },
    },
    {
      name: 'a Fastify service extending the fastify-tsconfig preset (which sets strict) passes',
      tree: {
        'package.json': '{"name":"api","devDependencies":{"fastify-tsconfig":"^3.0.0"}}\n',
        'tsconfig.json': '{\n  "extends": "fastify-tsconfig",\n  "compilerOptions": { "outDir": "dist" }\n}\n',
        'src/app.ts': 'export const app = 1;\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'tsconfig.json', line: 2, note: 'TypeScript strict mode (extends fastify-tsconfig)' }],
      },
    },
    {
      name: 'a strict package extending a shared base config passes (TypeScript monorepo)',
      tree: {
        'tsconfig.base.json': '{\n  "compilerOptions": {\n    "strict": true\n  }\n}\n',
        'packages/api/tsconfig.json': '{\n  "extends": "../../tsconfig.base.json"\n}\n',
        'packages/api/src/index.ts': 'export const x = 1;\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'packages/api/tsconfig.json' }] },
    },
    {
      name: "an AI assistant's skill scripts (.claude/skills/, .codex/) are no product code: a Java library is not 'weak: Python' (round 9)",
      profile: 'library',
      tree: {
        'build.gradle.kts': 'plugins {\n  `java-library`\n}\n',
        ...Object.fromEntries(
          Array.from({ length: 6 }, (_, i) => [
            `cache/src/main/java/org/acme/cache/Node${i}.java`,
            'final class Node {}\n',
          ]),
        ),
        ...Object.fromEntries(
          Array.from({ length: 8 }, (_, i) => [
            `.claude/skills/audit-walk/audit_${i}.py`,
            'import sys\nprint(sys.argv)\n',
          ]),
        ),
        '.codex/tools/review.py': 'print("review")\n',
      },
      expect: {
        outcome: 'pass',
        score: 1,
        message: 'Type checked: Kotlin (statically typed) and Java (statically typed).',
        evidence: [{ path: 'cache/src/main/java/org/acme/cache/Node0.java', note: '6 Java file(s)' }],
      },
    },
    {
      name: "a Java service's k6 and Locust load scripts are not its code: no 'weak: JavaScript' (round 18)",
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <parent><artifactId>spring-boot-starter-parent</artifactId></parent>\n  <dependencies>\n    <dependency><artifactId>spring-boot-starter-web</artifactId></dependency>\n    <dependency><artifactId>spring-boot-starter-data-mongodb</artifactId></dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/org/acme/people/PeopleApp.java':
          'package org.acme.people;\n\n@SpringBootApplication\npublic class PeopleApp {\n  public static void main(String[] args) {\n    SpringApplication.run(PeopleApp.class, args);\n  }\n}\n',
        'src/main/java/org/acme/people/PersonController.java':
          'package org.acme.people;\n\n@RestController\nclass PersonController {\n  @PostMapping("/people")\n  Person add(@RequestBody Person p) { return repo.save(p); }\n}\n',
        'k8s/load-tests.js':
          "import http from 'k6/http';\nimport { check } from 'k6';\n\nexport default function () {\n  const res = http.post(`http://localhost:8080/people`, payload, params);\n  check(res, { ok: (r) => r.status === 200 });\n}\n",
        'ops/smoke.js':
          "import http from 'k6/http';\n\nexport default function () {\n  http.get('https://staging.acme.test/people');\n}\n",
        'scripts/crowd.py':
          'from locust import HttpUser, task\n\n\nclass People(HttpUser):\n    @task\n    def list(self):\n        self.client.get(url)\n        requests.get("http://localhost:8080/people")\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Type checked: Java (statically typed).',
        evidence: [{ path: 'src/main/java/org/acme/people/PeopleApp.java' }],
        absent: ['JavaScript (', 'Python (', 'k8s/load-tests.js', 'ops/smoke.js', 'scripts/crowd.py'],
      },
    },
    {
      name: 'a Go service is statically typed',
      tree: {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n',
        'cmd/api/main.go': 'package main\n',
        'internal/store/store.go': 'package store\n',
      },
      expect: { outcome: 'pass', message: 'Go (statically typed)', evidence: [{ path: 'cmd/api/main.go' }] },
    },
    {
      name: 'TypeScript with strict mode passes and cites the line',
      tree: {
        'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true\n  }\n}\n',
        'src/index.ts': 'export const a = 1;\n',
        'eslint.config.js': 'export default [];\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'tsconfig.json', line: 3 }] },
    },
    {
      name: 'a references-only root tsconfig is no verdict: the Vue app config extending @vue/tsconfig (strict) decides',
      tree: {
        'web/tsconfig.json':
          '{\n  "files": [],\n  "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }],\n  "compilerOptions": { "module": "NodeNext" }\n}\n',
        'web/tsconfig.app.json': '{\n  "extends": "@vue/tsconfig/tsconfig.dom.json",\n  "include": ["src/**/*"]\n}\n',
        'web/src/main.ts': 'export const app = 1;\n',
        'web/src/store.ts': 'export const store = 2;\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'web/tsconfig.app.json', line: 2 }] },
    },
    {
      name: 'Python with mypy strict in pyproject passes',
      tree: {
        'pyproject.toml': '[project]\nname = "svc"\n\n[tool.mypy]\nstrict = true\n',
        'svc/app.py': 'x: int = 1\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'pyproject.toml', line: 5 }] },
    },
    {
      name: 'PHP with PHPStan at level max passes',
      tree: { 'phpstan.neon': 'parameters:\n    level: max\n    paths: [src]\n', 'src/Kernel.php': '<?php\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'phpstan.neon', line: 2 }] },
    },
    {
      name: 'Python: mypy.ini is not strict, but CI runs mypy --strict: strictness on the command line counts',
      tree: {
        'hc/app.py': 'def f(x: int) -> int:\n    return x\n',
        'mypy.ini': '[mypy]\nexclude = tests\n',
        '.github/workflows/mypy.yml':
          'on: push\njobs:\n  main:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mypy --strict --show-traceback hc\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: '.github/workflows/mypy.yml',
            line: 6,
            note: 'job main runs mypy --strict: .github/workflows/mypy.yml:6 → mypy',
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'mypy strict, but an override ignores the errors of the whole app package (reported again for one subpackage)',
      tree: {
        ...shelfApp,
        'pyproject.toml':
          '[project]\nname = "shelf"\n\n[tool.mypy]\nstrict = true\n\n[[tool.mypy.overrides]]\nignore_errors = true\n\nmodule = "shelf.*"\n\n[[tool.mypy.overrides]]\nignore_errors = false\nmodule = [\n    "shelf.connectors.*",\n]\n',
      },
      expect: {
        outcome: 'partial',
        message:
          'Python (strict, but mypy ignores the errors of shelf.* (18 of 21 files), reported again only for shelf.connectors.*)',
        evidence: [
          { path: 'pyproject.toml', line: 5, note: 'strict Python type checking' },
          { path: 'pyproject.toml', line: 8, note: 'ignore_errors = true for shelf.*' },
        ],
      },
    },
    {
      name: 'setup.cfg: [mypy] strict with [mypy-shelf.*] ignore_errors',
      tree: {
        ...shelfApp,
        'setup.cfg': '[mypy]\nstrict = True\n\n[mypy-shelf.*]\nignore_errors = True\n',
      },
      expect: {
        outcome: 'partial',
        message: 'strict, but mypy ignores the errors of shelf.* (20 of 21 files)',
        evidence: [{ path: 'setup.cfg', line: 5, note: 'ignore_errors = true for shelf.*' }],
      },
    },
    {
      name: 'a hand-written script in public/ beside published minified assets is the project’s JavaScript',
      tree: {
        ...laravel,
        ...Object.fromEntries(
          Array.from({ length: 3 }, (_, i) => [
            `public/js/widgets/w${i}.js`,
            "document.addEventListener('DOMContentLoaded', () => {\n  const el = document.querySelector('#chart');\n  if (el) el.dataset.ready = 'true';\n});\n",
          ]),
        ),
      },
      expect: {
        outcome: 'partial',
        message: 'JavaScript (untyped)',
        evidence: [{ path: 'public/js/widgets/w0.js', note: '3 JavaScript file(s)' }],
        absent: ['public/js/filament'],
      },
    },
    {
      name: 'behind a references-only root, a referenced project inheriting from an unknown package is not claimed lax or strict',
      tree: {
        'web/tsconfig.json':
          '{\n  "files": [],\n  "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }],\n  "compilerOptions": { "module": "NodeNext" }\n}\n',
        'web/tsconfig.app.json': '{\n  "extends": "@acme/tsconfig-base",\n  "include": ["src/**/*"]\n}\n',
        'web/src/main.ts': 'export const app = 1;\n',
      },
      expect: {
        outcome: 'partial',
        message: 'TypeScript (inherits from @acme/tsconfig-base; strictness not visible)',
        evidence: [
          { path: 'web/tsconfig.app.json', line: 2, note: 'inherits from @acme/tsconfig-base; strictness not visible' },
        ],
      },
    },
    {
      name: 'typed Terraform beside an application is deployment config: it does not type the JavaScript',
      profile: 'service',
      tree: {
        'package.json': '{"name":"api"}\n',
        'src/app.js': 'module.exports = 1;\n',
        'src/db.js': 'module.exports = 2;\n',
        'infra/variables.tf': 'variable "region" {\n  type = string\n}\n',
      },
      expect: { outcome: 'fail', message: 'JavaScript (untyped)' },
    },
    {
      name: 'a monorepo is judged per package: a strict client does not make a server with noImplicitAny: false strict',
      tree: {
        'client/tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true\n  }\n}\n',
        'client/src/main.ts': 'export const a = 1;\n',
        'server/tsconfig.json':
          '{\n  "compilerOptions": {\n    "strictNullChecks": true,\n    "noImplicitAny": false\n  }\n}\n',
        'server/tsconfig.build.json': '{\n  "extends": "./tsconfig.json"\n}\n',
        'server/src/main.ts': 'export const b = 1;\n',
        'server/src/app.ts': 'export const c = 1;\n',
        'server/src/db.ts': 'export const d = 1;\n',
      },
      expect: {
        outcome: 'partial',
        score: [0.69, 0.71],
        message: ['strict in client/tsconfig.json', 'server/tsconfig.json ("noImplicitAny": false)'],
        evidence: [{ path: 'server/tsconfig.json', line: 4, note: 'not strict: "noImplicitAny": false' }],
      },
    },
    {
      name: 'untyped Terraform variables are not typed; mypy evidence cites [tool.mypy], not an inline table',
      profile: 'infrastructure',
      tree: {
        'variables.tf': 'variable "name" {}\nvariable "tier" {}\n',
        'main.tf': 'resource "null_resource" "x" {}\n',
        'pyproject.toml':
          '[project]\nname = "x"\nauthors = [\n  { name = "A", email = "a@example.com" },\n]\n\n[tool.mypy]\nignore_missing_imports = true\n',
        'src/x/__init__.py': 'x = 1\n',
        'src/x/a.py': 'a = 1\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Terraform (0 of 2 input variables typed)',
        evidence: [
          { path: 'variables.tf', line: 1, note: 'variable "name" has no type' },
          { path: 'pyproject.toml', line: 7 },
        ],
      },
    },
    {
      name: 'TypeScript without strict is partial',
      tree: {
        'tsconfig.json': '{\n  "compilerOptions": {\n    "target": "es2022"\n  }\n}\n',
        'src/index.ts': 'export const a = 1;\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'TypeScript (not strict)',
        evidence: [{ path: 'tsconfig.json', line: 2 }],
      },
    },
    {
      name: 'pyright typeCheckingMode = "off" is type checking switched off, not a non-strict checker',
      tree: {
        'pyproject.toml':
          '[project]\nname = "logkit"\n\n[tool.pyright]\n# stubs live in a .pyi\ntypeCheckingMode = "off"\n',
        'logkit/_core.py': 'x = 1\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'pyproject.toml', line: 6, note: 'pyright typeCheckingMode "off": type checking disabled' }],
      },
    },
    {
      name: 'pyright off beside a py.typed marker: partial for the marker, the off switch cited, no "configured" claim',
      tree: {
        'pyproject.toml': '[tool.pyright]\ntypeCheckingMode = "off"\n',
        'logkit/py.typed': '',
        'logkit/_core.py': 'x = 1\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'py.typed marker only; pyright turned off',
        evidence: [
          { path: 'logkit/py.typed', note: 'py.typed marker: the package ships type hints' },
          { path: 'pyproject.toml', line: 2, note: 'pyright typeCheckingMode "off": type checking disabled' },
        ],
      },
    },
    {
      name: 'Python with a non-strict mypy.ini is partial',
      tree: { 'mypy.ini': '[mypy]\nignore_missing_imports = True\n', 'app/main.py': 'x = 1\n' },
      expect: { outcome: 'partial', score: 0.6, evidence: [{ path: 'mypy.ini', line: 1 }] },
    },
    {
      name: "pytest's `strict = true` ([tool.pytest.ini_options]) is not strict type checking; mypy there is not strict",
      tree: {
        'pyproject.toml': [
          '[project]',
          'name = "records"',
          '',
          '[tool.mypy]',
          'disallow_any_generics = true',
          '',
          '[tool.pytest.ini_options]',
          'addopts = ["-ra"]',
          'strict = true',
          '',
        ].join('\n'),
        'src/records/__init__.py': 'x = 1\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        evidence: [{ path: 'pyproject.toml', line: 4, note: 'type checker configured, not strict' }],
        data: { languages: { Python: { score: 0.6 } } },
      },
    },
    {
      name: 'plain Python without any checker fails',
      tree: { 'requirements.txt': 'flask\n', 'app/main.py': 'x = 1\n', 'app/views.py': 'y = 2\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }], data: { languages: { Python: { files: 2, score: 0 } } } },
    },
    {
      name: 'a Java service with an untyped Ruby half is weighted by files',
      tree: {
        'pom.xml': '<project/>\n',
        'src/main/java/A.java': 'class A {}\n',
        'src/main/java/B.java': 'class B {}\n',
        'scripts/a.rb': 'x = 1\n',
        'scripts/b.rb': 'y = 1\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: ['Java (statically typed)', 'Ruby (untyped)'] },
    },
    {
      name: 'Ruby with Sorbet sigils is partial credit',
      tree: { Gemfile: "gem 'sorbet-runtime'\n", 'lib/a.rb': '# typed: strict\nclass A; end\n' },
      expect: { outcome: 'partial', evidence: [{ path: 'lib/a.rb', line: 1 }] },
    },
  ],
  notApplicable: [
    {
      name: 'nothing to type-check in a Terraform module',
      profile: 'infrastructure',
      tree: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' },
      expect: { outcome: 'not-applicable', message: 'no source code' },
    },
    {
      name: 'helper scripts of a chart repository are not graded',
      profile: 'infrastructure',
      tree: { 'charts/a/Chart.yaml': 'name: a\n', 'scripts/release-analysis/analyse.py': 'print(1)\n' },
      expect: { outcome: 'not-applicable', message: 'maintainer scripts' },
    },
  ],
});
