/**
 * Issue 15, blind round 50: two wrong profiles.
 * - A SAM application (template.yml: functions and a state machine) was "a cli" for the `func main`
 *   of a CDK sample in cdk/go/, one of five language samples that deploy it. A serverless application
 *   is a service; a sample program in a language folder, or an IaC app's synthesiser, is no command.
 * - A production Airflow image (`FROM apache/airflow` + DAGs, pushed by CI) was "a library" for a
 *   pyproject.toml of Ruff settings. An image CI publishes FROM an application server is a service;
 *   a Python library with a Ruff-only pyproject.toml beside setup.py and a test image stays a library.
 * Real facts and scan, on in-memory trees.
 */
import { describe, expect, it } from 'vitest';
import healthEndpoints from '../../rules/observability/health-endpoints.js';
import containerImage from '../../rules/operations/container-image.js';
import orchestration from '../../rules/operations/orchestration.js';
import gracefulShutdown from '../../rules/reliability/graceful-shutdown.js';
import healthChecks from '../../rules/reliability/health-checks.js';
import resourceLimits from '../../rules/reliability/resource-limits.js';
import retries from '../../rules/reliability/retries.js';
import authentication from '../../rules/security/authentication.js';
import type { Tree } from '../testing/memory.js';
import { profileOf } from '../testing/profile.js';
import { runRuleOn } from '../testing/rule-tester.js';

const template = [
  'AWSTemplateFormatVersion: 2010-09-09',
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  initializer:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      CodeUri: lambda',
  '      Handler: initializer.handler',
  '      Timeout: 300',
  '      MemorySize: 128',
  '  executor:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      CodeUri: lambda',
  '      Handler: executor.handler',
  '',
].join('\n');

const goSample =
  'package main\n\nimport "github.com/aws/aws-cdk-go/awscdk/v2"\n\nfunc main() {\n\tapp := awscdk.NewApp(nil)\n\t_ = app\n}\n';

const samApp: Tree = {
  'package.json': '{"name":"power-tuner","version":"4.4.0","devDependencies":{"mocha":"^10.0.0"}}\n',
  'README.md': '# power tuner\n\nDeploy with `sam deploy --guided`.\n',
  'template.yml': template,
  'lambda/initializer.js': 'exports.handler = async (event) => ({ n: event.num });\n',
  'lambda/executor.js': 'exports.handler = async (event) => ({ ok: true });\n',
  'lambda/utils.js': 'module.exports.sleep = (ms) => new Promise((r) => setTimeout(r, ms));\n',
  'cdk/go/go.mod': 'module cdk\n\ngo 1.21\n\nrequire github.com/aws/aws-cdk-go/awscdk/v2 v2.100.0\n',
  'cdk/go/cdk.go': goSample,
  'cdk/go/cdk.json': '{"app":"go mod download && go run cdk.go"}\n',
  'cdk/python/app.py': 'import aws_cdk as cdk\n\napp = cdk.App()\napp.synth()\n',
  'cdk/python/cdk.json': '{"app":"python3 app.py"}\n',
  'cdk/python/requirements.txt': 'aws-cdk-lib>=2.0.0\n',
};

describe('a serverless application is a service, and a sample in a language folder decides nothing', () => {
  it('a SAM template with functions whose code is here makes a service, cited, not the Go CDK sample', async () => {
    const p = await profileOf(samApp);
    expect(p.id).toBe('service');
    expect(p.reasons.join(' ')).toContain(
      'a serverless application: AWS SAM template.yml:2 (2 functions, code in lambda/)',
    );
    expect(p.reasons.join(' ')).not.toContain('cdk/go');
  });

  it('the service rules judge it as functions on Lambda: no request, probe, process or image to judge; platform and memory cited', async () => {
    const auth = await runRuleOn(authentication, samApp);
    expect(auth.outcome).toBe('not-applicable');
    expect(auth.message).toContain(
      'a serverless application (AWS SAM template.yml:2) whose functions take no HTTP requests',
    );
    for (const rule of [healthEndpoints, healthChecks, gracefulShutdown, containerImage])
      expect((await runRuleOn(rule, samApp)).outcome).toBe('not-applicable');
    const orch = await runRuleOn(orchestration, samApp);
    expect(orch.outcome).toBe('pass');
    expect(orch.message).toContain('AWS SAM');
    const limits = await runRuleOn(resourceLimits, samApp);
    expect(limits.outcome).toBe('pass');
    expect(limits.evidence.map((e) => `${e.path}:${e.line}`)).toContain('template.yml:10');
    // Without MemorySize the functions' size is the platform default: not passed.
    const unsized = { ...samApp, 'template.yml': template.replace('      MemorySize: 128\n', '') };
    expect((await runRuleOn(resourceLimits, unsized)).outcome).not.toBe('pass');
  });

  it("a state machine's Retry (Step Functions' default backoff) is retries with backoff; a BackoffRate of 1 is not", async () => {
    const asl = (extra: string) =>
      `{\n  "StartAt": "Run",\n  "States": {\n    "Run": {\n      "Type": "Task",\n      "Resource": "\${ExecutorArn}",\n      "Retry": [{ "ErrorEquals": ["States.ALL"], "IntervalSeconds": 3, "MaxAttempts": 2${extra} }],\n      "End": true\n    }\n  }\n}\n`;
    const withMachine = { ...samApp, 'statemachine/machine.asl.json': asl('') };
    const run = await runRuleOn(retries, withMachine);
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toContain('statemachine/machine.asl.json:7');
    expect(run.evidence.map((e) => e.note).join(' ')).toContain('BackoffRate 2.0 by default');
    const flat = await runRuleOn(retries, { ...samApp, 'statemachine/machine.asl.json': asl(', "BackoffRate": 1') });
    expect(flat.outcome).not.toBe('pass');
  });

  it('a function behind an API event takes requests: the request rules and health endpoints still apply', async () => {
    const api = {
      ...samApp,
      'template.yml': `${template}      Events:\n        Get:\n          Type: Api\n          Properties:\n            Path: /orders\n            Method: get\n`,
    };
    expect((await runRuleOn(authentication, api)).outcome).not.toBe('not-applicable');
    expect((await runRuleOn(healthEndpoints, api)).outcome).not.toBe('not-applicable');
  });

  it('without the template, the Go CDK sample (cdk.json beside it, a sibling python/ sample) is no cli', async () => {
    const { 'template.yml': _t, ...rest } = samApp;
    const p = await profileOf(rest);
    expect(p.id).not.toBe('cli');
    expect(p.reasons.join(' ')).not.toContain('cdk/go/cdk.go');
    // One language sample alone, without cdk.json, is not set aside by the language rule either way…
    const { 'cdk/go/cdk.json': _j, ...noCdkJson } = rest;
    expect((await profileOf(noCdkJson)).id).not.toBe('cli');
    // …but the same Go program alone in a sub-folder, with no language sibling and no IaC file, is a program.
    const alone: Tree = {
      'README.md': '# tool\n',
      'tool/go.mod': 'module example.com/tool\n\ngo 1.21\n',
      'tool/main.go': 'package main\n\nfunc main() {}\n',
    };
    expect((await profileOf(alone)).id).toBe('cli');
  });

  it('a SAM template under examples/, a CI folder, or without the Serverless transform makes no service', async () => {
    const lib: Tree = {
      'package.json': '{"name":"lambda-utils","version":"1.0.0","main":"index.js"}\n',
      'index.js': 'module.exports.wrap = (fn) => fn;\n',
      'examples/app/template.yml': template,
      '.github/sam/template.yml': template,
      'stack.yml': template.replace('Transform: AWS::Serverless-2016-10-31\n', ''),
    };
    const p = await profileOf(lib);
    expect(p.id).toBe('library');
    expect(p.reasons.join(' ')).not.toContain('serverless application');
  });

  it('a Serverless Framework service with functions makes a service; one with no handler does not', async () => {
    const sls: Tree = {
      'package.json': '{"name":"orders","version":"1.0.0"}\n',
      'src/handler.js': 'module.exports.create = async () => ({ statusCode: 201 });\n',
      'serverless.yml': [
        'service: orders',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        'functions:',
        '  create:',
        '    handler: src/handler.create',
        '    timeout: 10',
        '',
      ].join('\n'),
    };
    const p = await profileOf(sls);
    expect(p.id).toBe('service');
    expect(p.reasons.join(' ')).toContain('Serverless Framework serverless.yml:5 (1 function)');
    const noFns = {
      ...sls,
      'serverless.yml': 'service: orders\nprovider:\n  name: aws\nresources:\n  Resources: {}\n',
    };
    expect((await profileOf(noFns)).reasons.join(' ')).not.toContain('serverless application');
  });
});

const publish = [
  'on:',
  '  push:',
  '    branches: [main]',
  'jobs:',
  '  image:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: docker/build-push-action@v6',
  '        with:',
  '          context: .',
  '          push: true',
  '          tags: registry.example.com/data/airflow:${{ github.sha }}',
  '',
].join('\n');

const airflow: Tree = {
  'pyproject.toml': '[tool.ruff]\ntarget-version = "py311"\n\n[tool.ruff.lint]\nselect = ["E", "F"]\n',
  'requirements.in': 'apache-airflow[statsd]==2.10.5\n',
  'requirements.txt': 'apache-airflow==2.10.5\nrequests==2.32.3\n',
  'README.md': '# Airflow DAGs\n\nDeployed to production by the platform team.\n',
  Dockerfile: [
    'FROM apache/airflow:slim-2.10.5-python3.11',
    'USER airflow',
    'COPY requirements.txt /',
    'RUN pip install --no-cache-dir -r /requirements.txt',
    'COPY . .',
    '',
  ].join('\n'),
  'dags/daily_report.py':
    'from airflow import DAG\nfrom airflow.operators.bash import BashOperator\n\nwith DAG("daily_report") as dag:\n    BashOperator(task_id="run", bash_command="echo run")\n',
  'plugins/version.py': 'VERSION = "1"\n',
  '.github/workflows/image.yml': publish,
};

describe('an image CI publishes FROM an application server is a service; a tool-only pyproject is no package', () => {
  it('an Airflow image with DAGs, pushed by CI, is a service, the base and the publishing step cited', async () => {
    const p = await profileOf(airflow);
    expect(p.id).toBe('service');
    expect(p.reasons.join(' ')).toContain(
      'Dockerfile:1 builds FROM apache/airflow:slim-2.10.5-python3.11, whose entrypoint serves what the image adds, and CI publishes it (.github/workflows/image.yml:12)',
    );
  });

  it('not when CI does not publish the image, nor when the image runs a command of its own', async () => {
    const { '.github/workflows/image.yml': _w, ...local } = airflow;
    const unpublished = await profileOf(local);
    expect(unpublished.id).not.toBe('service');
    // The Ruff-only pyproject.toml is not named as the package manifest.
    expect(unpublished.reasons.join(' ')).not.toContain('pyproject.toml');
    const own = { ...airflow, Dockerfile: `${airflow.Dockerfile}CMD ["python", "export_dags.py"]\n` };
    expect((await profileOf(own)).reasons.join(' ')).not.toContain('whose entrypoint serves');
    // A database image with an extension is the database, not a service of the repository's own.
    const db = { ...airflow, Dockerfile: 'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n' };
    expect((await profileOf(db)).reasons.join(' ')).not.toContain('whose entrypoint serves');
  });

  it('a Python library with a Ruff-only pyproject.toml beside setup.py and a published test image stays a library', async () => {
    const lib: Tree = {
      'setup.py': 'from setuptools import setup\n\nsetup(name="tinyparse", version="1.2.0", packages=["tinyparse"])\n',
      'pyproject.toml': '[tool.ruff]\nline-length = 100\n',
      'tinyparse/__init__.py': 'from .core import parse\n\n__all__ = ["parse"]\n',
      'tinyparse/core.py': 'def parse(text):\n    return text.split()\n',
      'tests/test_core.py': 'from tinyparse import parse\n\ndef test_parse():\n    assert parse("a b") == ["a", "b"]\n',
      Dockerfile: 'FROM python:3.12-slim\nCOPY . /src\nRUN pip install -e /src pytest\nCMD ["pytest", "/src/tests"]\n',
      '.github/workflows/image.yml': publish,
    };
    const p = await profileOf(lib);
    expect(p.id).toBe('library');
    const run = await runRuleOn(healthEndpoints, lib);
    expect(run.outcome).toBe('not-applicable');
  });
});
