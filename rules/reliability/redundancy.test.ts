import { describe, expect, it } from 'vitest';
import rule from './redundancy.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';
import { DEV_ONLY_TREE, MIGRATE_JOB_TREE } from '../../src/testing/compose-workloads-trees.js';

const deploy = (name: string, replicas: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${replicas}  template:\n    spec:\n      containers:\n        - name: app\n`;
const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 1\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a justfile recipe that scales the Fly.io app to two machines across regions: redundant (round 42)',
      profile: 'service',
      tree: {
        'fly.toml': 'app = "shop"\n\n[http_service]\n  internal_port = 4000\n',
        justfile:
          'deploy:\n    flyctl deploy\n\n# survive a region failure\nresilient:\n    flyctl scale count 2 --max-per-region 1 --region iad,ewr\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'justfile', line: 6, note: expect.stringContaining('sets 2 instances on the platform') }],
      },
    },
    {
      name: 'Kubernetes: 3 replicas, an HPA-scaled worker and a PDB in multi-document YAML',
      profile: 'service',
      tree: {
        'k8s/all.yaml': `${deploy('api', '  replicas: 3\n')}---\n${deploy('worker', '')}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: worker\nspec:\n  scaleTargetRef: { kind: Deployment, name: worker }\n  minReplicas: 2\n---\n${pdb}`,
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'k8s/all.yaml', line: 6, note: 'Deployment api: 3 replicas' }],
        data: { podDisruptionBudgets: 1 },
      },
    },
    {
      name: 'Terraform: an ASG with min_size 2 and a multi-AZ database',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'infra/main.tf':
          'resource "aws_autoscaling_group" "web" {\n  min_size = 2\n  max_size = 6\n}\n\nresource "aws_db_instance" "db" {\n  multi_az = true\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'infra/main.tf', line: 1 },
          { path: 'infra/main.tf', line: 6 },
        ],
      },
    },
    {
      name: 'Cloud Run autoscales across zones: a service capped at 5 instances is redundant',
      profile: 'service',
      tree: {
        'terraform/main.tf':
          'resource "google_cloud_run_v2_service" "app" {\n  name     = "app"\n  location = "europe-west1"\n  template {\n    scaling {\n      max_instance_count = 5\n    }\n    containers {\n      image = "gcr.io/p/app"\n    }\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'terraform/main.tf', line: 1, note: expect.stringContaining('autoscales across zones') }],
      },
    },
    {
      name: 'gcloud run deploy --min-instances in CI is a Cloud Run scaling setting',
      profile: 'service',
      tree: {
        '.github/workflows/deploy.yml':
          'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gcloud run deploy api --image gcr.io/p/api --min-instances=1 --region europe-west1\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.github/workflows/deploy.yml', line: 5 }] },
    },
  ],
  invalid: [
    {
      name: 'a fly.toml with a scale command to one machine: a single instance, named (round 42)',
      profile: 'service',
      tree: {
        'fly.toml': 'app = "shop"\n\n[http_service]\n  internal_port = 4000\n',
        Makefile: 'scale-down:\n\tfly scale count 1\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'Makefile', line: 2, note: expect.stringContaining('sets 1 instance') }],
      },
    },
    {
      name: 'compose workloads: a migration/seed job has no instance count to judge, as health-checks sets it aside (round 17)',
      profile: 'service',
      tree: MIGRATE_JOB_TREE,
      expect: {
        outcome: 'fail',
        message: '0 of 2 deployed units are redundant',
        evidence: [
          {
            path: 'docker-compose.yml',
            line: 2,
            note: expect.stringContaining('compose service notes-api runs one instance'),
          },
          {
            path: 'docker-compose.migrate.yml',
            line: 10,
            note: expect.stringContaining('compose service release runs one instance'),
          },
          {
            path: 'docker-compose.migrate.yml',
            line: 2,
            note: expect.stringContaining(
              'compose service db-migrate (docker-compose.migrate.yml:2) set aside: a one-shot job (named for a migration or seed step',
            ),
          },
          {
            path: 'docker-compose.migrate.yml',
            line: 7,
            note: expect.stringContaining(
              'set aside: a one-shot job (its command `npx prisma db seed` migrates or seeds',
            ),
          },
        ],
      },
    },
    {
      name: 'compose workloads: development services are not deployed units, as health-checks says (round 17)',
      profile: 'service',
      tree: DEV_ONLY_TREE,
      // Nothing else deploys the service: not applicable, as resource-limits on the same fact
      // (blind round 44), the reason naming the services set aside.
      expect: {
        outcome: 'not-applicable',
        message:
          'no deployed workload here to replicate: compose service authd (docker-compose-dev.yml:2) set aside as local development: built from a development image (Dockerfile.dev) that is not published',
      },
    },
    {
      name: 'compose files of a hidden .examples/ folder are demos, not deployed units: only the documented Kubernetes Deployment is judged',
      profile: 'service',
      tree: {
        'go.mod': 'module github.com/acme/watch\n\ngo 1.22\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        '.examples/kubernetes/watch.yaml': deploy('watch', '  replicas: 1\n'),
        '.examples/docker-compose-sqlite/compose.yaml':
          'services:\n  watch:\n    image: acme/watch:latest\n    restart: always\n    ports:\n      - "8080:8080"\n',
        '.examples/docker-compose-chat/compose.yaml':
          'services:\n  watch:\n    image: acme/watch:latest\n    restart: always\n  chat:\n    image: acme/watch:latest\n    restart: always\n',
      },
      expect: {
        outcome: 'fail',
        message: '0 of 1 deployed units are redundant',
        evidence: [
          { path: '.examples/kubernetes/watch.yaml', note: expect.stringContaining('Deployment watch runs 1 replica') },
        ],
      },
    },
    {
      name: 'a controller chart with one replica, an opt-in PodDisruptionBudget and an enableHA switch its templates read is partial, and says both are off by default',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/agent\n',
        'charts/agent/Chart.yaml': 'apiVersion: v2\nname: agent\nversion: 1.0.0\n',
        'charts/agent/values.yaml':
          'agent:\n  enableHA: false\n  replicas: 1\n  podDisruptionBudget:\n    enabled: false\n    minAvailable: 1\n',
        'charts/agent/templates/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: agent\nspec:\n{{- if not (.Values.agent.enableHA) }}\n  replicas: 1\n{{- else }}\n  replicas: {{ .Values.agent.replicas }}\n{{- end }}\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: example/agent:v1\n',
        'charts/agent/templates/pdb.yaml':
          '{{- if .Values.agent.podDisruptionBudget.enabled }}\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: agent\nspec:\n  minAvailable: {{ .Values.agent.podDisruptionBudget.minAvailable }}\n{{- end }}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5 * 0.8, // the opt-in budget earns nothing (round 30)
        message:
          'the PodDisruptionBudget is opt-in (off by default); 1 of them has an HA mode behind a chart values switch',
        data: { redundant: 0, single: 1, podDisruptionBudgets: 0, optInPodDisruptionBudgets: 1, haSwitchWorkloads: 1 },
        evidence: [
          {
            path: 'charts/agent/templates/deployment.yaml',
            line: 7,
            note: expect.stringContaining(
              'the chart has an HA switch, off by default: .Values.agent.enableHA (charts/agent/templates/deployment.yaml:6)',
            ),
          },
          {
            path: 'charts/agent/templates/pdb.yaml',
            line: 3,
            note: 'PodDisruptionBudget agent: the chart offers it behind a values switch, off by default',
          },
        ],
      },
    },
    {
      name: 'Helm: replicaCount 1 from values and the HPA disabled by default is a finding at the replicas line',
      profile: 'service',
      tree: {
        'chart/Chart.yaml': 'apiVersion: v2\nname: api\n',
        'chart/values.yaml': 'replicaCount: 1\nautoscaling:\n  enabled: false\n',
        'chart/templates/deployment.yaml': deploy(
          '{{ include "api.fullname" . }}',
          '  {{- if not .Values.autoscaling.enabled }}\n  replicas: {{ .Values.replicaCount }}\n  {{- end }}\n',
        ),
        'chart/templates/hpa.yaml':
          '{{- if .Values.autoscaling.enabled }}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: x\n{{- end }}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'chart/templates/deployment.yaml', line: 7 }],
        data: { autoscalers: 0 },
      },
    },
    {
      name: 'Kubernetes: redundant but no PodDisruptionBudget is partial',
      profile: 'service',
      tree: { 'deploy/api.yml': deploy('api', '  replicas: 2\n') },
      expect: { outcome: 'partial', score: 0.8, message: 'no PodDisruptionBudget' },
    },
    {
      name: 'Terraform: a single-AZ database and an ECS service with one task are findings',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'db.tf':
          'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\nresource "aws_ecs_service" "api" {\n  desired_count = 3\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [{ path: 'db.tf', line: 1, note: 'aws_db_instance.db: multi_az unset' }],
      },
    },
    {
      name: 'EKS node groups passed to a module call: min_size per workspace from a lookup map and a literal, judged as floors (blind round 23)',
      profile: 'infrastructure',
      tree: {
        'eks/backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'eks/cluster.tf':
          'locals {\n  min_nodes = {\n    live    = "40"\n    staging = "2"\n    default = "2"\n  }\n\n  general_ng = {\n    max_size = 60\n    min_size = lookup(local.min_nodes, terraform.workspace, local.min_nodes["default"])\n  }\n\n  metrics_ng = {\n    max_size = 1\n    min_size = 1 # one large node\n  }\n}\n\nmodule "eks" {\n  source = "terraform-aws-modules/eks/aws"\n  eks_managed_node_groups = {\n    general = local.general_ng\n    metrics = local.metrics_ng\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [
          {
            path: 'eks/cluster.tf',
            line: 15,
            note: 'node group metrics_ng: min_size 1: a single instance can be all that runs',
          },
          {
            path: 'eks/cluster.tf',
            line: 10,
            note: 'node group general_ng: min_size per workspace live 40, staging 2, default 2 (min_nodes, eks/cluster.tf:2)',
          },
        ],
      },
    },
    {
      name: 'Terraform module: a setting read from a variable is judged by the variable default',
      profile: 'infrastructure',
      tree: {
        'backend.tf': 'terraform {\n  backend "s3" {}\n}\n',
        'modules/db/main.tf': 'resource "aws_db_instance" "this" {\n  multi_az = var.multi_az\n}\n',
        'modules/db/variables.tf': 'variable "multi_az" {\n  type    = bool\n  default = false\n}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'modules/db/main.tf',
            line: 1,
            note: 'aws_db_instance.this: multi_az false (from var.multi_az default)',
          },
        ],
      },
    },
    {
      name: 'DigitalOcean App Platform: instance_count 1 is a finding with its line',
      profile: 'service',
      tree: { 'spec.yaml': 'name: app\nservices:\n  - name: api\n    http_port: 8000\n    instance_count: 1\n' },
      expect: { outcome: 'fail', evidence: [{ path: 'spec.yaml', line: 5, note: 'instance_count 1' }] },
    },
    {
      name: 'a root compose file that builds and runs the one service is one instance (consistent with health-checks)',
      profile: 'service',
      tree: {
        'docker-compose.yaml':
          'services:\n  # to run it in a container instead of the cluster\n  kubero:\n    build:\n      context: .\n    image: ghcr.io/acme/kubero:latest\n    env_file:\n      - server/.env\n',
        'server/src/main.ts': 'bootstrap();\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'docker-compose.yaml',
            line: 3,
            note: expect.stringContaining('compose service kubero runs one instance'),
          },
        ],
      },
    },
    {
      name: 'a NixOS module with one systemd service is one instance (as one compose service is)',
      profile: 'service',
      tree: {
        'nix/modules/payd.nix':
          '{ config, lib, pkgs, ... }:\n{\n  config = {\n    systemd.services.payd = {\n      wantedBy = [ "multi-user.target" ];\n      serviceConfig = {\n        ExecStart = "${pkgs.payd}/bin/payd";\n      };\n    };\n  };\n}\n',
        'payd/app.py': 'app = 1\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'nix/modules/payd.nix', line: 4, note: expect.stringContaining('systemd unit: one process') },
        ],
      },
    },
    {
      name: 'a systemd unit beside Kubernetes workloads that declare replicas is not counted again',
      profile: 'service',
      tree: {
        'deploy/payd.service': '[Unit]\nDescription=payd\n[Service]\nExecStart=/usr/bin/payd\n',
        'k8s/api.yaml': `${deploy('api', '  replicas: 3\n')}---\n${pdb}`,
      },
      expect: { outcome: 'pass', message: '1 of 1 redundant' },
    },
    {
      name: 'a compose file in a folder, mounting the source tree, is the same unit health-checks judges: one instance',
      profile: 'service',
      tree: {
        'docker/docker-compose.yml':
          'services:\n  web:\n    build: .\n    command: bin/dev\n    volumes:\n      - .:/usr/src/app\n  database:\n    image: postgres:16\n',
        'app/models/user.rb': 'class User; end\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'docker/docker-compose.yml', line: 2, note: expect.stringContaining('mounts the source tree') },
        ],
      },
    },
    {
      name: 'nothing deploys the service: not applicable, not a fail (as resource-limits)',
      profile: 'service',
      tree: { 'app.py': 'print(1)\n' },
      expect: { outcome: 'not-applicable', message: 'nothing here declares how the service runs' },
    },
    {
      name: 'the deployment compose file (a self-hosting template) runs one instance of the app',
      profile: 'service',
      tree: {
        'docker-compose.yml':
          'services:\n  app:\n    image: acme/sign:latest\n    ports:\n      - 3000:3000\n  postgres:\n    image: postgres:16\n',
        '.github/workflows/docker.yml':
          'jobs:\n  push:\n    steps:\n      - uses: docker/metadata-action@v5\n        with:\n          images: acme/sign\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'docker-compose.yml', line: 2, note: expect.stringContaining('runs one instance') }],
      },
    },
    {
      name: 'a Cloud Run service capped at one instance, and a v1 service with maxScale 1, are single instances',
      profile: 'service',
      tree: {
        'main.tf':
          'resource "google_cloud_run_v2_service" "a" {\n  template {\n    scaling {\n      max_instance_count = 1\n    }\n  }\n}\n\nresource "google_cloud_run_service" "b" {\n  template {\n    metadata {\n      annotations = {\n        "autoscaling.knative.dev/maxScale" = "1"\n      }\n    }\n  }\n}\n',
      },
      expect: { outcome: 'fail', data: { redundant: 0, single: 2 } },
    },
    {
      name: "a chart's autoscaler targets one workload by its templated name: the chart's other workloads are not autoscaled by it (round 12)",
      profile: 'infrastructure',
      tree: {
        'addon/Chart.yaml': 'apiVersion: v2\nname: addon\nversion: 0.4.0\n',
        'addon/values.yaml': 'operator:\n  replicas: 1\n',
        'addon/templates/interceptor.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Chart.Name }}-interceptor\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n',
        'addon/templates/operator.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Chart.Name }}-controller-manager\nspec:\n  replicas: {{ .Values.operator.replicas }}\n  template:\n    spec:\n      containers:\n        - name: app\n',
        'addon/templates/scaledobject.yaml':
          'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: {{ .Chart.Name }}-interceptor\nspec:\n  minReplicaCount: 3\n  scaleTargetRef:\n    name: "{{ .Chart.Name }}-interceptor"\n    kind: Deployment\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'addon/templates/interceptor.yaml', note: expect.stringContaining('is autoscaled') },
          { path: 'addon/templates/operator.yaml', line: 6, note: expect.stringContaining('runs 1 replica') },
        ],
      },
    },
    {
      name: 'a chart package (nothing here deploys it) is judged on its default replica count, as health-checks judges its probes (round 12)',
      profile: 'infrastructure',
      tree: {
        'addon/Chart.yaml': 'apiVersion: v2\nname: addon\nversion: 0.4.0\n',
        'addon/values.yaml': 'scaler:\n  replicas: 3\noperator:\n  replicas: 1\n',
        'addon/templates/scaler.yaml': deploy('scaler', '  replicas: {{ .Values.scaler.replicas }}\n'),
        'addon/templates/operator.yaml': deploy('operator', '  replicas: {{ .Values.operator.replicas }}\n'),
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'addon/templates/operator.yaml', line: 6, note: expect.stringContaining('operator runs 1 replica') },
          {
            path: 'addon/templates/scaler.yaml',
            line: 6,
            note: 'Deployment scaler: 3 replicas (chart default addon/values.yaml:2)',
          },
        ],
      },
    },
  ],
  notApplicable: [
    {
      name: 'a reusable Terraform module is judged as a package: its input defaults are the caller’s to override',
      profile: 'infrastructure',
      tree: {
        'main.tf':
          'resource "aws_db_instance" "this" {\n  multi_az = var.multi_az\n  backup_retention_period = var.retention\n}\n',
        'variables.tf': 'variable "multi_az" {\n  default = false\n}\nvariable "retention" {\n  default = null\n}\n',
        'examples/basic/main.tf':
          'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "db" {\n  source = "../../"\n  multi_az = true\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'a reusable Terraform module' },
    },
    { name: 'a library', profile: 'library', tree: { 'a.py': '' }, expect: { outcome: 'not-applicable' } },
  ],
});

describe('redundancy: an HPA with minReplicas 1 is a single instance at low load (round 18)', () => {
  const deployment =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: acme/orders:1.0\n';
  const hpa = (min: number) =>
    `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: orders\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: orders\n  minReplicas: ${min}\n  maxReplicas: 10\n`;
  const app = {
    'pom.xml': '<project><artifactId>orders</artifactId></project>\n',
    'src/main/java/Orders.java': 'class Orders {}\n',
  };
  it('says HPA min 1 and gives half credit, not "redundant"', async () => {
    const run = await runRuleOn(
      rule,
      { ...app, 'k8s/deployment.yaml': deployment, 'k8s/hpa.yaml': hpa(1) },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      '0 of 1 deployed units are redundant; 1 of 1 run at most one instance at low load (1 of them autoscaled from HPA min 1); no PodDisruptionBudget.',
    );
    expect(run.evidence[0]).toEqual({
      path: 'k8s/deployment.yaml',
      line: 2,
      note: 'Deployment orders is autoscaled from HPA min 1 (k8s/hpa.yaml:10): a single instance at low load, more only under load',
    });
    expect(run.score).toBeCloseTo(0.4);
  });
  it('an HPA with minReplicas 2 is redundant', async () => {
    const run = await runRuleOn(
      rule,
      { ...app, 'k8s/deployment.yaml': deployment, 'k8s/hpa.yaml': hpa(2) },
      { profile: 'service' },
    );
    expect(run.message).toMatch(/^1 of 1 deployed units are redundant/);
    expect(run.evidence[0]).toMatchObject({ note: 'Deployment orders is autoscaled (HPA min 2)' });
  });
});

describe('redundancy: node-group floors read in bounded work (hostile input, review 23)', () => {
  const backend = { 'eks/backend.tf': 'terraform {\n  backend "s3" {}\n}\n' };
  it('a long run of blanks after a floor value is one pass, the value trimmed', async () => {
    const tf = `locals {\n  ng = {\n    min_size = 1${' '.repeat(200_000)}\n    max_size = 3\n  }\n  other = {\n    min_size = a${' '.repeat(200_000)}x\n  }\n}\n`;
    const run = await runRuleOn(rule, { ...backend, 'eks/main.tf': tf }, { profile: 'infrastructure' });
    const floors = run.evidence.filter((e) => e.note?.startsWith('node group'));
    expect(floors).toEqual([
      expect.objectContaining({
        line: 3,
        snippet: 'min_size = 1',
        note: expect.stringContaining('node group ng: min_size 1'),
      }),
    ]);
  });
  it('finds each setting its owner in one pass: nearest less-indented `name = {` above, nesting kept', async () => {
    const groups = 4000;
    let tf = 'locals {\n';
    for (let i = 0; i < groups; i++)
      tf += `  g${i} = {\n    inner = {\n      x = 1\n    }\n    min_size = ${i % 2 ? 2 : 1}\n  }\n`;
    tf += '}\n';
    const run = await runRuleOn(rule, { ...backend, 'eks/main.tf': tf }, { profile: 'infrastructure' });
    const floors = run.evidence.filter((e) => e.note?.startsWith('node group'));
    expect(floors.length).toBeGreaterThan(0); // the evidence shown is capped
    expect(run.message).toMatch(/\b\d+/);
    for (const e of floors) {
      const i = (e.line! - 2 - 4) / 6;
      expect(e.note).toMatch(new RegExp(`^node group g${i}: min_size ${i % 2 ? 2 : 1}`));
    }
  });
});
