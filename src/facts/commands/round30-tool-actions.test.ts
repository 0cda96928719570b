import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { commandGraph, runsOf } from './index.js';

const workflow = (steps: string[]) => ({
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  check:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    ...steps,
    '',
  ].join('\n'),
  'main.tf': 'resource "aws_instance" "x" {}\n',
});
const step = (uses: string, input: string) => [
  `      - uses: ${uses}`,
  '        with:',
  `          ${input}`,
  '          directory: ./examples/basic',
];

describe('third-party actions told which command to run through an input (blind round 30)', () => {
  it('terraform-action with action: validate / plan / apply runs those terraform commands', () => {
    const g = commandGraph(
      memoryIndex(
        workflow([
          ...step('acme/terraform-action@1.1.4', 'action: validate'),
          ...step('acme/terraform-action@1.1.4', 'action: plan'),
          ...step('acme/terraform-action@1.1.4', 'action: apply'),
          ...step('acme/terraform-action@1.1.4', 'action: destroy'),
        ]),
      ),
    );
    const argv = g.runs.filter((r) => r.origin.kind === 'ci').map((r) => r.argv.join(' '));
    expect(argv).toEqual(['terraform validate', 'terraform plan', 'terraform apply', 'terraform destroy']);
    expect(runsOf(g, 'build', 'ci').map((r) => r.argv.join(' '))).toContain('terraform plan');
  });
  it('an input spelling the whole command counts for any action', () => {
    const g = commandGraph(memoryIndex(workflow(step('acme/run-in-container@v2', 'command: helm lint charts/app'))));
    expect(runsOf(g, 'lint', 'ci').map((r) => r.argv.join(' '))).toEqual(['helm lint charts/app']);
  });
  it('the action name alone, an event input or an unknown verb credits nothing', () => {
    for (const s of [
      step('acme/terraform-action@1.1.4', 'version: 1.5.0'),
      step('acme/labeler-action@v3', 'action: opened'),
      step('acme/terraform-action@1.1.4', 'action: ${{ matrix.action }}'),
      step('acme/terraform-action@1.1.4', 'action: frobnicate'),
    ]) {
      const g = commandGraph(memoryIndex(workflow(s)));
      expect(g.runs.filter((r) => r.origin.kind === 'ci' && r.tools.length > 0)).toEqual([]);
    }
  });
});
