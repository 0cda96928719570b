/**
 * Blind round 29, class 3: framework-idiomatic wiring. A NestJS `@Roles('public') @Get('health')`
 * was set aside as auth-guarded; actix-identity's `IdentityService::new(CookieIdentityPolicy::new(…))`
 * was no authentication; Laravel 11's web group (routes/web.base.php, `$middleware->web(append: […])`
 * in bootstrap/app.php) was not read as CSRF-protected, nor `$this->url->forceScheme('https')` as
 * HTTPS enforcement.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import healthEndpoints from './observability/health-endpoints.js';
import authentication from './security/authentication.js';
import securityMiddleware from './security/security-middleware.js';

describe('framework wiring, round 29', () => {
  const nest = (decorator: string) => ({
    'package.json': '{"dependencies":{"@nestjs/core":"10","@nestjs/common":"10"}}',
    'src/main.ts':
      "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api');\nawait app.listen(3000);\n",
    'src/app.controller.ts': [
      "import { Controller, Get } from '@nestjs/common';",
      '',
      '@Controller()',
      'export class AppController {',
      `  ${decorator}`,
      "  @Get('health')",
      '  healthCheck() {',
      "    return 'OK';",
      '  }',
      '}',
    ].join('\n'),
  });

  it('a NestJS health route marked public is served to probes; one behind a role is not', async () => {
    const open = await runRuleOn(healthEndpoints, nest("@Roles('public')"), { profile: 'service' });
    expect(open.outcome).not.toBe('fail');
    expect(open.evidence.map((e) => e.note)).toContain('health route /api/health');
    const publicMarker = await runRuleOn(healthEndpoints, nest('@Public()'), { profile: 'service' });
    expect(publicMarker.outcome).not.toBe('fail');
    const guarded = await runRuleOn(healthEndpoints, nest("@Roles('admin')"), { profile: 'service' });
    expect(guarded.outcome).toBe('fail');
  });

  it('actix-identity cookie identity is authentication wired in code', async () => {
    const actix = {
      'Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\nactix-web = "4"\nactix-identity = "0.4"\n',
      'src/main.rs': [
        'use actix_identity::{CookieIdentityPolicy, IdentityService};',
        'use actix_web::{App, HttpServer};',
        '',
        'fn main() {',
        '    HttpServer::new(|| App::new().wrap(IdentityService::new(',
        '        CookieIdentityPolicy::new(&[0; 32]).name("auth"),',
        '    )));',
        '}',
      ].join('\n'),
    };
    const a = await runRuleOn(authentication, actix, { profile: 'service' });
    expect(a.outcome).toBe('pass');
    expect(a.evidence.map((e) => `${e.path}:${e.line ?? ''}`)).toContain('src/main.rs:5');
    const none = {
      'Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\nactix-web = "4"\n',
      'src/main.rs': 'use actix_web::{App, HttpServer};\n\nfn main() {\n    HttpServer::new(|| App::new());\n}\n',
    };
    expect((await runRuleOn(authentication, none, { profile: 'service' })).outcome).toBe('fail');
  });

  const laravel = (app: string) => ({
    'composer.json': '{"require":{"laravel/framework":"^11.0"}}',
    'bootstrap/app.php': app,
    'routes/web.base.php': "<?php\nRoute::get('/', fn () => view('index'));\n",
    'app/Http/Middleware/ForceHttps.php': [
      '<?php',
      'namespace App\\Http\\Middleware;',
      'class ForceHttps',
      '{',
      '    public function handle($request, $next)',
      '    {',
      "        $this->url->forceScheme('https');",
      '        return $next($request);',
      '    }',
      '}',
    ].join('\n'),
  });
  const APP = [
    '<?php',
    'return Application::configure(basePath: dirname(__DIR__))',
    '    ->withMiddleware(static function (Middleware $middleware): void {',
    '        $middleware->web(append: [',
    '            ForceHttps::class,',
    '        ]);',
    '    })',
    '    ->create();',
  ].join('\n');

  it("Laravel 11: the web group keeps CSRF; forceScheme('https') only generates URLs (round 38: no HSTS)", async () => {
    const s = await runRuleOn(securityMiddleware, laravel(APP), { profile: 'service' });
    expect(s.outcome).toBe('partial');
    expect(s.message).toMatch(/CSRF protection found/);
    expect(s.message).toContain('no HTTPS redirect/HSTS');
    expect(s.evidence.map((e) => e.path)).toContain('routes/web.base.php');
    // CSRF taken out of the web group: no CSRF credit.
    const removed = APP.replace(
      '$middleware->web(append: [',
      '$middleware->web(remove: [ValidateCsrfToken::class], append: [',
    );
    const r = await runRuleOn(securityMiddleware, laravel(removed), { profile: 'service' });
    expect(r.message).not.toMatch(/CSRF protection found/);
    expect(r.evidence.map((e) => e.path)).not.toContain('routes/web.base.php');
  });
});
