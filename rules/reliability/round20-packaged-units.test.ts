/**
 * Round 20: the systemd units a package installs (a .deb/.rpm built with nfpm from ci/build/, or
 * kept in packaging/ or debian/) are for users who install that package; beside a Helm chart they
 * are not deployed units, so health-checks and resource-limits judge the chart's workload alone.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import healthChecks from './health-checks.js';
import resourceLimits from './resource-limits.js';

const UNIT =
  '[Unit]\nDescription=notebook\n\n[Service]\nType=exec\nExecStart=/usr/bin/notebook --bind-addr 127.0.0.1:8080\nRestart=always\n\n[Install]\nWantedBy=default.target\n';

const TREE: Tree = {
  'package.json': '{"name":"notebook","version":"4.1.0","dependencies":{"express":"4.19.0"}}',
  'src/server.ts': 'import express from "express";\nconst app = express();\napp.listen(8080);\n',
  'ci/build/nfpm.yaml': [
    'name: "notebook"',
    'contents:',
    '  - src: ./ci/build/notebook@.service',
    '    dst: /usr/lib/systemd/system/notebook@.service',
    '  - src: ./ci/build/notebook-user.service',
    '    dst: /usr/lib/systemd/user/notebook.service',
    '',
  ].join('\n'),
  'ci/build/notebook@.service': UNIT,
  'ci/build/notebook-user.service': UNIT,
  'ci/helm-chart/Chart.yaml': 'apiVersion: v2\nname: notebook\nversion: 3.0.0\n',
  'ci/helm-chart/values.yaml': 'replicaCount: 1\nimage:\n  repository: acme/notebook\nresources: {}\n',
  'ci/helm-chart/templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}-notebook',
    'spec:',
    '  replicas: {{ .Values.replicaCount }}',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: notebook',
    '          image: "{{ .Values.image.repository }}"',
    '          livenessProbe:',
    '            httpGet: { path: /healthz, port: http }',
    '          readinessProbe:',
    '            httpGet: { path: /healthz, port: http }',
    '          resources:',
    '            {{- toYaml .Values.resources | nindent 12 }}',
    '',
  ].join('\n'),
};

describe('round 20: units a package installs are not deployed units beside a chart', () => {
  it('health-checks passes on the chart container; resource-limits counts it alone', async () => {
    const h = await runRuleOn(healthChecks, TREE, { profile: 'service' });
    expect(h.outcome, h.message).toBe('pass');
    expect(h.evidence).toContainEqual(
      expect.objectContaining({ path: 'ci/helm-chart/templates/deployment.yaml', line: 10 }),
    );
    expect(JSON.stringify(h.evidence)).not.toContain('.service');
    const l = await runRuleOn(resourceLimits, TREE, { profile: 'service' });
    expect(l.outcome, l.message).toBe('fail');
    expect(l.message).toContain('1 of 1 lack complete resource requests/limits');
    expect(l.evidence).toContainEqual(
      expect.objectContaining({ path: 'ci/helm-chart/templates/deployment.yaml', line: 10 }),
    );
  });

  it('without a chart the packaged units are how the service runs, and are judged', async () => {
    const tree = Object.fromEntries(Object.entries(TREE).filter(([p]) => !p.startsWith('ci/helm-chart/')));
    const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(h.outcome, h.message).toBe('fail');
    expect(h.evidence).toContainEqual(
      expect.objectContaining({ path: 'ci/build/notebook@.service', note: expect.stringContaining('no watchdog') }),
    );
  });
});
