import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../testing/memory.js';
import type { ToolKind } from '../types.js';
import { ciFiles } from './ci.js';
import { commandGraph, describeChain, runsOf } from './commands/index.js';

const paths = (tree: Tree) => ciFiles(memoryIndex(tree)).map((f) => `${f.system}:${f.path}`);
const chains = (tree: Tree, kind: ToolKind) => {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind).map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
};

// A pipeline that extends another repository's template and hands it step templates (blind round 36).
const extendsPipeline = [
  'trigger:', // 1
  '  branches:', // 2
  '    include: [main]', // 3
  'resources:', // 4
  '  repositories:', // 5
  '    - repository: templates', // 6
  '      type: github', // 7
  '      name: org/pipeline-templates', // 8
  'extends:', // 9
  '  template: stages/wrapper_ci.yml@templates', // 10
  '  parameters:', // 11
  '    validationSteps:', // 12
  '      - template: steps/terraform_tflint.yml@templates', // 13
  '      - template: steps/run_checkov.yml@templates', // 14
  '      - template: steps/terraform_format.yml@templates', // 15
  '',
].join('\n');

describe('Azure Pipelines found by content wherever they are kept', () => {
  it('a pipeline that only extends a template, in any directory, is CI', () => {
    expect(paths({ 'pipelines/infra-ci.yml': extendsPipeline, 'main.tf': '' })).toEqual([
      'azure-pipelines:pipelines/infra-ci.yml',
    ]);
    expect(paths({ 'build/azure/ci.yaml': extendsPipeline })).toEqual(['azure-pipelines:build/azure/ci.yaml']);
    expect(
      paths({
        'deploy/release.yml': 'trigger: none\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: make deploy\n',
      }),
    ).toEqual(['azure-pipelines:deploy/release.yml']);
  });

  it('is not fooled by other YAML, vendored or example pipelines, or an extends without a trigger', () => {
    expect(
      paths({
        'node_modules/pkg/azure-ci.yml': extendsPipeline,
        'examples/pipelines/ci.yml': extendsPipeline,
        'config/database.yml': 'default:\n  pool: 5\nsteps:\n  - script: x\n',
        'k8s/deploy.yaml': 'apiVersion: v1\nkind: Pod\nsteps:\n  - script: x\n',
        'conf/app.yml': 'extends:\n  template: base\nname: x\n',
        'docs/mkdocs.yml': 'site_name: x\nnav:\n  - Home: index.md\n',
      }),
    ).toEqual([]);
  });

  it('templates of another repository are named by their file; the unnamed one is noted as not read', () => {
    const tree = { 'pipelines/infra-ci.yml': extendsPipeline };
    expect(chains(tree, 'lint')).toEqual(['pipelines/infra-ci.yml:13 → TFLint']);
    expect(chains(tree, 'scan')).toEqual(['pipelines/infra-ci.yml:14 → Checkov']);
    expect(chains(tree, 'format')).toEqual(['pipelines/infra-ci.yml:15 → terraform fmt']);
    const g = commandGraph(memoryIndex(tree));
    expect(g.unresolved.map((u) => u.reason)).toEqual([
      'stages/wrapper_ci.yml@templates is a template of another repository: its steps cannot be read here',
    ]);
  });

  it("a template of the repository is followed from the including file's directory, or from the root with /", () => {
    const tree = {
      'pipelines/ci.yml':
        'trigger: [main]\nsteps:\n  - template: templates/test.yml\n  - template: /shared/deploy.yml\n',
      'pipelines/templates/test.yml': 'steps:\n  - script: go test ./...\n',
      'shared/deploy.yml': 'steps:\n  - script: terraform apply -auto-approve\n',
      'shared/test.yml': 'steps:\n  - script: cargo test\n',
    };
    expect(chains(tree, 'test')).toContain(
      'pipelines/ci.yml:3 → pipelines/templates/test.yml:2 (job default) → go test',
    );
    expect(chains(tree, 'test').some((c) => c.includes('cargo test'))).toBe(false);
    expect(chains(tree, 'deploy')).toContain(
      'pipelines/ci.yml:4 → shared/deploy.yml:2 (job default) → Terraform apply',
    );
  });

  it('a template of another repository given a parameter named for a tool runs that tool; an unrelated parameter names none', () => {
    const ci = (params: string) =>
      `trigger: none\npr: [main]\nextends:\n  template: pipelines/terraform_checks.yml@templates\n  parameters:\n${params}`;
    expect(chains({ 'ci/checks.yml': ci('    tflintConfigPath: .tflint.hcl\n') }, 'lint')).toEqual([
      'ci/checks.yml:4 → TFLint',
    ]);
    expect(chains({ 'ci/checks.yml': ci('    workingDirectory: modules\n') }, 'lint')).toEqual([]);
  });

  it('a YAML file found not to be a pipeline is not held in memory; a pipeline found is', () => {
    const files = memoryIndex({
      'pipelines/infra-ci.yml': extendsPipeline,
      'deploy/values.yml': 'replicas: 3\nimage: app:1.2\n',
      'build/data.yaml': 'steps: 4\n',
    });
    expect(ciFiles(files).map((f) => f.path)).toEqual(['pipelines/infra-ci.yml']);
    expect(files.peek('deploy/values.yml')).toBeUndefined();
    expect(files.peek('build/data.yaml')).toBeUndefined();
    expect(files.peek('pipelines/infra-ci.yml')).toBe(extendsPipeline);
    // Still read once each, as before.
    expect(files.stats.filesRead).toBe(3);
  });
});
