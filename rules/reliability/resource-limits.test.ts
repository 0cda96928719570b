import { fixtureTree } from '../../src/testing/fixtures.js';
import { expect } from 'vitest';
import rule from './resource-limits.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { DEV_ONLY_TREE, MIGRATE_JOB_TREE } from '../../src/testing/compose-workloads-trees.js';

const deploy = (resources: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n${resources}`;

// A Deployment CI applies in a kind cluster to test against: a fixture, not a deployment.
const REDIS_FIXTURE =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: redis\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: redis:7\n';

ruleTester(rule, {
  valid: [
    {
      name: 'third-party images beside the services built here (postgres, redis, meilisearch) are dependencies, set aside and said so',
      profile: 'service',
      tree: fixtureTree('compose-third-party'),
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'docker-compose.yml',
            line: 22,
            note: expect.stringContaining(
              "third-party images db (postgres:16), cache (redis:7-alpine), search (getmeili/meilisearch:v1.7): dependencies of the deployment, not the project's own services; resource limits are judged on the services built here",
            ),
          },
        ],
      },
    },
    {
      name: 'Kubernetes: requests and limits on every container',
      tree: {
        'k8s/api.yaml': deploy(
          '          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n            limits: { memory: 256Mi }\n',
        ),
      },
      expect: { outcome: 'pass', evidence: [{ path: 'k8s/api.yaml', line: 9 }] },
    },
    {
      name: 'Helm: resources from values.yaml count',
      tree: {
        'main.go': 'package main\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n',
        'charts/api/values.yaml': 'resources:\n  requests: { cpu: 50m }\n  limits: { memory: 64Mi }\n',
        'charts/api/templates/d.yaml': deploy(
          '          {{- with .Values.resources }}\n          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n',
        ),
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'compose deploy.resources.limits',
      tree: {
        'compose.yaml':
          'services:\n  app:\n    build: .\n    deploy:\n      resources:\n        limits: { cpus: "0.5", memory: 512M }\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'compose.yaml', line: 2 }] },
    },
    {
      name: 'Cloud Run containers with resources.limits declared in Terraform pass',
      profile: 'service',
      tree: {
        Procfile: 'web: gunicorn app.wsgi\n',
        'terraform/main.tf':
          'resource "google_cloud_run_v2_service" "app" {\n  template {\n    containers {\n      name  = "app"\n      image = "gcr.io/p/app"\n      resources {\n        limits = {\n          cpu    = "1"\n          memory = "512Mi"\n        }\n      }\n    }\n  }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'terraform/main.tf', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'compose workloads: a migration/seed job is no workload to size, as health-checks sets it aside (round 17)',
      profile: 'service',
      tree: MIGRATE_JOB_TREE,
      expect: {
        outcome: 'fail',
        message: '2 of 2 lack complete resource requests/limits',
        evidence: [
          { path: 'docker-compose.yml', line: 2, note: 'compose service notes-api has no resource limits' },
          { path: 'docker-compose.migrate.yml', line: 10, note: 'compose service release has no resource limits' },
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
      name: 'a systemd unit a package installs is judged like any other unit: no MemoryMax or CPUQuota',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        Procfile: 'web: bin/feeds\n',
        'packaging/systemd/feeds.service':
          '[Unit]\nDescription=Feeds\n\n[Service]\nExecStart=/usr/bin/feeds\nType=notify\nWatchdogSec=60s\nRestart=always\n',
      },
      expect: {
        outcome: 'fail',
        message: '1 of 1 lack',
        evidence: [
          { path: 'packaging/systemd/feeds.service', line: 4, note: 'systemd unit sets no MemoryMax/CPUQuota' },
        ],
      },
    },
    {
      name: 'Kubernetes: a finding per container without resources, with its line',
      tree: {
        'k8s/api.yaml': deploy(
          '          resources:\n            requests: { cpu: 100m }\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: sh\n      image: busybox\n',
        ),
      },
      expect: {
        outcome: 'partial',
        score: 0.25,
        evidence: [
          { path: 'k8s/api.yaml', line: 9, note: 'Deployment api container api has requests but no limits' },
          { path: 'k8s/api.yaml', line: 20 },
        ],
      },
    },
    {
      name: 'a chart package (nothing here deploys it) is judged on its values.yaml defaults; an if/else of two values blocks takes the one values.yaml sets (round 12)',
      profile: 'infrastructure',
      tree: {
        'scaler/Chart.yaml': 'apiVersion: v2\nname: scaler\nversion: 1.2.0\n',
        'scaler/values.yaml':
          'resources:\n  operator:\n    limits:\n      memory: 1000Mi\n    requests:\n      cpu: 100m\n      memory: 100Mi\n',
        'scaler/templates/deployment.yaml': deploy(
          '          resources:\n            {{- if .Values.resources.operator }}\n            {{- toYaml .Values.resources.operator | nindent 12 }}\n            {{- else }}\n            {{- toYaml .Values.resources | nindent 12 }}\n            {{- end }}\n',
        ),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'scaler/templates/deployment.yaml',
            line: 9,
            note: 'Deployment api container api: requests and limits; chart defaults: resources scaler/values.yaml:2',
          },
        ],
      },
    },
    {
      name: 'a chart package whose values.yaml defaults to empty resources fails: its defaults are what it ships (round 12; was N/A)',
      profile: 'infrastructure',
      tree: {
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n',
        'charts/api/values.yaml': 'resources: {}\n',
        'charts/api/templates/d.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources: {{- toYaml .Values.resources | nindent 12 }}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'charts/api/templates/d.yaml',
            line: 9,
            note: expect.stringContaining('no resource requests or limits'),
          },
        ],
      },
    },
    {
      name: 'Helm chart with the default empty resources fails',
      tree: {
        'main.go': 'package main\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
        'chart/Chart.yaml': 'apiVersion: v2\nname: api\n',
        'chart/values.yaml': 'resources: {}\n',
        'chart/templates/d.yaml': deploy(
          '          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
        ),
      },
      expect: { outcome: 'fail', evidence: [{ path: 'chart/templates/d.yaml', line: 9 }] },
    },
    {
      name: 'a compose service built here without limits fails; third-party images are not judged',
      tree: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n' },
      expect: { outcome: 'fail', evidence: [{ path: 'docker-compose.yml', line: 2 }], absent: ['service db'] },
    },
    {
      name: 'a Cloud Run service in Terraform is judged even beside a Procfile: no limits is half credit (platform defaults)',
      profile: 'service',
      tree: {
        Procfile: 'web: gunicorn app.wsgi\n',
        'terraform/main.tf':
          'resource "google_cloud_run_v2_service" "app" {\n  template {\n    containers {\n      name  = "app"\n      image = "gcr.io/p/app"\n    }\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [{ path: 'terraform/main.tf', line: 3, note: expect.stringContaining('platform default applies') }],
      },
    },
  ],
  notApplicable: [
    {
      name: 'compose workloads: only development services built from development images: nothing deployed to size (round 17)',
      profile: 'service',
      tree: DEV_ONLY_TREE,
      expect: {
        outcome: 'not-applicable',
        message: [
          'no deployed workload here to size',
          'compose service authd (docker-compose-dev.yml:2) set aside as local development: built from a development image (Dockerfile.dev) that is not published',
          'compose service postgres (docker-compose-dev.yml:11) set aside as local development',
        ],
      },
    },
    {
      name: 'a compose file of databases and brokers only: N/A, and the reason says they are third-party dependencies (round 8)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"mooc","dependencies":{"express":"4"}}',
        'src/server.ts': "import express from 'express';\nexpress().listen(5000);\n",
        'docker-compose.yml':
          'services:\n  mongo:\n    image: mongo:5.0.0\n  postgres:\n    image: postgres\n  rabbitmq:\n    image: rabbitmq:3.8-management\n',
      },
      expect: {
        outcome: 'not-applicable',
        message: 'the 3 compose services in docker-compose.yml run third-party images (mongo, postgres, rabbitmq)',
      },
    },
    {
      name: 'nothing declares how the service runs',
      profile: 'service',
      tree: { 'app.py': '', Dockerfile: 'FROM python:3\n' },
      expect: { outcome: 'not-applicable', message: 'nothing here declares how the service runs' },
    },
    {
      name: 'a Procfile with Heroku config: the platform sizes the service, and the reason names it (not "no orchestration")',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        Procfile: 'web: bin/feeds\n',
        'heroku.yml': 'build:\n  docker:\n    web: Dockerfile\n',
        '.github/configs/redis.yaml': REDIS_FIXTURE,
      },
      expect: { outcome: 'not-applicable', message: 'the service runs on Heroku' },
    },
    {
      name: 'a Procfile alone is a local process list: the reason does not say Heroku (round 19)',
      profile: 'service',
      tree: { 'main.go': 'package main\n', Procfile: 'web: bin/feeds\n' },
      expect: {
        outcome: 'not-applicable',
        message: 'nothing here declares how the service runs',
        absent: ['runs on Heroku'],
      },
    },
  ],
});
