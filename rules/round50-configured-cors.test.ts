import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import securityMiddleware from './security/security-middleware.js';

/**
 * Blind round 50 (a Mezzio service): a CORS middleware in the pipeline sends `*` only when the
 * configured origins are `*`, and otherwise the request's Origin only when it is among the configured
 * ones; security-middleware read the `*` branch alone as "a CORS header allowing any origin".
 */
const OPTIONS = (allowListed: boolean) =>
  [
    '<?php', // 1
    'namespace App\\Options;', // 2
    '', // 3
    'final class CorsOptions', // 4
    '{', // 5
    "    public function __construct(public readonly string|array $allowOrigins = '*') {}", // 6
    '', // 7
    '    public function withCors($request, $response)', // 8
    '    {', // 9
    "        if ($this->allowOrigins === '*') {", // 10
    "            return $response->withHeader('Access-Control-Allow-Origin', '*');", // 11
    '        }', // 12
    "        $requestOrigin = $request->getHeaderLine('Origin');", // 13
    allowListed
      ? '        if (in_array($requestOrigin, $this->allowOrigins, true)) {' // 14
      : '        if (true) {', // 14
    "            return $response->withHeader('Access-Control-Allow-Origin', $requestOrigin);", // 15
    '        }', // 16
    '        return $response;', // 17
    '    }', // 18
    '}', // 19
    '',
  ].join('\n');

const MIDDLEWARE = [
  '<?php',
  'namespace App\\Middleware;',
  '',
  'use Psr\\Http\\Server\\MiddlewareInterface;',
  '',
  'final class CrossDomainMiddleware implements MiddlewareInterface',
  '{',
  '    public function process($request, $handler): ResponseInterface',
  '    {',
  '        $response = $handler->handle($request);',
  '        return $this->options->withCors($request, $response);',
  '    }',
  '}',
  '',
].join('\n');

const tree = (allowListed: boolean, onlyStar = false) => ({
  'composer.json': JSON.stringify({
    name: 'acme/short',
    require: { php: '^8.2', 'mezzio/mezzio': '^3.19', 'mezzio/mezzio-fastroute': '^3.11' },
  }),
  'public/index.php': '<?php\n$app = $container->get(\\Mezzio\\Application::class);\n$app->run();\n',
  'config/pipeline.php':
    '<?php\nreturn function ($app) {\n    $app->pipe(\\App\\Middleware\\CrossDomainMiddleware::class);\n    $app->pipe(\\Mezzio\\Router\\Middleware\\RouteMiddleware::class);\n};\n',
  'src/Middleware/CrossDomainMiddleware.php': MIDDLEWARE,
  'src/Options/CorsOptions.php': onlyStar
    ? "<?php\nnamespace App\\Options;\n\nfinal class CorsOptions\n{\n    public function withCors($request, $response)\n    {\n        return $response->withHeader('Access-Control-Allow-Origin', '*');\n    }\n}\n"
    : OPTIONS(allowListed),
});

describe('round 50: a CORS policy with configured origins, whose `*` is one configured choice', () => {
  it('the allow-listed branch beside the `*` one is a CORS policy: not "allowing any origin"', async () => {
    const r = await runRuleOn(securityMiddleware, tree(true), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).not.toMatch(/allowing any origin is set by hand/);
    expect(r.message).toMatch(
      /CORS with configured origins, set by hand \(src\/Options\/CorsOptions\.php:15; any origin only when configured as `\*`\)/,
    );
  });

  it('only `*`, set by hand: still no hardening', async () => {
    const r = await runRuleOn(securityMiddleware, tree(true, true), { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/allowing any origin is set by hand/);
  });

  it("the request's Origin sent back with no allow-list check (PSR-7 getHeaderLine) is any origin, not a policy", async () => {
    const r = await runRuleOn(securityMiddleware, tree(false), { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});
