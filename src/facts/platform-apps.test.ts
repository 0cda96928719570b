import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { platformApps } from './platform-apps.js';

describe('platformApps: platform application manifests as one fact (round 21)', () => {
  it('a NAIS Application: probes and resources on its workload, env, Cloud SQL, tracing and per-environment files', () => {
    const apps = platformApps(
      memoryIndex({
        '.nais/app.yaml': [
          'apiVersion: nais.io/v1alpha1', // 1
          'kind: Application', // 2
          'metadata:', // 3
          '  name: ledger', // 4
          'spec:', // 5
          '  image: {{image}}', // 6
          '  liveness:', // 7
          '    path: /isalive', // 8
          '  replicas:', // 9
          '    min: 2', // 10
          '    max: 6', // 11
          '  observability:', // 12
          '    autoInstrumentation:', // 13
          '      enabled: true', // 14
          '  gcp:', // 15
          '    sqlInstances:', // 16
          '      - type: POSTGRES_16', // 17
          '        autoBackupHour: 1', // 18
          '  env:', // 19
          '    - name: TOPIC', // 20
          '      value: x', // 21
          '',
        ].join('\n'),
        '.nais/dev-gcp.yaml': 'image: x\n',
        '.nais/prod-gcp.yaml': 'image: y\n',
        '.nais/alerts.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: a\n',
      }),
    );
    expect(apps).toHaveLength(1);
    const [a] = apps;
    expect(a).toMatchObject({ system: 'NAIS', name: 'ledger', path: '.nais/app.yaml', line: 2 });
    expect(a!.workload.containers[0]!.livenessProbe).toEqual({ path: '/isalive', httpGet: { path: '/isalive' } });
    expect(a!.workload.replicas).toBe(2);
    expect(a!.workload.replicasLine).toBe(10);
    expect(a!.workload.platform?.maxReplicas).toBe(6);
    expect(a!.env).toEqual({ line: 20, names: ['TOPIC'] });
    expect(a!.stores).toEqual([{ kind: 'Cloud SQL POSTGRES_16', line: 17, backup: 'autoBackupHour: 1' }]);
    expect(a!.tracing?.line).toBe(14);
    expect(a!.envFiles.map((f) => [f.path, f.kind])).toEqual([
      ['.nais/dev-gcp.yaml', 'dev'],
      ['.nais/prod-gcp.yaml', 'prod'],
    ]);
  });

  it('a Knative Service (Cloud Run service.yaml) is a platform app too; an Argo CD Application is not', () => {
    const apps = platformApps(
      memoryIndex({
        'deploy/service.yaml': [
          'apiVersion: serving.knative.dev/v1',
          'kind: Service',
          'metadata:',
          '  name: api',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - image: gcr.io/acme/api',
          '',
        ].join('\n'),
        'argo/app.yaml':
          'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api\nspec:\n  source:\n    path: deploy\n',
      }),
    );
    expect(apps.map((a) => [a.system, a.name])).toEqual([['Cloud Run', 'api']]);
  });
});
