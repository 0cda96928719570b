/**
 * Issue 15, blind round 50: a monitoring stack whose product is Jsonnet (jsonnet/<name>/**.libsonnet,
 * rendered into manifests/) had module-size and type-safety "not applicable: no product source code".
 * Its own .jsonnet/.libsonnet files are its source: module-size measures them, type-safety is not
 * applicable for the true reason (Jsonnet has no type checker). Where there is program source, or
 * only Jsonnet under examples/ and vendor/, nothing moves; the source ratios of tests-present and
 * coverage are not built on Jsonnet.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../../src/testing/memory.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import coverageGate from '../quality/coverage-gate.js';
import testsPresent from '../quality/tests-present.js';
import moduleSize from './module-size.js';
import typeSafety from './type-safety.js';

/** n lines of Jsonnet code: fields built by functions from the config (not a data table). */
const lines = (n: number, text: string) =>
  Array.from({ length: n }, (_, i) =>
    i % 2
      ? `  f${i}(c):: if c.enabled then std.mergePatch(c, { name: c.name + '-${text}' }) else {},`
      : `  local v${i} = $._config.x${i} + ${i},`,
  ).join('\n');

const stack: Tree = {
  'README.md': '# monitoring stack\n\nJsonnet libraries that render the manifests.\n',
  'jsonnetfile.json': '{"version": 1, "dependencies": []}\n',
  'jsonnet/stack/main.libsonnet': `{\n${lines(40, 'x')}\n}\n`,
  'jsonnet/stack/addons/big.libsonnet': `{\n${lines(1200, 'y')}\n}\n`,
  'examples/basic.jsonnet': `local s = import '../jsonnet/stack/main.libsonnet';\n{\n${lines(3000, 'z')}\n}\n`,
  'vendor/github.com/other/lib/huge.libsonnet': `{\n${lines(5000, 'v')}\n}\n`,
  'manifests/grafana-deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: grafana\nspec:\n  replicas: 1\n',
  'tests/e2e/main_test.go': 'package e2e\n\nimport "testing"\n\nfunc TestDeploy(t *testing.T) {\n\tt.Log("ok")\n}\n',
  'scripts/generate.sh': '#!/bin/sh\njsonnet -J vendor -m manifests example.jsonnet\n',
};

describe("a Jsonnet product's own .libsonnet files are its source", () => {
  it('module-size measures them (not examples/ or vendor/), the largest cited', async () => {
    const run = await runRuleOn(moduleSize, stack, { profile: 'infrastructure' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      '1 of 2 Jsonnet source files are at most 1,000 lines; 1 exceed it, the largest jsonnet/stack/addons/big.libsonnet (1,202 lines).',
    );
  });

  it('type-safety is not applicable because Jsonnet has no type checker, not for "no product source code"', async () => {
    const run = await runRuleOn(typeSafety, stack, { profile: 'infrastructure' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain("the product's source is Jsonnet (2 .jsonnet/.libsonnet files");
    expect(run.message).toContain('no static type checker');
    expect(run.message).not.toContain('no product source code');
  });

  it('only examples and vendored Jsonnet: still no product source; program source: Jsonnet is not counted', async () => {
    const { 'jsonnet/stack/main.libsonnet': _a, 'jsonnet/stack/addons/big.libsonnet': _b, ...noOwn } = stack;
    const none = await runRuleOn(moduleSize, noOwn, { profile: 'infrastructure' });
    expect(none.outcome).toBe('not-applicable');
    expect(none.message).toContain('no product source code');
    const service: Tree = {
      ...stack,
      'go.mod': 'module example.com/svc\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
    };
    const run = await runRuleOn(moduleSize, service, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('All 1 production source files');
    // The tests-present ratio and the coverage rule are built on program source only, Jsonnet or not.
    const withJsonnet = await runRuleOn(testsPresent, service, { profile: 'service' });
    const { 'jsonnet/stack/main.libsonnet': _c, 'jsonnet/stack/addons/big.libsonnet': _d, ...plain } = service;
    const without = await runRuleOn(testsPresent, plain, { profile: 'service' });
    expect(withJsonnet.message).toBe(without.message);
    expect(withJsonnet.outcome).toBe(without.outcome);
    const cov = await runRuleOn(coverageGate, stack, { profile: 'infrastructure' });
    const covPlain = await runRuleOn(coverageGate, noOwn, { profile: 'infrastructure' });
    expect(cov.outcome).toBe(covPlain.outcome);
  });
});
