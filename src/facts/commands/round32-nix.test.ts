import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain } from './index.js';

/**
 * Blind round 32: a CI step `nix run .#lint -- --ci` ran the flake's `lint` package, a
 * writeShellApplication whose script runs treefmt with the arguments it is given; formatting was
 * "not checked in CI". The flake's apps and packages are read as text and followed.
 */
const gha = (run: string) =>
  `on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;
const FLAKE = '{\n  outputs = { self, nixpkgs }: {\n    imports = [ ./nix/formatter.nix ];\n  };\n}\n';
const FORMATTER =
  '{ inputs, ... }:\n{\n  perSystem = { config, pkgs, ... }: {\n    packages.lint = pkgs.writeShellApplication {\n      name = "lint";\n      runtimeInputs = [ config.treefmt.build.wrapper ];\n      text = \'\'\n        mix deps.get\n        exec treefmt "$@"\n      \'\';\n    };\n  };\n}\n';

function formatRuns(tree: Tree) {
  const g = commandGraph(memoryIndex(tree));
  return g.runs
    .filter((r) => r.origin.kind === 'ci')
    .flatMap((r) =>
      r.tools.filter((t) => t.kinds.includes('format')).map((t) => ({ chain: describeChain(r, t.name), mode: t.mode })),
    );
}

describe('nix flake apps in the command graph (blind round 32)', () => {
  it('nix run .#lint -- --ci follows the package script to treefmt --ci: a formatting check', () => {
    const runs = formatRuns({
      'flake.nix': FLAKE,
      'nix/formatter.nix': FORMATTER,
      '.github/workflows/lint.yml': gha('nix run .#lint -- --ci'),
    });
    expect(runs).toEqual([
      { chain: '.github/workflows/lint.yml:7 → nix/formatter.nix:9 (nix run .#lint) → treefmt', mode: undefined },
    ]);
  });
  it('without --ci treefmt rewrites the files: a formatter in write mode', () => {
    const runs = formatRuns({
      'flake.nix': FLAKE,
      'nix/formatter.nix': FORMATTER,
      '.github/workflows/lint.yml': gha('nix run .#lint'),
    });
    expect(runs).toEqual([expect.objectContaining({ mode: 'write' })]);
  });
  it('an app whose program is another package binary runs that program', () => {
    const flake =
      '{\n  outputs = { self, nixpkgs }: {\n    apps.x86_64-linux.fmt-check = {\n      type = "app";\n      program = "${nixpkgs.legacyPackages.x86_64-linux.treefmt}/bin/treefmt";\n    };\n  };\n}\n';
    const runs = formatRuns({
      'flake.nix': flake,
      '.github/workflows/lint.yml': gha('nix run .#fmt-check -- --fail-on-change'),
    });
    expect(runs).toEqual([expect.objectContaining({ chain: expect.stringContaining('flake.nix:5'), mode: undefined })]);
  });
  it('nix develop -c runs its command in the flake shell: the Makefile target is followed', () => {
    const g = commandGraph(
      memoryIndex({
        'flake.nix': FLAKE,
        Makefile: 'fmt-check:\n\tgofmt -l . | tee /dev/stderr | wc -l | grep -qx 0\n',
        '.github/workflows/lint.yml': gha('nix develop -c make fmt-check'),
      }),
    );
    expect(g.runs.some((r) => r.tools.some((t) => t.name === 'gofmt'))).toBe(true);
  });
  it('an app the flake does not define, or a remote flake, is not followed', () => {
    const runs = formatRuns({
      'flake.nix': FLAKE,
      'nix/formatter.nix': FORMATTER,
      '.github/workflows/lint.yml': gha('nix run github:numtide/treefmt#lint -- --ci'),
    });
    expect(runs).toEqual([]);
  });
  it('treefmt --ci runs the formatters of treefmt.toml, each a check (it fails when one changed a file)', () => {
    const tree = {
      'treefmt.toml':
        '[formatter.mix-format]\ncommand = "mix"\noptions = ["format"]\nincludes = ["*.ex", "*.exs"]\n\n[formatter.shfmt]\ncommand = "shfmt"\noptions = ["-w", "-i", "0"]\nincludes = ["*.sh"]\n',
      '.github/workflows/lint.yml': gha('treefmt --ci'),
    };
    const runs = formatRuns(tree);
    expect(runs).toContainEqual({
      chain: '.github/workflows/lint.yml:7 → treefmt.toml:1 (treefmt formatter mix-format) → mix format',
      mode: undefined,
    });
    expect(runs).toContainEqual(
      expect.objectContaining({ chain: expect.stringContaining('treefmt.toml:6'), mode: undefined }),
    );
    const writes = formatRuns({ ...tree, '.github/workflows/lint.yml': gha('treefmt') });
    expect(writes).toContainEqual(
      expect.objectContaining({ chain: expect.stringContaining('mix format'), mode: 'write' }),
    );
  });
  it('a long line of word characters after writeShell is read in linear time, and a real script after it still found', () => {
    const hostile = `'' writeShell${'a'.repeat(40_000)} x\n`.repeat(5);
    const runs = formatRuns({
      'flake.nix': FLAKE,
      'nix/formatter.nix': FORMATTER.replace('packages.lint = ', `packages.lint = # \n${hostile}`),
      '.github/workflows/lint.yml': gha('nix run .#lint -- --ci'),
    });
    expect(runs).toEqual([
      { chain: '.github/workflows/lint.yml:7 → nix/formatter.nix:15 (nix run .#lint) → treefmt', mode: undefined },
    ]);
  });
  it('thousands of nix run steps naming different apps look up at most a bounded number, the repeated one each time', () => {
    const nixFile = 'a = 1;\n'.repeat(5000);
    const tree: Tree = { 'flake.nix': FLAKE, 'nix/formatter.nix': FORMATTER };
    for (let f = 0; f < 60; f++) tree[`nix/m${f}.nix`] = nixFile;
    const steps = Array.from({ length: 1500 }, (_, s) => `      - run: nix run .#missing${s}\n`).join('');
    tree['.github/workflows/lint.yml'] =
      `${gha('nix run .#lint -- --ci')}${steps}      - run: nix run .#lint -- --ci\n`;
    const runs = formatRuns(tree);
    expect(runs.map((r) => r.chain)).toEqual([
      '.github/workflows/lint.yml:7 → nix/formatter.nix:9 (nix run .#lint) → treefmt',
      '.github/workflows/lint.yml:1508 → nix/formatter.nix:9 (nix run .#lint) → treefmt',
    ]);
  });
});
