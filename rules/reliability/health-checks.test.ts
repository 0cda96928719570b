import { fixtureTree } from '../../src/testing/fixtures.js';
import { expect } from 'vitest';
import rule from './health-checks.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { DEV_ONLY_TREE, MIGRATE_JOB_TREE } from '../../src/testing/compose-workloads-trees.js';

const probed = (name: string) =>
  `        - name: ${name}\n          readinessProbe: { httpGet: { path: /ready, port: 8080 } }\n          livenessProbe: { httpGet: { path: /live, port: 8080 } }\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a one-shot compose job (restart "no", awaited with service_completed_successfully) needs no healthcheck: set aside and said (round 16)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"blog","dependencies":{"@nestjs/core":"10.0.0"}}',
        Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "main.js"]\n',
        'docker-compose.yml': [
          'services:',
          '  app:',
          '    build: .',
          '    restart: unless-stopped',
          '    depends_on:',
          '      migrate:',
          '        condition: service_completed_successfully',
          '    healthcheck:',
          "      test: [CMD, curl, -f, 'http://127.0.0.1:2333/api/ping']",
          '  migrate:',
          '    build: .',
          "    command: ['node', 'migrate.mjs']",
          '  seed:',
          '    build: .',
          "    command: ['node', 'seed.mjs']",
          "    restart: 'no'",
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'One-shot compose jobs migrate and seed set aside',
        evidence: [
          { path: 'docker-compose.yml', line: 2, note: 'compose service app has a healthcheck' },
          {
            path: 'docker-compose.yml',
            line: 10,
            note: expect.stringContaining('service app waits for it to complete'),
          },
          { path: 'docker-compose.yml', line: 13, note: expect.stringContaining('restart: "no"') },
        ],
      },
    },
    {
      name: 'compose services built from an unpublished development image beside a shipped image with a HEALTHCHECK are local development, set aside (round 14)',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.1\ngunicorn==23.0\n',
        'manage.py': 'import sys\n',
        'docker/web/Dockerfile':
          'FROM python:3.12-slim\nCOPY . /app\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health/ || exit 1\nCMD ["gunicorn", "site.wsgi"]\n',
        'docker/web/Dockerfile-dev': 'FROM python:3.12\nCOPY . /app\nCMD ["python", "manage.py", "runserver"]\n',
        'compose.yml': [
          'x-common: &common',
          '  build:',
          '    context: .',
          '    dockerfile: ./docker/web/Dockerfile-dev',
          'services:',
          '  web:',
          '    <<: *common',
          '    command: ["python", "manage.py", "runserver", "0.0.0.0:8000"]',
          '  worker:',
          '    <<: *common',
          '    command: ["python", "manage.py", "qcluster"]',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'docker/web/Dockerfile', line: 3 },
          { path: 'compose.yml', line: 6, note: expect.stringContaining('set aside as local development') },
        ],
      },
    },
    {
      name: 'third-party images beside the services built here (postgres, redis, meilisearch) are dependencies, set aside and said so',
      profile: 'service',
      tree: fixtureTree('compose-third-party'),
      expect: {
        outcome: 'pass',
        data: { checked: 2, unchecked: 0 },
        evidence: [
          {
            path: 'docker-compose.yml',
            line: 22,
            note: expect.stringContaining(
              "third-party images db (postgres:16), cache (redis:7-alpine), search (getmeili/meilisearch:v1.7): dependencies of the deployment, not the project's own services; health checks are judged on the services built here",
            ),
          },
        ],
      },
    },
    {
      name: 'a Type=simple unit with WatchdogSec whose service sends WATCHDOG=1 through sd_notify is watched (WatchdogSec implies NotifyAccess=main)',
      profile: 'service',
      tree: {
        'build.gradle': "plugins { id 'java' }\n",
        'setup/tracker.service':
          '[Unit]\nDescription=tracker\n\n[Service]\nType=simple\nExecStart=/opt/tracker/jre/bin/java -jar tracker.jar\nWatchdogSec=600\nRestart=on-failure\n',
        'src/main/java/org/tracker/HealthTask.java':
          'package org.tracker;\n\nclass HealthTask implements Runnable {\n    public void run() {\n        if (healthy()) {\n            systemD.sd_notify(0, "WATCHDOG=1");\n        }\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'setup/tracker.service', line: 7, note: expect.stringContaining('sends WATCHDOG=1') },
          { path: 'src/main/java/org/tracker/HealthTask.java', line: 6 },
        ],
      },
    },
    {
      name: 'a systemd unit that only runs podman-compose up is no unit of its own: the compose services it starts are judged',
      profile: 'service',
      tree: {
        'package.json': '{"name":"stats","scripts":{"start":"next start"}}',
        'podman/stats.service':
          '[Unit]\nDescription=Stats via podman-compose\n\n[Service]\nType=simple\nWorkingDirectory=/opt/stats\nExecStart=/usr/bin/podman-compose -f podman-compose.yml up -d\nExecStop=/usr/bin/podman-compose -f podman-compose.yml down\nRemainAfterExit=yes\n',
        'podman/podman-compose.yml':
          'services:\n  stats:\n    image: ghcr.io/acme/stats:latest\n    restart: always\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/api/heartbeat"]\n  db:\n    image: postgres:16\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'podman/podman-compose.yml', line: 2, note: 'compose service stats has a healthcheck' }],
        absent: ['no watchdog'],
      },
    },
    {
      name: 'a development compose file (develop.yml, or one under a dev folder) beside the deployment compose file is no deployed unit',
      profile: 'service',
      tree: {
        Gemfile: "gem 'rails'\n",
        'docker/single/docker-compose.yml':
          'services:\n  web:\n    image: ghcr.io/acme/agents:latest\n    restart: always\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000/"]\n',
        'docker/multi/develop.yml':
          'services:\n  web:\n    build:\n      context: ../..\n    ports:\n      - "3000:3000"\n',
        'docker/dev/compose.yml': 'services:\n  worker:\n    build: ../..\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'docker/single/docker-compose.yml', line: 2, note: 'compose service web has a healthcheck' },
        ],
        absent: ['develop.yml', 'docker/dev/compose.yml'],
      },
    },
    {
      name: 'a packaged systemd unit with a watchdog is checked by systemd (Type=notify + WatchdogSec)',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        'packaging/systemd/feeds.service':
          '[Unit]\nDescription=Feeds\n\n[Service]\nExecStart=/usr/bin/feeds\nType=notify\nWatchdogSec=60s\nRestart=always\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'packaging/systemd/feeds.service', line: 7, note: expect.stringContaining('watchdog') }],
      },
    },
    {
      name: 'a compose service built from a Dockerfile with a HEALTHCHECK inherits it',
      profile: 'service',
      tree: {
        'docker/docker-compose.yml':
          'services:\n  web:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n',
        'docker/Dockerfile':
          'FROM python:3.12-slim\nCOPY . /app\nHEALTHCHECK CMD python /app/fetchstatus.py\nCMD ["gunicorn", "app:app"]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'docker/Dockerfile',
            line: 3,
            note: "compose service web (docker/docker-compose.yml:2) runs this image's HEALTHCHECK",
          },
        ],
      },
    },
    {
      name: 'Kubernetes: every long-running container has both probes; a Job and a run-once Pod are exempt',
      profile: 'service',
      tree: {
        'deploy/app.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n${probed('api')}---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: db-migrate\nspec:\n  restartPolicy: Never\n  containers:\n    - name: migrate\n`,
      },
      expect: { outcome: 'pass', evidence: [{ path: 'deploy/app.yaml', line: 9 }], data: { kubernetesContainers: 1 } },
    },
    {
      name: 'Helm: probes that come from values.yaml count',
      profile: 'service',
      tree: {
        'chart/Chart.yaml': 'apiVersion: v2\nname: api\n',
        'chart/values.yaml':
          'readinessProbe:\n  httpGet: { path: /ready, port: http }\nlivenessProbe:\n  httpGet: { path: /live, port: http }\n',
        'chart/templates/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "api.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          readinessProbe:\n            {{- toYaml .Values.readinessProbe | nindent 12 }}\n          livenessProbe:\n            {{- toYaml .Values.livenessProbe | nindent 12 }}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'chart/templates/deployment.yaml', line: 9 }] },
    },
    {
      name: 'compose healthcheck on the service built here, and a Dockerfile HEALTHCHECK',
      profile: 'service',
      tree: {
        'docker-compose.yml':
          'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/health"]\n  db:\n    image: postgres:16\n',
        Dockerfile:
          'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'docker-compose.yml', line: 2 },
          { path: 'Dockerfile', line: 2 },
        ],
      },
    },
    {
      name: 'compose files of a Playwright harness and a regtest network are not deployed units',
      profile: 'service',
      tree: {
        Dockerfile:
          'FROM node:22-alpine\nHEALTHCHECK CMD curl -fs http://localhost:3000/health || exit 1\nCMD ["node", "main.js"]\n',
        'playwright/docker-compose.yml':
          'services:\n  app:\n    build: ..\n  proxy:\n    image: someone/edge-proxy:2\n    restart: always\n',
        'docker/regtest/docker-compose.yml':
          'services:\n  node:\n    image: someone/bitcoind:27\n    restart: always\n',
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'a Kustomize patch that changes a container’s args is merged onto a base with probes, not judged alone',
      profile: 'service',
      tree: {
        'manifests/base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
        'manifests/base/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n${probed('api')}`,
        'manifests/components/autoscale/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatchesStrategicMerge:\n- patch.yaml\n',
        'manifests/components/autoscale/patch.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          args: [--scale]\n',
      },
      expect: { outcome: 'pass', data: { kubernetesContainers: 1 } },
    },
    {
      name: 'Terraform: an ALB target group health check counts',
      profile: 'infrastructure',
      tree: {
        'main.tf':
          'resource "aws_lb_target_group" "api" {\n  port = 80\n  health_check {\n    path = "/health"\n  }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'main.tf', line: 1 }] },
    },
    {
      name: "a compose service running the image this repository publishes inherits its Dockerfile HEALTHCHECK; a dev file's scanner is not deployed",
      profile: 'service',
      // A self-hosting compose file running the image this repository's CI publishes.
      tree: fixtureTree('compose-selfhost'),
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'Dockerfile', line: 3, note: expect.stringContaining('compose service wiki (docker-compose.yml:2)') },
        ],
        data: { checked: 1, unchecked: 0 },
      },
    },
    {
      name: 'a compose service running the image named for the project (package.json name) inherits the HEALTHCHECK of its lower-case docker/dockerfile',
      profile: 'service',
      tree: {
        'package.json': '{"name": "pingboard", "scripts": {"start": "node server.js"}}',
        'docker/dockerfile':
          'FROM node:22-alpine\nCOPY . /app\nHEALTHCHECK CMD node extra/healthcheck.js\nCMD ["node", "server.js"]\n',
        'compose.yaml': 'services:\n  pingboard:\n    image: someone/pingboard:2\n    restart: unless-stopped\n',
        // A side tool with its own package and Dockerfile is not the project's image.
        'extra/push/package.json': '{"name": "pingboard-push"}',
        'extra/push/Dockerfile': 'FROM node:22-alpine\nCMD ["node", "push.js"]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'docker/dockerfile',
            line: 3,
            note: expect.stringContaining('compose service pingboard (compose.yaml:2)'),
          },
        ],
        data: { checked: 1, unchecked: 0 },
      },
    },
    {
      name: 'of two variants of the published image the default one is run; compose files under test-environments are not deployed',
      profile: 'service',
      tree: {
        '.github/workflows/build.yaml':
          'jobs:\n  b:\n    steps:\n      - run: docker build -f docker/default.Dockerfile -t owner/shelf:latest .\n',
        'docker/default.Dockerfile':
          'FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost:9090/health\nCMD ["uwsgi"]\n',
        'docker/alpine.Dockerfile': 'FROM python:3.12-alpine\nCMD ["uwsgi"]\n',
        'docker-compose.yml': 'services:\n  shelf:\n    image: owner/shelf:latest\n',
        'scripts/test-environments/postgres/compose.yml': 'services:\n  db:\n    image: owner/shelf:latest\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'docker/default.Dockerfile', line: 2, note: expect.stringContaining('compose service shelf') },
        ],
        data: { checked: 1, unchecked: 0 },
      },
    },
    {
      name: 'development tools beside the app (SonarQube, a control center) are not deployed units',
      profile: 'service',
      tree: {
        'src/main/docker/app.yml':
          'services:\n  app:\n    image: shopapp\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/management/health"]\n',
        'src/main/docker/sonar.yml': 'services:\n  sonar:\n    image: sonarqube:10-community\n',
        'src/main/docker/control-center.yml':
          "services:\n  jhipster-control-center:\n    image: 'jhipster/jhipster-control-center:v0.5.0'\n",
      },
      expect: { outcome: 'pass', data: { checked: 1, unchecked: 0 } },
    },
  ],
  invalid: [
    {
      name: 'compose workloads: a migration/seed job is set aside, a release step that then serves is judged (round 17)',
      profile: 'service',
      tree: MIGRATE_JOB_TREE,
      expect: {
        outcome: 'fail',
        message: ['2 of 2 deployed units lack health checks', 'One-shot compose jobs db-migrate and db-seed set aside'],
        evidence: [
          { path: 'docker-compose.yml', line: 2, note: 'compose service notes-api has no healthcheck' },
          { path: 'docker-compose.migrate.yml', line: 10, note: 'compose service release has no healthcheck' },
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
      name: 'compose workloads: services of a development compose file built from development images are set aside (round 17)',
      profile: 'service',
      tree: DEV_ONLY_TREE,
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'Dockerfile', line: 4, note: 'final stage has no HEALTHCHECK' },
          {
            path: 'docker-compose-dev.yml',
            line: 2,
            note: 'compose service authd (docker-compose-dev.yml:2) set aside as local development: built from a development image (Dockerfile.dev) that is not published',
          },
        ],
      },
    },
    {
      name: 'beside a one-shot job, a long-running worker without a healthcheck is still a finding (round 16)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"blog","dependencies":{"@nestjs/core":"10.0.0"}}',
        Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "main.js"]\n',
        'docker-compose.yml': [
          'services:',
          '  app:',
          '    build: .',
          '    restart: unless-stopped',
          '    depends_on:',
          '      migrate:',
          '        condition: service_completed_successfully',
          '    healthcheck:',
          "      test: [CMD, curl, -f, 'http://127.0.0.1:2333/api/ping']",
          '  migrate:',
          '    build: .',
          "    command: ['node', 'migrate.mjs']",
          "    restart: 'no'",
          '  worker:',
          '    build: .',
          "    command: ['node', 'worker.mjs']",
          '    restart: unless-stopped',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        message: '1 of 2 deployed units lack health checks',
        evidence: [{ path: 'docker-compose.yml', line: 14, note: 'compose service worker has no healthcheck' }],
      },
    },
    {
      name: 'services built through a YAML merge key are the project own; temporalio and spotlight images are third-party (round 14)',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ngunicorn==22.0\n',
        'compose.yml':
          'x-app: &app\n  build:\n    context: .\n  env_file: .env\n\nservices:\n  web:\n    <<: *app\n    command: ["gunicorn", "shelf.wsgi"]\n  worker:\n    <<: *app\n    command: ["python", "manage.py", "qcluster"]\n    healthcheck:\n      test: ["CMD", "python", "manage.py", "qmonitor"]\n  temporal:\n    image: temporalio/auto-setup:1.28.1\n  spotlight:\n    image: ghcr.io/getsentry/spotlight:latest\n',
      },
      expect: {
        outcome: 'partial',
        data: { checked: 1, unchecked: 1 },
        evidence: [
          { path: 'compose.yml', line: 7, note: 'compose service web has no healthcheck' },
          {
            path: 'compose.yml',
            note: expect.stringContaining(
              'third-party images temporal (temporalio/auto-setup:1.28.1), spotlight (ghcr.io/getsentry/spotlight:latest)',
            ),
          },
        ],
      },
    },
    {
      name: 'a certificate renewer (certbot/certbot) and a vendor image whose owner and name agree are third-party, not own services (round 20)',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ngunicorn==22.0\n',
        'docker-compose.yml':
          'services:\n  web:\n    build: .\n    command: gunicorn shelf.wsgi\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n  proxy:\n    image: nginx:1.27\n  certbot:\n    image: certbot/certbot:latest\n    entrypoint: /bin/sh -c "while :; do certbot renew; sleep 1d; done"\n  backup:\n    image: rclone/rclone:1.66\n',
      },
      expect: {
        outcome: 'pass',
        data: { checked: 1, unchecked: 0 },
        evidence: [
          { path: 'docker-compose.yml', line: 2, note: 'compose service web has a healthcheck' },
          {
            path: 'docker-compose.yml',
            note: expect.stringContaining(
              'third-party images proxy (nginx:1.27), certbot (certbot/certbot:latest), backup (rclone/rclone:1.66)',
            ),
          },
        ],
        absent: ['compose service certbot'],
      },
    },
    {
      name: 'third-party images are cited in the compose file that holds them; those of another file are counted (round 20)',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\ngunicorn==22.0\n',
        'docker-compose.yml':
          'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n  redis:\n    image: redis:7\n  db:\n    image: postgres:16\n',
        'docker-compose-upgrade-db.yml':
          'services:\n  db_update:\n    image: pgautoupgrade/pgautoupgrade:17-bookworm\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'docker-compose.yml',
            line: 6,
            note: expect.stringContaining(
              'third-party images redis (redis:7), db (postgres:16) (1 more in other compose files): dependencies',
            ),
          },
        ],
      },
    },
    {
      name: 'compose healthchecks beside Kubernetes manifests are named in the message and evidence, not dropped silently',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        Dockerfile: 'FROM ruby:3.3\nCOPY . /app\nEXPOSE 5100\nCMD ["bin/rails", "server"]\n',
        'docker-compose.yml':
          'services:\n  web:\n    build: .\n    ports:\n      - "443:443"\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:5100/up"]\n      interval: 30s\n',
        'containers/kubernetes/deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: acme/web:latest\n',
      },
      expect: {
        outcome: 'fail',
        message: 'Compose service web (docker-compose.yml:6) has a healthcheck too, not counted',
        evidence: [
          {
            path: 'docker-compose.yml',
            line: 6,
            note: 'compose service web has a healthcheck (not counted: with Kubernetes manifests the probes decide)',
          },
        ],
      },
    },
    {
      name: "a CLI's image that runs its `serve` subcommand and EXPOSEs a port is a long-running service: it needs a HEALTHCHECK",
      profile: 'cli',
      tree: {
        'go.mod': 'module example.com/mdview\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        Dockerfile:
          'FROM alpine:3.20\nCOPY mdview /usr/local/bin/mdview\nEXPOSE 8080\nENTRYPOINT ["mdview"]\nCMD ["serve"]\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'Dockerfile', line: 1, note: 'final stage has no HEALTHCHECK' }],
      },
    },
    {
      name: 'WatchdogSec on a Type=simple unit whose service never sends WATCHDOG=1 watches nothing',
      profile: 'service',
      tree: {
        'build.gradle': "plugins { id 'java' }\n",
        'setup/tracker.service':
          '[Unit]\nDescription=tracker\n\n[Service]\nType=simple\nExecStart=/opt/tracker/bin/tracker\nWatchdogSec=600\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'setup/tracker.service', line: 7, note: expect.stringContaining('nothing here sends WATCHDOG=1') },
        ],
      },
    },
    {
      name: 'compose: the base file is cited, not a dev override; a CI fixture manifest is no deployed unit',
      profile: 'service',
      tree: {
        'docker-compose.yml': 'services:\n  api:\n    image: acme/api:1\n',
        'docker-compose.dev.yml': 'services:\n  api:\n    build: api\n',
        '.github/configs/redis.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: redis\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'docker-compose.yml', line: 2, note: 'compose service api has no healthcheck' }],
        absent: ['redis'],
      },
    },
    {
      name: 'compose: an override merges into its base service; our image is judged, postgres and test tools are not',
      profile: 'service',
      tree: {
        'compose.yml':
          'services:\n  api:\n    image: acme/orders-api:1.2\n    healthcheck:\n      test: ["CMD", "true"]\n  worker:\n    image: acme/orders-worker:1.2\n  db:\n    image: index.docker.io/library/postgres@sha256:f104 # 14\n  cache:\n    image: bitnami/redis:7\n',
        '.devcontainer/docker-compose.yml': 'services:\n  dev:\n    build: .\n',
        'compose.override.yml': 'services:\n  api:\n    build: .\n  playwright:\n    build: ./e2e\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [
          { path: 'compose.yml', line: 2 },
          { path: 'compose.yml', line: 6, note: 'compose service worker has no healthcheck' },
        ],
        absent: ['service db', 'service cache', 'playwright', 'service dev'],
      },
    },
    {
      name: 'Kubernetes: a finding per container without probes, with its line',
      profile: 'service',
      tree: {
        'k8s/app.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n${probed('api')}        - name: sidecar\n          image: envoy\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: worker\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          readinessProbe: { exec: { command: [true] } }\n`,
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message:
          '1 of 3 deployed units lack health checks; 1 deployed unit has only one of readiness and liveness probes; 1 has them.',
        evidence: [
          {
            path: 'k8s/app.yaml',
            line: 12,
            note: 'Deployment api container sidecar has no readiness or liveness probe',
          },
          {
            path: 'k8s/app.yaml',
            line: 23,
            note: 'StatefulSet worker container worker has a readiness probe but no liveness probe',
          },
        ],
      },
    },
    {
      name: 'a readiness probe only is partly covered, not lacking: the message says so (nestjs-style k8s/base)',
      profile: 'service',
      tree: {
        'k8s/base/app-deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: shop/app\n          readinessProbe:\n            httpGet: { path: /health, port: 3000 }\n`,
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: '1 of 1 deployed unit has only one of readiness and liveness probes.',
        evidence: [
          {
            path: 'k8s/base/app-deployment.yaml',
            line: 9,
            note: 'Deployment shop container app has a readiness probe but no liveness probe',
          },
        ],
        absent: ['lack health checks'],
      },
    },
    {
      name: 'the same manifest that no kustomization names as a patch is a whole object, judged for its probes',
      profile: 'service',
      tree: {
        'manifests/base/kustomization.yaml': 'resources:\n- deployment.yaml\n- worker.yaml\n',
        'manifests/base/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n${probed('api')}`,
        'manifests/base/worker.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          args: [--scale]\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'manifests/base/worker.yaml', note: expect.stringContaining('no readiness or liveness probe') },
        ],
      },
    },
    {
      name: 'a Dockerfile without HEALTHCHECK and nothing else fails and cites it; a malformed manifest is noted',
      profile: 'service',
      tree: {
        Dockerfile: 'FROM python:3.12\nCMD ["python", "app.py"]\n',
        'k8s/broken.yaml': 'apiVersion: v1\nkind: Pod\nspec: [\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'Dockerfile', line: 1 }, { path: 'k8s/broken.yaml' }] },
    },
    {
      name: "an image named for another project does not inherit this project's HEALTHCHECK",
      profile: 'service',
      tree: {
        'package.json': '{"name": "pingboard"}',
        'docker/dockerfile': 'FROM node:22-alpine\nHEALTHCHECK CMD node healthcheck.js\nCMD ["node", "server.js"]\n',
        'compose.yaml': 'services:\n  board:\n    image: someone/pingboard-proxy:2\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [{ path: 'compose.yaml', line: 2, note: 'compose service board has no healthcheck' }],
      },
    },
    {
      name: 'an image this repository does not publish does not inherit the Dockerfile HEALTHCHECK',
      profile: 'service',
      tree: {
        Dockerfile:
          'FROM node:22-alpine\nHEALTHCHECK CMD curl -fs http://localhost:3000/health || exit 1\nCMD ["node", "main.js"]\n',
        'docker-compose.yml': 'services:\n  proxy:\n    image: someone/edge-proxy:2\n    restart: always\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [{ path: 'docker-compose.yml', line: 2, note: 'compose service proxy has no healthcheck' }],
      },
    },
  ],
  notApplicable: [
    {
      name: 'a reusable Terraform module that creates a cluster deploys no workload of its own: not applicable, as redundancy (round 14)',
      profile: 'infrastructure',
      tree: {
        'main.tf':
          'resource "azurerm_kubernetes_cluster" "main" {\n  name = var.cluster_name\n  default_node_pool {\n    name = "default"\n    node_count = var.node_count\n  }\n}\n',
        'variables.tf': 'variable "cluster_name" {\n  type = string\n}\nvariable "node_count" {\n  default = 2\n}\n',
        'examples/startup/main.tf':
          'provider "azurerm" {\n  features {}\n}\n\nmodule "aks" {\n  source = "../.."\n  cluster_name = "demo"\n}\n',
      },
      expect: {
        outcome: 'not-applicable',
        message: ['a reusable Terraform module', 'health checks belong to the workloads its callers deploy on it'],
      },
    },
    {
      name: 'a library whose only Dockerfile is a dev container runs no service: not applicable, as without it (round 12)',
      profile: 'library',
      tree: {
        'src/HttpKit/HttpKit.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'src/HttpKit/Client.cs': 'namespace HttpKit;\npublic class Client {}\n',
        '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/dotnet:8.0\nRUN apt-get update\n',
        '.devcontainer/devcontainer.json': '{ "build": { "dockerfile": "Dockerfile" } }\n',
      },
      expect: {
        outcome: 'not-applicable',
        message: 'nothing here runs a long-lived process (profile library, no Dockerfile but a development container,',
      },
    },
    {
      name: "a CLI's release image FROM scratch that only carries the binary (no CMD, ENTRYPOINT or EXPOSE) has no server to check (round 16)",
      profile: 'cli',
      tree: {
        'Cargo.toml': '[package]\nname = "runner"\n',
        'src/main.rs': 'fn main() {}\n',
        'etc/Dockerfile': 'FROM scratch\nARG TARGETARCH\nCOPY ${TARGETARCH}/runner /runner\n',
      },
      expect: {
        outcome: 'not-applicable',
        message:
          'nothing here runs a long-lived process (profile cli, no long-running image, manifests or compute in IaC): etc/Dockerfile:1 builds FROM scratch and sets no CMD, ENTRYPOINT or EXPOSE: it carries the command-line tool, no server to health-check',
      },
    },
    {
      name: "a CLI's image whose ENTRYPOINT is the tool (no EXPOSE, no server command) starts nothing long-lived",
      profile: 'cli',
      tree: {
        'go.mod': 'module example.com/mdview\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        Dockerfile:
          'FROM gcr.io/distroless/static\nCOPY mdview /usr/local/bin/mdview\nENTRYPOINT [ "/usr/local/bin/mdview" ]\n',
      },
      expect: {
        outcome: 'not-applicable',
        message:
          'Dockerfile:3 ENTRYPOINT [ "/usr/local/bin/mdview" ] runs the command-line tool once: no EXPOSE, no server command',
      },
    },
    {
      name: 'a development box (FROM ubuntu, tools, WORKDIR, CMD commented out) starts a shell, not a service',
      profile: 'cli',
      tree: {
        'package.json': '{"name":"watcher","bin":{"watcher":"bin/watcher.js"}}\n',
        'bin/watcher.js': '#!/usr/bin/env node\n',
        Dockerfile:
          '# dev box\nFROM ubuntu:22.04\nRUN apt-get update && apt-get install -y nodejs\nWORKDIR /src\n# EXPOSE 8080\n#CMD ["node", "/src/http.js"]\n',
      },
      expect: {
        outcome: 'not-applicable',
        message: 'Dockerfile:2 builds FROM ubuntu:22.04 and sets no CMD or ENTRYPOINT: a development box',
      },
    },
    {
      name: 'compute that only an example declares is not something this module runs',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "google_compute_network" "vpc" {\n  name = var.name\n}\n',
        'variables.tf': 'variable "name" {\n  default = "vpc"\n}\n',
        'examples/ilb/main.tf': 'resource "google_compute_instance" "vm" {\n  name = "vm"\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'nothing here runs a long-lived process' },
    },
    {
      name: "an EKS cluster's identity-provider settings run nothing: not compute (blind round 23)",
      profile: 'infrastructure',
      tree: {
        'eks/main.tf':
          'terraform {\n  backend "s3" {\n    key = "eks/terraform.tfstate"\n  }\n}\n\nresource "aws_eks_identity_provider_config" "sso" {\n  cluster_name = "platform"\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'nothing here runs a long-lived process (profile infrastructure' },
    },
    {
      name: 'a library with nothing deployed',
      profile: 'library',
      tree: { 'src/lib.rs': '' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
