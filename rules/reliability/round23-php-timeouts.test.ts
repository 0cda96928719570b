import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import timeouts from './timeouts.js';

/**
 * Blind round 23 (a Laravel importer): Guzzle timeouts given as a value read from a property or a
 * setting (`new Client(['timeout' => $this->timeOut])`, `'connect_timeout' => config(…)`) were not
 * seen, and a client made without options whose request passes `'timeout' => …` in its per-request
 * options was reported as waiting indefinitely. Every such call is read: the constructor's options and
 * the per-request options of the same method.
 */
const request = [
  '<?php', // 1
  'namespace App\\Services\\Bank;', // 2
  '', // 3
  'use GuzzleHttp\\Client;', // 4
  '', // 5
  'class BankRequest {', // 6
  '    private float $timeOut = 3.14;', // 7
  '', // 8
  '    protected function authenticatedGet(string $url): array {', // 9
  '        $client  = new Client();', // 10
  '        $options = [', // 11
  "            'timeout' => $this->timeOut,", // 12
  "            'headers' => ['Accept' => 'application/json'],", // 13
  '        ];', // 14
  '        return json_decode((string) $client->get($url, $options)->getBody(), true);', // 15
  '    }', // 16
  '', // 17
  '    protected function client(): Client {', // 18
  "        return new Client(['connect_timeout' => $this->timeOut, 'timeout' => $this->timeOut]);", // 19
  '    }', // 20
  '', // 21
  '    public function token(string $id): array {', // 22
  '        $client = new Client();', // 23
  "        $res = $client->post('https://bank.example.org/api/token/', ['json' => ['id' => $id]]);", // 24
  '        return json_decode((string) $res->getBody(), true);', // 25
  '    }', // 26
  '}', // 27
].join('\n');
const TREE = {
  'composer.json': '{"require":{"laravel/framework":"^11.0","guzzlehttp/guzzle":"^7.8"}}',
  'app/Services/Bank/BankRequest.php': request,
};

describe('round 23: Guzzle timeouts from properties and per-request options', () => {
  it('per-request and constructor timeouts are explicit; only the client whose request passes none is a finding', async () => {
    const r = await runRuleOn(timeouts, TREE, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/1 outbound call has none/);
    const path = 'app/Services/Bank/BankRequest.php';
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path, line: 23, note: 'Guzzle client without timeout waits indefinitely' }),
    );
    expect(r.evidence.some((e) => e.path === path && e.line === 10 && /without timeout/.test(e.note ?? ''))).toBe(
      false,
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path, line: 12, note: 'explicit timeout' }));
    expect(r.data).toMatchObject({ callsWithoutTimeout: 1 });
    expect((r.data as { explicitTimeouts: number }).explicitTimeouts).toBeGreaterThanOrEqual(2);
  });

  it('a per-request timeout of 0 bounds nothing: the client stays a finding', async () => {
    const r = await runRuleOn(
      timeouts,
      {
        ...TREE,
        'app/Services/Bank/BankRequest.php': request.replace("'timeout' => $this->timeOut,", "'timeout' => 0,"),
      },
      { profile: 'service' },
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/Services/Bank/BankRequest.php',
        line: 10,
        note: 'Guzzle client without timeout waits indefinitely',
      }),
    );
  });
});
