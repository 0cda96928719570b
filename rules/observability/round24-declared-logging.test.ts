import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import structuredLogging from './structured-logging.js';

/**
 * Blind round 24: a Django settings module declares a Logstash (JSON) formatter on one line, but the
 * console handler uses the plain one; only uWSGI's request log is JSON.
 */
const SETTINGS = [
  'import sys', // 1
  '', // 2
  'LOGGING = {', // 3
  '    "version": 1,', // 4
  '    "formatters": {', // 5
  '        "simple": {"format": "%(levelname)s %(message)s"},', // 6
  '        "logstash": {"()": "logstash_formatter.LogstashFormatter"},', // 7
  '    },', // 8
  '    "handlers": {', // 9
  '        "console": {"class": "logging.StreamHandler", "formatter": "simple", "stream": sys.stdout},', // 10
  '    },', // 11
  '    "loggers": {"": {"handlers": ["console"], "level": "INFO"}},', // 12
  '}', // 13
];
const LEGAL = {
  'requirements.txt': 'Django==4.2\nlogstash-formatter==0.5.17\n',
  'manage.py': 'import django\n',
  'legal/settings.py': SETTINGS.join('\n'),
  'legal/views.py':
    'import logging\n\nlogger = logging.getLogger(__name__)\n\ndef index(request):\n    logger.info("hello")\n',
  'docker/app.ini':
    '[uwsgi]\nmodule = legal.wsgi\nlogformat = {"method": "%(method)", "path": "%(uri)", "status": %(status)}\n',
};

describe('round 24: a JSON formatter declared on one line but used by no handler', () => {
  it('is not structured logging; the uWSGI JSON access log is named', async () => {
    const r = await runRuleOn(structuredLogging, LEGAL, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/legal\/settings\.py:7\) is attached to no logging handler/);
    expect(r.message).toMatch(/uWSGI writes its request log as JSON \(docker\/app\.ini:3\)/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'legal/settings.py',
        line: 7,
        note: expect.stringMatching(/no logging handler/),
      }),
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'docker/app.ini', line: 3 }));
  });

  it('passes once the console handler uses the Logstash formatter', async () => {
    const settings = [...SETTINGS];
    settings[9] = settings[9]!.replace('"formatter": "simple"', '"formatter": "logstash"');
    const r = await runRuleOn(
      structuredLogging,
      { ...LEGAL, 'legal/settings.py': settings.join('\n') },
      { profile: 'service' },
    );
    expect(['pass', 'partial']).toContain(r.outcome);
    expect(r.message).toMatch(/^Logs are structured/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'legal/settings.py', line: 7 }));
  });
});

/** A Go service with its own slog JSON formatter in its log package; a Node service on @crowlog/logger. */
describe('round 24: JSON logging the project writes itself, or a JSON-lines logger outside the catalogue', () => {
  it("credits the project's own JSON formatter", async () => {
    const r = await runRuleOn(
      structuredLogging,
      {
        'go.mod': 'module example.com/thumbs\n\ngo 1.22\n',
        'main.go':
          'package main\n\nimport "net/http"\n\nfunc main() {\n\tlogger.Init()\n\thttp.ListenAndServe(":8080", nil)\n}\n',
        'logger/formatter_json.go': [
          'package logger', // 1
          '', // 2
          'import "log/slog"', // 3
          '', // 4
          'type formatterJSON struct {', // 5
          '\tbuf *buffer', // 6
          '}', // 7
          '', // 8
          'func newFormatterJSON(buf *buffer) *formatterJSON {', // 9
          '\treturn &formatterJSON{buf: buf}', // 10
          '}', // 11
        ].join('\n'),
        'logger/formatter_json_test.go': 'package logger\n\nfunc TestFormatterJSON(t *testing.T) {}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('fail');
    expect(r.message).toMatch(/^Logs are structured/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'logger/formatter_json.go', line: 5 }));
    expect(r.evidence.some((e) => e.path === 'logger/formatter_json_test.go')).toBe(false);
  });

  it('credits @crowlog/logger (JSON lines) at its value import, not a type import', async () => {
    const r = await runRuleOn(
      structuredLogging,
      {
        'package.json': JSON.stringify({
          name: 'docs-server',
          dependencies: { hono: '^4.6.0', '@crowlog/logger': '^2.2.0' },
        }),
        'src/logger.ts': [
          "import type { Logger } from '@crowlog/logger';", // 1
          "import { createLoggerFactory } from '@crowlog/logger';", // 2
          '', // 3
          'export const createLogger = createLoggerFactory({ plugins: [] });', // 4
          'export type { Logger };', // 5
        ].join('\n'),
        'src/server.ts':
          "import { Hono } from 'hono';\nimport { createLogger } from './logger';\nconst app = new Hono();\nexport default app;\n",
      },
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('fail');
    expect(r.message).toMatch(/^Logs are structured/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/logger.ts', line: 2 }));
  });
});
