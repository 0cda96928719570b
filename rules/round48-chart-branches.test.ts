/**
 * Blind round 48, class "practice reached through chart values": a chart template writes
 * `{{- if .Values.manager.resources }} resources: {{ toYaml … }} {{- else }} resources: {} {{- end }}`.
 * Both branches were kept and YAML kept the last key, `resources: {}`, so resource-limits said the
 * workload had none although values.yaml sets limits and requests. The file is now read as the
 * chart's defaults render it when both branches of an `if` write the same key.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import resourceLimits from './reliability/resource-limits.js';

const TEMPLATE = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: operator',
  'spec:',
  '  replicas: 1',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: manager',
  '        image: {{ .Values.manager.image }}',
  '        {{- if .Values.manager.resources }}',
  '        resources:',
  '        {{ toYaml .Values.manager.resources | nindent 10 }}',
  '        {{- else }}',
  '        resources: {}',
  '        {{- end }}',
  '',
].join('\n');

const chart = (values: string): Tree => ({
  'charts/operator/Chart.yaml': 'apiVersion: v2\nname: operator\nversion: 1.0.0\n',
  'charts/operator/values.yaml': values,
  'charts/operator/templates/deployment.yaml': TEMPLATE,
});

describe('a chart key written in both branches of an if/else (round 48)', () => {
  it('passes when values.yaml sets the resources the if branch renders', async () => {
    const r = await runRuleOn(
      resourceLimits,
      chart(
        'manager:\n  image: operator:1.0\n  resources:\n    limits:\n      cpu: 400m\n      memory: 400Mi\n    requests:\n      cpu: 100m\n      memory: 50Mi\n',
      ),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Resource requests and limits are declared');
  });

  it('still fails when values.yaml leaves them empty: the else branch renders resources: {}', async () => {
    const r = await runRuleOn(resourceLimits, chart('manager:\n  image: operator:1.0\n  resources: {}\n'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('fail');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'charts/operator/templates/deployment.yaml',
        note: expect.stringContaining('no resource requests or limits'),
      }),
    );
  });
});
