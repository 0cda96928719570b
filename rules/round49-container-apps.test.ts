import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import continuousDeployment from './operations/continuous-deployment.js';
import redundancy from './reliability/redundancy.js';
import healthChecks from './reliability/health-checks.js';
import resourceLimits from './reliability/resource-limits.js';

/**
 * Blind round 49: an ASP.NET service deployed to Azure Container Apps with Bicep and azd. The
 * container app's `scale` bounds are its instance counts, its `resources` its size, and `azd deploy`
 * in a workflow on push is a deployment.
 */
const app = (template: string) =>
  `param name string
@description('The minimum number of replicas to run.')
param containerMinReplicas int = 1
param containerMaxReplicas int = 10
param containerCpuCoreCount string = '0.5'
param containerMemory string = '1.0Gi'

resource app 'Microsoft.App/containerApps@2023-05-02-preview' = {
  name: name
  properties: {
    configuration: {
      ingress: { external: true, targetPort: 8080 }
    }
    template: {
      containers: [
        {
          image: 'example.azurecr.io/web:latest'
          name: 'main'
${template}        }
      ]
    }
  }
}

resource env 'Microsoft.App/managedEnvironments@2023-05-01' existing = {
  name: 'env'
}
`;
const SIZED = `          resources: {
            cpu: json(containerCpuCoreCount)
            memory: containerMemory
          }
`;
const scale = (min: string) =>
  `      scale: {\n        minReplicas: ${min}\n        maxReplicas: containerMaxReplicas\n      }\n`;
const tree = (bicep: string) => ({
  'app/backend/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
  'app/backend/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
  'infra/main.bicep': "module web './app.bicep' = {\n  name: 'web'\n}\n",
  'infra/app.bicep': bicep,
});
// The scale block sits in `template`, beside `containers`: put it after the containers' closing bracket.
const withScale = (containers: string, min: string) => app(containers).replace('      ]\n', `      ]\n${scale(min)}`);

describe('redundancy: Azure Container Apps scale bounds in Bicep (blind round 49)', () => {
  it('minReplicas 1 from a parameter default, max 10: autoscaled from one, half credit, not unknown', async () => {
    const r = await runRuleOn(redundancy, tree(withScale(SIZED, 'containerMinReplicas')), { profile: 'service' });
    expect(r.outcome, r.message).toBe('partial');
    expect(r.evidence[0]).toMatchObject({
      path: 'infra/app.bicep',
      note: expect.stringContaining('autoscaled from minReplicas 1 (param containerMinReplicas default)'),
    });
  });
  it('minReplicas 2 is redundant', async () => {
    const r = await runRuleOn(redundancy, tree(withScale(SIZED, '2')), { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence[0]?.note).toContain('scale.minReplicas 2');
  });
  it('no scale block: the platform default scales to zero, named as such', async () => {
    const r = await runRuleOn(redundancy, tree(app(SIZED)), { profile: 'service' });
    expect(r.outcome, r.message).toBe('partial');
    expect(r.evidence[0]?.note).toContain('sets no scale.minReplicas');
  });
  it('an `existing` container app reference is not a deployed unit', async () => {
    const ref = "resource app 'Microsoft.App/containerApps@2023-05-01' existing = {\n  name: 'web'\n}\n";
    const r = await runRuleOn(redundancy, tree(ref), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.outcome).not.toBe('partial');
  });
});

describe('resource-limits: Azure Container Apps resources in Bicep (blind round 49)', () => {
  it('cpu and memory set on the container: pass, not "the platform sets them"', async () => {
    const r = await runRuleOn(resourceLimits, tree(withScale(SIZED, '1')), { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence[0]).toMatchObject({
      path: 'infra/app.bicep',
      note: expect.stringContaining('cpu 0.5 (param containerCpuCoreCount default), memory 1.0Gi'),
    });
  });
  it('no resources: the platform default size, a partial that says so', async () => {
    const r = await runRuleOn(resourceLimits, tree(withScale('', '1')), { profile: 'service' });
    expect(r.outcome, r.message).toBe('partial');
    expect(r.evidence[0]?.note).toContain('no resources (cpu, memory)');
  });
});

describe('continuous-deployment: the Azure Developer CLI in CI (blind round 49)', () => {
  const workflow = (cmd: string) =>
    `name: Deploy\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: Azure/setup-azd@v1\n      - name: Deploy\n        run: ${cmd}\n`;
  it('azd deploy on push to main deploys', async () => {
    const r = await runRuleOn(
      continuousDeployment,
      { ...tree(withScale(SIZED, '1')), '.github/workflows/azure-dev.yml': workflow('azd deploy --no-prompt') },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('.github/workflows/azure-dev.yml:12');
  });
  it('azd auth login alone deploys nothing', async () => {
    const r = await runRuleOn(
      continuousDeployment,
      { ...tree(withScale(SIZED, '1')), '.github/workflows/azure-dev.yml': workflow('azd auth login') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});

describe('health-checks: Azure Container Apps probes in Bicep (blind round 49)', () => {
  const PROBES = `          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: 8080 }
            }
          ]
`;
  it('probes in the container template check the app: pass', async () => {
    const r = await runRuleOn(healthChecks, tree(withScale(SIZED + PROBES, '2')), { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'infra/app.bicep', note: 'Azure Container App app defines probes' });
  });
  it('no probes: the container app is named as a unit nothing checks', async () => {
    const r = await runRuleOn(healthChecks, tree(withScale(SIZED, '2')), { profile: 'service' });
    expect(r.outcome, r.message).toBe('fail');
    expect(r.evidence.map((e) => e.note)).toContainEqual(
      expect.stringContaining('Azure Container App app has no probes'),
    );
  });
});
