import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';

/**
 * Blind round 23 (a Laravel importer): authentication passed "wired in code with firebase/php-jwt",
 * though php-jwt only signed the JWTs the app sends to a bank API (`JWT::encode(…)`), and the code
 * cited was Laravel's stock `guest` middleware (RedirectIfAuthenticated), attached to no route. A JWT
 * library that only signs outbound tokens checks no request; the guest middleware authenticates none.
 */
const guest = [
  '<?php', // 1
  'namespace App\\Http\\Middleware;', // 2
  '', // 3
  'use Closure;', // 4
  'use Illuminate\\Support\\Facades\\Auth;', // 5
  '', // 6
  'final class RedirectIfAuthenticated', // 7
  '{', // 8
  '    public function handle($request, Closure $next, $guard = null)', // 9
  '    {', // 10
  '        if (Auth::guard($guard)->check()) {', // 11
  "            return redirect('/home');", // 12
  '        }', // 13
  '        return $next($request);', // 14
  '    }', // 15
  '}', // 16
].join('\n');
const signer = (call: string) =>
  [
    '<?php', // 1
    'namespace App\\Services\\Bank;', // 2
    '', // 3
    'use Firebase\\JWT\\JWT;', // 4
    '', // 5
    'final class JWTManager', // 6
    '{', // 7
    '    public static function token(string $key, string $appId): string', // 8
    '    {', // 9
    "        $payload = ['iss' => 'importer', 'aud' => 'api.bank.example.org', 'iat' => time(), 'exp' => time() + 3600];", // 10
    `        ${call}`, // 11
    '    }', // 12
    '}', // 13
  ].join('\n');
const tree = (call: string) => ({
  'composer.json': '{"require":{"laravel/framework":"^11.0","firebase/php-jwt":"^7.1"}}',
  'routes/web.php': "<?php\nuse Illuminate\\Support\\Facades\\Route;\nRoute::get('/', fn () => view('index'));\n",
  'app/Http/Middleware/RedirectIfAuthenticated.php': guest,
  'app/Services/Bank/JWTManager.php': signer(call),
  'app/Services/Bank/Request.php': [
    '<?php', // 1
    'namespace App\\Services\\Bank;', // 2
    '', // 3
    'use GuzzleHttp\\Client;', // 4
    '', // 5
    'final class Request', // 6
    '{', // 7
    '    protected function headers(): array', // 8
    '    {', // 9
    "        $token = JWTManager::token(config('bank.key'), config('bank.app_id'));", // 10
    "        return ['Accept' => 'application/json', 'Authorization' => sprintf('Bearer %s', $token)];", // 11
    '    }', // 12
    '', // 13
    '    public function get(string $url): string', // 14
    '    {', // 15
    "        return (string) (new Client(['timeout' => 10]))->get($url, ['headers' => $this->headers()])->getBody();", // 16
    '    }', // 17
    '}', // 18
  ].join('\n'),
});

describe('round 23: outbound JWT signing and the stock guest middleware are no authentication', () => {
  it('php-jwt only encodes and only the guest middleware asks Auth: fail, the signing line named', async () => {
    const r = await runRuleOn(authentication, tree("return JWT::encode($payload, $key, 'RS256', $appId);"), {
      profile: 'service',
    });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(
      /Not counted: firebase\/php-jwt: used only to sign tokens the service sends; no token it receives is decoded or verified \(app\/Services\/Bank\/JWTManager\.php:11\)/,
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/Services/Bank/JWTManager.php', line: 11 }));
    expect(r.evidence.some((e) => e.path === 'app/Http/Middleware/RedirectIfAuthenticated.php')).toBe(false);
  });

  it('a token signed but not sent in an outbound request: the library keeps its partial credit', async () => {
    const t = tree("return JWT::encode($payload, $key, 'RS256', $appId);");
    const r = await runRuleOn(
      authentication,
      { ...t, 'app/Services/Bank/Request.php': t['app/Services/Bank/Request.php'].replace('Bearer', 'Token') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/firebase\/php-jwt/);
  });

  it('the same library decoding the tokens it receives: authentication wired with it', async () => {
    const r = await runRuleOn(
      authentication,
      tree("return (array) JWT::decode($request->bearerToken(), new Key($key, 'RS256'));"),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/firebase\/php-jwt/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/Services/Bank/JWTManager.php', line: 11, note: 'PHP authentication' }),
    );
  });
});
