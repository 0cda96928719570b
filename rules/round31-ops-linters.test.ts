/**
 * Blind round 31, class "operations-repository catalogue": a GitOps repository configures
 * ShellCheck (.shellcheckrc) and yamllint (.yamllint.yaml). ShellCheck lints shell code anywhere;
 * yamllint lints the code only where YAML is the code (Kubernetes manifests, Ansible), and stays a
 * document linter in an application repository.
 */
import { describe, expect, it } from 'vitest';
import { webDeployment } from '../src/testing/k8s-trees.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import linting from './quality/linting.js';

const MANIFEST = webDeployment();

const gitops = (extra: Tree): Tree => ({
  'kubernetes/apps/web/deployment.yaml': MANIFEST,
  'kubernetes/apps/web/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\n',
  ...extra,
});

describe('linters of an operations repository', () => {
  it('credits a .shellcheckrc as a configured linter', async () => {
    const r = await runRuleOn(linting, gitops({ '.shellcheckrc': 'disable=SC1091\n' }));
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('ShellCheck');
  });

  it('credits .yamllint.yaml where the manifests are the code', async () => {
    const r = await runRuleOn(linting, gitops({ '.yamllint.yaml': 'extends: default\n' }));
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('yamllint');
  });

  it('does not credit .yamllint.yaml in a library, where YAML is configuration', async () => {
    const r = await runRuleOn(linting, {
      'go.mod': 'module github.com/acme/lib\n\ngo 1.22\n',
      'lib.go': 'package lib\n\nfunc A() int { return 1 }\n',
      '.yamllint.yaml': 'extends: default\n',
    });
    expect(r.outcome).toBe('fail');
  });

  it('fails an operations repository with neither', async () => {
    expect((await runRuleOn(linting, gitops({}))).outcome).toBe('fail');
  });
});
