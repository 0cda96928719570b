import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import retries from './retries.js';

/**
 * Blind round 24: a loop that polls an OCR job until it completes, sleeping a polling delay between
 * checks, was credited as a retry loop ("the next attempt follows at once").
 */
const POLL = [
  "import { ofetch } from 'ofetch';", // 1
  '', // 2
  'export async function pollJob({ url, pollingAttempts, pollingDelayMs }) {', // 3
  '  for (let attempt = 0; attempt < pollingAttempts; attempt++) {', // 4
  "    const result = await ofetch(url, { method: 'GET', timeout: 10_000 });", // 5
  "    if (result.status === 'succeeded') {", // 6
  '      return result.content;', // 7
  "    } else if (result.status === 'failed') {", // 8
  "      throw new Error('job failed');", // 9
  '    }', // 10
  '    if (attempt < pollingAttempts - 1) {', // 11
  '      await sleep(pollingDelayMs);', // 12
  '    }', // 13
  '  }', // 14
  "  throw new Error('job did not complete in time');", // 15
  '}', // 16
];
const TREE = {
  'package.json': JSON.stringify({ name: 'docs-server', dependencies: { hono: '^4.6.0', ofetch: '^1.4.0' } }),
  'src/server.ts': "import { Hono } from 'hono';\nconst app = new Hono();\nexport default app;\n",
  'src/ocr/poll.ts': POLL.join('\n'),
};

describe('round 24: a polling loop is not a retry', () => {
  it('fails and names the polling loop as not counted', async () => {
    const r = await runRuleOn(retries, TREE, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/src\/ocr\/poll\.ts:4 polls a job until it completes/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/ocr/poll.ts', line: 4, note: expect.stringMatching(/polling loop/) }),
    );
  });

  it('a loop that catches the failed call and tries again is still a retry', async () => {
    const retry = [
      "import { ofetch } from 'ofetch';", // 1
      '', // 2
      'export async function send(url, maxRetries) {', // 3
      '  for (let attempt = 0; attempt < maxRetries; attempt++) {', // 4
      '    try {', // 5
      "      return await ofetch(url, { method: 'POST', timeout: 10_000 });", // 6
      '    } catch (error) {', // 7
      "      logger.warn({ error, attempt }, 'send failed');", // 8
      '    }', // 9
      '  }', // 10
      '}', // 11
    ];
    const r = await runRuleOn(retries, { ...TREE, 'src/ocr/poll.ts': retry.join('\n') }, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/ocr/poll.ts', line: 4 }));
  });
});
