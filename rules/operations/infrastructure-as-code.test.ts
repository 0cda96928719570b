import rule from './infrastructure-as-code.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a serverless.yml naming a service and a provider is a Serverless Framework service',
      profile: 'service',
      tree: {
        'package.json': '{"name":"api","dependencies":{"express":"4.0.0"}}',
        'services/api/serverless.yml':
          'service: orders-api\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  list:\n    handler: handler.list\n',
      },
      expect: { outcome: 'pass', message: 'Serverless Framework', evidence: [{ path: 'services/api/serverless.yml' }] },
    },
    {
      name: 'Terraform deployed by Terragrunt is a root configuration: its remote_state is the backend, not "a module"',
      profile: 'infrastructure',
      tree: {
        'terragrunt.hcl':
          'remote_state {\n  backend = "s3"\n  generate = {\n    path = "backend.tf"\n  }\n}\n\ngenerate "provider" {\n  path = "provider.tf"\n}\n',
        'app/terragrunt.hcl': 'include {\n  path = find_in_parent_folders()\n}\n',
        'app/main.tf': 'resource "aws_ecs_service" "app" {\n  name = var.name\n}\n',
        'app/variables.tf': 'variable "name" {\n  type = string\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Terraform and Terragrunt',
        absent: ['rightly has no backend'],
        evidence: [
          { path: 'app/main.tf', line: 1 },
          { path: 'app/terragrunt.hcl' },
          { path: 'terragrunt.hcl', line: 1, note: 'remote state backend (Terragrunt remote_state)' },
        ],
      },
    },
    {
      name: 'a reusable Terraform module without a backend passes as a module; its resources are cited before the examples',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_db_instance" "this" {\n  multi_az = var.multi_az\n}\n',
        'variables.tf': 'variable "multi_az" {\n  type    = bool\n  default = false\n}\n',
        'examples/basic/main.tf':
          'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "db" {\n  source = "../../"\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'a module rightly has no backend',
        evidence: [
          { path: 'main.tf', line: 1 },
          { path: 'examples/basic/main.tf', line: 5 },
        ],
      },
    },
    {
      name: 'a repository of Helm charts defines Kubernetes resources as code',
      profile: 'infrastructure',
      tree: {
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
        'charts/api/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      },
      expect: { outcome: 'pass', message: 'Helm chart', evidence: [{ path: 'charts/api/Chart.yaml' }] },
    },
    {
      name: 'Terraform with an S3 backend passes',
      profile: 'service',
      tree: {
        'infra/main.tf':
          'terraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n\nresource "aws_s3_bucket" "assets" {\n  bucket = "assets"\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Terraform',
        evidence: [
          { path: 'infra/main.tf', line: 7 },
          { path: 'infra/main.tf', line: 2 },
        ],
      },
    },
    {
      name: 'a CloudFormation template passes',
      profile: 'infrastructure',
      tree: {
        'stack/template.yml':
          'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n',
      },
      expect: { outcome: 'pass', message: 'CloudFormation', evidence: [{ path: 'stack/template.yml', line: 1 }] },
    },
    {
      name: 'Bicep and Pulumi are recognised by file name',
      profile: 'service',
      tree: {
        'deploy/main.bicep': "param location string = 'westeurope'\n",
        'Pulumi.yaml': 'name: shop\nruntime: nodejs\n',
      },
      expect: { outcome: 'pass', message: ['Bicep', 'Pulumi'] },
    },
  ],
  invalid: [
    {
      name: 'an API client named serverless.ts is no Serverless Framework service: the name is not the tool (round 16)',
      profile: 'service',
      tree: {
        'package.json': '{"name":"blog","dependencies":{"express":"4.0.0"}}',
        'apps/admin/src/api/serverless.ts': [
          "import { request } from './request'",
          '',
          'export const serverlessApi = {',
          "  list: () => request.get('/fn'),",
          '  invoke: (name: string) => request.post(`/fn/${name}`),',
          '}',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'fail', message: 'No infrastructure as code found', evidence: [{ path: '.' }] },
    },
    {
      name: 'a .NET Aspire AppHost declaring Azure resources (AddAzure*, ConfigureInfrastructure) is infrastructure as code, partial: azd generates the templates (round 13)',
      profile: 'service',
      tree: {
        'tools/AppHost/AppHost.csproj':
          '<Project Sdk="Aspire.AppHost.Sdk/9.0.0"><ItemGroup><PackageReference Include="Aspire.Hosting.Azure.Sql" /></ItemGroup></Project>',
        'tools/AppHost/AppHost.cs': [
          'using Azure.Provisioning;',
          'using Azure.Provisioning.AppService;',
          '',
          'var builder = DistributedApplication.CreateBuilder(args);',
          '',
          'builder.AddAzureAppServiceEnvironment("plan").ConfigureInfrastructure(infra =>',
          '{',
          '    var plan = infra.GetProvisionableResources().OfType<AppServicePlan>().Single();',
          '    plan.Sku = new AppServiceSkuDescription { Name = "B1" };',
          '});',
          'var sql = builder.AddAzureSqlServer("sql").AddDatabase("app");',
          'builder.AddProject<Projects.WebApi>("api").WithReference(sql);',
          'builder.Build().Run();',
          '',
        ].join('\n'),
        'src/WebApi/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Build().Run();\n',
      },
      expect: {
        outcome: 'partial',
        message: 'declared in code by the .NET Aspire AppHost (tools/AppHost/AppHost.cs:6)',
        evidence: [{ path: 'tools/AppHost/AppHost.cs', line: 6 }],
      },
    },
    {
      name: 'an app registering Azure SDK clients (services.AddAzureClients) provisions nothing: no AppHost, no IaC',
      profile: 'service',
      tree: {
        'src/WebApi/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddAzureClients(c => c.AddBlobServiceClient(cs));\nbuilder.Build().Run();\n',
      },
      expect: { outcome: 'fail', absent: ['Program.cs'] },
    },
    {
      name: 'Terraform without a remote backend is partial',
      profile: 'service',
      tree: { 'main.tf': 'resource "aws_instance" "web" {\n  ami = "ami-123"\n}\n' },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'no remote state backend',
        evidence: [{ path: 'main.tf', line: 1 }],
      },
    },
    {
      name: 'a service without any IaC fails and says what was searched',
      profile: 'service',
      tree: { 'src/app.ts': 'export const x = 1;\n', 'README.md': '# app\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not applicable',
      profile: 'library',
      tree: { 'src/index.ts': 'export {}\n' },
      expect: { outcome: 'not-applicable', message: 'library' },
    },
  ],
});
