import { describe, expect, it } from 'vitest';
import rule from './health-checks.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: example/web:1.0
`;
const FLY = (checks: string) => `app = "web"
primary_region = "ams"

[[services]]
  http_checks = []
  internal_port = 8080
  protocol = "tcp"
${checks}`;

describe('health-checks: a hosting platform target beside Kubernetes manifests (blind round 35)', () => {
  it('fly.toml [[services.tcp_checks]] count beside a probe-less Deployment: partial, not fail', async () => {
    const run = await runRuleOn(
      rule,
      {
        'package.json': '{"name":"web","dependencies":{"express":"^4.0.0"}}',
        'k8s/deployment.yaml': DEPLOYMENT,
        'fly_io/web/fly.toml': FLY('\n  [[services.tcp_checks]]\n    interval = "15s"\n    timeout = "2s"\n'),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence.some((e) => e.path === 'fly_io/web/fly.toml' && e.line === 9)).toBe(true);
  });
  it('[[http_service.checks]] and [checks] count too; a fly.toml with only empty lists does not', async () => {
    for (const checks of [
      '\n[[http_service.checks]]\n  path = "/health"\n',
      '\n[checks]\n  [checks.alive]\n    type = "tcp"\n',
    ]) {
      const run = await runRuleOn(
        rule,
        { 'k8s/deployment.yaml': DEPLOYMENT, 'fly.toml': FLY(checks) },
        { profile: 'service' },
      );
      expect(run.outcome).toBe('partial');
    }
    const none = await runRuleOn(
      rule,
      { 'k8s/deployment.yaml': DEPLOYMENT, 'fly.toml': FLY('') },
      { profile: 'service' },
    );
    expect(none.outcome).toBe('fail');
  });
});
