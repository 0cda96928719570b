/**
 * A one-job GitHub Actions workflow for rule tests: checkout, the `uses` steps (a setup action),
 * then one `run` step per command. Tests build the CI they need from this instead of each file
 * spelling out the same YAML.
 */
export function githubWorkflow(runs: readonly string[], uses: readonly string[] = []): string {
  return [
    'name: ci',
    'on: [push]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    ...uses.map((u) => `      - uses: ${u}`),
    ...runs.map((s) => `      - run: ${s}`),
    '',
  ].join('\n');
}
