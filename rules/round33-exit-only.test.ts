/**
 * Blind round 33, class "weak signals credited as practice": a SIGTERM handler that flushes telemetry
 * and calls `process.exit(0)` handles the signal but cuts in-flight requests; it is partial, not a
 * graceful shutdown. A handler that closes the server first still passes.
 */
import { expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';

const PKG = JSON.stringify({ name: 'shop-ui', dependencies: { express: '^5.0.0' } });

const tree = (handler: string) => ({
  'package.json': PKG,
  'server.ts': "import app from './server/app'\nimport './server/telemetry'\nexport const server = app.listen(3000)\n",
  'server/app.ts': "import express from 'express'\nconst app = express()\nexport default app\n",
  'server/telemetry.ts': handler,
});

it('a SIGTERM handler that calls a function which only flushes and exits is partial (exits without draining)', async () => {
  const run = await runRuleOn(
    gracefulShutdown,
    tree(
      "const shutdown = async () => {\n  await flushTelemetry()\n  process.exit(0)\n}\n\nprocess.on('SIGTERM', () => shutdown())\n",
    ),
    { profile: 'service' },
  );
  expect(run.outcome).toBe('partial');
  expect(run.message).toContain('without closing the server');
  expect(run.evidence[0]).toMatchObject({ path: 'server/telemetry.ts', line: 6 });
});

it('a SIGTERM handler that closes the server before exiting passes', async () => {
  const run = await runRuleOn(
    gracefulShutdown,
    tree(
      "import { server } from '../server'\nfunction shutdown() {\n  server.close(() => process.exit(0))\n}\n\nprocess.on('SIGTERM', shutdown)\n",
    ),
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
});
