/**
 * Blind round 27, class "generous partial credit where the practice is absent": a plain-text
 * logging.basicConfig format string is no structured logging; a "Troubleshooting" section of a
 * release procedure (re-tagging a version) is no operations runbook. Each with the case that still
 * earns credit. (The idle coverage script is in rules/quality/coverage-gate.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import structuredLogging from './observability/structured-logging.js';
import runbooks from './operations/runbooks.js';

const flask = '[project]\nname = "scorer"\ndependencies = ["flask", "redis"]\n';
const server = (logging: string) =>
  [
    'import logging', // 1
    'from flask import Flask', // 2
    '', // 3
    logging, // 4
    'app = Flask(__name__)', // 5
    '',
  ].join('\n');

describe('round 27: a plain-text format string is no structured logging', () => {
  it('logging.basicConfig(format="%(asctime)s …") fails, naming the text logger', async () => {
    const run = await runRuleOn(
      structuredLogging,
      {
        'pyproject.toml': flask,
        'scorer/server.py': server(
          'logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(name)s - %(message)s")',
        ),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.message).toMatch(/^Logs are plain text: logging\.basicConfig\(.*\(scorer\/server\.py:4\)/);
    expect(run.evidence[0]).toMatchObject({
      path: 'scorer/server.py',
      line: 4,
      note: 'plain-text logger: formatted lines, no fields, no JSON',
    });
  });

  it('a fields-based library next to it (structlog imported) keeps its credit (structured, no correlation id: a suggestion)', async () => {
    const run = await runRuleOn(
      structuredLogging,
      {
        'pyproject.toml': '[project]\nname = "scorer"\ndependencies = ["flask", "structlog"]\n',
        'scorer/server.py': server(
          'import structlog\nlogging.basicConfig(level=logging.INFO)\nlog = structlog.get_logger()',
        ),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Suggestion: attach a request/correlation id');
  });

  it('basicConfig with a JSON formatter on its handler passes the JSON check', async () => {
    const run = await runRuleOn(
      structuredLogging,
      {
        'pyproject.toml': '[project]\nname = "scorer"\ndependencies = ["flask", "python-json-logger"]\n',
        'scorer/server.py': server(
          'handler = logging.StreamHandler()\nhandler.setFormatter(jsonlogger.JsonFormatter())\nlogging.basicConfig(handlers=[handler])',
        ),
      },
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('fail');
    expect(run.message).not.toMatch(/plain text/);
  });
});

const releaseDoc = [
  '# Version Management', // 1
  '', // 2
  '## Bumping Versions', // 3
  '', // 4
  'Run `bump-my-version bump patch`.', // 5
  '', // 6
  '## Troubleshooting', // 7
  '', // 8
  '### Already tagged version', // 9
  '', // 10
  '```bash', // 11
  'git tag -d v1.2.3', // 12
  'git push origin :refs/tags/v1.2.3', // 13
  '```', // 14
  '', // 15
  '### Wrong version bumped', // 16
  '', // 17
  'git reset --hard HEAD~1 undoes the version bump commit.', // 18
  '',
].join('\n');

const opsReadme = [
  '# Scorer', // 1
  '', // 2
  '## Troubleshooting', // 3
  '', // 4
  'If the workers stop scoring in production, check the worker logs and restart the worker pods.', // 5
  '',
].join('\n');

describe('round 27: a release procedure is no operations runbook', () => {
  const base: Tree = { 'pyproject.toml': flask, 'scorer/app.py': 'from flask import Flask\napp = Flask(__name__)\n' };

  it('a Troubleshooting section about re-tagging versions, in a version-management guide, earns nothing', async () => {
    const run = await runRuleOn(runbooks, { ...base, 'VERSION_MANAGEMENT.md': releaseDoc }, { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });

  it('the same section in a general document is still about git tags and version bumps: nothing', async () => {
    const run = await runRuleOn(runbooks, { ...base, 'docs/guide.md': releaseDoc }, { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });

  it('a Troubleshooting section about the running workers in production is partial credit', async () => {
    const run = await runRuleOn(runbooks, { ...base, 'README.md': opsReadme }, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 3 }));
  });
});
