/**
 * A server-side APM SDK set up in a folder whose name reads as a page's (issue 15, blind round 42):
 * a script under app/components/ that requires the `applicationinsights` Node SDK runs in the
 * Express service, so its setup is the service's metrics, tracing and error tracking. A script there
 * that loads nothing Node-only stays browser code.
 */
import { describe, expect, it } from 'vitest';
import errorTracking from './observability/error-tracking.js';
import metrics from './observability/metrics.js';
import tracing from './observability/tracing.js';
import { ruleTester } from '../src/testing/rule-tester.js';
import { componentClassifier } from '../src/facts/component.js';

const PKG = (deps: Record<string, string>) =>
  JSON.stringify({ name: 'survey', version: '1.0.0', main: 'app.js', dependencies: { express: '^4.19.0', ...deps } });
const APP =
  "const express = require('express');\nconst insights = require('app/components/app-insights');\n\ninsights.initAppInsights(process.env.AI_CONNECTION);\nconst app = express();\napp.listen(3000);\n";
const INSIGHTS = [
  "const appInsights = require('applicationinsights');",
  '',
  'exports.initAppInsights = function initAppInsights(connectionString) {',
  '    appInsights.setup(connectionString)',
  '        .setAutoCollectConsole(false)',
  '        .start();',
  '};',
  '',
].join('\n');
const serverTree = {
  'package.json': PKG({ applicationinsights: '~3.1.0' }),
  'app.js': APP,
  'app/components/app-insights.js': INSIGHTS,
};
const BROWSER_SDK = [
  "import { ApplicationInsights } from '@microsoft/applicationinsights-web';",
  '',
  'const ai = new ApplicationInsights({ config: { connectionString: window.AI } });',
  'ai.loadAppInsights();',
  '',
].join('\n');

const browserTree = {
  'package.json': PKG({ '@microsoft/applicationinsights-web': '^3.3.0' }),
  'app.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
  'app/components/app-insights.js': BROWSER_SDK,
};

for (const [name, rule, browserOutcome] of [
  ['error-tracking', errorTracking, 'fail'],
  ['tracing', tracing, 'fail'],
  ['metrics', metrics, 'fail'],
] as const) {
  ruleTester(rule, {
    valid: [
      {
        name: `${name}: the applicationinsights Node SDK set up under app/components/ is the service's`,
        profile: 'service',
        tree: serverTree,
        expect: { outcome: 'pass', evidence: [{ path: 'app/components/app-insights.js', line: 4 }] },
      },
    ],
    invalid: [
      {
        name: `${name}: the browser SDK under app/components/ is not the service's`,
        profile: 'service',
        tree: browserTree,
        expect: { outcome: browserOutcome },
      },
    ],
  });
}

describe('a page-folder script that loads a Node-only module is server code', () => {
  const of = (read: Record<string, string>) =>
    componentClassifier([{ path: 'package.json', ecosystem: 'npm' } as never], [], { read: (p) => read[p] });
  it('requires applicationinsights, fs or node:http: server', () => {
    expect(of({ 'app/components/a.js': INSIGHTS })('app/components/a.js')).toBe('server');
    expect(of({ 'public/js/b.js': "const fs = require('fs');\n" })('public/js/b.js')).toBe('server');
    expect(of({ 'app/views/c.mjs': "import http from 'node:http';\n" })('app/views/c.mjs')).toBe('server');
  });
  it('the browser SDK, or nothing Node-only: still browser code', () => {
    expect(of({ 'app/components/a.js': BROWSER_SDK })('app/components/a.js')).toBe('browser');
    expect(of({ 'public/js/b.js': "const path = require('path');\n" })('public/js/b.js')).toBe('browser');
    expect(of({ 'src/Widget.tsx': "import fs from 'fs';\n" })('src/Widget.tsx')).toBe('browser');
  });
});
