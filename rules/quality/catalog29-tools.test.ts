/**
 * Well-known linters, formatters and type checkers the command graph and the rule tables did not
 * know (catalogue coverage, issue 15): framework CLIs that run ESLint (`next lint`, `ng lint`), the
 * Dart/Flutter analyzer and formatter, Elixir's .formatter.exs, Ruby's Reek/Syntax Tree/Rufo, PHP's
 * Phan and Easy Coding Standard, Swift's `swift format`. Each beside a look-alike that is not the tool.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import linting from './linting.js';
import formatting from './formatting.js';

const gha = (...run: string[]) =>
  `on: pull_request\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${run.map((r) => `      - run: ${r}\n`).join('')}`;

const nextApp = (lintScript: string) => ({
  'package.json': `{\n  "name": "shop",\n  "scripts": {\n    "build": "next build",\n    "lint": "${lintScript}"\n  },\n  "devDependencies": {\n    "eslint": "^9.0.0",\n    "eslint-config-next": "^15.0.0"\n  }\n}\n`,
  'eslint.config.mjs': 'import next from "eslint-config-next";\nexport default [...next];\n',
  'app/page.tsx': 'export default function Page() {\n  return <main>shop</main>;\n}\n',
  '.github/workflows/ci.yml': gha('npm ci', 'npm run lint', 'npm run build'),
});

const flutterApp = (extra: Record<string, string>) => ({
  'pubspec.yaml': 'name: notes\nenvironment:\n  sdk: ">=3.0.0 <4.0.0"\ndev_dependencies:\n  flutter_lints: ^4.0.0\n',
  'lib/main.dart': 'void main() {\n  print("notes");\n}\n',
  ...extra,
});

ruleTester(linting, {
  valid: [
    {
      name: '`next lint` run by the CI lint script is ESLint with the Next.js configuration: configured and run in CI',
      tree: nextApp('next lint'),
      expect: { outcome: 'pass', message: 'ESLint configured and run in CI' },
    },
    {
      name: '`ng lint` (angular-eslint) run in CI is ESLint',
      tree: {
        'package.json':
          '{\n  "name": "admin",\n  "scripts": {\n    "lint": "ng lint"\n  },\n  "devDependencies": {\n    "eslint": "^9.0.0"\n  }\n}\n',
        'eslint.config.js': 'module.exports = [];\n',
        'src/main.ts': 'export const x = 1;\n',
        '.github/workflows/ci.yml': gha('npm ci', 'npm run lint'),
      },
      expect: { outcome: 'pass', message: 'ESLint configured and run in CI' },
    },
    {
      name: 'analysis_options.yaml with `flutter analyze` in CI: the Dart analyzer is configured and run',
      tree: flutterApp({
        'analysis_options.yaml':
          'include: package:flutter_lints/flutter.yaml\nlinter:\n  rules:\n    - prefer_const_constructors\n',
        '.github/workflows/ci.yml': gha('flutter pub get', 'flutter analyze'),
      }),
      expect: { outcome: 'pass', message: 'Dart analyzer configured and run in CI' },
    },
    {
      name: 'Phan configured (.phan/config.php) and run in CI',
      tree: {
        'composer.json': '{\n  "require-dev": {\n    "phan/phan": "^5.4"\n  }\n}\n',
        '.phan/config.php': "<?php\nreturn ['directory_list' => ['src']];\n",
        'src/App.php': '<?php\nclass App {}\n',
        '.github/workflows/ci.yml': gha('composer install', 'vendor/bin/phan --no-progress-bar'),
      },
      expect: { outcome: 'pass', message: 'Phan configured and run in CI' },
    },
  ],
  invalid: [
    {
      name: 'look-alike: the lint script is `next build` (no lint step runs); ESLint is configured only',
      tree: nextApp('next build'),
      expect: { outcome: 'partial', score: 0.6 },
    },
    {
      name: 'analysis_options.yaml but CI only runs `flutter test`: configured, not run',
      tree: flutterApp({
        'analysis_options.yaml': 'include: package:flutter_lints/flutter.yaml\n',
        '.github/workflows/ci.yml': gha('flutter pub get', 'flutter test'),
      }),
      expect: { outcome: 'partial', score: 0.6, message: 'Dart analyzer' },
    },
    {
      name: 'look-alike: `flutter analyze` named in a README, no analysis_options.yaml and no CI run: no linter',
      tree: flutterApp({ 'README.md': '# notes\n\nRun `flutter analyze` before sending a change.\n' }),
      expect: { outcome: 'fail' },
    },
  ],
});

ruleTester(formatting, {
  valid: [
    {
      name: 'Elixir: .formatter.exs is the configuration mix format reads',
      tree: {
        'mix.exs': 'defmodule Shop.MixProject do\n  use Mix.Project\nend\n',
        '.formatter.exs': '[\n  inputs: ["{mix,.formatter}.exs", "{config,lib,test}/**/*.{ex,exs}"]\n]\n',
        'lib/shop.ex': 'defmodule Shop do\nend\n',
      },
      expect: { outcome: 'pass', message: 'mix format configured' },
    },
    {
      name: '`dart format --set-exit-if-changed` in CI checks the Dart layout',
      tree: flutterApp({ '.github/workflows/ci.yml': gha('dart format --output=none --set-exit-if-changed .') }),
      expect: { outcome: 'pass', message: 'dart format' },
    },
    {
      name: 'Ruby: Syntax Tree configured (.streerc) and checked in CI with `stree check`',
      tree: {
        Gemfile: 'source "https://rubygems.org"\ngem "syntax_tree"\n',
        '.streerc': '--print-width=100\n',
        'lib/shop.rb': 'class Shop\nend\n',
        '.github/workflows/ci.yml': gha('bundle exec stree check "lib/**/*.rb"'),
      },
      expect: { outcome: 'pass', message: 'Syntax Tree configured and checked in CI' },
    },
    {
      name: 'PHP: Easy Coding Standard (ecs.php) checked in CI with `ecs check`',
      tree: {
        'composer.json': '{\n  "require-dev": {\n    "symplify/easy-coding-standard": "^12.0"\n  }\n}\n',
        'ecs.php':
          "<?php\nuse Symplify\\EasyCodingStandard\\Config\\ECSConfig;\nreturn ECSConfig::configure()->withPaths([__DIR__ . '/src']);\n",
        'src/App.php': '<?php\nclass App {}\n',
        '.github/workflows/ci.yml': gha('vendor/bin/ecs check'),
      },
      expect: { outcome: 'pass', message: 'Easy Coding Standard configured and checked in CI' },
    },
  ],
  invalid: [
    {
      name: 'look-alike: a Mix project without .formatter.exs, `mix format` only named in the README',
      tree: {
        'mix.exs': 'defmodule Shop.MixProject do\n  use Mix.Project\nend\n',
        'lib/shop.ex': 'defmodule Shop do\nend\n',
        'README.md': '# Shop\n\nFormat with `mix format`.\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'look-alike: `ecs deploy` (an AWS ECS deploy script) formats nothing',
      tree: {
        'composer.json': '{\n  "require": {\n    "php": "^8.2"\n  }\n}\n',
        'src/App.php': '<?php\nclass App {}\n',
        '.github/workflows/ci.yml': gha('ecs deploy --cluster prod'),
      },
      expect: { outcome: 'fail' },
    },
  ],
});
