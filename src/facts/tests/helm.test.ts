import { describe, expect, it } from 'vitest';
import { countHelm } from './helm.js';

const hook = (kind: string, name: string) =>
  `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  annotations:\n    "helm.sh/hook": test\n`;

describe('countHelm: helm test runs the Pods and Jobs marked as test hooks', () => {
  it('counts the test Pod and Job, not the ServiceAccount, Role and binding hooked beside them', () => {
    const text = [
      hook('ServiceAccount', 'sa'),
      hook('Role', 'r'),
      hook('RoleBinding', 'rb'),
      hook('Pod', 'test-connection'),
      hook('Job', 'test-job'),
    ].join('---\n');
    const r = countHelm(text, 'charts/agent/templates/tests/test.yaml');
    expect(r.framework).toBe('helm test');
    expect(r.cases).toBe(2);
  });

  it('gives a kind written by a template the benefit, and leaves out a Pod that is no hook', () => {
    const text = `${hook('{{ .Values.test.kind }}', 't')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: plain\n`;
    expect(countHelm(text, 'chart/templates/tests/t.yaml').cases).toBe(1);
  });
});
