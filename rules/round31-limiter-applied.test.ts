/**
 * Blind round 31, class "rate limiting registered without effect": @nestjs/throttler's
 * ThrottlerModule.forRoot only configures limits; without a ThrottlerGuard (APP_GUARD,
 * @UseGuards) or @Throttle nothing is limited. slowapi's Limiter likewise limits only routes
 * decorated with @limiter.limit or an app wrapped in SlowAPIMiddleware.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import rateLimiting from './reliability/rate-limiting.js';

const PKG = JSON.stringify({
  name: 'shop-api',
  dependencies: { '@nestjs/core': '^10.0.0', '@nestjs/common': '^10.0.0', '@nestjs/throttler': '^5.0.0' },
});

function nest(module: string): Tree {
  return {
    'package.json': PKG,
    'src/main.ts':
      "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule).then((app) => app.listen(3000));\n",
    'src/app.module.ts': module,
  };
}

const REGISTERED = [
  "import { Module } from '@nestjs/common';",
  "import { ThrottlerModule } from '@nestjs/throttler';",
  '@Module({',
  '  imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])],',
  '})',
  'export class AppModule {}',
  '',
].join('\n');

const PY_APP = (routes: string) =>
  [
    'from fastapi import FastAPI, Request',
    'from slowapi import Limiter',
    'from slowapi.util import get_remote_address',
    '',
    'limiter = Limiter(key_func=get_remote_address)',
    'app = FastAPI()',
    'app.state.limiter = limiter',
    '',
    routes,
    '@app.get("/items")',
    'async def items(request: Request):',
    '    return []',
    '',
  ].join('\n');

const PY = (routes: string): Tree => ({
  'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["fastapi", "slowapi", "uvicorn"]\n',
  'app/main.py': PY_APP(routes),
});

describe('a rate limiter configured but never applied', () => {
  it('is partial when ThrottlerModule.forRoot has no guard or @Throttle', async () => {
    const r = await runRuleOn(rateLimiting, nest(REGISTERED));
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('configured but not applied');
  });

  it('passes when ThrottlerGuard is an APP_GUARD provider', async () => {
    const module = REGISTERED.replace(
      '})',
      '  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],\n})',
    ).replace(
      "import { ThrottlerModule } from '@nestjs/throttler';",
      "import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';\nimport { APP_GUARD } from '@nestjs/core';",
    );
    expect((await runRuleOn(rateLimiting, nest(module))).outcome).toBe('pass');
  });

  it('is partial when a slowapi Limiter decorates no route', async () => {
    const r = await runRuleOn(rateLimiting, PY(''));
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('no route has @limiter.limit');
  });

  it('passes when a route is decorated with @limiter.limit', async () => {
    expect((await runRuleOn(rateLimiting, PY('@limiter.limit("5/minute")'))).outcome).toBe('pass');
  });
});
