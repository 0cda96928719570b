import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { disabledTimeout } from '../_shared/client-timeouts.js';
import timeouts from './timeouts.js';

/**
 * Blind round 21: a timeout set to zero turns the timeout off (Go's `http.Client{Timeout: 0}` was
 * cited as an explicit timeout); a Guzzle client whose options are merged from literal arrays
 * without a timeout waits forever; a memcached client's `socket_timeout` is a timeout to name, but
 * it bounds the cache, not the HTTP calls.
 */
describe('round 21: timeouts that are none, and timeouts of other clients', () => {
  it('zero, None, Infinity, 0s and negative values are no timeout; real values are', () => {
    for (const off of [
      '\t\tTimeout: 0,',
      '    r = requests.get(url, timeout=None)',
      "  $c = new Client(['timeout' => 0]);",
      '  read-timeout: 0',
      '  const c = axios.create({ timeout: Infinity })',
      '\tDialTimeout: -1,',
      "  timeout: '0s'",
    ])
      expect(disabledTimeout(off), off).toBe(true);
    for (const on of [
      '\t\tTimeout: 10 * time.Second,',
      '    r = requests.get(url, timeout=0.5)',
      '  const c = axios.create({ timeout: 0, signal: AbortSignal.timeout(5000) })',
      "  $c = new Client(['timeout' => 10]);",
    ])
      expect(disabledTimeout(on), on).toBe(false);
  });

  it('Go: an http.Client{Timeout: 0} is a client without a timeout, not evidence of one', async () => {
    const r = await runRuleOn(
      timeouts,
      {
        'go.mod': 'module example.com/mirror\n\ngo 1.22\n',
        'pkg/httpx/httpx.go': [
          'package httpx', // 1
          '', // 2
          'func BaseClient() *http.Client {', // 3
          '\treturn &http.Client{', // 4
          '\t\tTimeout: 10 * time.Second,', // 5
          '\t}', // 6
          '}', // 7
        ].join('\n'),
        'pkg/blob/client.go': [
          'package blob', // 1
          '', // 2
          'func New() *Client {', // 3
          '\thc := &http.Client{', // 4
          '\t\tTimeout: 0,', // 5
          '\t}', // 6
          '\treturn &Client{hc: hc}', // 7
          '}', // 8
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'pkg/blob/client.go',
        line: 4,
        note: 'http.Client with Timeout: 0, which turns the timeout off',
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'pkg/httpx/httpx.go', line: 5, note: 'explicit timeout' }),
    );
    expect(r.evidence).not.toContainEqual(
      expect.objectContaining({ path: 'pkg/blob/client.go', line: 5, note: 'explicit timeout' }),
    );
    expect(r.data).toMatchObject({ callsWithoutTimeout: 1, disabledTimeouts: 1 });
  });

  it('PHP: a Guzzle client whose options are array_merge of literals without a timeout is a call without one', async () => {
    const r = await runRuleOn(
      timeouts,
      {
        'composer.json': '{"require":{"laravel/framework":"^11.0","guzzlehttp/guzzle":"^7.8"}}',
        'app/Services/Feed.php': [
          '<?php', // 1
          'namespace App\\Services;', // 2
          '', // 3
          'use Illuminate\\Support\\Facades\\Http;', // 4
          '', // 5
          'class Feed {', // 6
          '    public function pull() {', // 7
          '        return Http::timeout(5)->get("https://feeds.example.org/latest")->json();', // 8
          '    }', // 9
          '}', // 10
        ].join('\n'),
        'app/Auth/OidcProvider.php': [
          '<?php', // 1
          'namespace App\\Auth;', // 2
          '', // 3
          'use GuzzleHttp\\Client;', // 4
          '', // 5
          'class OidcProvider {', // 6
          '    protected function client() {', // 7
          '        return new Client(array_merge($this->guzzle, [', // 8
          "            'verify' => config('services.oidc.verify', true),", // 9
          '        ]));', // 10
          '    }', // 11
          '}', // 12
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/1 outbound call has none/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/Auth/OidcProvider.php',
        line: 8,
        note: 'Guzzle client without timeout waits indefinitely',
      }),
    );
  });

  it('Ruby: a memcached socket_timeout is named in the message, and no HTTP timeout is claimed from it', async () => {
    const r = await runRuleOn(
      timeouts,
      {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'dalli'\n",
        'config/environments/production.rb': [
          'Rails.application.configure do', // 1
          '  config.cache_store = [:mem_cache_store, ENV["CACHE_SERVERS"].split(","),', // 2
          '    {failover: true,', // 3
          '     socket_timeout: 1.5,', // 4
          '     socket_failure_delay: 0.2}]', // 5
          'end', // 6
        ].join('\n'),
        'app/services/issue_fetcher.rb': [
          'class IssueFetcher', // 1
          '  def call(repo)', // 2
          '    Net::HTTP.get(URI("https://api.github.com/repos/#{repo}/issues"))', // 3
          '  end', // 4
          'end', // 5
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/cache or data-store client \(config\/environments\/production\.rb:4\)/);
    expect(r.message).not.toMatch(/^No explicit timeouts on outbound calls found/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/services/issue_fetcher.rb', line: 3 }));
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'config/environments/production.rb',
        line: 4,
        note: 'timeout of a cache or data-store client: bounds that store, not the HTTP calls',
      }),
    );
  });
});

describe('zero and null timeouts with ordinary spacing (review of the round-21 fixes)', () => {
  const guzzle = (options: string) => ({
    'composer.json': '{"require":{"guzzlehttp/guzzle":"^7.8"}}',
    'src/Api.php': [
      '<?php', // 1
      'namespace App;', // 2
      'use GuzzleHttp\\Client;', // 3
      'class Api {', // 4
      '    public function client() {', // 5
      `        return new Client(${options});`, // 6
      '    }', // 7
      '}', // 8
    ].join('\n'),
  });
  it("a Guzzle client with 'timeout' => 0 or null waits indefinitely; => 0.5 and => 10 are timeouts", async () => {
    for (const off of ["['timeout' => 0]", "['timeout' => null]", "['connect_timeout' => 0, 'timeout' => 0]"]) {
      const r = await runRuleOn(timeouts, guzzle(off), { profile: 'service' });
      expect(r.outcome, off).toBe('fail');
      expect(r.evidence, off).toContainEqual(
        expect.objectContaining({
          path: 'src/Api.php',
          line: 6,
          note: 'Guzzle client with timeout 0 waits indefinitely',
        }),
      );
    }
    for (const on of ["['timeout' => 0.5]", "['timeout' => 10, 'base_uri' => $url]"]) {
      const r = await runRuleOn(timeouts, guzzle(on), { profile: 'service' });
      expect(
        r.evidence.map((e) => e.note),
        on,
      ).not.toContain('Guzzle client with timeout 0 waits indefinitely');
      expect(r.outcome, on).not.toBe('fail');
    }
  });
  it('a store timeout of 0.5 is one, of 0 none', () => {
    expect(disabledTimeout('socket_timeout: 0.5')).toBe(false);
    expect(disabledTimeout('socket_timeout: 0')).toBe(true);
    expect(disabledTimeout("['timeout' => 0]")).toBe(true);
    expect(disabledTimeout("['timeout' => 0.5]")).toBe(false);
  });
});
