import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 21 (a Laravel app): TrustHosts was credited from its class file, though the kernel's
 * global middleware list names it only in a comment (`// \App\Http\Middleware\TrustHosts::class,`).
 * A middleware class defined is no middleware in use: it counts where a line that is not a comment
 * registers it.
 */
const kernel = (trustHosts: string) =>
  [
    '<?php', // 1
    '', // 2
    'namespace App\\Http;', // 3
    '', // 4
    'use Illuminate\\Foundation\\Http\\Kernel as HttpKernel;', // 5
    '', // 6
    'class Kernel extends HttpKernel', // 7
    '{', // 8
    '    protected $middleware = [', // 9
    `        ${trustHosts}`, // 10
    '        \\App\\Http\\Middleware\\TrimStrings::class,', // 11
    '    ];', // 12
    '', // 13
    '    protected $middlewareGroups = [', // 14
    "        'web' => [", // 15
    '            \\App\\Http\\Middleware\\VerifyCsrfToken::class,', // 16
    '        ],', // 17
    '    ];', // 18
    '}', // 19
  ].join('\n');

const LARAVEL = (trustHosts: string) => ({
  'composer.json': '{"require": {"laravel/framework": "^10.0"}}',
  'routes/web.php': "<?php\n\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/', fn () => view('home'));\n",
  'app/Http/Kernel.php': kernel(trustHosts),
  'app/Http/Middleware/TrustHosts.php': [
    '<?php', // 1
    '', // 2
    'namespace App\\Http\\Middleware;', // 3
    '', // 4
    'use Illuminate\\Http\\Middleware\\TrustHosts as Middleware;', // 5
    '', // 6
    'class TrustHosts extends Middleware', // 7
    '{', // 8
    '    public function hosts(): array', // 9
    '    {', // 10
    '        return [$this->allSubdomainsOfApplicationUrl()];', // 11
    '    }', // 12
    '}', // 13
  ].join('\n'),
});

describe('round 21: a middleware named only in a comment is not registered', () => {
  it('commented out in the kernel: trusted hosts not credited, the class named as unregistered', async () => {
    const r = await runRuleOn(securityMiddleware, LARAVEL('// \\App\\Http\\Middleware\\TrustHosts::class,'), {
      profile: 'service',
    });
    expect(r.message).not.toMatch(/trusted hosts (?:found|in place)/);
    expect(r.message).not.toMatch(/, trusted hosts|and trusted hosts/);
    expect(r.message).toMatch(/Not counted: TrustHosts \(app\/Http\/Middleware\/TrustHosts\.php:7\)/);
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ note: 'trusted hosts' }));
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/Http/Middleware/TrustHosts.php',
        line: 7,
        note: expect.stringMatching(/not registered|no middleware list registers it/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/Http/Kernel.php', line: 16, note: 'CSRF protection' }),
    );
  });

  it('registered in the kernel: trusted hosts credited at the registration', async () => {
    const r = await runRuleOn(securityMiddleware, LARAVEL('\\App\\Http\\Middleware\\TrustHosts::class,'), {
      profile: 'service',
    });
    expect(r.message).toMatch(/trusted hosts/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/Http/Kernel.php', line: 10, note: 'trusted hosts' }),
    );
  });

  it('an unregistered class is named once however many keys look at it (the review of the fixes)', async () => {
    const r = await runRuleOn(securityMiddleware, LARAVEL('// \\App\\Http\\Middleware\\TrustHosts::class,'), {
      profile: 'service',
    });
    const named = r.evidence.filter((e) => e.path === 'app/Http/Middleware/TrustHosts.php' && e.line === 7);
    expect(named).toHaveLength(1);
  });
});
