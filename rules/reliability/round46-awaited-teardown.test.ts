/**
 * Blind round 46: a Node service whose SIGTERM handler awaits the teardown its start-up returned
 * (`await teardown(); process.exit(2)`, teardown closing the HTTP server and the worker) was "exits
 * without draining". A handler that only exits still is.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import gracefulShutdown from './graceful-shutdown.js';

const tree = (handler: string[]) => ({
  'package.json': JSON.stringify({ name: 'queue', main: 'dist/main.js', dependencies: { fastify: '^4.0.0' } }),
  'src/server.ts': [
    "import fastify from 'fastify';",
    'export async function start() {',
    '  const app = fastify();',
    '  await app.listen({ port: 9181 });',
    '  return { teardown: async () => { await app.close(); } };',
    '}',
  ].join('\n'),
  'src/main.ts': [
    "import { start } from './server';",
    'async function main() {',
    '  const { teardown } = await start();',
    '  async function onSignal(signal: string) {',
    ...handler,
    '  }',
    "  process.on('SIGTERM', onSignal);",
    '}',
    'main();',
  ].join('\n'),
});

describe('graceful-shutdown: an awaited teardown before exit (round 46)', () => {
  it('await teardown() then process.exit drains', async () => {
    const r = await runRuleOn(
      gracefulShutdown,
      tree(["    console.log('received %s', signal);", '    await teardown();', '    process.exit(2);']),
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
  });
  it('a handler that only logs and exits still cuts requests', async () => {
    const r = await runRuleOn(
      gracefulShutdown,
      tree(["    console.log('received %s', signal);", '    process.exit(2);']),
      {
        profile: 'service',
      },
    );
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toMatch(/without closing the server/);
  });
});
