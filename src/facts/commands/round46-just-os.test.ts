/**
 * Blind round 46 (kellnr): a justfile that defines each recipe twice, under `[unix]` and
 * `[windows]`, prefixes the Windows one with `{{ setup-msvc }}` (a variable empty off Windows) and
 * runs the Docker tests through `{{ test_docker }}` (a variable holding the command). CI on Linux
 * runs the `[unix]` recipe: `cargo clippy` is the linter, `cargo nextest run` the test runner.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function chains(tree: Tree, kind: ToolKind): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

const gha = (steps: string) =>
  `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

const JUSTFILE = [
  'setup-msvc := if os_family() == "windows" { ". ./scripts/msvc.ps1;" } else { "" }', // 1
  'test_docker := if has_docker == "true" { "cargo nextest run -E \'test(~postgres_)\'" } else { "echo no docker" }', // 2
  '',
  '# Fail on the first warning (for CI)',
  '[unix]', // 5
  'clippy-deny:',
  '    cargo clippy --workspace --all-targets -- --deny warnings', // 7
  '',
  '[windows]',
  'clippy-deny:', // 10
  '    {{ setup-msvc }} cargo clippy --workspace --all-targets --no-default-features -- --deny warnings',
  '',
  '[unix]',
  'test:',
  "    cargo nextest run --workspace -E 'not test(~postgres_)'", // 15
  '',
  '[windows]',
  'test:',
  '    {{ setup-msvc }} cargo nextest run --workspace --no-default-features',
  '',
  '[windows]', // 21
  'test-docker:',
  '    @echo "Docker tests are not supported on Windows yet"',
  '',
  '[unix]',
  'test-docker:', // 26
  '    {{ test_docker }}', // 27
  '',
].join('\n');

const tree: Tree = {
  '.github/workflows/test.yml': gha(
    '      - run: nix develop --command just clippy-deny\n      - run: nix develop --command just test\n      - run: nix develop --command just test-docker\n',
  ),
  justfile: JUSTFILE,
};

describe('just recipes per operating system (blind round 46)', () => {
  it('CI on Linux runs the [unix] recipe, whether it comes first or last: clippy and cargo nextest are found', () => {
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/test.yml:7 → justfile:7 (just clippy-deny) → Clippy']);
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/test.yml:8 → justfile:15 (just test) → cargo test',
      '.github/workflows/test.yml:9 → justfile:27 (just test-docker) → cargo test',
    ]);
  });

  it('a variable empty on Linux drops out of the line; a Windows-only recipe runs nothing on Linux', () => {
    const only = JUSTFILE.replace(/\[unix\]\nclippy-deny:\n[^\n]*\n/, '').replace(
      /\[unix\]\ntest-docker:\n[^\n]*\n/,
      '',
    );
    const t = { ...tree, justfile: only };
    expect(chains(t, 'lint')).toEqual(['.github/workflows/test.yml:7 → justfile:8 (just clippy-deny) → Clippy']);
    expect(chains(t, 'test').some((c) => c.includes('test-docker'))).toBe(false);
  });
});
