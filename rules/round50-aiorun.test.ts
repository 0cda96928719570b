import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';

/** Blind round 50: an asyncio server run by aiorun, which handles SIGTERM itself, was "nothing handles SIGTERM". */
const main = (imports: string, call: string) =>
  [
    'import asyncio', // 1
    imports, // 2
    '', // 3
    'async def start() -> None:', // 4
    '    await server.start()', // 5
    '', // 6
    'def main() -> None:', // 7
    `    ${call}(`, // 8
    '        start(),', // 9
    '        shutdown_callback=on_shutdown,', // 10
    '    )', // 11
  ].join('\n');
const tree = (py: string) => ({
  'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["aiohttp", "aiorun"]\n',
  'svc/__main__.py': py,
  'svc/server.py': 'from aiohttp import web\napp = web.Application()\nweb.run_app(app, port=8095)\n',
});

describe('round 50: aiorun handles SIGTERM', () => {
  it('`from aiorun import run` and its run(…): graceful shutdown, cited in the program', async () => {
    const r = await runRuleOn(gracefulShutdown, tree(main('from aiorun import run', 'run')), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'svc/__main__.py')).toBe(true);
    const dotted = await runRuleOn(gracefulShutdown, tree(main('import aiorun', 'aiorun.run')), { profile: 'service' });
    expect(dotted.outcome).toBe('pass');
    expect(dotted.evidence.map((e) => `${e.path}:${e.line}`)).toContain('svc/__main__.py:8');
  });

  it('asyncio.run alone handles no SIGTERM', async () => {
    const r = await runRuleOn(gracefulShutdown, tree(main('import uvloop', 'asyncio.run')), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
  });
});
