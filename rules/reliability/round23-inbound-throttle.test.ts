import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rateLimiting from './rate-limiting.js';

/**
 * Blind round 23 (a Laravel importer): rate limiting passed on a client that pauses when the bank API
 * rate-limits it (`pauseForRateLimit`, outbound back-off) and on the kernel's `use …\ThrottleRequests;`
 * import, while the inbound `'throttle:60,1'` of the api middleware group went uncited. A client
 * obeying someone else's limit protects nothing; an import registers nothing.
 */
const kernel = (throttle: boolean) =>
  [
    '<?php', // 1
    'namespace App\\Http;', // 2
    '', // 3
    'use Illuminate\\Foundation\\Http\\Kernel as HttpKernel;', // 4
    'use Illuminate\\Routing\\Middleware\\SubstituteBindings;', // 5
    'use Illuminate\\Routing\\Middleware\\ThrottleRequests;', // 6
    '', // 7
    'class Kernel extends HttpKernel', // 8
    '{', // 9
    '    protected $middlewareGroups = [', // 10
    "        'api' => [", // 11
    throttle ? "            'throttle:60,1'," : '            // no limit yet', // 12
    '            SubstituteBindings::class,', // 13
    '        ],', // 14
    '    ];', // 15
    '}', // 16
  ].join('\n');
const client = [
  '<?php', // 1
  'namespace App\\Services\\Bank;', // 2
  '', // 3
  'use GuzzleHttp\\Client;', // 4
  'use Psr\\Http\\Message\\ResponseInterface;', // 5
  '', // 6
  'class BankRequest', // 7
  '{', // 8
  '    public function get(string $url): string', // 9
  '    {', // 10
  "        $res = (new Client(['timeout' => 10]))->get($url);", // 11
  '        $this->pauseForRateLimit($res);', // 12
  '        return (string) $res->getBody();', // 13
  '    }', // 14
  '', // 15
  '    private function pauseForRateLimit(ResponseInterface $res): void', // 16
  '    {', // 17
  "        $remaining = (int) $res->getHeaderLine('x-ratelimit-remaining');", // 18
  "        $reset = (int) $res->getHeaderLine('x-ratelimit-reset');", // 19
  '        if ($remaining < 2 && $reset > 0) {', // 20
  '            sleep(min($reset, 30));', // 21
  '        }', // 22
  '    }', // 23
  '}', // 24
].join('\n');
const tree = (throttle: boolean) => ({
  'composer.json': '{"require":{"laravel/framework":"^11.0","guzzlehttp/guzzle":"^7.8"}}',
  'routes/api.php':
    "<?php\nuse Illuminate\\Support\\Facades\\Route;\nRoute::post('/import', [ImportController::class, 'run']);\n",
  'app/Http/Kernel.php': kernel(throttle),
  'app/Services/Bank/BankRequest.php': client,
});

describe('round 23: inbound throttle middleware, not outbound back-off', () => {
  it("'throttle:60,1' in the api group: pass, cited at that line, the client's pause not credited", async () => {
    const r = await runRuleOn(rateLimiting, tree(true), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'app/Http/Kernel.php', line: 12 });
    expect(r.evidence.some((e) => e.path === 'app/Http/Kernel.php' && e.line === 6)).toBe(false);
    expect(r.evidence.some((e) => e.path === 'app/Services/Bank/BankRequest.php')).toBe(false);
    expect(r.message).not.toMatch(/pauseForRateLimit/);
  });

  it('only the import and the outbound pause: no rate limiting', async () => {
    const r = await runRuleOn(rateLimiting, tree(false), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.evidence.some((e) => /hand-written rate limiting/.test(e.note ?? ''))).toBe(false);
  });
});
