/**
 * Hook managers of other ecosystems than pre-commit/Husky/lefthook (issue 15): yorkie's `gitHooks`
 * key (Vue CLI), GrumPHP (PHP), Husky.Net (.NET), Elixir's git_hooks, cargo-husky (Rust). Each
 * beside a look-alike: a manager set up to run no check, or the name with nothing behind it.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './pre-commit-hooks.js';

const grumphp = (tasks: string) => ({
  'composer.json': '{\n  "require-dev": {\n    "phpro/grumphp": "^2.5"\n  }\n}\n',
  'src/App.php': '<?php\nclass App {}\n',
  'grumphp.yml': `grumphp:\n  ascii:\n    failed: ~\n  tasks:\n${tasks}  testsuites: []\n`,
});

ruleTester(rule, {
  valid: [
    {
      name: 'yorkie: `"gitHooks": {"pre-commit": "lint-staged"}` runs ESLint on staged files',
      tree: {
        'package.json':
          '{\n  "name": "web",\n  "gitHooks": {\n    "pre-commit": "lint-staged"\n  },\n  "lint-staged": {\n    "*.{js,vue}": "eslint --fix"\n  },\n  "devDependencies": {\n    "yorkie": "^2.0.0"\n  }\n}\n',
      },
      expect: { outcome: 'pass', message: 'ESLint' },
    },
    {
      name: 'GrumPHP tasks phpcs and phpstan run on commit',
      tree: grumphp('    phpcs:\n      standard: PSR12\n    phpstan:\n      level: 8\n'),
      expect: { outcome: 'pass', evidence: [{ path: 'grumphp.yml', line: 5 }] },
    },
    {
      name: 'Husky.Net: the pre-commit hook runs `dotnet husky run`, whose task is `dotnet format`',
      tree: {
        'App.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        '.husky/pre-commit': '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\ndotnet husky run --group pre-commit\n',
        '.husky/task-runner.json':
          '{\n  "tasks": [\n    {\n      "name": "format",\n      "group": "pre-commit",\n      "command": "dotnet",\n      "args": ["format", "--include", "${staged}"]\n    }\n  ]\n}\n',
      },
      expect: { outcome: 'pass', message: 'dotnet format' },
    },
    {
      name: 'Elixir git_hooks: pre_commit tasks run mix format --check-formatted and credo',
      tree: {
        'mix.exs':
          'defmodule Shop.MixProject do\n  use Mix.Project\n  defp deps, do: [{:git_hooks, "~> 0.7", only: [:dev], runtime: false}]\nend\n',
        'config/config.exs':
          'import Config\n\nconfig :git_hooks,\n  auto_install: true,\n  hooks: [\n    pre_commit: [\n      tasks: [\n        {:cmd, "mix format --check-formatted"},\n        {:mix_task, :credo, ["--strict"]}\n      ]\n    ]\n  ]\n\nconfig :logger, level: :info\n',
        'lib/shop.ex': 'defmodule Shop do\nend\n',
      },
      expect: { outcome: 'pass', message: 'mix format' },
    },
    {
      name: 'cargo-husky with run-cargo-clippy and run-cargo-fmt',
      tree: {
        'Cargo.toml':
          '[package]\nname = "tool"\nversion = "0.1.0"\n\n[dev-dependencies.cargo-husky]\nversion = "1"\ndefault-features = false\nfeatures = ["precommit-hook", "run-cargo-clippy", "run-cargo-fmt"]\n',
        'src/main.rs': 'fn main() {}\n',
      },
      expect: { outcome: 'pass', message: 'Clippy' },
    },
    {
      name: 'rusty-hook: .rusty-hook.toml [hooks] pre-commit runs cargo test, fmt --check and clippy',
      tree: {
        'Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\n\n[dev-dependencies]\nrusty-hook = "^0.11"\n',
        'src/main.rs': 'fn main() {}\n',
        '.rusty-hook.toml':
          '[hooks]\npre-commit = "cargo test && cargo fmt --check && cargo clippy -- -D warnings"\n\n[logging]\nverbose = true\n',
      },
      expect: { outcome: 'pass', message: 'Clippy', evidence: [{ path: '.rusty-hook.toml', line: 2 }] },
    },
  ],
  invalid: [
    {
      name: 'look-alike: a .rusty-hook.toml whose only hook echoes runs no check: the hook manager alone',
      tree: {
        'Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\n',
        'src/main.rs': 'fn main() {}\n',
        '.rusty-hook.toml': '[hooks]\npre-commit = "echo remember to test"\n\n[logging]\nverbose = true\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: 'rusty-hook' },
    },
    {
      name: 'look-alike: a command under [logging], not [hooks], is no hook',
      tree: {
        'Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\n',
        'src/main.rs': 'fn main() {}\n',
        'rusty-hook.toml': '[logging]\npre-commit = "cargo test"\n',
      },
      expect: { outcome: 'partial', score: 0.5 },
    },
    {
      name: 'look-alike: GrumPHP whose only task is git_blacklist (a word list) runs no linter: partial',
      tree: grumphp('    git_blacklist:\n      keywords: ["die(", "var_dump("]\n'),
      expect: { outcome: 'partial', score: 0.5 },
    },
    {
      name: 'look-alike: a Husky.Net task runner no hook calls runs nothing: the hook manager alone',
      tree: {
        'App.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        '.husky/task-runner.json':
          '{\n  "tasks": [\n    {\n      "name": "format",\n      "command": "dotnet",\n      "args": ["format"]\n    }\n  ]\n}\n',
      },
      expect: { outcome: 'partial', score: 0.5 },
    },
    {
      name: 'look-alike: cargo-husky with default features off and no run-cargo feature: no hook command',
      tree: {
        'Cargo.toml':
          '[package]\nname = "tool"\nversion = "0.1.0"\n\n[dev-dependencies]\ncargo-husky = { version = "1", default-features = false, features = ["precommit-hook"] }\n',
        'src/main.rs': 'fn main() {}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'look-alike: git_hooks named in a comment of config.exs configures nothing',
      tree: {
        'mix.exs': 'defmodule Shop.MixProject do\n  use Mix.Project\nend\n',
        'config/config.exs':
          'import Config\n# TODO: config :git_hooks for format checks\nconfig :logger, level: :info\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});
