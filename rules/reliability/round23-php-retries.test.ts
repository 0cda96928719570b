import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import retries from './retries.js';

/**
 * Blind round 23 (a Laravel importer): a retry written by hand as a loop over a schedule of delays
 * (`$retryDelays = [0, 2, 5]; foreach ($retryDelays as $attempt => $delay) { … sleep($delay); …`)
 * was missed ("no retries"): PHP's `$` variables were not read by the loop patterns, and a loop over
 * delays was no loop shape at all. Growing delays are a backoff written by hand (partial 0.6, as a
 * linear one); a schedule that never grows is a fixed interval.
 */
const mapper = (delays: string, loop = 'foreach ($retryDelays as $attempt => $delay) {') => ({
  'composer.json': '{"require":{"laravel/framework":"^11.0","guzzlehttp/guzzle":"^7.8"}}',
  'app/Services/Api.php': [
    '<?php', // 1
    'namespace App\\Services;', // 2
    'use GuzzleHttp\\Client;', // 3
    'class Api {', // 4
    '    public function post(array $body) {', // 5
    "        return (new Client(['timeout' => 10]))->post('https://ledger.example.org/api/v1/accounts', ['json' => $body]);", // 6
    '    }', // 7
    '}', // 8
  ].join('\n'),
  'app/Services/AccountMapper.php': [
    '<?php', // 1
    'namespace App\\Services;', // 2
    '', // 3
    'class AccountMapper {', // 4
    '    private function createWithRetry(Api $api, array $body) {', // 5
    `        $retryDelays = ${delays};`, // 6
    '        $last = null;', // 7
    `        ${loop}`, // 8
    '            try {', // 9
    '                if ($delay > 0) {', // 10
    '                    sleep($delay);', // 11
    '                }', // 12
    '                return $api->post($body);', // 13
    '            } catch (\\RuntimeException $e) {', // 14
    '                $last = $e;', // 15
    '            }', // 16
    '        }', // 17
    '        throw $last;', // 18
    '    }', // 19
    '}', // 20
  ].join('\n'),
});

describe('round 23: PHP retry loops written by hand', () => {
  it('a loop over growing delays [0, 2, 5]: hand-written backoff, the loop and the schedule cited', async () => {
    const r = await runRuleOn(retries, mapper('[0, 2, 5]'), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.6);
    expect(r.message).toMatch(
      /growing delays: 1 retry loop over a delay schedule \(0, 2, 5; app\/Services\/AccountMapper\.php:6\)/,
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/Services/AccountMapper.php',
        line: 8,
        note: expect.stringMatching(/retry loop/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/Services/AccountMapper.php',
        line: 6,
        note: expect.stringMatching(/growing retry delays/),
      }),
    );
  });

  it('the same loop over delays that never grow: retries at a fixed interval, no backoff claimed', async () => {
    const r = await runRuleOn(retries, mapper('[3, 3, 3]'), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.5);
    expect(r.message).toMatch(/retried by hand, without backoff/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/Services/AccountMapper.php', line: 8 }));
  });

  it('a PHP for loop bounded by $maxRetries: a retry loop (no backoff)', async () => {
    const r = await runRuleOn(retries, mapper('[1, 1]', 'for ($attempt = 0; $attempt < $maxRetries; $attempt++) {'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/Services/AccountMapper.php',
        line: 8,
        note: 'hand-written retry loop bounded by an attempt count, no backoff',
      }),
    );
  });

  it('a loop over anything else (accounts) retries nothing', async () => {
    const r = await runRuleOn(retries, mapper('[0, 2, 5]', 'foreach ($accounts as $account) {'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('fail');
  });
});
