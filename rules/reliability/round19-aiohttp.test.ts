import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import timeouts from './timeouts.js';

/** Blind round 19: aiohttp is judged call by call like requests and httpx (default: 5 min per request). */
const PY_AIOHTTP = {
  'pyproject.toml': '[project]\nname = "paygate"\ndependencies = ["fastapi", "aiohttp"]\n',
  'app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
  'app/rpc.py': [
    'from aiohttp import ClientSession, ClientTimeout', // 1
    '', // 2
    '', // 3
    'class Rpc:', // 4
    '    def __init__(self, url):', // 5
    '        self.url = url', // 6
    '        self.session = ClientSession()', // 7
    '', // 8
    '    async def call(self, method, **params):', // 9
    '        async with self.session.post(self.url, json=params, timeout=ClientTimeout(total=30)) as r:', // 10
    '            return await r.json()', // 11
  ].join('\n'),
  'app/rates.py': [
    'import aiohttp', // 1
    '', // 2
    '', // 3
    'async def fetch_rates(url):', // 4
    '    async with aiohttp.ClientSession() as session, session.get(url) as resp:', // 5
    '        return await resp.json()', // 6
  ].join('\n'),
};

describe('timeouts: aiohttp clients', () => {
  it('ClientTimeout on a request bounds it; a session without timeout= on an inline request is a finding', async () => {
    const r = await runRuleOn(timeouts, PY_AIOHTTP, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(
      /Python \(requests, httpx, aiohttp, redis-py, smtplib, ftplib, sockets, jira, python-gitlab, python-redmine\)/,
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/rates.py',
        line: 5,
        note: expect.stringMatching(/aiohttp ClientSession without timeout=/),
      }),
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/rpc.py', line: 10 }));
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: 'app/rpc.py', line: 7 }));
  });

  it('ClientSession(timeout=ClientTimeout(…)) passes', async () => {
    const tree = {
      ...PY_AIOHTTP,
      'app/rates.py': PY_AIOHTTP['app/rates.py'].replace(
        'aiohttp.ClientSession()',
        'aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))',
      ),
    };
    const r = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/rates.py', line: 5 }));
  });
});
