import { describe, expect, it } from 'vitest';
import structuredLogging from './observability/structured-logging.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const PYPROJECT =
  '[project]\nname = "svc"\nversion = "1.0.0"\ndependencies = [\n    "fastapi>=0.110",\n    "logkit==0.3.0",\n]\n';
const lock = (deps: string) =>
  `version = 1\n\n[[package]]\nname = "fastapi"\nversion = "0.110.0"\nsource = { registry = "https://pypi.org/simple" }\n\n[[package]]\nname = "logkit"\nversion = "0.3.0"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [\n${deps}]\n\n[[package]]\nname = "structlog"\nversion = "25.1.0"\nsource = { registry = "https://pypi.org/simple" }\n`;
const MAIN =
  'from fastapi import FastAPI\nfrom logkit import get_logger\n\nlogger = get_logger()\napp = FastAPI()\n\n@app.get("/")\nasync def root():\n    await logger.ainfo("root", path="/")\n    return {}\n';

describe('structured-logging: a logger library that wraps a structured logger, read from the lockfile (round 48)', () => {
  it('wraps structlog with a JSON serialiser: partial, naming the wrapper and its lockfile entry', async () => {
    const run = await runRuleOn(
      structuredLogging,
      {
        'pyproject.toml': PYPROJECT,
        'uv.lock': lock('    { name = "orjson" },\n    { name = "structlog" },\n'),
        'app/main.py': MAIN,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.score).toBeGreaterThanOrEqual(0.8);
    expect(run.message).toContain(
      'Logs go through logkit, a logging library that wraps structlog (its lockfile entry, uv.lock:9)',
    );
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'app/main.py', line: 2 }));
  });

  it('the same library without a structured logger among its dependencies: still fail', async () => {
    const run = await runRuleOn(
      structuredLogging,
      { 'pyproject.toml': PYPROJECT, 'uv.lock': lock('    { name = "colorama" },\n'), 'app/main.py': MAIN },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});

describe('structured-logging: an npm logger wrapping pino, from package-lock.json (round 48)', () => {
  it('partial, citing the lockfile entry and the import', async () => {
    const run = await runRuleOn(
      structuredLogging,
      {
        'package.json': '{"name":"svc","dependencies":{"express":"4.0.0","@acme/log":"1.0.0"}}',
        'package-lock.json': JSON.stringify(
          {
            lockfileVersion: 3,
            packages: {
              '': { dependencies: { express: '4.0.0', '@acme/log': '1.0.0' } },
              'node_modules/@acme/log': { version: '1.0.0', dependencies: { pino: '^9.0.0' } },
              'node_modules/pino': { version: '9.0.0' },
            },
          },
          null,
          2,
        ),
        'src/server.ts':
          'import express from "express";\nimport { createLogger } from "@acme/log";\nconst log = createLogger();\nexpress().listen(3000, () => log.info("up"));\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain(
      'Logs go through @acme/log, a logging library that wraps pino (its lockfile entry, package-lock.json:10)',
    );
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'src/server.ts', line: 2 }));
  });
});
