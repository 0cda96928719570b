/**
 * Blind round 30: opt-in or incidental operations signals are not credited. A PodDisruptionBudget
 * behind a chart values switch that is off by default guards nothing as installed (sealed-secrets:
 * `pdb.enabled: false` beside a hard-coded `replicas: 1`). A "Troubleshooting" section that is one
 * link to someone else's guide is no runbook (helm/sealed-secrets/README.md). A netlify.toml that
 * publishes the web client's build beside the service's own image deploys a preview site, not the
 * service (redash); it counts where the repository's deployable is the static site.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import redundancy from './reliability/redundancy.js';
import runbooks from './operations/runbooks.js';
import continuousDeployment from './operations/continuous-deployment.js';

const chart = (pdbEnabled: boolean) => ({
  'go.mod': 'module example.com/ctl\n',
  'helm/ctl/Chart.yaml': 'apiVersion: v2\nname: ctl\nversion: 1.0.0\n',
  'helm/ctl/values.yaml': `pdb:\n  create: ${pdbEnabled}\n  minAvailable: 1\n`,
  'helm/ctl/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ctl\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: ctl\n          image: example/ctl:v1\n',
  'helm/ctl/templates/pdb.yaml':
    '{{- if .Values.pdb.create }}\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ctl\nspec:\n  minAvailable: {{ .Values.pdb.minAvailable }}\n{{- end }}\n',
});

describe('round 30: an opt-in PodDisruptionBudget earns nothing', () => {
  it('one hard-coded replica and a budget off by default: fail, the budget named as opt-in', async () => {
    const run = await runRuleOn(redundancy, chart(false), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('the PodDisruptionBudget is opt-in (off by default)');
  });
  it('the same budget on by default over one replica earns nothing either (round 35): fail, said as such', async () => {
    const run = await runRuleOn(redundancy, chart(true), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('a PodDisruptionBudget over a single replica keeps no second instance up');
  });
});

describe('round 30: a troubleshooting heading over a link is no runbook', () => {
  const service = (section: string) => ({
    'go.mod': 'module example.com/ctl\n',
    'cmd/ctl/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
    'helm/ctl/README.md': `# ctl\n\nInstall the chart.\n\n## Troubleshooting\n\n${section}\n## Upgrading\n\nRun helm upgrade.\n`,
  });
  it('one line linking to a guide elsewhere earns nothing', async () => {
    const run = await runRuleOn(
      runbooks,
      service('Find more about common errors in [this guide](https://docs.example.com/troubleshoot-charts).\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
  it('a section with its own steps earns partial credit', async () => {
    const run = await runRuleOn(
      runbooks,
      service(
        'If the controller pod restarts, check its logs with `kubectl logs deploy/ctl`.\nIf the key is missing, restore it from the backup secret and restart the pod.\n',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
  });
});

describe('round 30: a static host publishing the client is not the service deployed', () => {
  const netlify =
    '[build]\n  base = "client"\n  publish = "client/dist"\n  command = "npm run build"\n\n[[redirects]]\n  from = "/api/*"\n  to = "http://preview-backend.example.com/api/:splat"\n  status = 200\n';
  it('beside a Flask service with its own Dockerfile: set aside, fail', async () => {
    const run = await runRuleOn(
      continuousDeployment,
      {
        'requirements.txt': 'flask==3.0\ngunicorn==22.0\n',
        'app/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n',
        'client/package.json': '{"name":"client","scripts":{"build":"vite build"}}',
        'netlify.toml': netlify,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.message).toContain('netlify.toml publishes a static site built from one folder, not the service');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'netlify.toml', note: expect.stringContaining('set aside') }),
    );
  });
  it('where the static site is the deployable (no server, no image): partial, as before', async () => {
    const run = await runRuleOn(
      continuousDeployment,
      {
        'package.json': '{"name":"site","scripts":{"build":"vite build"},"devDependencies":{"vite":"^5.0.0"}}',
        'src/main.ts': 'document.body.textContent = "hi";\n',
        'netlify.toml': '[build]\n  publish = "dist"\n  command = "npm run build"\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('netlify.toml');
  });
});
