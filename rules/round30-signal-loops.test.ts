/**
 * Blind round 30: SIGTERM handlers registered in a loop over signal names (etherpad's
 * `for (const signal of ['SIGINT', 'SIGTERM'] as NodeJS.Signals[]) { …; process.on(signal, exit) }`,
 * Python's `for sig in (signal.SIGINT, signal.SIGTERM): loop.add_signal_handler(sig, …)`, Go's
 * `signal.Notify(c, signals...)`) are graceful shutdown.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';

const node = (body: string) => ({
  'package.json': '{"name":"pad","main":"server.js","dependencies":{"express":"^5.0.0"}}',
  'src/server.ts': [
    "import express from 'express';",
    'const app = express();',
    'const server = app.listen(9001);',
    'export const exit = async () => { server.close(); };',
    body,
    '',
  ].join('\n'),
});

describe('round 30: signal handlers registered in a loop', () => {
  it('a for-of loop over a cast list, with statements before process.on(signal, …), handles SIGTERM', async () => {
    const run = await runRuleOn(
      gracefulShutdown,
      node(
        [
          "for (const signal of ['SIGINT', 'SIGTERM'] as NodeJS.Signals[]) {",
          '  // Forcibly remove other listeners first.',
          '  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);',
          '  process.on(signal, exit);',
          '}',
        ].join('\n'),
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'src/server.ts', line: 5 }));
  });
  it('a forEach with a function expression handles SIGTERM', async () => {
    const run = await runRuleOn(
      gracefulShutdown,
      node("['SIGTERM', 'SIGINT'].forEach(function (sig) {\n  console.log('bye');\n  process.once(sig, exit);\n});"),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });
  it('a loop over SIGINT and SIGHUP only handles no SIGTERM', async () => {
    const run = await runRuleOn(
      gracefulShutdown,
      node("for (const signal of ['SIGINT', 'SIGHUP']) {\n  process.on(signal, exit);\n}"),
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('pass');
  });
  const py = (body: string) => ({
    'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["aiohttp"]\n',
    'svc/main.py': `import asyncio\nimport signal\nfrom aiohttp import web\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    stop = asyncio.Event()\n${body}\n    runner = web.AppRunner(web.Application())\n    await runner.setup()\n    await stop.wait()\n    await runner.cleanup()\n`,
  });
  it('Python: for sig in (SIGINT, SIGTERM): loop.add_signal_handler(sig, …) handles SIGTERM', async () => {
    const run = await runRuleOn(
      gracefulShutdown,
      py('    for sig in (signal.SIGINT, signal.SIGTERM):\n        loop.add_signal_handler(sig, stop.set)'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'svc/main.py', line: 8 }));
  });
  it('Python: a loop over SIGINT and SIGHUP only handles no SIGTERM', async () => {
    const run = await runRuleOn(
      gracefulShutdown,
      py('    for sig in (signal.SIGINT, signal.SIGHUP):\n        loop.add_signal_handler(sig, stop.set)'),
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('pass');
  });
  it('Go: signal.Notify(c, shutdownSignals...) with a slice holding syscall.SIGTERM handles it', async () => {
    const run = await runRuleOn(
      gracefulShutdown,
      {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n',
        'main.go':
          'package main\n\nimport (\n\t"context"\n\t"net/http"\n\t"os"\n\t"os/signal"\n\t"syscall"\n)\n\nvar shutdownSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080"}\n\tgo srv.ListenAndServe()\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, shutdownSignals...)\n\t<-c\n\tsrv.Shutdown(context.Background())\n}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });
});
