import { describe, expect, it } from 'vitest';
import { parseYamlWithLines, indentFlowContinuations } from './yaml-lines.js';
import { runRuleOn } from '../testing/rule-tester.js';
import healthChecks from '../../rules/reliability/health-checks.js';
import redundancy from '../../rules/reliability/redundancy.js';

// A Deployment whose container args are a flow sequence continued at the key's own indent: PyYAML and
// kubectl read it; the yaml library says "must be sufficiently indented" (issue 15, blind round 49).
const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api-server',
  'spec:',
  '  replicas: 4',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: api',
  '        args: [',
  '        "--port=8090",',
  "        '--label=a]b', # a ] in a comment closes nothing",
  '        "--tracing"',
  '        ]',
  '        image: registry.example/api:v1.2.3',
  '        livenessProbe:',
  '          httpGet:',
  '            path: /healthz',
  '            port: 8091',
  '',
].join('\n');

describe('flow collections continued at their key’s indent', () => {
  it('are read as PyYAML reads them, every other line keeping its number', () => {
    const r = parseYamlWithLines(deployment);
    expect(r.error).toBeUndefined();
    const c = (
      r.docs[0]!.value as { spec: { template: { spec: { containers: { args: string[]; image: string }[] } } } }
    ).spec.template.spec.containers[0]!;
    expect(c.args).toEqual(['--port=8090', '--label=a]b', '--tracing']);
    expect(c.image).toBe('registry.example/api:v1.2.3');
    expect(r.docs[0]!.lineOf(['spec', 'template', 'spec', 'containers', 0, 'livenessProbe'])).toBe(18);
    expect(r.docs[0]!.lineOf(['spec', 'replicas'])).toBe(6);
  });

  it('make the manifest count: replicas and the liveness probe are seen', async () => {
    const tree = { 'deploy/api.yaml': deployment, 'go.mod': 'module x\n' };
    const hc = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(hc.evidence).toEqual([
      {
        path: 'deploy/api.yaml',
        line: 10,
        note: 'Deployment api-server container api has a liveness probe but no readiness probe',
      },
    ]);
    const rd = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(rd.outcome).not.toBe('fail');
  });

  it('YAML that is wrong in another way is still an error, and nothing moves where nothing needs to', () => {
    expect(parseYamlWithLines('a: [1, 2\nb: : :\n').error).toBeDefined();
    expect(parseYamlWithLines('args: [\n  "x",\n  "y"\n]\n').error).toBeUndefined();
    expect(indentFlowContinuations('a:\n  - [1, 2]\n  - "[x"\n')).toBeUndefined();
    // A block scalar holding brackets is not a flow collection.
    expect(indentFlowContinuations('run: |\n  if [ -f x ]; then\n  fi\n')).toBeUndefined();
  });
});
