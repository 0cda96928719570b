/**
 * Blind round 37: a Go library whose root package is the product, with helper commands under
 * cmd/ (a converter, a test-suite harness) and a goreleaser config, is a library; a command named
 * for the module (cmd/task beside package task) or a root `package main` keeps the module a CLI.
 */
import { describe, expect, it } from 'vitest';
import { profileOf } from '../testing/profile.js';

const releaser = 'builds:\n  - main: ./cmd/tool\n';
const main = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("x")\n}\n';
const lib = 'package toml\n\n// Marshal encodes v.\nfunc Marshal(v any) ([]byte, error) {\n\treturn nil, nil\n}\n';

const idOf = async (tree: Record<string, string>) => (await profileOf(tree)).id;

describe('round 37: Go helper commands beside a root library package', () => {
  it('a root library with differently named cmd/ helpers and goreleaser is a library', async () => {
    expect(
      await idOf({
        'go.mod': 'module github.com/example/go-toml/v2\n\ngo 1.21\n',
        'marshal.go': lib,
        'cmd/tomljson/main.go': main,
        'cmd/toml-test-decoder/main.go': main,
        '.goreleaser.yaml': releaser,
      }),
    ).toBe('library');
  });

  it('a command named for the module keeps it a CLI', async () => {
    expect(
      await idOf({
        'go.mod': 'module github.com/example/task/v3\n\ngo 1.21\n',
        'task.go': 'package task\n\n// Executor runs tasks.\ntype Executor struct{}\n',
        'cmd/task/main.go': main,
        '.goreleaser.yaml': releaser,
      }),
    ).toBe('cli');
  });

  it('a root package main stays a CLI', async () => {
    expect(
      await idOf({
        'go.mod': 'module github.com/example/tomlfmt\n\ngo 1.21\n',
        'main.go': main,
        'cmd/helper/main.go': main,
        '.goreleaser.yaml': releaser,
      }),
    ).toBe('cli');
  });
});
