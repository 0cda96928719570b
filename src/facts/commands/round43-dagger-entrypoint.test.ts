import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain } from './index.js';

function chains(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return g.runs
    .filter((r) => r.origin.kind === 'ci' && r.tools.length)
    .flatMap((r) => r.tools.map((t) => describeChain(r, t.name)));
}

/**
 * Blind round 42: a Dagger program's container execs run through the image's entrypoint before
 * Dagger 0.10 (and with `UseEntrypoint: true` since): `WithExec([]string{"deploy", …})` on the
 * flyctl image is `flyctl deploy`.
 */
const tree = (sdk: string, exec: string): Tree => ({
  '.github/workflows/cd.yml': [
    'on: { push: { branches: [main] } }',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: |',
    '          cd build',
    '          go run main.go cd',
    '',
  ].join('\n'),
  'build/go.mod': `module example.com/build\n\ngo 1.21\n\nrequire (\n\tdagger.io/dagger ${sdk}\n\tgithub.com/magefile/mage v1.15.0\n)\n`,
  'build/main.go': 'package main\n\nimport "github.com/magefile/mage/mage"\n\nfunc main() { os.Exit(mage.Main()) }\n',
  'build/magefiles.go': [
    'package main',
    '',
    'import "dagger.io/dagger"',
    '',
    'func CD(ctx context.Context) {',
    '\tdag, _ := dagger.Connect(ctx)',
    '\timage.New(ctx, dag).Deploy()',
    '}',
    '',
  ].join('\n'),
  'build/image/fly.go': [
    'package image',
    '',
    'import "dagger.io/dagger"',
    '',
    'func (image *Image) Deploy() *Image {',
    '\timage.container = image.dag.Container().From(flyctlRef()).',
    '\t\tWithExec([]string{"version"}).',
    `\t\tWithExec(${exec})`,
    '\treturn image',
    '}',
    '',
    'func flyctlRef() string {',
    '\treturn fmt.Sprintf("flyio/flyctl:v%s", "0.2.0")',
    '}',
    '',
  ].join('\n'),
});

describe('round 43: Dagger execs through the image entrypoint', () => {
  it('before Dagger 0.10 an exec of the flyctl image without its program is flyctl’s', () => {
    expect(chains(tree('v0.7.4', '[]string{"deploy", "--image", ref}'))).toEqual([
      '.github/workflows/cd.yml:9 → build/image/fly.go:8 (mage cd (Dagger container exec)) → PaaS deploy',
    ]);
  });
  it('since 0.10 only UseEntrypoint: true runs the entrypoint', () => {
    expect(chains(tree('v0.11.0', '[]string{"deploy", "--image", ref}'))).toEqual([]);
    expect(
      chains(tree('v0.11.0', '[]string{"deploy", "--image", ref}, dagger.ContainerWithExecOpts{UseEntrypoint: true}')),
    ).toEqual(['.github/workflows/cd.yml:9 → build/image/fly.go:8 (mage cd (Dagger container exec)) → PaaS deploy']);
  });
  it('an exec that names its program keeps it', () => {
    expect(chains(tree('v0.7.4', '[]string{"kubectl", "apply", "-f", "k8s/"}'))).toEqual([
      '.github/workflows/cd.yml:9 → build/image/fly.go:8 (mage cd (Dagger container exec)) → kubectl',
    ]);
  });
});
