import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import timeouts from './reliability/timeouts.js';
import authentication from './security/authentication.js';
import securityMiddleware from './security/security-middleware.js';

/**
 * Blind round 50 (a Mezzio service run by RoadRunner): Mezzio is a web framework; a PSR-15
 * middleware checking X-Api-Key is authentication; `exec ./bin/rr serve` drains on SIGTERM as
 * gunicorn does; Guzzle's `RequestOptions::TIMEOUT` and a client's `setRequestTimeout` are timeouts.
 */
const composer = (...deps: string[]) =>
  JSON.stringify({
    name: 'acme/svc',
    type: 'project',
    require: Object.fromEntries(['php', ...deps].map((d) => [d, d === 'php' ? '^8.3' : '^1.0'])),
  });

const AUTH = (header: string, refuse: string) =>
  [
    '<?php', // 1
    'namespace Acme\\Middleware;', // 2
    '', // 3
    'use Psr\\Http\\Server\\MiddlewareInterface;', // 4
    '', // 5
    'class AuthenticationMiddleware implements MiddlewareInterface', // 6
    '{', // 7
    `    public const string KEY_HEADER = '${header}';`, // 8
    '', // 9
    '    public function process(Request $request, RequestHandlerInterface $handler): Response', // 10
    '    {', // 11
    '        $key = $request->getHeaderLine(self::KEY_HEADER);', // 12
    '        $result = $this->keys->check($key);', // 13
    '        if (!$result->isValid()) {', // 14
    `            ${refuse}`, // 15
    '        }', // 16
    '        return $handler->handle($request);', // 17
    '    }', // 18
    '}', // 19
  ].join('\n');

const service = (extra: Record<string, string>, deps = ['mezzio/mezzio']) => ({
  'composer.json': composer(...deps),
  'composer.lock': '{}',
  'public/index.php': '<?php\n$app = $container->get(Application::class);\n$app->run();\n',
  ...extra,
});

describe('round 50: Mezzio and PSR-15 middleware', () => {
  it('Mezzio is a web framework: security middleware is judged, not "no web framework"', async () => {
    const cors =
      "<?php\nclass CrossDomainMiddleware implements MiddlewareInterface\n{\n    public function process($request, $handler)\n    {\n        return $handler->handle($request)->withHeader('Access-Control-Allow-Origin', '*');\n    }\n}\n";
    const r = await runRuleOn(securityMiddleware, service({ 'src/CrossDomainMiddleware.php': cors }), {
      profile: 'service',
    });
    expect(r.outcome).not.toBe('not-applicable');
    expect(r.message).not.toMatch(/no web framework/);
  });

  it('a PSR-15 middleware checking an API-key header and refusing is authentication, cited at the read', async () => {
    const r = await runRuleOn(
      authentication,
      service({
        'src/Middleware/AuthenticationMiddleware.php': AUTH('X-Api-Key', 'throw InvalidApiKeyException::create();'),
      }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/PSR-15 authentication middleware/);
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/Middleware/AuthenticationMiddleware.php:12');
  });

  it('a middleware reading another header, or one that refuses nothing, is no authentication', async () => {
    const other = await runRuleOn(
      authentication,
      service({
        'src/Middleware/AuthenticationMiddleware.php': AUTH(
          'Accept-Language',
          'throw InvalidApiKeyException::create();',
        ),
      }),
      { profile: 'service' },
    );
    expect(other.outcome).toBe('fail');
    const passes = await runRuleOn(
      authentication,
      service({ 'src/Middleware/AuthenticationMiddleware.php': AUTH('X-Api-Key', "$this->log->info('no key');") }),
      { profile: 'service' },
    );
    expect(passes.outcome).toBe('fail');
  });
});

describe('round 50: RoadRunner drains on SIGTERM', () => {
  const image = (script: string) =>
    service({
      Dockerfile:
        'FROM php:8.4-alpine\nCOPY . /app\nCOPY docker/entrypoint.sh entrypoint.sh\nEXPOSE 8080\nENTRYPOINT ["/bin/sh", "./entrypoint.sh"]\n',
      'docker/entrypoint.sh': script,
    });

  it('an entrypoint that execs `rr serve`: RoadRunner gets SIGTERM and stops its workers gracefully', async () => {
    const r = await runRuleOn(
      gracefulShutdown,
      image('#!/bin/sh\nset -e\nphp bin/cli migrate\nexec ./bin/rr serve -c .rr.yml\n'),
      {
        profile: 'service',
      },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/RoadRunner stops gracefully on SIGTERM/);
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('docker/entrypoint.sh:4');
  });

  it('`rr serve` without exec leaves the shell holding SIGTERM: no default drain', async () => {
    const r = await runRuleOn(
      gracefulShutdown,
      image('#!/bin/sh\nset -e\nphp bin/cli migrate\n./bin/rr serve -c .rr.yml\n'),
      {
        profile: 'service',
      },
    );
    expect(r.outcome).not.toBe('pass');
  });

  it('a word `rr` elsewhere is no RoadRunner', async () => {
    const r = await runRuleOn(gracefulShutdown, image('#!/bin/sh\nexec php -S 0.0.0.0:8080 -t public rr\n'), {
      profile: 'service',
    });
    expect(r.message).not.toMatch(/RoadRunner/);
  });
});

describe('round 50: PHP client timeouts by Guzzle option constants and setters', () => {
  const caller = (options: string) =>
    service(
      {
        'src/TitleResolver.php': [
          '<?php', // 1
          'use GuzzleHttp\\Client;', // 2
          'use GuzzleHttp\\RequestOptions;', // 3
          '', // 4
          'class TitleResolver', // 5
          '{', // 6
          '    public function fetch(string $url)', // 7
          '    {', // 8
          '        return $this->httpClient->request("GET", $url, [', // 9
          `            ${options}`, // 10
          '        ]);', // 11
          '    }', // 12
          '}', // 13
        ].join('\n'),
      },
      ['mezzio/mezzio', 'guzzlehttp/guzzle'],
    );

  it('`RequestOptions::TIMEOUT => 3` is an explicit timeout', async () => {
    const r = await runRuleOn(timeouts, caller('RequestOptions::TIMEOUT => 3,'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/TitleResolver.php:10');
  });

  it('a tracker client’s `setRequestTimeout(self::TIMEOUT)` is one too; other options are not', async () => {
    const setter = await runRuleOn(
      timeouts,
      {
        ...caller('RequestOptions::ALLOW_REDIRECTS => true,'),
        'src/TrackerBuilder.php':
          '<?php\nclass TrackerBuilder\n{\n    public function build()\n    {\n        return (new \\MatomoTracker(1, $this->url))\n            ->setRequestTimeout(self::DEFAULT_TIMEOUT);\n    }\n}\n',
      },
      { profile: 'service' },
    );
    expect(setter.evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/TrackerBuilder.php:7');
    const none = await runRuleOn(timeouts, caller('RequestOptions::ALLOW_REDIRECTS => true,'), { profile: 'service' });
    expect(none.outcome).not.toBe('pass');
  });
});
