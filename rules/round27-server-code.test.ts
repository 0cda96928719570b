/**
 * Blind round 27: a React Router app on Hono in apps/webapp/ had its server modules
 * (`*.server.ts`, `server/instrument.server.ts`) read as browser code, because of the package's
 * folder name: its fetch calls were "no outbound calls", its server Sentry init "browser code";
 * a Flask service's direct `redis.Redis(…)` clients were "no outbound calls" too.
 */
import { describe, expect, it } from 'vitest';
import { componentClassifier, pathComponent } from '../src/facts/component.js';
import type { Dependency, Manifest } from '../src/types.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';
import errorTracking from './observability/error-tracking.js';
import tracing from './observability/tracing.js';

const webapp = {
  'apps/webapp/package.json': JSON.stringify({
    name: 'webapp',
    dependencies: { hono: '4', react: '19', 'react-router': '7', '@sentry/react-router': '9' },
  }),
  'apps/webapp/server/index.ts': [
    "import './instrument.server';",
    "import { Hono } from 'hono';",
    'const app = new Hono();',
    "app.get('/healthcheck', (c) => c.text('ok'));",
    'export default app;',
  ].join('\n'),
  'apps/webapp/server/instrument.server.ts': [
    "import * as Sentry from '@sentry/react-router';",
    'Sentry.init({',
    '  dsn: process.env.SENTRY_DSN,',
    '  tracesSampleRate: 0.1,',
    '});',
  ].join('\n'),
  'apps/webapp/app/utils/geolocate.server.ts': [
    'export async function geolocate(ip: string) {',
    '  const res = await fetch(`https://ipapi.example/${ip}`);',
    '  return res.json();',
    '}',
  ].join('\n'),
  'apps/webapp/app/components/map.tsx': 'export const Map = () => null;\n',
};

describe('server code of a full-stack JavaScript app', () => {
  it('server-only modules and folders are server code wherever the app sits', () => {
    for (const p of [
      'apps/web/app/utils/geo.server.ts',
      'app/entry.server.tsx',
      'app/.server/db.ts',
      'server/instrument.server.ts',
      'client/server/index.ts',
      'instrumentation.node.ts',
      'sentry.server.config.ts',
      'sentry.edge.config.js',
    ])
      expect(pathComponent(p), p).toBe('server');
    // Page code stays page code.
    for (const p of ['app/entry.client.tsx', 'public/js/app.js', 'web/src/api.ts'])
      expect(pathComponent(p), p).toBe('browser');
  });

  it("a page folder's name is the package's own location only: a package with a server framework keeps its modules", () => {
    const manifest = (path: string): Manifest => ({ ecosystem: 'npm', path, ok: true });
    const dep = (path: string, name: string) =>
      ({ ecosystem: 'npm', path, name, version: '1', dev: false, direct: true }) as Dependency;
    const of = componentClassifier(
      [manifest('apps/webapp/package.json'), manifest('apps/web/package.json')],
      [
        dep('apps/webapp/package.json', 'hono'),
        dep('apps/webapp/package.json', 'react'),
        dep('apps/web/package.json', 'react'),
      ],
    );
    expect(of('apps/webapp/app/utils/env.ts')).toBe('server');
    expect(of('apps/webapp/app/components/button.ts')).toBe('browser'); // a UI folder of the package
    expect(of('apps/webapp/public/sw.js')).toBe('browser');
    // A UI package without a server framework is the page.
    expect(of('apps/web/src/api.ts')).toBe('browser');
  });

  it('fetch in a *.server.ts module is an outbound call: retries and timeouts are judged, not N/A', async () => {
    const r = await runRuleOn(retries, webapp, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    const t = await runRuleOn(timeouts, webapp, { profile: 'service' });
    expect(t.outcome).toBe('fail');
    expect(t.evidence).toContainEqual(
      expect.objectContaining({ path: 'apps/webapp/app/utils/geolocate.server.ts', line: 2 }),
    );
    // The same fetch in a browser component is the page calling its backend.
    const { 'apps/webapp/app/utils/geolocate.server.ts': moved, ...rest } = webapp;
    const page = { ...rest, 'apps/webapp/app/components/geolocate.tsx': moved };
    expect((await runRuleOn(retries, page, { profile: 'service' })).outcome).toBe('not-applicable');
  });

  it("the server's Sentry init in server/instrument.server.ts is the service's error tracking and tracing", async () => {
    const e = await runRuleOn(errorTracking, webapp, { profile: 'service' });
    expect(e.outcome).toBe('pass');
    const t = await runRuleOn(tracing, webapp, { profile: 'service' });
    expect(t.outcome).not.toBe('fail');
    // A sampler written as a method decides a rate per transaction: tracing on too.
    const sampler = {
      ...webapp,
      'apps/webapp/server/instrument.server.ts': webapp['apps/webapp/server/instrument.server.ts'].replace(
        'tracesSampleRate: 0.1,',
        "tracesSampler(ctx) {\n    return ctx.request?.url?.includes('/healthcheck') ? 0 : 0.2;\n  },",
      ),
    };
    expect((await runRuleOn(tracing, sampler, { profile: 'service' })).outcome).not.toBe('fail');
    const none = {
      ...webapp,
      'apps/webapp/server/instrument.server.ts': webapp['apps/webapp/server/instrument.server.ts'].replace(
        '  tracesSampleRate: 0.1,\n',
        '',
      ),
    };
    expect((await runRuleOn(tracing, none, { profile: 'service' })).outcome).toBe('fail');
  });
});
