import { describe, expect, it } from 'vitest';
import rule, { isDeployStep } from './environments.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Terragrunt live/ folders named for environments pass',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n',
        'infra/live/prod/terragrunt.hcl': 'include "root" { path = find_in_parent_folders() }\n',
        'infra/live/staging/terragrunt.hcl': 'include "root" { path = find_in_parent_folders() }\n',
      },
      expect: { outcome: 'pass', data: { production: ['prod'], preProduction: ['staging'] } },
    },
    {
      name: 'Kustomize overlays for staging and prod pass (Go service)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n',
        'deploy/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
        'deploy/overlays/staging/kustomization.yaml': 'resources: [../../base]\n',
        'deploy/overlays/prod/kustomization.yaml': 'resources: [../../base]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'deploy/overlays/prod/kustomization.yaml' },
          { path: 'deploy/overlays/staging/kustomization.yaml' },
        ],
        data: { production: ['prod'], preProduction: ['staging'] },
      },
    },
    {
      name: 'workspace names in a lookup map and a comparison, and an account tree named for tests: production and pre-production (blind round 23)',
      profile: 'infrastructure',
      tree: {
        'terraform/cloud-accounts/platform-main/eks/cluster.tf':
          'locals {\n  # Minimum nodes per cluster\n  min_nodes = {\n    live    = "60"\n    live-2  = "3"\n    manager = "5"\n    default = "2"\n  }\n}\n\nmodule "nodes" {\n  source   = "./nodes"\n  min_size = lookup(local.min_nodes, terraform.workspace, local.min_nodes["default"])\n}\n',
        'terraform/cloud-accounts/platform-main/eks/alerts.tf':
          'resource "aws_sns_topic" "pager" {\n  count = terraform.workspace == "live" ? 1 : 0\n  name  = "pager"\n}\n',
        'terraform/cloud-accounts/platform-sandbox-test/account/main.tf':
          'terraform {\n  backend "s3" {\n    key = "account/terraform.tfstate"\n  }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Production (live and live-2) and pre-production (platform-sandbox-test) are described separately.',
        evidence: [
          {
            path: 'terraform/cloud-accounts/platform-main/eks/alerts.tf',
            line: 2,
            note: 'Terraform workspace live (compared with terraform.workspace)',
          },
          {
            path: 'terraform/cloud-accounts/platform-main/eks/cluster.tf',
            line: 5,
            snippet: 'live-2  = "3"',
            note: 'Terraform workspace live-2 (key of min_nodes, looked up by terraform.workspace)',
          },
          {
            path: 'terraform/cloud-accounts/platform-sandbox-test/account/main.tf',
            note: 'pre-production environment folder terraform/cloud-accounts/platform-sandbox-test/',
          },
        ],
      },
    },
    {
      name: 'workspace names that say no environment are listed in the partial',
      profile: 'infrastructure',
      tree: {
        'main.tf':
          'terraform {\n  backend "s3" {}\n}\n\nlocals {\n  sizes = {\n    blue  = 3\n    green = 3\n  }\n}\n\nresource "aws_autoscaling_group" "g" {\n  min_size = local.sizes[terraform.workspace]\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message:
          'Terraform workspaces separate state per environment (blue and green), but none is named as production or staging.',
      },
    },
    {
      name: 'Terraform tfvars per environment pass (infrastructure)',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b-${terraform.workspace}"\n}\n',
        'prod.tfvars': 'size = 3\n',
        'staging.tfvars': 'size = 1\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'prod.tfvars' }, { path: 'staging.tfvars' }, { path: 'main.tf', line: 2 }],
      },
    },
    {
      name: 'Helm values per environment and GitHub environments pass (Node service)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"api"}\n',
        'chart/values-production.yaml': 'replicas: 3\n',
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: ./deploy.sh staging\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'chart/values-production.yaml' }, { path: '.github/workflows/deploy.yml', line: 5 }],
      },
    },
    {
      name: 'Spring profiles per environment pass (Java)',
      profile: 'service',
      tree: {
        'pom.xml': '<project></project>\n',
        'src/main/resources/application.yml': 'server.port: 8080\n',
        'src/main/resources/application-prod.yml': 'x: 1\n',
        'src/main/resources/application-uat.yml': 'x: 1\n',
      },
      expect: { outcome: 'pass', data: { production: ['prod'], preProduction: ['uat'] } },
    },
    {
      name: 'the Terragrunt live layout (prod/ beside non-prod/, qa/ beside stage/) passes',
      profile: 'infrastructure',
      tree: {
        'root.hcl': 'remote_state {}\n',
        'prod/account.hcl': 'locals {}\n',
        'prod/us-east-1/prod/mysql/terragrunt.hcl': 'include {}\n',
        'non-prod/account.hcl': 'locals {}\n',
        'non-prod/us-east-1/qa/env.hcl': 'locals {}\n',
        'non-prod/us-east-1/stage/env.hcl': 'locals {}\n',
      },
      expect: {
        outcome: 'pass',
        data: { production: ['prod'], preProduction: ['non-prod', 'qa', 'stage'] },
        evidence: [{ path: 'prod/account.hcl' }],
      },
    },
    {
      name: 'sibling environment folders deep in the tree, each reached by several files, pass without an env parent',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n',
        'deploy/k8s/base/deployment.yaml': 'kind: Deployment\n',
        'deploy/k8s/prod/app/deployment.yaml': 'kind: Deployment\n',
        'deploy/k8s/prod/db/statefulset.yaml': 'kind: StatefulSet\n',
        'deploy/k8s/staging/app/deployment.yaml': 'kind: Deployment\n',
        'deploy/k8s/staging/db/statefulset.yaml': 'kind: StatefulSet\n',
      },
      expect: {
        outcome: 'pass',
        data: { production: ['prod'], preProduction: ['staging'] },
        evidence: [{ path: 'deploy/k8s/prod/app/deployment.yaml' }, { path: 'deploy/k8s/staging/app/deployment.yaml' }],
      },
    },
  ],
  invalid: [
    {
      name: 'Phoenix LiveView folders (lib/app_web/live/car_live/) are no environments',
      profile: 'service',
      tree: {
        'mix.exs':
          'defmodule Car.MixProject do\n  defp deps, do: [{:phoenix, "~> 1.7"}, {:phoenix_live_view, "~> 0.20"}]\nend\n',
        'lib/car_web/live/car_live/index.ex': 'defmodule CarWeb.CarLive.Index do\n  use CarWeb, :live_view\nend\n',
        'lib/car_web/live/charge_live/index.ex':
          'defmodule CarWeb.ChargeLive.Index do\n  use CarWeb, :live_view\nend\n',
        'lib/car_web/live/import_live/index.ex':
          'defmodule CarWeb.ImportLive.Index do\n  use CarWeb, :live_view\nend\n',
      },
      expect: { outcome: 'fail', absent: ['car_live', 'charge_live'] },
    },
    {
      name: 'an approval environment (environment: approve-release) is a gate, said so, not "no CI environments" (round 20)',
      profile: 'service',
      tree: {
        'build.gradle': "plugins { id 'org.springframework.boot' version '3.3.0' }\n",
        'chart/Chart.yaml': 'apiVersion: v2\nname: shelf\nversion: 1.0.0\n',
        '.github/workflows/pipeline.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./gradlew build\n  create-release:\n    needs: build\n    runs-on: ubuntu-latest\n    environment: approve-release\n    steps:\n      - run: gh release create v1.0.0\n  deploy:\n    needs: create-release\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade --install shelf ./chart\n',
      },
      expect: {
        outcome: 'fail',
        message: 'the only CI environment, approve-release, is an approval gate before a job runs',
        evidence: [
          {
            path: '.github/workflows/pipeline.yml',
            line: 13,
            note: 'CI environment approve-release of job create-release is an approval gate before the job runs, not a separate environment',
          },
        ],
        absent: ['no CI environments and'],
      },
    },
    {
      name: 'import test data folders named *_test_1 are test inputs, not pre-production environments (round 11)',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"laravel/framework":"^11.0"}}',
        '.env.production': 'APP_ENV=production\n',
        'resources/testfiles/acme_import_test_1/clients.csv': 'name\nAcme\n',
        'resources/testfiles/acme_import_test_1/projects.csv': 'name\nSite\n',
        'resources/testfiles/other_import_test_2/clients.json': '[]\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [{ path: '.env.production', note: 'configuration for environment production' }],
        absent: ['testfiles', 'import_test'],
      },
    },
    {
      name: 'crates and migrations with "local" in their names (db_views/local_user, sticky_local) are no environments',
      profile: 'service',
      tree: {
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/db_views/local_user/Cargo.toml': '[package]\nname = "db_views_local_user"\n',
        'crates/db_views/local_user/src/lib.rs': 'pub struct LocalUserView;\n',
        'crates/db_views/local_image/Cargo.toml': '[package]\nname = "db_views_local_image"\n',
        'crates/db_views/local_image/src/lib.rs': 'pub struct LocalImageView;\n',
        'crates/db_views/post/src/lib.rs': 'pub struct PostView;\n',
        'crates/db_views/comment/src/lib.rs': 'pub struct CommentView;\n',
        'crates/db_views/person/src/lib.rs': 'pub struct PersonView;\n',
        'migrations/2022-11-20-032430_sticky_local/up.sql': 'ALTER TABLE post ADD featured_local boolean;\n',
        'migrations/2022-04-12-185205_change_default_listing_type_to_local/up.sql': 'SELECT 1;\n',
        'migrations/2023-01-01-000000_add_index/up.sql': 'SELECT 1;\n',
        'src/main.rs': 'fn main() { actix_web::HttpServer::new(|| App::new()).bind(("0.0.0.0", 8536)); }\n',
      },
      expect: { outcome: 'fail', absent: ['local_user', 'sticky_local', 'local_image'] },
    },
    {
      name: 'framework defaults are runtime modes, not deployments: Rails environments, Symfony kernel envs, Angular environment.prod.ts, PHP ini per mode',
      profile: 'service',
      tree: {
        Gemfile: "gem 'rails'\n",
        'config/environments/development.rb': 'Rails.application.configure do\nend\n',
        'config/environments/production.rb': 'Rails.application.configure do\nend\n',
        'config/environments/test.rb': 'Rails.application.configure do\nend\n',
        'config/packages/prod/routing.yaml': 'framework:\n  router:\n    strict_requirements: null\n',
        'config/packages/dev/routing.yaml': 'framework:\n  router:\n    strict_requirements: true\n',
        'config/packages/test/routing.yaml': 'framework: {}\n',
        'frontend/src/environments/environment.ts': 'export const environment = { production: false };\n',
        'frontend/src/environments/environment.prod.ts': 'export const environment = { production: true };\n',
        '.docker/frankenphp/conf.d/app.prod.ini': 'opcache.validate_timestamps = 0\n',
        '.docker/frankenphp/conf.d/app.dev.ini': 'xdebug.mode = debug\n',
      },
      expect: {
        outcome: 'fail',
        data: { production: [], preProduction: [], development: [] },
        absent: ['config/environments/production.rb', 'config/packages/prod', 'environment.prod.ts', 'app.prod.ini'],
      },
    },
    {
      name: 'a Rails environment added beyond the defaults (staging.rb) names a deployment, and production.rb beside it counts',
      profile: 'service',
      tree: {
        Gemfile: "gem 'rails'\n",
        'config/environments/production.rb': 'Rails.application.configure do\nend\n',
        'config/environments/staging.rb': 'Rails.application.configure do\nend\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'config/environments/production.rb', note: 'configuration for environment production' },
          { path: 'config/environments/staging.rb', note: 'configuration for environment staging' },
        ],
        data: { production: ['production'], preProduction: ['staging'] },
      },
    },
    {
      name: 'runtime modes are not environments: dev settings and compose, logging configs, Symfony kernel envs',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "cook"\n',
        'cook/settings/dev.py': 'DEBUG = True\n',
        'cook/core/logger/logconf.prod.json': '{"version": 1}\n',
        'cook/core/logger/logconf.dev.json': '{"version": 1}\n',
        'docker/docker-compose-dev.yml': 'services:\n  app:\n    build: .\n',
        'app/config/config_prod.yml': 'imports:\n  - { resource: config.yml }\n',
        'app/config/routing_dev.yml': '_main:\n  resource: routing.yml\n',
      },
      expect: { outcome: 'fail', data: { production: [], preProduction: [], development: [] } },
    },
    {
      name: 'a dev environment folder and a production config still make partial credit',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "cook"\n',
        'deploy/envs/dev/values.yaml': 'replicas: 1\n',
        'deploy/values-prod.yaml': 'replicas: 3\n',
      },
      expect: { outcome: 'partial', score: 0.6, data: { production: ['prod'], development: ['dev'] } },
    },
    {
      name: '.NET with only appsettings.Production.json is partial',
      profile: 'service',
      tree: {
        'Api/Api.csproj': '<Project/>\n',
        'Api/appsettings.json': '{}\n',
        'Api/appsettings.Production.json': '{}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: 'no staging counterpart',
        evidence: [{ path: 'Api/appsettings.Production.json' }],
      },
    },
    {
      name: 'file names that merely contain an environment word do not count',
      profile: 'service',
      tree: { 'src/live_stream.yaml': 'a: 1\n', 'config/test.json': '{}\n', 'src/prod.ts': 'export {}\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a reusable Terraform module is deployed by its callers: not judged here',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_db_instance" "this" {\n  multi_az = var.multi_az\n}\n',
        'variables.tf': 'variable "multi_az" {\n  type    = bool\n  default = false\n}\n',
        'examples/basic/main.tf':
          'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "db" {\n  source = "../../"\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'a reusable Terraform module' },
    },
    {
      name: 'a CLI has no deployment environments',
      profile: 'cli',
      tree: { 'envs/prod/x.yaml': 'a: 1\n' },
      expect: { outcome: 'not-applicable', message: 'cli' },
    },
  ],
});

describe('environments: CI deploy jobs per environment (round 18)', () => {
  const service = {
    'pom.xml': '<project><artifactId>orders</artifactId></project>\n',
    'src/main/java/acme/Orders.java': 'package acme;\npublic class Orders {}\n',
    'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\n',
  };
  const gitlab = [
    'stages:',
    '  - build',
    '  - deploy',
    '',
    'build:',
    '  stage: build',
    '  script:',
    '    - mvn package',
    '',
    'deploy-qa:',
    '  stage: deploy',
    '  script:',
    '    - kubectl apply -f k8s/deployment.yaml -n test',
    '',
    'deploy-prod:',
    '  stage: deploy',
    '  when: manual',
    '  script:',
    '    - kubectl apply -f k8s/deployment.yaml -n prod',
  ].join('\n');
  it('GitLab deploy jobs into a test and a prod namespace separate the environments', async () => {
    const run = await runRuleOn(rule, { ...service, '.gitlab-ci.yml': gitlab }, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/^Production \(.*prod.*\) and pre-production \(.*test.*\)/);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.gitlab-ci.yml',
        line: 19,
        note: 'CI job deploy-prod deploys to namespace prod',
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: '.gitlab-ci.yml', line: 13, note: 'CI job deploy-qa deploys to namespace test' }),
    );
  });
  it('GitHub jobs named deploy-staging and deploy-production that run helm upgrade count by their names', async () => {
    const wf = [
      'on: push',
      'jobs:',
      '  deploy-staging:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: helm upgrade --install orders ./chart -f values.yaml',
      '  deploy-production:',
      '    runs-on: ubuntu-latest',
      '    needs: deploy-staging',
      '    steps:',
      '      - run: helm upgrade --install orders ./chart -f values.yaml',
    ].join('\n');
    const run = await runRuleOn(rule, { ...service, '.github/workflows/deploy.yml': wf }, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: '.github/workflows/deploy.yml', note: 'CI deploy job deploy-production' }),
    );
  });
  it('a job that only builds, or a test job applying to a throwaway namespace, names no environment', async () => {
    const wf = [
      'on: push',
      'jobs:',
      '  e2e-test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: kubectl apply -f k8s/deployment.yaml -n test',
      '  build-prod:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: mvn -Pprod package',
    ].join('\n');
    const run = await runRuleOn(rule, { ...service, '.github/workflows/ci.yml': wf }, { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
});

describe('environments: deploy steps matched in one pass', () => {
  /** The single pattern the rule had: the reference for isDeployStep's answers. */
  const BEFORE =
    /\b(?:kubectl|oc)\s+(?:[^\n|;&]*\s)?(?:apply|create|replace|set\s+image|rollout\s+restart)\b|\bhelm(?:file)?\s+(?:[^\n|;&]*\s)?(?:upgrade|install|apply|sync)\b|\bterraform\s+apply\b|\bskaffold\s+(?:run|deploy)\b|\bargocd\s+app\s+sync\b|\bgcloud\s+(?:run|app|functions)\s+deploy\b|\b(?:serverless|sls|fly|flyctl|kamal|vercel|netlify|wrangler)\s+deploy\b|\baws\s+ecs\s+update-service\b|\baz\s+(?:webapp|containerapp)\s+(?:up|update|deploy)\b/;
  const WORDS = [
    'kubectl',
    'oc',
    'helm',
    'helmfile',
    'apply',
    'create',
    'set',
    'image',
    'rollout',
    'restart',
    'upgrade',
    'sync',
    '-n',
    'prod',
    'x',
    'ockubectl',
    'terraform',
    '_',
  ];
  const SEPS = [' ', ' ', ' ', '  ', '\n', '\t', '|', ';', '&', '\u2028', '', ' \n'];

  it('answers as the single pattern did on 20,000 random steps', () => {
    let x = 18;
    const next = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 2 ** 32;
    };
    let yes = 0;
    for (let t = 0; t < 20_000; t++) {
      let s = '';
      for (let k = Math.floor(next() * 8); k > 0; k--)
        s += WORDS[Math.floor(next() * WORDS.length)]! + SEPS[Math.floor(next() * SEPS.length)]!;
      expect(isDeployStep(s), JSON.stringify(s)).toBe(BEFORE.test(s));
      if (BEFORE.test(s)) yes++;
    }
    expect(yes).toBeGreaterThan(1000);
  });

  it('160 KB of `oc ` and of `kubectl ` with no verb: no deploy step (2.7 s with the single pattern); a verb at the end is one', () => {
    expect(isDeployStep('oc '.repeat(50_000))).toBe(false);
    expect(isDeployStep('kubectl '.repeat(20_000))).toBe(false);
    expect(isDeployStep(`${'kubectl '.repeat(20_000)}apply`)).toBe(true);
    expect(isDeployStep(`${'kubectl '.repeat(20_000)}; apply`)).toBe(false);
  });
});

describe('environments: workspace names read in bounded work (hostile input, review 23)', () => {
  it('many distinct workspace names in one big file: each quoted from its line, the file never split again per name', async () => {
    const names = 2000;
    const main = `terraform {\n  backend "s3" {}\n}\n${Array.from(
      { length: names },
      (_, i) => `resource "null_resource" "r${i}" {\n  count = terraform.workspace == "ws${i}" ? 1 : 0\n}\n`,
    ).join('')}`;
    // Count whole-file splits (the old code split the file once per distinct name).
    let bigSplits = 0;
    const original = String.prototype.split;
    String.prototype.split = function (this: string, separator: string | RegExp, limit?: number) {
      if (this.length >= main.length) bigSplits++;
      return Reflect.apply(original, this, [separator, limit]) as string[];
    } as typeof original;
    try {
      const run = await runRuleOn(rule, { 'main.tf': main }, { profile: 'infrastructure' });
      expect(run.evidence[0]).toMatchObject({
        path: 'main.tf',
        line: 5,
        snippet: 'count = terraform.workspace == "ws0" ? 1 : 0',
      });
    } finally {
      String.prototype.split = original;
    }
    expect(bigSplits).toBeLessThan(10);
  });
});
