/**
 * readiness verify: under a gap ("### 3. No Rate Limiting"), the endpoints a label lists as exposed
 * ("**Critical Endpoints:**") are places that are there, not more things missing: found, they are
 * confirmed, not "the document says it is missing". An instruction after a condition ("When running
 * MySQL on the same host, use `DB_HOST=localhost`") is no claim.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const tree: Tree = {
  'go.mod': 'module shop\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
  'routes/auth.go': [
    'package routes',
    '',
    'import "github.com/gin-gonic/gin"',
    '',
    'func Auth(r *gin.Engine) {',
    '  r.POST("/login", login)',
    '  r.POST("/signup", signup)',
    '}',
  ].join('\n'),
  'config/db.go': 'package config\n\nconst DefaultHost = "localhost"\nconst DBHostKey = "DB_HOST"\n',
};

describe('the places a gap exposes', () => {
  const doc = [
    '# Hardening', // 1
    '', // 2
    '## Critical security issues', // 3
    '', // 4
    '### 3. **No Rate Limiting**', // 5
    '**Risk:** brute force attacks.', // 6
    '', // 7
    '**Critical Endpoints:**', // 8
    '- `/login` - brute force password attacks', // 9
    '- `/signup` - account creation spam', // 10
    '', // 11
    '### 4. **No Audit Log**', // 12
    '', // 13
    '**Missing:**', // 14
    '- `/audit` endpoint', // 15
    '', // 16
    '### 5. **Hardcoded DB credentials** ✅ FIXED', // 17
    '**Digital Ocean Deployment Notes:**', // 18
    '- When running MySQL on the same droplet, use `DB_HOST=localhost`', // 19
  ].join('\n');
  const { at, has } = verifier('HARDENING.md')(tree, doc);

  it('an exposed endpoint that is there is confirmed, not called out of date', () => {
    expect(at(9).verdict).toBe('confirmed');
    expect(at(10).verdict).toBe('confirmed');
    expect(at(9).reason).not.toMatch(/says it is missing/);
  });
  it('a listed gap is still a claim of absence', () => {
    expect(at(15).verdict).not.toBe('contradicted');
  });
  it('an instruction after a condition is no claim', () => {
    expect(has(19) ? at(19).verdict : 'none').toMatch(/none|unverifiable/);
  });
});
