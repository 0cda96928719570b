import { fixtureTree } from '../../src/testing/fixtures.js';
import { expect } from 'vitest';
import rule from './orchestration.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a Procfile running gunicorn beside app.json is a Heroku deployment',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.1\n',
        Procfile: 'web: gunicorn site.wsgi --log-file -\n',
        'app.json': '{"name":"site","stack":"heroku-24"}\n',
      },
      expect: { outcome: 'pass', message: 'Heroku', evidence: [{ path: 'Procfile', note: 'Heroku' }] },
    },
    {
      // Round 37: its web process makes it a platform process manifest (partial), still not "Heroku".
      name: 'a Procfile alone (no app.json/heroku.yml/Heroku deploy job) is not counted as Heroku (round 19), only as a platform process manifest (round 37)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'sidekiq'\n",
        'config/routes.rb': 'Rails.application.routes.draw do\n  resources :checks\nend\n',
        Procfile: 'web: bundle exec rails s -p 3208\nworker: bundle exec sidekiq -C ./config/sidekiq.yml\n',
        Dockerfile: 'FROM ruby:3.3\nCOPY . .\nCMD ["bundle", "exec", "puma"]\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'Procfile', line: 1, note: expect.stringContaining('web process') },
          { path: 'Procfile', note: expect.stringContaining('a process list (foreman, overmind, honcho)') },
        ],
        message: 'platform process manifest',
      },
    },
    {
      name: 'an Elastic Beanstalk bundle in a folder of its own (Dockerrun.aws.json, .ebextensions) is a deployment target',
      profile: 'service',
      tree: {
        'src/Shop.WebHost/Shop.WebHost.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'deploy/eb/Dockerrun.aws.json':
          '{\n  "AWSEBDockerrunVersion": "1",\n  "Image": { "Name": "shop/web:latest" },\n  "Ports": [{ "ContainerPort": "80" }]\n}\n',
        'deploy/eb/.ebextensions/01_proxy.config':
          'files:\n  /etc/nginx/conf.d/proxy.conf:\n    content: |\n      client_max_body_size 20M;\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Elastic Beanstalk',
        evidence: [{ path: 'deploy/eb/.ebextensions/01_proxy.config', note: 'Elastic Beanstalk' }],
      },
    },
    {
      name: 'a Procfile running a dev server still counts when a CI job deploys to Heroku',
      profile: 'service',
      tree: {
        'package.json': '{"name":"web","scripts":{"dev":"next dev"}}',
        Procfile: 'web: npm run dev\n',
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: akhileshns/heroku-deploy@v3\n',
      },
      expect: { outcome: 'pass', message: 'Heroku' },
    },
    {
      name: 'a systemd unit that only starts podman-compose is cited as starting compose, not as a service unit of its own',
      profile: 'service',
      tree: {
        'package.json': '{"name":"stats","scripts":{"start":"next start"}}',
        'podman/stats.service':
          '[Unit]\nDescription=Stats\n\n[Service]\nExecStart=/usr/bin/podman-compose -f podman-compose.yml up -d\n',
        'podman/podman-compose.yml': 'services:\n  stats:\n    image: stats:latest\n',
      },
      expect: {
        outcome: 'pass',
        message: 'docker-compose started by a systemd unit',
        evidence: [{ path: 'podman/stats.service', line: 4, note: expect.stringContaining('only starts compose') }],
        absent: ['"systemd unit"'],
      },
    },
    {
      name: 'a systemd unit beside a compose file of services built here names the compose file too (round 20)',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.1\n',
        'contrib/systemd/shelf.service':
          '[Unit]\nDescription=Shelf\n\n[Service]\nExecStart=/opt/shelf/venv/bin/gunicorn shelf.wsgi\n',
        'docker-compose.yml':
          'services:\n  web:\n    build: .\n    command: gunicorn shelf.wsgi\n  worker:\n    build: .\n    command: celery -A shelf worker\n  redis:\n    image: redis:7\n',
        'docker-compose.dev.yml': 'services:\n  web:\n    build: .\n',
        Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "shelf.wsgi"]\n',
      },
      expect: {
        outcome: 'pass',
        message: [
          'systemd unit',
          'compose file docker-compose.yml (and 1 more) also present, running 2 services built here',
        ],
        evidence: [
          { path: 'contrib/systemd/shelf.service', line: 4 },
          { path: 'docker-compose.yml', line: 2, note: expect.stringContaining('services built here: web, worker') },
        ],
      },
    },
    {
      name: 'a systemd unit that a package installs describes how the service runs',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        'packaging/systemd/feeds.service': '[Unit]\nDescription=Feeds\n\n[Service]\nExecStart=/usr/bin/feeds\n',
      },
      expect: {
        outcome: 'pass',
        message: 'systemd unit',
        evidence: [{ path: 'packaging/systemd/feeds.service', line: 4 }],
      },
    },
    {
      name: 'a unit running the binary named by the Go module path (v2 suffix and domain dropped) is the app',
      profile: 'service',
      tree: {
        'go.mod': 'module feeds.app/v2\n\ngo 1.22\n',
        'main.go': 'package main\n',
        'packaging/systemd/feeds.service': '[Unit]\nDescription=Feeds\n\n[Service]\nExecStart=/usr/bin/feeds\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'packaging/systemd/feeds.service', line: 4, note: 'systemd service unit' }],
      },
    },
    {
      name: 'a NixOS module that declares the systemd service describes how it runs',
      profile: 'service',
      tree: {
        'app/main.py': 'import fastapi\n',
        'nix/modules/app-service.nix':
          '{ config, lib, pkgs, ... }:\n{\n  config = {\n    systemd.services.app = {\n      wantedBy = [ "multi-user.target" ];\n      serviceConfig = {\n        ExecStart = "${pkgs.app}/bin/app";\n      };\n    };\n  };\n}\n',
        'nix/shell.nix': '{ pkgs }: pkgs.mkShell { buildInputs = [ pkgs.python3 ]; }\n',
      },
      expect: {
        outcome: 'pass',
        message: 'systemd unit',
        evidence: [{ path: 'nix/modules/app-service.nix', line: 4 }],
      },
    },
    {
      name: 'a compose file is recognised by content whatever it is called (ops/app.yml with replicas)',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        'ops/app.yml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    deploy:\n      replicas: 3\n',
      },
      expect: {
        outcome: 'pass',
        message: 'docker-compose (production)',
        evidence: [{ path: 'ops/app.yml', note: 'production compose file (sets replicas)' }],
      },
    },
    {
      name: 'a Nomad job in a plain .hcl file is a deployment target',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        'deploy/api.hcl': 'job "api" {\n  group "web" {\n    count = 2\n  }\n}\n',
        'deploy/terragrunt.hcl': 'include {\n  path = find_in_parent_folders()\n}\n',
      },
      expect: { outcome: 'pass', message: 'Nomad', evidence: [{ path: 'deploy/api.hcl', line: 1, note: 'job api' }] },
    },
    {
      name: 'Kubernetes multi-document manifests pass',
      profile: 'service',
      tree: {
        'deploy/k8s.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n',
      },
      expect: { outcome: 'pass', message: 'Kubernetes manifests', evidence: [{ path: 'deploy/k8s.yaml', line: 2 }] },
    },
    {
      name: 'a Helm chart with templates passes',
      profile: 'service',
      tree: {
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
        'charts/api/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
      },
      expect: { outcome: 'pass', message: 'Helm', evidence: [{ path: 'charts/api/Chart.yaml' }] },
    },
    {
      name: 'Terraform ECS and a Nomad job pass',
      profile: 'service',
      tree: {
        'infra/ecs.tf': 'resource "aws_ecs_service" "api" {\n  desired_count = 2\n}\n',
        'deploy/api.nomad.hcl': 'job "api" {\n  group "web" {\n    count = 2\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: ['ECS', 'Nomad'],
        evidence: [
          { path: 'infra/ecs.tf', line: 1 },
          { path: 'deploy/api.nomad.hcl', line: 1 },
        ],
      },
    },
    {
      name: 'App Engine app.yaml and fly.toml pass',
      profile: 'service',
      tree: { 'app.yaml': 'runtime: python312\n', 'fly.toml': 'app = "x"\n' },
      expect: { outcome: 'pass', message: ['App Engine', 'Fly.io'] },
    },
    {
      name: 'a self-hosting compose template (the published image, restart: unless-stopped) is a deployment',
      profile: 'service',
      // A self-hosting compose file running the image this repository's CI publishes.
      tree: fixtureTree('compose-selfhost'),
      expect: {
        outcome: 'pass',
        message: 'docker-compose (production)',
        evidence: [
          { path: 'docker-compose.yml', note: expect.stringContaining('runs the published image acme/wiki:latest') },
        ],
      },
    },
    {
      name: 'compose with the published image, a build: fallback and restart: unless-stopped is the deployment when the README runs that image',
      profile: 'service',
      tree: {
        'package.json': '{"name":"answerbox","version":"1.0.0","dependencies":{"next":"15.0.0"}}',
        Dockerfile: 'FROM node:20-slim\nCOPY . .\nCMD ["node", "server.js"]\n',
        'docker-compose.yaml':
          "services:\n  answerbox:\n    image: acmeorg/answerbox:latest\n    build:\n      context: .\n    ports:\n      - '3000:3000'\n    restart: unless-stopped\n",
        'README.md':
          '# Answerbox\n\n## Installation\n\n```bash\ndocker run -d -p 3000:3000 --name answerbox acmeorg/answerbox:latest\n```\n',
      },
      expect: {
        outcome: 'pass',
        message: 'docker-compose (production)',
        evidence: [
          {
            path: 'docker-compose.yaml',
            note: expect.stringContaining(
              'runs the published image acmeorg/answerbox:latest with restart: unless-stopped',
            ),
          },
        ],
      },
    },
    {
      name: 'a docker-compose.example.yml running the published image with APP_ENV production and restart: always is the deployment template (round 14)',
      profile: 'service',
      tree: {
        Dockerfile: 'FROM php:8.3-fpm-alpine\nCOPY . /app\nCMD ["/app/entrypoint.sh"]\n',
        '.github/workflows/docker.yaml':
          'on: { push: { branches: [main] } }\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ghcr.io/acme/board:latest\n',
        'docker-compose.example.yml':
          'services:\n  database:\n    image: mariadb:10.11\n    restart: always\n  board:\n    image: ghcr.io/acme/board:latest\n    restart: always\n    ports:\n      - "443:443"\n    volumes:\n      - "/srv/board/certs/:/etc/letsencrypt/"\n    environment:\n      APP_URL: "https://board.example.com"\n      APP_ENV: "production"\n',
      },
      expect: {
        outcome: 'pass',
        message: 'docker-compose (production)',
        evidence: [
          {
            path: 'docker-compose.example.yml',
            note: expect.stringContaining(
              'runs the published image ghcr.io/acme/board:latest with restart: always and production settings (APP_ENV: "production")',
            ),
          },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a docker-compose.example.yml without production settings is still a development example',
      profile: 'service',
      tree: {
        Dockerfile: 'FROM php:8.3-fpm-alpine\nCOPY . /app\nCMD ["/app/entrypoint.sh"]\n',
        '.github/workflows/docker.yaml':
          'on: { push: { branches: [main] } }\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ghcr.io/acme/board:latest\n',
        'docker-compose.example.yml':
          'services:\n  board:\n    image: ghcr.io/acme/board:latest\n    restart: always\n    ports:\n      - "8080:80"\n    environment:\n      # APP_ENV: "production"\n      APP_ENV: "local"\n',
      },
      expect: { outcome: 'partial', evidence: [{ path: 'docker-compose.example.yml', note: 'docker-compose' }] },
    },
    {
      name: 'compose with an image name and build: from source, which no README tells anyone to run, reads as local development',
      profile: 'service',
      tree: {
        'package.json': '{"name":"answerbox","version":"1.0.0","dependencies":{"next":"15.0.0"}}',
        Dockerfile: 'FROM node:20-slim\nCOPY . .\nCMD ["node", "server.js"]\n',
        'docker-compose.yaml':
          "services:\n  answerbox:\n    image: acmeorg/answerbox:latest\n    build:\n      context: .\n    ports:\n      - '3000:3000'\n    restart: unless-stopped\n",
        'README.md': '# Answerbox\n\n## Development\n\n```bash\nnpm run dev\n```\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Only docker-compose is present',
        evidence: [{ path: 'docker-compose.yaml', note: 'docker-compose' }],
      },
    },
    {
      name: 'a Procfile that only runs the Django dev server (through make) and a watcher is a local process file, not Heroku',
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.1\n',
        'manage.py': 'import sys\n',
        Procfile: 'web: make run\nscss: make watch-scss\n',
        Makefile:
          'run:\n\tpython -m manage runserver 0.0.0.0:8000\n\nwatch-scss:\n\twatchmedo shell-command --patterns=*.scss --command="make css"\n',
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/code\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Only docker-compose is present',
        evidence: [
          { path: 'docker-compose.yml', note: 'docker-compose' },
          { path: 'Procfile', note: expect.stringContaining('Procfile not counted as Heroku') },
        ],
      },
    },
    {
      name: "systemd units of a mail daemon and a one-shot deploy hook in a Rails app's server folder do not deploy the app",
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'puma'\n",
        'config/application.rb': 'module Forum\n  class Application < Rails::Application\n  end\nend\n',
        'server/opendkim.service':
          '[Unit]\nDescription=OpenDKIM Milter\n\n[Service]\nType=forking\nExecStart=/usr/sbin/opendkim\nRestart=on-failure\n',
        'server/post-deploy.service':
          '[Unit]\nDescription=post-deploy hook\n\n[Service]\nType=oneshot\nExecStart=/home/deploy/forum/current/server/post-deploy\n',
      },
      expect: {
        outcome: 'fail',
        message: 'No deployment target is described.',
        evidence: [
          {
            path: 'server/opendkim.service',
            line: 4,
            note: "systemd unit not counted: runs /usr/sbin/opendkim, a system program, not this repository's",
          },
          { path: 'server/post-deploy.service', line: 4, note: expect.stringContaining('Type=oneshot') },
        ],
      },
    },
    {
      name: 'a Nix development shell declares no service',
      profile: 'service',
      tree: {
        'app/main.py': 'import fastapi\n',
        'flake.nix': '{ outputs = { self, nixpkgs }: { devShells.default = nixpkgs.mkShell { }; }; }\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'compose files named for CI and tests are not deployment targets; a GitLab CI services list is not compose',
      profile: 'service',
      tree: {
        'main.go': 'package main\n',
        'docker-compose.ci.yaml': 'services:\n  api:\n    build: .\n',
        '.gitlab-ci.yml':
          'stages: [test]\nservices:\n  - name: postgres:16\ntest:\n  image: golang:1.22\n  script: [go test ./...]\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'docker-compose alone is partial',
      profile: 'service',
      tree: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n' },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'docker-compose.yml' }] },
    },
    {
      name: 'a compose file that runs only MySQL and Redis (no service built or run from here) is dependency setup, not orchestration: fail, citing the images (round 12)',
      profile: 'service',
      tree: {
        'package.json':
          '{"name":"blog-api","scripts":{"start:dev":"nest start --watch"},"dependencies":{"@nestjs/core":"10"}}',
        'src/main.ts':
          "import { NestFactory } from '@nestjs/core';\nNestFactory.create(AppModule).then((a) => a.listen(3000));\n",
        'docker-compose.yml':
          'services:\n  mysql:\n    image: mysql:8.0\n    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n  cache:\n    image: redis:7\n',
      },
      expect: {
        outcome: 'fail',
        message: 'runs only third-party dependencies',
        evidence: [
          { path: 'docker-compose.yml', line: 2, note: expect.stringContaining('mysql (mysql:8.0), cache (redis:7)') },
        ],
      },
    },
    {
      name: 'a krew plugin-index entry and a network policy deploy nothing: fail, the documents named as not counted (blind round 23)',
      profile: 'service',
      tree: {
        '.krew/switch.yaml':
          'apiVersion: krew.googlecontainertools.github.com/v1alpha2\nkind: Plugin\nmetadata:\n  name: switch\nspec:\n  version: {{ .TagName }}\n',
        'platform/policies/default-deny.yaml':
          'apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  selector: all()\n',
        'src/main.go': 'package main\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: '.' },
          {
            // Outside dot-folders first.
            path: 'platform/policies/default-deny.yaml',
            line: 2,
            note: 'not counted: 2 document(s) with apiVersion and kind (GlobalNetworkPolicy and Plugin), none a workload, Service or Ingress',
          },
        ],
      },
    },
    {
      name: 'beside a network policy, the Deployment is the cited manifest',
      profile: 'service',
      tree: {
        'deploy/a-policy.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api\nspec:\n  podSelector: {}\n',
        'deploy/b-app.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Kubernetes manifests',
        evidence: [{ path: 'deploy/b-app.yaml', line: 2, note: '2 objects (Deployment and NetworkPolicy) in 2 files' }],
      },
    },
    {
      name: 'nothing fails; a Backstage catalog file is not a manifest',
      profile: 'service',
      tree: {
        'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: api\n',
        'src/main.go': 'package main\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a malformed manifest alone is unknown, not a crash',
      profile: 'service',
      tree: { 'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {\n' },
      expect: { outcome: 'unknown', evidence: [{ path: 'k8s/deploy.yaml' }] },
    },
    {
      name: 'a compose file that calls itself a development setup, running a local image, is local development',
      profile: 'service',
      tree: {
        'src/main/docker/app.yml':
          "# This configuration is intended for development purpose, it's **your** responsibility to harden it for production\nservices:\n  app:\n    image: shopapp\n    ports:\n      - 127.0.0.1:8080:8080\n",
        'src/main/docker/sonar.yml': 'services:\n  sonar:\n    image: sonarqube:10-community\n',
      },
      expect: { outcome: 'partial', score: 0.5, message: 'usually describes local development' },
    },
    {
      name: 'a compose file that builds from source is local development, even with restart: always',
      profile: 'service',
      tree: {
        'docker-compose.yml': 'services:\n  api:\n    build: .\n    restart: always\n    ports:\n      - "8080:8080"\n',
      },
      expect: { outcome: 'partial', score: 0.5 },
    },
  ],
  notApplicable: [
    { name: 'a library', profile: 'library', tree: { 'index.js': '' }, expect: { outcome: 'not-applicable' } },
  ],
});
