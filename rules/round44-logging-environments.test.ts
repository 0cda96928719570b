/**
 * Blind round 44: a Python logging format of key=field pairs (Django LOGGING) was "no structured
 * logging" while plain ILogger templates were partial; ASP.NET appsettings.<Env>.json files were
 * "no per-environment config files".
 */
import { describe, expect, it } from 'vitest';
import structuredLogging from './observability/structured-logging.js';
import environments from './operations/environments.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const DJANGO = {
  'requirements.txt': 'django==5.0\n',
  'manage.py': 'import os\nfrom django.core.management import execute_from_command_line\n',
  'app/urls.py': 'from django.urls import path\nurlpatterns = [path("", lambda r: None)]\n',
};
const settings = (format: string) =>
  [
    'LOGGING = {',
    "    'version': 1,",
    "    'formatters': {",
    "        'simple': {",
    `            'format': '${format}',`,
    "            'style': '{',",
    '        },',
    '    },',
    "    'handlers': {'console': {'class': 'logging.StreamHandler', 'formatter': 'simple'}},",
    '}',
    '',
  ].join('\n');

describe('structured-logging: a key=value log format is structured, not JSON', () => {
  it('Django LOGGING with level={levelname} ts={asctime} … pairs: partial, cited at the format line', async () => {
    const r = await runRuleOn(
      structuredLogging,
      { ...DJANGO, 'app/settings.py': settings('level={levelname} ts={asctime} module={module} message={message}') },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toMatch(/key=value \(logfmt\) lines, not JSON/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/settings.py', line: 5 }));
  });

  it('%-style pairs in logging.Formatter are key=value too', async () => {
    const r = await runRuleOn(
      structuredLogging,
      {
        ...DJANGO,
        'app/log.py':
          "import logging\nhandler = logging.StreamHandler()\nhandler.setFormatter(logging.Formatter('level=%(levelname)s logger=%(name)s msg=%(message)s'))\n",
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('partial');
  });

  it('a plain text format ({levelname} {asctime} {message}) stays no structured logging', async () => {
    const r = await runRuleOn(
      structuredLogging,
      { ...DJANGO, 'app/settings.py': settings('{levelname} {asctime} {module} {message}') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});

const ASPNET = {
  'src/Web/Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
  'src/Web/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.Run();\n',
  'src/Web/appsettings.json': '{ "Logging": { "LogLevel": { "Default": "Information" } } }\n',
  'src/Web/appsettings.Development.json': '{ "Logging": { "LogLevel": { "Default": "Debug" } } }\n',
};

describe('environments: ASP.NET Core appsettings.<Env>.json', () => {
  it("an environment of the project's own (Docker) beside the template pair: production and development, partial", async () => {
    const r = await runRuleOn(
      environments,
      { ...ASPNET, 'src/Web/appsettings.Docker.json': '{ "ConnectionStrings": { "Db": "Server=db" } }\n' },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toMatch(/Production and development configurations found/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/Web/appsettings.json',
        note: expect.stringContaining('ASP.NET Core runs as Production when no environment is set'),
      }),
    );
  });

  it('appsettings.Staging.json beside appsettings.json: production and staging described, pass', async () => {
    const r = await runRuleOn(
      environments,
      { ...ASPNET, 'src/Web/appsettings.Staging.json': '{}\n' },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
  });

  it('the template pair alone (appsettings.json + appsettings.Development.json) is scaffolding: still no separation', async () => {
    const r = await runRuleOn(environments, ASPNET, { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });

  it('database-provider variants (appsettings.PostgreSQL.json, appsettings.SQLite.json) are no environments', async () => {
    const r = await runRuleOn(
      environments,
      { ...ASPNET, 'src/Web/appsettings.PostgreSQL.json': '{}\n', 'src/Web/appsettings.SQLite.json': '{}\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});

const LAMBDA_TF =
  'resource "aws_lambda_function" "archiver" {\n  function_name = "archiver"\n  filename      = "lambda-code/archiver/dist.zip"\n  handler       = "main.handler"\n  runtime       = "nodejs20.x"\n}\n';

describe('structured-logging: an infrastructure repository that ships its functions’ code', () => {
  it('Terraform Lambdas with their code here: judged on that code, not N/A', async () => {
    const r = await runRuleOn(
      structuredLogging,
      {
        'aws/lambda.tf': LAMBDA_TF,
        'lambda-code/archiver/package.json': '{"name":"archiver","dependencies":{"pino":"^9.0.0"}}\n',
        'lambda-code/archiver/src/main.ts':
          "import pino from 'pino';\nconst logger = pino();\nexport const handler = async () => { logger.info({ archived: 3 }, 'done'); };\n",
      },
      { profile: 'infrastructure' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence.some((e) => e.path.startsWith('lambda-code/archiver/'))).toBe(true);
  });

  it('Terraform alone (no function code shipped here) stays not applicable', async () => {
    const r = await runRuleOn(structuredLogging, { 'aws/lambda.tf': LAMBDA_TF }, { profile: 'infrastructure' });
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toMatch(/profile is infrastructure/);
  });

  it('function code that logs JSON objects with a level (console.error(JSON.stringify({ level, msg }))): pass', async () => {
    const r = await runRuleOn(
      structuredLogging,
      {
        'aws/lambda.tf': LAMBDA_TF,
        'lambda-code/archiver/package.json': '{"name":"archiver"}\n',
        'lambda-code/archiver/src/main.ts':
          'export const handler = async () => {\n  console.error(\n    JSON.stringify({\n      level: "error",\n      msg: "Failed to archive",\n    }),\n  );\n};\n',
      },
      { profile: 'infrastructure' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'lambda-code/archiver/src/main.ts', line: 2 }));
  });

  it('JSON.stringify of data without a level is no log format: fail', async () => {
    const r = await runRuleOn(
      structuredLogging,
      {
        'aws/lambda.tf': LAMBDA_TF,
        'lambda-code/archiver/package.json': '{"name":"archiver"}\n',
        'lambda-code/archiver/src/main.ts':
          'export const handler = async (e) => {\n  console.log(JSON.stringify({ records: e.Records.length }));\n};\n',
      },
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('fail');
  });
});
