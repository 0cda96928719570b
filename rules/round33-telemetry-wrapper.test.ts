/**
 * Blind round 33, class "in-house OpenTelemetry wrapper packages": a direct dependency named for
 * telemetry (`@acme/platform-telemetry`) imported and initialised in the service's code is tracing
 * set up through a wrapper (partial); a framework's usage-telemetry package, or a wrapper nobody
 * initialises, is not.
 */
import { expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import tracing from './observability/tracing.js';

const tree = (dep: string, code: string) => ({
  'package.json': JSON.stringify({ name: 'shop-ui', dependencies: { express: '^5.0.0', [dep]: '^1.0.0' } }),
  'server.ts': "import './server/telemetry'\nimport app from './server/app'\napp.listen(3000)\n",
  'server/app.ts': "import express from 'express'\nconst app = express()\nexport default app\n",
  'server/telemetry.ts': code,
});

it('an in-house telemetry package initialised at start is tracing via the wrapper (partial)', async () => {
  const run = await runRuleOn(
    tracing,
    tree(
      '@acme/platform-telemetry',
      "import { initialiseTelemetry } from '@acme/platform-telemetry'\n\ninitialiseTelemetry({ serviceName: 'shop-ui' }).startRecording()\n",
    ),
    { profile: 'service' },
  );
  expect(run.outcome).toBe('partial');
  expect(run.message).toContain('@acme/platform-telemetry');
  expect(run.evidence[0]).toMatchObject({ path: 'server/telemetry.ts', line: 1 });
});

it('a framework usage-telemetry package, or a wrapper only imported for a type, earns nothing', async () => {
  const usage = await runRuleOn(
    tracing,
    tree('@nuxt/telemetry', "import { setupTelemetry } from '@nuxt/telemetry'\nsetupTelemetry()\n"),
    { profile: 'service' },
  );
  expect(usage.outcome).toBe('fail');
  const typeOnly = await runRuleOn(
    tracing,
    tree('@acme/platform-telemetry', "import type { Span } from '@acme/platform-telemetry'\nexport type S = Span\n"),
    { profile: 'service' },
  );
  expect(typeOnly.outcome).toBe('fail');
});
