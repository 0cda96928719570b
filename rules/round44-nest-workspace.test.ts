/**
 * Blind round 44 (issue 15): an Nx-style workspace whose one root package.json depends on an Ionic
 * mobile client and on a NestJS API. The package is not a mobile app: the API's files are server
 * code, so its health controller, permission guard and helmet registration count.
 */
import { describe, expect, it } from 'vitest';
import healthEndpoints from './observability/health-endpoints.js';
import authorization from './security/authorization.js';
import securityMiddleware from './security/security-middleware.js';
import timeouts from './reliability/timeouts.js';
import rateLimiting from './reliability/rate-limiting.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

function workspace(deps: Record<string, string>): Tree {
  return {
    'package.json': JSON.stringify({ name: 'ws', dependencies: deps }),
    'apps/api/src/main.ts': [
      "import helmet from 'helmet';",
      "import { NestFactory } from '@nestjs/core';",
      'async function bootstrap() {',
      '  const app = await NestFactory.create(AppModule);',
      "  app.setGlobalPrefix('api');",
      "  if (process.env.HARDEN === 'true') {",
      '    app.use((req, res, next) => {',
      '      helmet({ crossOriginOpenerPolicy: false })(req, res, next);',
      '    });',
      '  }',
      '  await app.listen(3333);',
      '}',
      'bootstrap();',
      '',
    ].join('\n'),
    'apps/api/src/app/health/health.controller.ts': [
      "import { Controller, Get } from '@nestjs/common';",
      "@Controller('health')",
      'export class HealthController {',
      '  @Get()',
      "  public getHealth() { return { status: 'OK' }; }",
      '}',
      '',
    ].join('\n'),
    'apps/api/src/guards/has-permission.guard.ts': [
      "import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';",
      '@Injectable()',
      'export class HasPermissionGuard implements CanActivate {',
      '  public canActivate(context: ExecutionContext): boolean {',
      '    const { user } = context.switchToHttp().getRequest();',
      "    if (!user || !hasPermission(user.permissions, 'admin')) {",
      '      throw new ForbiddenException();',
      '    }',
      '    return true;',
      '  }',
      '}',
      '',
    ].join('\n'),
    'apps/client/src/app/app.component.ts':
      "import { Component } from '@angular/core';\nexport class AppComponent {}\n",
  };
}

const NEST = { '@nestjs/core': '11.0.0', '@nestjs/common': '11.0.0', helmet: '8.0.0' };
const IONIC = { '@angular/core': '20.0.0', '@ionic/angular': '8.0.0' };

describe('round 44: a workspace with a mobile client and a NestJS API is not a mobile app', () => {
  it('the API beside an Ionic client keeps its health route, permission guard and helmet', async () => {
    const tree = workspace({ ...IONIC, ...NEST });
    const health = await runRuleOn(healthEndpoints, tree, { profile: 'service' });
    expect(health.outcome).toBe('pass');
    expect(health.evidence[0]).toMatchObject({ path: 'apps/api/src/app/health/health.controller.ts', line: 2 });
    expect(health.evidence[0]!.note).toContain('/api/health');
    const authz = await runRuleOn(authorization, tree, { profile: 'service' });
    expect(authz.outcome).toBe('pass');
    expect(authz.evidence[0]).toMatchObject({ path: 'apps/api/src/guards/has-permission.guard.ts', line: 6 });
    const headers = await runRuleOn(securityMiddleware, tree, { profile: 'service' });
    expect(headers.outcome).not.toBe('fail');
    expect(JSON.stringify(headers.evidence)).toContain('apps/api/src/main.ts');
    expect(JSON.stringify(headers.evidence)).not.toContain('never registered');
  });

  it('a package with a mobile framework and no server framework is still the mobile app', async () => {
    const tree = workspace({ ...IONIC, helmet: '8.0.0' });
    const health = await runRuleOn(healthEndpoints, tree, { profile: 'service' });
    expect(health.outcome).toBe('fail');
    const headers = await runRuleOn(securityMiddleware, tree, { profile: 'service' });
    expect(headers.outcome).toBe('fail');
  });
});

describe("round 44: a service's own fetch wrapper is defined, not called", () => {
  const wrapper = [
    "import { Injectable } from '@nestjs/common';",
    '@Injectable()',
    'export class FetchService {',
    '  public async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {',
    '    return fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(10_000) });',
    '  }',
    '}',
    '',
  ].join('\n');
  const caller = (call: string) =>
    [
      'export class QuoteService {',
      '  constructor(private readonly fetchService: FetchService) {}',
      '  public async quote(symbol: string) {',
      `    ${call}`,
      '  }',
      '}',
      '',
    ].join('\n');
  const tree = (extra: Record<string, string>): Tree => ({
    'package.json': JSON.stringify({ dependencies: { '@nestjs/core': '11.0.0' } }),
    'src/services/fetch.service.ts': wrapper,
    'src/services/quote.service.ts': caller(
      'return this.fetchService.fetch(`https://quotes.example.com/${symbol}`, { signal: AbortSignal.timeout(3000) });',
    ),
    ...extra,
  });

  it('`public async fetch(input, init?): Promise<Response> {` is no call without a signal', async () => {
    const run = await runRuleOn(timeouts, tree({}), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(JSON.stringify(run.evidence)).not.toContain('without a signal');
  });

  it('a plain fetch without a signal beside the wrapper is still a finding', async () => {
    const run = await runRuleOn(
      timeouts,
      tree({ 'src/services/rates.service.ts': caller("return fetch('https://rates.example.com/latest');") }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'src/services/rates.service.ts', line: 4 });
    expect(run.evidence[0]!.note).toContain('fetch() without a signal');
  });
});

describe("round 44: a guard subclassing @nestjs/throttler's ThrottlerGuard is the library's, not hand-written", () => {
  const tree = (controller: string): Tree => ({
    'package.json': JSON.stringify({ dependencies: { '@nestjs/core': '11.0.0', '@nestjs/throttler': '6.0.0' } }),
    'src/app.module.ts': [
      "import { ThrottlerModule } from '@nestjs/throttler';",
      '@Module({',
      '  imports: [',
      '    ThrottlerModule.forRootAsync({ useFactory: () => ({ throttlers: [{ limit: 10, ttl: 60_000 }] }) }),',
      '  ],',
      '})',
      'export class AppModule {}',
      '',
    ].join('\n'),
    'src/guards/custom-throttler.guard.ts': [
      "import { ThrottlerGuard } from '@nestjs/throttler';",
      '@Injectable()',
      'export class CustomThrottlerGuard extends ThrottlerGuard {',
      '  protected async getTracker(req: Record<string, any>) { return req.ips.length ? req.ips[0] : req.ip; }',
      '}',
      '',
    ].join('\n'),
    'src/auth/auth.controller.ts': controller,
  });

  it('applied with @UseGuards: rate limiting passes, naming the subclass and what it extends', async () => {
    const run = await runRuleOn(
      rateLimiting,
      tree(
        "@Controller('auth')\nexport class AuthController {\n  @UseGuards(CustomThrottlerGuard)\n  @Post('login')\n  login() {}\n}\n",
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Subclassed: CustomThrottlerGuard (extends ThrottlerGuard)');
    expect(run.message).not.toContain('Hand-written');
    expect(run.evidence[0]).toMatchObject({ path: 'src/guards/custom-throttler.guard.ts', line: 3 });
    expect(run.evidence[0]!.note).toContain('a subclass of ThrottlerGuard');
  });

  it('applied nowhere: the subclass is not cited', async () => {
    const run = await runRuleOn(
      rateLimiting,
      tree("@Controller('auth')\nexport class AuthController {\n  @Post('login')\n  login() {}\n}\n"),
      { profile: 'service' },
    );
    // The module's registration and the guard's import keep the library's pass (rate-limiting.ts):
    // the subclass no route uses is not cited as applied.
    expect(run.message).not.toContain('CustomThrottlerGuard');
    expect(JSON.stringify(run.evidence)).not.toContain('custom-throttler.guard.ts');
  });
});
