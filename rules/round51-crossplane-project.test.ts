/**
 * Blind round 51 (issue 15): a Crossplane project — a CompositeResourceDefinition and a pipeline
 * Composition (apis/<name>/definition.yaml, composition.yaml) whose function is written in KCL, an
 * `upbound.yaml` project file — has no source file the tool knows and was judged "docs". Its
 * Crossplane resources are infrastructure as code: the profile is infrastructure.
 */
import { describe, expect, it } from 'vitest';
import { profileOf } from '../src/testing/profile.js';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import iac from './operations/infrastructure-as-code.js';

const XRD =
  'apiVersion: apiextensions.crossplane.io/v2\nkind: CompositeResourceDefinition\nmetadata:\n  name: clusters.aws.example.io\nspec:\n  group: aws.example.io\n';
const COMPOSITION =
  'apiVersion: apiextensions.crossplane.io/v1\nkind: Composition\nmetadata:\n  name: clusters.aws.example.io\nspec:\n  mode: Pipeline\n  pipeline:\n  - step: cluster\n    functionRef:\n      name: cluster-fn\n';

const project = (extra: Tree = {}): Tree => ({
  'README.md': '# Platform\n\nA reference platform.\n',
  'upbound.yaml': 'apiVersion: meta.dev.upbound.io/v2alpha1\nkind: Project\nmetadata:\n  name: platform\n',
  'apis/clusters/definition.yaml': XRD,
  'apis/clusters/composition.yaml': COMPOSITION,
  'functions/cluster/main.k': 'import models.io.upbound.aws.eks.v1beta1 as eksv1beta1\n\n_items = []\nitems = _items\n',
  'functions/cluster/kcl.mod': '[package]\nname = "cluster"\nversion = "0.0.1"\n',
  ...extra,
});

describe('round 51: a Crossplane project is infrastructure', () => {
  it('an XRD and a Composition with a KCL function: infrastructure, citing the Crossplane file', async () => {
    const p = await profileOf(project());
    expect(p.id).toBe('infrastructure');
    expect(p.reasons.join(' ')).toContain('apis/clusters/');
    expect(p.reasons.join(' ')).toContain('Crossplane');
  });

  it('a Crossplane Configuration package (crossplane.yaml) alone with compositions is infrastructure', async () => {
    const p = await profileOf({
      'README.md': '# x\n',
      'package/crossplane.yaml':
        'apiVersion: meta.pkg.crossplane.io/v1\nkind: Configuration\nmetadata:\n  name: platform\n',
      'package/xrds/cluster.yaml': XRD,
    });
    expect(p.id).toBe('infrastructure');
  });

  it('the IaC rule passes on it', async () => {
    const r = await runRuleOn(iac, project());
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Crossplane');
  });

  it('Crossplane claims only in examples/ of a docs repository make no infrastructure', async () => {
    const p = await profileOf({
      'README.md': '# Guide\n',
      'docs/intro.md': '# Intro\n',
      'examples/cluster.yaml': XRD,
    });
    expect(p.id).toBe('docs');
  });

  it('a YAML file that only mentions Crossplane in a value is not a Crossplane resource', async () => {
    const p = await profileOf({
      'README.md': '# Notes\n',
      'notes/definition.yaml': 'title: Crossplane notes\nlink: https://apiextensions.crossplane.io/v1\n',
    });
    expect(p.id).toBe('docs');
  });
});
