import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';

/**
 * Blind round 21 (spegel): a registry handler checks HTTP basic auth by hand, handing the request's
 * BasicAuth method to a constant-time comparison (`AuthenticateUserinfo(req.BasicAuth, creds)`);
 * the rule said "no code that checks requests".
 */
const MIRROR = {
  'go.mod': 'module example.com/mirror\n\ngo 1.22\n',
  'main.go':
    'package main\n\nimport "net/http"\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":5000"}\n\tsrv.ListenAndServe()\n}\n',
  'pkg/registry/registry.go': [
    'package registry', // 1
    '', // 2
    'func (r *Registry) handle(rw http.ResponseWriter, req *http.Request) {', // 3
    '\tif r.userinfo != nil && !httpx.AuthenticateUserinfo(req.BasicAuth, *r.userinfo) {', // 4
    '\t\trw.WriteHeader(http.StatusUnauthorized)', // 5
    '\t\treturn', // 6
    '\t}', // 7
    '\trw.WriteHeader(http.StatusOK)', // 8
    '}', // 9
  ].join('\n'),
  'pkg/httpx/userinfo.go': [
    'package httpx', // 1
    '', // 2
    'func AuthenticateUserinfo(basicAuthFn func() (string, string, bool), userinfo url.Userinfo) bool {', // 3
    '\tusername, password, ok := basicAuthFn()', // 4
    '\tif !ok {', // 5
    '\t\treturn false', // 6
    '\t}', // 7
    '\twant, _ := userinfo.Password()', // 8
    '\treturn subtle.ConstantTimeCompare([]byte(username), []byte(userinfo.Username())) == 1 &&', // 9
    '\t\tsubtle.ConstantTimeCompare([]byte(password), []byte(want)) == 1', // 10
    '}', // 11
  ].join('\n'),
};

describe('round 21: basic auth checked by hand', () => {
  it('the request BasicAuth method handed to a checker is authentication written by hand', async () => {
    const r = await runRuleOn(authentication, MIRROR, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.5);
    expect(r.message).toMatch(
      /optional: credentials are checked only when they are configured \(pkg\/registry\/registry\.go:4, when r\.userinfo is set\)/,
    );
    expect(r.message).not.toMatch(/no code that checks requests/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'pkg/registry/registry.go', line: 4 }));
  });

  it('a check that always runs passes', async () => {
    const r = await runRuleOn(
      authentication,
      {
        ...MIRROR,
        'pkg/registry/registry.go': MIRROR['pkg/registry/registry.go'].replace('r.userinfo != nil && ', ''),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'pkg/registry/registry.go', line: 4 }));
  });

  it('without the check, no authentication', async () => {
    const r = await runRuleOn(
      authentication,
      {
        ...MIRROR,
        'pkg/registry/registry.go': MIRROR['pkg/registry/registry.go'].replace(
          '\tif r.userinfo != nil && !httpx.AuthenticateUserinfo(req.BasicAuth, *r.userinfo) {',
          '\tif req.Method != http.MethodGet {',
        ),
        'pkg/httpx/userinfo.go': 'package httpx\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
