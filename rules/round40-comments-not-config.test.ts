/**
 * Blind round 40: a coverage gate was credited from a usage comment in a test script
 * (`#   ./bin/test.sh --coverage-report   # show the coverage report`) that elsewhere exits 1 when
 * `cd` fails, while CI ran it with `--no-coverage` and pyproject said `fail_under = 0`. Comments
 * and echoed text are not commands; a hand-written gate compares and exits right after it reads
 * the report.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import coverageGate from './quality/coverage-gate.js';
import structuredLogging from './observability/structured-logging.js';
import authentication from './security/authentication.js';

const ci =
  'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./bin/test.sh --no-coverage\n';
const usage = [
  '#!/usr/bin/env bash',
  '# Usage: ./bin/test.sh [--no-coverage] [--coverage-report]',
  '#   ./bin/test.sh --coverage-report   # Just show coverage report without running tests',
  'ROOT_DIR="$(pwd)"',
  'if [ "$1" = "--coverage-report" ]; then',
  '    cd "$ROOT_DIR" || exit 1',
  '    coverage report --include="app/*"',
  '    echo "detailed: coverage report --show-missing"',
  '    exit 0',
  'fi',
  'for f in tests/*.py; do',
  '    if [ "$(wc -l < "$f")" -gt 0 ]; then echo "$f"; fi',
  'done',
  'cd "$ROOT_DIR" || exit 1',
  'pytest tests',
  '',
].join('\n');

describe('round 40: comments are not coverage configuration', () => {
  it('a usage comment naming the coverage report, and a report printed without a floor, are no gate', async () => {
    const r = await runRuleOn(
      coverageGate,
      {
        'bin/test.sh': usage,
        '.github/workflows/test.yml': ci,
        'pyproject.toml': '[tool.coverage.report]\nfail_under = 0\n',
        'app/main.py': 'def main():\n    return 1\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('pass');
    expect(r.message).not.toContain('coverage check script');
  });

  it('a script that reads the report, compares and exits 1 is still a gate', async () => {
    const gate = [
      '#!/usr/bin/env bash',
      '# fails below 80 %',
      "TOTAL=$(coverage report | tail -1 | awk '{print $NF}' | tr -d %)",
      'if [ "$TOTAL" -lt 80 ]; then',
      '  echo "coverage $TOTAL below 80"',
      '  exit 1',
      'fi',
      '',
    ].join('\n');
    const r = await runRuleOn(
      coverageGate,
      { 'bin/test.sh': gate, '.github/workflows/test.yml': ci, 'app/main.py': 'def main():\n    return 1\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'bin/test.sh', line: 3 });
  });
});

const pkg = (deps: Record<string, string>) =>
  JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0', ...deps } }, null, 2);
const client = [
  "import makeWASocket from 'chat-client';",
  "import P from 'pino';",
  '',
  'export class Channel {',
  '  connect() {',
  "    this.client = makeWASocket({ logger: P({ level: 'error' }), printQRInTerminal: false });",
  "    console.log('connected');",
  '  }',
  '}',
  '',
].join('\n');

describe("round 40: a logger handed to a library is not the service's logging", () => {
  it("pino created only as a client library's `logger:` option earns partial credit at most", async () => {
    const r = await runRuleOn(
      structuredLogging,
      {
        'package.json': pkg({ pino: '^8.0.0', 'chat-client': '^6.0.0' }),
        'src/channel.ts': client,
        'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('handed to another library');
  });

  it('a pino logger the service creates and calls still passes', async () => {
    const own =
      "import pino from 'pino';\nexport const logger = pino({ level: 'info' });\nlogger.info({ port: 3000 }, 'listening');\n";
    const r = await runRuleOn(
      structuredLogging,
      {
        'package.json': pkg({ pino: '^8.0.0' }),
        'src/logger.ts': own,
        'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });
});

describe('round 40: a JWT library that signs outgoing webhooks is not authentication', () => {
  const webhook = [
    "import * as jwt from 'jsonwebtoken';",
    '',
    'export class WebhookController {',
    '  async emit(url: string, headers: Record<string, string>, key: string) {',
    '    const jwtToken = this.generateJwtToken(key);',
    "    headers['Authorization'] = `Bearer ${jwtToken}`;",
    "    await fetch(url, { method: 'POST', headers });",
    '  }',
    '',
    '  private generateJwtToken(authToken: string): string {',
    "    const payload = { iat: Math.floor(Date.now() / 1000), app: 'api' };",
    "    return jwt.sign(payload, authToken, { algorithm: 'HS256' });",
    '  }',
    '}',
    '',
  ].join('\n');
  const guard = [
    "import { Request, Response, NextFunction } from 'express';",
    'export function apikey(req: Request, res: Response, next: NextFunction) {',
    "  const key = req.get('apikey');",
    "  if (key !== process.env.API_KEY) return res.status(401).json({ error: 'Unauthorized' });",
    '  next();',
    '}',
    '',
  ].join('\n');
  const server =
    "import express from 'express';\nimport { apikey } from './guard';\nconst app = express();\napp.use(apikey);\napp.listen(3000);\n";

  it('the guard that checks the request is cited, not the signing library', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'package.json': pkg({ jsonwebtoken: '^9.0.2' }),
        'src/webhook.controller.ts': webhook,
        'src/guard.ts': guard,
        'src/server.ts': server,
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).not.toContain('jsonwebtoken');
    expect(r.evidence.map((e) => e.path)).not.toContain('package.json');
  });

  it('a service whose only JWT use signs outgoing webhooks has no authentication', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'package.json': pkg({ jsonwebtoken: '^9.0.2' }),
        'src/webhook.controller.ts': webhook,
        'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
