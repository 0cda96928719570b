/**
 * Blind round 33: a deploy pipeline whose stages release a canary and shift the NGINX ingress's
 * canary weight (`kubectl annotate ingress/x nginx.ingress.kubernetes.io/canary-weight=10`) stages
 * the release; a pipeline that only annotates something else does not.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import progressiveDelivery from './operations/progressive-delivery.js';

const pipeline = (script: string) => ({
  'package.json': '{"name":"svc","dependencies":{"express":"^4.19.0"}}',
  'server.js': "const express = require('express');\nconst app = express();\napp.listen(8080);\n",
  'azure-pipelines.yml': `trigger:\n- main\nstages:\n  - stage: CanaryTrafficWeight10Percent\n    jobs:\n      - job: Set_TrafficCanaryTo10Percent\n        steps:\n          - script: |\n              ${script}\n`,
});

describe('round 33: canary traffic weight set by a deploy pipeline stage', () => {
  it('kubectl annotate of the nginx canary-weight passes, cited as traffic shifting in CI', async () => {
    const run = await runRuleOn(
      progressiveDelivery,
      pipeline('kubectl annotate -n app ingress/svc-blue nginx.ingress.kubernetes.io/canary-weight=10 --overwrite'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.some((e) => e.note === 'traffic shifting in CI')).toBe(true);
  });
  it('an annotation that is no canary weight stages nothing', async () => {
    const run = await runRuleOn(
      progressiveDelivery,
      pipeline('kubectl annotate -n app ingress/svc nginx.ingress.kubernetes.io/proxy-body-size=8m --overwrite'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});
