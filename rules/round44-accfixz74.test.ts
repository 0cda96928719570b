/**
 * Blind round 44 (issue 15): Terraform values set through Terragrunt `inputs` and environment
 * conditionals are judged as production gets them.
 */
import { describe, expect, it } from 'vitest';
import redundancy from './reliability/redundancy.js';
import backups from './reliability/backups.js';
import linting from './quality/linting.js';
import testTypes from './quality/test-types.js';
import containerUser from './security/container-user.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { countPhp } from '../src/facts/tests/scripting.js';
import type { Tree } from '../src/testing/memory.js';

function terragruntRepo(opts: { minTasks: number; pitr: string; failover: string; clusters: string }): Tree {
  return {
    'README.md': '# Platform infrastructure\n',
    'env/root.hcl':
      'remote_state {\n  backend = "s3"\n  config = {\n    bucket = "state"\n    key    = "${path_relative_to_include()}/terraform.tfstate"\n  }\n}\n',
    'env/cloud/app/terragrunt.hcl': `terraform {\n  source = "../../../aws//app"\n}\n\ninclude "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n\ninputs = {\n  ecs_name      = "Forms"\n  ecs_min_tasks = ${opts.minTasks}\n  ecs_max_tasks = 3\n  vpc_id        = dependency.network.outputs.vpc_id\n}\n`,
    'env/cloud/redis/terragrunt.hcl': 'terraform {\n  source = "../../../aws//redis"\n}\n',
    'env/cloud/dynamodb/terragrunt.hcl': 'terraform {\n  source = "../../../aws//dynamodb"\n}\n',
    'aws/app/inputs.tf':
      'variable "ecs_min_tasks" {\n  type    = number\n  default = 1\n}\nvariable "ecs_max_tasks" {\n  type = number\n}\nvariable "env" {\n  type = string\n}\n',
    'aws/app/ecs.tf':
      'resource "aws_ecs_service" "web" {\n  name          = "web"\n  cluster       = "main"\n  desired_count = var.ecs_min_tasks\n}\n',
    'aws/redis/inputs.tf': 'variable "env" {\n  type = string\n}\n',
    'aws/redis/redis.tf': `resource "aws_elasticache_replication_group" "redis" {\n  replication_group_id       = "cache"\n  automatic_failover_enabled = ${opts.failover}\n  num_cache_clusters         = ${opts.clusters}\n  multi_az_enabled           = ${opts.failover}\n  snapshot_retention_limit   = 3\n}\n`,
    'aws/dynamodb/inputs.tf': 'variable "env" {\n  type = string\n}\n',
    'aws/dynamodb/dynamo.tf': `resource "aws_dynamodb_table" "vault" {\n  name         = "Vault"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n\n  point_in_time_recovery {\n    enabled = ${opts.pitr}\n  }\n}\n`,
  };
}

describe('round 44: Terraform values through Terragrunt inputs and environment conditionals', () => {
  const redundant = terragruntRepo({
    minTasks: 2,
    pitr: 'var.env != "development"',
    failover: 'var.env != "development"',
    clusters: 'var.env == "development" ? 1 : 2',
  });

  it('a Terragrunt input and a production branch make the units redundant', async () => {
    const run = await runRuleOn(redundancy, redundant);
    expect(run.outcome).toBe('pass');
    const notes = run.evidence.map((e) => `${e.path}:${e.line} ${e.note}`).join('\n');
    expect(notes).toContain('aws_ecs_service.web: desired_count 2 (from env/cloud/app/terragrunt.hcl:11)');
    expect(notes).toContain('aws_elasticache_replication_group.redis: automatic_failover_enabled true');
    expect(notes).toContain('false in development');
  });

  it('an input of 1 and a failover only in development stay single instances', async () => {
    const run = await runRuleOn(
      redundancy,
      terragruntRepo({
        minTasks: 1,
        pitr: 'true',
        failover: 'var.env == "development"',
        clusters: 'var.environment != "production" ? 2 : 1',
      }),
    );
    expect(run.outcome).toBe('fail');
    const notes = run.evidence.map((e) => e.note).join('\n');
    expect(notes).toContain('desired_count 1 (from env/cloud/app/terragrunt.hcl:11)');
    expect(notes).toContain('automatic_failover_enabled false');
  });

  it('point-in-time recovery on outside development is a backup, said with its condition', async () => {
    const run = await runRuleOn(backups, redundant);
    expect(run.outcome).toBe('pass');
    const notes = run.evidence.map((e) => e.note).join('\n');
    expect(notes).toContain(
      'aws_dynamodb_table.vault: point-in-time recovery on (from var.env != "development": true outside development, false in development)',
    );
    expect(notes).not.toContain('no point-in-time recovery');
  });

  it('recovery only in development is off in production', async () => {
    const run = await runRuleOn(
      backups,
      terragruntRepo({ minTasks: 2, pitr: 'var.env == "development"', failover: 'true', clusters: '2' }),
    );
    expect(run.outcome).not.toBe('pass');
    expect(run.evidence[0]!.note).toContain(
      'aws_dynamodb_table.vault: point-in-time recovery off (from var.env == "development": false outside development',
    );
  });
});

describe('round 44: a service module from a registry sets its own instance count', () => {
  const call = (n: number) =>
    `module "api_ecs" {\n  source = "github.com/example/terraform-modules//ecs?ref=v1.2.3"\n\n  service_name             = "api"\n  desired_count            = ${n}\n  autoscaling_min_capacity = ${n}\n}\n`;
  const tree = (n: number): Tree => ({
    'README.md': '# Platform infrastructure\n',
    'main.tf': 'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n',
    'api/ecs.tf': call(n),
  });

  it('desired_count 2 in the call is redundant', async () => {
    const run = await runRuleOn(redundancy, tree(2));
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: 'api/ecs.tf', line: 5 });
    expect(run.evidence[0]!.note).toContain(
      'module "api_ecs" (github.com/example/terraform-modules//ecs): desired_count 2',
    );
  });

  it('desired_count 1 in the call is a single instance', async () => {
    const run = await runRuleOn(redundancy, tree(1));
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]!.note).toContain('desired_count 1, autoscaling_min_capacity 1: a single instance');
  });
});

describe('round 44: data stores declared in Bicep and ARM templates', () => {
  const SQL = `param name string\nparam location string = resourceGroup().location\n\nresource sqlServer 'Microsoft.Sql/servers@2022-05-01-preview' = {\n  name: name\n  location: location\n  properties: {\n    version: '12.0'\n  }\n\n  resource database 'databases' = {\n    name: 'catalog'\n    location: location\n  }\n\n  resource firewall 'firewallRules' = {\n    name: 'Azure Services'\n  }\n}\n`;
  const base: Tree = {
    'README.md': '# Shop\n',
    'infra/main.bicep':
      "module catalogDb './core/database/sqlserver.bicep' = {\n  name: 'catalog-db'\n  params: {\n    name: 'sql-catalog'\n  }\n}\n",
  };

  it('an Azure SQL server in a Bicep module is a data store: platform default backups, partial', async () => {
    const run = await runRuleOn(backups, { ...base, 'infra/core/database/sqlserver.bicep': SQL });
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'infra/core/database/sqlserver.bicep', line: 4 });
    expect(run.evidence[0]!.note).toContain(
      'Azure SQL sqlServer (Microsoft.Sql/servers, Bicep): no backup settings: the platform’s default point-in-time restore',
    );
  });

  it('retention policies in the file back it up; a storage account without versioning does not', async () => {
    const withPolicy = SQL.replace(
      '  resource firewall',
      "  resource retention 'databases/backupShortTermRetentionPolicies' = {\n    name: 'catalog/default'\n    properties: {\n      retentionDays: 14\n    }\n  }\n\n  resource firewall",
    );
    const ok = await runRuleOn(backups, { ...base, 'infra/core/database/sqlserver.bicep': withPolicy });
    expect(ok.outcome).toBe('pass');
    const arm = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'files', apiVersion: '2023-01-01' }],
    };
    const bad = await runRuleOn(backups, {
      ...base,
      'infra/core/database/sqlserver.bicep': withPolicy,
      'infra/storage.json': JSON.stringify(arm, null, 2),
    });
    expect(bad.outcome).toBe('partial');
    expect(bad.evidence[0]).toMatchObject({ path: 'infra/storage.json' });
    expect(bad.evidence[0]!.note).toContain(
      'Storage account (Microsoft.Storage/storageAccounts, ARM template): no blob versioning',
    );
  });

  it('a JSON file that is not a deployment template declares nothing', async () => {
    const run = await runRuleOn(backups, {
      ...base,
      'docs/sample.json': '{\n  "type": "Microsoft.Sql/servers"\n}\n',
    });
    expect(run.outcome).toBe('not-applicable');
  });
});

describe('round 44: a data store deployed through an Azure Verified Module', () => {
  const db = (params: string): Tree => ({
    'README.md': '# Todo\n',
    'infra/main.bicep': "module cosmos './app/db.bicep' = {\n  name: 'cosmos'\n}\n",
    'infra/app/db.bicep': `module cosmos 'br/public:avm/res/document-db/database-account:0.6.0' = {\n  name: 'cosmos'\n  params: {\n    name: 'todo'\n${params}  }\n}\n`,
  });

  it('a Cosmos DB account module without a backup policy keeps the default periodic backup', async () => {
    const run = await runRuleOn(backups, db(''));
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'infra/app/db.bicep', line: 1 });
    expect(run.evidence[0]!.note).toContain(
      'Cosmos DB cosmos (Microsoft.DocumentDB/databaseAccounts, Bicep module avm/res/document-db/database-account): no backupPolicy',
    );
  });

  it('a continuous backup policy in its parameters backs it up', async () => {
    const run = await runRuleOn(backups, db("    backupPolicyType: 'Continuous'\n"));
    expect(run.outcome).toBe('pass');
  });
});

describe('round 44: Roslyn analyzer packages are linters that run in dotnet build', () => {
  const proj = (ref: string) =>
    `<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="xunit" />\n    <PackageReference Include="${ref}">\n      <PrivateAssets>all</PrivateAssets>\n    </PackageReference>\n  </ItemGroup>\n</Project>\n`;
  const ci =
    'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: dotnet build ./Shop.sln --configuration Release\n      - run: dotnet test ./Shop.sln\n';
  const tree = (ref: string, withCi = true): Tree => ({
    'README.md': '# Shop\n',
    'src/Web/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
    'tests/UnitTests/UnitTests.csproj': proj(ref),
    ...(withCi ? { '.github/workflows/dotnetcore.yml': ci } : {}),
  });

  it('an analyzer package referenced by a project, built in CI, passes', async () => {
    const run = await runRuleOn(linting, tree('NSubstitute.Analyzers.CSharp'));
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: 'tests/UnitTests/UnitTests.csproj', line: 4 });
  });

  it('without a CI build it is configured only', async () => {
    const run = await runRuleOn(linting, tree('Meziantou.Analyzer', false));
    expect(run.outcome).toBe('partial');
  });

  it('the compiler API package is no analyzer', async () => {
    const run = await runRuleOn(linting, tree('Microsoft.CodeAnalysis.CSharp.Workspaces'));
    expect(run.outcome).toBe('fail');
  });
});

describe('round 44: unit tests beside a load-test suite', () => {
  const tree = (load: boolean): Tree => ({
    'README.md': '# Forms\n',
    'package.json': JSON.stringify({
      name: 'notify',
      scripts: { test: 'vitest' },
      devDependencies: { vitest: '^3.0.0' },
    }),
    'src/main.ts':
      "import express from 'express';\nconst app = express();\napp.get('/form', (_req, res) => res.send('ok'));\napp.listen(3000);\nexport const handler = async () => ({ statusCode: 200 });\n",
    'tests/main.test.ts':
      "import { it, expect } from 'vitest';\nimport { handler } from '../src/main';\nit('answers', async () => {\n  expect((await handler()).statusCode).toBe(200);\n});\n",
    ...(load
      ? {
          'load-testing/requirements.txt': 'locust==2.31.0\n',
          'load-testing/tests/test_forms.py':
            'from locust import HttpUser, task\n\nclass FormUser(HttpUser):\n    @task\n    def view(self):\n        self.client.get("/form")\n',
        }
      : {}),
  });

  it('unit and load tests pass, naming what is missing', async () => {
    const run = await runRuleOn(testTypes, tree(true));
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('unit tests and load tests found');
    expect(run.message).toContain('no integration and end-to-end tests');
  });

  it('unit tests alone stay partial', async () => {
    const run = await runRuleOn(testTypes, tree(false));
    expect(run.outcome).toBe('partial');
  });
});

describe('round 44: Pest datasets, named and multi-line', () => {
  it('a named dataset the file declares expands like an inline one', () => {
    const php = `<?php\n\nit('lists articles', function (string $shape) {\n    expect($shape)->toBeString();\n})->with('api responses');\n\nit('shows an article', function (string $shape) {\n    expect($shape)->toBeString();\n})->with('api responses');\n\nit('needs a dataset built elsewhere', function ($x) {\n    expect($x)->not->toBeNull();\n})->with('global emails');\n\ndataset('api responses', [\n    'json' => ['application/json'],\n    'xml' => ['text/xml'],\n    'csv' => ['text/csv'],\n]);\n`;
    const r = countPhp(php);
    expect(r.cases).toBe(3);
    // 3 + 3 rows, and the dataset this file does not declare counts its test once.
    expect(r.expanded).toBe(7);
  });

  it('rows that are strings spanning lines, quotes and heredocs inside, are each one row', () => {
    const php = `<?php\n\nit('accepts bodies', function ($body) {\n    expect($body)->toBeString();\n})->with([\n    'I\\'m looking for help',\n    "### Help!\n    Here is (some) text, don't\n    \\\`\\\`\\\`js\n    const s = 'x'\n    \\\`\\\`\\\`",\n    <<<'MD'\n    it's [a link](https://example.com\n    MD,\n])->throwsNoExceptions();\n`;
    const r = countPhp(php);
    expect(r.cases).toBe(1);
    expect(r.expanded).toBe(3);
  });
});

describe('round 44: a final stage FROM the ZITADEL image runs as its zitadel user', () => {
  const app = {
    'package.json': JSON.stringify({ name: 'idp-config', dependencies: { express: '^4.0.0' } }),
    'src/server.js': "const express = require('express');\nexpress().listen(3000);\n",
  };
  it('no USER line over the ZITADEL image is not root', async () => {
    const r = await runRuleOn(
      containerUser,
      {
        ...app,
        'idp/docker/Dockerfile':
          'FROM ghcr.io/zitadel/zitadel:v4.7.5@sha256:5e90a7bb9b94ba1d403e19aaab5f401f2d0ff7d7591900a18624a25da5e00b91\nCOPY ./*.yaml /app/\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'idp/docker/Dockerfile',
        note: 'no USER here: the base image runs as zitadel by default',
      }),
    );
  });

  it('a look-alike name from another registry path is not the ZITADEL image', async () => {
    const r = await runRuleOn(
      containerUser,
      { ...app, Dockerfile: 'FROM ghcr.io/example/zitadel-tools:1\nCOPY . /app\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});

describe('round 44: the PHP mask stays linear on unclosed heredocs', () => {
  it('20,000 unclosed heredoc openers are read in well under a second', () => {
    const php = `<?php\n${'$x = <<<EOT\n'.repeat(20_000)}it('still a test', function () {});\n`;
    countPhp(php);
  });
});
