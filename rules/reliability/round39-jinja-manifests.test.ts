import { describe, expect, it } from 'vitest';
import limits from './resource-limits.js';
import progressive from '../operations/progressive-delivery.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { blankJinjaTags } from '../../src/facts/k8s.js';

const deployment = (resources: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    '  namespace: {{ namespace }}',
    'spec:',
    '  replicas: {{ replicas | default(2) }}',
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate:',
    '      maxSurge: 1',
    '      maxUnavailable: 0',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: "{{ image }}:{{ image_tag }}"',
    '          {% if env_vars %}',
    '          env:',
    '            {% for k, v in env_vars.items() %}',
    '            - name: {{ k }}',
    '              value: "{{ v }}"',
    '            {% endfor %}',
    '          {% endif %}',
    '          {# the limits come from the deploy script #}',
    resources,
    '',
  ].join('\n');
const RES = [
  '          resources:',
  '            requests: { cpu: "{{ cpu }}", memory: 256Mi }',
  '            limits: { cpu: "1", memory: 512Mi }',
].join('\n');
const APP = { 'pyproject.toml': '[project]\nname = "api"\ndependencies = ["litestar"]\n' };

describe('Kubernetes manifests kept as Jinja templates are manifests (blind round 39)', () => {
  for (const ext of ['yaml.j2', 'yml.jinja', 'yaml.tmpl']) {
    it(`a ${ext} Deployment with requests and limits passes`, async () => {
      const run = await runRuleOn(
        limits,
        { ...APP, [`deploy/k8s/api-deployment.${ext}`]: deployment(RES) },
        { profile: 'service' },
      );
      expect(run.outcome).toBe('pass');
      expect(run.evidence[0]).toMatchObject({ path: `deploy/k8s/api-deployment.${ext}` });
    });
  }

  it('a .yaml.j2 Deployment without resources fails, named by its file', async () => {
    const run = await runRuleOn(
      limits,
      { ...APP, 'deploy/k8s/api-deployment.yaml.j2': deployment('') },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'deploy/k8s/api-deployment.yaml.j2' }));
  });

  it("a .yaml.j2 Deployment's rolling-update settings count for progressive delivery", async () => {
    const run = await runRuleOn(
      progressive,
      { ...APP, 'deploy/k8s/api-deployment.yaml.j2': deployment(RES) },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
  });

  it('statement and comment tags are blanked with lines kept; an unclosed tag ends the scan', () => {
    expect(blankJinjaTags('a: 1\n{% if x %}\nb: 2\n{# c\nd #}\n')).toBe('a: 1\n\nb: 2\n\n\n');
    expect(blankJinjaTags(`a: 1\n${'{% '.repeat(50000)}`)).toBe(`a: 1\n${'{% '.repeat(50000)}`);
  });
});

describe('blankJinjaTags on many tags', () => {
  it('blanks many statement tags before one comment tag far away', () => {
    const text = `${'{% x %}a\n'.repeat(20000)}{# end #}`;
    const out = blankJinjaTags(text);
    expect(out.split('\n').length).toBe(text.split('\n').length);
    expect(out.includes('{')).toBe(false);
  });
});

describe('Jinja blocks off by default', () => {
  it('blanks the body of `{% if x | default(false) %}`, keeps the rest', () => {
    const text =
      'a: 1\n{% if rl | default(false) %}\nb: 2\n{% if y %}c: 3{% endif %}\n{% endif %}\nd: 4\n{% if z %}\ne: 5\n{% endif %}\n';
    expect(blankJinjaTags(text)).toBe('a: 1\n\n\n\n\nd: 4\n\ne: 5\n\n');
  });
});
