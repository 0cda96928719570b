import { describe, expect, it } from 'vitest';
import rule from './module-size.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';

const lines = (n: number, text = 'x = 1') => `${Array.from({ length: n }, (_, i) => `${text} # ${i}`).join('\n')}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'Rust test modules (#[cfg(test)] mod test; and a file opening with #![cfg(test)]) are tests, not god modules',
      tree: {
        'crates/db_views/post/src/lib.rs': 'pub mod impls;\n#[cfg(test)]\nmod test;\n',
        'crates/db_views/post/src/impls.rs': 'pub fn list() {}\n',
        'crates/db_views/post/src/test.rs': `use super::*;\n${'#[test]\nfn t() { assert!(true); }\n'.repeat(1300)}`,
        'crates/db_views/comment/src/impls.rs': '#[cfg(test)] pub(crate) mod fixtures;\npub fn list() {}\n',
        'crates/db_views/comment/src/impls/fixtures.rs': `${'pub fn f() {}\n'.repeat(2100)}`,
        'crates/utils/src/big_tests.rs': `//! Shared test data.\n#![cfg(test)]\n${'pub fn g() {}\n'.repeat(2100)}`,
      },
      expect: {
        outcome: 'pass',
        message: 'All 3 production source files',
        evidence: [{ path: 'crates/db_views/post/src/lib.rs', line: 3 }],
      },
    },
    {
      name: "a client written by a generator a package script names (openapi-zod-client --output) is not the project's code",
      tree: {
        'package.json': JSON.stringify(
          {
            scripts: {
              'zod:generate':
                'npx openapi-zod-client http://localhost/docs/api.json --output resources/js/api/src/client.ts --base-url /api',
            },
          },
          null,
          2,
        ),
        'resources/js/api/src/client.ts': `import { z } from 'zod';\n${'const Item = z.object({ id: z.string() });\n'.repeat(2600)}`,
        'resources/js/app.ts': lines(300, 'const a = 1;'),
      },
      expect: {
        outcome: 'pass',
        message: 'All 1 production source files',
        evidence: [{ path: 'resources/js/app.ts', line: 300 }],
      },
    },
    {
      name: 'TCK suites in Gradle test source sets (src/jsr166Test, src/openjdkTest) and JMH benchmarks are not production modules',
      tree: {
        'cache/src/jsr166Test/java/org/acme/jsr166/TckTestCase.java': `public class TckTestCase {\n${'  int x;\n'.repeat(2100)}}\n`,
        'cache/src/openjdkTest/java/org/acme/openjdk/Contract.java': `public class Contract {\n${'  int x;\n'.repeat(2100)}}\n`,
        'cache/src/jmh/java/org/acme/GetPutBenchmark.java': `public class GetPutBenchmark {\n${'  int x;\n'.repeat(2100)}}\n`,
        'cache/src/main/java/org/acme/BoundedCache.java': 'public class BoundedCache {\n  int size;\n}\n',
      },
      expect: { outcome: 'pass', message: 'All 1 production source files' },
    },
    {
      name: 'mock data literals beside the UI source (mocks/, *.mock.ts) are data, not god modules',
      tree: {
        'ui/src/main/frontend/mocks/instance/dependencies/data.ts': `export default [\n${"  { name: 'dep', version: '1.0.0' },\n".repeat(2500)}];\n`,
        'ui/src/main/frontend/views/health.mock.ts': `export const h = [\n${"  { status: 'UP' },\n".repeat(2500)}];\n`,
        'ui/src/main/frontend/views/health.ts': 'export const a = 1;\n',
      },
      expect: { outcome: 'pass', message: 'All 1 production source files' },
    },
    {
      name: 'a data table kept as source (a long list of commit ids) is data, not a god module; real code of that size still counts',
      tree: {
        'svntogit/mapping.py': `# Changeset ids shortened to 10 chars\n\nsvn_to_git = [\n    None,\n${'    "d6ded0e91b",\n    None,\n'.repeat(1500)}]\n`,
        'shop/countries.ts': `export const COUNTRIES = {\n${"  'GB': 'United Kingdom',\n  DE: 'Germany',\n".repeat(700)}};\n`,
        'checklists/models.py': lines(914),
      },
      expect: {
        outcome: 'pass',
        message: 'the largest is checklists/models.py (914 lines)',
        data: { files: 1 },
      },
    },
    {
      name: 'a third-party bundle copied into the assets (licence banner with a version) is not the project’s module',
      tree: {
        'internal/view/assets/js/vue.js': `/*!\n * Vue.js v2.6.8\n * (c) 2014-2019 Evan You\n * Released under the MIT License.\n */\n${'var x = 1;\n'.repeat(2500)}`,
        'internal/app.go': 'package internal\n',
      },
      expect: { outcome: 'pass', message: 'All 1 production source files' },
    },
    {
      name: "a library bundle whose versioned banner sits under a download builder's header comment is vendored",
      tree: {
        'src/static/scripts/tables.js': `/*\n * This combined file was created by the download builder.\n *\n * Included libraries:\n *   GridLib 2.3.8\n */\n\n/*! GridLib 2.3.8\n * © Grid Ltd - grid.example/license\n */\n${'var x = 1;\n'.repeat(2500)}`,
        'src/main.rs': 'fn main() {}\n',
      },
      expect: { outcome: 'pass', message: 'All 1 production source files' },
    },
    {
      name: 'Rails public/javascripts copies of libraries (named jquery-ui.js, jquery.tokeninput.js; a `/*! Name - v1.2` first line) are vendored; the app model is judged (round 13)',
      tree: {
        Gemfile: "gem 'rails'\n",
        'public/javascripts/jquery-ui.js': `/*! jQuery UI - v1.10.0 - 2013-01-17\n* Includes: ${'jquery.ui.core.js, '.repeat(40)}\n* Copyright (c) 2013 jQuery Foundation */\n${'var x = 1;\n'.repeat(14000)}`,
        'public/javascripts/jquery.tokeninput.js': `/*\n * jQuery Plugin: Tokenizing Autocomplete\n */\n${'var y = 1;\n'.repeat(1016)}`,
        'public/javascripts/picker.js': `/*! PickerKit - v2.1.0 - 2020-01-01 */\n${'var z = 1;\n'.repeat(2100)}`,
        'app/models/work.rb': lines(1328, 'def a; end'),
      },
      expect: {
        outcome: 'partial',
        message: 'the largest app/models/work.rb (1,328 lines)',
        evidence: [{ path: 'app/models/work.rb', line: 1328, note: '1,328 lines' }],
        absent: [
          'public/javascripts/jquery-ui.js',
          'public/javascripts/jquery.tokeninput.js',
          'public/javascripts/picker.js',
        ],
      },
    },
    {
      name: 'a platform SDK saved in public/ (its first comment grants a licence: "You are hereby granted…") is vendored by content, whatever its name (round 14)',
      tree: {
        'package.json': '{"name":"social-scheduler","dependencies":{"next":"14.0.0"}}',
        'apps/web/public/s.js': `/**\n * Copyright (c) 2017-present, Example Platforms, Inc. All rights reserved.\n *\n * You are hereby granted a non-exclusive, worldwide, royalty-free license to use,\n * copy, modify, and distribute this software in source code or binary form.\n */\n${'var sdk = 1;\n'.repeat(2600)}`,
        'apps/web/public/own.js': `// the app's own service worker\n${'self.x = 1;\n'.repeat(300)}`,
        'apps/web/src/provider.ts': lines(1400, 'export const a = 1;'),
      },
      expect: {
        outcome: 'partial',
        message: 'the largest apps/web/src/provider.ts (1,400 lines)',
        evidence: [{ path: 'apps/web/src/provider.ts', line: 1400, note: '1,400 lines' }],
        absent: ['apps/web/public/s.js'],
      },
    },
    {
      name: "vendored source in a ThirdParty/ folder (MIT header, BOM) and a file whose licence header names another copyright holder are not the project's modules; its own licensed file still counts",
      tree: {
        LICENSE:
          'MIT License\n\nCopyright (c) 2019 Jane Doe\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n',
        'src/Guarded/Guarded.csproj':
          '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><PackageLicenseExpression>MIT</PackageLicenseExpression></PropertyGroup></Project>\n',
        'src/Guarded/ThirdParty/Tooling.Annotations.cs': `\uFEFF/* MIT License\n\nCopyright (c) 2016 Example Tools s.r.o.\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n*/\n${'  public sealed class A : System.Attribute { }\n'.repeat(1800)}`,
        'src/Guarded/Interop/NativeMethods.cs': `// Copyright (c) 2015 Contoso Interop Team\n//\n// Permission is hereby granted, free of charge, to any person obtaining a copy\n${'  internal static extern int F();\n'.repeat(1500)}`,
        'src/Guarded/Guard.cs': `// Copyright (c) 2019 Jane Doe. Licensed under the MIT License.\n${'  public static void Check() { }\n'.repeat(1199)}`,
      },
      expect: {
        outcome: 'partial',
        message: 'the largest src/Guarded/Guard.cs (1,200 lines)',
        evidence: [{ path: 'src/Guarded/Guard.cs', line: 1200, note: '1,200 lines' }],
        absent: ['src/Guarded/ThirdParty/Tooling.Annotations.cs', 'src/Guarded/Interop/NativeMethods.cs'],
      },
    },
    {
      name: "an Apache-licensed project's own file with the per-file Apache header is its module: the licence text names no holder, and a one-line grant is no copied file",
      tree: {
        'LICENSE.txt':
          '                                 Apache License\n                           Version 2.0, January 2004\n\n      "Licensor" shall mean the copyright owner or entity authorized by\n      the copyright owner that is granting the License.\n',
        'build.gradle': "plugins { id 'java' }\n",
        'src/main/java/org/tracker/config/Keys.java': `/*\n * Copyright 2019 - 2026 Jan Novak (jan@tracker.example)\n *\n * Licensed under the Apache License, Version 2.0 (the "License");\n */\npackage org.tracker.config;\n${'    public static final int K = 1;\n'.repeat(2300)}`,
      },
      expect: { outcome: 'fail', evidence: [{ path: 'src/main/java/org/tracker/config/Keys.java', line: 2306 }] },
    },
    {
      name: "an app's own script in public/ with only its copyright line (no licence grant) is still its module",
      tree: {
        'public/app.js': `/* Copyright (c) 2024 Acme Ltd. */\n${'var x = 1;\n'.repeat(2200)}`,
      },
      expect: { outcome: 'fail', evidence: [{ path: 'public/app.js', line: 2201 }] },
    },
    {
      name: "a Laravel app's own resources/js/bootstrap.js (no library suffix) is still its module",
      tree: { 'resources/js/bootstrap.js': `${'window.axios = 1;\n'.repeat(1200)}` },
      expect: { outcome: 'partial', evidence: [{ path: 'resources/js/bootstrap.js', line: 1200 }] },
    },
    {
      name: "a Terraform module's .tf files are its source (round 13: main.tf was 'no source code'); examples/ are callers",
      tree: {
        'main.tf': `${'resource "aws_lb" "this" {\n  name = var.name\n}\n'.repeat(305)}`,
        'variables.tf': 'variable "name" {\n  type = string\n}\n',
        'examples/complete/main.tf': `${'module "alb" {\n  source = "../../"\n}\n'.repeat(800)}`,
      },
      expect: {
        outcome: 'pass',
        message: 'All 2 Terraform source files are at most 1,000 lines; the largest is main.tf (915 lines)',
        evidence: [{ path: 'main.tf', line: 915, note: '915 lines' }],
      },
    },
    {
      name: "Django's test modules (tests.py, tests_views.py) are tests, not the largest production module",
      tree: { 'api/views.py': lines(300), 'api/tests.py': lines(2500), 'core/tests/tests_views.py': lines(1500) },
      expect: { outcome: 'pass', message: 'the largest is api/views.py (300 lines)', data: { files: 1 } },
    },
    {
      name: 'small Python and Go modules pass and cite the largest',
      tree: { 'app/main.py': lines(120), 'app/util.py': lines(40), 'cmd/server/main.go': lines(300, 'var x = 1') },
      expect: {
        outcome: 'pass',
        message: 'cmd/server/main.go (300 lines)',
        evidence: [{ path: 'cmd/server/main.go', line: 300 }],
        data: { files: 3 },
      },
    },
    {
      name: 'generated code, tests and migrations are not counted',
      tree: {
        'src/Service.java': lines(200, 'int x;'),
        'api/service.pb.go': lines(5000, 'var x = 1'),
        'internal/zz_types.go': `// Code generated by controller-gen. DO NOT EDIT.\n${lines(4000, 'var x = 1')}`,
        'src/test/java/ServiceTest.java': lines(3000, 'int y;'),
        'Data/Migrations/20240101_Init.cs': lines(2500, 'int z;'),
        'vue3/src/openapi/apis/ApiApi.ts': `/**\n * NOTE: This class is auto generated by OpenAPI Generator (https://openapi-generator.tech).\n * Do not edit the class manually.\n */\n${lines(3000, 'const a = 1;')}`,
        'static/pdfjs/web/pdf.mjs': `/**\n * @licstart The following is the entire license notice for the\n * JavaScript code in this page\n */\n${lines(3000, 'var b = 2;')}`,
        'web/src/app/emojis.js': `// This file is generated by scripts/emoji-convert.sh to reduce the size\n${lines(14000, '{ emoji: "x" },')}`,
      },
      expect: { outcome: 'pass', data: { files: 1 } },
    },
    {
      name: "Yarn Plug'n'Play's resolver (.pnp.cjs, .pnp.loader.mjs) and a vendored UI build in assets/ with a release banner are not the project's code",
      tree: {
        'app.js': lines(364, 'const a = 1;'),
        '.pnp.loader.mjs': `/* eslint-disable */\n// @ts-nocheck\n\nimport fs from 'fs';\n${lines(2129, 'const b = 2;')}`,
        '.pnp.cjs': `#!/usr/bin/env node\n/* eslint-disable */\n${lines(2500, 'const c = 3;')}`,
        'assets/semantic/semantic.js': ` /*\n * # Fancy UI - 2.4.1\n * https://example.org/fancy-ui\n *\n * Released under the MIT license\n */\n${lines(22000, 'var d = 4;')}`,
        'assets/js/lib/grid.js': `/*! GridKit v1.2.0 | (c) GridKit authors | @license MIT */\n${lines(3000, 'var e = 5;')}`,
      },
      expect: { outcome: 'pass', message: 'app.js (364 lines)', data: { files: 1 } },
    },
    {
      name: 'a gen/ folder of protoc/buf output (a *.pb.go in it) is generated, its unmarked siblings too',
      tree: {
        'cmd/server/main.go': lines(120, 'var s = 1'),
        'gen/proto/orders/v1/orders.pb.go': lines(3000, 'var p = 1'),
        'gen/proto/orders/v1/ordersv1connect/orders.connect.go': lines(1800, 'var c = 1'),
      },
      expect: { outcome: 'pass', data: { files: 1 }, evidence: [{ path: 'cmd/server/main.go', line: 120 }] },
    },
    {
      name: 'a file without a final newline counts its last line',
      tree: { 'lib/a.rb': lines(1000).trimEnd() },
      expect: { outcome: 'pass', evidence: [{ path: 'lib/a.rb', line: 1000 }] },
    },
  ],
  invalid: [
    {
      name: "the project's own asset script under its own licence header (no other product's release) is still the project's code",
      tree: {
        'app.js': lines(100, 'const a = 1;'),
        'assets/js/editor.js': `/*\n * Copyright 2024 Example Ltd.\n * Licensed under the Apache License, Version 2.0\n */\n${lines(2100, 'var d = 4;')}`,
        'src/pnp.loader.mjs': lines(2100, 'const x = 1;'),
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'assets/js/editor.js' }, { path: 'src/pnp.loader.mjs' }],
        data: { files: 3 },
      },
    },
    {
      name: 'a Go client whose marker names the generator by module path and pseudo-version (a long run before DO NOT EDIT) is generated (round 17)',
      tree: {
        'client/admin/client.go': `// Package admin provides primitives to interact with the openapi HTTP API.\n//\n// Code generated by github.com/oapi-codegen/oapi-codegen/v2 version v2.4.2-0.20250102212541-8bbe226927c9 DO NOT EDIT.\npackage admin\n${lines(2700, 'var x = 1')}`,
        'internal/conf/configuration.go': `package conf\n${lines(1400, 'var y = 1')}`,
      },
      expect: {
        outcome: 'partial',
        message: 'internal/conf/configuration.go',
        evidence: [{ path: 'internal/conf/configuration.go', line: 1401, note: '1,401 lines' }],
        data: { files: 1 },
      },
    },
    {
      name: 'a hand-written package named gen/ (no generated file in it) is the project’s code, not generator output',
      tree: {
        'pyproject.toml': '[project]\nname = "shapes"\n',
        'src/shapes/__init__.py': 'from .converters import Converter\n',
        'src/shapes/converters.py': lines(400, 'x = 1'),
        'src/shapes/gen/__init__.py': `'''Code to build structure hooks.'''\n${lines(1233, 'y = 2')}`,
        'src/shapes/gen/_shared.py': lines(80, 'z = 3'),
      },
      expect: {
        outcome: 'partial',
        message: '1 exceed it, the largest src/shapes/gen/__init__.py (1,234 lines)',
        evidence: [{ path: 'src/shapes/gen/__init__.py', line: 1234, note: '1,234 lines' }],
        data: { files: 4 },
      },
    },
    {
      name: 'a module whose lines are mostly code stays a god module although it holds some literal tables',
      tree: {
        'app/handlers.py': `ROLES = [\n${'    "admin",\n'.repeat(300)}]\n${'def handle(x):\n    return x + 1\n'.repeat(1000)}`,
      },
      expect: { outcome: 'fail', evidence: [{ path: 'app/handlers.py' }] },
    },
    {
      name: 'a Rust module of 2,100 lines is still a god module when only a sibling is test-only',
      tree: {
        'src/lib.rs': 'pub mod server;\n#[cfg(test)]\nmod tests;\n',
        'src/server.rs': `${'pub fn f() {}\n'.repeat(2100)}`,
        'src/tests.rs': `${'#[test]\nfn t() {}\n'.repeat(1200)}`,
      },
      expect: { outcome: 'fail', evidence: [{ path: 'src/server.rs', line: 2100 }], absent: ['src/tests.rs'] },
    },
    {
      name: 'a 2,500-line file of code among the views is a god module',
      tree: {
        'ui/src/main/frontend/views/dependencies.ts': `${'export const dep = (v: string) => render(v);\n'.repeat(2500)}`,
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a TypeScript file above 1,000 lines is partial and listed',
      tree: { 'src/big.ts': lines(1500, 'const a = 1;'), 'src/small.ts': lines(10, 'const b = 1;') },
      expect: {
        outcome: 'partial',
        score: 0.7,
        message: 'src/big.ts (1,500 lines)',
        evidence: [{ path: 'src/big.ts', line: 1500, note: '1,500 lines' }],
      },
    },
    {
      name: "the project's own script with a header comment and a version in it is still its module",
      tree: {
        'src/static/scripts/admin.js': `/*\n * Admin panel helpers, since 1.2.0\n */\n/* global BASE_URL */\n${'var x = 1;\n'.repeat(2500)}`,
      },
      expect: { outcome: 'fail', evidence: [{ path: 'src/static/scripts/admin.js' }] },
    },
    {
      name: 'a C# file above 2,000 lines fails',
      tree: { 'src/Api/OrdersController.cs': lines(2100, 'int a;'), 'src/Api/Other.cs': lines(1200, 'int b;') },
      expect: {
        outcome: 'fail',
        data: { overFail: 1, overPartial: 2 },
        evidence: [
          { path: 'src/Api/OrdersController.cs', line: 2100 },
          { path: 'src/Api/Other.cs', line: 1200 },
        ],
      },
    },
    {
      name: 'a Spring app in package com.example.demo is production code, not an example',
      tree: {
        'src/main/java/com/example/demo/OrderService.java': lines(1200, 'int a;'),
        'examples/demo/src/main/java/Big.java': lines(3000, 'int b;'),
      },
      expect: {
        outcome: 'partial',
        data: { files: 1 },
        evidence: [{ path: 'src/main/java/com/example/demo/OrderService.java', line: 1200 }],
      },
    },
    {
      name: 'thresholds come from options',
      options: { partialAbove: 100, failAbove: 200 },
      tree: { 'lib/mod.rb': lines(250, 'x = 1') },
      expect: { outcome: 'fail', message: 'exceed 200 lines' },
    },
  ],
  notApplicable: [
    {
      name: 'a Helm chart has no source code to measure: not a pass on nothing (a Terraform module is measured: its .tf files)',
      profile: 'infrastructure',
      tree: { 'Chart.yaml': 'name: bucket\n', 'templates/cm.yaml': 'kind: ConfigMap\n', 'README.md': '# bucket\n' },
      expect: { outcome: 'not-applicable', message: 'no source code in the repository' },
    },
    {
      name: 'a chart repository whose only code is maintainer scripts',
      profile: 'infrastructure',
      tree: { 'charts/a/Chart.yaml': 'name: a\n', 'scripts/release.py': 'print(1)\n' },
      expect: { outcome: 'not-applicable', message: 'maintainer scripts' },
    },
  ],
});

describe('module-size options', () => {
  it('rejects invalid thresholds, naming the option, rather than guessing', async () => {
    await expect(runRuleOn(rule, { 'a.py': lines(5) }, { options: { partialAbove: 'many' } })).rejects.toThrow(
      /options\.partialAbove: invalid input: expected number/,
    );
    await expect(
      runRuleOn(rule, { 'a.py': lines(5) }, { options: { partialAbove: 500, failAbove: 100 } }),
    ).rejects.toThrow(/options\.failAbove: must be at least partialAbove/);
    await expect(runRuleOn(rule, { 'a.py': lines(5) }, { options: { failAbov: 3 } })).rejects.toThrow(
      /options\.failAbov: unknown option \(did you mean failAbove\?\)/,
    );
  });
});
