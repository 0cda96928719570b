import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rateLimiting from './rate-limiting.js';

/** Blind round 19: a hand-written limiter called only from login and password-reset flows. */
const limiter = [
  'class UserService:', // 1
  '    async def check_rate_limit(self, key, max_attempts):', // 2
  '        count = await self.redis.incr(key)', // 3
  '        if count > max_attempts:', // 4
  '            raise HTTPException(429, "Too many attempts")', // 5
  '', // 6
  '    async def login(self, email, password, ip):', // 7
  '        await self.check_rate_limit(f"login:{ip}", 5)', // 8
  '        return await self.authenticate(email, password)', // 9
  '', // 10
  '    async def finalize_password_reset(self, code, ip):', // 11
  '        await self.check_rate_limit(f"reset:{ip}", 5)', // 12
  '        return await self.apply_reset(code)', // 13
].join('\n');

const PY_API = {
  'pyproject.toml': '[project]\nname = "shopapi"\ndependencies = ["fastapi", "redis"]\n',
  'api/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
  'api/services/users.py': limiter,
};

describe('rate-limiting: a limiter that covers only authentication flows', () => {
  it('is partial, naming the flows it covers', async () => {
    const r = await runRuleOn(rateLimiting, PY_API, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.5);
    expect(r.message).toMatch(/^Only authentication flows are rate-limited: .*login and finalize_password_reset/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'api/services/users.py', line: 2 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'api/services/users.py', line: 8 }));
  });

  it('still passes when the same limiter also guards an ordinary endpoint', async () => {
    const tree = {
      ...PY_API,
      'api/services/users.py': `${limiter}\n\n    async def list_invoices(self, user, ip):\n        await self.check_rate_limit(f"inv:{ip}", 100)\n        return await self.invoices(user)\n`,
    };
    const r = await runRuleOn(rateLimiting, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });
});
