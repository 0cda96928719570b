import { describe, expect, it } from 'vitest';
import rule from './timeouts.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 24 (papra): ofetch calls whose `timeout:` is read from the strategy's configuration
 * (`timeout: timeoutMs`, `timeout: requestTimeout`) were not counted; only the literal `timeout: 5 *
 * IN_MS.SECOND` was, and the message said "1 site" where 6 exist.
 */
const SERVICE = {
  'package.json': JSON.stringify({ name: 'docs-server', dependencies: { hono: '^4.5.0', ofetch: '^1.4.0' } }),
  'src/server.ts': "import { Hono } from 'hono';\nexport const app = new Hono();\n",
  'src/ocr/ocr.usecases.ts': [
    "import { ofetch } from 'ofetch';", // 1
    '', // 2
    'export async function extractText({ url, file, timeoutMs }: { url: string; file: Blob; timeoutMs: number }) {', // 3
    '  const response = await ofetch.raw<unknown>(url, {', // 4
    "    method: 'POST',", // 5
    '    body: file,', // 6
    '    timeout: timeoutMs,', // 7
    '  });', // 8
    '  return response._data;', // 9
    '}', // 10
  ].join('\n'),
  'src/hooks/hook.usecases.ts': [
    "import { ofetch } from 'ofetch';", // 1
    '', // 2
    'export async function callHook({ config, body }: { config: HookConfig; body: unknown }) {', // 3
    '  return ofetch<unknown>(config.hooks.url, {', // 4
    "    method: 'POST',", // 5
    '    body,', // 6
    '    timeout: config.hooks.requestTimeout', // 7
    '  });', // 8
    '}', // 9
  ].join('\n'),
  'src/plans/plans.services.ts': [
    "import { ofetch } from 'ofetch';", // 1
    '', // 2
    'export async function fetchPlan(endpointUrl: string) {', // 3
    "  return ofetch(endpointUrl, { method: 'GET', timeout: 5 * 1000 });", // 4
    '}', // 5
  ].join('\n'),
};

describe('timeouts: a timeout option read from configuration counts (blind round 24)', () => {
  it('counts every ofetch timeout, the literal and the two read from configuration, with their lines', async () => {
    const run = await runRuleOn(rule, SERVICE, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Explicit timeouts found (3 sites)');
    expect(run.data).toMatchObject({ explicitTimeouts: 3 });
    for (const [path, line] of [
      ['src/ocr/ocr.usecases.ts', 7],
      ['src/hooks/hook.usecases.ts', 7],
      ['src/plans/plans.services.ts', 4],
    ] as const)
      expect(run.evidence).toContainEqual(expect.objectContaining({ path, line, note: 'explicit timeout' }));
  });

  it('a parameter passed through (`timeout: timeout`) and a type (`timeout: number`) are not timeouts set', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...SERVICE,
        'src/ocr/ocr.usecases.ts': SERVICE['src/ocr/ocr.usecases.ts']
          .replace('timeoutMs: number', 'timeout: number')
          .replace('timeout: timeoutMs,', 'timeout: timeout,'),
        'src/hooks/hook.usecases.ts': SERVICE['src/hooks/hook.usecases.ts'].replace(
          '    timeout: config.hooks.requestTimeout',
          '    retry: config.hooks.retries',
        ),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Explicit timeouts found (1 site)');
    expect(run.evidence).not.toContainEqual(expect.objectContaining({ path: 'src/ocr/ocr.usecases.ts' }));
  });
});
