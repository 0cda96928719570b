/**
 * Evidence from the wrong component (blind rounds 3 and 4): a Go service with a Vue front end and
 * an Electron desktop shell. The front end's reconnect backoff, browser Sentry tracing and the
 * desktop window's CSP are not the service's practices (src/facts/component.ts).
 */
import retries from '../reliability/retries.js';
import middleware from '../security/security-middleware.js';
import tracing from '../observability/tracing.js';
import errorTracking from '../observability/error-tracking.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const goService = {
  'go.mod': 'module code.example.org/tasks\n\ngo 1.22\n\nrequire (\n\tgithub.com/labstack/echo/v4 v4.12.0\n)\n',
  'main.go': 'package main\n\nimport "code.example.org/tasks/pkg/routes"\n\nfunc main() {\n\troutes.Start()\n}\n',
  'pkg/routes/routes.go': [
    'package routes',
    '',
    'import "github.com/labstack/echo/v4"',
    '',
    'func Start() {',
    '\te := echo.New()',
    '\te.GET("/api/v1/info", info)',
    '\te.Logger.Fatal(e.Start(":3456"))',
    '}',
    '',
  ].join('\n'),
  'pkg/webhooks/send.go': [
    'package webhooks',
    '',
    'import "net/http"',
    '',
    'func Send(url string) error {',
    '\treq, err := http.NewRequest("POST", url, nil)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\t_, err = http.DefaultClient.Do(req)',
    '\treturn err',
    '}',
    '',
  ].join('\n'),
  'frontend/package.json': JSON.stringify(
    { name: 'tasks-frontend', dependencies: { vue: '^3.4.0', '@sentry/vue': '^8.0.0' } },
    null,
    2,
  ),
  'frontend/src/composables/useWebSocket.ts': [
    "import { ref } from 'vue'",
    '',
    'export function useWebSocket(url: string) {',
    '  let attempt = 0',
    '  const connected = ref(false)',
    '  function reconnect() {',
    '    const delay = Math.min(1000 * Math.pow(2, attempt), 30000)',
    '    attempt++',
    '    setTimeout(connect, delay)',
    '  }',
    '  function connect() {',
    '    const ws = new WebSocket(url)',
    '    ws.onclose = reconnect',
    '  }',
    '  return { connected, connect }',
    '}',
    '',
  ].join('\n'),
  'frontend/src/sentry.ts': [
    "import * as Sentry from '@sentry/vue'",
    '',
    'export function setupSentry(app, dsn: string) {',
    '  Sentry.init({',
    '    app,',
    '    dsn,',
    '    tracesSampleRate: 1.0,',
    '  })',
    '}',
    '',
  ].join('\n'),
  'desktop/package.json': JSON.stringify(
    { name: 'tasks-desktop', main: 'main.js', dependencies: { electron: '^30.0.0' } },
    null,
    2,
  ),
  'desktop/main.js': [
    "const { app, BrowserWindow, session } = require('electron')",
    '',
    'app.whenReady().then(() => {',
    '  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {',
    "    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [\"default-src 'self'\"] } })",
    '  })',
    '  new BrowserWindow({ width: 1280, height: 800 })',
    '})',
    '',
  ].join('\n'),
};

ruleTester(retries, {
  valid: [
    {
      name: "the service's own backoff.Retry around its webhook call passes beside the page's reconnect loop",
      profile: 'service',
      tree: {
        ...goService,
        'pkg/webhooks/retry.go':
          'package webhooks\n\nimport "github.com/cenkalti/backoff/v4"\n\nfunc SendWithRetry(url string) error {\n\treturn backoff.Retry(func() error { return Send(url) }, backoff.NewExponentialBackOff())\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'pkg/webhooks/retry.go', line: 6 }], absent: ['useWebSocket'] },
    },
  ],
  invalid: [
    {
      name: "a Vue composable's reconnect backoff is the page's, not the service's retries",
      profile: 'service',
      tree: goService,
      expect: { outcome: 'fail', absent: ['useWebSocket'] },
    },
  ],
});

ruleTester(middleware, {
  valid: [
    {
      name: "helmet registered by the Express server passes; the desktop shell's CSP is not cited",
      profile: 'service',
      tree: {
        'package.json': JSON.stringify(
          { name: 'api', dependencies: { express: '^4.19.0', helmet: '^7.1.0' } },
          null,
          2,
        ),
        'src/server.js':
          "const express = require('express')\nconst helmet = require('helmet')\n\nconst app = express()\napp.use(helmet())\napp.listen(3000)\n",
        'desktop/package.json': goService['desktop/package.json'],
        'desktop/main.js': goService['desktop/main.js'],
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/server.js', line: 5 }], absent: ['desktop/main.js'] },
    },
  ],
  invalid: [
    {
      name: "an Electron window's Content-Security-Policy is not the service's security headers",
      profile: 'service',
      tree: goService,
      expect: { outcome: 'fail', absent: ['desktop/main.js'] },
    },
  ],
});

ruleTester(tracing, {
  valid: [
    {
      name: 'Sentry tracing started by the Python backend passes',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "tasks"\ndependencies = ["flask>=3", "sentry-sdk>=2"]\n',
        'tasks/app.py':
          'import sentry_sdk\nfrom flask import Flask\n\nsentry_sdk.init(dsn=DSN, traces_sample_rate=0.2)\napp = Flask(__name__)\n',
        'frontend/package.json': goService['frontend/package.json'],
        'frontend/src/sentry.ts': goService['frontend/src/sentry.ts'],
      },
      expect: { outcome: 'pass', evidence: [{ path: 'tasks/app.py', line: 4 }] },
    },
  ],
  invalid: [
    {
      name: "browser Sentry tracesSampleRate is shown as the page's tracing, not credited to the service",
      profile: 'service',
      tree: goService,
      expect: {
        outcome: 'fail',
        message: 'Tracing set up outside the service (browser code) does not trace its requests',
        evidence: [{ path: 'frontend/src/sentry.ts', line: 7 }],
      },
    },
  ],
});

ruleTester(errorTracking, {
  valid: [
    {
      name: 'a full-stack Next.js app whose server config starts Sentry passes (its API routes are server code)',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify(
          { name: 'stats', dependencies: { next: '15.0.0', react: '19.0.0', '@sentry/nextjs': '^8.0.0' } },
          null,
          2,
        ),
        'src/app/api/send/route.ts':
          'export async function POST(req: Request) {\n  return Response.json({ ok: true })\n}\n',
        'sentry.server.config.ts':
          "import * as Sentry from '@sentry/nextjs'\n\nSentry.init({ dsn: process.env.SENTRY_DSN })\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'sentry.server.config.ts', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'an error tracker started only in the browser is partial for a service with a backend',
      profile: 'service',
      tree: goService,
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: "initialised in the browser code only: the service's own errors are not reported",
        evidence: [{ path: 'frontend/src/sentry.ts', line: 4 }],
      },
    },
  ],
});
