import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain } from './index.js';

/**
 * Blind round 36: CI ran `nix run nixpkgs#nix-fast-build -- --flake .#checks`, whose check
 * `tests` has a buildPhase running `make test`, whose target runs golangci-lint; linting was "not
 * run in CI". Building a flake's checks runs their build and check phases: they join the graph.
 */
const gha = (run: string) =>
  `on: push\njobs:\n  nix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;
const FLAKE = [
  '{',
  '  outputs = { self, nixpkgs }:',
  '    let eachSystem = f: nixpkgs.lib.genAttrs [ "x86_64-linux" ] (s: f nixpkgs.legacyPackages.${s});',
  '    in {',
  '      checks = eachSystem (pkgs: {',
  '        tests = self.packages.x86_64-linux.default.overrideAttrs (old: {',
  "          buildPhase = ''",
  '            export HOME=$TMPDIR',
  '            make test',
  "          '';",
  "          installPhase = ''",
  '            touch $out',
  "          '';",
  '        });',
  '      });',
  '      packages = eachSystem (pkgs: { default = pkgs.runCommand "x" {} \'\'',
  '        make lint-unchecked',
  "      ''; });",
  '    };',
  '}',
  '',
].join('\n');
const MAKE = 'test: lint\n\tgo test ./...\nlint:\n\tgolangci-lint run\nlint-unchecked:\n\tstaticcheck ./...\n';

function lintChains(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return g.runs
    .filter((r) => r.origin.kind === 'ci')
    .flatMap((r) => r.tools.filter((t) => t.kinds.includes('lint')).map((t) => describeChain(r, t.name)));
}

describe('flake checks in the command graph (blind round 36)', () => {
  it('nix-fast-build --flake .#checks, run from nixpkgs, builds the checks: make test → golangci-lint', () => {
    const chains = lintChains({
      'flake.nix': FLAKE,
      Makefile: MAKE,
      '.github/workflows/nix.yml': gha(
        'nix run --inputs-from . nixpkgs#nix-fast-build -- --no-nom --skip-cached --flake .#checks',
      ),
    });
    expect(chains).toEqual([
      '.github/workflows/nix.yml:7 → flake.nix:9 (nix flake check) → Makefile:4 (make lint) → golangci-lint',
    ]);
  });
  it('nix flake check and nix build .#checks.SYSTEM.NAME run the same check', () => {
    for (const run of ['nix flake check -L', 'nix build -L .#checks.x86_64-linux.tests'])
      expect(lintChains({ 'flake.nix': FLAKE, Makefile: MAKE, '.github/workflows/nix.yml': gha(run) })).toEqual([
        expect.stringContaining('Makefile:4 (make lint) → golangci-lint'),
      ]);
  });
  it('a package that is not a check is not run by nix flake check; a remote flake or no flake runs nothing here', () => {
    for (const run of ['nix flake check', 'nix flake check github:o/r', 'nix-fast-build --flake github:o/r#checks'])
      expect(
        lintChains({ 'flake.nix': FLAKE, Makefile: MAKE, '.github/workflows/nix.yml': gha(run) }).filter((c) =>
          c.includes('staticcheck'),
        ),
      ).toEqual([]);
    expect(lintChains({ Makefile: MAKE, '.github/workflows/nix.yml': gha('nix flake check') })).toEqual([]);
    expect(
      lintChains({
        'flake.nix': FLAKE.replace('make test', 'go build ./...'),
        Makefile: MAKE,
        '.github/workflows/nix.yml': gha('nix flake check'),
      }),
    ).toEqual([]);
  });
  it('a long run of check heads and unclosed strings is read in bounded time', () => {
    const flake = `{\n${'  checks.a = x;\n'.repeat(3000)}  checks.b = pkgs.runCommand "b" {} ''\n${'make lint\n'.repeat(4000)}`;
    expect(
      lintChains({ 'flake.nix': flake, Makefile: MAKE, '.github/workflows/nix.yml': gha('nix flake check') }),
    ).toEqual([]);
  });
});
