/**
 * Blind round 38: Helm and Terraform read for what they deploy. The `helm create` scaffold's
 * test-connection pod is no integration test; an empty chart default (`livenessProbe: {}`,
 * `resources: {}`) renders nothing; `backend "local"` is not a remote backend; a database chart a
 * Terraform helm_release installs is a data store that backups judges.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import testTypes from './quality/test-types.js';
import healthChecks from './reliability/health-checks.js';
import backups from './reliability/backups.js';
import iac from './operations/infrastructure-as-code.js';

const GO = {
  'go.mod': 'module example.com/svc\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
  'main_test.go': 'package main\n\nimport "testing"\n\nfunc TestA(t *testing.T) {}\n',
};

const SCAFFOLD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: "{{ include "svc.fullname" . }}-test-connection"',
  '  annotations:',
  '    "helm.sh/hook": test',
  'spec:',
  '  containers:',
  '    - name: wget',
  '      image: busybox',
  "      command: ['wget']",
  '      args: [\'{{ include "svc.fullname" . }}:{{ .Values.service.port }}\']',
  '  restartPolicy: Never',
  '',
].join('\n');

const REAL_TEST = SCAFFOLD.replace(
  "      command: ['wget']\n      args: ['{{ include \"svc.fullname\" . }}:{{ .Values.service.port }}']",
  "      command: ['sh', '-c']\n      args: ['curl -fs http://{{ include \"svc.fullname\" . }}:8080/api/orders | grep -q orders']",
);

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ include "svc.fullname" . }}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
  '          {{- with .Values.readiness }}',
  '          readinessProbe:',
  '            {{- toYaml . | nindent 12 }}',
  '          {{- end }}',
  '          {{- with .Values.liveness }}',
  '          livenessProbe:',
  '            {{- toYaml . | nindent 12 }}',
  '          {{- end }}',
  '',
].join('\n');

function chart(values: string, extra: Tree = {}): Tree {
  return {
    ...GO,
    'chart/Chart.yaml': 'apiVersion: v2\nname: svc\nversion: 0.1.0\n',
    'chart/values.yaml': values,
    'chart/templates/deployment.yaml': DEPLOYMENT,
    ...extra,
  };
}

describe('Helm and Terraform read for what they deploy', () => {
  it('does not count the helm create connection test as an integration test', async () => {
    const scaffold = await runRuleOn(
      testTypes,
      chart('image: {repository: x, tag: "1"}\n', { 'chart/templates/tests/test-connection.yaml': SCAFFOLD }),
    );
    expect(scaffold.outcome).toBe('partial');
    expect(scaffold.message).toContain('no integration');
    const real = await runRuleOn(
      testTypes,
      chart('image: {repository: x, tag: "1"}\n', { 'chart/templates/tests/test-api.yaml': REAL_TEST }),
    );
    expect(real.message).not.toContain('no integration');
  });

  it('reads empty probe defaults as no probes, and set ones as probes', async () => {
    const empty = await runRuleOn(
      healthChecks,
      chart('image: {repository: x, tag: "1"}\nreadiness: {}\nliveness: {}\n'),
    );
    expect(empty.outcome).toBe('fail');
    expect(JSON.stringify(empty.evidence)).toContain('empty chart defaults, rendered as nothing');
    const set = await runRuleOn(
      healthChecks,
      chart(
        'image: {repository: x, tag: "1"}\nreadiness:\n  httpGet: {path: /ready, port: 8080}\nliveness:\n  httpGet: {path: /live, port: 8080}\n',
      ),
    );
    expect(set.outcome).toBe('pass');
  });

  it('does not take backend "local" for a remote state backend', async () => {
    const tf = (backend: string): Tree => ({
      'infra/main.tf': `terraform {\n  backend "${backend}" {}\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n`,
    });
    const local = await runRuleOn(iac, tf('local'));
    expect(local.outcome).toBe('partial');
    expect(local.message).toContain('backend "local"');
    expect((await runRuleOn(iac, tf('s3'))).outcome).toBe('pass');
  });

  it('judges a database chart a Terraform helm_release installs as a data store', async () => {
    const release = (chartName: string, values = ''): Tree => ({
      ...GO,
      'k8s/db.tf': `resource "helm_release" "db" {\n  name       = "db"\n  repository = "https://charts.bitnami.com/bitnami"\n  chart      = "${chartName}"\n  values = [\n    <<-EOF\n    ${values}\n    EOF\n  ]\n}\n`,
    });
    const none = await runRuleOn(backups, release('mongodb'));
    expect(none.outcome).toBe('fail');
    expect(none.message).toContain('helm_release "db"');
    const on = await runRuleOn(backups, release('postgresql', 'backup: {enabled: true}'));
    expect(on.outcome).toBe('pass');
    const ingress = await runRuleOn(backups, release('ingress-nginx'));
    expect(ingress.outcome).toBe('not-applicable');
  });
});
